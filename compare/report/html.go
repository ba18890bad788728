package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/factdiff/factdiff/compare"
)

//go:embed assets/report.html.tmpl assets/report.css
var assets embed.FS

// htmlTemplate is parsed once; html/template escapes every value by context.
var htmlTemplate = template.Must(template.ParseFS(assets, "assets/report.html.tmpl"))

// htmlCSS is the page's style sheet, inlined so that the page loads nothing.
var htmlCSS = func() template.CSS {
	b, err := assets.ReadFile("assets/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// The view model of the HTML page: every string is cleaned article text or
// words of this package, and the template escapes all of them.
type (
	htmlView struct {
		Title    string
		Summary  string
		CSS      template.CSS
		Sources  []htmlSource
		Events   []htmlEvent
		Findings []htmlFinding
	}
	htmlSource struct {
		ID, Title, URL, URLText, Published string
		Claims                             int
		Shares                             []string
		OtherEvent                         bool
		EventNo                            int
	}
	htmlEvent struct {
		Sources, Note string
	}
	htmlFinding struct {
		ID, Slot, Label, Status, Severity string
		Note, DifferentEvent, Context     string
		Groups                            []htmlGroup
		Diff                              []compare.DiffSpan
		Cells                             []htmlCell
	}
	htmlGroup struct {
		Letter, Display, Count, Sources, Flags string
	}
	htmlCell struct {
		Class, Letter, Display string
		Evidence               []htmlEvidence
	}
	htmlEvidence struct {
		Before, Span, After string
		HasSpan             bool
		Location            string
		Meta                []string
	}
)

// renderHTML writes one self-contained page: a matrix of facts (rows) by
// articles (columns), each cell colored by the finding's verdict and opening
// to its evidence with the value's span marked.
func renderHTML(w io.Writer, r *compare.Report, sel []int, opt Options) error {
	v := htmlView{Title: clean(opt.Title), Summary: summary(r, sel), CSS: htmlCSS}
	if v.Title == "" {
		v.Title = defaultTitle
	}
	idx := sourceIndex(r)
	main := mainEvent(r)
	for _, s := range r.Sources {
		hs := htmlSource{ID: clean(s.ID), Title: clean(s.Title), Published: clean(s.Published), Claims: s.Claims}
		if hs.Title == "" {
			hs.Title = "(untitled)"
		}
		if webURL(s.URL) {
			hs.URL = s.URL
		} else if s.URL != "" {
			hs.URLText = clean(s.URL)
		}
		for _, sh := range s.SharesTextWith {
			hs.Shares = append(hs.Shares, clean(shareNote(sh)))
		}
		if len(r.Events) > 1 && s.Event != main {
			hs.OtherEvent, hs.EventNo = true, s.Event+1
		}
		v.Sources = append(v.Sources, hs)
	}
	if len(r.Events) > 1 {
		for _, e := range r.Events {
			v.Events = append(v.Events, htmlEvent{Sources: clean(strings.Join(e.Sources, ", ")), Note: clean(e.Note)})
		}
	}
	for n, i := range sel {
		v.Findings = append(v.Findings, htmlFindingOf(r, idx, &r.Findings[i], n))
	}
	b := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(b, v); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	return nil
}

// htmlFindingOf builds the matrix row of finding f, the n-th shown.
func htmlFindingOf(r *compare.Report, idx map[string]int, f *compare.Finding, n int) htmlFinding {
	hf := htmlFinding{
		ID:       "finding-" + strconv.Itoa(n+1),
		Slot:     clean(f.Slot),
		Label:    clean(f.Label),
		Status:   string(f.Status),
		Severity: string(f.Severity),
		Note:     clean(f.Note),
	}
	if hf.Label == "" {
		hf.Label = hf.Slot
	}
	hf.Context = strings.Join(findingContext(r, f), " · ")
	if f.DifferentEvent {
		hf.DifferentEvent = "Warning: " + differentEventNote(r, f, idx) + "."
	}
	for _, d := range f.QuoteDiff {
		hf.Diff = append(hf.Diff, compare.DiffSpan{Op: d.Op, Text: clean(d.Text)})
	}
	lettered := len(f.Groups) > 1
	for gi := range f.Groups {
		g := &f.Groups[gi]
		hg := htmlGroup{Display: clean(groupDisplay(g)), Count: groupCount(g), Sources: clean(strings.Join(g.Sources, ", ")),
			Flags: strings.Join(groupFlags(g), " · ")}
		if lettered {
			hg.Letter = groupLetter(gi)
		}
		hf.Groups = append(hf.Groups, hg)
	}
	hf.Cells = make([]htmlCell, len(r.Sources))
	for gi := range f.Groups {
		g := &f.Groups[gi]
		for _, id := range g.Sources {
			si, ok := idx[id]
			if !ok {
				continue
			}
			c := &hf.Cells[si]
			if c.Display != "" {
				continue // a source in two groups shows its first value
			}
			c.Class, c.Display = hf.Status, truncate(hf.Groups[gi].Display, maxCell)
			c.Letter = hf.Groups[gi].Letter
			for ei := range g.Evidence {
				e := &g.Evidence[ei]
				if e.Source != id {
					continue
				}
				before, span, after, ok := spanParts(e)
				c.Evidence = append(c.Evidence, htmlEvidence{
					Before: before, Span: span, After: after, HasSpan: ok,
					Location: location(r, idx, e), Meta: evidenceMeta(e),
				})
			}
		}
	}
	return hf
}

// maxCell is the most characters a matrix cell shows of a value before its
// evidence is opened; the fact's group list shows values whole.
const maxCell = 60

// groupLetter names the gi-th group: A, B, … Z, then G27, G28, ….
func groupLetter(gi int) string {
	if gi < 26 {
		return string(rune('A' + gi))
	}
	return "G" + strconv.Itoa(gi+1)
}

// webURL reports whether u is an absolute http or https URL, the only kind
// the page makes clickable.
func webURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return false
	}
	return p.Scheme == "http" || p.Scheme == "https"
}
