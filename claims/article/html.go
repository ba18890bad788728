package article

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxMetaText bounds the bytes kept of a title or first heading.
const maxMetaText = 4096

// maxDepth bounds the element stack; deeper elements are counted, not kept,
// so hostile nesting cannot exhaust memory.
const maxDepth = 4096

// skipElements are elements whose content is never article text.
var skipElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Nav: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Iframe: true, atom.Select: true, atom.Textarea: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Dialog: true, atom.Menu: true, atom.Noembed: true, atom.Noframes: true,
	atom.Title: true, atom.Label: true,
}

// blockElements end a line before and after them.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
	atom.Option: true, atom.Br: true,
}

// voidElements never have content or an end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true,
	atom.Embed: true, atom.Hr: true, atom.Img: true, atom.Input: true,
	atom.Keygen: true, atom.Link: true, atom.Meta: true, atom.Param: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// container kinds, best first.
const (
	kBody = iota // itemprop="articleBody" or a body class
	kArticle
	kMain
	nKinds
)

const (
	fSkip uint16 = 1 << iota
	fPre
	fH1
	fTitle
	fLD
	fForeign
	fCell
	fLink
	fHeading
)

type elem struct {
	a     atom.Atom
	name  string
	flags uint16
	cont  int32 // index into containers, or -1
}

type span struct {
	kind       int
	start, end int
	nested     bool // inside another container of the same kind
}

// htmlDoc is what extractHTML finds in a page.
type htmlDoc struct {
	Title     string
	URL       string
	Published time.Time
	Text      string
}

type extractor struct {
	r *Rules

	out          []byte
	lineStart    int // where the current line begins in out
	lineHasText  bool
	pendingSpace bool
	pendingTab   bool
	lineLink     bool // the line has text inside a link
	lineNonLink  bool // the line has text outside links
	lineHeading  bool // the line has text of a heading
	link         int  // open <a href> elements
	heading      int  // open <h1>…<h6> elements

	stack    []elem
	open     map[string]int
	overflow int
	skip     int
	pre      int
	h1       int
	foreign  int
	inCont   int
	kindOpen [nKinds]int

	spans []span

	meta     map[string]string
	lenient  bool // ignore class, id and link-only lines (the retry when they hid everything)
	title    strings.Builder
	titleHas bool // the open <title> has visible text
	titleSet bool
	h1Text   strings.Builder
	h1Has    bool // the open <h1> has visible text
	h1Done   bool
	ldBody   string
	ldTitle  string
}

// extractHTML reduces an HTML page to its article text, title, canonical
// URL and publication time. It reads tokens with an explicit element stack,
// so broken or deeply nested markup costs no recursion.
//
// Text has one line per paragraph, heading, list item or table row (cells
// separated by a tab; <br> breaks a line); inline elements are joined and
// white space inside a line is collapsed. Scripts, styles, forms, navigation,
// asides, footers, hidden elements and elements whose class, id or role mark
// page furniture (Rules, from data/html.yaml) are dropped. When the page
// marks its article — itemprop="articleBody" or a body class, else <article>,
// else <main> — and that part holds at least 200 bytes or a quarter of the
// page text, only that part is kept. Lines whose text is all links (lists of
// other stories, tag clouds), except headings, and lines led in by a phrase
// such as "यह भी पढ़ें" or "Also read" (Rules) are dropped. If nothing is left,
// the page is read again without the class, id and link filters. When the
// result is under 200 bytes and the page's JSON-LD articleBody is longer,
// that is used instead.
func extractHTML(src string, r *Rules) htmlDoc {
	if r == nil {
		r = DefaultRules()
	}
	x := &extractor{r: r, open: map[string]int{}, meta: map[string]string{}}
	x.run(src)
	if strings.TrimSpace(string(x.out)) == "" && x.ldBody == "" {
		// The filters hid everything: read again trusting only elements.
		x = &extractor{r: r, open: map[string]int{}, meta: map[string]string{}, lenient: true}
		x.run(src)
	}
	doc := htmlDoc{Text: x.text()}
	doc.Title = firstNonEmpty(x.meta["og:title"], x.meta["twitter:title"], x.title.String(), x.ldTitle, x.h1Text.String())
	doc.URL = firstNonEmpty(x.meta["canonical"], x.meta["og:url"])
	for _, k := range r.published {
		if t := parseDate(x.meta[k]); !t.IsZero() {
			doc.Published = t
			break
		}
	}
	doc.Title = strings.ToValidUTF8(doc.Title, "\uFFFD")
	doc.URL = strings.ToValidUTF8(doc.URL, "\uFFFD")
	return doc
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func (x *extractor) run(src string) {
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			x.closeAll()
			return
		case html.TextToken:
			x.textToken(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			x.startTag(z, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			x.endTag(string(name))
		}
	}
}

func (x *extractor) top() uint16 {
	if len(x.stack) == 0 {
		return 0
	}
	return x.stack[len(x.stack)-1].flags
}

func (x *extractor) textToken(b []byte) {
	top := x.top()
	switch {
	case top&fTitle != 0:
		if !x.titleSet && x.foreign == 0 && x.title.Len() < maxMetaText {
			x.title.Write(b)
			x.titleHas = x.titleHas || len(bytes.TrimSpace(b)) > 0
		}
		return
	case top&fLD != 0:
		x.jsonLD(b)
		return
	case x.skip > 0:
		return
	}
	if x.h1 > 0 && !x.h1Done && x.h1Text.Len() < maxMetaText {
		x.h1Text.Write(b)
		x.h1Has = x.h1Has || len(bytes.TrimSpace(b)) > 0
	}
	x.write(b)
}

// write adds visible text, collapsing white space.
func (x *extractor) write(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			if c == '\n' && x.pre > 0 {
				x.brk()
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				x.pendingSpace = x.lineHasText
				continue
			}
			if c < 0x20 || c == 0x7F {
				continue
			}
			x.sep()
			x.out = append(x.out, c)
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			x.pendingSpace = x.lineHasText
			i += size
			continue
		}
		x.sep()
		if r == utf8.RuneError && size == 1 {
			x.out = append(x.out, "\uFFFD"...)
		} else {
			x.out = append(x.out, b[i:i+size]...)
		}
		i += size
	}
}

