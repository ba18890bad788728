package compare_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"testing"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
	"github.com/factdiff/factdiff/compare/report"
)

// extractedCorpus extracts the bundled test articles and derives n documents
// from their results, the way a large crawl of the same stories looks after
// extraction: each document copies one extracted article's claims under its
// own id, with about half of its quantities rescaled, some places swapped for
// places found elsewhere and some weekdays moved, and a fingerprint that keeps
// about half of the original's shingles (shared wire text) and adds its own.
func extractedCorpus(b *testing.B, n int) []compare.Document {
	b.Helper()
	x, err := claims.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := article.Expand([]string{"../testdata/summit", "../testdata/dev"}, article.Options{})
	var results []claims.Result
	x.Run(inputs, claims.RunOptions{}, func(r claims.Result) { results = append(results, r) }, func(error) {})
	if len(results) == 0 {
		b.Skip("no bundled articles")
	}
	var places []*value.Entity
	for _, r := range results {
		for _, c := range r.Claims {
			if c.Type == value.TypePlace && c.Value.Entity != nil {
				places = append(places, c.Value.Entity)
			}
		}
	}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([]compare.Document, n)
	for i := range docs {
		r := results[rng.IntN(len(results))]
		id := fmt.Sprintf("a%06d-%s", i, r.Article.ID)
		cs := make([]claims.Claim, len(r.Claims))
		for k, c := range r.Claims {
			c.Source = id
			switch {
			case c.Value.Quantity != nil && rng.IntN(2) == 0:
				q := *c.Value.Quantity
				f := 0.5 + rng.Float64()
				if q.Min != nil {
					q.Min = value.F(*q.Min * f)
				}
				if q.Max != nil {
					q.Max = value.F(*q.Max * f)
				}
				c.Value = value.Value{Quantity: &q}
			case c.Type == value.TypePlace && len(places) > 0 && rng.IntN(3) == 0:
				c.Value = value.Value{Entity: places[rng.IntN(len(places))]}
			case c.Value.Time != nil && c.Value.Time.Weekday != "" && rng.IntN(3) == 0:
				t := *c.Value.Time
				t.Weekday = days[rng.IntN(len(days))]
				c.Value = value.Value{Time: &t}
			}
			cs[k] = c
		}
		fp := make([]uint64, 0, len(r.Fingerprint))
		for _, h := range r.Fingerprint {
			if rng.IntN(2) == 0 {
				fp = append(fp, h)
			} else {
				fp = append(fp, rng.Uint64()&^3)
			}
		}
		slices.Sort(fp)
		fp = slices.Compact(fp)
		res := r
		res.Article.ID = id
		res.Article.Path = id + ".txt"
		res.Claims = cs
		res.Fingerprint = fp
		docs[i] = compare.DocumentOf(res)
	}
	return docs
}

// BenchmarkCompare10kArticles compares the extraction results of 10,000
// articles end to end and reports the
// number of claims and findings and the heap the report keeps alive.
func BenchmarkCompare10kArticles(b *testing.B) {
	docs := extractedCorpus(b, 10000)
	nclaims := 0
	for _, d := range docs {
		nclaims += len(d.Claims)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(nclaims), "claims")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var r *compare.Report
	for b.Loop() {
		r = compare.Compare(docs, compare.DefaultOptions())
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(docs)
	b.ReportMetric(float64(len(r.Findings)), "findings")
	// The heap the report keeps alive, on top of the documents.
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, "MB-report")
}

// BenchmarkCompareCorpus extracts every article under the folder named by
// $FACTDIFF_BENCH_CORPUS (a corpus written by cmd/fdgen) once, then measures
// Compare on the results and the JSON rendering of the report (as `factdiff
// compare --format json` does after extraction); it is skipped when the
// variable is not set. Profile it with
//
//	FACTDIFF_BENCH_CORPUS=/tmp/corpus go test -run='^$' -bench=CompareCorpus -benchtime=1x -cpuprofile cpu.out ./compare/
func BenchmarkCompareCorpus(b *testing.B) {
	dir := os.Getenv("FACTDIFF_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set FACTDIFF_BENCH_CORPUS to a folder of articles")
	}
	x, err := claims.NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := article.Expand([]string{dir}, article.Options{})
	var docs []compare.Document
	x.Run(inputs, claims.RunOptions{}, func(r claims.Result) { docs = append(docs, compare.DocumentOf(r)) }, func(error) {})
	var r *compare.Report
	b.Run("compare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r = compare.Compare(docs, compare.DefaultOptions())
		}
		b.ReportMetric(float64(len(docs)), "articles")
		b.ReportMetric(float64(len(r.Findings)), "findings")
	})
	if r == nil {
		return
	}
	b.Run("render-json", func(b *testing.B) {
		b.ReportAllocs()
		var w countWriter
		for b.Loop() {
			w = 0
			if err := report.Render(&w, r, report.Options{Format: "json"}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(w)/1e6, "MB-json")
	})
}

// countWriter counts the bytes written to it.
type countWriter int64

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
