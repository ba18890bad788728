package scan

import (
	"math"
	"strings"

	"github.com/factdiff/factdiff/claims/value"
)

// prefixKinds are the kinds of words that may stand before an amount.
const prefixKinds = 1<<pQual | 1<<pAgeBefore | 1<<pYearBefore | 1<<pUnitBefore

// qual collects the qualifiers read around a number.
type qual struct {
	approx bool
	bound  value.Bound
	// rangeWith are the connectors of a range that the qualifier opened
	// ("between … and …").
	rangeWith idSet
	// round: the amount is a round figure ("दो दर्जन", "two dozen"), so
	// an exact reading of it is approximate: "दो दर्जन घायल" may be 23 or 25.
	round bool
	// afterFor: the amount follows "for" ("for 36 hours before …").
	afterFor bool
}

// matchQuantity reads a number with its qualifiers, range, unit and context
// at token i, and decides its type: duration, speed, distance, percent,
// money, age, relative, year, count or number.
func (st *state) matchQuantity(i int) cand {
	j := i
	q := qual{bound: value.Exact}
	var rangeWith idSet
	agePrefix, yearIncl, yearStrong := false, false, false
	var currency *unitDef
	for k := 0; k < 4 && j < len(st.toks) && st.mask(j)&prefixKinds != 0; k++ {
		if st.is(j, pUnitOne) {
			break // "साल भर" is an amount, not the year word of "साल 2019"
		}
		if p, e := st.match(j, pQual); p != nil && p.qual.At == "before" {
			if p.qual.Approx {
				q.approx = true
			}
			if p.qual.Bound != value.Exact {
				q.bound = p.qual.Bound
			}
			if p.qual.rangeWith != nil {
				rangeWith = p.qual.rangeWith
				q.rangeWith = rangeWith
			}
			j = e
			continue
		}
		if p, e := st.match(j, pAgeBefore); p != nil {
			agePrefix = true
			j = e
			continue
		}
		if p, e := st.match(j, pYearBefore); p != nil && p.include {
			yearIncl, yearStrong = true, p.strong
			j = e
			continue
		}
		if p, e := st.match(j, pUnitBefore); p != nil && currency == nil {
			currency = p.unit
			j = e
			continue
		}
		break
	}
	start := j
	q.afterFor = st.isLatinTok(i-1) && st.toks[i-1].id == st.s.lex.word.forW
	n, ok := st.parseNumber(j)
	if n.overflow {
		// Consume the whole numeral without a mention, so that the words
		// after its digits ("हजार करोड़") are not read as a number.
		return cand{ok: true, end: n.end}
	}
	vague, article := false, false
	var oneUnit *unitDef
	oneEnd := 0
	if !ok {
		if p, e := st.match(j, pUnitOne); p != nil {
			// "साल भर पहले": one whole unit.
			n = num{v: 1, start: j, end: j}
			article, oneUnit, oneEnd = true, p.unit, e
		} else if p, e := st.match(j, pVague); p != nil {
			n = num{v: p.val, start: j, end: e}
			vague = true
		} else if p, e := st.match(j, pVaguePrefix); p != nil {
			if m, e2 := st.match(e, pMult); m != nil && m.val >= 12 {
				n = num{v: m.val, start: j, end: e2}
				vague = true
			}
		} else if p, e := st.match(j, pArticle); p != nil {
			// "a day", "an hour" — but not "a second time".
			if u, _ := st.unitAt(e, num{}); u != nil && u.Type != value.TypeMoney && u.Type != value.TypePercent && !st.is(e, pOrdinal) &&
				!(u.Type == value.TypeDuration && st.countedBefore(j)) {
				n = num{v: 1, start: j, end: e}
				article = true
			}
		}
		if !vague && !article {
			return cand{}
		}
	}
	if n.digits && start == i && st.registrationAt(start, n.end) {
		return cand{ok: true, end: n.end + 2} // "UP 53 FT 4417": no amount
	}
	q.approx = q.approx || n.approx
	q.round = n.dozen
	docNum := false
	if start == i {
		_, docNum = st.endsAt(start, pDocNum)
		// "हेल्पलाइन नंबर 03662-230588 और 1077": the numbers of a list
		// after a document word are all document numbers (of three digits
		// and more: "नंबर 1077 और 25 लोग" counts people).
		docNum = docNum || n.ndigits >= 3 && start > 0 && st.lastDocNumEnd == start-1 && st.is(start-1, pCoord)
		docNum = docNum || n.digits && st.letterCodeBefore(start)
	}
	k := n.end
	lo, hi := n.v, n.v
	isRange := false
	if !vague && !article {
		if l, n2, ok := st.rangeEnd(n, k, rangeWith); ok {
			lo, hi = l, n2.v
			k = n2.end
			isRange = true
		}
	}
	if vague {
		q.approx = true
		q.bound = value.MoreThan
		// "dozens of villagers": the "of" belongs to the amount.
		if st.isLatinTok(k) && st.toks[k].id == st.s.lex.word.of {
			k++
		}
	}

	// A year stands before its postposition ("2030 तक", "2019 से") unless a
	// longer bound starts there ("2019 से ज्यादा लोग").
	if !isRange && !vague && !article && !docNum && !yearIncl && !agePrefix && q.bound == value.Exact && currency == nil && (yearLike(n) || n.ndigits == 2) {
		prevYear := false
		if p, ok := st.endsAt(start, pYearBefore); ok && !p.include {
			prevYear = true
		}
		if start > 0 && st.lastYearEnd == start-1 && st.is(start-1, pCoord) {
			prevYear = true // "between 2015 and 2020", "2019 या 2020 में"
		}
		if y, e, ok := st.yearAt(n, k, prevYear, false); ok {
			y.skip = start - i
			_, ya := st.match(k, pYearAfter)
			if p, e2 := st.match(k, pQual); p == nil || p.qual.At != "after" || e2 <= ya || e > k {
				return y.with(e)
			}
		}
	}

	// "$5m", "₹3cr"
	if currency != nil && st.glued(k) && k == n.end && !isRange {
		if p, e := st.match(k, pMoneySuffix); p != nil {
			lo, hi = lo*p.val, hi*p.val
			k = e
		}
	}

	// The unit, possibly after a bound ("50 से ज्यादा लोग").
	u, ue := st.unitAt(k, n)
	if oneUnit != nil {
		u, ue = oneUnit, oneEnd
	}
	var post *phrase
	postEnd := k
	if u == nil {
		if p, e := st.match(k, pQual); p != nil && p.qual.At == "after" && !isRange {
			post, postEnd = p, e
			if u2, ue2 := st.unitAt(e, n); u2 != nil {
				u, ue = u2, ue2
			}
		}
	}
	if u == nil && currency != nil {
		u = currency
		ue = k
		if post != nil {
			ue = postEnd
		}
	} else if u != nil && currency != nil && u.Type != value.TypeMoney {
		return cand{}
	}

	c := cand{ok: true}
	if u != nil {
		return st.finishUnit(c, n, u, ue, lo, hi, isRange, q, post, postEnd, agePrefix, yearIncl)
	}
	if yearIncl && !agePrefix {
		// "सन् 2019", "वर्ष 2019"
		if y, e, ok := st.yearAt(n, k, true, yearStrong); ok && !isRange {
			return y.with(e)
		}
		return cand{}
	}
	if post != nil {
		if b, a, e, ok := st.applyPost(post, postEnd, value.TypeCount); ok {
			q.bound = b
			q.approx = q.approx || a
			k = e
		}
	}
	if agePrefix || st.appositiveAge(start, n, k, isRange || vague || article || q.bound != value.Exact) {
		return quantityCand(value.TypeAge, lo, hi, "year", q, k, "")
	}
	if docNum {
		c.typ = value.TypeNumber
		// "प्लेटफॉर्म नंबर 3" names a platform; "मृतकों की संख्या 12" is a
		// figure all the same.
		_, tally := st.endsAt(start, pTallyWord)
		c.ident = !tally
		c.val.setQuantity(lo, hi, "", q)
		c.end = n.end
		st.lastDocNumEnd = n.end
		return c
	}
	if !isRange && !vague && q.bound == value.Exact && post == nil {
		prevYear := false
		if p, ok := st.endsAt(start, pYearBefore); ok && !p.include {
			prevYear = true
		}
		if y, e, ok := st.yearAt(n, k, prevYear, false); ok {
			return y.with(e)
		}
	}
	// A ratio ("तीन गुना", "three times") is no amount of anything.
	if st.is(k, pRatio) && !vague {
		_, e := st.match(k, pRatio)
		return cand{ok: true, end: e}
	}
	// Clock times ("4 बजे", "10 am") are left alone.
	if st.is(k, pTimeOfDay) && !isRange && !vague {
		_, e := st.match(k, pTimeOfDay)
		// "7 बजकर 30 मिनट": the minutes belong to the clock time.
		if n2, ok := st.parseNumber(e); ok {
			if u, e2 := st.unitAt(n2.end, n2); u != nil && u.Unit == "min" {
				e = e2
			}
		}
		return cand{ok: true, end: e}
	}
	if noun, ok := st.countNoun(k); ok && !article && lo == math.Trunc(lo) && hi == math.Trunc(hi) {
		// A bound may follow the noun: "50 लोगों तक", "200 लोगों से ज्यादा".
		end := k
		if p, e := st.match(k+1, pQual); p != nil && p.qual.At == "after" && !isRange && !vague && q.bound == value.Exact {
			if b, a, e2, ok := st.applyPost(p, e, value.TypeCount); ok {
				q.bound, q.approx = b, q.approx || a
				end = e2
			}
		}
		return quantityCand(value.TypeCount, lo, hi, "", q, end, noun)
	}
	if article {
		return cand{}
	}
	if vague || n.dozen {
		return quantityCand(value.TypeCount, lo, hi, "", q, k, "")
	}
	return quantityCand(value.TypeNumber, lo, hi, "", q, k, "")
}

