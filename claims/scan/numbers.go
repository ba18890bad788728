package scan

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/value"
)

// num is a number read from tokens [start, end).
type num struct {
	v          float64
	start, end int
	digits     bool    // began with digits
	plain      bool    // a single run of digits without separators or suffix
	ndigits    int     // digits of a plain number
	lead0      bool    // a plain number written with a leading zero
	words      int     // number words read
	hiWord     bool    // exactly one Hindi number word and nothing else
	frac       bool    // a fraction word is part of it ("half", "डेढ़")
	dozen      bool    // counted in dozens ("दो दर्जन")
	approx     bool    // an approximate number word ("दर्जनभर")
	mults      int     // multipliers read
	lastMult   float64 // the multiplier the number ends with, or 0
	beforeMult float64 // the value before that last multiplier
	overflow   bool    // read to end, but beyond any real amount (not a number)
}

// parseDigitToken reads a digit token: grouping commas, one decimal point.
func parseDigitToken(s string) (v float64, plain bool, ndigits int, lead0 bool, ok bool) {
	plain = true
	dec := false
	scale := 0.1
	first := true
	for k := 0; k < len(s); {
		c := s[k]
		if c == ',' {
			plain = false
			k++
			continue
		}
		if c == '.' {
			if dec {
				return 0, false, 0, false, false
			}
			dec = true
			plain = false
			k++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[k:])
		}
		d := digitValue(r)
		if d < 0 {
			return 0, false, 0, false, false
		}
		if first && d == 0 {
			lead0 = true
		}
		first = false
		if dec {
			v += float64(d) * scale
			scale /= 10
		} else {
			v = v*10 + float64(d)
			ndigits++
		}
		k += size
	}
	if dec {
		// Round away binary noise from the digit-by-digit sum.
		v = math.Round(v*1e9) / 1e9
	}
	if v == 0 && ndigits == 1 {
		lead0 = false
	}
	return v, plain, ndigits, lead0, true
}

// isLatinTok reports whether token i is a Latin word.
func (st *state) isLatinTok(i int) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].kind == tLatin
}

