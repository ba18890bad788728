package value

import (
	"math"
	"strconv"
	"strings"
)

// Dimension groups units that convert into each other.
type Dimension string

// The dimensions factdiff compares across.
const (
	DimTime    Dimension = "time"
	DimSpeed   Dimension = "speed"
	DimLength  Dimension = "length"
	DimCount   Dimension = "count"
	DimPercent Dimension = "percent"
	DimMoney   Dimension = "money"
)

// unitInfo describes a canonical unit: its dimension and its size in the
// dimension's base unit (seconds, km/h, metres, one, percent).
type unitInfo struct {
	dim    Dimension
	factor float64
}

// canonicalUnits are the unit tokens of the JSON contract. Money units are ISO
// currency codes and only convert to themselves.
var canonicalUnits = map[string]unitInfo{
	"s": {DimTime, 1}, "min": {DimTime, 60}, "h": {DimTime, 3600}, "day": {DimTime, 86400},
	"week": {DimTime, 7 * 86400}, "month": {DimTime, 30.44 * 86400}, "year": {DimTime, 365.25 * 86400},
	"decade": {DimTime, 3652.5 * 86400}, "century": {DimTime, 36525 * 86400},
	"km/h": {DimSpeed, 1}, "mph": {DimSpeed, 1.609344}, "m/s": {DimSpeed, 3.6}, "knot": {DimSpeed, 1.852},
	"m/h": {DimSpeed, 0.001},
	"m":   {DimLength, 1}, "km": {DimLength, 1000}, "mi": {DimLength, 1609.344}, "ft": {DimLength, 0.3048},
	"cm": {DimLength, 0.01}, "mm": {DimLength, 0.001}, "in": {DimLength, 0.0254}, "yd": {DimLength, 0.9144},
	"nmi": {DimLength, 1852},
	"":    {DimCount, 1},
	"%":   {DimPercent, 1},
}

// UnitDimension returns the dimension of a canonical unit; currency codes
// (three capital letters) are money.
func UnitDimension(unit string) (Dimension, bool) {
	if u, ok := canonicalUnits[unit]; ok {
		return u.dim, true
	}
	if isCurrency(unit) {
		return DimMoney, true
	}
	return "", false
}

func isCurrency(unit string) bool {
	if len(unit) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if unit[i] < 'A' || unit[i] > 'Z' {
			return false
		}
	}
	return true
}

// BaseUnit names the unit that Base converts a dimension into.
func BaseUnit(d Dimension) string {
	switch d {
	case DimTime:
		return "s"
	case DimSpeed:
		return "km/h"
	case DimLength:
		return "m"
	case DimPercent:
		return "%"
	}
	return ""
}

// Base returns the quantity's interval in its dimension's base unit (seconds,
// km/h, metres); an open side is returned as nil. ok is false for an unknown
// unit.
func (q *Quantity) Base() (lo, hi *float64, dim Dimension, ok bool) {
	u, known := canonicalUnits[q.Unit]
	if !known {
		if isCurrency(q.Unit) {
			return q.Min, q.Max, DimMoney, true
		}
		return nil, nil, "", false
	}
	if q.Min != nil {
		lo = F(*q.Min * u.factor)
	}
	if q.Max != nil {
		hi = F(*q.Max * u.factor)
	}
	return lo, hi, u.dim, true
}

// Convert returns x expressed in unit to, when both units share a dimension.
func Convert(x float64, from, to string) (float64, bool) {
	a, ok1 := canonicalUnits[from]
	b, ok2 := canonicalUnits[to]
	if !ok1 || !ok2 || a.dim != b.dim {
		return 0, false
	}
	return x * a.factor / b.factor, true
}

// FormatNumber prints x without trailing zeros and with at most two decimals,
// or three significant digits below 0.01.
func FormatNumber(x float64) string {
	prec := 2
	if a := math.Abs(x); a > 0 && a < 0.01 {
		// Small amounts keep three significant digits: 0.001, not 0.
		prec = min(int(-math.Floor(math.Log10(a)))+2, 15)
	}
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Display prints a quantity for people: "4–5 h (approx.)", "≤ 59 km/h",
// "> 24", "127 mi (≈ 204.4 km)".
func (q *Quantity) Display() string {
	var b strings.Builder
	unit := q.Unit
	switch q.Bound {
	case AtMost, LessThan:
		if q.Bound == AtMost {
			b.WriteString("≤ ")
		} else {
			b.WriteString("< ")
		}
		if q.Max != nil {
			b.WriteString(FormatNumber(*q.Max))
		}
	case AtLeast, MoreThan:
		if q.Bound == AtLeast {
			b.WriteString("≥ ")
		} else {
			b.WriteString("> ")
		}
		if q.Min != nil {
			b.WriteString(FormatNumber(*q.Min))
		}
	default:
		if q.Approx {
			b.WriteString("~")
		}
		switch {
		case q.Min != nil && q.Max != nil && *q.Min != *q.Max:
			b.WriteString(FormatNumber(*q.Min))
			b.WriteString("–")
			b.WriteString(FormatNumber(*q.Max))
		case q.Min != nil:
			b.WriteString(FormatNumber(*q.Min))
		case q.Max != nil:
			b.WriteString(FormatNumber(*q.Max))
		}
	}
	if unit != "" {
		b.WriteString(" ")
		b.WriteString(unit)
	}
	if q.Approx && q.Bound != Exact && q.Bound != "" {
		b.WriteString(" (approx.)")
	}
	switch q.Unit {
	case "mi", "ft", "mph":
		to := map[string]string{"mi": "km", "ft": "m", "mph": "km/h"}[q.Unit]
		if x := q.Max; x != nil {
			if y, ok := Convert(*x, q.Unit, to); ok && !math.IsInf(math.Round(y*10)/10, 0) && !math.IsNaN(y) {
				b.WriteString(" (≈ ")
				b.WriteString(FormatNumber(math.Round(y*10) / 10))
				b.WriteString(" ")
				b.WriteString(to)
				b.WriteString(")")
			}
		}
	}
	return b.String()
}

// Display prints a time value: "Wednesday", "2019", "13 September 2023".
func (t *Time) Display() string {
	var parts []string
	if t.Weekday != "" {
		parts = append(parts, t.Weekday)
	}
	if t.Day != 0 {
		parts = append(parts, strconv.Itoa(t.Day))
	}
	if t.Month >= 1 && t.Month <= 12 {
		parts = append(parts, monthNames[t.Month-1])
	}
	if t.Year != 0 {
		y := strconv.Itoa(t.Year)
		if t.Decade {
			y += "s"
		}
		parts = append(parts, y)
	}
	if t.Relative != "" {
		r := t.Relative
		if t.Ambiguous {
			r += " (ambiguous)"
		}
		parts = append(parts, r)
	}
	return strings.Join(parts, " ")
}

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// MonthName returns the English name of month m (1–12), or "".
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m-1]
}

// Display prints the value for people, shaped by its type.
func (v Value) Display() string {
	switch {
	case v.Quantity != nil:
		return v.Quantity.Display()
	case v.Time != nil:
		return v.Time.Display()
	case v.Entity != nil:
		return v.Entity.Name
	case v.Quote != nil:
		return "“" + v.Quote.Text + "” — " + v.Quote.Speaker
	case v.Ordinal != nil:
		return ordinalString(v.Ordinal.Ordinal)
	}
	return ""
}

func ordinalString(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