func (c cand) with(end int) cand {
	c.end = end
	return c
}

// quantityCand builds a quantity mention ending before token end.
func quantityCand(t value.Type, lo, hi float64, unit string, q qual, end int, noun string) cand {
	c := cand{ok: true, end: end, typ: t, noun: noun}
	c.val.setQuantity(lo, hi, unit, q)
	return c
}

// rangeEnd reads the upper end of a range after number n at token k:
// "4-5", "चार से पांच", "four to five", "between 4 and 5", "दो तीन".
func (st *state) rangeEnd(n num, k int, rangeWith idSet) (float64, num, bool) {
	e := -1
	if p, e2 := st.match(k, pRangeConn); p != nil {
		e = e2
	} else if rangeWith != nil && k < len(st.toks) && rangeWith[st.toks[k].id] {
		e = k + 1
	}
	if e >= 0 {
		n2, ok := st.parseNumber(e)
		if !ok {
			return 0, n2, false
		}
		lo := n.v
		if n.mults == 0 && n2.mults == 1 && n2.lastMult > 1 && lo < n2.beforeMult*1.0001+1 {
			// "2-3 लाख", "five to six million": the multiplier serves both.
			lo *= n2.lastMult
		}
		if n2.v == lo && st.punct(k, "-") && st.glued(k) && st.glued(k+1) {
			// "चार-चार लाख रुपये": four lakh each.
			return lo, n2, true
		}
		if n2.v <= lo || n.lead0 || (yearLike(n) && yearLike(n2)) {
			return 0, n2, false
		}
		return lo, n2, true
	}
	// Two Hindi number words side by side are a range of neighbours ("दो
	// तीन", "दो चार", "दस बीस"); "एक पांच मंजिला इमारत" is a five-storey
	// building.
	if n.hiWord && k < len(st.toks) && st.toks[k].kind == tDeva {
		n2, ok := st.parseNumber(k)
		if ok && n2.hiWord && n2.v > n.v && n2.v <= 2*n.v {
			return n.v, n2, true
		}
	}
	return 0, num{}, false
}

