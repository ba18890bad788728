package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// symKind classifies one symbol of a text as the matcher sees it.
type symKind uint8

const (
	// symLetter is a folded letter, mark or digit of a word.
	symLetter symKind = iota
	// symSoft is a run of spaces or hyphens: a place where a name may have a
	// word break ("किम जोंग-उन") or none ("किमजोंग").
	symSoft
	// symSkip is a character that names ignore but that still ends a word:
	// the full stop of "U.S.", the Devanagari abbreviation sign of "यू॰एस॰" and
	// the apostrophe of "Russia's", "d'Ivoire".
	symSkip
	// symHard is anything a name cannot run across: other punctuation,
	// line breaks, the danda.
	symHard
	// symEnd marks the end of the text for the matcher's reader; symbol
	// lists never hold it.
	symEnd
)

// boundary is the trie label of a word break inside a name.
const boundary = ' '

// sym is one symbol of a text: a folded letter with the bytes it came from,
// or a separator.
type sym struct {
	r          rune
	start, end int32
	kind       symKind
}

// Devanagari code points the folding treats specially.
const (
	devCandrabindu = '\u0901'
	devAnusvara    = '\u0902'
	devNukta       = '\u093C'
	devAA          = '\u093E' // ा
	devVirama      = '\u094D'
	devAvagraha    = '\u093D'
)

// devFold maps Devanagari letters and signs to their folded form; 0 means
// "drop". Code points not in the table are kept.
var devFold = map[rune]rune{
	// independent vowels: length, ए/ऐ, ओ/औ and the English-loan candra vowels
	'आ': 'अ', 'ई': 'इ', 'ऊ': 'उ', 'ऐ': 'ए', 'औ': 'ओ', 'ऑ': 'ओ', 'ऍ': 'ए', 'ऎ': 'ए', 'ऒ': 'ओ',
	// vowel signs
	'ी': 'ि', 'ू': 'ु', 'ै': 'े', 'ौ': 'ो', 'ॉ': 'ो', 'ॅ': 'े', 'ॆ': 'े', 'ॊ': 'ो',
	// nasal marks become one
	devCandrabindu: devAnusvara,
	// nukta letters lose the nukta (NFC writes them decomposed; be safe)
	'\u0958': 'क', '\u0959': 'ख', '\u095A': 'ग', '\u095B': 'ज', '\u095C': 'ड', '\u095D': 'ढ', '\u095E': 'फ', '\u095F': 'य',
	// dropped: nukta, virama, avagraha
	devNukta: 0, devVirama: 0, devAvagraha: 0,
	// Devanagari digits (normalized text has ASCII digits already)
	'०': '0', '१': '1', '२': '2', '३': '3', '४': '4', '५': '5', '६': '6', '७': '7', '८': '8', '९': '9',
}

// longWord is the length, in letters and signs, from which a word's inner
// ā folds with the inherent a.
const longWord = 7

// wordLen counts the letters and vowel signs of the word around s[i],
// without viramas and nuktas.
func wordLen(s string, i int) int {
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	count := 0
	for _, r := range s[start:] {
		if !isWordRune(r) {
			break
		}
		if r != devVirama && r != devNukta {
			count++
		}
	}
	return count
}

// isNasal reports whether r is a Devanagari nasal consonant.
func isNasal(r rune) bool {
	return r == 'ङ' || r == 'ञ' || r == 'ण' || r == 'न' || r == 'म'
}

