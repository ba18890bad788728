// Package scan finds value-bearing phrases in normalized Hindi and English
// news text: numbers (digits, Indian and Western grouping, Hindi and English
// number words, fractions such as डेढ़, ढाई, सवा, साढ़े, पौने), ranges,
// approximations and bounds, quantities with units (durations, speeds,
// distances, percentages, money, counts of things, ages), ordinals, years,
// dates, weekdays and relative days ("4 साल पहले", "पिछले साल", "कल").
//
// All words live in YAML lexicons embedded beside the package (data/*.yaml);
// users add their own sections with New, which compiles them once: every
// token key gets a small integer id, and short words are found by a packed
// form of their bytes. The scanner reads text in one pass that splits it
// into tokens and looks each up once (folding ASCII capitals on the fly);
// the readers of dates, ordinals and quantities then run only at tokens that
// can begin a mention and compare ids, not strings. Scanning allocates
// little beyond the mentions it returns, whose values come from slabs; it
// reads news text at about a hundred megabytes a second.
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
	// Identifier marks a number that names something rather than counting
	// it: "संकल्प 2270", "प्लेटफॉर्म नंबर 3", "flight 2019".
	Identifier bool
	// Each marks a distributive amount, the same number twice ("4-4 लाख",
	// "दो-दो"): so much for each one, no total of anything.
	Each bool
}

// Scanner finds mentions. It is built once and safe for concurrent use.
type Scanner struct {
	lex         *lex
	ordSuffixes []string   // Devanagari ordinal endings, longest first
	tensWords   []tensWord // English tens, for fused ordinals ("twentyfifth")
	// ordByLast are the ordinal endings by their last byte and tensByFirst
	// the tens words by their first letter, for quick tests on every token.
	ordByLast   [256][]string
	tensByFirst [256][]tensWord
	// idle holds scanning states for reuse. Unlike a sync.Pool it keeps
	// them across garbage collections, so their buffers and display caches
	// stay warm.
	mu   sync.Mutex
	idle []*state
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
	for _, sfx := range s.ordSuffixes {
		last := sfx[len(sfx)-1]
		s.ordByLast[last] = append(s.ordByLast[last], sfx)
	}
	for _, tw := range s.tensWords {
		s.tensByFirst[tw.word[0]] = append(s.tensByFirst[tw.word[0]], tw)
	}
	l.masks = make([]uint64, len(l.words))
	l.cues = make([]cueFlags, len(l.words))
	for id := 1; id < len(l.vocab.keys); id++ {
		s.setCue(&l.words[id], l.vocab.keys[id])
		l.masks[id], l.cues[id] = l.words[id].mask, l.words[id].cue
	}
	l.vocab.setSlotInfo(l.cues)
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
	st := s.getState()
	st.reset(s, text)
	st.ms = st.run(st.ms[:0])
	// One append sizes a new slice to the mentions found.
	dst = append(dst, st.ms...)
	clear(st.ms)
	st.text = ""
	s.putState(st)
	return dst
}

// setCue sets the cues of the vocabulary key w: the readers that may find
// a mention beginning with it.
func (s *Scanner) setCue(w *wordInfo, key string) {
	var m uint64
	if w.entry != nil {
		m = w.entry.startMask()
	}
	// Cues from the key's phrases.
	var c cueFlags
	if m&timeStarters != 0 {
		c |= cueTime
	}
	if m&quantityStarters != 0 {
		c |= cueQuantity
	}
	kind := tokenize(nil, key, nil)[0].kind
	if m&(1<<pOrdinal) != 0 || (kind == tLatin && m&(1<<pNumber) != 0) {
		c |= cueOrdinal
	}
	// Cues from the word itself: an ordinal ending.
	var own cueFlags
	switch kind {
	case tDeva:
		if _, ok := s.suffixOrdinal(key); ok {
			own |= cueOrdinal
		}
	case tLatin:
		if _, ok := s.tensOrdinal(key, false); ok {
			own |= cueOrdinal
		}
	}
	w.cue = c | own
	if c == 0 {
		return
	}
	var starters []*phrase
	for _, p := range w.entry.ps {
		if p.startsMention() {
			if len(p.ids) == 1 {
				return
			}
			starters = append(starters, p)
		}
	}
	w.starters, w.phraseCue = starters, c&^own
}

// maxIdle bounds the number of idle states a scanner keeps; an idle state
// keeps buffers of at most maxIdleTokens tokens and maxIdleMentions
// mentions (a huge text leaves no huge buffers behind).
const (
	maxIdle         = 16
	maxIdleTokens   = 1 << 16
	maxIdleMentions = 1 << 12
)

