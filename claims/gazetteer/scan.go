package gazetteer

import (
	"slices"
	"unicode/utf8"
)

// code is a folded letter as the tries see it: its rank in the alphabet of
// all letters that occur in names (1…), or noCode for a letter that no name
// has. Matching compares small integers instead of runes, so that nodes can
// index their children by code.
type code = int32

// noCode is the code of letters outside the alphabet: no edge carries it.
const noCode code = 0

// maxAlphabet bounds the alphabet size: trie labels are 16 bits.
const maxAlphabet = 1 << 16

// csym is one symbol of a text as the matcher sees it: a folded letter
// (its code) with the bytes it came from, or a separator. It is sym with the
// letter's code in place of the folded rune.
type csym struct {
	code       code
	start, end int32
	kind       symKind
}

// runeAction says what the matcher does with a Devanagari code point beyond
// taking its code.
type runeAction uint8

const (
	actLetter runeAction = iota // a letter with a fixed folded form
	actDrop                     // dropped, its bytes join the letter before
	actNasal                    // a nasal: before virama + stop it folds to the anusvara
	actAA                       // ā: inside a long word it is dropped
	actSep                      // not a word rune: a separator of its kind
)

// runeInfo is what the matcher needs to know about one ASCII or Devanagari
// code point.
type runeInfo struct {
	code code
	kind symKind // symLetter for a word rune, else its separator kind
	act  runeAction
	stop bool // a stop or sibilant (see isStop)
}

// alphabet numbers the folded letters of all names and holds the tables
// that fold ASCII and Devanagari text straight to codes.
type alphabet struct {
	codes map[rune]code // every folded letter and boundary
	size  int32         // largest code + 1
	ascii [utf8.RuneSelf]runeInfo
	dev   [0x80]runeInfo // U+0900–U+097F
	// anusvara is the code of the nasal mark that a nasal + virama before a
	// stop folds to.
	anusvara code
	// boundary is the code of a word break inside a name.
	boundary code
}

// newAlphabet numbers the letters on the edges of the builders, in rune
// order, and fills the folding tables.
func newAlphabet(builders ...*trieBuilder) *alphabet {
	var runes []rune
	seen := map[rune]bool{}
	for _, b := range builders {
		for i := range b.nodes {
			if r := b.nodes[i].r; i > 0 && !seen[r] {
				seen[r] = true
				runes = append(runes, r)
			}
		}
	}
	slices.Sort(runes)
	a := &alphabet{codes: make(map[rune]code, len(runes)), size: int32(len(runes)) + 1}
	for i, r := range runes {
		a.codes[r] = code(i + 1)
	}
	a.anusvara = a.code(devAnusvara)
	a.boundary = a.code(boundary)
	for r := rune(0); r < utf8.RuneSelf; r++ {
		info := &a.ascii[r]
		if !isWordRune(r) {
			info.act, info.kind = actSep, classify(r)
			continue
		}
		f, _ := foldRune(string(r), 0, r, 1)
		info.code = a.code(f)
	}
	for i := range a.dev {
		r := rune(0x0900 + i)
		info := &a.dev[i]
		info.stop = isStop(r)
		switch {
		case !isWordRune(r):
			info.act, info.kind = actSep, classify(r)
		case isNasal(r):
			info.act, info.code = actNasal, a.code(r)
		case r == devAA:
			info.act, info.code = actAA, a.code(r)
		case devTable[i] == 0:
			info.act = actDrop
		case devTable[i] != keep:
			info.code = a.code(devTable[i])
		default:
			info.code = a.code(r)
		}
	}
	return a
}

// code returns the code of the folded letter r, or noCode.
func (a *alphabet) code(r rune) code {
	return a.codes[r]
}

// devanagari returns the offset in the Devanagari block of the code point
// encoded at s[i:] (0xE0 0xA4/0xA5 and a continuation byte), or -1 if there
// is none there.
func devanagari(s string, i int) int {
	if i+2 < len(s) && s[i] == 0xE0 && s[i+1]&^1 == 0xA4 && s[i+2]&0xC0 == 0x80 {
		return int(s[i+1]&1)<<6 | int(s[i+2]&0x3F)
	}
	return -1
}

