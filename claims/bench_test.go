package claims

import (
	"os"
	"testing"

	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/shingle"
)

// benchArticles are one typical Hindi report and one English wire story of
// the bundled demo story.
var benchArticles = []struct{ name, path string }{
	{"hi", "../testdata/summit/01_hi_report.txt"},
	{"en", "../testdata/summit/03_en_wire.txt"},
}

func benchText(b *testing.B, path string) string {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	return string(data)
}

// BenchmarkExtractArticle measures the whole extraction of one article:
// normalization, sentences, scanning, gazetteer, frames, offsets, fingerprint.
func BenchmarkExtractArticle(b *testing.B) {
	x := testExtractor(b)
	for _, ba := range benchArticles {
		text := benchText(b, ba.path)
		b.Run(ba.name, func(b *testing.B) {
			a := &article.Article{ID: ba.name, Text: text}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				x.Extract(a)
			}
		})
	}
}

// BenchmarkExtractStages measures each stage of Extract on the Hindi article
// separately, to show where the time of an extraction goes.
func BenchmarkExtractStages(b *testing.B) {
	x := testExtractor(b)
	text := benchText(b, benchArticles[0].path)
	norm := normalize.New(text).Norm
	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				f()
			}
		})
	}
	stage("normalize", func() { normalize.New(text) })
	stage("sentences", func() { x.seg.Split(norm) })
	stage("scan", func() { x.scan.Scan(norm) })
	stage("gazetteer", func() { x.gaz.Find(norm) })
	stage("fingerprint", func() { shingle.Fingerprint(norm) })
}

// BenchmarkExtractCorpus reads and extracts every article under the folder
// named by $FACTDIFF_BENCH_CORPUS (a corpus written by cmd/fdgen) on the
// worker pool, as `factdiff extract` does; it is skipped when the variable is
// not set. Profile it with
//
//	FACTDIFF_BENCH_CORPUS=/tmp/corpus go test -run='^$' -bench=ExtractCorpus -benchtime=1x -cpuprofile cpu.out ./claims/
func BenchmarkExtractCorpus(b *testing.B) {
	dir := os.Getenv("FACTDIFF_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set FACTDIFF_BENCH_CORPUS to a folder of articles")
	}
	x := testExtractor(b)
	inputs, _ := article.Expand([]string{dir}, article.Options{})
	var size int64
	for _, in := range inputs {
		if st, err := os.Stat(in.Path); err == nil {
			size += st.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n, claims := 0, 0
	for b.Loop() {
		n = x.Run(inputs, RunOptions{}, func(r Result) { claims += len(r.Claims) }, func(error) {})
	}
	b.ReportMetric(float64(n), "articles")
	b.ReportMetric(float64(claims)/float64(b.N)/float64(max(n, 1)), "claims/article")
}