// sep writes the pending separator before visible text.
func (x *extractor) sep() {
	switch {
	case x.pendingTab && x.lineHasText:
		x.out = append(x.out, '\t')
	case x.pendingSpace:
		x.out = append(x.out, ' ')
	}
	x.pendingTab, x.pendingSpace = false, false
	x.lineHasText = true
	if x.link > 0 {
		x.lineLink = true
	} else {
		x.lineNonLink = true
	}
	if x.heading > 0 {
		x.lineHeading = true
	}
}

// brk ends the current line, or drops it when it is not article text.
func (x *extractor) brk() {
	if x.lineHasText {
		if x.dropLine() {
			x.out = x.out[:x.lineStart]
		} else {
			x.out = append(x.out, '\n')
		}
	}
	x.lineStart = len(x.out)
	x.lineHasText, x.pendingSpace, x.pendingTab = false, false, false
	x.lineLink, x.lineNonLink, x.lineHeading = false, false, false
}

// dropLine reports whether the current line is links to elsewhere: all
// link text (not a heading), or led in by "Also read" and the like.
func (x *extractor) dropLine() bool {
	if x.lenient || x.lineHeading {
		return false
	}
	if x.lineLink && !x.lineNonLink {
		return true
	}
	line := x.out[x.lineStart:]
	if !x.lineLink && len(line) > 80 {
		return false
	}
	starts, alone := x.r.leadIn(truncate(string(line[:min(len(line), 256)]), 255))
	return starts && (alone || x.lineLink)
}

type attrs struct {
	class, id, role, itemprop, property, name, content, datetime, typ, rel, href, style string
	hidden, ariaHidden, pubdate                                                         bool
}

func readAttrs(z *html.Tokenizer) attrs {
	var a attrs
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "class":
			a.class = string(v)
		case "id":
			a.id = string(v)
		case "role":
			a.role = strings.ToLower(string(v))
		case "itemprop":
			a.itemprop = strings.ToLower(string(v))
		case "property":
			a.property = strings.ToLower(string(v))
		case "name":
			a.name = strings.ToLower(string(v))
		case "content":
			a.content = string(v)
		case "datetime":
			a.datetime = string(v)
		case "type":
			a.typ = strings.ToLower(string(v))
		case "rel":
			a.rel = strings.ToLower(string(v))
		case "href":
			a.href = string(v)
		case "style":
			a.style = strings.ToLower(strings.ReplaceAll(string(v), " ", ""))
		case "hidden":
			a.hidden = true
		case "aria-hidden":
			a.ariaHidden = strings.EqualFold(string(v), "true")
		case "pubdate":
			a.pubdate = true
		}
		if !more {
			return a
		}
	}
}

func (x *extractor) setMeta(key, val string) {
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if key == "" || val == "" {
		return
	}
	if _, ok := x.meta[key]; !ok {
		x.meta[key] = val
	}
}

