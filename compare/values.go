package compare

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
)

// family is how values of a slot are compared.
type family uint8

const (
	famOther family = iota // compared by their display
	famQuantity
	famEntity
	famTime
	famQuote
)

// Quantity interval shapes.
const (
	shapePoint = iota
	shapeRange
	shapeUpper // at most / less than
	shapeLower // at least / more than
)

// val is one claim's value prepared for comparison.
type val struct {
	c     *claims.Claim
	doc   int
	fam   family
	low   bool // confidence below Options.LowConfidence
	shape int8 // quantities: shapePoint, shapeRange, shapeUpper or shapeLower
	sub   string
	spec  string // exact-identity key for entities, times and others

	// quantities: the interval in base units (±Inf for open sides) as written
	// and as widened by the tolerance when approximate.
	lo, hi   float64
	wlo, whi float64
	slack    float64 // half a unit of the last written digit, in base units

	// times
	tm timeSpec
}

// unit is a quantity's canonical unit as written ("" for other values).
func (v *val) unit() string {
	if q := v.c.Value.Quantity; q != nil {
		return q.Unit
	}
	return ""
}

// unlocated reports a place not in the gazetteer that the text did not put
// inside a listed place either: it compares by its spelling only.
func (v *val) unlocated() bool {
	return strings.HasPrefix(v.spec, "unknown:") && len(v.chain()) == 0
}

// broad reports a listed country or region: it may hold any unlisted place.
func (v *val) broad() bool {
	e := v.c.Value.Entity
	return e != nil && !v.unlocated() && (e.Kind == "country" || e.Kind == "region")
}

// feature reports a listed geographic feature, such as a river or a sea
// (gazetteer kind "other"): it runs past many places, so it names no place
// that a town on its bank contradicts.
func (v *val) feature() bool {
	e := v.c.Value.Entity
	return e != nil && e.Kind == "other" && !v.unlocated()
}

// chain lists an entity's ancestor ids, nearest first.
func (v *val) chain() []string {
	if e := v.c.Value.Entity; e != nil {
		return e.WithinIDs
	}
	return nil
}

// timeSpec is what a time value pins down; zero parts are unknown.
type timeSpec struct {
	y0, y1  int // year range (a decade spans ten years); 0 when unknown
	month   int
	day     int
	weekday string
	open    bool // nothing comparable (an unresolved relative expression)
}