func yearLike(n num) bool {
	return n.plain && n.ndigits == 4 && n.v >= 1000 && n.v <= 2100
}

// unitAt reads a unit at token k after number n, allowing a joining hyphen
// ("39-year-old", "10-day") and, after a fraction, "of" and an article
// ("half an hour", "three quarters of an hour").
func (st *state) unitAt(k int, n num) (*unitDef, int) {
	if k >= len(st.toks) {
		return nil, k
	}
	if st.punct(k, "-") && st.glued(k) && k+1 < len(st.toks) {
		if p, e := st.match(k+1, pUnit); p != nil && st.glued(k+1) {
			return p.unit, e
		}
		return nil, k
	}
	if n.frac {
		kk := k
		if st.isLatinTok(kk) && st.toks[kk].id == st.s.lex.word.of {
			kk++
		}
		if p, e := st.match(kk, pArticle); p != nil {
			kk = e
		}
		if kk != k {
			if p, e := st.match(kk, pUnit); p != nil {
				return p.unit, e
			}
		}
	}
	if st.glued(k) && n.end == k {
		if p, e := st.match(k, pUnitGlued); p != nil && (!p.unit.QuoteMark || !st.closesQuote(k)) {
			return p.unit, e
		}
	}
	if p, e := st.match(k, pUnit); p != nil && !st.followedBy(e, p.unit.notBefore) && (!p.unit.ClauseEnd || st.clauseEndsAt(e)) {
		return p.unit, e
	}
	// "2 more minutes", "two additional days"
	if p, e := st.match(k, pUnitFiller); p != nil {
		if p2, e2 := st.match(e, pUnit); p2 != nil && p2.unit.Type == value.TypeDuration {
			return p2.unit, e2
		}
	}
	return nil, k
}

