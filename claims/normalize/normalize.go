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
	// runs is the offset map from Norm to Orig (see offRun), sorted by
	// position in Norm, the first run at 0. Nil for plain ASCII text without
	// control characters, which stays as it is and maps offsets to
	// themselves.
	runs []offRun
	// inline holds the first few runs, so that text with few changes needs
	// no allocation for its map.
	inline [4]offRun
}

// offRun is one piece of the offset map: it covers the bytes of Norm from n
// up to the next run's n (or the end of Norm). Every byte of Norm maps to the
// offset in Orig of the character that produced it; Norm's end maps to
// Orig's end.
//
// In a copied run, the characters of Norm are the characters of Orig from o
// on, unchanged, so a byte maps to o plus the distance of its character from
// n. In any other run every byte maps to o.
type offRun struct {
	n, o   int32
	copied bool
}

// New normalizes orig and builds the offset map.
func New(orig string) *Text {
	t := &Text{Orig: orig}
	w := writer{runs: t.inline[:0], size: len(orig)}
	ok, normQuick := w.exact(orig)
	switch {
	case !ok:
		t.Norm, t.runs = general(orig)
	case w.unchanged && !w.nonASCII:
		// Plain ASCII: the identity map.
		t.Norm = orig
		return t
	case w.unchanged:
		t.Norm, t.runs = orig, append(w.runs, offRun{copied: true})
	default:
		t.Norm, t.runs = w.b.String(), w.runs
	}
	// Removing a zero-width character or moving a nukta can bring combining
	// marks together out of canonical order; normalize once more and compose
	// the maps. Text that passes the quick NFC check needs no second look.
	if !normQuick && mayReorder(orig) && !norm.NFC.IsNormalString(t.Norm) {
		t2 := New(t.Norm)
		if t2.runs != nil {
			outer := t.dense()
			comp := t2.dense()
			for i, o := range comp {
				comp[i] = outer[o]
			}
			t.Norm, t.runs = t2.Norm, runsFromDense(t2.Norm, comp)
		}
	}
	return t
}

// String returns the normalized form of s.
func String(s string) string {
	return New(s).Norm
}

const (
	nukta   = '\u093C'
	virama  = '\u094D'
	zwnj    = '\u200C'
	zwj     = '\u200D'
	devZero = '\u0966'
	devNine = '\u096F'
)

// normRune returns what the character r becomes in normalized text: r
// itself, an ASCII replacement, or -1 when it is removed. The nukta, which
// depends on its neighbours, is the caller's business.
func normRune(r rune) rune {
	switch {
	case r >= devZero && r <= devNine:
		return '0' + r - devZero
	case r == zwj || r == zwnj || r == '\u200B' || r == '\u00AD' || r == '\uFEFF' || r == '\u2060':
		return -1
	case r == '\u2018' || r == '\u2019' || r == '\u201A' || r == '\u201B' || r == '\u2032':
		return '\''
	case r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u201F' || r == '\u00AB' || r == '\u00BB' || r == '\u2033':
		return '"'
	case r == '\u00A0' || (r >= '\u2000' && r <= '\u200A') || r == '\u202F' || r == '\u205F' || r == '\u3000':
		return ' '
	case r < 0x20 && r != '\n' && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r < 0xa0:
		return ' '
	}
	return r
}

// Classes of the characters of the Devanagari block U+0900–U+097F for the
// fast path.
const (
	devPlain    = iota // copied unchanged
	devDigit           // becomes an ASCII digit
	devNukta           // may compose with or move before the character before it
	devNotQuick        // NFC may change or reorder it
	devInvalid         // the bytes are not a character: decode the slow way
)

// devClass is the class of the three bytes 0xE0 b1 b2 (b1 is 0xA4 or 0xA5),
// indexed by (b1&1)<<8 | b2.
var devClass = func() (c [512]uint8) {
	for i := range c {
		b1, b2 := byte(0xA4|i>>8), byte(i)
		if b2 < 0x80 || b2 > 0xBF {
			c[i] = devInvalid
			continue
		}
		r, _ := utf8.DecodeRune([]byte{0xE0, b1, b2})
		switch {
		case r >= devZero && r <= devNine:
			c[i] = devDigit
		case r == nukta:
			c[i] = devNukta
		case r >= 0x0958 && r <= 0x095F, r >= 0x0951 && r <= 0x0954:
			// Composition-excluded nukta letters decompose; the stress
			// signs are combining marks that canonical ordering may move.
			c[i] = devNotQuick
		}
	}
	return c
}()

