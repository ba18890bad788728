package scan

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// tokKind is the class of a token.
type tokKind uint8

const (
	tDigits tokKind = iota + 1 // digits with inner grouping commas or decimal points
	tDeva                      // a Devanagari word
	tLatin                     // a Latin word
	tPunct                     // any other single character
)

// token is a span of the scanned text. Tokens are values in a reused slice,
// so tokenizing allocates nothing once the slice has grown.
type token struct {
	start, end int32
	id         int32 // the vocabulary id of the token's key, or 0
	kind       tokKind
	space      bool     // whitespace stands before the token
	brk        bool     // a line break stands before the token
	upper      bool     // a Latin word that starts with a capital letter
	caps       bool     // a Latin word with an ASCII capital anywhere
	cue        cueFlags // the readers that may find a mention beginning here
}

// The kinds of the lexicon phrases that begin at a token are not kept in the
// token (that would make it half again as large, and most tokens are never
// asked): state.mask looks them up by the token's id.

// isDevaLetter reports whether r belongs to a Devanagari word: letters,
// vowel signs, virama, nukta, anusvara, chandrabindu, visarga — everything in
// the block except digits, the dandas and the abbreviation sign.
func isDevaLetter(r rune) bool {
	switch {
	case r >= 0x0900 && r <= 0x0963:
		return true
	case r >= 0x0971 && r <= 0x097F:
		return true
	case r >= 0xA8E0 && r <= 0xA8FF: // Devanagari Extended
		return true
	case r == 0x200C || r == 0x200D:
		return true
	}
	return false
}

// digitValue returns the value of an ASCII or Devanagari digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 0x0966 && r <= 0x096F:
		return int(r - 0x0966)
	}
	return -1
}

func isLatinLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}

// devaAt decodes the rune at text[i] when it lies in the Devanagari block
// U+0900–U+097F (three bytes: 0xE0, 0xA4 or 0xA5, a continuation byte); it
// returns size 0 for anything else.
func devaAt(text string, i int) (r rune, size int) {
	if i+2 < len(text) && text[i] == 0xE0 && text[i+1]&^1 == 0xA4 && text[i+2]&0xC0 == 0x80 {
		return 0x0900 | rune(text[i+1]&1)<<6 | rune(text[i+2]&0x3F), 3
	}
	return 0, 0
}

// devaLetters marks the runes of the Devanagari block U+0900–U+097F that
// isDevaLetter accepts, by their offset in the block.
var devaLetters = func() (t [128]bool) {
	for r := rune(0x0900); r < 0x0980; r++ {
		t[r-0x0900] = isDevaLetter(r)
	}
	return t
}()

// asciiClass is the class of an ASCII byte for the tokenizer.
type asciiClass uint8

const (
	aOther  asciiClass = iota // punctuation and control characters
	aSpace                    // space and tab
	aBreak                    // line feed and carriage return
	aDigit                    // 0–9
	aLetter                   // A–Z, a–z
)

// asciiClasses holds the class of every ASCII byte.
var asciiClasses = func() (t [utf8.RuneSelf]asciiClass) {
	t[' '], t['\t'] = aSpace, aSpace
	t['\n'], t['\r'] = aBreak, aBreak
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = aLetter, aLetter
	}
	return t
}()

// devaWord returns the end of the Devanagari word at i and, when the word
// has at most eight runes, all in the block U+0900–U+097F, its packed key
// (see packKey).
func devaWord(text string, i int) (end int, key uint64, packed bool) {
	runes := 0
	rest := text[i:]
	for len(rest) >= 3 {
		// The three bytes of a rune of the block: 0xE0, 0xA4 or 0xA5, and a
		// continuation byte. The rune's offset in the block is the low bit
		// of the second byte and the low six bits of the third.
		var w uint32
		if len(rest) >= 4 {
			w = uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16 | uint32(rest[3])<<24
		} else {
			w = uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16
		}
		if w&0xC0FEFF != 0x80A4E0 {
			break
		}
		off := (w>>2)&0x40 | (w>>16)&0x3F
		if !devaLetters[off] {
			return len(text) - len(rest), key, runes <= 8
		}
		key = key<<8 | 0x80 | uint64(off)
		runes++
		rest = rest[3:]
	}
	i = len(text) - len(rest)
	packed = runes <= 8
	// Letters outside the block (joiners, Devanagari Extended) and whatever
	// follows them.
	for i < len(text) && text[i] >= utf8.RuneSelf {
		r, size := devaAt(text, i)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isDevaLetter(r) {
			break
		}
		packed = false
		i += size
	}
	return i, key, packed
}