// clauseEndsAt reports whether nothing of the clause follows token i: the
// text or its line ends there, or punctuation other than a hyphen or slash
// stands there.
func (st *state) clauseEndsAt(i int) bool {
	if i >= len(st.toks) || st.toks[i].brk {
		return true
	}
	return st.toks[i].kind == tPunct && !st.punct(i, "-") && !st.punct(i, "/")
}

// maxQuoteLookBack bounds how many tokens closesQuote reads back.
const maxQuoteLookBack = 200

// closesQuote reports whether the quotation mark at token k closes a
// quotation opened earlier on its line: an opening mark stands after a space
// (or begins the line) against the next word, a closing mark stands against
// the word before it. A mark inside a word (an apostrophe) is neither.
func (st *state) closesQuote(k int) bool {
	mark := st.raw(k)
	open := 0
	for i := k - 1; i >= 0 && i >= k-maxQuoteLookBack; i-- {
		if st.punct(i, mark) {
			before := i == 0 || !st.glued(i)
			after := i+1 < len(st.toks) && st.glued(i+1)
			switch {
			case before && after:
				open++
			case !before && !after:
				open--
			}
		}
		if st.toks[i].brk {
			break
		}
	}
	return open > 0
}

// followedBy reports whether one of the phrases starts at token i.
func (st *state) followedBy(i int, phrases [][]int32) bool {
	for _, ph := range phrases {
		if len(ph) == 0 {
			return true // a word of no tokens follows anything
		}
		if i+len(ph) > len(st.toks) || st.toks[i].id != ph[0] {
			continue
		}
		if st.idsAt(i, ph) {
			return true
		}
	}
	return false
}

// calendarMonths is the length of calendar units in months: converting
// between them is exact (2 years are 24 months).
var calendarMonths = map[string]float64{"month": 1, "year": 12, "decade": 120, "century": 1200}

// calendarDays is the length of calendar units where an amount goes down to
// days or below: the common calendar year of 365 days and the month of 30
// days that "डेढ़ महीना" (45 days) and "1 साल 2 दिन" (367 days) count with.
var calendarDays = map[string]float64{"month": 30, "year": 365, "decade": 3650, "century": 36500}

// convert expresses x in unit from as unit to, counting calendar units by
// the calendar (a year is 12 months, or 365 days; a month is 30 days).
func convert(x float64, from, to string) (float64, bool) {
	if a, ok := calendarMonths[from]; ok {
		if b, ok := calendarMonths[to]; ok {
			return x * a / b, true
		}
		if _, toCalendar := calendarDays[to]; !toCalendar && factor(to) > 0 && factor(to) <= factor("week") {
			return value.Convert(x*calendarDays[from], "day", to)
		}
	}
	return value.Convert(x, from, to)
}

// maxCompoundParts bounds the amounts of one compound quantity ("1 year,
// 2 days, 3 hours and 4 seconds" has four).
const maxCompoundParts = 8

// compoundPart is one amount of a compound quantity in its written unit.
type compoundPart struct {
	amount float64
	unit   string
}

// sumParts expresses the sum of parts in unit to, converting each part by
// itself (so "1 year 2 days" is 365 + 2 days, not 12 months of 30 days).
func sumParts(parts []compoundPart, to string) float64 {
	total := 0.0
	for _, p := range parts {
		x, _ := convert(p.amount, p.unit, to)
		total += x
	}
	return total
}

// wholeMonthsOr30Days expresses a duration of a non-whole number of months
// in days, 30 to a month, the way "डेढ़ महीना" and "a month and a half" are
// meant (45 days); whole months stay months.
func wholeMonthsOr30Days(lo, hi float64, unit string) (float64, float64, string) {
	if unit != "month" || (lo == math.Trunc(lo) && hi == math.Trunc(hi)) {
		return lo, hi, unit
	}
	return lo * calendarDays["month"], hi * calendarDays["month"], "day"
}