// parseNumber reads a number starting at token i: digits or number words with
// multipliers, fractions and decimal points, in Hindi or English.
func (st *state) parseNumber(i int) (num, bool) {
	n := num{start: i}
	toks := st.toks
	j := i
	sign := 1.0
	if p, e := st.match(j, pNegSign); p != nil && (st.isNumberStart(e)) {
		sign = -1
		j = e
	} else if st.punct(j, "-") && j+1 < len(toks) && toks[j+1].kind == tDigits && st.glued(j+1) && (j == 0 || toks[j].space) {
		sign = -1
		j++
	}
	articleOne := false
	if p, e := st.match(j, pArticle); p != nil && st.is(e, pMult) {
		articleOne = true
		j = e
	}
	mod, hasMod := 0.0, false
	if p, e := st.match(j, pFracMod); p != nil {
		if st.isNumberStart(e) {
			mod, hasMod = p.val, true
			j = e
		} else if u, _ := st.match(e, pUnit); u != nil && !articleOne {
			// Before a unit the modifier counts one: "सवा घंटा" is 1¼ hours,
			// "पौने घंटे" ¾ of an hour.
			n.v, n.end, n.frac, n.words = sign*(1+p.val), e, true, 1
			return n, true
		}
	}
	var total, cur, lastBig float64
	haveSmall, lastTens, seen := false, false, false
	afterMult := false
	applyMod := func() {
		if hasMod {
			cur += mod
			hasMod = false
		}
	}
loop:
	for j < len(toks) {
		t := toks[j]
		if t.kind != tDigits && st.masks[t.id]&numberParts == 0 && t.kind != tPunct && !(t.kind == tLatin && t.id == st.s.lex.word.and) {
			break // nothing below reads this token
		}
		if t.kind == tDigits {
			if seen {
				// "5 करोड़ 20 लाख", "1 lakh 20 thousand": digits continue a number
				// only before a smaller multiplier.
				if !afterMult || lastBig < 1000 || !st.smallerMultAfter(j+1, lastBig) {
					break
				}
				v, plain, _, _, ok := parseDigitToken(st.raw(j))
				if !ok || !plain {
					break
				}
				cur = v
				haveSmall, afterMult = true, false
				j++
				continue
			}
			v, plain, nd, lead0, ok := parseDigitToken(st.raw(j))
			if !ok {
				break
			}
			j++
			// A simple fraction: 1/2, 3/4, 20/100.
			if plain && st.punct(j, "/") && st.glued(j) && j+1 < len(toks) && toks[j+1].kind == tDigits && st.glued(j+1) &&
				!(st.punct(j+2, "/") && st.glued(j+2)) {
				if d, p2, _, _, ok2 := parseDigitToken(st.raw(j + 1)); ok2 && p2 && d > v && isSimpleDenominator(d) {
					v /= d
					plain = false
					n.frac = true
					j += 2
				}
			}
			if plain {
				if f, e := st.mixedFraction(j); e > j {
					v += f
					plain = false
					j = e
				} else if f, e := st.fractionSign(j); e > j {
					v += f
					plain = false
					j = e
				} else if f, e := st.clockAmount(j); e > j {
					v += f
					plain = false
					j = e
				}
			}
			cur = v
			haveSmall, seen = true, true
			n.digits, n.plain, n.ndigits, n.lead0 = true, plain, nd, lead0
			applyMod()
			// A multiplier glued to the digits: 100K, 1.2M, 5bn.
			if j < len(toks) && toks[j].kind == tLatin && st.glued(j) {
				if m, ok := st.s.lex.suffixes[st.raw(j)]; ok {
					n.beforeMult, n.lastMult = cur, m
					cur *= m
					n.plain = false
					n.mults++
					lastBig = m
					total, cur = total+cur, 0
					j++
					afterMult = true
					haveSmall = false
				}
			}
			continue
		}
		if p, e := st.match(j, pNumber); p != nil {
			latin := t.kind == tLatin
			v := p.val
			if haveSmall {
				if latin && lastTens && v >= 1 && v < 10 {
					cur += v
					lastTens = false
					n.words++
					n.hiWord = false
					j = e
					continue
				}
				break
			}
			cur += v
			haveSmall, seen = true, true
			n.approx = n.approx || p.approx
			lastTens = latin && v >= 20 && v < 100 && math.Mod(v, 10) == 0
			n.words++
			n.hiWord = n.words == 1 && t.kind == tDeva && e == j+1 && n.mults == 0
			applyMod()
			afterMult = false
			j = e
			continue
		}
		if !seen {
			if p, e := st.match(j, pFrac); p != nil {
				cur = p.val
				haveSmall, seen = true, true
				n.frac = true
				j = e
				continue
			}
		}
		if n.frac && seen && st.is(j, pArticle) {
			// "half a dozen", "half a million"
			if _, e := st.match(j, pArticle); st.is(e, pMult) {
				j = e
			}
		}
		if p, e := st.match(j, pMult); p != nil {
			if p.onlyBefore != nil && !st.followedBy(e, p.onlyBefore) && !st.clauseEndsAt(e) {
				break
			}
			m := p.val
			if !seen {
				// A multiplier alone counts once in Hindi ("हज़ार लोग"); English
				// needs a number or an article ("a hundred"), except a fraction
				// of something ("quarter of an hour").
				if !p.alone && !articleOne && !hasMod && !(p.val < 1 && st.isLatinTok(e) && st.toks[e].id == st.s.lex.word.of) {
					break
				}
				cur = 1
				applyMod()
			}
			switch {
			case m < 1:
				if cur == 0 {
					cur = 1
				}
				cur *= m
				n.frac = true
			case m == 100:
				if cur >= 100 {
					break loop
				}
				n.beforeMult = total + cur
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			case m < 1000:
				n.dozen = true
				n.beforeMult = total + cur
				total, cur = (total+cur)*m, 0
			default:
				n.beforeMult = total + cur
				switch {
				case cur == 0 && total > 0 && m > lastBig:
					total *= m
				case m > lastBig && total > 0:
					total = (total + cur) * m
				case cur == 0:
					break loop
				default:
					total += cur * m
				}
				cur = 0
				if m > lastBig {
					lastBig = m
				}
			}
			n.lastMult = m
			n.mults++
			seen = true
			haveSmall, lastTens, afterMult = false, false, true
			n.hiWord = false
			j = e
			continue
		}
		if seen && t.kind == tLatin && st.toks[j].id == st.s.lex.word.and && afterMult && st.isLatinTok(j+1) {
			if p, _ := st.match(j+1, pNumber); p != nil && p.val < 100 {
				j++
				continue
			}
		}
		if seen && lastTens && t.kind == tPunct && (st.raw(j) == "-" || st.raw(j) == "—" || st.raw(j) == "–") && st.isLatinTok(j+1) {
			if p, _ := st.match(j+1, pNumber); p != nil && p.val >= 1 && p.val < 10 {
				j++
				continue
			}
		}
		if p, e := st.match(j, pDecimal); p != nil && (!seen || (haveSmall && cur < 1000 && cur == math.Trunc(cur))) {
			if d, e2, ok := st.decimalDigits(e); ok {
				cur += d
				seen, haveSmall, lastTens = true, true, false
				j = e2
				_ = p
				continue
			}
		}
		break
	}
	if !seen {
		return n, false
	}
	if n.lastMult != 0 && afterMult {
		// keep lastMult: the number ends with it
	} else {
		n.lastMult = 0
	}
	n.v = sign * (total + cur)
	n.end = j
	// "तीन बटा चार": a fraction written in words.
	if p, e := st.match(j, pFracBar); p != nil && !n.frac && n.mults == 0 {
		if d, ok := st.parseNumber(e); ok && d.v > 0 && !d.frac && d.mults == 0 {
			n.v /= d.v
			n.end = d.end
			n.plain = false
			n.frac = true
			n.hiWord = false
			return n, !math.IsInf(n.v, 0)
		}
	}
	// "one and a half", "5 and a half", "two and three quarters"
	if add, e, ok := st.fractionTail(j); ok && !n.frac {
		n.v += sign * add
		n.end = e
		n.plain = false
		n.frac = true
		// "five and a half million", "two and a half lakh"
		if p, e2 := st.match(e, pMult); p != nil && n.mults == 0 && p.val >= 1000 {
			n.v *= p.val
			n.end = e2
			n.mults++
			n.lastMult = p.val
		}
	}
	if n.mults > 0 || n.words > 1 || n.frac {
		n.hiWord = false
	}
	if math.IsInf(n.v, 0) || math.IsNaN(n.v) {
		n.overflow = true // beyond any real amount: n.end says how far
		return n, false
	}
	return n, true
}

