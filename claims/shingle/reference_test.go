package shingle

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceFingerprint is Fingerprint written rune by rune, without the
// byte-level fast paths: the two must agree on every text.
func referenceFingerprint(text string) []uint64 {
	words := make([]uint64, 0, len(text)/6+1)
	h := uint64(fnvOffset)
	in := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if isWordRune(r) {
			if !in {
				h, in = fnvOffset, true
			}
			switch {
			case r < utf8.RuneSelf:
				b := byte(r)
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				h = (h ^ uint64(b)) * fnvPrime
			case r >= 0x0900 && r <= 0x097F: // no case: hash the bytes as they are
				for _, b := range []byte(text[i-size : i]) {
					h = (h ^ uint64(b)) * fnvPrime
				}
			default:
				var buf [utf8.UTFMax]byte
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				for _, b := range buf[:n] {
					h = (h ^ uint64(b)) * fnvPrime
				}
			}
			continue
		}
		if in {
			words = append(words, h)
			in = false
		}
	}
	if in {
		words = append(words, h)
	}
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

// TestFingerprintMatchesReference checks the fast word scanner against the
// rune-by-rune reference on mixed, odd and invalid text.
func TestFingerprintMatchesReference(t *testing.T) {
	texts := []string{
		passageHi, strings.Repeat(passageHi+" ", 3),
		"The SUMMIT in Vladivostok lasted FOUR hours, officials said; Kim's train left on Tuesday at 10:30 a.m.",
		"कॉस्मोड्रोम। पुतिन॥ किम ॰ जोंग उन ने कहा कि बैठक \xe0\xa4 अच्छी रही 2023 में ÉTÉ Ça Δέλτα İstanbul ß",
		"\xe0\xa4\x41 \xe0\xa5 \xff\xfe word word word word word word word word word",
		strings.Repeat("a ", 20), "", "\xe0",
	}
	for _, s := range texts {
		if got, want := Fingerprint(s), referenceFingerprint(s); !slices.Equal(got, want) {
			t.Errorf("%.40q: fingerprints differ: %d vs %d hashes", s, len(got), len(want))
		}
	}
}

// FuzzFingerprintMatchesReference checks the same on arbitrary bytes.
func FuzzFingerprintMatchesReference(f *testing.F) {
	f.Add(passageHi)
	f.Add("A b C d E f G h I j K l \xe0\xa5\xa4 m")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fingerprint(s), referenceFingerprint(s); !slices.Equal(got, want) {
			t.Fatalf("%q: fingerprints differ", s)
		}
	})
}