// factor is the size of a unit in its dimension's base unit, or 0.
func factor(unit string) float64 {
	f, ok := value.Convert(1, unit, baseOf(unit))
	if !ok {
		return 0
	}
	return f
}

func baseOf(unit string) string {
	d, _ := value.UnitDimension(unit)
	return value.BaseUnit(d)
}

// finishUnit completes a quantity that has a unit: speed words, compound
// amounts, "and a half", a repeated unit in a range, relative offsets, ages
// and bounds after the unit.
func (st *state) finishUnit(c cand, n num, u *unitDef, e int, lo, hi float64, isRange bool, q qual, post *phrase, postEnd int, agePrefix, yearIncl bool) cand {
	ue := e
	if yearIncl && !agePrefix {
		return cand{}
	}
	typ := u.Type
	unit := u.Unit
	if typ == value.TypeDuration {
		if end, ok := st.perPeriod(n.start, e, unit); ok {
			return cand{ok: true, end: end} // a frequency: no mention
		}
	}
	lo *= u.Scale
	hi *= u.Scale
	if typ == value.TypeDistance && u.AsSpeed != "" {
		if p, e2 := st.match(e, pSpeedMarker); p != nil {
			typ, unit = value.TypeSpeed, u.AsSpeed
			e = e2
		}
	}
	if !isRange && post == nil && q.bound == value.Exact && (typ == value.TypeDuration || typ == value.TypeDistance) {
		// Compound amounts: "2 साल 3 महीने", "7 feet 10 inches".
		var partsBuf [maxCompoundParts]compoundPart
		parts := append(partsBuf[:0], compoundPart{lo, unit})
		for len(parts) < maxCompoundParts {
			e2 := e
			if st.punct(e2, ",") {
				e2++
			}
			if w := st.id(e2); w != 0 && (w == st.s.lex.word.aur || w == st.s.lex.word.and || w == st.s.lex.word.va) {
				e2++
			}
			n2, ok := st.parseNumber(e2)
			if !ok {
				break
			}
			u2, e3 := st.unitAt(n2.end, n2)
			if u2 == nil && !st.punct(e, ",") && n2.v < 60 && n2.v == float64(int(n2.v)) && n2.mults == 0 {
				// "1 hour thirty", "2 hours and 10": the next smaller clock unit.
				if _, isNoun := st.countNoun(n2.end); !isNoun && !st.is(n2.end, pTimeOfDay) {
					u2, e3 = st.s.lex.nextClockUnit[unit], n2.end
				}
			}
			if u2 == nil || u2.Type != u.Type {
				// "2h 30m": a spelling of another unit that is this type's
				// unit inside a compound.
				if p, e := st.match(n2.end, pUnitInCompound); p != nil && p.unit.Type == u.Type {
					u2, e3 = p.unit, e
				}
			}
			if u2 == nil || u2.Type != u.Type || factor(u2.Unit) >= factor(unit) || factor(u2.Unit) == 0 {
				break
			}
			parts = append(parts, compoundPart{n2.v * u2.Scale, u2.Unit})
			lo = sumParts(parts, u2.Unit)
			hi = lo
			unit = u2.Unit
			e = e3
		}
		if add, e2, ok := st.fractionTail(e); ok {
			lo += add * u.Scale
			hi = lo
			e = e2
		}
	}
	if !isRange && post == nil && q.bound == value.Exact && typ == value.TypeMoney {
		// "2 रुपये 50 पैसे": an amount of the currency's smaller unit adds.
		e2 := e
		if w := st.id(e2); w != 0 && (w == st.s.lex.word.aur || w == st.s.lex.word.and) {
			e2++
		}
		if n2, ok := st.parseNumber(e2); ok {
			if u2, e3 := st.unitAt(n2.end, n2); u2 != nil && u2.Type == value.TypeMoney && u2.Unit == u.Unit && u2.Scale < u.Scale &&
				n2.v*u2.Scale < u.Scale {
				lo += n2.v * u2.Scale
				hi = lo
				e = e3
			}
		}
	}
	if !isRange && post == nil {
		// "4 घंटे से 5 घंटे", "4 km to 5 km", "between 10% and 20%"
		e2 := -1
		if p, x := st.match(e, pRangeConn); p != nil {
			e2 = x
		} else if q.rangeWith != nil && e < len(st.toks) && q.rangeWith[st.toks[e].id] {
			e2 = e + 1
		}
		if e2 >= 0 {
			if n2, ok := st.parseNumber(e2); ok {
				if u2, e3 := st.unitAt(n2.end, n2); u2 == u && n2.v*u.Scale > lo {
					hi = n2.v * u.Scale
					isRange = true
					e = e3
				}
			}
		}
	}
	monthsWritten := lo
	if typ == value.TypeDuration {
		lo, hi, unit = wholeMonthsOr30Days(lo, hi, unit)
	}
	dim, _ := value.UnitDimension(unit)
	if dim == value.DimTime && typ == value.TypeDuration {
		// "for 36 hours before they were scaled down" is a length all the same.
		if p, e2 := st.match(e, pRelDir); p != nil && q.bound == value.Exact && !q.afterFor && !(p.val > 0 && st.endVerbNear(e2)) {
			c := cand{ok: true, end: e2, typ: value.TypeRelative}
			c.val.setRelative(p.val, lo, unit)
			return c
		}
		// An age counts days and longer: "7 घंटे की थी" is how long a flight
		// was, "10 साल की बेटी" how old a daughter is.
		if agePrefix || unit != "s" && unit != "min" && unit != "h" && st.ageAfter(e) {
			typ = value.TypeAge
		}
	}
	if typ == value.TypeAge && dim != value.DimTime {
		typ = u.Type
	}
	if post != nil {
		if b, a, _, ok := st.applyPost(post, postEnd, typ); ok {
			q.bound, q.approx = b, q.approx || a
		}
	} else if !isRange {
		e2 := e
		if p, e3 := st.match(e2, pSpeedMarker); p != nil && typ == value.TypeSpeed {
			e2 = e3
		}
		if p, e3 := st.match(e2, pQual); p != nil && p.qual.At == "after" {
			if b, a, e4, ok := st.applyPost(p, e3, typ); ok {
				q.bound, q.approx = b, q.approx || a
				e = e4
			}
		}
	} else if p, e3 := st.match(e, pQual); p != nil && p.qual.At == "after" && p.qual.Approx {
		q.approx = true
		e = e3
	}
	c.end = e
	c.val.setQuantity(lo, hi, unit, q)
	switch {
	case u.Scale != 1 && !isRange && lo == n.v*u.Scale:
		// Keep what the text said: "2 decades" given as 20 years.
		c.val.writtenNum, c.val.writtenWord = n.v, st.raw(ue-1)
	case u.Unit == "month" && unit == "day" && !isRange:
		// "डेढ़ महीना" given as 45 days.
		c.val.writtenNum, c.val.writtenWord = monthsWritten, st.raw(ue-1)
	}
	c.typ = typ
	return c
}