func (x *extractor) startTag(z *html.Tokenizer, selfClosing bool) {
	nameb, hasAttr := z.TagName()
	a := atom.Lookup(nameb)
	name := a.String()
	if a == 0 {
		name = string(nameb)
	}
	var at attrs
	if hasAttr {
		at = readAttrs(z)
	}
	// Metadata, wherever it stands.
	switch a {
	case atom.Meta:
		val := at.content
		for _, k := range []string{at.property, at.name, at.itemprop} {
			x.setMeta(k, val)
		}
	case atom.Link:
		if strings.Contains(" "+at.rel+" ", " canonical ") {
			x.setMeta("canonical", at.href)
		}
	case atom.Time:
		if at.datetime != "" {
			if at.pubdate {
				x.setMeta("time:pubdate", at.datetime)
			}
			x.setMeta("time:datetime", at.datetime)
		}
	}
	if at.itemprop == "datepublished" && a != atom.Meta {
		x.setMeta("datepublished", firstNonEmpty(at.datetime, at.content))
	}

	if voidElements[a] || selfClosing {
		if x.skip == 0 {
			switch a {
			case atom.Br:
				if x.lineHasText {
					x.brk()
				}
			case atom.Hr:
				x.brk()
			}
		}
		return
	}

	e := elem{a: a, name: name, cont: -1}
	if skipElements[a] || x.furniture(a, &at) {
		e.flags |= fSkip
	}
	switch a {
	case atom.Title:
		e.flags |= fTitle
	case atom.Script:
		if strings.Contains(at.typ, "ld+json") {
			e.flags |= fLD
		}
	case atom.Pre:
		e.flags |= fPre
	case atom.H1:
		e.flags |= fH1
	case atom.Svg, atom.Math:
		e.flags |= fForeign
	case atom.Td, atom.Th:
		e.flags |= fCell
	case atom.A:
		if at.href != "" {
			e.flags |= fLink
		}
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		e.flags |= fHeading
	}
	if len(x.stack) >= maxDepth {
		x.overflow++
		return
	}
	if blockElements[a] && x.skip == 0 {
		x.brk()
	}
	if e.flags&fCell != 0 && x.skip == 0 {
		x.pendingTab = true
	}
	if e.flags&fSkip == 0 && x.skip == 0 {
		kind := -1
		switch {
		case at.itemprop == "articlebody" || x.isBodyClass(at.class) || x.isBodyClass(at.id):
			kind = kBody
		case a == atom.Article:
			kind = kArticle
		case a == atom.Main || at.role == "main":
			kind = kMain
		}
		if kind >= 0 {
			x.brk()
			e.cont = int32(len(x.spans))
			x.spans = append(x.spans, span{kind: kind, start: len(x.out), end: -1, nested: x.kindOpen[kind] > 0})
			x.kindOpen[kind]++
			x.inCont++
		}
	}
	x.push(e)
}

func (x *extractor) push(e elem) {
	x.stack = append(x.stack, e)
	x.open[e.name]++
	if e.flags&fSkip != 0 {
		x.skip++
	}
	if e.flags&fPre != 0 {
		x.pre++
	}
	if e.flags&fH1 != 0 {
		x.h1++
	}
	if e.flags&fForeign != 0 {
		x.foreign++
	}
	if e.flags&fLink != 0 {
		x.link++
	}
	if e.flags&fHeading != 0 {
		x.heading++
	}
}

// pop closes the top element.
func (x *extractor) pop() {
	e := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	x.open[e.name]--
	if e.flags&fSkip != 0 {
		x.skip--
	}
	if e.flags&fPre != 0 {
		x.pre--
	}
	if e.flags&fH1 != 0 {
		x.h1--
		if x.h1 == 0 && x.h1Has {
			x.h1Done = true
		}
	}
	if e.flags&fTitle != 0 && x.foreign == 0 && x.titleHas {
		x.titleSet = true
	}
	if e.flags&fForeign != 0 {
		x.foreign--
	}
	if e.flags&fLink != 0 {
		x.link--
	}
	if e.flags&fHeading != 0 {
		x.heading--
	}
	if blockElements[e.a] && x.skip == 0 {
		x.brk()
	}
	if e.cont >= 0 {
		x.brk()
		s := &x.spans[e.cont]
		s.end = len(x.out)
		x.kindOpen[s.kind]--
		x.inCont--
	}
}

func (x *extractor) endTag(name string) {
	if x.overflow > 0 {
		x.overflow--
		return
	}
	if x.open[name] == 0 {
		// A stray end tag: browsers ignore it, but </p> and </br> still
		// end a line.
		if name == "p" || name == "br" {
			if x.skip == 0 {
				x.brk()
			}
		}
		return
	}
	for len(x.stack) > 0 {
		last := x.stack[len(x.stack)-1].name == name
		x.pop()
		if last {
			return
		}
	}
}

