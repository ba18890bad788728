// Package normalize turns an article's text into the one form every scanner
// reads — NFC, ASCII digits, repaired nukta, no zero-width characters,
// straight quotes, plain spaces — while keeping a map from every byte of the
// normalized text back to the byte of the original it came from, so that a
// claim found in normalized text cites the exact original bytes.
//
// It also splits text into sentences (Hindi and English) and marks page
// furniture (share buttons, related headlines, comment prompts) that carries
// no facts of the report.
//
// It is not for deciding what words mean; the scanners do that.
package normalize

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is an original text and its normalized form with an offset map.
type Text struct {
	// Orig is the text as read.
	Orig string
	// Norm is the normalized text.
	Norm string
	// off[i] is the byte offset in Orig of the character that produced
	// Norm[i]; off[len(Norm)] == len(Orig). Nil when Norm == Orig.
	off []int32
}

// New normalizes orig and builds the offset map.
func New(orig string) *Text {
	t := &Text{Orig: orig}
	if !needsWork(orig) {
		t.Norm = orig
		return t
	}
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int32, 0, len(orig)+1)
	if quickNFC(orig) || norm.NFC.IsNormalString(orig) {
		off = transform(&b, off, orig, 0, true)
	} else {
		var it norm.Iter
		it.InitString(norm.NFC, orig)
		for !it.Done() {
			start := it.Pos()
			seg := it.Next()
			end := it.Pos()
			exact := string(seg) == orig[start:end]
			off = transform(&b, off, string(seg), start, exact)
		}
	}
	off = append(off, int32(len(orig)))
	t.Norm = b.String()
	t.off = off
	// Removing a zero-width character or moving a nukta can bring combining
	// marks together out of canonical order; normalize once more and compose
	// the maps.
	if mayReorder(orig) && !norm.NFC.IsNormalString(t.Norm) {
		t2 := New(t.Norm)
		if t2.off != nil {
			comp := make([]int32, len(t2.off))
			for i, o := range t2.off {
				comp[i] = t.off[o]
			}
			t.Norm, t.off = t2.Norm, comp
		}
	}
	return t
}

// String returns the normalized form of s.
func String(s string) string {
	return New(s).Norm
}

// needsWork reports whether s contains anything that normalization changes.
// Pure ASCII text without control characters needs nothing.
func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f {
			return true
		}
	}
	return false
}

const (
	nukta   = '\u093C'
	virama  = '\u094D'
	zwnj    = '\u200C'
	zwj     = '\u200D'
	devZero = '\u0966'
	devNine = '\u096F'
)

// transform appends the character-level normalization of seg to b and the
// offsets of each appended byte to off. seg came from orig starting at base;
// exact says that seg's bytes are orig's bytes, so offsets can be per rune.
func transform(b *strings.Builder, off []int32, seg string, base int, exact bool) []int32 {
	for i, r := range seg {
		o := int32(base)
		if exact {
			o = int32(base + i)
		}
		switch {
		case r >= devZero && r <= devNine:
			b.WriteByte(byte('0' + r - devZero))
			off = append(off, o)
			continue
		case r == zwj || r == zwnj || r == '\u200B' || r == '\u00AD' || r == '\uFEFF' || r == '\u2060':
			continue
		case r == '\u2018' || r == '\u2019' || r == '\u201A' || r == '\u201B' || r == '\u2032':
			r = '\''
		case r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u201F' || r == '\u00AB' || r == '\u00BB' || r == '\u2033':
			r = '"'
		case r == '\u00A0' || (r >= '\u2000' && r <= '\u200A') || r == '\u202F' || r == '\u205F' || r == '\u3000':
			r = ' '
		case r < 0x20 && r != '\n' && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r < 0xa0:
			r = ' '
		case r == nukta:
			// A nukta typed after a vowel sign belongs to the consonant before it:
			// "डे़" → "ड़े".
			if s := b.String(); len(s) >= 6 {
				last, n1 := utf8.DecodeLastRuneInString(s)
				prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-n1])
				if isVowelSign(last) && isConsonant(prev) {
					off = moveNukta(b, off, n1)
					continue
				}
			}
		}
		n := b.Len()
		b.WriteRune(r)
		for j := n; j < b.Len(); j++ {
			off = append(off, o)
		}
	}
	return off
}

// moveNukta inserts a nukta before the last n bytes (a vowel sign) of b.
func moveNukta(b *strings.Builder, off []int32, n int) []int32 {
	s := b.String()
	tail := s[len(s)-n:]
	tailOff := append([]int32(nil), off[len(off)-n:]...)
	head := s[:len(s)-n]
	b.Reset()
	b.Grow(len(s) + 3)
	b.WriteString(head)
	b.WriteRune(nukta)
	b.WriteString(tail)
	// The nukta and the vowel sign map to the vowel sign's original bytes
	// (which are followed by the nukta there), keeping the map monotonic.
	off = off[:len(off)-n]
	off = append(off, tailOff[0], tailOff[0], tailOff[0])
	return append(off, tailOff...)
}

func isVowelSign(r rune) bool { return r >= '\u093E' && r <= '\u094C' }

func isConsonant(r rune) bool {
	return (r >= '\u0915' && r <= '\u0939') || (r >= '\u0958' && r <= '\u095F')
}

// Span maps a half-open byte span [ns, ne) of Norm to the span of Orig that
// produced it. The result always lies on character boundaries of Orig.
func (t *Text) Span(ns, ne int) (int, int) {
	if t.off == nil {
		return ns, ne
	}
	if ns < 0 {
		ns = 0
	}
	if ne > len(t.Norm) {
		ne = len(t.Norm)
	}
	if ne <= ns {
		o := int(t.off[ns])
		return o, o
	}
	os := int(t.off[ns])
	last := t.off[ne-1]
	j := ne
	for j < len(t.Norm) && t.off[j] == last {
		j++
	}
	return os, int(t.off[j])
}

// OrigOffset maps one byte offset of Norm to Orig.
func (t *Text) OrigOffset(n int) int {
	if t.off == nil {
		return n
	}
	if n > len(t.Norm) {
		n = len(t.Norm)
	}
	return int(t.off[n])
}

// quickNFC reports, without the general algorithm, that s is certainly in
// NFC: it holds only ASCII, Latin-1 punctuation and spaces, general
// punctuation (curly quotes, dashes, zero-width characters) and Devanagari
// without the letters that NFC decomposes (U+0958–U+095F) or composes (न, र,
// ळ + nukta) and without a nukta after a virama. Anything else returns false
// and is checked the slow way.
func quickNFC(s string) bool {
	var prev rune
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			prev = rune(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x00A0 && r <= 0x00BF, r >= 0x2000 && r <= 0x206F, r == 0xFEFF:
		case r >= 0x0900 && r <= 0x097F:
			if r >= 0x0958 && r <= 0x095F {
				return false
			}
			if r == nukta && (prev == 'न' || prev == 'र' || prev == 'ळ' || prev == virama) {
				return false
			}
		default:
			return false
		}
		prev = r
		i += n
	}
	return true
}

// mayReorder reports whether one pass of normalization may not be final:
// when it removes a zero-width character, moves a nukta, or meets bytes that
// are not UTF-8 (which NFC passes over without composing what follows).
func mayReorder(s string) bool {
	return strings.ContainsRune(s, nukta) || strings.ContainsAny(s, "\u200B\u200C\u200D\u00AD\uFEFF\u2060") || !utf8.ValidString(s)
}
