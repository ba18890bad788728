package claims

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/value"
)

// stdJSONL is what the hand encoder must match: encoding/json's Encoder with
// HTML escaping off, one value a line.
func stdJSONL(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil
	}
	return buf.Bytes()
}

func checkClaimJSON(t *testing.T, c *Claim) {
	t.Helper()
	got, want := AppendClaimJSON(nil, c), stdJSONL(c)
	if !bytes.Equal(got, want) {
		t.Errorf("claim encoding differs\n got: %s\nwant: %s", got, want)
	}
}

// TestClaimJSONEdgeCases covers every value shape, empty and optional fields,
// numbers at the format boundaries and strings that need escaping.
func TestClaimJSONEdgeCases(t *testing.T) {
	odd := "a<b>&c \"q\" \\ \x00\x01\x08\x0c\n\r\t\x1f\x7f \u2028\u2029 \xff\xfe ok \u0915\u093c é"
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 127.4, 204.4, 1e-6, 9.99e-7, 1e-7, -3e-9, 1e20, 1e21, 1.5e300, 123456789012345678, 0.1 + 0.2}
	var vals []value.Value
	for _, f := range floats {
		vals = append(vals, value.Value{Quantity: &value.Quantity{Min: value.F(f), Max: value.F(f * 2), Unit: "km", Bound: value.Exact}})
	}
	vals = append(vals,
		value.Value{},
		value.Value{Quantity: &value.Quantity{Max: value.F(59), Unit: "km/h", Approx: true, Bound: value.AtMost, Written: odd}},
		value.Value{Quantity: &value.Quantity{}},
		value.Value{Time: &value.Time{}},
		value.Value{Time: &value.Time{Year: 2023, Month: 9, Day: 13, Weekday: "Wednesday", Decade: true, Relative: "+-1 day", Ambiguous: true}},
		value.Value{Time: &value.Time{Weekday: odd}},
		value.Value{Entity: &value.Entity{Name: odd, ID: "place:x"}},
		value.Value{Entity: &value.Entity{Name: "Amur", ID: "place:amur", Kind: "region", Within: []string{"Russia", odd}, WithinIDs: []string{"place:russia"}, Unknown: true}},
		value.Value{Entity: &value.Entity{Within: []string{}}},
		value.Value{Quote: &value.Quote{Speaker: odd, Text: odd}},
		value.Value{Quote: &value.Quote{Speaker: "Putin", SpeakerID: "person:putin", Text: "<b>"}},
		value.Value{Ordinal: &value.Ordinal{Ordinal: -3}},
	)
	for _, v := range vals {
		checkClaimJSON(t, &Claim{Source: "s", Slot: "x.y", Type: value.TypeDuration, Value: v, Confidence: 0.85})
	}
	checkClaimJSON(t, &Claim{Source: odd, Slot: odd, Type: value.Type(odd), Display: odd, Text: odd, Sentence: odd,
		Start: -1, End: 1 << 40, Line: 3, Col: 4, Attribution: odd, AttributionID: odd, Confidence: 1e-9,
		Expected: true, Earlier: true, Inferred: odd, SentenceStart: 7})
	for _, f := range []float64{math.NaN(), math.Inf(1)} {
		c := &Claim{Value: value.Value{Quantity: &value.Quantity{Min: value.F(f)}}}
		if got := AppendClaimJSON(nil, c); len(got) != 0 || stdJSONL(c) != nil {
			t.Errorf("a claim with %v: got %q, want no line (as encoding/json)", f, got)
		}
	}
}

// TestJSONLMatchesEncoder extracts the bundled articles and checks every
// claim line, and the source lines, against encoding/json.
func TestJSONLMatchesEncoder(t *testing.T) {
	x := testExtractor(t)
	inputs, _ := article.Expand([]string{"../testdata"}, article.Options{})
	if len(inputs) == 0 {
		t.Skip("no bundled articles")
	}
	n := 0
	x.Run(inputs, RunOptions{}, func(r Result) {
		r.Article.Published = time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC)
		want := stdJSONL(SourceRecordOf(r))
		for i := range r.Claims {
			want = append(want, stdJSONL(&r.Claims[i])...)
			n++
		}
		if got := AppendJSONL(nil, r, true); !bytes.Equal(got, want) {
			t.Errorf("%s: JSONL differs from encoding/json\n got: %.300s\nwant: %.300s", r.Article.ID, got, want)
		}
	}, func(error) {})
	if n < 100 {
		t.Fatalf("only %d claims in the bundled articles", n)
	}
}