// runeAt reads the rune at s[i:] as the matcher sees it. For a word rune it
// returns its code, kind symLetter and whether folding drops it; for any
// other rune its separator kind. end is where the rune ends; a nasal that
// folds with the virama after it (see foldRune) takes the virama too.
// ASCII and Devanagari go through tables; other runes take the general
// folding.
func (a *alphabet) runeAt(s string, i int) (c code, kind symKind, drop bool, end int) {
	if b := s[i]; b < utf8.RuneSelf {
		info := &a.ascii[b]
		return info.code, info.kind, false, i + 1
	}
	if d := devanagari(s, i); d >= 0 {
		info := &a.dev[d]
		end = i + 3
		switch info.act {
		case actDrop:
			return noCode, symLetter, true, end
		case actNasal:
			// न् + stop → ं (see foldRune)
			if devanagari(s, end) == devVirama-0x0900 {
				if st := devanagari(s, end+3); st >= 0 && a.dev[st].stop {
					return a.anusvara, symLetter, false, end + 3
				}
			}
		case actAA:
			// ā inside a long word folds with the inherent a (see foldRune).
			if next := devanagari(s, end); next >= 0 && a.dev[next].act != actSep && wordLen(s, i) >= longWord {
				return noCode, symLetter, true, end
			}
		}
		return info.code, info.kind, false, end
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !isWordRune(r) {
		return noCode, classify(r), false, i + n
	}
	f, extra := foldRune(s, i, r, n)
	if f == 0 {
		return noCode, symLetter, true, i + n + extra
	}
	return a.code(f), symLetter, false, i + n + extra
}

// symAt reads the symbol that starts at s[i:] (symbolize would give the
// same one), i being the end of the symbol before it, and returns it with
// the position where the next symbol starts. Dropped signs before a letter
// are skipped (no letter precedes them); dropped signs after a letter belong
// to it. A separator takes the separators of its kind after it, across
// dropped signs. Past the end of s, the symbol has kind symEnd.
func (a *alphabet) symAt(s string, i int) (y csym, next int) {
	for i < len(s) {
		c, kind, drop, end := a.runeAt(s, i)
		if kind != symLetter {
			y = csym{start: int32(i), end: int32(end), kind: kind}
			for next = end; next < len(s); {
				_, k, d, e := a.runeAt(s, next)
				if k == kind {
					y.end = int32(e)
				} else if k != symLetter || !d {
					break
				}
				next = e
			}
			return y, next
		}
		if drop {
			i = end
			continue
		}
		for end < len(s) {
			_, k, d, e := a.runeAt(s, end)
			if k != symLetter || !d {
				break
			}
			end = e
		}
		return csym{code: c, start: int32(i), end: int32(end), kind: symLetter}, end
	}
	return csym{start: int32(len(s)), end: int32(len(s)), kind: symEnd}, len(s)
}

// letterAt reports whether a letter symbol starts at s[i:], i being the
// end of a symbol.
func (a *alphabet) letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	_, kind, _, _ := a.runeAt(s, i)
	return kind == symLetter
}

// wordEnd returns the end of the run of word runes that s[i:] starts in.
func (a *alphabet) wordEnd(s string, i int) int {
	for i < len(s) {
		if b := s[i]; b < utf8.RuneSelf {
			if a.ascii[b].kind != symLetter {
				return i
			}
			i++
		} else if d := devanagari(s, i); d >= 0 {
			if a.dev[d].act == actSep {
				return i
			}
			i += 3
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				return i
			}
			i += n
		}
	}
	return i
}

// longWordAt reports whether the run of word runes around s[i] has at
// least longWord letters and signs (see wordLen), counting Devanagari
// through the table and only as far as needed.
func (a *alphabet) longWordAt(s string, i int) bool {
	const virama, nukta = devVirama - 0x0900, devNukta - 0x0900
	count := 0
	start := i
	for start >= 3 && count < longWord {
		d := devanagari(s, start-3)
		if d < 0 || a.dev[d].act == actSep {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
				return wordLen(s, i) >= longWord // a run that mixes scripts
			}
			break
		}
		start -= 3
		if d != virama && d != nukta {
			count++
		}
	}
	if start > 0 && start < 3 {
		if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
			return wordLen(s, i) >= longWord
		}
	}
	for j := i; j < len(s) && count < longWord; j += 3 {
		d := devanagari(s, j)
		if d < 0 {
			if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
				return wordLen(s, i) >= longWord
			}
			break
		}
		if a.dev[d].act == actSep {
			break
		}
		if d != virama && d != nukta {
			count++
		}
	}
	return count >= longWord
}

// plainLetterAt reports whether s[i:] starts with an ASCII letter or digit
// or a Devanagari letter that folding never drops: a letter symbol starts
// right there. False says nothing.
func (a *alphabet) plainLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if b := s[i]; b < utf8.RuneSelf {
		return a.ascii[b].kind == symLetter
	}
	if d := devanagari(s, i); d >= 0 {
		act := a.dev[d].act
		return act == actLetter || act == actNasal
	}
	return false
}
