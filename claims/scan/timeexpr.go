package scan

import (
	"github.com/factdiff/factdiff/claims/value"
)

var weekdayNames = [8]string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// matchTime reads dates, weekdays and relative days at token i.
func (st *state) matchTime(i int) cand {
	j := i
	wd := 0
	short := false
	if p, e := st.match(j, pWeekday); p != nil {
		wd, j = int(p.val), e
	} else if p, e := st.match(j, pWeekdayShort); p != nil && (st.toks[i].kind != tLatin || st.toks[i].upper) {
		wd, j, short = int(p.val), e, true
	}
	if wd > 0 {
		k := j
		if st.punct(k, ",") {
			k++
		}
		if t, e, ok := st.dateAt(k); ok {
			t.Weekday = weekdayNames[wd]
			return timeCand(value.TypeDate, t, e)
		}
		// "मंगलवार (17 फरवरी)", "Tuesday (February 17)": the date in brackets.
		if st.punct(j, "(") {
			if t, e, ok := st.dateAt(j + 1); ok && st.punct(e, ")") {
				t.Weekday = weekdayNames[wd]
				return timeCand(value.TypeDate, t, e+1)
			}
		}
		if short {
			// Short forms are names of planets and people too ("मंगल ग्रह",
			// "रवि को"): they count only before a day number.
			if !(j < len(st.toks) && st.toks[j].kind == tDigits && len(st.raw(j)) <= 2) {
				return cand{}
			}
		}
		return timeCand(value.TypeWeekday, value.Time{Weekday: weekdayNames[wd]}, j)
	}
	if t, e, ok := st.dateAt(i); ok {
		return timeCand(value.TypeDate, t, e)
	}
	if p, e := st.match(i, pRelWord); p != nil {
		return timeCand(value.TypeRelative, value.Time{Relative: p.rel, Ambiguous: p.ambiguous}, e)
	}
	if p, e := st.match(i, pRelShift); p != nil {
		if w, e2 := st.match(e, pWeekday); w != nil {
			// "पिछले बुधवार", "last Wednesday": the weekday itself.
			return timeCand(value.TypeWeekday, value.Time{Weekday: weekdayNames[int(w.val)]}, e2)
		}
		if u, e2 := st.match(e, pUnit); u != nil && u.unit.Type == value.TypeDuration && st.is(e, pRelUnit) {
			switch u.unit.Unit {
			case "day", "week", "month", "year":
				c := cand{ok: true, end: e2, typ: value.TypeRelative}
				c.val.setRelative(sign(p.val), abs(p.val)*u.unit.Scale, u.unit.Unit)
				return c
			}
		}
	}
	// A month alone: "सितंबर में", "in September".
	if p, e := st.match(i, pMonth); p != nil {
		if st.toks[i].kind == tDeva {
			return timeCand(value.TypeDate, value.Time{Month: int(p.val)}, e)
		}
		if st.toks[i].upper && len(p.keys[0]) > 3 {
			if w, ok := st.endsAt(i, pYearBefore); ok && !w.include {
				return timeCand(value.TypeDate, value.Time{Month: int(p.val)}, e)
			}
		}
	}
	return cand{}
}

