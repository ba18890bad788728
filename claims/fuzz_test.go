package claims

import (
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/article"
)

var (
	fuzzX     *Extractor
	fuzzXErr  error
	fuzzXOnce sync.Once
)

// fuzzExtractor builds the extractor from the embedded data once per process.
func fuzzExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	fuzzXOnce.Do(func() { fuzzX, fuzzXErr = NewExtractor() })
	if fuzzXErr != nil {
		tb.Fatal(fuzzXErr)
	}
	return fuzzX
}

// fuzzSeeds are phrases and short articles in the shapes the scanners and
// frames read: quantities, ranges, dates, places, quotes, and broken input.
var fuzzSeeds = []string{
	"",
	"करीब तीन से चार घंटे",
	"सवा दो सौ किलोमीटर प्रति घंटा",
	"१९ जून २०२४ को",
	"about 40 km/h, roughly two dozen people and 1,250 rupees",
	"बुधवार को लखनऊ में दोनों मंत्रियों की बैठक करीब ढाई घंटे चली।",
	"शीर्षक: बस खाई में गिरी\nहादसे में 12 लोगों की मौत हो गई और 30 से ज्यादा घायल हुए। पुलिस ने बताया कि बस 80 किमी/घंटा की रफ्तार से चल रही थी।\n",
	"Talks in Geneva\nThe two ministers met on Tuesday in Geneva for nearly five hours, officials said. \"We agreed on most points,\" one of them said.\n",
	"मुला\u200Dकात सड\u093Cक पर \u0967\u0968 बजे, \u201Cहम तैयार हैं\u201D उन्होंने कहा।",
	"50-60 लोग। 5 - 6 घंटे। 2023-24 में। 3.5% बढ़त। ₹ 2.5 करोड़।",
	"\x1b]0;title\x07\x1b[31mसात\x1b[0m लोग मारे गए।",
	"bad \xff UTF-8 \xe0\xa4 ४ घंटे",
	"।।।...!!!??\"\"''(())",
}

// FuzzParse checks that Parse never panics and that every mention's offsets
// slice the phrase as given to exactly the mention's text. Seeds are in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	x := fuzzExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		ms := x.Parse(s)
		if ms == nil {
			t.Fatalf("Parse(%q) = nil, want an empty list", s)
		}
		for _, m := range ms {
			if m.Start < 0 || m.Start > m.End || m.End > len(s) {
				t.Fatalf("mention %q at [%d,%d) outside the phrase (len %d) %q", m.Text, m.Start, m.End, len(s), s)
			}
			if s[m.Start:m.End] != m.Text {
				t.Fatalf("mention text %q is not phrase[%d:%d] = %q of %q", m.Text, m.Start, m.End, s[m.Start:m.End], s)
			}
			if m.Type == "" {
				t.Fatalf("mention %q without a type in %q", m.Text, s)
			}
		}
	})
}

// FuzzExtract checks that Extract never panics on any valid UTF-8 article
// text and that every claim cites its text, sentence and position correctly:
// Text == text[Start:End], Sentence == text[SentenceStart:…] and contains the
// span, Line and Col point at Start, and confidence lies in (0,1]. Seeds are
// in testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	x := fuzzExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		// The reader hands over valid UTF-8 only.
		s = strings.ToValidUTF8(s, "\uFFFD")
		r := x.Extract(&article.Article{ID: "f", Text: s})
		if r.Article.ID != "f" {
			t.Fatalf("article id %q", r.Article.ID)
		}
		last := 0
		for _, c := range r.Claims {
			checkClaim(t, s, c)
			if c.Start < last {
				t.Fatalf("claims out of order: %q at %d after %d in %q", c.Text, c.Start, last, s)
			}
			last = c.Start
		}
	})
}

func checkClaim(t *testing.T, s string, c Claim) {
	t.Helper()
	if c.Source != "f" || c.Slot == "" || c.Type == "" {
		t.Fatalf("claim misses source, slot or type: %+v in %q", c, s)
	}
	if c.Start < 0 || c.Start > c.End || c.End > len(s) || s[c.Start:c.End] != c.Text {
		t.Fatalf("claim %q at [%d,%d) does not slice the text %q", c.Text, c.Start, c.End, s)
	}
	ss, se := c.SentenceStart, c.SentenceStart+len(c.Sentence)
	if ss < 0 || se > len(s) || s[ss:se] != c.Sentence {
		t.Fatalf("sentence %q at %d does not slice the text %q", c.Sentence, ss, s)
	}
	if c.Start < ss || c.End > se || !strings.Contains(c.Sentence, c.Text) {
		t.Fatalf("claim %q [%d,%d) lies outside its sentence %q [%d,%d) in %q", c.Text, c.Start, c.End, c.Sentence, ss, se, s)
	}
	line := 1 + strings.Count(s[:c.Start], "\n")
	col := 1 + utf8.RuneCountInString(s[strings.LastIndexByte(s[:c.Start], '\n')+1:c.Start])
	if c.Line != line || c.Col != col {
		t.Fatalf("claim %q at %d: line:col %d:%d, want %d:%d in %q", c.Text, c.Start, c.Line, c.Col, line, col, s)
	}
	if math.IsNaN(c.Confidence) || c.Confidence <= 0 || c.Confidence > 1 {
		t.Fatalf("claim %q: confidence %v outside (0,1] in %q", c.Text, c.Confidence, s)
	}
	if c.Display == "" {
		t.Fatalf("claim %q without a display string in %q", c.Text, s)
	}
}

// TestClaimInsideSentence holds inputs FuzzExtract found where a claim did
// not lie inside the sentence it cites: a full stop that ends a sentence and
// that the scanner could read as the point of a decimal (" .5").
func TestClaimInsideSentence(t *testing.T) {
	x := fuzzExtractor(t)
	for _, s := range []string{
		"खबर\nकंपनी का घाटा $ .5 अरब रहा और 40 लोग घायल हुए।\n",
		"घाय\uFFFD$ .0",
	} {
		r := x.Extract(&article.Article{ID: "f", Text: s})
		for _, c := range r.Claims {
			ss, se := c.SentenceStart, c.SentenceStart+len(c.Sentence)
			if c.Start < ss || c.End > se {
				t.Errorf("claim %q [%d,%d) lies outside its sentence %q [%d,%d)", c.Text, c.Start, c.End, c.Sentence, ss, se)
			}
		}
	}
}
