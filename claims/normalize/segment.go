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
	abbrev    map[string]bool
	furniture []string
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
// "abbreviations" and "furniture" sections of user lexicon files.
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
	s := &Segmenter{abbrev: make(map[string]bool, len(abbr))}
	for _, a := range abbr {
		s.abbrev[strings.ToLower(String(a.Value))] = true
	}
	for _, f := range furn {
		s.furniture = append(s.furniture, strings.ToLower(String(f.Value)))
	}
	return s, nil
}

// Split returns the sentences of normalized text in order.
func (s *Segmenter) Split(text string) []Sentence {
	var out []Sentence
	line := 0
	first := true
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
			if kind == Body || kind == Title {
				out = s.splitLine(out, text, ls, le, line, kind)
			} else {
				out = append(out, Sentence{Start: ls, End: le, Line: line, Kind: kind})
			}
			line++
		}
		pos = end + 1
	}
	return out
}

// headingMaxWords is the longest line without closing punctuation that still
// reads as a heading or teaser rather than a paragraph.
const headingMaxWords = 25

func (s *Segmenter) lineKind(line string, first bool) Kind {
	low := strings.ToLower(strings.TrimLeft(line, "-–—•*#>|: "))
	for _, f := range s.furniture {
		if strings.HasPrefix(low, f) {
			rest := low[len(f):]
			if rest == "" || !isWordRune(firstRune(rest)) {
				return Furniture
			}
		}
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

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// splitLine appends the sentences of one body line.
func (s *Segmenter) splitLine(out []Sentence, text string, ls, le, line int, kind Kind) []Sentence {
	start := ls
	quote := false // inside "…": terminators do not end the sentence before the closing quote
	for i := ls; i < le; {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		if r == '"' {
			quote = !quote
		}
		if isTerminator(r) && !s.keepsSentence(text, ls, i, le, r) {
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
	if s.abbrev[strings.ToLower(word)] {
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

func isSpaceFollowedByWord(s string) bool {
	t := strings.TrimLeft(s, " ")
	if len(t) == len(s) || t == "" {
		return false
	}
	return isWordRune(firstRune(t))
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\t' || s[b-1] == '\r' || s[b-1] == '\n') {
		b--
	}
	return a, b
}
