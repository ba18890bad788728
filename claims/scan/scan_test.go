package scan

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

func TestResolve(t *testing.T) {
	s := Default()
	// Thursday 14 September 2023.
	pub := time.Date(2023, 9, 14, 18, 30, 0, 0, time.UTC)
	tests := []struct {
		text string
		want value.Time
	}{
		{"4 साल पहले", value.Time{Year: 2019}},
		{"पिछले साल", value.Time{Year: 2022}},
		{"अगले महीने", value.Time{Year: 2023, Month: 10}},
		{"yesterday", value.Time{Year: 2023, Month: 9, Day: 13, Weekday: "Wednesday"}},
		{"आज", value.Time{Year: 2023, Month: 9, Day: 14, Weekday: "Thursday"}},
		{"two days later", value.Time{Year: 2023, Month: 9, Day: 16, Weekday: "Saturday"}},
		{"बुधवार", value.Time{Year: 2023, Month: 9, Day: 13, Weekday: "Wednesday"}},
		{"गुरुवार", value.Time{Year: 2023, Month: 9, Day: 14, Weekday: "Thursday"}},
		{"Sunday", value.Time{Year: 2023, Month: 9, Day: 10, Weekday: "Sunday"}},
		{"13 सितंबर", value.Time{Year: 2023, Month: 9, Day: 13}},
		{"25 दिसंबर", value.Time{Year: 2023, Month: 12, Day: 25}},
		{"कल", value.Time{Relative: "-1 day|+1 day", Ambiguous: true}},
		{"2019 में", value.Time{Year: 2019}},
	}
	for _, tt := range tests {
		ms := s.Scan(normalize.String(tt.text))
		if len(ms) == 0 {
			t.Errorf("%q: no mention", tt.text)
			continue
		}
		if got := s.Resolve(ms[0], pub); got != tt.want {
			t.Errorf("%q: Resolve = %+v, want %+v", tt.text, got, tt.want)
		}
		if got := s.Resolve(ms[0], time.Time{}); got != *ms[0].Value.Time {
			t.Errorf("%q: Resolve without a date changed the value to %+v", tt.text, got)
		}
	}
}

func TestUserLexicon(t *testing.T) {
	user := lexicon.File{Name: "user.yaml", Data: []byte(`
units:
  - {unit: km, type: distance, words: [kos-length]}
number_words:
  - {value: 4, words: [quattro]}
document_numbers: [yojana]
`)}
	s, err := New(user)
	if err != nil {
		t.Fatal(err)
	}
	ms := s.Scan("7 kos-length")
	if len(ms) != 1 || ms[0].Type != value.TypeDistance || *ms[0].Value.Quantity.Min != 7 {
		t.Errorf("user unit: got %+v", ms)
	}
	ms = s.Scan("quattro")
	if len(ms) != 1 || *ms[0].Value.Quantity.Min != 4 {
		t.Errorf("user number word: got %+v", ms)
	}
	ms = s.Scan("yojana 2019 में")
	if len(ms) != 1 || ms[0].Type != value.TypeNumber {
		t.Errorf("user document number: got %+v", ms)
	}
}

func TestLexiconErrors(t *testing.T) {
	for _, data := range []string{
		"units:\n  - {unit: furlong, type: distance, words: [furlong]}\n",
		"units:\n  - {unit: km, type: weight, words: [x]}\n",
		"qualifiers:\n  - {bound: sometimes, words: [x]}\n",
		"number_words:\n  - {value: 3}\n",
		"number_words: {value: 3}\n",
	} {
		_, err := New(lexicon.File{Name: "bad.yaml", Data: []byte(data)})
		if err == nil {
			t.Errorf("%q: no error", data)
			continue
		}
		if !strings.Contains(err.Error(), "bad.yaml") {
			t.Errorf("%q: error %q does not name the file", data, err)
		}
	}
}

func TestConcurrentScan(t *testing.T) {
	s := Default()
	text := benchText()
	want := len(s.Scan(text))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if got := len(s.Scan(text)); got != want {
					t.Errorf("concurrent scan: %d mentions, want %d", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestAppendScanKeepsPrefix(t *testing.T) {
	s := Default()
	dst := []Mention{{Type: value.TypeNumber}}
	dst = s.AppendScan(dst, "5 km")
	if len(dst) != 2 || dst[0].Type != value.TypeNumber || dst[1].Type != value.TypeDistance {
		t.Errorf("AppendScan = %+v", dst)
	}
}

// checkInvariants checks that mentions are sorted, do not overlap, lie on
// character boundaries and carry a value and display.
func checkInvariants(t *testing.T, text string, ms []Mention) {
	t.Helper()
	last := 0
	for _, m := range ms {
		if m.Start < last || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("%q: bad span %d–%d after %d", text, m.Start, m.End, last)
		}
		if !utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])) {
			t.Fatalf("%q: span %d–%d splits a character", text, m.Start, m.End)
		}
		if m.Display == "" {
			t.Fatalf("%q: mention %q without display", text, text[m.Start:m.End])
		}
		last = m.End
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"करीब चार से पांच घंटे", "59 km/h", "13/09/2023", "2019-20", "₹5 करोड़", "1,17,500", "-.5G",
		"two and a half", "सवा", "a", "21वां", "between 4 and", "4 -", "१२७ मील"} {
		f.Add(s)
	}
	sc := Default()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := normalize.String(s)
		checkInvariants(t, text, sc.Scan(text))
	})
}

func TestRawDevanagariDigits(t *testing.T) {
	ms := Default().Scan("१२७ मील")
	if len(ms) != 1 || ms[0].Type != value.TypeDistance || *ms[0].Value.Quantity.Min != 127 || ms[0].End != len("१२७ मील") {
		t.Errorf("raw Devanagari digits: %+v", ms)
	}
}
