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
