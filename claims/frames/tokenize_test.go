package frames

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/normalize"
)

// The hot paths of this package have a plain counterpart here, written the
// obvious way; the tests and fuzz targets check that both agree.

// plainToken is a token with its key.
type plainToken struct {
	start, end int
	key        string
	id         int32
	punct      bool
}

// plainTokenize is tokenize decoding rune by rune, with keys folded one by
// one and ids looked up in a map.
func plainTokenize(text string, start, end int, ids map[string]int32) []plainToken {
	id := func(key string) int32 {
		if v, ok := ids[key]; ok {
			return v
		}
		return -1
	}
	var dst []plainToken
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			i += n
			continue
		}
		if isWord(r) {
			j := i + n
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWord(r2) || ((r2 == '.' || r2 == ',') && j+1 < end && text[j+1] >= '0' && text[j+1] <= '9' && j > i && text[j-1] >= '0' && text[j-1] <= '9') {
					j += n2
					continue
				}
				break
			}
			key := plainFold(text[i:j])
			dst = append(dst, plainToken{start: i, end: j, key: key, id: id(key)})
			i = j
			continue
		}
		if r == '\'' && i+2 <= end && i+1 < end && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 == end || !isWord(rune(text[i+2]))) {
			dst = append(dst, plainToken{start: i, end: i + 2, key: "'s", id: id("'s")})
			i += 2
			continue
		}
		dst = append(dst, plainToken{start: i, end: i + n, key: text[i : i+n], id: id(text[i : i+n]), punct: true})
		i += n
	}
	return dst
}

// plainFold is fold with strings.Builder and unicode.ToLower throughout.
func plainFold(w string) string {
	change := false
	for _, r := range w {
		if r == '\u093C' || r == '\u0901' || (r < 0x900 && unicode.IsUpper(r)) {
			change = true
		}
	}
	if !change {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		switch {
		case r == '\u093C':
			continue
		case r == '\u0901':
			r = '\u0902'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func plainIsDevanagari(s string) bool {
	for _, r := range s {
		if r >= 0x0900 && r <= 0x097F {
			return true
		}
	}
	return false
}

func plainTokRange(toks []token, start, end int) (int, int) {
	f, t := -1, -1
	for i, tk := range toks {
		if tk.end > start && tk.start < end {
			if f < 0 {
				f = i
			}
			t = i + 1
		}
	}
	return f, t
}

func plainParseRelative(s string) (int, string, bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(f[0], "+"))
	if err != nil {
		return 0, "", false
	}
	return n, f[1], true
}

func testAssigner(tb testing.TB) *Assigner {
	tb.Helper()
	a, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// checkTokenize compares the tokenizer with plainTokenize on text[start:end]
// and the helpers that work on its tokens.
func checkTokenize(t *testing.T, a *Assigner, tz *tokenizer, text string, start, end int) {
	t.Helper()
	ids := map[string]int32{}
	for id, w := range a.phrases.words.words {
		ids[w] = int32(id)
	}
	got := tz.tokenize(text, start, end, nil)
	want := plainTokenize(text, start, end, ids)
	if g := withKeys(tz, text, got); !slices.Equal(g, want) {
		t.Fatalf("%q: tokens\n got %+v\nwant %+v", text[start:end], g, want)
	}
	if len(got) > 0 {
		if d := plainIsDevanagari(text[got[0].start:got[len(got)-1].end]); tz.devanagari != d {
			t.Errorf("%q: devanagari %v, want %v", text[start:end], tz.devanagari, d)
		}
	}
	for _, w := range got {
		if g, w := fold(text[w.start:w.end]), plainFold(text[w.start:w.end]); g != w {
			t.Errorf("fold(%q) = %q, want %q", w, g, w)
		}
	}
	if g, w := isDevanagari(text), plainIsDevanagari(text); g != w {
		t.Errorf("isDevanagari(%q) = %v, want %v", text, g, w)
	}
	for s := start; s <= end; s++ {
		for e := s; e <= end && e <= s+12; e++ {
			f, l := tokRange(got, s, e)
			pf, pl := plainTokRange(got, s, e)
			if f != pf || l != pl {
				t.Fatalf("%q: tokRange(%d, %d) = %d, %d, want %d, %d", text, s, e, f, l, pf, pl)
			}
		}
	}
	// The buffers are reused: a second run gives the same tokens.
	again := tz.tokenize(text, start, end, got[:0])
	if g := withKeys(tz, text, again); !slices.Equal(g, want) {
		t.Fatalf("%q: second run: tokens\n got %+v\nwant %+v", text[start:end], g, want)
	}
}

// withKeys pairs tokens with their keys.
func withKeys(tz *tokenizer, text string, toks []token) []plainToken {
	out := make([]plainToken, len(toks))
	for i, t := range toks {
		out[i] = plainToken{start: t.start, end: t.end, key: tz.key(text, t), id: t.id, punct: t.punct}
	}
	return out
}

var tokenizeCases = []string{
	"",
	"   ",
	"शुक्रवार को टोक्यो में बैठक हुई। 3 घंटे चली",
	"ज़िले में बाढ़ आई, फ़ौज पहुँची; 1,17,500 लोग प्रभावित॥ 2.5 किमी",
	"Putin MET Kim in Vladivostok on Monday — officials' said; Russia's ÉLAN Σ ΣΑΣ İstanbul KELVIN \u212a",
	"It's 'quoted' text's end '",
	"G20 Su-57 कोविड-19 जी20 ४५ (Reuters) - \"हम\"",
	"invalid \xff\xfe bytes \xe0\xa4 and \xe0 cut \xe0\xa5",
	"mixed देवanagari and लैटिन123 ॰ abbreviation",
	"Ⴀ Georgian upper ＡＢＣ fullwidth",
}

func TestTokenizeMatchesPlain(t *testing.T) {
	a := testAssigner(t)
	tz := &tokenizer{words: a.phrases.words}
	for _, c := range tokenizeCases {
		checkTokenize(t, a, tz, c, 0, len(c))
		// A range that ends inside a character.
		for cut := 1; cut < len(c) && cut < 8; cut++ {
			checkTokenize(t, a, tz, c, 0, len(c)-cut)
		}
	}
	// Every lexicon phrase, in lower and upper case, finds its words.
	for _, w := range a.phrases.words.words {
		checkTokenize(t, a, tz, w, 0, len(w))
		up := strings.ToUpper(w)
		checkTokenize(t, a, tz, up, 0, len(up))
	}
	// Real articles.
	files, _ := filepath.Glob("../../testdata/summit/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := normalize.String(string(b))
		got := tz.tokenize(s, 0, len(s), nil)
		ids := map[string]int32{}
		for id, w := range a.phrases.words.words {
			ids[w] = int32(id)
		}
		want := plainTokenize(s, 0, len(s), ids)
		if g := withKeys(tz, s, got); !slices.Equal(g, want) {
			t.Fatalf("%s: tokens differ", f)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c)
	}
	a := testAssigner(f)
	tz := &tokenizer{words: a.phrases.words}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkTokenize(t, a, tz, s, 0, len(s))
		if len(s) > 2 {
			checkTokenize(t, a, tz, s, 1, len(s)-1)
		}
	})
}

func TestRound2MatchesFormatting(t *testing.T) {
	a := testAssigner(t)
	xs := []float64{0, math.Copysign(0, -1), 0.125, 0.375, 0.625, 0.875, 0.005, 0.015, 0.765, 0.9 * 0.85, 0.7 * 0.8 * 0.6 * 0.85,
		0.004, 1e-300, 12345.675, 1e9, 1e10, -0.5, math.Inf(1), math.NaN()}
	for i := 0; i <= 100000; i++ {
		xs = append(xs, float64(i)/100000, float64(i)/1000+0.0005)
	}
	for x := range a.rounded {
		xs = append(xs, math.Float64frombits(x))
	}
	for _, x := range xs {
		want := round2Slow(x)
		for _, got := range []float64{round2(x), a.round2(x)} {
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("round2(%v) = %v, want %v", x, got, want)
			}
		}
	}
}