// numberParts are the kinds of words that parseNumber reads.
const numberParts = 1<<pNumber | 1<<pFrac | 1<<pArticle | 1<<pMult | 1<<pDecimal

// smallerMultAfter reports whether a multiplier below limit stands at token i.
func (st *state) smallerMultAfter(i int, limit float64) bool {
	p, _ := st.match(i, pMult)
	return p != nil && p.val >= 100 && p.val < limit
}

func isSimpleDenominator(d float64) bool {
	switch d {
	case 2, 3, 4, 5, 8, 10, 100:
		return true
	}
	return false
}

// isNumberStart reports whether a number can start at token i.
func (st *state) isNumberStart(i int) bool {
	if i >= len(st.toks) {
		return false
	}
	if st.toks[i].kind == tDigits {
		return true
	}
	return st.is(i, pNumber) || st.is(i, pMult) || st.is(i, pFrac)
}

// decimalDigits reads the digits after "point": "77" or "two two".
func (st *state) decimalDigits(i int) (float64, int, bool) {
	if i < len(st.toks) && st.toks[i].kind == tDigits {
		s := st.raw(i)
		if strings.ContainsAny(s, ",.") {
			return 0, i, false
		}
		v, _, _, _, ok := parseDigitToken("0." + s)
		return v, i + 1, ok
	}
	v, scale, j := 0.0, 0.1, i
	for j < len(st.toks) {
		p, e := st.match(j, pNumber)
		if p == nil || p.val > 9 || p.val != math.Trunc(p.val) {
			break
		}
		v += p.val * scale
		scale /= 10
		j = e
	}
	if j == i {
		return 0, i, false
	}
	return math.Round(v*1e9) / 1e9, j, true
}