func sign(x float64) float64 {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// timeCand builds a time mention ending before token end.
func timeCand(t value.Type, v value.Time, end int) cand {
	return cand{ok: true, end: end, typ: t, val: timeValueOf(v)}
}

// monthAt reads a month name at token k; English names must be capitalized.
func (st *state) monthAt(k int) (int, int, bool) {
	p, e := st.match(k, pMonth)
	if p == nil {
		return 0, k, false
	}
	if st.toks[k].kind == tLatin && !st.toks[k].upper {
		return 0, k, false
	}
	return int(p.val), e, true
}

// dayAt reads a day of the month at token k: 13, 13th, तेरह.
func (st *state) dayAt(k int) (int, int, bool) {
	if k >= len(st.toks) {
		return 0, k, false
	}
	if st.toks[k].kind == tDigits {
		v, plain, nd, _, ok := parseDigitToken(st.raw(k))
		if !ok || !plain || nd > 2 || v < 1 || v > 31 {
			return 0, k, false
		}
		e := k + 1
		if st.glued(e) && st.is(e, pOrdSuffix) {
			e++
		}
		return int(v), e, true
	}
	if p, e := st.match(k, pNumber); p != nil && p.val >= 1 && p.val <= 31 && st.toks[k].kind == tDeva {
		return int(p.val), e, true
	}
	if p, e := st.match(k, pOrdinal); p != nil && p.val >= 1 && p.val <= 31 && st.toks[k].kind == tLatin {
		return int(p.val), e, true
	}
	return 0, k, false
}

// yearDigitsAt reads a four-digit year at token k.
func (st *state) yearDigitsAt(k int) (int, int, bool) {
	if k >= len(st.toks) || st.toks[k].kind != tDigits {
		return 0, k, false
	}
	v, plain, nd, _, ok := parseDigitToken(st.raw(k))
	if !ok || !plain || nd != 4 || v < 1000 || v > 2999 {
		return 0, k, false
	}
	return int(v), k + 1, true
}

// dateAt reads a calendar date at token k: "13 सितंबर 2023", "13 सितंबर",
// "September 13, 2023", "13 September 2023", "the 13th of September",
// "सितंबर 2023", "13/09/2023", "13-09-2023", "13.09.2023", "2023-09-13".
func (st *state) dateAt(k int) (value.Time, int, bool) {
	if t, e, ok := st.numericDate(k); ok {
		return t, e, true
	}
	// day [-day] [of] month [,] [year]
	if d, e, ok := st.dayAt(k); ok {
		if (st.punct(e, "-") || st.punct(e, "–")) && e+1 < len(st.toks) {
			if d2, e2, ok2 := st.dayAt(e + 1); ok2 && d2 > d {
				e = e2
			}
		}
		if st.isLatinTok(e) && st.toks[e].id == st.s.lex.word.of {
			e++
		}
		if st.is(e, pDayWord) && st.toks[k].kind == tDigits {
			// "15 तारीख को"
			_, e2 := st.match(e, pDayWord)
			return value.Time{Day: d}, e2, true
		}
		if m, e2, ok := st.monthAt(e); ok {
			t := value.Time{Day: d, Month: m}
			e3 := e2
			if st.punct(e3, ",") {
				e3++
			}
			if y, e4, ok := st.yearDigitsAt(e3); ok {
				t.Year = y
				e2 = e4
			}
			return t, e2, true
		}
		return value.Time{}, k, false
	}
	if m, e, ok := st.monthAt(k); ok {
		if d, e2, ok := st.dayAt(e); ok && !(e2 < len(st.toks) && st.toks[e2].kind == tDigits && st.glued(e2)) {
			// Not "Jan 2019" read as day 20.
			if _, _, isYear := st.yearDigitsAt(e); !isYear {
				t := value.Time{Day: d, Month: m}
				e3 := e2
				if st.punct(e3, ",") {
					e3++
				}
				if y, e4, ok := st.yearDigitsAt(e3); ok {
					t.Year = y
					e2 = e4
				}
				return t, e2, true
			}
		}
		e2 := e
		if st.punct(e2, ",") {
			e2++
		}
		if y, e3, ok := st.yearDigitsAt(e2); ok {
			return value.Time{Month: m, Year: y}, e3, true
		}
	}
	return value.Time{}, k, false
}

// numericDate reads all-digit dates: day first unless the month cannot be.
func (st *state) numericDate(k int) (value.Time, int, bool) {
	if k >= len(st.toks) || st.toks[k].kind != tDigits {
		return value.Time{}, k, false
	}
	var parts [3]int
	var nd [3]int
	e := k
	raw := st.raw(k)
	if dots := countByte(raw, '.'); dots == 2 {
		// 13.09.2023 arrives as one token.
		n := 0
		cur, digits := 0, 0
		for x := 0; x < len(raw); x++ {
			if raw[x] == '.' {
				parts[n], nd[n] = cur, digits
				n++
				cur, digits = 0, 0
				continue
			}
			if raw[x] < '0' || raw[x] > '9' {
				return value.Time{}, k, false
			}
			cur = cur*10 + int(raw[x]-'0')
			digits++
		}
		parts[2], nd[2] = cur, digits
		e = k + 1
	} else {
		sep := ""
		for n := 0; n < 3; n++ {
			if n > 0 {
				if !st.glued(e) || st.toks[e].kind != tPunct {
					return value.Time{}, k, false
				}
				s := st.raw(e)
				if (s != "/" && s != "-" && s != ".") || (sep != "" && s != sep) {
					return value.Time{}, k, false
				}
				sep = s
				e++
				if e >= len(st.toks) || !st.glued(e) {
					return value.Time{}, k, false
				}
			}
			if e >= len(st.toks) || st.toks[e].kind != tDigits {
				return value.Time{}, k, false
			}
			v, plain, d, _, ok := parseDigitToken(st.raw(e))
			if !ok || !plain {
				return value.Time{}, k, false
			}
			parts[n], nd[n] = int(v), d
			e++
		}
	}
	var y, m, d int
	switch {
	case nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2:
		y, m, d = parts[0], parts[1], parts[2]
	case nd[0] <= 2 && nd[1] <= 2 && (nd[2] == 4 || nd[2] == 2):
		d, m, y = parts[0], parts[1], parts[2]
		if m > 12 && d <= 12 {
			d, m = m, d
		}
		if nd[2] == 2 {
			if y < 50 {
				y += 2000
			} else {
				y += 1900
			}
		}
	default:
		return value.Time{}, k, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999 {
		return value.Time{}, k, false
	}
	return value.Time{Year: y, Month: m, Day: d}, e, true
}

func countByte(s string, b byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			n++
		}
	}
	return n
}

