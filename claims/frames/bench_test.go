package frames_test

import (
	"os"
	"testing"

	"github.com/factdiff/factdiff/claims/frames"
	"github.com/factdiff/factdiff/claims/gazetteer"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/scan"
)

// prescanned builds the frame stage's input for an article the way the
// extraction pipeline does: normalized text, sentences, scanned values and
// gazetteer entities.
func prescanned(b *testing.B, path string) *frames.Input {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	norm := normalize.New(string(data)).Norm
	seg, err := normalize.NewSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	sc, err := scan.New()
	if err != nil {
		b.Fatal(err)
	}
	gz, err := gazetteer.New()
	if err != nil {
		b.Fatal(err)
	}
	in := &frames.Input{Text: norm, Sentences: seg.Split(norm)}
	for _, m := range sc.Scan(norm) {
		in.Mentions = append(in.Mentions, frames.Mention{Start: m.Start, End: m.End, Type: m.Type, Value: m.Value, Display: m.Display})
	}
	for _, m := range gz.Find(norm) {
		in.Entities = append(in.Entities, frames.Entity{Start: m.Start, End: m.End, Value: gz.Value(m.Entry), Demonym: m.Demonym})
	}
	return in
}

// BenchmarkAssign measures slot assignment alone, on pre-scanned input of a
// Hindi and an English article.
func BenchmarkAssign(b *testing.B) {
	a, err := frames.New()
	if err != nil {
		b.Fatal(err)
	}
	a.Unknown = gazetteer.UnknownValue
	for _, tc := range []struct{ name, path string }{
		{"hi", "../../testdata/summit/01_hi_report.txt"},
		{"en", "../../testdata/summit/03_en_wire.txt"},
	} {
		in := prescanned(b, tc.path)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.Text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(a.Assign(in))
			}
			b.ReportMetric(float64(n), "slots/op")
		})
	}
}