func (x *extractor) closeAll() {
	x.overflow = 0
	for len(x.stack) > 0 {
		x.pop()
	}
	x.brk()
}

// furniture reports whether an element is page furniture or hidden.
func (x *extractor) furniture(a atom.Atom, at *attrs) bool {
	if a == atom.Header && x.inCont == 0 {
		return true
	}
	if at.hidden || at.ariaHidden || x.r.roles[at.role] ||
		strings.Contains(at.style, "display:none") || strings.Contains(at.style, "visibility:hidden") {
		return true
	}
	switch a {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	if x.lenient {
		return false
	}
	return x.furnitureNames(at.class) || x.furnitureNames(at.id)
}

func (x *extractor) furnitureNames(s string) bool {
	for _, tok := range strings.Fields(s) {
		low := strings.ToLower(tok)
		if x.r.hiddenClasses[low] {
			return true
		}
		if x.r.bodyClasses[squash(low)] {
			continue
		}
		words := classWords(tok)
		bad := false
		for _, w := range words {
			if x.r.keepWords[w] {
				bad = false
				break
			}
			if x.r.furnitureWords[w] || (x.inCont == 0 && x.r.headerWords[w]) {
				bad = true
			}
		}
		if bad {
			return true
		}
	}
	return false
}

func (x *extractor) isBodyClass(s string) bool {
	for _, tok := range strings.Fields(s) {
		if x.r.bodyClasses[squash(strings.ToLower(tok))] {
			return true
		}
	}
	return false
}

// squash removes '-' and '_' from a class name.
func squash(s string) string {
	if !strings.ContainsAny(s, "-_") {
		return s
	}
	return strings.NewReplacer("-", "", "_", "").Replace(s)
}

// classWords splits a class or id into lower-case words at '-', '_', ':',
// '.', digits and lower-to-upper case changes ("shareBar" → share, bar).
func classWords(s string) []string {
	var words []string
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(s[start:end]))
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_' || c == ':' || c == '.' || (c >= '0' && c <= '9'):
			flush(i)
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && s[i-1] >= 'a' && s[i-1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(s))
	return words
}

// text picks the article part of the page text.
func (x *extractor) text() string {
	all := string(x.out)
	total := len(strings.TrimSpace(all))
	chosen := ""
	for kind := kBody; kind < nKinds && chosen == ""; kind++ {
		var parts []string
		longest, sum := "", 0
		for _, s := range x.spans {
			if s.kind != kind || s.nested || s.end < s.start {
				continue
			}
			p := strings.TrimSpace(all[s.start:s.end])
			if p == "" {
				continue
			}
			parts = append(parts, p)
			sum += len(p)
			if len(p) > len(longest) {
				longest = p
			}
		}
		pick := longest
		if kind == kArticle && len(parts) > 1 && 2*len(longest) < sum {
			pick = strings.Join(parts, "\n") // a live blog: one <article> per update
		}
		if pick != "" && (len(pick) >= 200 || 4*len(pick) >= total) {
			chosen = pick
		}
	}
	if chosen == "" {
		chosen = strings.TrimSpace(all)
	}
	if len(chosen) < 200 && len(strings.TrimSpace(x.ldBody)) > len(chosen) {
		chosen = strings.TrimSpace(lineEnds(x.ldBody))
	}
	if chosen == "" {
		return ""
	}
	return strings.ToValidUTF8(chosen, "\uFFFD") + "\n"
}

// jsonLD reads the JSON-LD metadata many news sites embed: datePublished,
// headline and articleBody of the first object that has them.
func (x *extractor) jsonLD(b []byte) {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return
	}
	var date string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 16 {
			return
		}
		switch t := v.(type) {
		case map[string]any:
			if s, ok := t["datePublished"].(string); ok && date == "" {
				date = s
			}
			if s, ok := t["headline"].(string); ok && x.ldTitle == "" {
				x.ldTitle = s
			}
			if s, ok := t["articleBody"].(string); ok && x.ldBody == "" {
				x.ldBody = s
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if c, ok := t[k]; ok {
					walk(c, depth+1)
				}
			}
		case []any:
			for _, c := range t {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	x.setMeta("ld:datepublished", date)
}

// dateLayouts are the publication-time formats understood, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Jan 2, 2006",
	"January 2, 2006",
	"2 January 2006",
	"20060102",
}

// parseDate reads a publication time in one of dateLayouts; the zero time
// when it is empty or not understood. Times without a zone are UTC.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