// perPeriod reports whether the amount of time in unit over tokens
// [start, e) is given per a longer period — "हफ्ते में छह दिन", "six days a
// week", "8 घंटे प्रति दिन" — and where the phrase ends.
func (st *state) perPeriod(start, e int, unit string) (int, bool) {
	longer := func(p *phrase) bool {
		return p != nil && p.unit.Type == value.TypeDuration && factor(p.unit.Unit)*p.unit.Scale > factor(unit)
	}
	if start >= 2 && st.is(start-1, pPerBefore) {
		for k := start - 2; k >= 0 && k >= start-3; k-- {
			if p, pe := st.match(k, pUnit); pe == start-1 && longer(p) {
				return e, true
			}
		}
	}
	if _, e2 := st.match(e, pPerAfter); e2 > e {
		if p, e3 := st.match(e2, pUnit); longer(p) {
			return e3, true
		}
	}
	return 0, false
}

// applyPost applies an after-qualifier that ends before token e to a
// mention of type t. It reports the bound, approximation and the end of the
// qualified span, or false when the qualifier does not hold here.
func (st *state) applyPost(p *phrase, e int, t value.Type) (value.Bound, bool, int, bool) {
	q := p.qual
	next := st.id(e)
	if q.notBefore[next] {
		return "", false, 0, false
	}
	for _, nf := range q.NotFor {
		if nf == t && !q.butBefore[next] {
			return "", false, 0, false
		}
	}
	b := q.Bound
	end := e
	if q.Negated != "" {
		for k := e; k < len(st.toks) && k < e+4; k++ {
			if st.toks[k].kind == tPunct || (k > e && st.toks[k].brk) {
				break
			}
			if st.is(k, pNegation) {
				b = q.Negated
				end = k + 1
				break
			}
		}
	}
	return b, q.Approx, end, true
}

