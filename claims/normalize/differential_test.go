package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// quickSet lists the characters the quick NFC check accepts (besides the
// rules about a nukta), plus the nukta letters and stress signs it rejects.
func quickSet() []rune {
	var rs []rune
	for r := rune(0); r < 0x80; r++ {
		rs = append(rs, r)
	}
	for r := rune(0xA0); r <= 0xBF; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x900); r < 0x980; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x2000); r <= 0x206F; r++ {
		rs = append(rs, r)
	}
	return append(rs, 0xFEFF)
}

// TestQuickNFCIsSafe checks that every pair of characters the quick check
// accepts is NFC indeed: NFC only changes a character or its order with its
// neighbours, so pairs cover all text.
func TestQuickNFCIsSafe(t *testing.T) {
	rs := quickSet()
	for _, a := range rs {
		for _, b := range rs {
			s := string(a) + string(b)
			if refQuickNFC(s) && !norm.NFC.IsNormalString(s) {
				t.Errorf("quick check accepts %q (U+%04X U+%04X), which is not NFC", s, a, b)
			}
		}
	}
}

// TestNoEndlessRenormalization is a case the quick check got wrong: stress
// signs out of canonical order, after a nukta, once made New recurse for
// ever.
func TestNoEndlessRenormalization(t *testing.T) {
	for _, in := range []string{"\u093C\u0951\u0952", "\u0951\u0952", "\u2000\u0301x", "न\u200D\u093C"} {
		got := String(in)
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("String(%q) = %q, not NFC", in, got)
		}
	}
}

// compareWithReference checks New and Split against the reference code.
func compareWithReference(t *testing.T, orig string) {
	t.Helper()
	got, want := New(orig), refNew(orig)
	if got.Norm != want.Norm {
		t.Fatalf("New(%q).Norm = %q, reference %q", orig, got.Norm, want.Norm)
	}
	if (got.runs == nil) != (want.off == nil) {
		t.Fatalf("New(%q): map is nil: %v, reference: %v", orig, got.runs == nil, want.off == nil)
	}
	for n := 0; n <= len(got.Norm); n++ {
		if g, w := got.OrigOffset(n), want.OrigOffset(n); g != w {
			t.Fatalf("New(%q).OrigOffset(%d) = %d, reference %d (runs %v)", orig, n, g, w, got.runs)
		}
	}
	step := 1 + len(got.Norm)/48
	for i := -1; i <= len(got.Norm)+1; i += step {
		for j := i - 2; j <= len(got.Norm)+1; j += step {
			if i > len(got.Norm) && j <= i {
				continue // out of range: both panic
			}
			gs, ge := got.Span(i, j)
			ws, we := want.Span(i, j)
			if gs != ws || ge != we {
				t.Fatalf("New(%q).Span(%d,%d) = %d,%d, reference %d,%d (runs %v)", orig, i, j, gs, ge, ws, we, got.runs)
			}
		}
	}
	seg := DefaultSegmenter()
	for _, text := range []string{got.Norm, orig} {
		if g, w := seg.Split(text), seg.refSplit(text); !reflect.DeepEqual(g, w) {
			t.Fatalf("Split(%q) = %v, reference %v", text, g, w)
		}
	}
}

// FuzzNormalizeMatchesReference compares New (text, offsets, spans) and
// Split with the straightforward reference code in reference_test.go.
func FuzzNormalizeMatchesReference(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, orig string) {
		compareWithReference(t, orig)
	})
}

var fuzzSeeds = []string{
	"",
	"plain ASCII text. Two sentences!",
	"सड़क पर बड़ा हादसा हुआ।",
	"सड\u093Cक पर बडे\u093C वाहन",
	"बडे\u200D\u093C और बडे\u00AD\u200B\u093C, रे\u093C ने\u093C",
	"\u095C\u095D \u0921\u093C",
	"कुल \u0967\u0968\u0969 लोग, \u0966.\u096B%",
	"\u200Dक्\u200Dष \u200Cहिन्\u200Cदी\u00AD\u200B",
	"\uFEFF\u200Dशुरू में BOM",
	"\u201Cउद्धरण\u201D और \u2018single\u2019 \u00ABguillemets\u00BB",
	"a\u00A0b\u2009c\u202Fd\u3000e\u2000f\u2001",
	"bad \xff\xfe UTF-8 \xe0\xa4 cut\xe0",
	"\x00\x01\x1b[31mred\x1b[0m\x7f\u0085\u009b",
	"line one.\r\nline two।\nतीसरी पंक्ति\n\n",
	"e\u0301 A\u030A \u0915\u093C\u093C\u0947 café Québec",
	"U.S. officials said 2.5 km. Dr. Rao left. MR. X came.",
	"\"एक। दो।\" तीन।",
	"ये भी पढ़ें: कुछ\n— Share this\nREAD MORE\nKelvin \u212A. \u0130stanbul.",
	"क\u094D\u093C ऩ\u093C \u093C\u0951\u0952",
}