// asciiPlain says which ASCII bytes normalization keeps: all but the control
// characters other than tab, newline and carriage return.
var asciiPlain = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != 0x7f || c == '\n' || c == '\t' || c == '\r'
	}
	return t
}()

func isVowelSign(r rune) bool { return r >= '\u093E' && r <= '\u094C' }

func isConsonant(r rune) bool {
	return (r >= '\u0915' && r <= '\u0939') || (r >= '\u0958' && r <= '\u095F')
}

// composesWithNukta reports whether NFC joins a following nukta to r (न, र,
// ळ) or must reorder it (after a virama): text with such a pair is not
// certainly NFC.
func composesWithNukta(r rune) bool {
	return r == 'न' || r == 'र' || r == 'ळ' || r == virama
}

// quickRune reports whether a character outside ASCII and Devanagari is one
// that NFC never changes, reorders or composes with what follows: Latin-1
// punctuation and spaces, general punctuation (curly quotes, dashes,
// zero-width characters) except the two quads that NFC replaces, and the
// byte order mark.
func quickRune(r rune) bool {
	return r >= 0x00A0 && r <= 0x00BF || r >= 0x2002 && r <= 0x206F || r == 0xFEFF
}

// writer builds a normalized text and its offset map.
type writer struct {
	b    strings.Builder
	runs []offRun
	// size is the length of the original, which the normalized text
	// hardly ever exceeds; the buffer is allocated at the first write.
	size int
	// unchanged says that exact wrote nothing because the text stays as
	// it is; nonASCII that it has characters beyond ASCII.
	unchanged, nonASCII bool
}

// mark records that the bytes written next come from orig offset o, copied
// unchanged (copied) or all produced by the character at o. A run that
// already predicts the new bytes is continued.
func (w *writer) mark(o int, copied bool) {
	if w.b.Cap() == 0 {
		w.b.Grow(w.size)
	}
	n := w.b.Len()
	if k := len(w.runs); k > 0 {
		last := w.runs[k-1]
		if last.copied == copied {
			if copied && int(last.o)-int(last.n) == o-n || !copied && int(last.o) == o {
				return
			}
		}
	}
	w.runs = append(w.runs, offRun{n: int32(n), o: int32(o), copied: copied})
}

// copyOrig appends s, which stands unchanged at offset o of the original.
func (w *writer) copyOrig(s string, o int) {
	if s == "" {
		return
	}
	w.mark(o, true)
	w.b.WriteString(s)
}

// writeRune appends r, produced by the character at offset o of the
// original. All bytes of one character map to the same offset, as in a
// copied run.
func (w *writer) writeRune(r rune, o int) {
	w.mark(o, true)
	if r < utf8.RuneSelf {
		w.b.WriteByte(byte(r))
	} else {
		w.b.WriteRune(r)
	}
}