// appositiveAge reports an age set off by commas after a name, as English
// news gives it: "Batbayar, 47, told reporters". The number starts at token
// start and ends at token k; it must be a whole number of at most three
// digits up to 120 with nothing around it (other says something is).
func (st *state) appositiveAge(start int, n num, k int, other bool) bool {
	if other || start < 2 || k >= len(st.toks) || n.ndigits == 0 || n.ndigits > 3 || n.v < 1 || n.v > 120 || n.v != math.Trunc(n.v) {
		return false
	}
	comma := func(t int) bool {
		tk := st.toks[t]
		return tk.kind == tPunct && st.text[tk.start:tk.end] == ","
	}
	name := st.toks[start-2]
	// A full stop that ends the sentence after the number closes it too:
	// "… said Ramkumar Nishad, 45."
	lastStop := st.punct(k, ".") && (k+1 >= len(st.toks) || st.toks[k+1].brk || st.toks[k+1].upper)
	if comma(start-1) && (comma(k) || lastStop && name.upper) && name.kind == tLatin && st.mask(start-2)&(1<<pWeekday|1<<pMonth) == 0 {
		return true // "Batbayar, 47, told", "the bus driver, 38, who"
	}
	// "राजकुमार (38) भी घायल है", "Ms Rao (62)": an age in brackets after a name.
	paren := func(t int, c string) bool {
		tk := st.toks[t]
		return tk.kind == tPunct && st.text[tk.start:tk.end] == c
	}
	return paren(start-1, "(") && paren(k, ")") && (name.kind == tDeva || name.kind == tLatin && name.upper)
}

// registrationAt reports a vehicle registration around the digits of
// tokens [start, end): "UP 53 FT 4417", "MH 12 AB 1234" — a state code, the
// digits, a series of letters and four digits. "FT" there is no foot.
func (st *state) registrationAt(start, end int) bool {
	caps := func(i, lo, hi int) bool {
		if i < 0 || i >= len(st.toks) || st.toks[i].kind != tLatin {
			return false
		}
		w := st.raw(i)
		if len(w) < lo || len(w) > hi {
			return false
		}
		for j := 0; j < len(w); j++ {
			if w[j] < 'A' || w[j] > 'Z' {
				return false
			}
		}
		return true
	}
	return end-start == 1 && len(st.raw(start)) <= 2 && caps(start-1, 2, 2) && caps(end, 1, 3) &&
		end+1 < len(st.toks) && st.toks[end+1].kind == tDigits && len(st.raw(end+1)) == 4
}

// letterCodeBefore reports letters joined to the digits at token i by a
// hyphen: "MG-1986", "एमजी-१९८६", "AI-171", "Su-30", "COVID-19" name a
// flight, an aircraft or a disease; the number is no amount and no year.
func (st *state) letterCodeBefore(i int) bool {
	if i < 2 || !st.glued(i) || !st.glued(i-1) || !st.punct(i-1, "-") {
		return false
	}
	k := st.toks[i-2].kind
	return k == tLatin || k == tDeva && !st.is(i-2, pNumber)
}

// countedBefore reports a counted noun right before token j: a number, then
// up to two more words, then j ("40 special trains a day", "3 lakh
// passengers a day"): "a day" after it is a rate, no length.
func (st *state) countedBefore(j int) bool {
	if j == 0 || st.toks[j-1].kind == tPunct || st.is(j-1, pStop) {
		return false
	}
	for k := j - 2; k >= 0 && k >= j-4; k-- {
		if st.toks[k].kind == tPunct {
			return false
		}
		if st.toks[k].kind == tDigits || st.is(k, pNumber) || st.is(k, pMult) {
			return true
		}
	}
	return false
}

// endVerbNear reports a verb of ending within three words from token k, in
// the same clause: "30 घंटे बाद (rescue operation) खत्म".
func (st *state) endVerbNear(k int) bool {
	for i := k; i < len(st.toks) && i < k+3; i++ {
		if st.toks[i].kind == tPunct {
			return false
		}
		if st.is(i, pEndVerb) {
			return true
		}
	}
	return false
}

