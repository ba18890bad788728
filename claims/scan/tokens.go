package scan

import (
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
	kind       tokKind
	space      bool // whitespace stands before the token
	brk        bool // a line break stands before the token
	upper      bool // a Latin word that starts with a capital letter
}

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

// tokenize appends the tokens of text to dst.
func tokenize(dst []token, text string) []token {
	space, brk := true, true
	i := 0
	for i < len(text) {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || r == '\t':
			space = true
			i += size
			continue
		case r == '\n' || r == '\r':
			space, brk = true, true
			i += size
			continue
		case r >= utf8.RuneSelf && unicode.IsSpace(r):
			space = true
			i += size
			continue
		}
		t := token{start: int32(i), space: space, brk: brk}
		space, brk = false, false
		switch {
		case digitValue(r) >= 0 || (r == '.' && (t.space || text[i-1] == '-') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9'):
			t.kind = tDigits
			i = scanDigits(text, i)
		case isDevaLetter(r):
			t.kind = tDeva
			i += size
			for i < len(text) {
				r2, n := utf8.DecodeRuneInString(text[i:])
				if !isDevaLetter(r2) {
					break
				}
				i += n
			}
		case isLatinLetter(r):
			t.kind = tLatin
			t.upper = r < utf8.RuneSelf && c >= 'A' && c <= 'Z'
			i += size
			for i < len(text) {
				c2 := text[i]
				if c2 < utf8.RuneSelf {
					if (c2|0x20) >= 'a' && (c2|0x20) <= 'z' {
						i++
						continue
					}
					break
				}
				r2, n := utf8.DecodeRuneInString(text[i:])
				if !isLatinLetter(r2) {
					break
				}
				i += n
			}
		default:
			t.kind = tPunct
			i += size
		}
		t.end = int32(i)
		dst = append(dst, t)
	}
	return dst
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