// lastRune returns the last character written, or -1.
func (w *writer) lastRune() rune {
	s := w.b.String()
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// exact normalizes s character by character, copying runs of unchanged
// bytes with one append. It gives up (ok false) when s is not in NFC: the
// caller then takes the general path. quick reports that the result passes
// the quick NFC check, so it needs no second look. When nothing changes it
// writes nothing and sets w.unchanged.
//
// Devanagari (three bytes 0xE0 0xA4/0xA5 xx) and ASCII are classified by
// table; other characters are decoded and checked one by one.
func (w *writer) exact(s string) (ok, quick bool) {
	// origQuick says that s[:i] passes the quick NFC check, outQuick that
	// everything written does. When s fails the check, the slow check
	// decides whether to go on.
	origQuick, outQuick := true, true
	from := 0 // start of the pending run of unchanged bytes, not yet written
	nonASCII := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiPlain[c] {
				i++
				continue
			}
			w.copyOrig(s[from:i], from)
			w.writeRune(' ', i)
			i++
			from = i
			continue
		}
		nonASCII = true
		if i+2 < len(s) {
			// Three bytes 0xE0 0xA4 xx or 0xE0 0xA5 xx: a Devanagari character.
			if v := uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]); v>>9 == 0xE0A4>>1 {
				k := devClass[v&0x1FF]
				if k == devPlain {
					i += 3
					continue
				}
				switch k {
				case devDigit:
					w.copyOrig(s[from:i], from)
					w.writeRune(rune('0'+s[i+2]-0xA6), i)
					i += 3
					from = i
					continue
				case devNukta:
					if origQuick && i >= 3 && composesWithNuktaBytes(s[i-3:i]) {
						if origQuick, outQuick = false, false; !norm.NFC.IsNormalString(s) {
							return false, false
						}
					}
					if onto := w.moveNukta(s, from, i); onto >= 0 {
						outQuick = outQuick && !composesWithNukta(onto)
						i += 3
						from = i
						continue
					}
					w.copyOrig(s[from:i], from)
					from = i
					if outQuick && composesWithNukta(w.lastRune()) {
						outQuick = false
					}
					i += 3
					continue
				case devNotQuick:
					if origQuick {
						if origQuick, outQuick = false, false; !norm.NFC.IsNormalString(s) {
							return false, false
						}
					}
					i += 3
					continue
				}
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		invalid := r == utf8.RuneError && n == 1
		if origQuick && (invalid || !quickRune(r)) {
			if origQuick, outQuick = false, false; !norm.NFC.IsNormalString(s) {
				return false, false
			}
		}
		m := normRune(r)
		if m == r && !invalid {
			i += n
			continue
		}
		if m < 0 {
			// A run of removed characters: a nukta behind it may yet move.
			// The run is dropped as a whole (each of its characters passes
			// quickRune), so a long run costs one scan, not one per
			// character.
			j, stop := nuktaAfter(s, i)
			if j > 0 {
				if onto := w.moveNukta(s, from, i); onto >= 0 {
					outQuick = outQuick && !composesWithNukta(onto)
					i = j
					from = i
					continue
				}
			}
			w.copyOrig(s[from:i], from)
			i, from = stop, stop
			continue
		}
		w.copyOrig(s[from:i], from)
		if m >= 0 {
			w.writeRune(m, i) // an invalid byte becomes U+FFFD
		}
		i += n
		from = i
	}
	w.nonASCII = nonASCII
	if from == 0 && w.b.Cap() == 0 {
		w.unchanged = true
	} else {
		w.copyOrig(s[from:], from)
	}
	return true, origQuick && outQuick
}

// moveNukta handles a nukta typed after a vowel sign that follows a
// consonant, which belongs before the vowel sign: "डे़" → "ड़े". The
// characters of s from `from` up to at are pending, not yet written; if
// they end with a vowel sign that follows a consonant, moveNukta writes them
// with a nukta before the vowel sign, both mapped to the vowel sign, and
// returns the consonant; otherwise it returns -1. The caller then skips
// the nukta at `at` (and any removed characters before it).
func (w *writer) moveNukta(s string, from, at int) rune {
	v := at - 3
	if v < from || !isVowelSign(lastRuneBytes(s[v:at])) {
		return -1
	}
	prev, _ := utf8.DecodeLastRuneInString(s[from:v])
	if v == from {
		prev = w.lastRune()
	}
	if !isConsonant(prev) {
		return -1
	}
	w.copyOrig(s[from:v], from)
	w.mark(v, false)
	w.b.WriteString("\u093C")
	w.b.WriteString(s[v:at])
	return prev
}

// lastRuneBytes decodes the three bytes p, or returns -1.
func lastRuneBytes(p string) rune {
	r, n := utf8.DecodeRuneInString(p)
	if n != len(p) {
		return -1
	}
	return r
}

// composesWithNuktaBytes reports whether the three bytes p encode a
// character for which composesWithNukta holds.
func composesWithNuktaBytes(p string) bool {
	return p == "न" || p == "र" || p == "ळ" || p == "\u094D"
}

// nuktaAfter reads the run of characters that normalization removes from
// s[i:]. It returns the offset just past a nukta that follows the run, or
// -1, and where the run ends (at the nukta, at another character, or at the
// end of s).
func nuktaAfter(s string, i int) (past, stop int) {
	for i < len(s) {
		if strings.HasPrefix(s[i:], "\u093C") {
			return i + 3, i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if normRune(r) >= 0 || r == utf8.RuneError && n == 1 {
			return -1, i
		}
		i += n
	}
	return -1, i
}

// general normalizes text that is not in NFC: segment by segment as NFC
// composes it, each segment then character by character. A segment that NFC
// changed maps as a whole to its start in orig.
func general(orig string) (string, []offRun) {
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int32, 0, len(orig)+1)
	var it norm.Iter
	it.InitString(norm.NFC, orig)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		exact := string(seg) == orig[start:end]
		off = transform(&b, off, string(seg), start, exact)
	}
	off = append(off, int32(len(orig)))
	s := b.String()
	return s, runsFromDense(s, off)
}