// TestNormalizeMatchesReferenceRandom compares with the reference on random
// strings drawn from the characters normalization treats specially.
func TestNormalizeMatchesReferenceRandom(t *testing.T) {
	alphabet := []string{
		"a", "B", " ", ".", "\"", "'", "?", "!", "\n", "\t", "\x01", "\x7f", "\xff", "\xe0", "\xa4",
		"क", "न", "र", "ळ", "ड", "े", "ा", "ि", "्", "\u093C", "।", "॥", "१", "०", "\u0958", "\u095C", "\u0929",
		"\u0951", "\u0952", "\u200B", "\u200C", "\u200D", "\u00AD", "\uFEFF", "\u2060",
		"\u2018", "\u2019", "\u201C", "\u201D", "\u00A0", "\u2000", "\u2009", "\u0085", "—", "é", "e\u0301",
		"\u0301", "\u0316", "\uFFFD", "Dr", "Mr", "डॉ", "एस",
		"\n", "\n", "Read more", "SHARE ON", "पढ़ें", "ये भी पढ़ें", "•", "-", ":", "#", "\u212A", "\u0130", "x",
	}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		compareWithReference(t, b.String())
	}
}

// TestSplitMatchesReferenceUserFurniture compares Split with the reference
// for furniture phrases that lowercasing changes in length or that are
// empty.
func TestSplitMatchesReferenceUserFurniture(t *testing.T) {
	seg, err := NewSegmenter(lexiconFile("furniture:\n  - \"\"\n  - \u212Aelvin\n  - \u0130stanbul\n  - Ünİ\nabbreviations:\n  - \u212Ag\n  - KM\n"))
	if err != nil {
		t.Fatal(err)
	}
	alphabet := []string{"\n", " ", ".", "k", "K", "\u212A", "elvin", "ELVIN", "i\u0307", "\u0130", "stanbul", "ü", "Ü", "n", "İ", "g", "G", "m", "\xff", "-", "।", "a"}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		text := b.String()
		if g, w := seg.Split(text), seg.refSplit(text); !reflect.DeepEqual(g, w) {
			t.Fatalf("Split(%q) = %v, reference %v", text, g, w)
		}
	}
}

// TestNormalizeMatchesReferenceStories compares with the reference on the
// bundled test stories, whole and line by line.
func TestNormalizeMatchesReferenceStories(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../testdata/*/*.txt", "../../testdata/*/*/*.txt", "../../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	// FACTDIFF_BENCH_CORPUS names a folder of generated articles to add.
	if dir := os.Getenv("FACTDIFF_BENCH_CORPUS"); dir != "" {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Skip("no stories found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		compareWithReference(t, string(data))
		for _, line := range strings.Split(string(data), "\n") {
			compareWithReference(t, line)
		}
	}
}

// TestLongRunsOfRemovedCharacters checks that runs of characters
// normalization removes (joiners, soft hyphens, BOMs) cost time in
// proportion to their length, and are read as the reference reads them with
// and without a nukta behind them.
func TestLongRunsOfRemovedCharacters(t *testing.T) {
	for _, unit := range []string{"\u200D", "\u00AD", "\u200B\u200C\uFEFF\u2060"} {
		for _, shape := range []string{"%s", "a%s\u093C", "डे%s\u093C x", "क%s\u093C%s"} {
			compareWithReference(t, strings.ReplaceAll(shape, "%s", strings.Repeat(unit, 300)))
		}
	}
	long := "हादसा" + strings.Repeat("\u200D", 200_000) + "बडे\u093C" + strings.Repeat("\u00AD", 200_000) + "\u093C हुआ।"
	start := time.Now()
	got := New(long).Norm
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("400,000 removed characters took %v; want time linear in the length", d)
	}
	if want := "हादसाबड़े\u093C हुआ।"; got != want {
		t.Errorf("Norm = %q, want %q", got, want)
	}
}