// devaBlockWord reads the Devanagari word at i when it is made of letters
// of the block U+0900–U+097F only (no joiner or letter from outside the
// block follows). It returns the word's end and, when the word has at most
// eight letters, its packed key (see packKey); ok is false for any other
// word.
func devaBlockWord(text string, i int) (end int, key uint64, packed, ok bool) {
	runes := 0
	j := i
	for j+8 <= len(text) {
		// Two runes at once while eight bytes remain.
		w := load64(text, j)
		if w&0x0000C0FEFFC0FEFF != 0x000080A4E080A4E0 {
			break
		}
		off1 := (w>>2)&0x40 | (w>>16)&0x3F
		off2 := (w>>26)&0x40 | (w>>40)&0x3F
		if !devaLetters[off1] || !devaLetters[off2] {
			break // the loop below takes the letter before a stop
		}
		key = key<<16 | (0x80|off1)<<8 | 0x80 | off2
		runes += 2
		j += 6
	}
	for j+4 <= len(text) {
		// 0xE0, then 0xA4 or 0xA5, then a continuation byte (and the first
		// byte of what follows); the rune's offset in the block is the low
		// bit of the second byte and the low six bits of the third.
		b := text[j : j+4]
		w := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if w&0xC0FEFF != 0x80A4E0 {
			break
		}
		off := (w>>2)&0x40 | (w>>16)&0x3F
		if !devaLetters[off] {
			break
		}
		key = key<<8 | 0x80 | uint64(off)
		runes++
		j += 3
	}
	if j+3 == len(text) {
		// A last rune at the very end of the text.
		if r, n := devaAt(text, j); n != 0 && isDevaLetter(r) {
			key = key<<8 | 0x80 | uint64(r-0x0900)
			runes++
			j += 3
		}
	}
	if runes == 0 || (j < len(text) && text[j] >= utf8.RuneSelf && !devaStops(text[j:])) {
		return 0, 0, false, false
	}
	return j, key, runes <= 8, true
}

// devaStops reports whether a Devanagari word ends before the non-ASCII
// text rest.
func devaStops(rest string) bool {
	r, n := devaAt(rest, 0)
	if n == 0 {
		r, _ = utf8.DecodeRuneInString(rest)
	}
	return !isDevaLetter(r)
}

// asciiLetters returns the bytes of w that are ASCII letters, as their high
// bit.
func asciiLetters(w uint64) uint64 {
	low := (w | 0x20*bytes01) & bytes7F // letters lowered
	atLeastA := low + (0x80-'a')*bytes01
	aboveZ := low + (0x80-'z'-1)*bytes01
	return atLeastA &^ aboveZ &^ w & bytes80
}

// upperLetters returns the capitals among the letters of w, as their high
// bit.
func upperLetters(w, letters uint64) uint64 {
	return letters &^ (w << 2) // a capital lacks the 0x20 bit, shifted here to 0x80
}

// latinWord returns the end of the Latin word at i, whether an ASCII
// capital stands in it and, when the word is at most eight ASCII letters,
// its packed key (see packKey).
func latinWord(text string, i int) (end int, caps bool, key uint64, packed bool) {
	start := i
	if i+8 <= len(text) {
		// Eight bytes at once: the letters before the first other byte.
		w := load64(text, i)
		letters := asciiLetters(w)
		if n := bits.TrailingZeros64(^letters&bytes80) / 8; n < 8 && text[i+n] < utf8.RuneSelf {
			keep := uint64(1)<<(8*n) - 1
			caps = upperLetters(w, letters)&keep != 0
			return i + n, caps, foldWord(w & keep), true
		}
	}
	for i < len(text) {
		c := text[i]
		if c >= utf8.RuneSelf {
			break
		}
		if asciiClasses[c] != aLetter {
			if i-start <= 8 {
				return i, caps, packASCII(text[start:i]), true
			}
			return i, caps, 0, false
		}
		caps = caps || c <= 'Z'
		i++
	}
	if i == len(text) && i-start <= 8 {
		return i, caps, packASCII(text[start:i]), true
	}
	// Letters beyond ASCII ("é") and whatever follows them.
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClasses[c] != aLetter {
				break
			}
			caps = caps || c <= 'Z'
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLatinLetter(r) {
			break
		}
		i += n
	}
	return i, caps, key, false
}

