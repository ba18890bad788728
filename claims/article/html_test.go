package article

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// long is filler that makes a part of a page count as "the article".
var long = strings.Repeat("राहत कार्य रात भर चलता रहा और प्रशासन ने मुआवजे की घोषणा की। ", 4)

// TestExtractHTMLText is the corpus of markup → text.
func TestExtractHTMLText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs and headings",
			"<h1>बस हादसा</h1><p>14 की मौत</p><h2>राहत</h2><p>22 घायल</p>",
			"बस हादसा\n14 की मौत\nराहत\n22 घायल\n"},
		{"inline elements joined",
			"<p>बस <b>200</b> <i>मीटर</i> गहरी<a href=x>खाई</a>में</p>",
			"बस 200 मीटर गहरीखाईमें\n"},
		{"white space collapsed, edges trimmed",
			"<p>\n\t  करीब   4\n  घंटे  \n</p>",
			"करीब 4 घंटे\n"},
		{"entities decoded",
			"<p>5&nbsp;km &amp; 60&#160;km/h &quot;तेज&quot; &#x915;&#2326;</p>",
			"5 km & 60 km/h \"तेज\" कख\n"},
		{"nbsp-only paragraph dropped",
			"<p>पहला</p><p>&nbsp;</p><p>दूसरा</p>",
			"पहला\nदूसरा\n"},
		{"br breaks a line, once",
			"<p>पहली पंक्ति<br>दूसरी<br/><br>तीसरी</p>",
			"पहली पंक्ति\nदूसरी\nतीसरी\n"},
		{"list items",
			"<ul><li>दिल्ली: 3<li>मुंबई: 5</ul>",
			"दिल्ली: 3\nमुंबई: 5\n"},
		{"table rows and cells",
			"<table><tr><th>जिला</th><th>मौतें</th></tr><tr><td>चमोली</td><td>9</td></tr></table>",
			"जिला\tमौतें\nचमोली\t9\n"},
		{"pre keeps lines",
			"<pre>पंक्ति एक\nपंक्ति दो</pre>",
			"पंक्ति एक\nपंक्ति दो\n"},
		{"scripts styles and forms dropped",
			"<style>p{color:red}</style><p>खबर</p><script>document.write('<p>x</p>')</script><form><label>ईमेल</label><button>भेजें</button></form><noscript>enable JS</noscript>",
			"खबर\n"},
		{"furniture by class, id and role",
			`<p>खबर</p><div class="social-share">Share</div><div id="relatedStories">और</div><div class="ad_slot">Ad</div>` +
				`<div role="navigation">nav</div><ul class="breadcrumb"><li>होम</li></ul><div class="cookie-banner">cookies</div>` +
				`<div class="sr-only">Share on X</div><div class="newsletter-signup">subscribe</div><p>अंत</p>`,
			"खबर\nअंत\n"},
		{"hidden elements dropped",
			`<p>दिखता</p><p hidden>छिपा</p><span aria-hidden="true">★</span><div style="display: none">none</div>`,
			"दिखता\n"},
		{"body and wrapper classes never hide the story",
			`<body class="has-sidebar ad-free"><div class="content-with-sidebar"><p>खबर यहां</p></div></body>`,
			"खबर यहां\n"},
		{"class words are whole words",
			`<p class="leading">पहला</p><div class="header-less-shadow-commentary">दूसरा</div><div class="download">तीसरा</div>`,
			"पहला\nतीसरा\n"},
		{"header outside the article dropped, inside kept",
			`<header><a>Logo</a></header><article><header><h1>शीर्षक</h1><time datetime="2024-06-19">19 जून</time></header><p>` + long + `</p></article>`,
			"शीर्षक\n19 जून\n" + strings.TrimSpace(long) + "\n"},
		{"articleBody preferred",
			`<div class="top"><p>ऊपर की पट्टी</p></div><div itemprop="articleBody"><p>` + long + `</p></div><div><p>नीचे</p></div>`,
			strings.TrimSpace(long) + "\n"},
		{"body class preferred",
			`<p>ऊपर</p><div class="story__body"><p>` + long + `</p></div><p>नीचे</p>`,
			strings.TrimSpace(long) + "\n"},
		{"main used when no article",
			`<div>मेनू पट्टी</div><main><p>` + long + `</p></main><div>नीचे</div>`,
			strings.TrimSpace(long) + "\n"},
		{"tiny article tag ignored",
			`<article><p>टीज़र</p></article><div><p>` + long + `</p><p>` + long + `</p></div>`,
			"टीज़र\n" + strings.TrimSpace(long) + "\n" + strings.TrimSpace(long) + "\n"},
		{"longest article wins",
			`<article><p>` + long + `</p></article><div>बीच</div><article><p>छोटी खबर</p></article>`,
			strings.TrimSpace(long) + "\n"},
		{"live blog: many articles joined",
			`<div>ऊपर</div><article><p>अपडेट एक ` + long + `</p></article><article><p>अपडेट दो ` + long + `</p></article><article><p>अपडेट तीन ` + long + `</p></article>`,
			"अपडेट एक " + strings.TrimSpace(long) + "\nअपडेट दो " + strings.TrimSpace(long) + "\nअपडेट तीन " + strings.TrimSpace(long) + "\n"},
		{"svg text and title ignored",
			`<p>खबर<svg><title>icon</title><text>x</text></svg> जारी</p>`,
			"खबर जारी\n"},
		{"unclosed tags and stray end tags",
			`<div><p>एक<p>दो</span></div></div><b>तीन<i>चार</b>पांच</i>`,
			"एक\nदो\nतीनचारपांच\n"},
		{"unclosed furniture ends with its parent",
			`<section><div class="share">Share<p>x</section><p>बाद में</p>`,
			"बाद में\n"},
		{"bare < and unquoted attributes",
			`<p class=x>5 < 6 और a<b</p><p>आगे</p>`,
			"5 < 6 और a\nआगे\n"},
		{"unclosed comment swallows the rest",
			`<p>पहले</p><!-- <p>बाद`,
			"पहले\n"},
		{"control characters dropped",
			"<p>एक\x01दो\x7Fतीन</p>",
			"एकदोतीन\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractHTML(tc.html, nil).Text
			if got != tc.want {
				t.Errorf("text\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestExtractHTMLNothing is the negative corpus: pages that hold no article text.
func TestExtractHTMLNothing(t *testing.T) {
	for _, page := range []string{
		"",
		"<html><head><title>खाली</title></head><body></body></html>",
		"<script>var a = '<p>text</p>';</script>",
		"<nav><a>होम</a></nav><footer>© 2026</footer>",
		"<!-- only a comment -->",
		"<div hidden><p>छिपा</p></div>",
	} {
		if got := extractHTML(page, nil).Text; got != "" {
			t.Errorf("extractHTML(%q, nil).Text = %q, want empty", page, got)
		}
	}
}

func TestExtractHTMLRetryWithoutClasses(t *testing.T) {
	// The only wrapper looks like an advert; rather than return nothing the
	// extractor reads the page again ignoring class names.
	got := extractHTML(`<div class="ad-wrap"><p>पूरी खबर</p></div>`, nil).Text
	if got != "पूरी खबर\n" {
		t.Errorf("got %q", got)
	}
}

func TestExtractHTMLMeta(t *testing.T) {
	ist := time.FixedZone("", 5*3600+1800)
	tests := []struct {
		name, html, title, url string
		published              time.Time
	}{
		{"og tags first",
			`<head><title>Page | Site</title><meta property="og:title" content="OG शीर्षक"><meta property="article:published_time" content="2024-06-19T14:30:00+05:30"><link rel="canonical" href="https://example.com/a"></head><h1>H1</h1><p>x</p>`,
			"OG शीर्षक", "https://example.com/a", time.Date(2024, 6, 19, 14, 30, 0, 0, ist)},
		{"title element, then h1",
			`<title> Page  title </title><h1>H1</h1><p>x</p>`,
			"Page  title", "", time.Time{}},
		{"h1 when nothing else",
			`<svg><title>icon</title></svg><h1>पहला <b>शीर्षक</b></h1><h1>दूसरा</h1><p>x</p>`,
			"पहला शीर्षक", "", time.Time{}},
		{"itemprop datePublished",
			`<meta itemprop="datePublished" content="2023-09-13"><p>x</p>`,
			"", "", time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC)},
		{"time pubdate beats plain time",
			`<p>x<time datetime="2020-01-01">a</time><time pubdate datetime="2023-09-13T10:00:00Z">b</time></p>`,
			"", "", time.Date(2023, 9, 13, 10, 0, 0, 0, time.UTC)},
		{"name=date",
			`<meta name="pubdate" content="2023-09-13 08:15:00"><p>x</p>`,
			"", "", time.Date(2023, 9, 13, 8, 15, 0, 0, time.UTC)},
		{"JSON-LD",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"LD शीर्षक","datePublished":"2023-09-13T06:00:00+05:30"}]}</script><p>x</p>`,
			"LD शीर्षक", "", time.Date(2023, 9, 13, 6, 0, 0, 0, ist)},
		{"unknown date format ignored",
			`<meta name="date" content="कल शाम"><p>x</p>`,
			"", "", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := extractHTML(tc.html, nil)
			if strings.Join(strings.Fields(d.Title), " ") != strings.Join(strings.Fields(tc.title), " ") {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if d.URL != tc.url {
				t.Errorf("url %q, want %q", d.URL, tc.url)
			}
			if !d.Published.Equal(tc.published) {
				t.Errorf("published %v, want %v", d.Published, tc.published)
			}
		})
	}
}

func TestExtractHTMLJSONLDBody(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"बस खाई में गिरी।\r\n14 की मौत।"}</script></head><body><div id="app">लोड हो रहा है</div></body></html>`
	if got, want := extractHTML(page, nil).Text, "बस खाई में गिरी।\n14 की मौत।\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExtractHTMLDeepNesting(t *testing.T) {
	const n = 100_000
	closed := "<p>पहले</p>" + strings.Repeat("<div>", n) + "गहरा" + strings.Repeat("</div>", n) + "<p>बाद में</p>"
	if got, want := extractHTML(closed, nil).Text, "पहले\nगहरा\nबाद में\n"; got != want {
		t.Errorf("closed nesting: got %q, want %q", got, want)
	}
	open := strings.Repeat("<div><span>", n) + "गहरा"
	if got := extractHTML(open, nil).Text; got != "गहरा\n" {
		t.Errorf("unclosed nesting: got %q", got)
	}
	stray := strings.Repeat("</div>", n) + "<p>खबर</p>" + strings.Repeat("</p></b>", n)
	if got := extractHTML(stray, nil).Text; got != "खबर\n" {
		t.Errorf("stray end tags: got %q", got)
	}
	hidden := `<div class="share">` + strings.Repeat("<div>", n) + "x" + strings.Repeat("</div>", n) + `</div><p>दिखे</p>`
	if got := extractHTML(hidden, nil).Text; got != "दिखे\n" {
		t.Errorf("deep furniture: got %q", got)
	}
}

func TestExtractHTMLInvalidUTF8(t *testing.T) {
	d := extractHTML("<title>a\xff</title><p>ख\xe0\xa4बर\x00</p>", nil)
	if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
		t.Errorf("invalid UTF-8 out: %q %q", d.Text, d.Title)
	}
}

func TestClassWords(t *testing.T) {
	tests := map[string]string{
		"social-share":     "social share",
		"relatedStories":   "related stories",
		"ad_slot2":         "ad slot",
		"story__body":      "story body",
		"HTMLContent":      "htmlcontent",
		"mt-3":             "mt",
		"js:comment.block": "js comment block",
	}
	for in, want := range tests {
		if got := strings.Join(classWords(in), " "); got != want {
			t.Errorf("classWords(%q) = %q, want %q", in, got, want)
		}
	}
}