// FuzzClaimJSON checks the hand encoder against encoding/json on arbitrary
// strings and numbers.
func FuzzClaimJSON(f *testing.F) {
	f.Add("मॉस्को <b>", "\x00\xff\u2028", 1.5, -2e-7, 3)
	f.Add("", "", 0.0, 1e21, 0)
	f.Fuzz(func(t *testing.T, s1, s2 string, f1, f2 float64, n int) {
		vals := []value.Value{
			{Quantity: &value.Quantity{Min: &f1, Max: &f2, Unit: s1, Written: s2, Bound: value.Bound(s2)}},
			{Time: &value.Time{Year: n, Weekday: s1, Relative: s2}},
			{Entity: &value.Entity{Name: s1, ID: s2, Within: []string{s2, s1}}},
			{Quote: &value.Quote{Speaker: s1, Text: s2}},
		}
		for _, v := range vals {
			c := &Claim{Source: s1, Slot: s2, Display: s1 + s2, Text: s2, Sentence: s1, Start: n, Confidence: f1, Attribution: s2, Inferred: s1, Value: v}
			got, want := AppendClaimJSON(nil, c), stdJSONL(c)
			if !bytes.Equal(got, want) {
				t.Fatalf("differs\n got: %q\nwant: %q", got, want)
			}
		}
	})
}

// BenchmarkClaimJSON compares the hand encoder with encoding/json on the
// claims of the bundled articles.
func BenchmarkClaimJSON(b *testing.B) {
	x := testExtractor(b)
	inputs, _ := article.Expand([]string{"../testdata/summit", "../testdata/dev"}, article.Options{})
	var cs []Claim
	x.Run(inputs, RunOptions{}, func(r Result) { cs = append(cs, r.Claims...) }, func(error) {})
	if len(cs) == 0 {
		b.Skip("no bundled articles")
	}
	size := int64(0)
	for i := range cs {
		size += int64(len(stdJSONL(&cs[i])))
	}
	b.Run("hand", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf = buf[:0]
			for i := range cs {
				buf = AppendClaimJSON(buf, &cs[i])
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for b.Loop() {
			buf.Reset()
			for i := range cs {
				_ = enc.Encode(&cs[i])
			}
		}
	})
}

// TestNoFingerprint checks that skipping fingerprints changes nothing else.
func TestNoFingerprint(t *testing.T) {
	x := testExtractor(t)
	inputs, _ := article.Expand([]string{"../testdata/summit"}, article.Options{})
	var with, without []Result
	x.Run(inputs, RunOptions{}, func(r Result) { with = append(with, r) }, func(error) {})
	x.Run(inputs, RunOptions{NoFingerprint: true}, func(r Result) { without = append(without, r) }, func(error) {})
	if len(with) == 0 || len(with) != len(without) {
		t.Fatalf("%d and %d results", len(with), len(without))
	}
	for i := range with {
		if len(with[i].Fingerprint) == 0 || without[i].Fingerprint != nil {
			t.Errorf("%s: fingerprint of %d and %d hashes; want some, then none", with[i].Article.ID, len(with[i].Fingerprint), len(without[i].Fingerprint))
		}
		if a, b := AppendJSONL(nil, with[i], false), AppendJSONL(nil, without[i], false); !bytes.Equal(a, b) {
			t.Errorf("%s: claims differ without the fingerprint", with[i].Article.ID)
		}
	}
}

// TestExtractFailureSkipsArticle checks that an article the extractor fails
// on is reported and skipped, not the end of the run.
func TestExtractFailureSkipsArticle(t *testing.T) {
	broken := &Extractor{} // no scanner, gazetteer or frames: every article fails
	_, err := broken.safeExtract(&article.Article{ID: "x", Path: "a/x.txt", Text: "5 लोग"}, true)
	if err == nil || !strings.Contains(err.Error(), "a/x.txt: skipped") {
		t.Errorf("error %v; want one that names a/x.txt and says it was skipped", err)
	}
	if _, err := testExtractor(t).safeExtract(&article.Article{ID: "y", Text: "5 लोग"}, true); err != nil {
		t.Errorf("a working extractor: %v", err)
	}
}