// isStop reports whether r is a Devanagari stop consonant (क…भ without the
// nasals) or sibilant (श ष स), before which a nasal + virama is written as
// an anusvara too: पञ्जाब ~ पंजाब, फ्रान्स ~ फ्रांस.
func isStop(r rune) bool {
	return (r >= 'क' && r <= 'भ' && !isNasal(r)) || r == 'श' || r == 'ष' || r == 'स'
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x0900 && r <= 0x097F:
		// Devanagari: all letters, signs and digits but the dandas and the
		// abbreviation sign.
		return r != '\u0964' && r != '\u0965' && r != '\u0970'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// devTable is devFold as an array over the Devanagari block: keep marks a
// code point that stays as it is.
var devTable = func() (t [0x80]rune) {
	for i := range t {
		t[i] = keep
	}
	for r, f := range devFold {
		t[r-0x0900] = f
	}
	return t
}()

// keep marks a Devanagari code point that folding leaves alone.
const keep = -1

// classify returns the kind of a non-word rune.
func classify(r rune) symKind {
	switch r {
	case ' ', '\t', '-', '\u2010', '\u2011', '_':
		return symSoft
	case '.', '\'', '\u2019', '\u02BC', '`', '\u0970':
		return symSkip
	}
	return symHard
}

// latinFold folds a non-ASCII Latin letter to its base letter without
// diacritics; 0 if it has none.
func latinFold(r rune) rune {
	switch r {
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'ß':
		return 's'
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return 0
	}
	base, _ := utf8.DecodeRune(d)
	return unicode.ToLower(base)
}

// foldRune returns the folded form of the word rune r in s at i (n bytes
// long); 0 drops it. It looks ahead in s for the rules that depend on the
// next letters, and reports how many extra bytes it consumed.
func foldRune(s string, i int, r rune, n int) (folded rune, extra int) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), 0
		}
		return r, 0
	case r >= 0x0900 && r <= 0x097F:
		if isNasal(r) {
			// न् + stop → ं: "पञ्जाब" ~ "पंजाब", "हम्बनटोटा" ~ "हंबनटोटा"
			j := i + n
			if v, vn := utf8.DecodeRuneInString(s[j:]); v == devVirama {
				if c, _ := utf8.DecodeRuneInString(s[j+vn:]); isStop(c) {
					return devAnusvara, vn
				}
			}
			return r, 0
		}
		if r == devAA {
			// ā inside a long word folds with the inherent a, for the
			// transliterated names whose vowel length writers guess
			// (व्लादिवोस्तोक ~ व्लदिवोस्तोक). A final ā, and any ā of a short
			// word, stays: पटना ≠ पाटन, भारत ≠ भरत, काबुल ≠ कबूल.
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(next) && next >= 0x0900 && next <= 0x097F && wordLen(s, i) >= longWord {
				return 0, 0
			}
			return r, 0
		}
		if f := devTable[r-0x0900]; f != keep {
			return f, 0
		}
		return r, 0
	case r >= 0x00C0 && r <= 0x024F, r >= 0x1E00 && r <= 0x1EFF:
		if f := latinFold(r); f != 0 {
			return f, 0
		}
		return unicode.ToLower(r), 0
	}
	if unicode.IsMark(r) {
		return 0, 0
	}
	return unicode.ToLower(r), 0
}

// symbolize appends the symbols of s to dst: folded letters carrying the
// byte span they came from, separators collapsed to one symbol each.
func symbolize(dst []sym, s string) []sym {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			k := classify(r)
			if l := len(dst); l > 0 && dst[l-1].kind == k && k != symLetter {
				dst[l-1].end = int32(i + n)
			} else {
				dst = append(dst, sym{r: 0, start: int32(i), end: int32(i + n), kind: k})
			}
			i += n
			continue
		}
		f, extra := foldRune(s, i, r, n)
		end := i + n + extra
		if f == 0 {
			// A dropped sign belongs to the letter before it.
			if l := len(dst); l > 0 && dst[l-1].kind == symLetter {
				dst[l-1].end = int32(end)
			}
		} else {
			dst = append(dst, sym{r: f, start: int32(i), end: int32(end), kind: symLetter})
		}
		i = end
	}
	return dst
}

// Key returns the matching key of a name: the folded letters of its words
// run together, so that spellings a reader takes for the same name share a
// key. Devanagari: long and short i/u, ए/ऐ, ओ/औ/ऑ fold together; an ā inside a
// word of seven or more letters and signs folds with the inherent a (a final
// ā, and the ā of shorter words, is kept); anusvara, candrabindu
// and a nasal + virama before a stop or sibilant become one nasal mark; nukta, virama
// and avagraha are dropped. Latin: case and diacritics fold. Spaces,
// hyphens, full stops, apostrophes and other punctuation are dropped.
//
//	Key("व्लादिवोस्तोक") == Key("व्लदिवोस्तोक")
//	Key("किम जोंग-उन") == Key("किमजोंग उन")
//	Key("Côte d'Ivoire") == Key("cote divoire")
func Key(s string) string {
	// Join the words first: the folding of a word depends on its length.
	var joined strings.Builder
	joined.Grow(len(s))
	for _, r := range s {
		if isWordRune(r) {
			joined.WriteRune(r)
		}
	}
	var buf [64]sym
	syms := symbolize(buf[:0], joined.String())
	var b strings.Builder
	b.Grow(len(s))
	for _, y := range syms {
		if y.kind == symLetter {
			b.WriteRune(y.r)
		}
	}
	return b.String()
}
