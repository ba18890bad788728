// Package scan finds value-bearing phrases in normalized Hindi and English
// news text: numbers (digits, Indian and Western grouping, Hindi and English
// number words, fractions such as डेढ़, ढाई, सवा, साढ़े, पौने), ranges,
// approximations and bounds, quantities with units (durations, speeds,
// distances, percentages, money, counts of things, ages), ordinals, years,
// dates, weekdays and relative days ("4 साल पहले", "पिछले साल", "कल").
//
// All words live in YAML lexicons embedded beside the package (data/*.yaml);
// users add their own sections with New. The scanner tokenizes text without
// allocating per token and looks words up in maps built once, so it reads tens
// of megabytes a second.
//
// It is not for deciding what a value is about (which meeting lasted four
// hours): the frame stage does that with the mentions this package returns.
// It does not normalize text either; pass it normalize.String(text).
package scan

import (
	"sync"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/value"
)

// Mention is one value found in normalized text; Start/End are byte offsets
// in that text.
type Mention struct {
	Start, End int
	// Type is number, ordinal, duration, speed, distance, count, age, money,
	// percent, year, date, weekday or relative.
	Type value.Type
	// Value is a Quantity for quantity types and number (unit "" for number
	// and count), a Time for year, date, weekday and relative, an Ordinal for
	// ordinals.
	Value value.Value
	// Display is the value for people: "4–5 h (approx.)", "≤ 59 km/h".
	Display string
	// Noun is, for counts, the counted noun as written ("लोगों",
	// "vehicles"); empty otherwise.
	Noun string
}

// Scanner finds mentions. It is built once and safe for concurrent use.
type Scanner struct {
	lex         *lex
	ordSuffixes []string   // Devanagari ordinal endings, longest first
	tensWords   []tensWord // English tens, for fused ordinals ("twentyfifth")
	pool        sync.Pool
}

// New returns a scanner with the embedded lexicons extended by the sections
// of the user's lexicon files (number_words, multipliers, units, qualifiers,
// months, weekdays, relative_words, document_numbers, …; see data/*.yaml).
func New(user ...lexicon.File) (*Scanner, error) {
	files, err := embedded()
	if err != nil {
		return nil, err
	}
	files = append(files, user...)
	l, err := build(files)
	if err != nil {
		return nil, err
	}
	s := &Scanner{lex: l}
	for _, e := range l.index {
		for _, p := range e.ps {
			if p.kind == pOrdSuffix && len(p.keys) == 1 && p.keys[0][0] >= 0x80 {
				s.ordSuffixes = append(s.ordSuffixes, p.keys[0])
			}
		}
	}
	sortByLenDesc(s.ordSuffixes)
	for key, e := range l.index {
		for _, p := range e.ps {
			if len(p.keys) != 1 || key[0] >= 0x80 {
				continue
			}
			if p.kind == pNumber && p.val >= 20 && p.val < 100 && int(p.val)%10 == 0 {
				s.tensWords = append(s.tensWords, tensWord{key, int(p.val)})
			}
		}
	}
	s.pool.New = func() any { return &state{toks: make([]token, 0, 256), ents: make([]*entry, 0, 256)} }
	return s, nil
}

var (
	defaultOnce    sync.Once
	defaultScanner *Scanner
)

// Default returns the scanner built from the embedded lexicons only. It
// panics only when the embedded data is broken.
func Default() *Scanner {
	defaultOnce.Do(func() {
		s, err := New()
		if err != nil {
			panic("scan: embedded lexicon: " + err.Error())
		}
		defaultScanner = s
	})
	return defaultScanner
}

// Scan returns the mentions in text, which must be normalized (see
// normalize.String). Mentions are sorted by Start and do not overlap; where
// readings compete, the longest wins.
func (s *Scanner) Scan(text string) []Mention {
	return s.AppendScan(nil, text)
}

// AppendScan appends the mentions in text to dst and returns the extended
// slice. It reuses internal buffers, so scanning allocates little beyond the
// mentions themselves.
func (s *Scanner) AppendScan(dst []Mention, text string) []Mention {
	st := s.pool.Get().(*state)
	st.reset(s, text)
	dst = st.run(dst)
	st.text, st.lower = "", ""
	s.pool.Put(st)
	return dst
}

// tensWord is an English tens word and its value.
type tensWord struct {
	word string
	val  int
}

// hasTensPrefix reports whether a Latin word starts with an English tens
// word and goes on ("twentyfifth").
func (s *Scanner) hasTensPrefix(w string) bool {
	for _, tw := range s.tensWords {
		if len(w) > len(tw.word) && w[:len(tw.word)] == tw.word {
			return true
		}
	}
	return false
}

