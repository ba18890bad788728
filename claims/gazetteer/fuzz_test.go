package gazetteer

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that matches are sorted, do not overlap, cover whole
// runes and name the text they cover, whatever the input.
func FuzzFind(f *testing.F) {
	for _, c := range findCorpus {
		f.Add(c.text)
	}
	f.Add("U.S. d'Ivoire यू॰एस॰ - -- किम-जोंग- उन")
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range g.Find(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, end, text)
			}
			if m.Text != text[m.Start:m.End] || m.Entry == nil {
				t.Fatalf("match %+v does not name text[%d:%d]", m, m.Start, m.End)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End]))) {
				t.Fatalf("match [%d,%d) splits a rune in %q", m.Start, m.End, text)
			}
			end = m.End
		}
		_ = Key(text)
	})
}
