package gazetteer

import (
	"strings"
	"testing"
	"unicode"

	"github.com/factdiff/factdiff/claims/lexicon"
)

// The embedded data builds, is large enough and is consistent.
func TestData(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatalf("embedded data: %v", err)
	}
	if n := g.Len(); n < 1500 {
		t.Errorf("Len() = %d entries, want at least 1500", n)
	}
	// No two entries claim one key with the same priority; a shared
	// spelling must be marked weak on all but one of them.
	for _, c := range g.Conflicts() {
		t.Errorf("key claimed twice: %s (mark one spelling weak, or drop it)", c)
	}
	for _, e := range g.Entries() {
		if !hasDevanagari(e.Hindi) && !hasDevanagari(e.Guarded) {
			t.Errorf("%s has no Hindi name", e.ID)
		}
		if e.Name == "" {
			t.Errorf("%s has no English name", e.ID)
		}
		prefix := map[bool]string{true: "place:", false: ""}[e.Kind.IsPlace()]
		switch e.Kind {
		case Person:
			prefix = "person:"
		case Organization:
			prefix = "org:"
		}
		if !strings.HasPrefix(e.ID, prefix) {
			t.Errorf("%s: a %s needs an id starting with %q", e.ID, e.Kind, prefix)
		}
		for _, w := range e.Within {
			if g.ByID(w) == nil {
				t.Errorf("%s is within unknown %s", e.ID, w)
			}
		}
		if e.Country != "" && g.ByID(e.Country) == nil {
			t.Errorf("%s has unknown country %s", e.ID, e.Country)
		}
	}
}

// An id is defined once per file; only countries_extra.yaml extends the
// generated countries.
func TestDataDuplicateIDs(t *testing.T) {
	files, err := embeddedFiles()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, f := range files {
		for _, sec := range sections {
			items, err := lexicon.Section[yamlEntry]([]lexicon.File{f}, sec.key)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				id := it.Value.ID
				if prev, ok := seen[id]; ok {
					if !(strings.HasSuffix(prev, "countries.yaml") && strings.HasSuffix(f.Name, "countries_extra.yaml")) {
						t.Errorf("%s:%d: id %s already defined in %s", f.Name, it.Line, id, prev)
					}
					continue
				}
				seen[id] = f.Name
			}
		}
	}
}

func hasDevanagari(ss []string) bool {
	for _, s := range ss {
		for _, r := range s {
			if unicode.Is(unicode.Devanagari, r) {
				return true
			}
		}
	}
	return false
}