// prepare turns a claim into a val; ok is false when the claim carries no
// comparable value.
func prepare(c *claims.Claim, doc int, pub time.Time, opt *Options) (*val, bool) {
	v := &val{c: c, doc: doc, low: c.Confidence > 0 && c.Confidence < opt.LowConfidence}
	switch {
	case c.Value.Quantity != nil:
		q := c.Value.Quantity
		lo, hi, dim, ok := q.Base()
		if !ok || (lo != nil && !finite(*lo)) || (hi != nil && !finite(*hi)) {
			return nil, false // not a number, or too large for one
		}
		v.fam, v.sub = famQuantity, string(dim)
		if dim == value.DimMoney {
			v.sub += ":" + q.Unit // currencies are not converted
		}
		v.lo, v.hi = math.Inf(-1), math.Inf(1)
		if lo != nil {
			v.lo = *lo
		}
		if hi != nil {
			v.hi = *hi
		}
		switch q.Bound {
		case value.AtMost, value.LessThan:
			v.shape, v.lo = shapeUpper, math.Inf(-1)
			if dim != value.DimPercent && dim != "" {
				v.lo = 0
			}
			if lo != nil && *lo > 0 {
				v.lo = *lo
			}
		case value.AtLeast, value.MoreThan:
			v.shape, v.hi = shapeLower, math.Inf(1)
		default:
			switch {
			case lo == nil && hi == nil:
				return nil, false
			case lo == nil:
				v.lo = v.hi
			case hi == nil:
				v.hi = v.lo
			}
			if v.lo > v.hi {
				v.lo, v.hi = v.hi, v.lo
			}
			v.shape = shapePoint
			if v.lo != v.hi {
				v.shape = shapeRange
			}
		}
		if v.shape == shapeUpper && v.lo > v.hi {
			v.lo = math.Inf(-1)
		}
		if f, ok := value.Convert(1, q.Unit, value.BaseUnit(dim)); ok {
			for _, x := range []*float64{q.Min, q.Max} {
				if x != nil {
					v.slack = math.Max(v.slack, halfDigit(*x)*f)
				}
			}
		}
		v.wlo, v.whi = v.lo, v.hi
		if q.Approx {
			v.wlo, v.whi = widen(v.lo, -opt.Tolerance), widen(v.hi, opt.Tolerance)
		}
	case c.Value.Entity != nil:
		e := c.Value.Entity
		v.fam = famEntity
		v.spec = e.ID
		if v.spec == "" {
			v.spec = "unknown:" + foldKey(e.Name)
		}
	case c.Value.Time != nil:
		v.fam = famTime
		v.tm = resolveTime(*c.Value.Time, pub)
		v.spec = v.tm.key()
		if v.tm.open {
			v.spec += ":" + c.Value.Time.Relative
		}
	case c.Value.Quote != nil:
		v.fam = famQuote
		v.spec = foldKey(c.Value.Quote.Text)
	case c.Value.Ordinal != nil:
		v.spec = "ordinal:" + strconv.Itoa(c.Value.Ordinal.Ordinal)
	default:
		if c.Display == "" {
			return nil, false
		}
		v.spec = "display:" + c.Display
	}
	return v, true
}

