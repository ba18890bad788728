package compare

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/lexicon"
)

//go:embed data/compare.yaml
var defaultData []byte

// Lexicon is the data the comparison reads: slot labels, frames (which are
// occurrences, which are by name earlier events) and the central slots.
type Lexicon struct {
	labels  map[string]string
	frames  map[string]frameInfo
	attrs   map[string]string
	central []string
	broad   map[string]bool
	// unaligned frames gather values that belong to no particular fact.
	unaligned map[string]bool
}

type frameInfo struct {
	Name       string `yaml:"name"`
	Label      string `yaml:"label"`
	Occurrence bool   `yaml:"occurrence"`
	Earlier    bool   `yaml:"earlier"`
	// Unaligned marks a catch-all frame ("other") whose values are not one
	// fact across articles: they are never judged as conflicting.
	Unaligned bool `yaml:"unaligned"`
	// Legs marks the frames of a journey, which may have several legs: an
	// article that names two places of arrival gives both legs.
	Legs bool `yaml:"legs"`
	// Spread marks the frames of events that may cover several places (a
	// flood, a storm, lightning across districts): an article that names two
	// places of the event gives both.
	Spread bool `yaml:"spread"`
}

type labelEntry struct {
	Slot  string `yaml:"slot"`
	Label string `yaml:"label"`
}

type attrEntry struct {
	Name  string `yaml:"name"`
	Label string `yaml:"label"`
}

// LoadLexicon reads the embedded comparison data and then the user files on
// top of it. User files may carry the sections labels (slot, label), frames
// (name, label, occurrence, earlier, unaligned), attributes (name, label),
// central (slot patterns with "*" for any frame or attribute) and
// broad_places (English names of continents and world regions, too broad to
// tell places apart in notes); a later entry for the same slot, frame or
// attribute replaces the earlier one.
func LoadLexicon(user ...lexicon.File) (*Lexicon, error) {
	files := append([]lexicon.File{{Name: "compare/data/compare.yaml", Data: defaultData}}, user...)
	lx := &Lexicon{labels: map[string]string{}, frames: map[string]frameInfo{}, attrs: map[string]string{}, broad: map[string]bool{}}
	labels, err := lexicon.Section[labelEntry](files, "labels")
	if err != nil {
		return nil, err
	}
	for _, e := range labels {
		if e.Value.Slot == "" || e.Value.Label == "" {
			return nil, lexicon.Errorf(e.File, e.Line, "a label needs slot and label, e.g. {slot: incident.dead, label: Death toll}")
		}
		lx.labels[e.Value.Slot] = e.Value.Label
	}
	frames, err := lexicon.Section[frameInfo](files, "frames")
	if err != nil {
		return nil, err
	}
	for _, e := range frames {
		if e.Value.Name == "" {
			return nil, lexicon.Errorf(e.File, e.Line, "a frame needs a name, e.g. {name: meeting, label: Meeting, occurrence: true}")
		}
		lx.frames[e.Value.Name] = e.Value
	}
	attrs, err := lexicon.Section[attrEntry](files, "attributes")
	if err != nil {
		return nil, err
	}
	for _, e := range attrs {
		if e.Value.Name == "" {
			return nil, lexicon.Errorf(e.File, e.Line, "an attribute needs a name, e.g. {name: dead, label: deaths}")
		}
		lx.attrs[e.Value.Name] = e.Value.Label
	}
	central, err := lexicon.Section[string](files, "central")
	if err != nil {
		return nil, err
	}
	for _, e := range central {
		if strings.Count(e.Value, ".") != 1 {
			return nil, lexicon.Errorf(e.File, e.Line, "central slot %q must look like frame.attribute (\"*\" for any)", e.Value)
		}
		lx.central = append(lx.central, e.Value)
	}
	broad, err := lexicon.Section[string](files, "broad_places")
	if err != nil {
		return nil, err
	}
	for _, e := range broad {
		lx.broad[e.Value] = true
	}
	return lx, nil
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// DefaultLexicon returns the embedded comparison data.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() {
		lx, err := LoadLexicon()
		if err != nil {
			panic(fmt.Sprintf("compare: embedded data is broken: %v", err))
		}
		defaultLex = lx
	})
	return defaultLex
}

// Label returns the label of a slot from the embedded data: "meeting.location"
// → "Meeting location"; slots without data get one built from their name.
func Label(slot string) string { return DefaultLexicon().Label(slot) }

// Label returns the label of slot: its own entry, else its frame and
// attribute labels, else the slot name with "_" and "." as spaces.
func (lx *Lexicon) Label(slot string) string {
	if l, ok := lx.labels[slot]; ok {
		return l
	}
	frame, attr := splitSlot(slot)
	fl := lx.frames[frame].Label
	if fl == "" {
		fl = humanize(frame)
	}
	if attr == "" {
		return capitalize(fl)
	}
	al, ok := lx.attrs[attr]
	if !ok {
		al = humanize(attr)
	}
	return capitalize(fl + " " + al)
}

// Central reports whether slot is one of a story's central facts.
func (lx *Lexicon) Central(slot string) bool {
	frame, attr := splitSlot(slot)
	for _, p := range lx.central {
		pf, pa := splitSlot(p)
		if (pf == "*" || pf == frame) && (pa == "*" || pa == attr) {
			return true
		}
	}
	return false
}

// occurrence reports whether slot dates the occurrence an article reports.
func (lx *Lexicon) occurrence(slot string) bool {
	frame, _ := splitSlot(slot)
	return lx.frames[frame].Occurrence
}

// aligned reports whether the values of slot are one fact across articles.
func (lx *Lexicon) aligned(slot string) bool {
	frame, _ := splitSlot(slot)
	return !lx.frames[frame].Unaligned
}

// earlierFrame reports whether slot's frame is by name an earlier event.
func (lx *Lexicon) earlierFrame(slot string) bool {
	frame, _ := splitSlot(slot)
	return lx.frames[frame].Earlier
}

// sideBySide returns, for a slot whose values one article may give side by
// side without contradicting itself or the others, the note that says why:
// the legs of a journey, or the places an event covered; else "".
func (lx *Lexicon) sideBySide(slot string) string {
	frame, attr := splitSlot(slot)
	switch f := lx.frames[frame]; {
	case f.Legs:
		return "Some articles name more than one leg of the journey and give these values side by side, so they likely describe different legs rather than contradict each other"
	case f.Spread && attr == "location":
		return "Some articles name several of these places side by side for the same occurrence, so it likely covered them all rather than the reports contradicting each other"
	}
	return ""
}

// frameWords names a slot's frame in running text: "previous meeting".
func (lx *Lexicon) frameWords(slot string) string {
	frame, _ := splitSlot(slot)
	if l := lx.frames[frame].Label; l != "" {
		return strings.ToLower(l)
	}
	return humanize(frame)
}

func splitSlot(slot string) (frame, attr string) {
	if i := strings.LastIndexByte(slot, '.'); i >= 0 {
		return slot[:i], slot[i+1:]
	}
	return slot, ""
}

func humanize(s string) string {
	return strings.TrimSpace(strings.NewReplacer("_", " ", ".", " ", "-", " ").Replace(s))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
