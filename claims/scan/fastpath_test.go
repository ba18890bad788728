package scan

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

// refID looks the token text w up the slow way: the lexicon key is the
// text with ASCII capitals lowered.
func refID(s *Scanner, w string) int32 {
	return s.lex.vocab.ids[lowerASCII(w)]
}

// refWordEnd returns the end of the word of kind k at i, rune by rune.
func refWordEnd(text string, i int, k tokKind) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if (k == tDeva && !isDevaLetter(r)) || (k == tLatin && !isLatinLetter(r)) {
			break
		}
		i += n
	}
	return i
}

// checkTokens compares the tokens of text, read with the scanner's fast
// paths (packed keys, Devanagari and ASCII word loops, the vocabulary
// table), with the plain tokenizer and a map lookup of every key.
func checkTokens(t *testing.T, s *Scanner, text string) {
	t.Helper()
	fast := tokenize(nil, text, s)
	plain := tokenize(nil, text, nil)
	if len(fast) != len(plain) {
		t.Fatalf("%q: %d tokens, the plain tokenizer reads %d", text, len(fast), len(plain))
	}
	for i, ft := range fast {
		pt := plain[i]
		w := text[ft.start:ft.end]
		if ft.start != pt.start || ft.end != pt.end || ft.kind != pt.kind || ft.space != pt.space || ft.brk != pt.brk ||
			ft.upper != pt.upper || ft.caps != pt.caps {
			t.Fatalf("%q: token %d %+v, the plain tokenizer reads %+v", text, i, ft, pt)
		}
		if (ft.kind == tDeva || ft.kind == tLatin) && int(ft.end) != refWordEnd(text, int(ft.start), ft.kind) {
			t.Fatalf("%q: word %q ends at %d, want %d", text, w, ft.end, refWordEnd(text, int(ft.start), ft.kind))
		}
		if want := refID(s, w); ft.id != want {
			t.Fatalf("%q: token %q has id %d, want %d", text, w, ft.id, want)
		}
		if s.lex.masks[ft.id] != s.lex.words[ft.id].mask {
			t.Fatalf("%q: token %q has mask %b, want %b", text, w, s.lex.masks[ft.id], s.lex.words[ft.id].mask)
		}
		if ft.caps != (lowerASCII(w) != w) {
			t.Fatalf("%q: token %q caps %v", text, w, ft.caps)
		}
	}
}

func TestVocabularyFindsEveryKey(t *testing.T) {
	s := Default()
	v := s.lex.vocab
	packed := map[uint64]string{}
	for id := int32(1); int(id) < len(v.keys); id++ {
		key := v.keys[id]
		if got := v.find(key, false); got != id {
			t.Errorf("find(%q) = %d, want %d", key, got, id)
		}
		if k, ok := packKey(key); ok {
			if other, dup := packed[k]; dup {
				t.Errorf("keys %q and %q pack alike", key, other)
			}
			packed[k] = key
		}
		for _, w := range []string{key, strings.ToUpper(key), strings.Title(key)} {
			if lowerASCII(w) != key {
				continue // capitals beyond ASCII
			}
			if got := v.find(w, true); got != id {
				t.Errorf("find(%q, fold) = %d, want %d", w, got, id)
			}
			checkTokens(t, s, w)
			checkTokens(t, s, "x "+w+" y")
			checkTokens(t, s, "१"+w+",")
		}
	}
	for _, w := range []string{"", "zzzz", "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} {
		if got := v.find(w, true); got != 0 {
			t.Errorf("find(%q) = %d, want 0", w, got)
		}
	}
}

func TestTokenFastPaths(t *testing.T) {
	s := Default()
	for _, text := range []string{
		"", " ", "a", "A", "é", "करीब", "करीब चार से पांच घंटे", "नई\u200dदिल्ली", "क\u200c", "aबc", "Twentyfifth",
		"EXACTLY eight", "abcdefgh", "abcdefghi", "abcdefg", "ABCDEFGH ijk", "naïve café", "x\xe0\xa4", "\xe0\xa4\x95",
		"\xe0\xa4\x95\xe0", "क।", "क॥ख", "क१", "पच्चीसवीं", "बाईसवां", "ꣳक", "aé", "Zürich", "\xff\xfe", "a\x00b",
		benchHindi,
	} {
		checkTokens(t, s, text)
		checkTokens(t, s, normalize.String(text))
	}
}