// skipJoiningHyphen returns the token after a hyphen that joins token i-1
// and token i+1 without spaces ("two-and-a-half"), and whether there was one.
func (st *state) skipJoiningHyphen(i int) (int, bool) {
	if st.punct(i, "-") && st.glued(i) && st.glued(i+1) && st.isLatinTok(i+1) {
		return i + 1, true
	}
	return i, false
}

// mixedFraction reads the proper fraction of a mixed number that begins at
// token j, after the whole number and a space ("1 1/2", "2 3/4"): it returns
// the fraction's value and the token after it, or j when none stands there
// (also for a date such as "1 1/2/2023").
func (st *state) mixedFraction(j int) (float64, int) {
	toks := st.toks
	if j+2 >= len(toks) || toks[j].kind != tDigits || st.glued(j) || toks[j].brk ||
		!st.punct(j+1, "/") || !st.glued(j+1) || toks[j+2].kind != tDigits || !st.glued(j+2) ||
		(st.punct(j+3, "/") && st.glued(j+3)) {
		return 0, j
	}
	num, p1, _, _, ok1 := parseDigitToken(st.raw(j))
	den, p2, _, _, ok2 := parseDigitToken(st.raw(j + 2))
	if !ok1 || !ok2 || !p1 || !p2 || num < 1 || num >= den || !isSimpleDenominator(den) {
		return 0, j
	}
	return num / den, j + 3
}

// clockAmount reads the minutes or seconds of an amount of time written like
// a clock, after the hours or minutes before token j and before their unit
// ("1:30 घंटे" is 1½ hours, "2:45 minutes" 2¾ minutes): it returns them as a
// fraction of the larger unit and the token after them, or j when none
// stands there. A clock time ("11:08") has no unit after it.
func (st *state) clockAmount(j int) (float64, int) {
	toks := st.toks
	if j+1 >= len(toks) || !st.punct(j, ":") || !st.glued(j) || toks[j+1].kind != tDigits || !st.glued(j+1) {
		return 0, j
	}
	v, plain, nd, _, ok := parseDigitToken(st.raw(j + 1))
	if !ok || !plain || nd != 2 || v >= 60 {
		return 0, j
	}
	if p, _ := st.match(j+2, pUnit); p == nil || p.unit.Type != value.TypeDuration || st.s.lex.nextClockUnit[p.unit.Unit] == nil {
		return 0, j
	}
	return v / 60, j + 2
}

// fractionSign reads a fraction sign glued to the digits before token j
// ("1½", "2¾"): it returns the fraction's value and the token after it, or j
// when none stands there.
func (st *state) fractionSign(j int) (float64, int) {
	if j >= len(st.toks) || st.toks[j].kind != tPunct || !st.glued(j) {
		return 0, j
	}
	if p, e := st.match(j, pFrac); p != nil && p.val < 1 {
		return p.val, e
	}
	return 0, j
}

// fractionTail reads "and a half", "and quarter", "and three quarters".
func (st *state) fractionTail(i int) (float64, int, bool) {
	start := i
	i, hyphens := st.skipJoiningHyphen(i)
	if !st.isLatinTok(i) || st.toks[i].id != st.s.lex.word.and {
		return 0, start, false
	}
	j := i + 1
	if hyphens {
		// "two-and-a-half-hour": the words are joined throughout.
		if j, _ = st.skipJoiningHyphen(j); j == i+1 {
			return 0, start, false
		}
	}
	count := 1.0
	if p, e := st.match(j, pFrac); p != nil && st.isLatinTok(j) {
		return p.val, e, true
	}
	if p, e := st.match(j, pArticle); p != nil {
		j = e
	} else if p, e := st.match(j, pNumber); p != nil && st.isLatinTok(j) && p.val >= 1 && p.val <= 3 {
		count = p.val
		j = e
	}
	if hyphens {
		j, _ = st.skipJoiningHyphen(j)
	}
	if p, e := st.match(j, pFrac); p != nil && st.isLatinTok(j) {
		return count * p.val, e, true
	}
	if p, e := st.match(j, pMult); p != nil && p.val < 1 {
		return count * p.val, e, true
	}
	return 0, i, false
}

// isClockAmount reports whether the colon at token j joins an amount of time
// written like a clock ("1:30 घंटे").
func (st *state) isClockAmount(j int) bool {
	_, e := st.clockAmount(j)
	return e > j
}
