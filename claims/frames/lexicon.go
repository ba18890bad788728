package frames

import (
	_ "embed"
	"sort"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
)

//go:embed data/frames.yaml
var framesData []byte

// FrameDef is one frame entry of the lexicon: a name, its trigger words and
// the slot each value type takes.
type FrameDef struct {
	Name    string `yaml:"name"`
	Earlier string `yaml:"earlier"`
	Direct  bool   `yaml:"direct"`
	// Next names the frame a forecast of this kind of event takes
	// (next_meeting); default "next_" + Name.
	Next string `yaml:"next"`
	// Priority ranks frame words competing for a count (higher wins).
	Priority int `yaml:"priority"`
	// Group marks frame words that name a group of people.
	Group bool `yaml:"group"`
	// Agentless marks events nobody does ("हादसा"): a day after an agent
	// ("सरकार ने रविवार को …") is that agent's action, not the event's.
	Agentless bool `yaml:"agentless"`
	// Property marks frames of things rather than events (a train): the
	// future tense ("160 की रफ्तार से चलेगी") states what they are, not an
	// expected event.
	Property bool `yaml:"property"`
	// NotCounting lists nouns whose count is not this frame's even next to
	// its words: police at a gathering are not its crowd ("50 पुलिसकर्मी
	// मौजूद थे").
	NotCounting []string `yaml:"not_counting"`
	// native lists the types whose slots the entry defines itself (not
	// borrowed from a sibling entry).
	native   map[string]bool
	Triggers []string `yaml:"triggers"`
	// Zero are phrases that give the frame's count as none: "no one was
	// killed", "किसी की जान नहीं गई" are a death toll of 0.
	Zero []string `yaml:"zero"`
	// PlaceTriggers are frame words that count only right before a place
	// name: "left Kazan on Wednesday" is a departure, "left 14 dead" is not.
	PlaceTriggers []string          `yaml:"place_triggers"`
	Slots         map[string]string `yaml:"slots"`
}

type earlierCues struct {
	Clause  []string `yaml:"clause"`
	Since   []string `yaml:"since"`
	First   []string `yaml:"first"`
	Perfect []string `yaml:"perfect"`
	// Superlative: with one of these in its clause a "since" sets a window
	// of comparison ("the longest session since 2021"), no occurrence.
	Superlative []string `yaml:"superlative"`
}

type forecastCues struct {
	Speculation []string `yaml:"speculation"`
	Next        []string `yaml:"next"`
	Future      []string `yaml:"future"`
}

type attributionCues struct {
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
}

// kind is what a lexicon phrase signals.
type kind uint8

const (
	kTrigger kind = iota
	kEarlierClause
	kEarlierSince
	kPerfect
	kForecast
	kReference
	kReferenceHere
	kInstitution
	kPlaceClass
	kClauseBreak
	kVerbBeforeAnd
	kVerbAfterAnd
	kGenitive
	kSource
	kLocated
	kAttrBefore
	kAttrAfter
	kSpeech
	kFirst
	kSourceBefore
	kEventVerb
	kPart
	kWindow
	kMaximum
	kParticle
	kSubset
	kSubsetClause
	kNext
	kParticipants
	kReportVerb
	kScope
	kPeople
	kTally
	kFacility
	kDayLimitBefore
	kPronounAgent
	kDayLimitAfter
	kSuperseded
	kBuilding
	kVenue
	kNotCounting
	kUnconfirmed
	kSpeedLimit
	kNumbered
	kRecallRef
	kGapOrdinal
	kRunning
	kVictimVerb
	kSupersededBefore
	kChangeVerb
	kFuture
	kRelative
	kLocAfter
	kLocBefore
	kSubsetAfter
	kCapital
	kSuspension
	kPopulation
	kJourney
	kPartClause
	kSideline
	kHostEvent
	kReferenceDay
	kPlaceTrigger
	kYearLimitBefore
	kYearLimitAfter
	kSuperlative
	kDeadline
	kPersonTitle
	kRoundTrip
	kRoadWord
	kZero
	kThing
	numKinds
)

// Kinds are bits of a kindSet in the per-token hit masks.
var _ [128 - numKinds]struct{}

// kindSet is a set of phrase kinds, one bit each.
type kindSet [2]uint64

// kinds returns the set of ks.
func kinds(ks ...kind) kindSet {
	var s kindSet
	for _, k := range ks {
		s.add(k)
	}
	return s
}

// add puts k into the set.
func (s *kindSet) add(k kind) { s[k>>6] |= 1 << (k & 63) }

