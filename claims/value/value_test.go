package value

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestQuantityDisplay(t *testing.T) {
	tests := []struct {
		q    Quantity
		want string
	}{
		{Quantity{Min: F(4), Max: F(5), Unit: "h", Approx: true, Bound: Exact}, "~4–5 h"},
		{Quantity{Max: F(59), Unit: "km/h", Bound: AtMost}, "≤ 59 km/h"},
		{Quantity{Min: F(24), Unit: "", Bound: MoreThan}, "> 24"},
		{Quantity{Min: F(14), Unit: "", Bound: AtLeast}, "≥ 14"},
		{Quantity{Min: F(127), Max: F(127), Unit: "mi", Bound: Exact}, "127 mi (≈ 204.4 km)"},
		{Quantity{Min: F(2.25), Max: F(2.25), Unit: "h", Bound: Exact}, "2.25 h"},
		{Quantity{Min: F(100), Max: F(100), Unit: "mph", Bound: Exact}, "100 mph (≈ 160.9 km/h)"},
	}
	for _, tc := range tests {
		if got := tc.q.Display(); got != tc.want {
			t.Errorf("Display(%+v) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestDisplayWithoutInfiniteConversion checks that a conversion too large
// for a number is left out of the display rather than shown as infinity.
func TestDisplayWithoutInfiniteConversion(t *testing.T) {
	for _, x := range []float64{1e308, 1.7e308} {
		q := Quantity{Min: F(x), Max: F(x), Unit: "mph", Bound: Exact}
		if got := q.Display(); strings.Contains(got, "Inf") || strings.Contains(got, "≈") {
			t.Errorf("Display of %g mph = %q; want no conversion", x, got)
		}
	}
}

func TestBaseAndConvert(t *testing.T) {
	lo, hi, dim, ok := (&Quantity{Min: F(127), Max: F(127), Unit: "mi"}).Base()
	if !ok || dim != DimLength || *lo != *hi || *lo < 204385 || *lo > 204387 {
		t.Errorf("127 mi in metres = %v %v %v %v", *lo, *hi, dim, ok)
	}
	if _, _, _, ok := (&Quantity{Unit: "furlong"}).Base(); ok {
		t.Error("unknown unit converted")
	}
	if x, ok := Convert(2, "h", "min"); !ok || x != 120 {
		t.Errorf("2 h = %v min", x)
	}
	if _, ok := Convert(2, "h", "km"); ok {
		t.Error("time converted to length")
	}
	if d, ok := UnitDimension("INR"); !ok || d != DimMoney {
		t.Error("currency code is not money")
	}
}

func TestTimeDisplay(t *testing.T) {
	tests := []struct {
		v    Time
		want string
	}{
		{Time{Weekday: "Wednesday"}, "Wednesday"},
		{Time{Year: 2019}, "2019"},
		{Time{Year: 2023, Month: 9, Day: 13}, "13 September 2023"},
		{Time{Year: 1990, Decade: true}, "1990s"},
		{Time{Relative: "-1 day|+1 day", Ambiguous: true}, "-1 day|+1 day (ambiguous)"},
	}
	for _, tc := range tests {
		if got := tc.v.Display(); got != tc.want {
			t.Errorf("Display(%+v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestValueJSON checks that every value shape survives a JSON round trip and
// is recognized by its keys.
func TestValueJSON(t *testing.T) {
	vals := []Value{
		{Quantity: &Quantity{Max: F(59), Unit: "km/h", Bound: AtMost}},
		{Time: &Time{Weekday: "Tuesday"}},
		{Entity: &Entity{Name: "Vladivostok", ID: "place:vladivostok", Within: []string{"Russia"}}},
		{Quote: &Quote{Speaker: "Kim Jong Un", Text: "हम साथ हैं"}},
		{Ordinal: &Ordinal{Ordinal: 3}},
	}
	for _, v := range vals {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back Value
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) || back.Display() != v.Display() {
			t.Errorf("round trip %s → %s", b, b2)
		}
	}
	b, _ := json.Marshal(Value{Quantity: &Quantity{Min: F(24), Unit: "", Bound: MoreThan}})
	if string(b) != `{"min":24,"max":null,"unit":"","approx":false,"bound":"more_than"}` {
		t.Errorf("open side must be null: %s", b)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{127, "127"}, {204.3836, "204.38"}, {0.25, "0.25"}, {1.5, "1.5"}, {0, "0"}, {-0.001, "-0.001"},
		{0.001, "0.001"}, {0.0005, "0.0005"}, {0.00123456, "0.00123"}, {0.009999, "0.01"}, {-0.0000001, "-0.0000001"},
	} {
		if got := FormatNumber(c.x); got != c.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

// TestAppendJSONStringMatchesEncoder compares the string encoder with
// encoding/json on three-byte sequences at the edges of validity: overlong
// forms, surrogates, U+2028/U+2029, truncated sequences and Devanagari.
func TestAppendJSONStringMatchesEncoder(t *testing.T) {
	cases := []string{
		"किलोमीटर प्रति घंटा", "\u0900\u097f\u0e00\uffff", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
		"\xe2\x80\xa7\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xaa", "\xe0\xa4", "ab\xe0", "\xef\xbf\xbf\xef\xbf", "\xe1\xc0\x80", "\xe1\x80\xc0",
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		// json.Marshal escapes <, > and & as the html flag does.
		if got := AppendJSONString(nil, s, true); string(got) != string(want) {
			t.Errorf("AppendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}