// getState returns an idle state or a new one.
func (s *Scanner) getState() *state {
	s.mu.Lock()
	if n := len(s.idle); n > 0 {
		st := s.idle[n-1]
		s.idle = s.idle[:n-1]
		s.mu.Unlock()
		return st
	}
	s.mu.Unlock()
	return &state{toks: make([]token, 0, 256)}
}

// putState keeps st for reuse, unless enough states are idle.
func (s *Scanner) putState(st *state) {
	if cap(st.toks) > maxIdleTokens {
		st.toks = nil
	}
	if cap(st.ms) > maxIdleMentions {
		st.ms = nil
	}
	s.mu.Lock()
	if len(s.idle) < maxIdle {
		s.idle = append(s.idle, st)
	}
	s.mu.Unlock()
}

// tensWord is an English tens word and its value.
type tensWord struct {
	word string
	val  int
}

// hasTensPrefix reports whether a Latin word starts with an English tens
// word and goes on ("twentyfifth", "Twentyfifth").
func (s *Scanner) hasTensPrefix(w string) bool {
	if len(w) == 0 {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, tw := range s.tensByFirst[c] {
		if len(w) > len(tw.word) && hasPrefixFold(w, tw.word) {
			return true
		}
	}
	return false
}

// hasOrdSuffix reports whether a word ends with a Hindi ordinal ending.
func (s *Scanner) hasOrdSuffix(w string) bool {
	if len(w) == 0 {
		return false
	}
	for _, sfx := range s.ordByLast[w[len(w)-1]] {
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

// state is the per-call scanning state, reused through the scanner's idle
// list.
type state struct {
	s    *Scanner
	text string
	toks []token
	// masks are the kinds of the phrases each vocabulary id begins (the
	// lexicon's masks, kept here to save loads).
	masks []uint64
	ms    []Mention // the mentions found, before they are copied out
	// quantities, times and ordinals are slabs the values of mentions are
	// allocated from; displays caches display strings by value.
	quantities   []quantityBox
	times        []value.Time
	ordinals     []value.Ordinal
	displays     []displayEntry
	displayIndex map[uint64]int32 // hash of a value → its entry in displays
	// lastYearEnd is the token after the last year mention, or -1.
	lastYearEnd int
	// lastDocNumEnd is the token after the last document number
	// ("हेल्पलाइन नंबर 1077"), or -1.
	lastDocNumEnd int
}

// reset tokenizes text and looks every token up in the vocabulary once.
func (st *state) reset(s *Scanner, text string) {
	st.s = s
	st.text = text
	st.masks = s.lex.masks
	st.toks = tokenize(st.toks[:0], text, s)
	st.lastYearEnd = -1
	st.lastDocNumEnd = -1
}

// classify looks the last token of toks up in the vocabulary and sets its
// id and cue. A word comes with its packed key when packed (see
// packKey). A minus sign gets its cue when digits follow it.
func (s *Scanner) classify(toks []token, text string, key uint64, packed bool) {
	l := s.lex
	t := &toks[len(toks)-1]
	if packed {
		t.id = l.vocab.findPacked(key)
	} else {
		t.id = l.vocab.find(text[t.start:t.end], t.caps)
	}
	switch {
	case t.id != 0:
		t.cue = l.cues[t.id]
	case t.kind == tDeva:
		if _, ok := s.suffixOrdinal(text[t.start:t.end]); ok {
			t.cue = cueOrdinal
		}
	case t.kind == tLatin:
		if _, ok := s.tensOrdinal(text[t.start:t.end], t.caps); ok {
			t.cue = cueOrdinal
		}
	}
	if t.kind == tDigits {
		t.cue = cueTime | cueOrdinal | cueQuantity
		// A minus sign right before the digits ("-5"), itself after a space
		// or at the start, may begin a negative number.
		if n := len(toks); !t.space && n > 1 {
			if p := &toks[n-2]; p.kind == tPunct && p.end == p.start+1 && text[p.start] == '-' && (n == 2 || p.space) {
				p.cue |= cueMinus
			}
		}
	}
}

// mask returns the kinds of the lexicon phrases that begin at token i,
// which must be in range.
func (st *state) mask(i int) uint64 {
	return st.masks[st.toks[i].id]
}

// id returns the vocabulary id of token i, or 0 when i is out of range or
// the token is no lexicon key.
func (st *state) id(i int) int32 {
	if i < 0 || i >= len(st.toks) {
		return 0
	}
	return st.toks[i].id
}

// raw is the text of token i as written.
func (st *state) raw(i int) string {
	t := st.toks[i]
	return st.text[t.start:t.end]
}

// match returns the longest phrase of kind k that starts at token i and the
// index of the token after it.
func (st *state) match(i int, k kind) (*phrase, int) {
	if uint(i) >= uint(len(st.toks)) || st.masks[st.toks[i].id]&(1<<k) == 0 {
		return nil, i
	}
	return st.matchAt(i, k)
}

// matchAt is match for a token whose entry holds phrases of kind k.
func (st *state) matchAt(i int, k kind) (*phrase, int) {
	for _, p := range st.s.lex.words[st.toks[i].id].entry.ofKind(k) {
		if i+len(p.ids) > len(st.toks) {
			continue
		}
		if st.idsAt(i, p.ids) {
			return p, i + len(p.ids)
		}
	}
	return nil, i
}

// idsAt reports whether the tokens from i on have the ids, which must fit;
// the first is taken for granted (the token's entry holds the phrase).
func (st *state) idsAt(i int, ids []int32) bool {
	toks := st.toks[i : i+len(ids)]
	for j := 1; j < len(ids); j++ {
		if toks[j].id != ids[j] {
			return false
		}
	}
	return true
}

// anyAt reports whether one of the phrases, which begin with token i's
// key, stands in full at token i.
func (st *state) anyAt(i int, ps []*phrase) bool {
	for _, p := range ps {
		if i+len(p.ids) <= len(st.toks) && st.idsAt(i, p.ids) {
			return true
		}
	}
	return false
}

// is reports whether a phrase of kind k starts at token i.
func (st *state) is(i int, k kind) bool {
	p, _ := st.match(i, k)
	return p != nil
}

// endsAt reports whether a phrase of kind k ends right before token end.
func (st *state) endsAt(end int, k kind) (*phrase, bool) {
	for start := end - 1; start >= 0 && start >= end-3; start-- {
		if st.masks[st.toks[start].id]&(1<<k) == 0 {
			continue
		}
		for _, p := range st.s.lex.words[st.toks[start].id].entry.ofKind(k) {
			if start+len(p.ids) != end {
				continue
			}
			if st.idsAt(start, p.ids) {
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

// distributive reports a number written twice with a hyphen at token k:
// "4-4", "दो-दो", "चार-चार".
func (st *state) distributive(k int) bool {
	return k+2 < len(st.toks) && st.punct(k+1, "-") && st.glued(k+1) && st.glued(k+2) &&
		st.toks[k].kind != tPunct && st.raw(k) == st.raw(k+2)
}

// cand is a candidate mention over tokens [start, end).
type cand struct {
	typ  value.Type // the mention's type; empty for text consumed without a mention (clock times)
	noun string     // the counted noun
	val  candValue  // the value
	end  int
	skip int // tokens before the mention's text (qualifiers that do not belong to it)
	ok   bool
	// ident: the number follows a document word and names something.
	ident bool
}

func (st *state) run(dst []Mention) []Mention {
	n := len(st.toks)
	for i := 0; i < n; {
		t := &st.toks[i]
		cue := t.cue
		if cue == 0 {
			i++
			continue
		}
		if w := &st.s.lex.words[t.id]; w.starters != nil && !st.anyAt(i, w.starters) {
			// None of the phrases that would begin a mention here stands in
			// full ("at" without "least").
			if cue &^= w.phraseCue; cue == 0 {
				i++
				continue
			}
		}
		// Clock times ("11:08") are not facts this scanner reads; an amount
		// written like one ("1:30 घंटे") is.
		if t.kind == tDigits && st.punct(i+1, ":") && st.glued(i+1) && i+2 < n && st.toks[i+2].kind == tDigits && st.glued(i+2) &&
			!st.isClockAmount(i+1) {
			i += 3
			continue
		}
		// The longest reading wins; on a tie, the first of time, ordinal,
		// quantity.
		best := cand{}
		if cue&cueTime != 0 {
			if c := st.matchTime(i); c.ok && c.end > best.end {
				best = c
			}
		}
		if cue&cueOrdinal != 0 {
			if c := st.matchOrdinal(i); c.ok && c.end > best.end {
				best = c
			}
		}
		if cue&(cueQuantity|cueMinus) != 0 {
			if c := st.matchQuantity(i); c.ok && c.end > best.end {
				best = c
			}
		}
		if !best.ok || best.end <= i {
			i++
			continue
		}
		if best.typ == "" { // consumed without a mention (clock times)
			i = best.end
			continue
		}
		m := Mention{Start: int(st.toks[i+best.skip].start), End: int(st.toks[best.end-1].end), Type: best.typ, Noun: best.noun, Identifier: best.ident,
			Each: st.distributive(i + best.skip)}
		if best.typ == value.TypeYear {
			st.lastYearEnd = best.end
		}
		m.Value = st.materialize(&best.val)
		m.Display = st.display(&best.val, m.Value)
		dst = append(dst, m)
		i = best.end
	}
	return dst
}
