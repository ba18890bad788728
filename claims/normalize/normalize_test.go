package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeForms(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "Talks lasted 3 hours.", "Talks lasted 3 hours."},
		{"devanagari digits", "१२७ मील", "127 मील"},
		{"mixed digits", "२०19 में", "2019 में"},
		{"misplaced nukta", "जुडे़ एक सवाल", "जुड़े एक सवाल"},
		{"precomposed nukta letter decomposes", "\u095Cा", "ड\u093Cा"},
		{"zero width joiners dropped", "क्\u200Dष", "क्ष"},
		{"zero width non-joiner dropped", "a\u200Cb", "ab"},
		{"curly quotes", "“हम जीतेंगे” ‘यह’", `"हम जीतेंगे" 'यह'`},
		{"guillemets", "«Nous»", `"Nous"`},
		{"no-break space", "59\u00A0km/h", "59 km/h"},
		{"narrow no-break space", "10\u202Fहजार", "10 हजार"},
		{"soft hyphen", "inter\u00ADnational", "international"},
		{"byte order mark", "\uFEFFरूस", "रूस"},
		{"control character", "a\x1b[31mb", "a [31mb"},
		{"NFC composes", "e\u0301", "é"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := String(tc.in); got != tc.want {
				t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSpanMapsBack checks that every word of the normalized text maps back to
// the original bytes that produced it.
func TestSpanMapsBack(t *testing.T) {
	tests := []struct {
		orig, normWord, origWord string
	}{
		{"रूस से १२७ मील दूर", "127", "१२७"},
		{"रूस से १२७ मील दूर", "मील", "मील"},
		{"सवाल से जुडे़ एक", "जुड़े", "जुडे़"},
		{"“मुझे खुशी हुई” कहा", "मुझे", "मुझे"},
		{"a\u200Db 2019\u00A0में", "2019", "2019"},
		{"a\u200Db 2019\u00A0में", "में", "में"},
		{"e\u0301t\u00e9 २०२३", "2023", "२०२३"},
		{"e\u0301t\u00e9 २०२३", "été", "e\u0301t\u00e9"},
	}
	for _, tc := range tests {
		tx := New(tc.orig)
		i := strings.Index(tx.Norm, tc.normWord)
		if i < 0 {
			t.Fatalf("%q not in normalized %q", tc.normWord, tx.Norm)
		}
		s, e := tx.Span(i, i+len(tc.normWord))
		if got := tc.orig[s:e]; got != tc.origWord {
			t.Errorf("Span of %q in %q = %q, want %q", tc.normWord, tc.orig, got, tc.origWord)
		}
	}
}

func TestSpanAlwaysOnBoundaries(t *testing.T) {
	orig := "क़रीब १२ “घंटे” जुडे़\u200Cकर e\u0301"
	tx := New(orig)
	for i := 0; i <= len(tx.Norm); i++ {
		for j := i; j <= len(tx.Norm); j++ {
			s, e := tx.Span(i, j)
			if s < 0 || e > len(orig) || s > e {
				t.Fatalf("Span(%d,%d) = %d,%d out of range", i, j, s, e)
			}
			if !utf8.ValidString(orig[s:e]) {
				t.Fatalf("Span(%d,%d) = %q splits a character", i, j, orig[s:e])
			}
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"hindi danda", "बैठक बुधवार को हुई। यह चार घंटे चली।", []string{"बैठक बुधवार को हुई।", "यह चार घंटे चली।"}},
		{"hindi full stop", "बैठक बुधवार को हुई. यह चार घंटे चली.", []string{"बैठक बुधवार को हुई.", "यह चार घंटे चली."}},
		{"question and exclamation", "क्या हुआ? सब ठीक है! चलो।", []string{"क्या हुआ?", "सब ठीक है!", "चलो।"}},
		{"english abbreviations", "Mr. Lee met Dr. Kim in the U.S. on Monday. Talks ended.", []string{"Mr. Lee met Dr. Kim in the U.S. on Monday.", "Talks ended."}},
		{"decimal", "Prices rose 2.5 percent. Then fell.", []string{"Prices rose 2.5 percent.", "Then fell."}},
		{"initials", "J. K. Singh said so. Others agreed.", []string{"J. K. Singh said so.", "Others agreed."}},
		{"hindi initial", "डॉ. एस. जयशंकर पहुंचे। फिर बात हुई।", []string{"डॉ. एस. जयशंकर पहुंचे।", "फिर बात हुई।"}},
		{"quote keeps sentences", `उन्होंने कहा- "हम जीतेंगे. हम साथ हैं." फिर वे गए.`, []string{`उन्होंने कहा- "हम जीतेंगे. हम साथ हैं."`, "फिर वे गए."}},
		{"paragraph breaks", "पहली बात हुई।\n\nदूसरी बात हुई।", []string{"पहली बात हुई।", "दूसरी बात हुई।"}},
	}
	seg := DefaultSegmenter()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Prefix a title line so the text lines are body lines.
			text := "शीर्षक\n" + tc.in
			var got []string
			for _, s := range seg.Split(text) {
				if s.Kind == Body {
					got = append(got, text[s.Start:s.End])
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLineKinds(t *testing.T) {
	text := strings.Join([]string{
		"बस हादसे में कई लोगों की मौत",               // title
		"जिले में बुधवार सुबह एक बस खाई में गिर गई।", // body
		"ये भी पढ़ें: 10 साल की बच्ची ने जीता पदक",   // furniture
		"पुलिस ने बताया कि राहत कार्य जारी है।",      // body
		"सड़क सुरक्षा पर उठे 5 बड़े सवाल",            // heading: no closing punctuation
		"Leave A Reply", // furniture
		"Your email address will not be published.", // furniture
		"फॉलो करें:",                                // furniture
		"Share this article",                        // furniture
		"खास बातें:",                                // body: opens a list of main points
		"- पुल 1998 में बना था",                     // body: a main point
		"• 14 लोग अब भी लापता",                      // body
		"2) Rescue called off after 36 hours",       // body: numbered
		"राहत शिविरों में 800 लोग",                  // heading: the list has ended
		"- बाढ़ से जुड़े 5 बड़े सवाल",               // heading: a bullet outside a list
	}, "\n")
	want := []Kind{Title, Body, Furniture, Body, Heading, Furniture, Furniture, Furniture, Furniture,
		Body, Body, Body, Body, Heading, Heading}
	var got []Kind
	last := -1
	for _, s := range DefaultSegmenter().Split(String(text)) {
		if s.Line != last {
			got = append(got, s.Kind)
			last = s.Line
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: kind %v, want %v", i, got[i], want[i])
		}
	}
}

func TestUserFurniture(t *testing.T) {
	seg, err := NewSegmenter(lexiconFile("furniture:\n  - इन्हें भी देखें\n"))
	if err != nil {
		t.Fatal(err)
	}
	ss := seg.Split("शीर्षक\nइन्हें भी देखें: कुछ")
	if ss[len(ss)-1].Kind != Furniture {
		t.Errorf("user furniture phrase not applied: %v", ss)
	}
}

func BenchmarkNormalizeHindi(b *testing.B) {
	text := strings.Repeat("दोनों नेताओं की बातचीत करीब चार से पांच घंटे तक चली और इसके बाद १२७ मील दूर स्थित शहर में “स्टेट डिनर” हुआ। ", 200)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		New(text)
	}
}

func BenchmarkSplitHindi(b *testing.B) {
	text := String(strings.Repeat("दोनों नेताओं की बातचीत करीब चार से पांच घंटे तक चली. इसके बाद डॉ. एस. राव ने कहा कि बैठक सफल रही।\n", 200))
	seg := DefaultSegmenter()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		seg.Split(text)
	}
}

// storyTexts reads the bundled test stories, one text per article.
func storyTexts(b *testing.B) []string {
	files, _ := filepath.Glob("../../testdata/*/*/*.txt")
	more, _ := filepath.Glob("../../testdata/*/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		b.Skip("no test stories")
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// BenchmarkNormalizeStories normalizes every bundled test story (Hindi and
// English news articles) once per iteration.
func BenchmarkNormalizeStories(b *testing.B) {
	texts := storyTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			New(t)
		}
	}
}

// BenchmarkSplitStories splits every normalized test story once per
// iteration.
func BenchmarkSplitStories(b *testing.B) {
	texts := storyTexts(b)
	size := 0
	for i, t := range texts {
		texts[i] = String(t)
		size += len(texts[i])
	}
	seg := DefaultSegmenter()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			seg.Split(t)
		}
	}
}
