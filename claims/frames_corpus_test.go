package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/lexicon"
	"gopkg.in/yaml.v3"
)

// frameCase is one entry of the frame corpora in testdata/frames.
type frameCase struct {
	Text        string            `yaml:"text"`
	Want        map[string]string `yaml:"want"`
	None        []string          `yaml:"none"`
	Not         map[string]string `yaml:"not"`
	Expected    []string          `yaml:"expected"`
	Earlier     []string          `yaml:"earlier"`
	Attribution map[string]string `yaml:"attribution"`
}

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// claimValue is how the corpus writes a claim's value: a place's English name
// or the value's display form.
func claimValue(c Claim) string {
	if c.Value.Entity != nil {
		return c.Value.Entity.Name
	}
	return c.Value.Display()
}

func TestFrameCorpus(t *testing.T) {
	x := testExtractor(t)
	files, _ := filepath.Glob("testdata/frames/*.yaml")
	if len(files) == 0 {
		t.Fatal("no frame corpora")
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cases []frameCase
		if err := yaml.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, tc := range cases {
			name := filepath.Base(file) + ": " + tc.Text
			a := &article.Article{ID: "t", Text: "Headline\n" + tc.Text}
			r := x.Extract(a)
			bySlot := map[string][]Claim{}
			var all []string
			for _, c := range r.Claims {
				bySlot[c.Slot] = append(bySlot[c.Slot], c)
				all = append(all, c.Slot+"="+claimValue(c))
			}
			find := func(slot, val string) *Claim {
				for i, c := range bySlot[slot] {
					if val == "" || claimValue(c) == val {
						return &bySlot[slot][i]
					}
				}
				return nil
			}
			for slot, val := range tc.Want {
				if find(slot, val) == nil {
					t.Errorf("%s\n  want %s=%s, got %v", name, slot, val, all)
				}
			}
			for _, slot := range tc.None {
				if len(bySlot[slot]) > 0 {
					t.Errorf("%s\n  want no %s, got %v", name, slot, all)
				}
			}
			for slot, val := range tc.Not {
				if find(slot, val) != nil {
					t.Errorf("%s\n  want no %s=%s, got %v", name, slot, val, all)
				}
			}
			for _, slot := range tc.Expected {
				if c := find(slot, ""); c == nil || !c.Expected {
					t.Errorf("%s\n  want %s marked expected, got %v", name, slot, all)
				}
			}
			for _, slot := range tc.Earlier {
				if c := find(slot, ""); c == nil || !c.Earlier {
					t.Errorf("%s\n  want %s marked earlier, got %v", name, slot, all)
				}
			}
			for slot, who := range tc.Attribution {
				if c := find(slot, ""); c == nil || c.Attribution != who {
					t.Errorf("%s\n  want %s attributed to %s, got %+v", name, slot, who, c)
				}
			}
		}
	}
}

// TestOffsetsSliceOriginal checks, for every claim of every bundled article,
// that the byte offsets slice the file to exactly the claim's text.
func TestOffsetsSliceOriginal(t *testing.T) {
	x := testExtractor(t)
	var paths []string
	_ = filepath.Walk("../testdata", func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md")) {
			paths = append(paths, p)
		}
		return nil
	})
	if shared, _ := filepath.Glob("../../shared/seeds/*.txt"); len(shared) > 0 {
		paths = append(paths, shared...)
	}
	if len(paths) == 0 {
		t.Skip("no articles")
	}
	n := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := x.Extract(&article.Article{ID: filepath.Base(p), Text: string(b)})
		for _, c := range r.Claims {
			n++
			if c.Start < 0 || c.End > len(b) || string(b[c.Start:c.End]) != c.Text {
				t.Errorf("%s: claim %s text %q but bytes %d:%d are %q", p, c.Slot, c.Text, c.Start, c.End, b[c.Start:c.End])
			}
			if !strings.Contains(c.Sentence, c.Text) {
				t.Errorf("%s: claim %s text %q not inside its sentence %q", p, c.Slot, c.Text, c.Sentence)
			}
		}
	}
	if n == 0 {
		t.Error("no claims at all")
	}
}

// TestUserLexicon checks that a user file can add a frame and a place, and
// that a bad entry is reported with its file and line.
func TestUserLexicon(t *testing.T) {
	user := lexicon.File{Name: "newsroom.yaml", Data: []byte(`frames:
  - name: election
    triggers: [मतदान, turnout]
    slots: {percent: turnout, weekday: day}
places:
  - {id: place:kusumkheda, name: Kusumkheda, kind: city, hindi: [कुसुमखेड़ा], within: [place:in-uttar-pradesh]}
`)}
	x, err := NewExtractor(user)
	if err != nil {
		t.Fatal(err)
	}
	r := x.Extract(&article.Article{ID: "u", Text: "Headline\nराज्य में सोमवार को 64 प्रतिशत मतदान हुआ। कुसुमखेड़ा में हादसा हुआ।"})
	got := map[string]string{}
	for _, c := range r.Claims {
		got[c.Slot] = claimValue(c)
	}
	if got["election.turnout"] != "64 %" || got["election.day"] != "Monday" || got["incident.location"] != "Kusumkheda" {
		t.Errorf("user lexicon not applied: %v", got)
	}
	bad := lexicon.File{Name: "bad.yaml", Data: []byte("frames:\n  - name: election\n    slots: {percent: \"\"}\n")}
	if _, err := NewExtractor(bad); err == nil || !strings.Contains(err.Error(), "bad.yaml:2") {
		t.Errorf("bad entry error = %v, want bad.yaml:2", err)
	}
}

