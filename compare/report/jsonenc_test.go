package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
)

// referenceJSON is the report as encoding/json writes it in one piece: what
// the hand-written, element-by-element JSON must reproduce byte for byte.
func referenceJSON(t testing.TB, r *compare.Report) string {
	t.Helper()
	out := *r
	if out.Sources == nil {
		out.Sources = []compare.Source{}
	}
	if out.Findings == nil {
		out.Findings = []compare.Finding{}
	}
	if out.Events == nil {
		out.Events = []compare.Event{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// oddReport exercises every optional field, nil and empty lists, every value
// shape and strings that need escaping.
func oddReport(s string, f float64) *compare.Report {
	ev := 1
	evidence := compare.Evidence{Source: s, Text: s, Sentence: s + " <&> " + s, Start: 3, End: -4, Line: 1, Col: 2,
		Attribution: s, Confidence: f, Inferred: s, Expected: true, SpanStart: 0, SpanEnd: 9}
	values := []value.Value{
		{},
		{Quantity: &value.Quantity{Min: value.F(f), Max: nil, Unit: s, Approx: true, Bound: value.AtLeast, Written: s}},
		{Time: &value.Time{}},
		{Time: &value.Time{Year: 2023, Month: 9, Day: 13, Weekday: s, Decade: true, Relative: s, Ambiguous: true}},
		{Entity: &value.Entity{Name: s, ID: "place:x", Kind: "city", Within: []string{s, "<b>"}, WithinIDs: []string{}, Unknown: true}},
		{Quote: &value.Quote{Speaker: s, SpeakerID: "person:y", Text: s}},
		{Ordinal: &value.Ordinal{Ordinal: 2}},
	}
	var groups []compare.Group
	for i, v := range values {
		g := compare.Group{Display: s, Value: v, Sources: []string{s, "b"}, Independent: i, Evidence: []compare.Evidence{evidence, {}}}
		switch i {
		case 1:
			g.Sources, g.Evidence = nil, nil
		case 2:
			g.Sources, g.Evidence, g.Variants = []string{}, []compare.Evidence{}, []string{}
		case 3:
			g.Variants, g.Expected, g.LowConfidence = []string{s, "x"}, true, true
		}
		groups = append(groups, g)
	}
	return &compare.Report{
		Sources: []compare.Source{
			{ID: s, Path: s, Title: s, URL: s, Published: "2023-09-13", Claims: 4, Event: 1,
				SharesTextWith: []compare.Share{{Source: s, Fraction: 0.25}, {Source: "b", Fraction: f}}},
			{},
		},
		Findings: []compare.Finding{
			{Slot: "meeting.location", Label: s, Type: value.TypePlace, Status: compare.Conflict, Severity: compare.Major,
				Groups: groups, Note: s, DifferentEvent: true, Speaker: s, Event: &ev,
				QuoteDiff: []compare.DiffSpan{{Op: "equal", Text: s}, {Op: "insert", Text: "<"}}},
			{Groups: []compare.Group{}, QuoteDiff: []compare.DiffSpan{}},
			{},
		},
		Events: []compare.Event{{Sources: []string{s}, Note: s}, {Sources: []string{}}, {}},
	}
}

const oddString = "व्लादिवोस्तोक <b>&amp;</b> \"quoted\" back\\slash \x00\x01\x1f\t\n\r\x7f \u2028\u2029 \xff end"

func TestJSONMatchesEncoder(t *testing.T) {
	reports := map[string]*compare.Report{
		"sample": sampleReport(),
		"empty":  {},
		"odd":    oddReport(oddString, 0.85),
		"tiny":   oddReport("", 1e-9),
		"huge":   oddReport("x", 1.5e21),
	}
	for name, r := range reports {
		want := referenceJSON(t, r)
		if got := render(t, r, Options{Format: "json"}); got != want {
			t.Errorf("%s: JSON differs from encoding/json\n got: %s\nwant: %s", name, got, want)
		}
	}
}

func TestJSONNonFiniteIsAnError(t *testing.T) {
	r := oddReport("x", math.NaN())
	var b bytes.Buffer
	if err := Render(&b, r, Options{Format: "json"}); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("a NaN in the report: got error %v, want one that names NaN", err)
	}
	if b.Len() != 0 {
		t.Errorf("a report that cannot be written wrote %d bytes; want none", b.Len())
	}
}

func FuzzJSONMatchesEncoder(f *testing.F) {
	f.Add(oddString, 0.5)
	f.Add("", -2e-7)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		r := oddReport(s, x)
		if got, want := render(t, r, Options{Format: "json"}), referenceJSON(t, r); got != want {
			t.Fatalf("JSON differs from encoding/json\n got: %q\nwant: %q", got, want)
		}
	})
}