// keyOf gives the family and sub-key prepare would give the claim, and
// whether prepare would accept it, without building the value: no folding
// of quote text, no resolving of dates. It is held to prepare by a
// differential test.
func keyOf(c *claims.Claim) (fam family, sub string, ok bool) {
	switch {
	case c.Value.Quantity != nil:
		q := c.Value.Quantity
		lo, hi, dim, ok := q.Base()
		if !ok || (lo != nil && !finite(*lo)) || (hi != nil && !finite(*hi)) {
			return famOther, "", false
		}
		if lo == nil && hi == nil && q.Bound != value.AtMost && q.Bound != value.LessThan &&
			q.Bound != value.AtLeast && q.Bound != value.MoreThan {
			return famOther, "", false
		}
		sub = string(dim)
		if dim == value.DimMoney {
			sub += ":" + q.Unit
		}
		return famQuantity, sub, true
	case c.Value.Entity != nil:
		return famEntity, "", true
	case c.Value.Time != nil:
		return famTime, "", true
	case c.Value.Quote != nil:
		return famQuote, "", true
	case c.Value.Ordinal != nil:
		return famOther, "", true
	default:
		return famOther, "", c.Display != ""
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// widen moves x away from zero (frac > 0 on the upper side, < 0 on the
// lower side) by |frac| of its size; infinities stay.
func widen(x, frac float64) float64 {
	if math.IsInf(x, 0) {
		return x
	}
	return x + math.Abs(x)*frac
}

// resolveTime turns a time value into the parts it pins down, resolving a
// relative expression ("-1 day", "-4 year") against the publication date when
// that is known and the expression has one reading.
func resolveTime(t value.Time, pub time.Time) timeSpec {
	s := timeSpec{y0: t.Year, y1: t.Year, month: t.Month, day: t.Day, weekday: t.Weekday}
	if t.Decade && t.Year != 0 {
		s.y1 = t.Year + 9
	}
	if t.Relative != "" && t.Year == 0 && t.Month == 0 && t.Day == 0 && t.Weekday == "" {
		n, unit, ok := parseRelative(t.Relative)
		if !ok || t.Ambiguous || pub.IsZero() {
			s.open = true
			return s
		}
		switch unit {
		case "day":
			d := pub.AddDate(0, 0, n)
			s.y0, s.y1, s.month, s.day = d.Year(), d.Year(), int(d.Month()), d.Day()
		case "week":
			// A week off pins only the year when it does not straddle one.
			a, b := pub.AddDate(0, 0, 7*n-3), pub.AddDate(0, 0, 7*n+3)
			if a.Year() == b.Year() {
				s.y0, s.y1 = a.Year(), a.Year()
			} else {
				s.open = true
			}
		case "month":
			d := pub.AddDate(0, n, 0)
			s.y0, s.y1, s.month = d.Year(), d.Year(), int(d.Month())
		case "year":
			s.y0, s.y1 = pub.Year()+n, pub.Year()+n
		default:
			s.open = true
		}
	}
	if s.y0 != 0 && s.y0 == s.y1 && s.month != 0 && s.day != 0 {
		d := time.Date(s.y0, time.Month(s.month), s.day, 12, 0, 0, 0, time.UTC)
		if int(d.Month()) == s.month && s.weekday == "" {
			s.weekday = d.Weekday().String()
		}
	}
	if s.y0 == 0 && s.month == 0 && s.day == 0 && s.weekday == "" {
		s.open = true
	}
	return s
}

// parseRelative reads "-1 day", "+4 year", "0 week".
func parseRelative(r string) (int, string, bool) {
	num, unit, ok := strings.Cut(strings.TrimSpace(r), " ")
	if !ok || strings.Contains(r, "|") {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(num, "+"))
	if err != nil {
		return 0, "", false
	}
	return n, strings.TrimSuffix(strings.TrimSpace(unit), "s"), true
}

func (s timeSpec) key() string {
	if s.open {
		return "open"
	}
	return strconv.Itoa(s.y0) + "-" + strconv.Itoa(s.y1) + "/" + strconv.Itoa(s.month) + "/" + strconv.Itoa(s.day) + "/" + s.weekday
}

// parts counts what a time pins down, for ordering by precision.
func (s timeSpec) parts() int {
	n := 0
	if s.y0 != 0 {
		n++
		if s.y0 == s.y1 {
			n++
		}
	}
	if s.month != 0 {
		n++
	}
	if s.day != 0 {
		n++
	}
	if s.weekday != "" {
		n++
	}
	return n
}

// fits reports whether two times can be the same point in time.
func (s timeSpec) fits(o timeSpec) bool {
	if s.open || o.open {
		return true
	}
	if s.y0 != 0 && o.y0 != 0 && (s.y1 < o.y0 || o.y1 < s.y0) {
		return false
	}
	if s.month != 0 && o.month != 0 && s.month != o.month {
		return false
	}
	if s.day != 0 && o.day != 0 && s.day != o.day {
		return false
	}
	if s.weekday != "" && o.weekday != "" && s.weekday != o.weekday {
		return false
	}
	return true
}

// merge returns the parts of s and o together (they must fit).
func (s timeSpec) merge(o timeSpec) timeSpec {
	if s.open {
		return o
	}
	if o.open {
		return s
	}
	if s.y0 == 0 || (o.y0 != 0 && o.y0 > s.y0) {
		s.y0 = o.y0
	}
	if s.y1 == 0 || (o.y1 != 0 && o.y1 < s.y1) {
		s.y1 = o.y1
	}
	if s.month == 0 {
		s.month = o.month
	}
	if s.day == 0 {
		s.day = o.day
	}
	if s.weekday == "" {
		s.weekday = o.weekday
	}
	return s
}

// compatible reports whether a and b can both be true.
func compatible(a, b *val) bool {
	switch a.fam {
	case famQuantity:
		return a.wlo <= b.whi && b.wlo <= a.whi
	case famEntity:
		return a.spec == b.spec || slices.Contains(a.chain(), b.spec) || slices.Contains(b.chain(), a.spec)
	case famTime:
		return a.tm.fits(b.tm)
	}
	return a.spec == b.spec
}

// same reports whether a and b are one value, said perhaps in other words or
// units.
func same(a, b *val, eps float64) bool {
	if a.fam != famQuantity {
		return a.spec == b.spec
	}
	if a.shape != b.shape {
		return false
	}
	if near(a.lo, b.lo, eps) && near(a.hi, b.hi, eps) {
		return true
	}
	// Between imperial and metric units, a value converted and rounded (60
	// mph written as 96 km/h) is the same value when it is within half a
	// written digit.
	if imperial[a.unit()] != imperial[b.unit()] {
		slack := math.Max(a.slack, b.slack)
		return within(a.lo, b.lo, slack) && within(a.hi, b.hi, slack)
	}
	// An amount of time in whole larger units is the finer one rounded:
	// "four hours" and "four hours and ten minutes" are one length.
	// (Approximate ones fit by the tolerance instead: compatible, not one.)
	if a.unit() != b.unit() && a.shape == shapePoint && timeUnit(a.unit()) && timeUnit(b.unit()) &&
		!a.c.Value.Quantity.Approx && !b.c.Value.Quantity.Approx {
		slack := math.Max(a.slack, b.slack)
		return within(a.lo, b.lo, slack)
	}
	return false
}

// timeUnit reports a unit of the time dimension.
func timeUnit(u string) bool {
	d, ok := value.UnitDimension(u)
	return ok && d == value.DimTime
}

// imperial units are the ones a metric value is converted into, and back,
// with rounding.
var imperial = map[string]bool{"mi": true, "mph": true, "ft": true, "in": true, "yd": true, "knot": true, "nmi": true}

func within(x, y, d float64) bool {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return x == y
	}
	return math.Abs(x-y) <= d
}

// halfDigit is half a unit of the last digit x is written with: 0.5 for
// 96, 0.05 for 1.5.
func halfDigit(x float64) float64 {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	d := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		d = len(s) - i - 1
	}
	return 0.5 * math.Pow(10, -float64(d))
}