// TestDateGivesItsYearOnce checks that a dated event gets one year claim,
// however many sentences follow it.
func TestDateGivesItsYearOnce(t *testing.T) {
	x := testExtractor(t)
	text := "मार्च 2021 में दोनों देशों के बीच समझौता हुआ। उसके बाद व्यापार बढ़ा। अगले साल भी बातचीत चली।"
	r := x.Extract(&article.Article{ID: "t", Text: text})
	years := 0
	for _, c := range r.Claims {
		if c.Slot == "treaty.year" {
			years++
			if c.Display != "2021" {
				t.Errorf("treaty.year = %q, want 2021", c.Display)
			}
		}
	}
	if years != 1 {
		t.Errorf("%d treaty.year claims, want 1: %+v", years, r.Claims)
	}
}

// TestStrayMarkBeforeNumber checks that a combining mark standing alone
// before a number (a stray nukta after a space) is read past, not a crash.
func TestStrayMarkBeforeNumber(t *testing.T) {
	x := testExtractor(t)
	for _, text := range []string{"हादसे में \u093c 5 लोगों की मौत हो गई।", "Blast \u093c 5 people died."} {
		r := x.Extract(&article.Article{ID: "t", Text: text})
		found := false
		for _, c := range r.Claims {
			found = found || c.Display == "5"
		}
		if !found {
			t.Errorf("%q: no claim of 5 in %+v", text, r.Claims)
		}
	}
}

// TestUnlistedPlaceInListedOne checks that an unlisted place the text puts
// inside a listed one ("X in Idukki district", "इडुक्की जिले के X गांव में")
// carries the listed place as its container, so that it compares as the more
// precise place, and that a name without such a phrase carries none.
func TestUnlistedPlaceInListedOne(t *testing.T) {
	x := testExtractor(t)
	idukki := x.Extract(&article.Article{ID: "k", Text: "Headline\nA landslide occurred in Idukki district on Friday."})
	var idukkiID string
	for _, c := range idukki.Claims {
		if e := c.Value.Entity; e != nil && e.Name == "Idukki" {
			idukkiID = e.ID
		}
	}
	if idukkiID == "" {
		t.Fatalf("Idukki not found: %+v", idukki.Claims)
	}
	for _, tc := range []struct {
		text, place string
		inIdukki    bool
	}{
		{"A landslide struck homes in Kottapara in Idukki district on Friday.", "Kottapara", true},
		{"The landslide hit homes at Kottapara and Pallikunnu in Idukki district on Friday.", "Kottapara", true},
		{"इडुक्की जिले के कोट्टापारा गांव में शुक्रवार को भूस्खलन हुआ।", "Kottapara", true},
		{"इडुक्की के कोट्टापारा गांव में शुक्रवार को भूस्खलन हुआ।", "Kottapara", true},
		{"A landslide struck homes in Kottapara on Friday.", "Kottapara", false},
		{"कोट्टापारा गांव में शुक्रवार को भूस्खलन हुआ।", "Kottapara", false},
	} {
		r := x.Extract(&article.Article{ID: "t", Text: "Headline\n" + tc.text})
		var found bool
		for _, c := range r.Claims {
			e := c.Value.Entity
			if e == nil || e.Name != tc.place {
				continue
			}
			found = true
			if got := len(e.WithinIDs) > 0 && e.WithinIDs[0] == idukkiID; got != tc.inIdukki {
				t.Errorf("%s: %s within %v, want inside Idukki: %v", tc.text, tc.place, e.WithinIDs, tc.inIdukki)
			}
		}
		if !found {
			t.Errorf("%s: no claim for %s", tc.text, tc.place)
		}
	}
}

// TestUnconfirmedHalvesConfidence checks that a figure its own sentence calls
// unconfirmed gets half the confidence of the same figure stated plainly.
func TestUnconfirmedHalvesConfidence(t *testing.T) {
	x := testExtractor(t)
	conf := func(text string) float64 {
		r := x.Extract(&article.Article{ID: "u", Text: "Headline\n" + text})
		for _, c := range r.Claims {
			if c.Slot == "incident.dead" {
				return c.Confidence
			}
		}
		t.Fatalf("%s: no incident.dead in %+v", text, r.Claims)
		return 0
	}
	plain := conf("हादसे में 12 लोगों की मौत हुई है।")
	doubtful := conf("अपुष्ट खबरों के मुताबिक हादसे में 12 लोगों की मौत हुई है।")
	if plain != 0.9 || doubtful != 0.45 {
		t.Errorf("confidence %.2f plain and %.2f unconfirmed, want 0.90 and 0.45", plain, doubtful)
	}
}
