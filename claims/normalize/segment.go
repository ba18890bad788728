package normalize

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/lexicon"
)

//go:embed data/segment.yaml
var segmentData []byte

// Kind says what role a sentence's line plays on the page.
type Kind uint8

// Sentence kinds. Only Body and Title sentences carry claims.
const (
	Body      Kind = iota // running text of the report
	Title                 // the first line of the article
	Heading               // a short line without closing punctuation: a subheading or related-article teaser
	Furniture             // share buttons, comment prompts, "read more" lines
)

// String names the kind.
func (k Kind) String() string {
	return [...]string{"body", "title", "heading", "furniture"}[k]
}

// Sentence is a span of normalized text.
type Sentence struct {
	Start, End int // byte offsets in the normalized text, trimmed of spaces
	Line       int // index of the line (paragraph) it stands on, counting from 0
	Kind       Kind
}

// Segmenter splits normalized text into sentences and marks furniture.
type Segmenter struct {
	abbrev map[string]bool
	// abbrevMax is the length in bytes of the longest abbreviation;
	// abbrevLens[b] has bit n set when an abbreviation of n bytes (n < 64)
	// starts with byte b, so most words need no map lookup.
	abbrevMax  int
	abbrevLens [256]uint64
	// furniture holds the lowercased furniture phrases, also grouped for
	// lookup in furnitureSet.
	furniture    []string
	furnitureSet linePhrases
	// listOpeners head a list of the article's main points ("मुख्य बातें:",
	// "Key points:"): the bulleted lines after one are body text, not
	// headings.
	listOpeners linePhrases
	openers     []string // the same, lowercased, as listed
}

// linePhrases is a set of lowercased phrases that a line may start with,
// grouped by their first character; empty says one of them is "".
type linePhrases struct {
	byFirst map[rune][]string
	empty   bool
}

func (p *linePhrases) add(low string) {
	if low == "" {
		p.empty = true
		return
	}
	if p.byFirst == nil {
		p.byFirst = make(map[rune][]string)
	}
	r := firstRune(low)
	p.byFirst[r] = append(p.byFirst[r], low)
}

// startLine reports whether line, compared case-insensitively, starts with
// one of the phrases, not followed directly by a letter or digit.
func (p *linePhrases) startLine(line string) bool {
	if p.empty {
		if _, next := lowerPrefix(line, ""); next < 0 || !isWordRune(next) {
			return true
		}
	}
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	for _, f := range p.byFirst[unicode.ToLower(r)] {
		if ok, next := lowerPrefix(line, f); ok && (next < 0 || !isWordRune(next)) {
			return true
		}
	}
	return false
}

var (
	defaultSeg     *Segmenter
	defaultSegOnce sync.Once
)

// DefaultSegmenter returns the segmenter built from the embedded data.
func DefaultSegmenter() *Segmenter {
	defaultSegOnce.Do(func() {
		s, err := NewSegmenter()
		if err != nil {
			panic("normalize: embedded segment data: " + err.Error())
		}
		defaultSeg = s
	})
	return defaultSeg
}

// NewSegmenter builds a segmenter from the embedded data plus the
// "abbreviations", "furniture" and "list_openers" sections of user lexicon
// files.
func NewSegmenter(user ...lexicon.File) (*Segmenter, error) {
	files := append([]lexicon.File{{Name: "normalize/data/segment.yaml", Data: segmentData}}, user...)
	abbr, err := lexicon.Section[string](files, "abbreviations")
	if err != nil {
		return nil, err
	}
	furn, err := lexicon.Section[string](files, "furniture")
	if err != nil {
		return nil, err
	}
	openers, err := lexicon.Section[string](files, "list_openers")
	if err != nil {
		return nil, err
	}
	s := &Segmenter{abbrev: make(map[string]bool, len(abbr))}
	for _, o := range openers {
		low := strings.ToLower(String(o.Value))
		s.listOpeners.add(low)
		s.openers = append(s.openers, low)
	}
	for _, a := range abbr {
		w := strings.ToLower(String(a.Value))
		s.abbrev[w] = true
		s.abbrevMax = max(s.abbrevMax, len(w))
		if w != "" {
			s.abbrevLens[w[0]] |= lenBit(len(w))
		}
	}
	for _, f := range furn {
		low := strings.ToLower(String(f.Value))
		s.furniture = append(s.furniture, low)
		s.furnitureSet.add(low)
	}
	return s, nil
}

