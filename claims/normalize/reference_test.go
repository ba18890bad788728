package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file keeps a straightforward implementation of New and Split — one
// rune at a time, a dense offset map with one entry per byte, whole-line
// lowercasing — that the differential tests compare the fast code with.

// refText is the reference result: the normalized text and the dense offset
// map (off[i] is the original offset of Norm[i]; off[len(Norm)] ==
// len(Orig)); off is nil when nothing needed normalizing.
type refText struct {
	Orig, Norm string
	off        []int32
}

func refNew(orig string) *refText {
	t := &refText{Orig: orig}
	if !needsWork(orig) {
		t.Norm = orig
		return t
	}
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int32, 0, len(orig)+1)
	if refQuickNFC(orig) || norm.NFC.IsNormalString(orig) {
		off = refTransform(&b, off, orig, 0, true)
	} else {
		var it norm.Iter
		it.InitString(norm.NFC, orig)
		for !it.Done() {
			start := it.Pos()
			seg := it.Next()
			end := it.Pos()
			exact := string(seg) == orig[start:end]
			off = refTransform(&b, off, string(seg), start, exact)
		}
	}
	off = append(off, int32(len(orig)))
	t.Norm = b.String()
	t.off = off
	if mayReorder(orig) && !norm.NFC.IsNormalString(t.Norm) {
		t2 := refNew(t.Norm)
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

func refTransform(b *strings.Builder, off []int32, seg string, base int, exact bool) []int32 {
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
			if s := b.String(); len(s) >= 6 {
				last, n1 := utf8.DecodeLastRuneInString(s)
				prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-n1])
				if isVowelSign(last) && isConsonant(prev) {
					off = refMoveNukta(b, off, n1)
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

func refMoveNukta(b *strings.Builder, off []int32, n int) []int32 {
	s := b.String()
	tail := s[len(s)-n:]
	tailOff := append([]int32(nil), off[len(off)-n:]...)
	head := s[:len(s)-n]
	b.Reset()
	b.Grow(len(s) + 3)
	b.WriteString(head)
	b.WriteRune(nukta)
	b.WriteString(tail)
	off = off[:len(off)-n]
	off = append(off, tailOff[0], tailOff[0], tailOff[0])
	return append(off, tailOff...)
}

// refQuickNFC is the rune-at-a-time form of the quick NFC check.
func refQuickNFC(s string) bool {
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
		case r >= 0x00A0 && r <= 0x00BF, r >= 0x2002 && r <= 0x206F, r == 0xFEFF:
		case r >= 0x0900 && r <= 0x097F:
			if r >= 0x0958 && r <= 0x095F || r >= 0x0951 && r <= 0x0954 {
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

// Span and OrigOffset on the dense map, as Text had them.
func (t *refText) Span(ns, ne int) (int, int) {
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

func (t *refText) OrigOffset(n int) int {
	if t.off == nil {
		return n
	}
	if n > len(t.Norm) {
		n = len(t.Norm)
	}
	return int(t.off[n])
}

// refSplit is Split as it was first written: whole lines lowercased,
// rune-at-a-time scanning.
func (s *Segmenter) refSplit(text string) []Sentence {
	var out []Sentence
	line := 0
	first := true
	inList := false
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		ls, le := trimSpan(text, pos, end)
		if ls < le {
			l := text[ls:le]
			kind := s.refLineKind(l, first)
			first = false
			marks := l[:len(l)-len(strings.TrimLeft(l, "-–—•*#>|: "))]
			bullet := strings.ContainsAny(marks, "-*•–—") && strings.HasSuffix(marks, " ") ||
				regexp.MustCompile(`^[0-9]{1,2}[.)] `).MatchString(l)
			if kind != Furniture && s.refStartsWithAny(l, s.openers) {
				inList = true
			} else if inList && bullet {
				if kind == Heading {
					kind = Body
				}
			} else {
				inList = false
			}
			if kind == Body || kind == Title {
				out = s.refSplitLine(out, text, ls, le, line, kind)
			} else {
				out = append(out, Sentence{Start: ls, End: le, Line: line, Kind: kind})
			}
			line++
		}
		pos = end + 1
	}
	return out
}

// refStartsWithAny reports whether line, past its leading marks and
// lowercased, starts with one of phrases not followed by a letter or digit.
func (s *Segmenter) refStartsWithAny(line string, phrases []string) bool {
	low := strings.ToLower(strings.TrimLeft(line, "-–—•*#>|: "))
	for _, f := range phrases {
		if strings.HasPrefix(low, f) {
			rest := low[len(f):]
			if rest == "" || !isWordRune(firstRune(rest)) {
				return true
			}
		}
	}
	return false
}

func (s *Segmenter) refLineKind(line string, first bool) Kind {
	if s.refStartsWithAny(line, s.furniture) {
		return Furniture
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '।', '॥', '?', '!', '"', '\'', ')', ']', '…', ':', ';':
		return Body
	}
	if len(strings.Fields(line)) <= headingMaxWords {
		if first {
			return Title
		}
		return Heading
	}
	return Body
}

func (s *Segmenter) refSplitLine(out []Sentence, text string, ls, le, line int, kind Kind) []Sentence {
	start := ls
	quote := false
	for i := ls; i < le; {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		if r == '"' {
			quote = !quote
		}
		if isTerminator(r) && !s.refKeepsSentence(text, ls, i, le, r) {
			for next < le {
				r2, n2 := utf8.DecodeRuneInString(text[next:])
				if isTerminator(r2) || r2 == ')' || r2 == ']' || r2 == '\'' || (r2 == '"' && quote) {
					if r2 == '"' {
						quote = false
					}
					next += n2
					continue
				}
				break
			}
			if !quote {
				out = appendSentence(out, text, start, next, line, kind)
				start = next
			}
		}
		i = next
	}
	return appendSentence(out, text, start, le, line, kind)
}

func (s *Segmenter) refKeepsSentence(text string, ls, i, le int, r rune) bool {
	if r != '.' {
		return false
	}
	after := i + 1
	var nextR rune = -1
	if after < le {
		nextR, _ = utf8.DecodeRuneInString(text[after:])
	}
	if nextR != -1 && (unicode.IsLetter(nextR) || unicode.IsDigit(nextR)) {
		prev, _ := utf8.DecodeLastRuneInString(text[ls:i])
		if unicode.IsDigit(prev) || unicode.IsLetter(prev) {
			if prev < 0x900 && nextR < 0x900 {
				return true
			}
		}
	}
	ws := i
	for ws > ls {
		pr, n := utf8.DecodeLastRuneInString(text[ls:ws])
		if !isWordRune(pr) && pr != '.' {
			break
		}
		ws -= n
	}
	word := text[ws:i]
	if word == "" {
		return false
	}
	if s.abbrev[strings.ToLower(word)] {
		return nextR != -1 && after < le && isSpaceFollowedByWord(text[after:le])
	}
	if r0, n := utf8.DecodeRuneInString(word); n == len(word) && r0 >= 'A' && r0 <= 'Z' {
		return true
	}
	if strings.Contains(word, ".") {
		return true
	}
	return false
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