// hasOrdSuffix reports whether a word ends with a Hindi ordinal ending.
func (s *Scanner) hasOrdSuffix(w string) bool {
	for _, sfx := range s.ordSuffixes {
		if len(w) > len(sfx) && w[len(w)-len(sfx):] == sfx {
			return true
		}
	}
	return false
}

func sortByLenDesc(ss []string) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && len(ss[j]) > len(ss[j-1]); j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// state is the per-call scanning state.
type state struct {
	s     *Scanner
	text  string
	lower string
	toks  []token
	ents  []*entry // the lexicon entry of each token, or nil
	// lastYearEnd is the token after the last year mention, or -1.
	lastYearEnd int
}

func (st *state) reset(s *Scanner, text string) {
	st.s = s
	st.text = text
	st.lower = lowerASCII(text)
	st.toks = tokenize(st.toks[:0], text)
	st.ents = st.ents[:0]
	st.lastYearEnd = -1
	for i := range st.toks {
		st.ents = append(st.ents, s.lex.index[st.key(i)])
	}
}

// key is the lookup key of token i: Latin words lowered.
func (st *state) key(i int) string {
	t := st.toks[i]
	if t.kind == tLatin {
		return st.lower[t.start:t.end]
	}
	return st.text[t.start:t.end]
}

// raw is the text of token i as written.
func (st *state) raw(i int) string {
	t := st.toks[i]
	return st.text[t.start:t.end]
}

// match returns the longest phrase of kind k that starts at token i and the
// index of the token after it.
func (st *state) match(i int, k kind) (*phrase, int) {
	if i < 0 || i >= len(st.toks) {
		return nil, i
	}
	e := st.ents[i]
	if e == nil || e.mask&(1<<k) == 0 {
		return nil, i
	}
	for _, p := range e.ps {
		if p.kind != k || i+len(p.keys) > len(st.toks) {
			continue
		}
		ok := true
		for j := 1; j < len(p.keys); j++ {
			if st.key(i+j) != p.keys[j] {
				ok = false
				break
			}
		}
		if ok {
			return p, i + len(p.keys)
		}
	}
	return nil, i
}

// is reports whether a phrase of kind k starts at token i.
func (st *state) is(i int, k kind) bool {
	p, _ := st.match(i, k)
	return p != nil
}

// endsAt reports whether a phrase of kind k ends right before token end.
func (st *state) endsAt(end int, k kind) (*phrase, bool) {
	for start := end - 1; start >= 0 && start >= end-3; start-- {
		e := st.ents[start]
		if e == nil || e.mask&(1<<k) == 0 {
			continue
		}
		for _, p := range e.ps {
			if p.kind != k || start+len(p.keys) != end {
				continue
			}
			ok := true
			for j := 1; j < len(p.keys); j++ {
				if st.key(start+j) != p.keys[j] {
					ok = false
					break
				}
			}
			if ok {
				return p, true
			}
		}
	}
	return nil, false
}

// punct reports whether token i is the punctuation string p.
func (st *state) punct(i int, p string) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].kind == tPunct && st.raw(i) == p
}

// glued reports whether token i stands directly against the token before.
func (st *state) glued(i int) bool {
	return i > 0 && i < len(st.toks) && !st.toks[i].space
}

// cand is a candidate mention over tokens [start, end).
type cand struct {
	m    Mention
	end  int
	skip int // tokens before the mention's text (qualifiers that do not belong to it)
	ok   bool
}

func (st *state) run(dst []Mention) []Mention {
	n := len(st.toks)
	for i := 0; i < n; {
		t := st.toks[i]
		if t.kind != tDigits && !(st.ents[i] != nil && st.ents[i].mask&starters != 0) && !(t.kind == tPunct && st.raw(i) == "-") &&
			!(t.kind == tDeva && st.s.hasOrdSuffix(st.raw(i))) && !(t.kind == tLatin && st.s.hasTensPrefix(st.key(i))) {
			i++
			continue
		}
		// Clock times ("11:08") are not facts this scanner reads.
		if t.kind == tDigits && st.punct(i+1, ":") && st.glued(i+1) && i+2 < n && st.toks[i+2].kind == tDigits && st.glued(i+2) {
			i += 3
			continue
		}
		best := cand{}
		for _, f := range [...]func(int) cand{st.matchTime, st.matchOrdinal, st.matchQuantity} {
			c := f(i)
			if c.ok && c.end > best.end {
				best = c
			}
		}
		if !best.ok || best.end <= i {
			i++
			continue
		}
		if best.m.Type == "" { // consumed without a mention (clock times)
			i = best.end
			continue
		}
		best.m.Start = int(st.toks[i+best.skip].start)
		if best.m.Type == value.TypeYear {
			st.lastYearEnd = best.end
		}
		best.m.End = int(st.toks[best.end-1].end)
		if best.m.Display == "" {
			best.m.Display = display(best.m.Value)
		}
		dst = append(dst, best.m)
		i = best.end
	}
	return dst
}