// transform appends the character-level normalization of seg to b and the
// offsets of each appended byte to off. seg came from orig starting at base;
// exact says that seg's bytes are orig's bytes, so offsets can be per rune.
func transform(b *strings.Builder, off []int32, seg string, base int, exact bool) []int32 {
	for i, r := range seg {
		o := int32(base)
		if exact {
			o = int32(base + i)
		}
		if r == nukta {
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
		} else if r = normRune(r); r < 0 {
			continue
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

// runsFromDense compresses a map with one entry per byte of s (and one for
// its end, which is dropped) into runs that give back exactly the same
// offsets.
func runsFromDense(s string, dense []int32) []offRun {
	runs := []offRun{}
	for i := 0; i < len(s); i++ {
		if k := len(runs); k > 0 && runs[k-1].at(s, i) == int(dense[i]) {
			continue
		}
		// A new run: copied if the next character continues it that way.
		r := offRun{n: int32(i), o: dense[i]}
		j := i + 1
		for j < len(s) && !utf8.RuneStart(s[j]) {
			j++
		}
		if j < len(s) {
			r.copied = int(dense[j]) == int(r.o)+j-i
		}
		runs = append(runs, r)
	}
	return runs
}

// at returns the original offset of byte i of s, which lies in run r.
func (r offRun) at(s string, i int) int {
	if !r.copied {
		return int(r.o)
	}
	j := i
	for j > int(r.n) && !utf8.RuneStart(s[j]) {
		j--
	}
	return int(r.o) + j - int(r.n)
}

// runIndex returns the index of the run holding byte i of Norm.
func (t *Text) runIndex(i int) int {
	lo, hi := 0, len(t.runs) // the answer is in [lo, hi)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if int(t.runs[m].n) <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// origAt maps byte offset i (0 ≤ i ≤ len(Norm)) of Norm to Orig.
func (t *Text) origAt(i int) int {
	if i == len(t.Norm) {
		return len(t.Orig)
	}
	if i < 0 || i > len(t.Norm) {
		panic("normalize: offset out of range")
	}
	return t.runs[t.runIndex(i)].at(t.Norm, i)
}

// runEnd returns where run k ends in Norm.
func (t *Text) runEnd(k int) int {
	if k+1 < len(t.runs) {
		return int(t.runs[k+1].n)
	}
	return len(t.Norm)
}

// dense returns the map with one entry per byte of Norm plus one for its
// end.
func (t *Text) dense() []int32 {
	d := make([]int32, len(t.Norm)+1)
	for i := range len(t.Norm) + 1 {
		if t.runs == nil {
			d[i] = int32(i)
		} else {
			d[i] = int32(t.origAt(i))
		}
	}
	return d
}

// Span maps a half-open byte span [ns, ne) of Norm to the span of Orig that
// produced it. The result always lies on character boundaries of Orig.
func (t *Text) Span(ns, ne int) (int, int) {
	if t.runs == nil {
		return ns, ne
	}
	if ns < 0 {
		ns = 0
	}
	if ne > len(t.Norm) {
		ne = len(t.Norm)
	}
	if ne <= ns {
		o := t.origAt(ns)
		return o, o
	}
	os := t.origAt(ns)
	last := t.origAt(ne - 1)
	// The span ends where the first byte from ne on that maps elsewhere
	// begins: the character that produced Norm[ne-1] may have produced more.
	for j := ne; j < len(t.Norm); {
		k := t.runIndex(j)
		r, end := t.runs[k], t.runEnd(k)
		if !r.copied {
			if int(r.o) != last {
				return os, int(r.o)
			}
			j = end
			continue
		}
		if o := r.at(t.Norm, j); o != last {
			return os, o
		}
		for j++; j < end && !utf8.RuneStart(t.Norm[j]); j++ {
		}
	}
	return os, len(t.Orig)
}

// OrigOffset maps one byte offset of Norm to Orig.
func (t *Text) OrigOffset(n int) int {
	if t.runs == nil {
		return n
	}
	if n > len(t.Norm) {
		n = len(t.Norm)
	}
	return t.origAt(n)
}

// mayReorder reports whether one pass of normalization may not be final:
// when it removes a zero-width character, moves a nukta, or meets bytes that
// are not UTF-8 (which NFC passes over without composing what follows).
func mayReorder(s string) bool {
	return strings.ContainsRune(s, nukta) || strings.ContainsAny(s, "\u200B\u200C\u200D\u00AD\uFEFF\u2060") || !utf8.ValidString(s)
}