func TestParseRelativeMatchesFields(t *testing.T) {
	for _, s := range []string{"", "-4 year", "+2 day", " -4   year ", "-4 year extra", "x year", "-4", "4\u00a0year", "4\u2003year",
		"-1 decade", "\t-3\nmonth\t", "4 \xffyear"} {
		n, u, ok := parseRelative(s)
		pn, pu, pok := plainParseRelative(s)
		if n != pn || u != pu || ok != pok {
			t.Errorf("parseRelative(%q) = %d, %q, %v, want %d, %q, %v", s, n, u, ok, pn, pu, pok)
		}
	}
}

func TestTypeIdxMatchesMap(t *testing.T) {
	a := testAssigner(t)
	names := []string{"", "place", "weekday", "date", "year", "count", "number", "speed", "duration", "distance", "money", "age",
		"percent", "quote", "ordinal", "relative", "plac", "placf", "xlace", "averyveryverylongtypename", "averyveryverylongtypenamf"}
	for name := range a.typeIndex {
		names = append(names, name)
	}
	for _, name := range names {
		want := -1
		if i, ok := a.typeIndex[name]; ok {
			want = i
		}
		if got := a.typeIdx(name); got != want {
			t.Errorf("typeIdx(%q) = %d, want %d", name, got, want)
		}
	}
}

// TestPackedLookupMatchesWords checks the packed table against the word
// list: every lexicon word is found wherever it sits in a text (at the
// start, in the middle, at the very end, where pack cannot read past it),
// and its prefixes and extensions that are no lexicon words are not.
func TestPackedLookupMatchesWords(t *testing.T) {
	a := testAssigner(t)
	wt := a.phrases.words
	tz := &tokenizer{words: wt}
	ids := map[string]int32{}
	for id, w := range wt.words {
		ids[w] = int32(id)
	}
	want := func(w string) int32 {
		if id, ok := ids[w]; ok {
			return id
		}
		return -1
	}
	for _, w := range wt.words {
		for _, text := range []string{w, "x " + w, w + " tail of text", "\x00" + w + "\x00", "abcdefghijklmnop" + w} {
			i := strings.Index(text, w)
			for j := i + 1; j <= len(text) && j <= i+len(w)+2; j++ {
				if got, exp := tz.wordID(text, i, j), want(text[i:j]); got != exp {
					t.Fatalf("wordID(%q, %d, %d) = %d, want %d", text, i, j, got, exp)
				}
			}
		}
		if len(w) <= packedMax {
			a1, b1 := pack(w, 0, len(w))
			a2, b2 := packBytes([]byte(w))
			if a1 != a2 || b1 != b2 {
				t.Fatalf("pack(%q) = %x %x, packBytes %x %x", w, a1, b1, a2, b2)
			}
		}
	}
}
