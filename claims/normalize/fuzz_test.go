package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks, for any input, that New never panics; that the
// normalized text is valid UTF-8 (even from invalid input) and, for valid
// UTF-8 input, normalizing it again changes nothing; that the offset map is
// monotonic and every span maps back onto character boundaries of the
// original; that the whole normalized text maps back to the whole original
// less a leading run of characters normalization removes; and that sentences
// lie inside the text, in order, without overlapping. Seeds are in
// testdata/fuzz/FuzzNormalize.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"",
		"plain ASCII text. Two sentences!",
		"सड़क पर बड़ा हादसा हुआ।",                        // precomposed-looking nukta letters
		"सड\u093Cक पर बडे\u093C वाहन",                    // nukta typed after the vowel sign
		"\u095C\u095D \u0921\u093C",                      // composition-excluded nukta letters
		"कुल \u0967\u0968\u0969 लोग, \u0966.\u096B%",     // Devanagari digits
		"\u200Dक्\u200Dष \u200Cहिन्\u200Cदी\u00AD\u200B", // joiners, soft hyphen, ZWSP
		"\uFEFF\u200Dशुरू में BOM",
		"\u201Cउद्धरण\u201D और \u2018single\u2019 \u00ABguillemets\u00BB",
		"a\u00A0b\u2009c\u202Fd\u3000e",
		"bad \xff\xfe UTF-8 \xe0\xa4 cut",
		"\x00\x01\x1b[31mred\x1b[0m\x7f\u0085\u009b",
		"line one.\r\nline two।\nतीसरी पंक्ति\n\n",
		"e\u0301 A\u030A \u0915\u093C\u093C\u0947", // combining sequences NFC recomposes
		"U.S. officials said 2.5 km. Dr. Rao left.",
		"\"एक। दो।\" तीन।",
	} {
		f.Add(s)
	}
	seg := DefaultSegmenter()
	f.Fuzz(func(t *testing.T, orig string) {
		tx := New(orig)
		if tx.Orig != orig {
			t.Fatalf("Orig changed: %q → %q", orig, tx.Orig)
		}
		norm := tx.Norm
		if !utf8.ValidString(norm) {
			t.Fatalf("Norm is not valid UTF-8: %q from %q", norm, orig)
		}
		// Normalizing again changes nothing, even after invalid bytes, a
		// nukta moved back onto its consonant, or a removed zero-width
		// character between combining marks.
		if again := String(norm); again != norm {
			t.Fatalf("normalizing twice changes the text: %q → %q → %q", orig, norm, again)
		}

		// Rune boundaries of orig, as ranging over it sees them (an invalid
		// byte is a rune of its own).
		boundary := make([]bool, len(orig)+1)
		for i := range orig {
			boundary[i] = true
		}
		boundary[len(orig)] = true

		prev := 0
		for n := 0; n <= len(norm); n++ {
			o := tx.OrigOffset(n)
			if o < prev || o > len(orig) || !boundary[o] {
				t.Fatalf("OrigOffset(%d) = %d (previous %d, len %d) for %q", n, o, prev, len(orig), orig)
			}
			prev = o
		}
		if len(norm) <= 64 {
			for i := 0; i <= len(norm); i++ {
				for j := i; j <= len(norm); j++ {
					checkSpan(t, tx, boundary, i, j)
				}
			}
		} else {
			for i := 0; i <= len(norm); i += 1 + len(norm)/32 {
				for j := i; j <= len(norm); j += 1 + len(norm)/16 {
					checkSpan(t, tx, boundary, i, j)
				}
				checkSpan(t, tx, boundary, i, len(norm))
			}
		}

		// The whole normalized text maps to the whole original, less a
		// prefix that normalization removes entirely (zero-width characters).
		s, e := tx.Span(0, len(norm))
		if e != len(orig) {
			t.Fatalf("Span of the whole text ends at %d, not %d, for %q", e, len(orig), orig)
		}
		if String(orig[:s]) != "" {
			t.Fatalf("Span of the whole text starts at %d, leaving out %q of %q", s, orig[:s], orig)
		}
		if norm != "" && s != 0 {
			// What was left out must be the characters removed, so the rest
			// normalizes to the same text.
			if got := String(orig[s:]); got != norm {
				t.Fatalf("orig[%d:] normalizes to %q, not %q", s, got, norm)
			}
		}

		end := 0
		line := 0
		for k, st := range seg.Split(norm) {
			if st.Start < end || st.Start >= st.End || st.End > len(norm) {
				t.Fatalf("sentence %d [%d,%d) out of order or outside the text (previous end %d, len %d): %q",
					k, st.Start, st.End, end, len(norm), norm)
			}
			if !utf8.ValidString(norm[st.Start:st.End]) {
				t.Fatalf("sentence %d [%d,%d) cuts a character: %q", k, st.Start, st.End, norm)
			}
			if st.Line < line || st.Kind > Furniture {
				t.Fatalf("sentence %d: line %d after line %d, kind %d", k, st.Line, line, st.Kind)
			}
			end, line = st.End, st.Line
		}
	})
}