// ageAfter reports whether "का/की/के" and an age noun follow ("10 साल की
// बेटी", "20 साल का हूँ"), maybe with an article between ("8 साल की एक
// बच्ची").
func (st *state) ageAfter(e int) bool {
	p, e2 := st.match(e, pGenitive)
	if p == nil {
		return false
	}
	if a, e3 := st.match(e2, pAgeArticle); a != nil {
		e2 = e3
	}
	if st.is(e2, pAgeNoun) {
		return true
	}
	// "58 साल के शुक्ल ने कहा": one or two words and the agent marker ने
	// make them a person, and the amount an age.
	for k := e2; k < len(st.toks) && k < e2+2; k++ {
		if st.toks[k].kind != tDeva {
			return false
		}
		if k+1 < len(st.toks) && st.toks[k+1].id == st.s.lex.word.ne {
			return true
		}
	}
	return false
}

// relString formats an offset: "-4 year", "+2 day".
func relString(sign, amount float64, unit string) string {
	var b strings.Builder
	if sign < 0 {
		b.WriteByte('-')
	} else if sign > 0 {
		b.WriteByte('+')
	}
	b.WriteString(value.FormatNumber(amount))
	b.WriteByte(' ')
	b.WriteString(unit)
	return b.String()
}

// countNoun returns the noun a number counts, when the word at k is one.
func (st *state) countNoun(k int) (string, bool) {
	if k >= len(st.toks) {
		return "", false
	}
	t := st.toks[k]
	if t.kind != tDeva && t.kind != tLatin {
		return "", false
	}
	if t.brk || !t.space {
		return "", false
	}
	if st.masks[t.id]&notNouns != 0 {
		for _, kd := range notNounKinds {
			if st.is(k, kd) {
				return "", false
			}
		}
	}
	return st.raw(k), true
}

// notNounKinds are the kinds of words a number does not count.
var notNounKinds = [...]kind{pStop, pNotCounted, pUnit, pMonth, pWeekday, pNumber, pMult, pQual, pRelDir,
	pGenitive, pYearAfter, pTimeOfDay, pDecadeAfter, pOrdSuffix, pNegation, pFrac}

// notNouns is the set of notNounKinds.
var notNouns = func() (m uint64) {
	for _, k := range notNounKinds {
		m |= 1 << k
	}
	return m
}()

// yearAt decides whether number n (ending at token k) is a year: four
// plain digits with year context before (ctx) or a year word after it
// ("2019 में", "2019's", "2019-20", "1990 के दशक", "1990s").
func (st *state) yearAt(n num, k int, ctx, strong bool) (cand, int, bool) {
	if (n.plain && n.ndigits == 2 || n.hiWord) && n.v >= 30 && n.v < 100 && math.Mod(n.v, 10) == 0 {
		// "90 के दशक", "नब्बे के दशक" and '90s are the 1990s; "90s" alone
		// may be an age.
		p, e := st.match(k, pDecadeAfter)
		clipped := n.plain && st.punct(n.start-1, "'") && st.glued(n.start) && !st.glued(n.start-1) &&
			st.id(k) == st.s.lex.word.s && st.glued(k)
		if p != nil && (st.toks[k].kind == tDeva || clipped) {
			return timeCand(value.TypeYear, value.Time{Year: 1900 + int(n.v), Decade: true}, 0), e, true
		}
	}
	if !n.plain || n.ndigits != 4 || n.lead0 {
		return cand{}, 0, false
	}
	y := int(n.v)
	if strong {
		if y < 1000 || y > 2100 {
			return cand{}, 0, false
		}
	} else if y < 1800 || y > 2100 {
		return cand{}, 0, false
	}
	mk := func(decade bool) cand {
		return timeCand(value.TypeYear, value.Time{Year: y, Decade: decade}, 0)
	}
	// 1990s, 1990 के दशक
	if p, e := st.match(k, pDecadeAfter); p != nil && y%10 == 0 && (st.toks[k].id != st.s.lex.word.s || st.glued(k)) {
		if st.toks[k].id == st.s.lex.word.apostrophe && !st.glued(k) {
			return cand{}, 0, false
		}
		return mk(true), e, true
	}
	// fiscal years: 2019-20
	if (st.punct(k, "-") || st.punct(k, "–")) && st.glued(k) && k+1 < len(st.toks) && st.toks[k+1].kind == tDigits && st.glued(k+1) {
		if v, plain, nd, _, ok := parseDigitToken(st.raw(k + 1)); ok && plain && nd == 2 && int(v) == (y+1)%100 {
			return mk(false), k + 2, true
		}
	}
	if p, e := st.match(k, pYearAfter); p != nil {
		if p.include {
			return mk(false), e, true
		}
		return mk(false), k, true
	}
	if ctx {
		return mk(false), k, true
	}
	return cand{}, 0, false
}