// Split returns the sentences of normalized text in order.
func (s *Segmenter) Split(text string) []Sentence {
	// News sentences run to a hundred bytes and more.
	out := make([]Sentence, 0, len(text)/128+4)
	line := 0
	first := true
	inList := false // after a list opener, while lines are bulleted
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		ls, le := trimSpan(text, pos, end)
		if ls < le {
			kind := s.lineKind(text[ls:le], first)
			first = false
			switch bullet := isBulleted(text[ls:le]); {
			case kind != Furniture && s.listOpeners.startLine(trimLeadingMarks(text[ls:le])):
				inList = true
			case inList && bullet:
				if kind == Heading {
					kind = Body // a main point, written without a full stop
				}
			default:
				inList = false
			}
			if kind == Body || kind == Title {
				out = s.splitLine(out, text, ls, le, line, kind)
			} else {
				out = append(out, Sentence{Start: ls, End: le, Line: line, Kind: kind})
			}
			line++
		}
		pos = end + 1
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// headingMaxWords is the longest line without closing punctuation that still
// reads as a heading or teaser rather than a paragraph.
const headingMaxWords = 25

func (s *Segmenter) lineKind(line string, first bool) Kind {
	if s.isFurniture(trimLeadingMarks(line)) {
		return Furniture
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '।', '॥', '?', '!', '"', '\'', ')', ']', '…', ':', ';':
		return Body
	}
	if countFields(line, headingMaxWords+1) <= headingMaxWords {
		if first {
			return Title
		}
		return Heading
	}
	return Body
}

// isBulleted reports whether a line starts with a list mark: a dash, bullet
// or asterisk and a space, or a number and "." or ")" and a space.
func isBulleted(line string) bool {
	rest := trimLeadingMarks(line)
	if len(rest) < len(line) {
		marks := line[:len(line)-len(rest)]
		return strings.ContainsAny(marks, "-*•–—") && strings.HasSuffix(marks, " ")
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < 3 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// trimLeadingMarks removes the dashes, bullets and other marks that may
// stand before a furniture phrase: any of "-–—•*#>|: ".
func trimLeadingMarks(line string) string {
	for line != "" {
		switch c := line[0]; {
		case c == '-' || c == '*' || c == '#' || c == '>' || c == '|' || c == ':' || c == ' ':
			line = line[1:]
		case c == 0xE2 && (strings.HasPrefix(line, "–") || strings.HasPrefix(line, "—") || strings.HasPrefix(line, "•")):
			line = line[3:]
		default:
			return line
		}
	}
	return line
}

// isFurniture reports whether line, compared case-insensitively, starts
// with a furniture phrase that is not followed directly by a letter or
// digit.
func (s *Segmenter) isFurniture(line string) bool {
	return s.furnitureSet.startLine(line)
}

// lowerPrefix reports whether strings.ToLower(s) starts with f, without
// lowering more of s than it must, and returns the character of the lowered
// text that follows f, or -1 at its end.
func lowerPrefix(s, f string) (bool, rune) {
	i, j := 0, 0 // in s, in f
	for j < len(f) {
		if i >= len(s) {
			return false, 0
		}
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if f[j] != c {
				return false, 0
			}
			i++
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:]) // an invalid byte lowers to U+FFFD
		var buf [utf8.UTFMax]byte
		low := buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))]
		if len(f)-j < len(low) {
			// f ends inside this character.
			if f[j:] != string(low[:len(f)-j]) {
				return false, 0
			}
			return true, utf8.RuneError
		}
		if f[j:j+len(low)] != string(low) {
			return false, 0
		}
		i += n
		j += len(low)
	}
	if i >= len(s) {
		return true, -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return true, unicode.ToLower(r)
}

