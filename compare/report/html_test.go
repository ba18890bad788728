package report

import (
	"net/url"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/compare"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk calls f for every element under n.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// TestHTMLFindings parses the page and finds every finding as a matrix row
// with one cell per article, evidence with marked spans and the quote diff.
func TestHTMLFindings(t *testing.T) {
	r := sampleReport()
	doc := parseHTML(t, render(t, r, Options{Format: "html"}))
	var rows []*html.Node
	marks, dels, ins := map[string]bool{}, 0, 0
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Tr:
			if strings.Contains(attr(n, "class"), "finding") {
				rows = append(rows, n)
			}
		case atom.Mark:
			marks[text(n)] = true
		case atom.Del:
			dels++
		case atom.Ins:
			ins++
		}
	})
	if len(rows) != len(r.Findings) {
		t.Fatalf("%d finding rows, want %d", len(rows), len(r.Findings))
	}
	for i, row := range rows {
		f := r.Findings[i]
		if got := attr(row, "data-slot"); got != f.Slot {
			t.Errorf("row %d data-slot = %q, want %q", i, got, f.Slot)
		}
		if got := attr(row, "data-status"); got != string(f.Status) {
			t.Errorf("row %d data-status = %q, want %q", i, got, f.Status)
		}
		cells := 0
		for c := row.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td {
				cells++
			}
		}
		if cells != len(r.Sources) {
			t.Errorf("row %d has %d cells, want %d", i, cells, len(r.Sources))
		}
		if !strings.Contains(text(row), f.Label) {
			t.Errorf("row %d does not name %q", i, f.Label)
		}
		for _, g := range f.Groups {
			for _, e := range g.Evidence {
				if !marks[e.Text] {
					t.Errorf("span %q of %s is not marked", e.Text, f.Slot)
				}
			}
		}
	}
	if dels != 1 || ins != 1 {
		t.Errorf("quote diff has %d <del> and %d <ins>, want 1 and 1", dels, ins)
	}
	out := render(t, r, Options{Format: "html"})
	for _, want := range []string{"shares 72% of its text with dainik", "evening likely reports a different occurrence",
		"reports occurrence 2", "<details>"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestHTMLHostileTextIsInert: scripts, event-handler attributes and script
// URLs in article titles, sentences and URLs come out as text.
func TestHTMLHostileTextIsInert(t *testing.T) {
	r := hostileReport()
	out := render(t, r, Options{Format: "html", Title: "<script>alert(0)</script>"})
	doc := parseHTML(t, out)
	var texts strings.Builder
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Script, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Link, atom.Base, atom.Form:
			t.Errorf("page contains a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" || a.Key == "src" {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "#") {
					t.Errorf("<%s %s=%q>: not a web link", n.Data, a.Key, a.Val)
				}
			}
		}
		texts.WriteString(text(n))
	})
	all := texts.String()
	for _, want := range []string{"<script>alert(1)</script>", "javascript:alert(3)", "<script>alert('s')</script>",
		"<img src=x onerror=alert(1)>", `\x1b]0;pwned\x07`} {
		if !strings.Contains(all, want) {
			t.Errorf("hostile text %q is not shown as text", want)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("raw ESC in HTML")
	}
}

// TestHTMLSelfContained: the page loads nothing and links only to article
// URLs that are http(s).
func TestHTMLSelfContained(t *testing.T) {
	for _, r := range []*compare.Report{sampleReport(), hostileReport()} {
		out := render(t, r, Options{Format: "html"})
		allowed := map[string]bool{}
		for _, s := range r.Sources {
			if webURL(s.URL) {
				allowed[hostPath(s.URL)] = true
			}
		}
		doc := parseHTML(t, out)
		links := 0
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				v := strings.ToLower(a.Val)
				if !strings.Contains(v, "http:") && !strings.Contains(v, "https:") && !strings.Contains(v, "//") &&
					!strings.Contains(v, "url(") {
					continue
				}
				if n.DataAtom == atom.A && a.Key == "href" && allowed[hostPath(a.Val)] {
					links++
					continue
				}
				t.Errorf("<%s %s=%q> refers outside the page", n.Data, a.Key, a.Val)
			}
			if n.DataAtom == atom.Style {
				css := text(n)
				for _, bad := range []string{"url(", "@import", "http"} {
					if strings.Contains(css, bad) {
						t.Errorf("inline CSS contains %q", bad)
					}
				}
			}
		})
		if links != len(allowed) {
			t.Errorf("%d article links, want %d", links, len(allowed))
		}
		if !strings.Contains(out, `Content-Security-Policy" content="default-src 'none'`) {
			t.Error("no Content-Security-Policy")
		}
	}
}

// hostPath is a URL without its query, for comparing links that
// html/template re-encoded.
func hostPath(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Scheme + "://" + p.Host + p.Path
}

func TestWebURL(t *testing.T) {
	cases := map[string]bool{
		"https://example.org/a": true, "http://x.in/": true, "HTTPS://EXAMPLE.ORG": true,
		"javascript:alert(1)": false, "data:text/html,x": false, "//example.org": false,
		"example.org": false, "": false, "https:///nohost": false, "vbscript:x": false,
	}
	for u, want := range cases {
		if got := webURL(u); got != want {
			t.Errorf("webURL(%q) = %v, want %v", u, got, want)
		}
	}
}
