package report

import (
	"math"
	"strconv"

	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
)

// The report's JSON is written by hand, compact, and then indented: the bytes
// are those encoding/json gives for the same structs (HTML escaping off, the
// values inside as value.Value.MarshalJSON writes them), several times
// faster on reports with hundreds of thousands of evidence sentences. A
// differential test and a fuzz target hold the two to the same output.

// compactWriter appends compact JSON to b.
type compactWriter struct{ b []byte }

func (w *compactWriter) key(first bool, name string) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

func (w *compactWriter) str(s string) { w.b = value.AppendJSONString(w.b, s, false) }

func (w *compactWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

func (w *compactWriter) strings(ss []string) { array(w, ss, (*compactWriter).strp) }

func (w *compactWriter) strp(s *string) { w.str(*s) }

// array writes items as a JSON array, each by write; a nil slice is null,
// as encoding/json writes it.
func array[T any](w *compactWriter, items []T, write func(*compactWriter, *T)) {
	if items == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '[')
	for i := range items {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		write(w, &items[i])
	}
	w.b = append(w.b, ']')
}

func (w *compactWriter) source(s *compare.Source) {
	w.b = append(w.b, '{')
	w.key(true, "id")
	w.str(s.ID)
	w.key(false, "path")
	w.str(s.Path)
	w.key(false, "title")
	w.str(s.Title)
	if s.URL != "" {
		w.key(false, "url")
		w.str(s.URL)
	}
	if s.Published != "" {
		w.key(false, "published")
		w.str(s.Published)
	}
	w.key(false, "claims")
	w.int(s.Claims)
	if len(s.SharesTextWith) > 0 {
		w.key(false, "shares_text_with")
		array(w, s.SharesTextWith, func(w *compactWriter, sh *compare.Share) {
			w.b = append(w.b, '{')
			w.key(true, "source")
			w.str(sh.Source)
			w.key(false, "fraction")
			w.b = value.AppendJSONFloat(w.b, sh.Fraction)
			w.b = append(w.b, '}')
		})
	}
	w.key(false, "event")
	w.int(s.Event)
	w.b = append(w.b, '}')
}

func (w *compactWriter) event(e *compare.Event) {
	w.b = append(w.b, '{')
	w.key(true, "sources")
	w.strings(e.Sources)
	w.key(false, "note")
	w.str(e.Note)
	w.b = append(w.b, '}')
}

func (w *compactWriter) finding(f *compare.Finding) {
	w.b = append(w.b, '{')
	w.key(true, "slot")
	w.str(f.Slot)
	w.key(false, "label")
	w.str(f.Label)
	w.key(false, "type")
	w.str(string(f.Type))
	w.key(false, "status")
	w.str(string(f.Status))
	w.key(false, "severity")
	w.str(string(f.Severity))
	w.key(false, "groups")
	array(w, f.Groups, (*compactWriter).group)
	w.key(false, "note")
	w.str(f.Note)
	if f.DifferentEvent {
		w.key(false, "different_event")
		w.b = append(w.b, "true"...)
	}
	if len(f.QuoteDiff) > 0 {
		w.key(false, "quote_diff")
		array(w, f.QuoteDiff, func(w *compactWriter, d *compare.DiffSpan) {
			w.b = append(w.b, '{')
			w.key(true, "op")
			w.str(d.Op)
			w.key(false, "text")
			w.str(d.Text)
			w.b = append(w.b, '}')
		})
	}
	if f.Speaker != "" {
		w.key(false, "speaker")
		w.str(f.Speaker)
	}
	if f.Event != nil {
		w.key(false, "event")
		w.int(*f.Event)
	}
	w.b = append(w.b, '}')
}

func (w *compactWriter) group(g *compare.Group) {
	w.b = append(w.b, '{')
	w.key(true, "display")
	w.str(g.Display)
	w.key(false, "value")
	w.b = g.Value.AppendJSON(w.b)
	w.key(false, "sources")
	w.strings(g.Sources)
	w.key(false, "independent")
	w.int(g.Independent)
	w.key(false, "evidence")
	array(w, g.Evidence, (*compactWriter).evidence)
	if len(g.Variants) > 0 {
		w.key(false, "variants")
		w.strings(g.Variants)
	}
	if g.Expected {
		w.key(false, "expected")
		w.b = append(w.b, "true"...)
	}
	if g.LowConfidence {
		w.key(false, "low_confidence")
		w.b = append(w.b, "true"...)
	}
	w.b = append(w.b, '}')
}

func (w *compactWriter) evidence(e *compare.Evidence) {
	w.b = append(w.b, '{')
	w.key(true, "source")
	w.str(e.Source)
	w.key(false, "text")
	w.str(e.Text)
	w.key(false, "sentence")
	w.str(e.Sentence)
	w.key(false, "start")
	w.int(e.Start)
	w.key(false, "end")
	w.int(e.End)
	w.key(false, "line")
	w.int(e.Line)
	w.key(false, "col")
	w.int(e.Col)
	if e.Attribution != "" {
		w.key(false, "attribution")
		w.str(e.Attribution)
	}
	w.key(false, "confidence")
	w.b = value.AppendJSONFloat(w.b, e.Confidence)
	if e.Inferred != "" {
		w.key(false, "inferred")
		w.str(e.Inferred)
	}
	if e.Expected {
		w.key(false, "expected")
		w.b = append(w.b, "true"...)
	}
	w.key(false, "span_start")
	w.int(e.SpanStart)
	w.key(false, "span_end")
	w.int(e.SpanEnd)
	w.b = append(w.b, '}')
}

// findingFinite reports whether every number of f can be written as JSON.
func findingFinite(f *compare.Finding) bool {
	for i := range f.Groups {
		g := &f.Groups[i]
		if !g.Value.Finite() {
			return false
		}
		for k := range g.Evidence {
			if !finite(g.Evidence[k].Confidence) {
				return false
			}
		}
	}
	return true
}

// appendIndented appends compact JSON src indented as json.Indent does:
// every element on its own line, prefix and then indent once per level in
// front of it, ": " after keys, empty objects and arrays kept as {} and [].
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string literal whole: escapes never end it early.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// sourceFinite reports whether every number of s can be written as JSON.
func sourceFinite(s *compare.Source) bool {
	for _, sh := range s.SharesTextWith {
		if !finite(sh.Fraction) {
			return false
		}
	}
	return true
}