// countFields counts the words of s as strings.Fields splits them, stopping
// at limit.
func countFields(s string, limit int) int {
	n := 0
	inField := false
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		space := false
		switch {
		case c < utf8.RuneSelf:
			space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
			i++
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			// The lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and
			// U+3000, the spaces beyond ASCII.
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		default:
			// Any other byte starts, continues or breaks a character that
			// is not a space.
			i++
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// splitLine appends the sentences of one body line.
func (s *Segmenter) splitLine(out []Sentence, text string, ls, le, line int, kind Kind) []Sentence {
	start := ls
	quote := false // inside "…": terminators do not end the sentence before the closing quote
	for i := ls; i < le; {
		// Only quotes, stops and the danda matter. The ASCII bytes never
		// occur inside another character's bytes; the danda is found by its
		// middle byte and checked to stand on its lead byte 0xE0, which
		// never occurs inside another character either.
		for i < le && !sentenceByte[text[i]] {
			i++
		}
		if i == le {
			break
		}
		var r rune
		n := 1
		switch c := text[i]; {
		case c == '"':
			quote = !quote
			i++
			continue
		case c == '.' || c == '?' || c == '!':
			r = rune(c)
		case c == 0xA5 && i > ls && text[i-1] == 0xE0 && i+1 < le && (text[i+1] == 0xA4 || text[i+1] == 0xA5):
			// The middle byte of '।' (E0 A5 A4) or '॥' (E0 A5 A5), which
			// is rarer than the first.
			r, n = '।', 3
			if text[i+1] == 0xA5 {
				r = '॥'
			}
			i--
		default:
			i++
			continue
		}
		next := i + n
		if !s.keepsSentence(text, ls, i, le, r) {
			// Take following terminators and closing quotes/brackets with us.
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

// sentenceByte marks the bytes that splitLine looks at: quotes, stops and
// the middle byte of '।' and '॥'.
var sentenceByte = [256]bool{'"': true, '.': true, '?': true, '!': true, 0xA5: true}

// MaxSentence is the longest sentence, in bytes, that the segmenter emits:
// text without sentence ends (a scraped page flattened into one line) is cut
// at the last comma or space before the limit, so that work per sentence
// stays bounded.
const MaxSentence = 2000

// appendSentence appends text[start:end] trimmed, cut into pieces of at most
// MaxSentence bytes.
func appendSentence(out []Sentence, text string, start, end, line int, kind Kind) []Sentence {
	a, b := trimSpan(text, start, end)
	for b-a > MaxSentence {
		cut := a + MaxSentence
		for cut > a && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if cut == a {
			cut = a + MaxSentence // not UTF-8: cut anywhere, but make progress
		}
		if i := strings.LastIndex(text[a:cut], ", "); i > MaxSentence/2 {
			cut = a + i + 1
		} else if i := strings.LastIndexByte(text[a:cut], ' '); i > 0 {
			cut = a + i
		}
		if x, y := trimSpan(text, a, cut); x < y {
			out = append(out, Sentence{Start: x, End: y, Line: line, Kind: kind})
		}
		a, b = trimSpan(text, cut, b)
	}
	if a < b {
		out = append(out, Sentence{Start: a, End: b, Line: line, Kind: kind})
	}
	return out
}

func isTerminator(r rune) bool {
	return r == '.' || r == '।' || r == '॥' || r == '?' || r == '!'
}

// keepsSentence reports whether the terminator r at i does not end a sentence:
// a decimal point, an abbreviation, an initial, or a stop glued to a word.
func (s *Segmenter) keepsSentence(text string, ls, i, le int, r rune) bool {
	if r != '.' {
		return false
	}
	after := i + 1
	var nextR rune = -1
	if after < le {
		nextR, _ = utf8.DecodeRuneInString(text[after:])
	}
	// "2.5", "U.S.", "a.m.", "example.com": a stop followed directly by a letter or digit.
	if nextR != -1 && (unicode.IsLetter(nextR) || unicode.IsDigit(nextR)) {
		prev, _ := utf8.DecodeLastRuneInString(text[ls:i])
		if unicode.IsDigit(prev) || unicode.IsLetter(prev) {
			// Hindi text often glues the next sentence to a full stop; only Latin
			// and digits keep it.
			if prev < 0x900 && nextR < 0x900 {
				return true
			}
		}
	}
	// The word before the stop.
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
	if s.isAbbrev(word) {
		// A Devanagari initial only holds when a name follows on the line.
		return nextR != -1 && after < le && isSpaceFollowedByWord(text[after:le])
	}
	// A single Latin capital is an initial: "J. K. Rowling", "U.S.".
	if r0, n := utf8.DecodeRuneInString(word); n == len(word) && r0 >= 'A' && r0 <= 'Z' {
		return true
	}
	if strings.Contains(word, ".") {
		return true // "U.S." seen as "U.S" + "."
	}
	return false
}

// isAbbrev reports whether word, lowercased, is an abbreviation.
func (s *Segmenter) isAbbrev(word string) bool {
	var buf [64]byte
	low := buf[:0]
	for i := 0; i < len(word); {
		if c := word[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low = append(low, c)
			i++
		} else {
			r, n := utf8.DecodeRuneInString(word[i:])
			if r < 0x900 || r >= 0x980 { // Devanagari has no case
				r = unicode.ToLower(r)
			}
			low = utf8.AppendRune(low, r)
			i += n
		}
		if len(low) > s.abbrevMax {
			return false
		}
	}
	if len(low) > 0 && s.abbrevLens[low[0]]&lenBit(len(low)) == 0 {
		return false
	}
	return s.abbrev[string(low)]
}

// lenBit is the bit for length n in Segmenter.abbrevLens: bit n, or every
// bit from 63 on, which then says "maybe".
func lenBit(n int) uint64 {
	return 1 << min(n, 63)
}

func isSpaceFollowedByWord(s string) bool {
	t := strings.TrimLeft(s, " ")
	if len(t) == len(s) || t == "" {
		return false
	}
	return isWordRune(firstRune(t))
}

// isWordRune reports whether r is a letter, digit or combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	if r >= 0x900 && r < 0x980 {
		return devWordRune[r-0x900]
	}
	return isWordRuneUnicode(r)
}

func isWordRuneUnicode(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// devWordRune caches isWordRune for the Devanagari block.
var devWordRune = func() (t [128]bool) {
	for i := range t {
		t[i] = isWordRuneUnicode(rune(0x900 + i))
	}
	return t
}()

func trimSpan(s string, a, b int) (int, int) {
	for a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\t' || s[b-1] == '\r' || s[b-1] == '\n') {
		b--
	}
	return a, b
}