// FuzzTokens checks the tokenizer's fast paths against the plain tokenizer
// and a map lookup of every key, on any text, valid UTF-8 or not.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"करीब चार से पांच घंटे", "At Least 5 KM", "twentyfifth", "नई\u200dदिल्ली", "a\xe0\xa4b", "1,17,500 लोग"} {
		f.Add(s)
	}
	sc := Default()
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, sc, s)
		if utf8.ValidString(s) {
			checkTokens(t, sc, normalize.String(s))
		}
	})
}

// scanEverywhere is Scan without cues: it tries every reader at every
// token, the reference for the cues that let Scan skip most tokens.
func scanEverywhere(s *Scanner, text string) []Mention {
	st := &state{}
	st.reset(s, text)
	var out []Mention
	n := len(st.toks)
	for i := 0; i < n; {
		t := &st.toks[i]
		if t.kind == tDigits && st.punct(i+1, ":") && st.glued(i+1) && i+2 < n && st.toks[i+2].kind == tDigits && st.glued(i+2) {
			i += 3
			continue
		}
		best := cand{}
		for _, c := range [...]cand{st.matchTime(i), st.matchOrdinal(i), st.matchQuantity(i)} {
			if c.ok && c.end > best.end {
				best = c
			}
		}
		if !best.ok || best.end <= i {
			i++
			continue
		}
		if best.typ == "" {
			i = best.end
			continue
		}
		m := Mention{Start: int(st.toks[i+best.skip].start), End: int(st.toks[best.end-1].end), Type: best.typ, Noun: best.noun, Identifier: best.ident,
			Each: st.distributive(i + best.skip)}
		if best.typ == value.TypeYear {
			st.lastYearEnd = best.end
		}
		m.Value = st.materialize(&best.val)
		m.Display = display(m.Value)
		out = append(out, m)
		i = best.end
	}
	return out
}

// checkCues compares Scan with scanEverywhere.
func checkCues(t *testing.T, s *Scanner, text string) {
	t.Helper()
	got, want := s.Scan(text), scanEverywhere(s, text)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", text, got, want)
	}
}

func TestCuesMatchEveryToken(t *testing.T) {
	s := Default()
	checkCues(t, s, benchText())
	for _, text := range []string{"", "-5 डिग्री", "at least 5 km", "at 5", "in excess of 20 people", "- quarter", "पच्चीसवीं बार",
		"twentyfifth time", "from 4 to 5", "between 2015 and 2020", "a day", "year 2019", "साल 2019", "last Monday", "11:08"} {
		checkCues(t, s, normalize.String(text))
	}
	// Phrases made of lexicon words and numbers.
	r := rand.New(rand.NewPCG(1, 2))
	keys := s.lex.vocab.keys[1:]
	seps := []string{" ", " ", " ", "", "-", ",", "\n"}
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for w := 1 + r.IntN(8); w > 0; w-- {
			if r.IntN(4) == 0 {
				b.WriteString(strconv.Itoa(r.IntN(3000)))
			} else {
				b.WriteString(keys[r.IntN(len(keys))])
			}
			b.WriteString(seps[r.IntN(len(seps))])
		}
		checkCues(t, s, b.String())
	}
}

// FuzzCues checks that the cues skip no token where a mention begins.
func FuzzCues(f *testing.F) {
	for _, s := range []string{"करीब चार से पांच घंटे", "at least -5 km", "in excess of 2 lakh", "पच्चीसवीं", "more than a dozen",
		"साल भर पहले", "सवा घंटा", "तीन बटा चार", "5'8\"", "two-and-a-half-hour", "1 1/2 miles"} {
		f.Add(s)
	}
	sc := Default()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkCues(t, sc, normalize.String(s))
	})
}
