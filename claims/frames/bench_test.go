package frames_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/frames"
	"github.com/factdiff/factdiff/claims/gazetteer"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/scan"
)

// prescanner builds the frame stage's input the way the extraction pipeline
// does: normalized text, sentences, scanned values and gazetteer entities.
type prescanner struct {
	seg *normalize.Segmenter
	sc  *scan.Scanner
	gz  *gazetteer.Gazetteer
}

func newPrescanner(tb testing.TB) *prescanner {
	tb.Helper()
	seg, err := normalize.NewSegmenter()
	if err != nil {
		tb.Fatal(err)
	}
	sc, err := scan.New()
	if err != nil {
		tb.Fatal(err)
	}
	gz, err := gazetteer.New()
	if err != nil {
		tb.Fatal(err)
	}
	return &prescanner{seg: seg, sc: sc, gz: gz}
}

// input returns the frame stage's input for an article's raw text.
func (p *prescanner) input(text string) *frames.Input {
	norm := normalize.New(text).Norm
	in := &frames.Input{Text: norm, Sentences: p.seg.Split(norm)}
	for _, m := range p.sc.Scan(norm) {
		in.Mentions = append(in.Mentions, frames.Mention{Start: m.Start, End: m.End, Type: m.Type, Value: m.Value, Display: m.Display})
	}
	for _, m := range p.gz.Find(norm) {
		in.Entities = append(in.Entities, frames.Entity{Start: m.Start, End: m.End, Value: p.gz.Value(m.Entry), Demonym: m.Demonym, Weak: m.Weak})
	}
	return in
}

func newAssigner(tb testing.TB) *frames.Assigner {
	tb.Helper()
	a, err := frames.New()
	if err != nil {
		tb.Fatal(err)
	}
	a.Unknown = gazetteer.UnknownValue
	return a
}

// BenchmarkAssign measures slot assignment alone, on pre-scanned input of a
// Hindi and an English article.
func BenchmarkAssign(b *testing.B) {
	a := newAssigner(b)
	p := newPrescanner(b)
	for _, tc := range []struct{ name, path string }{
		{"hi", "../../testdata/summit/01_hi_report.txt"},
		{"en", "../../testdata/summit/03_en_wire.txt"},
	} {
		data, err := os.ReadFile(tc.path)
		if err != nil {
			b.Skip(err)
		}
		in := p.input(string(data))
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

// BenchmarkAssignCorpus assigns the slots of every article under the folder
// named by $FACTDIFF_BENCH_CORPUS (skipped when unset), pre-scanned
// beforehand, on one goroutine.
func BenchmarkAssignCorpus(b *testing.B) {
	dir := os.Getenv("FACTDIFF_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set FACTDIFF_BENCH_CORPUS to a folder of articles")
	}
	a := newAssigner(b)
	p := newPrescanner(b)
	var inputs []*frames.Input
	size := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		in := p.input(string(data))
		inputs = append(inputs, in)
		size += len(in.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, in := range inputs {
			n += len(a.Assign(in))
		}
	}
	b.ReportMetric(float64(len(inputs)), "articles")
	b.ReportMetric(float64(n)/float64(max(len(inputs), 1)), "slots/article")
}