// has reports whether k is in the set.
func (s kindSet) has(k kind) bool { return s[k>>6]&(1<<(k&63)) != 0 }

// meets reports whether the sets have a kind in common.
func (s kindSet) meets(o kindSet) bool { return s[0]&o[0] != 0 || s[1]&o[1] != 0 }

// phrase is a sequence of folded words with what it signals.
type phrase struct {
	words []int32 // word ids
	kind  kind
	frame int // index into frames for triggers
}

// phraseSet finds lexicon phrases in token sequences: phrases are indexed by
// the id of their first word, longest first.
type phraseSet struct {
	words   *wordTable
	byFirst [][]phrase // by word id
}

// newPhraseSet returns an empty phrase set.
func newPhraseSet() *phraseSet {
	return &phraseSet{words: newWordTable()}
}

// add adds the phrase text, which signals k (and frame for a trigger).
func (ps *phraseSet) add(text string, k kind, frame int) {
	words := splitWords(text)
	if len(words) == 0 {
		return
	}
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = ps.words.intern(w)
	}
	for len(ps.byFirst) < len(ps.words.words) {
		ps.byFirst = append(ps.byFirst, nil)
	}
	ps.byFirst[ids[0]] = append(ps.byFirst[ids[0]], phrase{words: ids, kind: k, frame: frame})
}

// finish orders each first word's phrases longest first and builds the
// word table; no phrase may be added after it.
func (ps *phraseSet) finish() {
	for len(ps.byFirst) < len(ps.words.words) {
		ps.byFirst = append(ps.byFirst, nil)
	}
	for _, list := range ps.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	ps.words.finish()
}

// loadLexicon reads the frame data: embedded plus user files.
func loadLexicon(user []lexicon.File) ([]FrameDef, *phraseSet, map[string]map[string]bool, map[string][]string, error) {
	files := append([]lexicon.File{{Name: "frames/data/frames.yaml", Data: framesData}}, user...)
	defs, err := lexicon.Section[FrameDef](files, "frames")
	if err != nil {
		return nil, nil, nil, nil, err
	}
	ps := newPhraseSet()
	var frames []FrameDef
	for _, d := range defs {
		if d.Value.Name == "" {
			return nil, nil, nil, nil, lexicon.Errorf(d.File, d.Line, "a frame needs a name")
		}
		for t, slot := range d.Value.Slots {
			if slot == "" {
				return nil, nil, nil, nil, lexicon.Errorf(d.File, d.Line, "frame %s: empty slot for type %s", d.Value.Name, t)
			}
		}
		frames = append(frames, d.Value)
		for _, t := range d.Value.Triggers {
			ps.add(t, kTrigger, len(frames)-1)
		}
		for _, t := range d.Value.Zero {
			ps.add(t, kZero, len(frames)-1)
		}
		for _, t := range d.Value.PlaceTriggers {
			ps.add(t, kPlaceTrigger, len(frames)-1)
		}
		for _, t := range d.Value.NotCounting {
			ps.add(t, kNotCounting, len(frames)-1)
		}
	}
	lists := []struct {
		key  string
		kind kind
	}{
		{"reference", kReference}, {"reference_here", kReferenceHere}, {"institution", kInstitution},
		{"place_class", kPlaceClass}, {"clause_break", kClauseBreak}, {"verb_before_and", kVerbBeforeAnd}, {"verb_after_and", kVerbAfterAnd},
		{"event_verb", kEventVerb}, {"part", kPart}, {"window", kWindow}, {"maximum", kMaximum}, {"particle", kParticle}, {"subset", kSubset}, {"subset_after", kSubsetAfter}, {"capital", kCapital}, {"suspension", kSuspension}, {"population", kPopulation}, {"journey", kJourney}, {"part_clause", kPartClause}, {"sidelines", kSideline}, {"host_event", kHostEvent}, {"reference_day", kReferenceDay}, {"participants", kParticipants}, {"report_verb", kReportVerb}, {"scope", kScope}, {"people", kPeople}, {"tally", kTally}, {"facility", kFacility}, {"day_limit_before", kDayLimitBefore}, {"pronoun_agent", kPronounAgent}, {"day_limit_after", kDayLimitAfter}, {"year_limit_before", kYearLimitBefore}, {"year_limit_after", kYearLimitAfter}, {"deadline", kDeadline}, {"person_titles", kPersonTitle}, {"round_trip", kRoundTrip}, {"road_words", kRoadWord}, {"things", kThing}, {"superseded", kSuperseded}, {"building", kBuilding}, {"venue", kVenue}, {"unconfirmed", kUnconfirmed}, {"speed_limit", kSpeedLimit}, {"numbered", kNumbered}, {"recall_ref", kRecallRef}, {"gap_ordinal", kGapOrdinal}, {"running", kRunning}, {"victim_verb", kVictimVerb}, {"superseded_before", kSupersededBefore}, {"change_verb", kChangeVerb}, {"subset_clause", kSubsetClause}, {"relative", kRelative},
		{"locative_after", kLocAfter}, {"locative_before", kLocBefore}, {"genitive", kGenitive}, {"source_after", kSource}, {"source_before", kSourceBefore}, {"located", kLocated}, {"speech", kSpeech},
	}
	for _, l := range lists {
		items, err := lexicon.Section[string](files, l.key)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		for _, it := range items {
			ps.add(it.Value, l.kind, -1)
		}
	}
	if err := addMapSection[earlierCues](files, "earlier", func(c earlierCues) {
		for _, s := range c.Clause {
			ps.add(s, kEarlierClause, -1)
		}
		for _, s := range c.Since {
			ps.add(s, kEarlierSince, -1)
		}
		for _, s := range c.First {
			ps.add(s, kFirst, -1)
		}
		for _, s := range c.Perfect {
			ps.add(s, kPerfect, -1)
		}
		for _, s := range c.Superlative {
			ps.add(s, kSuperlative, -1)
		}
	}); err != nil {
		return nil, nil, nil, nil, err
	}
	if err := addMapSection[forecastCues](files, "forecast", func(c forecastCues) {
		for _, s := range c.Speculation {
			ps.add(s, kForecast, -1)
		}
		for _, s := range c.Next {
			ps.add(s, kNext, -1)
		}
		for _, s := range c.Future {
			ps.add(s, kFuture, -1)
		}
	}); err != nil {
		return nil, nil, nil, nil, err
	}
	if err := addMapSection[attributionCues](files, "attribution", func(c attributionCues) {
		for _, s := range c.Before {
			ps.add(s, kAttrBefore, -1)
		}
		for _, s := range c.After {
			ps.add(s, kAttrAfter, -1)
		}
	}); err != nil {
		return nil, nil, nil, nil, err
	}
	ps.finish()
	// Word sets: each word of a phrase on its own.
	sets := map[string]map[string]bool{}
	for _, name := range []string{"not_names", "conjunctions", "alternatives"} {
		set, err := wordSet(files, name)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		sets[name] = set
	}
	// Plain word lists, longest first so that a prefix or suffix match
	// takes the longest entry.
	wordLists := map[string][]string{}
	for _, name := range []string{"byline_words", "letter_names", "future_endings", "size_units", "train_directions", "participles"} {
		items, err := lexicon.Section[string](files, name)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		var words []string
		for _, w := range items {
			words = append(words, normalize.String(w.Value))
		}
		sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
		wordLists[name] = words
	}
	return frames, ps, sets, wordLists, nil
}