// TestNormalizeIdempotentAfterNuktaMove is a case FuzzNormalize found: a
// nukta typed after the vowel sign of र, न or ळ, moved back onto the
// consonant, must compose with it as NFC does, so that "रे़" and "ऱे" (the
// same word) normalize alike.
func TestNormalizeIdempotentAfterNuktaMove(t *testing.T) {
	for _, in := range []string{"रे\u093C", "ने\u093C", "ळी\u093C", "000रे\u093C"} {
		once := String(in)
		if twice := String(once); twice != once {
			t.Errorf("String(%q) = %q, String of that = %q", in, once, twice)
		}
		if want := String("\u0931\u0947"); in == "रे\u093C" && once != want {
			t.Errorf("String(%q) = %q, want %q (the NFC form)", in, once, want)
		}
	}
}

// TestNormalizeIdempotentAcrossRemovedCharacters is a case FuzzNormalize
// found: a soft hyphen (or ZWJ, ZWNJ) between two combining marks, once
// removed, must not leave the marks out of canonical order.
func TestNormalizeIdempotentAcrossRemovedCharacters(t *testing.T) {
	for _, in := range []string{"\u032D\u00AD\u031B", "a\u032D\u200D\u031B", "क\u094D\u200C\u093C"} {
		once := String(in)
		if twice := String(once); twice != once {
			t.Errorf("String(%q) = %q, String of that = %q", in, once, twice)
		}
	}
}

// checkSpan checks one Span: inside orig, ordered, on character boundaries,
// and consistent with OrigOffset at its start.
func checkSpan(t *testing.T, tx *Text, boundary []bool, i, j int) {
	t.Helper()
	s, e := tx.Span(i, j)
	if s < 0 || s > e || e > len(tx.Orig) || !boundary[s] || !boundary[e] {
		t.Fatalf("Span(%d,%d) = (%d,%d) is not a span on character boundaries of %q (len %d)", i, j, s, e, tx.Orig, len(tx.Orig))
	}
	if s != tx.OrigOffset(i) {
		t.Fatalf("Span(%d,%d) starts at %d but OrigOffset(%d) = %d", i, j, s, i, tx.OrigOffset(i))
	}
}

// TestSplitLongInvalidLine is a case the differential fuzzing found: a line
// of more than MaxSentence bytes none of which starts a character once made
// Split loop for ever.
func TestSplitLongInvalidLine(t *testing.T) {
	text := "d" + strings.Repeat("\xa6", 3*MaxSentence)
	ss := DefaultSegmenter().Split(text)
	if len(ss) < 2 || ss[len(ss)-1].End != len(text) {
		t.Errorf("Split of a long invalid line = %v", ss)
	}
}