// matchOrdinal reads ordinals: पहला, दूसरी, 21वां, पच्चीसवीं, first,
// twenty-first, 1st.
func (st *state) matchOrdinal(i int) cand {
	t := st.toks[i]
	mk := func(v int, end int) cand {
		return cand{ok: true, end: end, typ: value.TypeOrdinal, val: candValue{kind: ordinalValue, ord: v}}
	}
	switch t.kind {
	case tDigits:
		v, plain, _, _, ok := parseDigitToken(st.raw(i))
		if ok && plain && st.glued(i+1) && st.is(i+1, pOrdSuffix) {
			_, e := st.match(i+1, pOrdSuffix)
			if e == i+2 {
				return mk(int(v), e)
			}
		}
		return cand{}
	case tDeva:
		if p, e := st.match(i, pOrdinal); p != nil {
			if p.ambiguous && !(len(st.toks) == 1 || st.is(e, pOrdNoun)) {
				return cand{}
			}
			return mk(int(p.val), e)
		}
		if v, ok := st.s.suffixOrdinal(st.raw(i)); ok {
			return mk(v, i+1)
		}
	case tLatin:
		if p, e := st.match(i, pOrdinal); p != nil {
			return mk(int(p.val), e)
		}
		if v, ok := st.s.tensOrdinal(st.raw(i), t.caps); ok {
			return mk(v, i+1)
		}
		// twenty-first, twenty first
		if p, e := st.match(i, pNumber); p != nil && p.val >= 20 && p.val < 100 && int(p.val)%10 == 0 {
			k := e
			if st.punct(k, "-") || st.punct(k, "—") || st.punct(k, "–") {
				k++
			}
			if o, e2 := st.match(k, pOrdinal); o != nil && o.val < 10 {
				return mk(int(p.val+o.val), e2)
			}
		}
	}
	return cand{}
}

// suffixOrdinal reads a Hindi number word with an ordinal ending
// ("पच्चीसवीं" is 25).
func (s *Scanner) suffixOrdinal(w string) (int, bool) {
	if !s.hasOrdSuffix(w) {
		return 0, false
	}
	for _, sfx := range s.ordSuffixes {
		if len(w) > len(sfx) && w[len(w)-len(sfx):] == sfx {
			stem := w[:len(w)-len(sfx)]
			e := s.lex.words[s.lex.vocab.find(stem, false)].entry
			if e == nil {
				continue
			}
			for _, p := range e.ps {
				if len(p.keys) == 1 && (p.kind == pNumber || p.kind == pMult) && p.val >= 1 {
					return int(p.val), true
				}
			}
		}
	}
	return 0, false
}

// tensOrdinal reads an English tens word fused with an ordinal
// ("twentyfifth" is 25); with fold, w may hold ASCII capitals.
func (s *Scanner) tensOrdinal(w string, fold bool) (int, bool) {
	if !s.hasTensPrefix(w) {
		return 0, false
	}
	for _, tw := range s.tensWords {
		if len(w) > len(tw.word) && hasPrefixFold(w, tw.word) {
			if e := s.lex.words[s.lex.vocab.find(w[len(tw.word):], fold)].entry; e != nil {
				for _, p := range e.ps {
					if p.kind == pOrdinal && len(p.keys) == 1 && p.val < 10 {
						return tw.val + int(p.val), true
					}
				}
			}
		}
	}
	return 0, false
}

// display prints a value for people; approximate exact amounts read
// "4–5 h (approx.)".
func display(v value.Value) string {
	if q := v.Quantity; q != nil && q.Approx && (q.Bound == value.Exact || q.Bound == "") {
		c := *q
		c.Approx = false
		return c.Display() + " (approx.)"
	}
	return v.Display()
}