// wordSet reads the list section name into a set of folded words (each word
// of a phrase on its own).
func wordSet(files []lexicon.File, name string) (map[string]bool, error) {
	items, err := lexicon.Section[string](files, name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(items))
	for _, w := range items {
		for _, k := range splitWords(w.Value) {
			set[k] = true
		}
	}
	return set, nil
}

// splitWords splits a lexicon phrase into folded words, the same way the
// tokenizer splits text.
func splitWords(s string) []string {
	s = normalize.String(s)
	var out []string
	var tz tokenizer
	for _, t := range tz.tokenize(s, 0, len(s), nil) {
		out = append(out, tz.key(s, t))
	}
	return out
}

// hit is a phrase found in a sentence, in token positions [from, to).
type hit struct {
	from, to int
	kind     kind
	frame    int
}

// find returns every phrase occurrence in toks (for each start, the longest
// phrase of each kind and frame). Tokens carry the word ids of ps.words.
func (ps *phraseSet) find(toks []token, dst []hit) []hit {
	for i := range toks {
		if toks[i].id < 0 {
			continue
		}
		list := ps.byFirst[toks[i].id]
		var seen kindSet // kinds found at i
		for pi := range list {
			p := &list[pi]
			if p.kind != kTrigger && seen.has(p.kind) {
				continue
			}
			if i+len(p.words) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(p.words); k++ {
				if toks[i+k].id != p.words[k] {
					ok = false
					break
				}
			}
			if ok {
				seen.add(p.kind)
				dst = append(dst, hit{from: i, to: i + len(p.words), kind: p.kind, frame: p.frame})
			}
		}
	}
	return dst
}