func near(x, y, eps float64) bool {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return x == y
	}
	return math.Abs(x-y) <= eps*math.Max(math.Abs(x), math.Abs(y))
}

// precision orders values from most to least precise: a negative result
// means a is more precise than b.
func precision(a, b *val) int {
	switch a.fam {
	case famQuantity:
		if c := cmpBool(a.c.Value.Quantity.Approx, b.c.Value.Quantity.Approx); c != 0 {
			return c
		}
		if c := cmpFloat(a.hi-a.lo, b.hi-b.lo); c != 0 {
			return c
		}
	case famEntity:
		// An unlisted place is more precise than a country or region it may
		// lie in, less precise than any other listed place.
		if a.unlocated() && b.broad() {
			return -1
		}
		if b.unlocated() && a.broad() {
			return 1
		}
		if c := cmpBool(a.unlocated(), b.unlocated()); c != 0 {
			return c
		}
		if c := len(b.chain()) - len(a.chain()); c != 0 {
			return c
		}
	case famTime:
		if c := b.tm.parts() - a.tm.parts(); c != 0 {
			return c
		}
	case famQuote:
		if c := len(b.c.Value.Quote.Text) - len(a.c.Value.Quote.Text); c != 0 {
			return c
		}
	}
	return 0
}

// better orders candidate evidence: most precise, then most confident, then
// first in the article.
func better(a, b *val) int {
	if c := precision(a, b); c != 0 {
		return c
	}
	if c := cmpFloat(b.c.Confidence, a.c.Confidence); c != 0 {
		return c
	}
	if c := strings.Compare(a.c.Source, b.c.Source); c != 0 {
		return c
	}
	if c := a.c.Start - b.c.Start; c != 0 {
		return c
	}
	return strings.Compare(a.c.Display, b.c.Display)
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
