package scan

import (
	"math"
	"strings"

	"github.com/factdiff/factdiff/claims/value"
)

// valueKind says which value a candidate holds.
type valueKind uint8

const (
	noValue valueKind = iota
	quantityValue
	timeValue
	ordinalValue
)

// candValue is the value of a candidate mention, held inline and small:
// candidates that lose allocate nothing, and the winners get their values
// from the state's slabs (see state.materialize). It is comparable, so that
// it can key the cache of display strings.
type candValue struct {
	kind valueKind
	// A quantity: lo–hi in unit; hasMin and hasMax say which bounds the
	// public value sets. Written is the amount as the text gave it when
	// writtenWord is set ("2 decades"), or the amount in its non-metric
	// unit when imperial ("127 mi").
	hasMin, hasMax, imperial, approx bool
	bound                            value.Bound
	unit                             string
	lo, hi                           float64
	writtenNum                       float64
	writtenWord                      string
	// A time; a relative offset lo·hi unit ("-4 year") when unit is set.
	decade, ambiguous bool
	year, month, day  int
	weekday, relative string
	// An ordinal.
	ord int
}

// setQuantity makes v the quantity lo–hi in unit with qualifiers q.
func (v *candValue) setQuantity(lo, hi float64, unit string, q qual) {
	v.kind = quantityValue
	v.lo, v.hi = lo, hi
	v.unit, v.approx, v.bound = unit, q.approx, q.bound
	switch q.bound {
	case value.AtMost, value.LessThan:
		v.hasMax = true
	case value.AtLeast, value.MoreThan:
		v.hasMin = true
	default:
		v.bound = value.Exact
		v.hasMin, v.hasMax = true, true
		v.approx = v.approx || q.round
	}
	switch unit {
	case "mi", "ft", "mph", "in", "yd", "nmi", "knot":
		v.imperial = true
	}
}

// setRelative makes v the relative time sign·amount unit ("-4 year").
func (v *candValue) setRelative(sign, amount float64, unit string) {
	v.kind = timeValue
	v.lo, v.hi, v.unit = sign, amount, unit
}

// timeValueOf returns t as a candidate value.
func timeValueOf(t value.Time) candValue {
	return candValue{kind: timeValue, year: t.Year, month: t.Month, day: t.Day,
		weekday: t.Weekday, decade: t.Decade, relative: t.Relative, ambiguous: t.Ambiguous}
}

// written returns the Written string of a quantity.
func (v *candValue) written() string {
	switch {
	case v.writtenWord != "":
		return value.FormatNumber(v.writtenNum) + " " + v.writtenWord
	case v.imperial:
		s := value.FormatNumber(v.lo)
		if v.hi != v.lo {
			s += "–" + value.FormatNumber(v.hi)
		}
		return s + " " + v.unit
	}
	return ""
}

// quantityBox holds a quantity and both of its bounds.
type quantityBox struct {
	q      value.Quantity
	lo, hi float64
}

// slabSize is the number of values allocated at once.
const slabSize = 32

// materialize returns the public value of v, allocated from the state's
// slabs.
func (st *state) materialize(v *candValue) value.Value {
	switch v.kind {
	case quantityValue:
		if len(st.quantities) == 0 {
			st.quantities = make([]quantityBox, slabSize)
		}
		b := &st.quantities[0]
		st.quantities = st.quantities[1:]
		b.lo, b.hi = v.lo, v.hi
		b.q = value.Quantity{Unit: v.unit, Approx: v.approx, Bound: v.bound, Written: v.written()}
		if v.hasMin {
			b.q.Min = &b.lo
		}
		if v.hasMax {
			b.q.Max = &b.hi
		}
		return value.Value{Quantity: &b.q}
	case timeValue:
		if len(st.times) == 0 {
			st.times = make([]value.Time, slabSize)
		}
		t := &st.times[0]
		st.times = st.times[1:]
		*t = value.Time{Year: v.year, Month: v.month, Day: v.day, Weekday: v.weekday,
			Decade: v.decade, Relative: v.relative, Ambiguous: v.ambiguous}
		if v.unit != "" {
			t.Relative = relString(v.lo, v.hi, v.unit)
		}
		return value.Value{Time: t}
	case ordinalValue:
		if len(st.ordinals) == 0 {
			st.ordinals = make([]value.Ordinal, slabSize)
		}
		o := &st.ordinals[0]
		st.ordinals = st.ordinals[1:]
		o.Ordinal = v.ord
		return value.Value{Ordinal: o}
	}
	return value.Value{}
}

// displayEntry is a display string cached for a candidate value; the
// value's numbers are kept as bits, so that -0 and 0 stay apart.
type displayEntry struct {
	v          candValue // with the float fields zeroed
	lo, hi, wn uint64
	display    string
}

// maxDisplays bounds the number of display strings a state keeps.
const maxDisplays = 4096

// display returns the display string of the value val materialized as v,
// from the cache when the same value was shown before. The cache is a map
// from a hash of the value to its entry, cleared when it is full.
func (st *state) display(val *candValue, v value.Value) string {
	lo, hi, wn := math.Float64bits(val.lo), math.Float64bits(val.hi), math.Float64bits(val.writtenNum)
	k := *val
	k.lo, k.hi, k.writtenNum = 0, 0, 0
	h := lo*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F ^ wn ^ uint64(k.kind)<<56 ^
		uint64(k.year)<<40 ^ uint64(k.month)<<32 ^ uint64(k.day)<<24 ^ uint64(k.ord)<<8
	h = (h ^ strBits(k.unit)) * 0x94D049BB133111EB
	h = (h ^ strBits(k.weekday) ^ strBits(k.relative)<<24 ^ strBits(string(k.bound))<<40) * 0x9E3779B97F4A7C15
	if k.hasMin {
		h ^= 1
	}
	if k.approx {
		h ^= 2
	}
	h *= 0xBF58476D1CE4E5B9
	idx, seen := st.displayIndex[h]
	if seen {
		if e := &st.displays[idx]; e.lo == lo && e.hi == hi && e.wn == wn && e.v == k {
			return e.display
		}
		return display(v) // another value with the same hash
	}
	d := display(v)
	if st.displayIndex == nil || len(st.displays) >= maxDisplays {
		st.displayIndex = make(map[uint64]int32)
		st.displays = st.displays[:0]
	}
	// The cache must not hold on to the scanned text.
	k.writtenWord = strings.Clone(k.writtenWord)
	st.displayIndex[h] = int32(len(st.displays))
	st.displays = append(st.displays, displayEntry{v: k, lo: lo, hi: hi, wn: wn, display: d})
	return d
}

// strBits mixes the length and the first and last bytes of s into a
// number, for the cache's hash.
func strBits(s string) uint64 {
	if s == "" {
		return 0
	}
	return uint64(len(s)) | uint64(s[0])<<8 | uint64(s[len(s)-1])<<16
}
