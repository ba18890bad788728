package scan

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

// corpusCase is one phrase of a corpus file testdata/corpus/TYPE_LANG.yaml.
type corpusCase struct {
	Text  string         `yaml:"text"`
	Span  string         `yaml:"span"`
	Noun  string         `yaml:"noun"`
	Value map[string]any `yaml:"value"`
}

// TestCorpus runs every corpus phrase: it must give exactly one mention of
// the file's type, covering the whole phrase (or the span given), with the
// expected value.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*_*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	s := Default()
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".yaml")
		typ := value.Type(base[:strings.LastIndexByte(base, '_')])
		var cases []corpusCase
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Run(base, func(t *testing.T) {
			for _, c := range cases {
				text := normalize.String(c.Text)
				ms := s.Scan(text)
				want := c.Span
				if want == "" {
					want = text
				} else {
					want = normalize.String(want)
				}
				var got []Mention
				for _, m := range ms {
					if m.Type == typ {
						got = append(got, m)
					}
				}
				if len(got) != 1 {
					t.Errorf("%q: want one %s mention, got %s", c.Text, typ, describe(text, ms))
					continue
				}
				m := got[0]
				if text[m.Start:m.End] != want {
					t.Errorf("%q: span %q, want %q", c.Text, text[m.Start:m.End], want)
				}
				if c.Noun != "" && m.Noun != c.Noun {
					t.Errorf("%q: noun %q, want %q", c.Text, m.Noun, c.Noun)
				}
				if msg := compareValue(typ, c.Value, m.Value); msg != "" {
					t.Errorf("%q: %s (display %q)", c.Text, msg, m.Display)
				}
			}
		})
	}
}

// TestNegativeCorpus checks phrases that must not give a mention of a type.
func TestNegativeCorpus(t *testing.T) {
	var cases []struct {
		Text string `yaml:"text"`
		Type string `yaml:"type"`
	}
	b, err := os.ReadFile("testdata/corpus/negative.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	s := Default()
	for _, c := range cases {
		text := normalize.String(c.Text)
		for _, m := range s.Scan(text) {
			bad := false
			switch c.Type {
			case "any":
				bad = true
			case "bound":
				bad = m.Value.Quantity != nil && m.Value.Quantity.Bound != value.Exact
			default:
				bad = string(m.Type) == c.Type
			}
			if bad {
				t.Errorf("%q: unwanted %s mention %q = %s", c.Text, m.Type, text[m.Start:m.End], m.Display)
			}
		}
	}
}

func describe(text string, ms []Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, string(m.Type)+" "+strconvQuote(text[m.Start:m.End])+" = "+m.Display)
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, "; ")
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// compareValue compares a mention value with the expected fields. For
// quantities, missing approx means false, missing bound exact and missing
// unit a count.
func compareValue(typ value.Type, want map[string]any, got value.Value) string {
	b, _ := json.Marshal(got)
	var have map[string]any
	_ = json.Unmarshal(b, &have)
	if typ.IsQuantity() {
		for k, d := range map[string]any{"approx": false, "bound": "exact", "unit": ""} {
			if _, ok := want[k]; !ok {
				want[k] = d
			}
		}
	}
	keys := want
	if !typ.IsQuantity() {
		// Time and ordinal values must match field for field.
		keys = map[string]any{}
		for k, v := range want {
			keys[k] = v
		}
		for k := range have {
			if _, ok := keys[k]; !ok {
				keys[k] = nil
			}
		}
	}
	for k := range keys {
		w, h := want[k], have[k]
		if !sameJSON(w, h) {
			return "value " + string(b) + ", want " + k + " = " + jsonString(w)
		}
	}
	return ""
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func sameJSON(a, b any) bool {
	fa, oka := toFloat(a)
	fb, okb := toFloat(b)
	if oka && okb {
		return math.Abs(fa-fb) <= 1e-9*math.Max(1, math.Abs(fb))
	}
	if oka != okb {
		return false
	}
	return jsonString(a) == jsonString(b)
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}
