// Package shingle computes text fingerprints for finding articles that share
// text word for word: copies of one wire story, or one report pasted into
// another.
//
// A fingerprint is the sorted set of 64-bit hashes of the text's k-word
// shingles (runs of K consecutive words), mod-sampled: only hashes h with
// h%M == 0 are kept, so a fingerprint holds about a quarter of the shingles
// and two fingerprints still estimate containment without bias (the same
// shingle is kept or dropped in every text alike).
//
// Words are maximal runs of letters, digits and combining marks (so Devanagari
// vowel signs, virama and nukta stay inside their word), lower-cased;
// punctuation and spaces only separate words.
//
// It is not for judging whether two texts say the same thing in other words;
// it only finds shared wording.
package shingle

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// K is the number of words in a shingle.
const K = 8

// M is the sampling modulus: a shingle is kept when its hash is divisible by
// M, so a fingerprint holds about 1/M of the shingles.
const M = 4

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Fingerprint returns the sorted, de-duplicated, mod-sampled hashes of the
// K-word shingles of text. text is normalized text (normalize.String form). A
// text with fewer than K words has an empty fingerprint.
func Fingerprint(text string) []uint64 {
	words := wordHashes(make([]uint64, 0, len(text)/6+1), text)
	if len(words) < K {
		return nil
	}
	out := make([]uint64, 0, (len(words)-K+1)/M+4)
	for i := 0; i+K <= len(words); i++ {
		s := uint64(fnvOffset)
		for _, w := range words[i : i+K] {
			s = (s ^ w) * fnvPrime
		}
		s = mix(s)
		if s%M == 0 {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wordHashes appends the FNV-1a hash of every word of text, lower-cased, to
// words. ASCII and Devanagari (three bytes, E0 A4/A5 xx) are read byte by
// byte; other text rune by rune.
func wordHashes(words []uint64, text string) []uint64 {
	h := uint64(fnvOffset)
	in := false
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			} else if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9') {
				if in {
					words = append(words, h)
					in = false
				}
				i++
				continue
			}
			if !in {
				h, in = fnvOffset, true
			}
			h = (h ^ uint64(b)) * fnvPrime
			i++
			continue
		}
		if b == 0xE0 && i+2 < len(text) && (text[i+1] == 0xA4 || text[i+1] == 0xA5) && text[i+2]&0xC0 == 0x80 {
			// U+0900–U+097F: no case; all but the dandas and the
			// abbreviation sign are word characters.
			if r := rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F); r == 0x0964 || r == 0x0965 || r == 0x0970 {
				if in {
					words = append(words, h)
					in = false
				}
			} else {
				if !in {
					h, in = fnvOffset, true
				}
				h = (h ^ 0xE0) * fnvPrime
				h = (h ^ uint64(text[i+1])) * fnvPrime
				h = (h ^ uint64(text[i+2])) * fnvPrime
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isWordRune(r) {
			if in {
				words = append(words, h)
				in = false
			}
			continue
		}
		if !in {
			h, in = fnvOffset, true
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, c := range buf[:n] {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	if in {
		words = append(words, h)
	}
	return words
}

// mix is the splitmix64 finalizer: it spreads the bits so that sampling by
// the low bits is fair.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r >= 0x0900 && r <= 0x097F { // Devanagari: all but the dandas and the abbreviation sign
		return r != 0x0964 && r != 0x0965 && r != 0x0970
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Containment returns the share of a's sampled shingles that are also in b (0
// when a is empty). Both must be sorted, as Fingerprint returns them.
func Containment(a, b []uint64) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(Intersect(a, b)) / float64(len(a))
}

// Intersect counts the hashes that the sorted sets a and b have in common.
func Intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
