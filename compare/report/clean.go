package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factdiff/factdiff/compare"
	"github.com/rivo/uniseg"
)

// clean makes article text safe to show on one line: tabs and line breaks
// become spaces; other C0 and C1 control characters, DEL and the Unicode
// bidirectional overrides are written as visible escapes (\x1b, \u202e);
// invalid UTF-8 becomes U+FFFD. Text without such characters is returned as
// is, without allocating.
func clean(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unsafeRune(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			b.WriteString(`\x`)
			if r < 0x10 {
				b.WriteByte('0')
			}
			b.WriteString(strconv.FormatInt(int64(r), 16))
		case unsafeRune(r):
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r), 16))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune reports whether r is a non-ASCII rune clean escapes: a C1
// control or a bidirectional embedding, override or isolate, which can make
// text display in another order than it is stored.
func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// spanParts splits an evidence sentence into the text before the value's
// span, the span and the text after it, each cleaned. It trusts SpanStart and
// SpanEnd when they fall on character boundaries of Sentence, else looks for
// Text in Sentence; when neither works the whole sentence is "before" and ok
// is false. An empty Sentence shows Text as the span.
func spanParts(e *compare.Evidence) (before, span, after string, ok bool) {
	s := e.Sentence
	if s == "" {
		return "", clean(e.Text), "", e.Text != ""
	}
	a, z := e.SpanStart, e.SpanEnd
	if !(0 <= a && a < z && z <= len(s) && boundary(s, a) && boundary(s, z)) {
		a = -1
		if e.Text != "" {
			a = strings.Index(s, e.Text)
		}
		if a < 0 {
			return clean(s), "", "", false
		}
		z = a + len(e.Text)
	}
	return clean(s[:a]), clean(s[a:z]), clean(s[z:]), true
}

// boundary reports whether byte offset i of s starts a character (or is the
// end of s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// truncate shortens s to at most cells terminal cells, ending with "…" when
// it cuts. It cuts after a word when one ends within the last 16 cells, else
// between grapheme clusters (never between a letter and its marks).
func truncate(s string, cells int) string {
	if cellWidth(s) <= cells {
		return s
	}
	g := uniseg.NewGraphemes(s)
	used, end := 0, 0
	for g.Next() {
		w := g.Width()
		if used+w > cells-1 {
			break
		}
		used += w
		_, end = g.Positions()
	}
	// Prefer to cut between words when one ends near the limit.
	if sp := strings.LastIndexByte(s[:end], ' '); sp > 0 && cellWidth(s[sp:end]) <= 16 {
		end = sp
	}
	return strings.TrimRight(s[:end], " ") + "…"
}