// tokenize appends the tokens of text to dst. With a scanner, each token
// also gets its vocabulary id, the kinds of the phrases it begins and its
// cue (see Scanner.classify).
func tokenize(dst []token, text string, s *Scanner) []token {
	space, brk := true, true
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' {
			// Most tokens follow a single space: skip it here.
			space = true
			if i++; i == len(text) {
				break
			}
			c = text[i]
		}
		start := i
		if c == 0xE0 && s != nil {
			// The common case: a Devanagari word of runes of the block,
			// looked up by its packed key.
			if end, key, packed, ok := devaBlockWord(text, i); ok {
				l := s.lex
				v := l.vocab
				var (
					id  int32
					cue cueFlags
				)
				if packed {
					slot := v.packedSlot(key)
					id, cue = v.packedIDs[slot], v.packedCues[slot]
				} else {
					id = v.findString(text[start:end], false)
					cue = l.cues[id]
				}
				if id == 0 {
					if _, ok := s.suffixOrdinal(text[start:end]); ok {
						cue = cueOrdinal
					}
				}
				var t *token
				dst, t = pushToken(dst)
				t.start, t.end, t.id, t.kind, t.space, t.brk, t.cue = int32(start), int32(end), id, tDeva, space, brk, cue
				space, brk = false, false
				i = end
				continue
			}
		}
		var (
			kind        tokKind
			upper, caps bool
			key         uint64
			packed      bool // key identifies the word
		)
		if c < utf8.RuneSelf {
			switch asciiClasses[c] {
			case aSpace:
				space = true
				i++
				continue
			case aBreak:
				space, brk = true, true
				i++
				continue
			case aDigit:
				kind = tDigits
				i = scanDigits(text, i)
			case aLetter:
				kind = tLatin
				upper = c <= 'Z'
				i, caps, key, packed = latinWord(text, i)
				if packed && s != nil {
					// The common case: a short ASCII word, looked up by its
					// packed key.
					l := s.lex
					v := l.vocab
					slot := v.packedSlot(key)
					id, cue := v.packedIDs[slot], v.packedCues[slot]
					if id == 0 {
						if _, ok := s.tensOrdinal(text[start:i], caps); ok {
							cue = cueOrdinal
						}
					}
					var t *token
					dst, t = pushToken(dst)
					t.start, t.end, t.id, t.kind, t.space, t.brk, t.cue = int32(start), int32(i), id, tLatin, space, brk, cue
					t.upper, t.caps = upper, caps
					space, brk = false, false
					continue
				}
			default:
				if c == '.' && (space || text[i-1] == '-') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
					kind = tDigits
					i = scanDigits(text, i)
				} else {
					kind = tPunct
					i++
				}
			}
		} else {
			r, size := devaAt(text, i)
			if size == 0 {
				r, size = utf8.DecodeRuneInString(text[i:])
				if unicode.IsSpace(r) {
					space = true
					i += size
					continue
				}
			}
			switch {
			case digitValue(r) >= 0:
				kind = tDigits
				i = scanDigits(text, i)
			case isDevaLetter(r):
				kind = tDeva
				i, key, packed = devaWord(text, i)
			case isLatinLetter(r):
				kind = tLatin
				i, caps, _, _ = latinWord(text, i)
			default:
				kind = tPunct
				i += size
			}
		}
		var t *token
		dst, t = pushToken(dst)
		t.start, t.end, t.kind, t.space, t.brk, t.upper, t.caps = int32(start), int32(i), kind, space, brk, upper, caps
		space, brk = false, false
		if s != nil {
			s.classify(dst, text, key, packed)
		}
	}
	return dst
}

// pushToken appends a zero token to dst and returns the longer slice and
// the new token, whose fields the caller then stores one by one. (Appending
// a token value instead builds it on the stack and copies it with wide loads
// that wait for the narrow stores of its fields.)
func pushToken(dst []token) ([]token, *token) {
	dst = append(dst, token{})
	return dst, &dst[len(dst)-1]
}

// digitAt returns the size of the digit rune at text[i], or 0.
func digitAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	c := text[i]
	if c >= '0' && c <= '9' {
		return 1
	}
	if c == 0xE0 && i+2 < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r >= 0x0966 && r <= 0x096F {
			return n
		}
	}
	return 0
}

// scanDigits returns the end of the digit run starting at i: digits joined by
// single commas or points that have digits on both sides. Comma grouping that
// is neither Western (1,234,567) nor Indian (1,17,500) ends the token at the
// first comma.
func scanDigits(text string, i int) int {
	start := i
	firstComma := -1
	for {
		if n := digitAt(text, i); n > 0 {
			i += n
			continue
		}
		if i < len(text) && (text[i] == ',' || text[i] == '.') && digitAt(text, i+1) > 0 {
			if text[i] == ',' && firstComma < 0 {
				firstComma = i
			}
			i++
			continue
		}
		break
	}
	if firstComma >= 0 && !validGrouping(text[start:i]) {
		return firstComma
	}
	return i
}

// validGrouping checks the comma groups of a number: after the first group,
// either all groups have three digits, or the last has three and the others
// two.
func validGrouping(s string) bool {
	// Strip a decimal part.
	for k := 0; k < len(s); k++ {
		if s[k] == '.' {
			s = s[:k]
			break
		}
	}
	var groups [16]int
	n := 0
	cur := 0
	for k := 0; k < len(s); {
		if s[k] == ',' {
			if n == len(groups)-1 {
				return false
			}
			groups[n] = cur
			n++
			cur = 0
			k++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[k:])
		cur++
		k += size
	}
	groups[n] = cur
	n++
	if n < 2 || groups[0] < 1 || groups[0] > 3 || groups[n-1] != 3 {
		return false
	}
	western, indian := true, true
	for k := 1; k < n-1; k++ {
		if groups[k] != 3 {
			western = false
		}
		if groups[k] != 2 {
			indian = false
		}
	}
	return western || indian
}

// lowerASCII returns s with ASCII capitals lowered; byte offsets stay the
// same. It returns s itself when nothing changes.
func lowerASCII(s string) string {
	k := 0
	for k < len(s) && !(s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s)
	for ; k < len(b); k++ {
		if b[k] >= 'A' && b[k] <= 'Z' {
			b[k] += 'a' - 'A'
		}
	}
	return string(b)
}
