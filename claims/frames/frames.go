// Package frames decides what each value in an article is about: it puts the
// numbers, days and places that the scanners found onto named slots
// ("meeting.duration", "arrival.day", "previous_meeting.year") by the clause
// they stand in — the trigger words of a frame, the postposition after a place,
// cue words for earlier events and forecasts — and attaches who the article
// credits for it.
//
// It is not for finding values in text (package scan and package gazetteer do
// that) nor for comparing articles.
package frames

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

// Mention is a value found by the scanners, in normalized-text offsets.
type Mention struct {
	Start, End int
	Type       value.Type
	Value      value.Value
	Display    string
}

// Entity is a gazetteer match, in normalized-text offsets.
type Entity struct {
	Start, End int
	Value      value.Entity
	// Demonym marks an adjective of a place ("रूसी", "Russian"): never a location.
	Demonym bool
	// Weak marks a name that may mean another entity too (bare "किम").
	Weak bool
}

// Input is one article as the frame stage sees it.
type Input struct {
	Text      string // normalized text
	Sentences []normalize.Sentence
	Mentions  []Mention // sorted by Start
	Entities  []Entity  // sorted by Start
}

// Assignment is a value on a slot: a claim before it is mapped back to the
// original text.
type Assignment struct {
	Slot          string
	Type          value.Type
	Value         value.Value
	Display       string
	Start, End    int // normalized-text offsets of the value's text
	Sentence      int // index into Input.Sentences
	Attribution   string
	AttributionID string
	Confidence    float64
	Expected      bool
	Earlier       bool
	Inferred      string
}

// Assigner assigns slots. It is built once and safe for concurrent use.
type Assigner struct {
	frames   []FrameDef
	phrases  *phraseSet
	notNames map[string]bool
	// conj and alt are the words that join two items of a list: "और",
	// "and" (conjunctions) and "या", "or" (alternatives).
	conj, alt map[string]bool
	// futureEndings are the endings of Hindi future verb forms ("ेगा").
	futureEndings []string
	// letterNames are the Hindi names of Latin letters ("यू", "के"),
	// longest first, that codes are spelled with.
	letterNames []string
	// participles are the Hindi participles that make "YEAR में <participle>
	// … <noun>" date the noun ("2024 में पारित प्रस्ताव").
	participles []string
	// trainDirections are the words after a number that make it a train's
	// number ("13 अप", "12 Down"), as written.
	trainDirections []string
	// sizeUnits are the units of distance that measure the size of a
	// thing, never a way travelled ("mm").
	sizeUnits []string
	// bylineWords are the words of a byline ("संवाददाता", "ब्यूरो"), which
	// mark a place beside them as the dateline.
	bylineWords []string
	// typeIndex numbers the value types that frames have slots for;
	// slots[frame][typeIndex[typ]] spells out the frame's slot names for
	// the type.
	typeIndex map[string]int
	typeShape typeShapes
	slots     [][]slotNames
	// otherSlot is "other."+typ, by type index, for the types that take a
	// generic slot.
	otherSlot []string
	// prefix, location and earlierLocation are, per frame, "name.",
	// "name.location" and "earlier.location".
	prefix, location, earlierLocation []string
	// rounded holds round2 of every confidence the rules can compute, by
	// the confidence's bits.
	rounded map[uint64]float64
	// Unknown turns an unlisted place name into an entity value.
	Unknown func(surface string) value.Entity
}

// New builds an Assigner from the embedded frame lexicon plus user files.
func New(user ...lexicon.File) (*Assigner, error) {
	frames, ps, sets, lists, err := loadLexicon(user)
	if err != nil {
		return nil, err
	}
	mergeSiblingSlots(frames)
	a := &Assigner{frames: frames, phrases: ps, notNames: sets["not_names"], conj: sets["conjunctions"], alt: sets["alternatives"], bylineWords: lists["byline_words"], letterNames: lists["letter_names"],
		futureEndings: lists["future_endings"], sizeUnits: lists["size_units"], trainDirections: lists["train_directions"], participles: lists["participles"], Unknown: func(s string) value.Entity {
			// The name is copied: s is cut from the article, which a kept
			// claim must not hold in memory.
			return value.Entity{Name: strings.Clone(s), ID: "unknown:" + strings.ToLower(s), Unknown: true, Kind: "place"}
		}}
	a.spellSlots()
	a.roundConfidences()
	return a, nil
}

// slotNames are the names of the slot a frame gives one value type.
type slotNames struct {
	slot    string // the frame's own name for it ("day"); "" when it has none
	full    string // "meeting.day"
	earlier string // "previous_meeting.day" when the frame names an earlier occurrence
	next    string // "next_meeting.day", the slot of a forecast
	native  bool   // the entry defines the slot itself, not a sibling
}

// spellSlots spells out every slot name once, so that assigning a value
// concatenates no strings.
func (a *Assigner) spellSlots() {
	a.typeIndex = map[string]int{}
	addType := func(typ string) {
		if _, ok := a.typeIndex[typ]; !ok {
			a.typeIndex[typ] = len(a.typeIndex)
		}
	}
	for _, t := range otherTypes {
		addType(string(t))
	}
	for _, f := range a.frames {
		for typ := range f.Slots {
			addType(typ)
		}
	}
	a.typeShape = newTypeShapes(a.typeIndex)
	a.slots = make([][]slotNames, len(a.frames))
	for i, f := range a.frames {
		a.slots[i] = make([]slotNames, len(a.typeIndex))
		for typ, slot := range f.Slots {
			sn := slotNames{slot: slot, full: f.Name + "." + slot, next: a.nextName(i) + "." + slot, native: f.native[typ]}
			if f.Earlier != "" {
				sn.earlier = f.Earlier + "." + slot
			}
			a.slots[i][a.typeIndex[typ]] = sn
		}
		a.prefix = append(a.prefix, f.Name+".")
		a.location = append(a.location, f.Name+".location")
		a.earlierLocation = append(a.earlierLocation, f.Earlier+".location")
	}
	a.otherSlot = make([]string, len(a.typeIndex))
	for _, t := range otherTypes {
		a.otherSlot[a.typeIndex[string(t)]] = "other." + string(t)
	}
}

// otherTypes are the types whose values take a generic slot ("other.year")
// when no frame claims them.
var otherTypes = []value.Type{value.TypeYear, value.TypeDistance, value.TypeCount, value.TypeSpeed, value.TypeDuration,
	value.TypeMoney, value.TypePercent, value.TypeAge, value.TypeDate}

// slotsOf returns the slot names of frame for a type index; an index of -1
// (a type no frame has a slot for) gives none.
func (a *Assigner) slotsOf(frame, ti int) slotNames {
	if ti < 0 {
		return slotNames{}
	}
	return a.slots[frame][ti]
}

// typeIdx returns the index of typ in a.slots, or -1.
func (a *Assigner) typeIdx(typ string) int {
	if ti, ok := a.typeShape.find(typ); ok {
		return ti
	}
	if ti, ok := a.typeIndex[typ]; ok {
		return ti
	}
	return -1
}

// typeShapes finds the index of a type name by its length and last byte,
// which tell the standard value types apart, with one string comparison.
type typeShapes struct {
	names []string
	// index is 1 + the index into names of the only name of a shape, 0 for
	// none and -1 when names share the shape.
	index [16][256]int8
}

// newTypeShapes indexes the type names of index.
func newTypeShapes(index map[string]int) typeShapes {
	var ts typeShapes
	ts.names = make([]string, len(index))
	for name, i := range index {
		ts.names[i] = name
		if len(name) == 0 {
			continue
		}
		cell := &ts.index[len(name)&15][name[len(name)-1]]
		if *cell == 0 && i < 127 {
			*cell = int8(i + 1)
		} else {
			*cell = -1
		}
	}
	return ts
}

// find returns the index of name, -1 when no frame has a slot for it; ok
// false means that the map must tell.
func (ts *typeShapes) find(name string) (int, bool) {
	if len(name) == 0 {
		return 0, false
	}
	switch k := ts.index[len(name)&15][name[len(name)-1]]; {
	case k > 0 && ts.names[k-1] == name:
		return int(k - 1), true
	case k >= 0:
		return -1, true // no name of the shape, or another one
	}
	return 0, false
}

// mergeSiblingSlots lets every entry of a frame fill the slots its sibling
// entries (same name) define for places and times: a weekday next to
// "मारे गए" is the incident's day as much as one next to "हादसा". Counts keep
// their entry's own slot (dead, injured).
func mergeSiblingSlots(frames []FrameDef) {
	for i := range frames {
		frames[i].native = map[string]bool{}
		for typ := range frames[i].Slots {
			frames[i].native[typ] = true
		}
	}
	for i := range frames {
		for j := range frames {
			if i == j || frames[i].Name != frames[j].Name {
				continue
			}
			for typ, slot := range frames[j].Slots {
				if typ == "count" || typ == "number" {
					continue
				}
				if _, ok := frames[i].Slots[typ]; !ok {
					if frames[i].Slots == nil {
						frames[i].Slots = map[string]string{}
					}
					frames[i].Slots[typ] = slot
				}
			}
			if frames[i].Earlier == "" {
				frames[i].Earlier = frames[j].Earlier
			}
			frames[i].Agentless = frames[i].Agentless || frames[j].Agentless
		}
	}
}

// Confidence levels by how a slot was decided.
const (
	confClause   = 0.9  // a trigger of the frame in the same clause
	confSentence = 0.7  // a trigger elsewhere in the sentence
	confNearby   = 0.5  // a trigger in an earlier sentence of the paragraph
	confOther    = 0.4  // no frame: a generic slot
	titleFactor  = 0.85 // headlines compress and round
	forecastMul  = 0.6
	futureMul    = 0.8
	weakMul      = 0.8 // a name that may mean another place
	referenceMul = 0.8 // a place named by a reference back ("इसी जगह")
	// unconfirmedMul marks a value its own sentence calls unconfirmed
	// ("Unconfirmed reports: अब तक 5 लोगों की मौत"): below the threshold at
	// which compare sets a reading aside when others confirm another.
	unconfirmedMul = 0.5
)

// item is a value-bearing span in a sentence: a scanned mention or a place.
type item struct {
	from, to int // token positions
	start    int
	end      int
	typ      value.Type
	val      value.Value
	display  string
	place    bool
	weak     bool
}

// sentenceState is what one sentence needs while assigning.
type sentenceState struct {
	// sideline marks an article that has set its meeting on the sidelines
	// of a larger event, as far as it has been read.
	sideline bool
	// journey is the vehicle frame ("train") whose journey a sentence with
	// a journey word and no frame of its own tells of, or "".
	journey string
	// recall marks a sentence that refers back to an earlier occurrence the
	// sentence before told of ("उस हादसे में करीब 70 लोगों की जान गई थी").
	recall bool
	// unconfirmed marks a sentence that calls its figures unconfirmed.
	unconfirmed bool
	// dateline is the place an article's dateline names ("नई दिल्ली, 9
	// फरवरी (भाषा)", "MUMBAI, Nov 15 (Reuters) -"), which "यहां" and "here"
	// refer to; nil when none has been seen.
	dateline *value.Entity
	src      string
	toks     []token
	keys     []string // keys of the tokens that are not their text
	hits     []hit
	clause   []int // clause index of each token
	attr     string
	attrID   string
	idx      int
	title    bool
	forecst  []bool // per clause: speculation or a next occurrence
	future   []bool // per clause: future tense
	years    []bool // per clause: a year is named in it
	// perfectAfterDate marks, per clause, a past perfect clause after a
	// clause that dates it ("On August 11, 2021, a hillside had collapsed"),
	// and a participle clause that hangs on such a one (", killing 28").
	perfectAfterDate []bool
	clauseFirst      []int // scratch of datedPerfects
	// startMask[i] and endMask[i] have bit k set when a phrase of kind k
	// starts at token i or ends just before it.
	startMask, endMask []kindSet
	// mentionAt marks tokens covered by a scanned value.
	mentionAt []bool
	// agent is the last person named as agent before this sentence, for
	// pronouns ("उन्होंने कहा").
	agent *value.Entity
	// demonymAt marks tokens of a country adjective ("भारतीय", "Indian"),
	// which names people when it follows a count.
	demonymAt []bool
	// yearOnly: the sentence names a year (or years back) but no day.
	yearOnly bool
	// sinceYear: the sentence's year is the "since" of a "first since" cue.
	sinceYear bool
	// devanagari: the sentence has a Devanagari letter.
	devanagari bool
	// personWords are the capitalized words of people's names the article
	// has given after a title so far ("President Thomas Whitcomb"): kept
	// from sentence to sentence, they never name an unlisted place.
	personWords []string
	// breakAt and covered are buffers of clauses and places.
	breakAt, covered []bool
	// places is the chunk newEntity carves entity values from; it lives
	// for one Assign call.
	places []value.Entity
}

// scratch holds what one Assign call reuses from sentence to sentence; calls
// take it from scratchPool, so steady-state assignment allocates little
// beyond its results.
type scratch struct {
	tz    tokenizer
	st    sentenceState
	toks  []token     // of all the article's sentences
	spans []tokenSpan // per sentence: its tokens
	hits  []hit
	items []item
	ents  []Entity
	// out collects the assignments; the result is a copy of exactly the
	// right size.
	out   []Assignment
	dates dateYears
	// running lists the indexes in out of counts told "so far" ("अब तक").
	running []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release drops the references into the article just done and returns sc to
// the pool.
func (sc *scratch) release() {
	// Tokens hold no pointers and need no clearing; out only grows
	// during a call; items and ents are refilled per sentence and may hold
	// more than their length.
	clear(sc.out)
	clear(sc.items[:cap(sc.items)])
	clear(sc.ents[:cap(sc.ents)])
	sc.dates = dateYears{}
	sc.running = sc.running[:0]
	sc.st.reset("", nil, nil)
	sc.st.places = nil       // the assignments returned point into it
	clear(sc.st.personWords) // they point into the article's text
	sc.st.personWords = sc.st.personWords[:0]
	scratchPool.Put(sc)
}

// reset readies st for a new sentence, keeping its buffers.
func (st *sentenceState) reset(src string, toks []token, hits []hit) {
	*st = sentenceState{
		src: src, toks: toks, hits: hits,
		clause: st.clause[:0], forecst: st.forecst[:0], future: st.future[:0], years: st.years[:0],
		startMask: st.startMask[:0], endMask: st.endMask[:0], mentionAt: st.mentionAt[:0], demonymAt: st.demonymAt[:0],
		breakAt: st.breakAt[:0], covered: st.covered[:0], places: st.places,
		perfectAfterDate: st.perfectAfterDate[:0], clauseFirst: st.clauseFirst[:0],
		sideline:    st.sideline, // an article's, kept from sentence to sentence
		personWords: st.personWords,
	}
}

// zeroed returns buf resized to n zero elements, reusing its array when it
// is large enough.
func zeroed[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// Assign returns the slot assignments of an article, in text order.
func (a *Assigner) Assign(in *Input) []Assignment {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	sc.tz.words = a.phrases.words
	a.tokenizeSentences(sc, in)
	out := sc.out[:0]
	mi, ei := 0, 0
	lastLine := -1
	paraAttr, paraAttrID := "", ""
	var paraVehicle string      // the last vehicle frame named in the paragraph
	var paraFrame int = -1      // the last frame triggered in the paragraph
	var docVehicle string       // the last vehicle frame named in the article
	var paraAgent *value.Entity // the last person named as agent in the paragraph
	var dateline *value.Entity  // the place of the article's dateline
	prevEarlier := false        // the last sentence with values told of an earlier occurrence
	sc.st.sideline = false
	sc.st.personWords = sc.st.personWords[:0]
	bodySeen := 0 // body sentences read so far
	for si, s := range in.Sentences {
		// Skip values of sentences that carry no claims.
		for mi < len(in.Mentions) && in.Mentions[mi].Start < s.Start {
			mi++
		}
		for ei < len(in.Entities) && in.Entities[ei].Start < s.Start {
			ei++
		}
		if s.Kind == normalize.Heading && dateline == nil && bodySeen < maxDatelineSentence {
			// A byline line: "हिंदुस्तान ब्यूरो | नई दिल्ली | सोमवार, 9 फरवरी".
			dateline = a.datelinePlace(in, s, entitiesBefore(in.Entities, ei, s.End))
		}
		if s.Kind != normalize.Body && s.Kind != normalize.Title {
			continue
		}
		if s.Line != lastLine {
			paraAttr, paraAttrID, paraVehicle, paraFrame, paraAgent = "", "", "", -1, nil
			lastLine = s.Line
		}
		span := sc.spans[si]
		toks := sc.toks[span.from:span.to:span.to]
		sc.hits = a.phrases.find(toks, sc.hits[:0])
		sc.hits = refineTriggers(sc.hits, toks, in.Text, in.Entities[ei:], s.End)
		if (mi == len(in.Mentions) || in.Mentions[mi].Start >= s.End) && (ei == len(in.Entities) || in.Entities[ei].Start >= s.End) &&
			!hasKind(sc.hits, idleKinds) {
			// No value, no name and no phrase that makes one: the sentence
			// only names frames (and people) for the ones that follow.
			paraVehicle, paraFrame = a.framesNamed(sc.hits, paraVehicle, paraFrame)
			sc.st.personWords = notePersonNames(sc.st.personWords, in.Text, toks, sc.hits)
			docVehicle = cmp.Or(paraVehicle, docVehicle)
			out = a.yearsOfDates(out, &sc.dates)
			continue
		}
		st := &sc.st
		if dateline == nil && bodySeen < maxDatelineSentence && s.Kind == normalize.Body {
			dateline = a.datelinePlace(in, s, entitiesBefore(in.Entities, ei, s.End))
		}
		if s.Kind == normalize.Body {
			bodySeen++
		}
		st.reset(in.Text, toks, sc.hits)
		st.dateline = dateline
		st.keys = sc.tz.keys
		st.idx, st.title, st.devanagari = si, s.Kind == normalize.Title, span.devanagari
		st.indexHits()
		st.personWords = notePersonNames(st.personWords, in.Text, toks, sc.hits)

		// Values of this sentence.
		items := sc.items[:0]
		for ; mi < len(in.Mentions) && in.Mentions[mi].Start < s.End; mi++ {
			m := &in.Mentions[mi]
			if m.End > s.End {
				continue // a reading across a sentence boundary is not a value of this sentence
			}
			f, t := tokRange(toks, m.Start, m.End)
			if f < 0 {
				continue
			}
			items = append(items, item{from: f, to: t, start: m.Start, end: m.End, typ: m.Type, val: m.Value, display: m.Display})
		}
		st.mentionAt = zeroed(st.mentionAt, len(toks))
		for i := range items {
			for k := items[i].from; k < items[i].to; k++ {
				st.mentionAt[k] = true
			}
		}
		a.clauses(st)
		var ents []Entity
		ents, ei, sc.ents = sentenceEntities(in.Entities, ei, s.End, sc.ents[:0])
		// Attribution of this sentence, else of the paragraph so far.
		// A credited organization governs the rest of its paragraph; a person
		// only their own sentence.
		name, id, org := a.attribution(st, ents)
		st.attr, st.attrID = paraAttr, paraAttrID
		if name != "" {
			st.attr, st.attrID = name, id
			if org {
				paraAttr, paraAttrID = name, id
			}
		}
		st.years = zeroed(st.years, len(st.forecst))
		for i := range items {
			it := &items[i]
			if it.typ == value.TypeYear || it.typ == value.TypeDate && it.val.Time != nil && it.val.Time.Year != 0 ||
				it.typ == value.TypeRelative && isPastYear(it.val.Time) {
				st.years[st.clause[it.from]] = true
			}
		}
		st.yearOnly, st.sinceYear = a.dating(st, items)
		a.datedPerfects(st)
		st.demonymAt = zeroed(st.demonymAt, len(toks))
		for i := range ents {
			if e := &ents[i]; e.Demonym {
				if f, t := tokRange(toks, e.Start, e.End); f >= 0 {
					for i := f; i < t; i++ {
						st.demonymAt[i] = true
					}
				}
			}
		}
		items = a.appendPlaces(items, st, ents)
		slices.SortStableFunc(items, func(x, y item) int { return cmp.Compare(x.start, y.start) })
		sc.items = items

		paraVehicle, paraFrame = a.framesNamed(st.hits, paraVehicle, paraFrame)
		if hasKind(st.hits, kinds(kSideline)) {
			st.sideline = true
		}
		st.journey = ""
		if hasKind(st.hits, kinds(kJourney)) {
			st.journey = cmp.Or(paraVehicle, docVehicle)
		}
		docVehicle = cmp.Or(paraVehicle, docVehicle)
		st.recall = prevEarlier && a.recallsBack(st)
		st.unconfirmed = hasKind(st.hits, kinds(kUnconfirmed))
		before := len(out)
		running := hasKind(st.hits, kinds(kRunning))
		for i := range items {
			if items[i].typ == value.TypeAge && bracketAfterPlace(st, ents, items[i]) {
				continue // "Jharkhand (6), Bihar (4)": how many came from there
			}
			asg, ok := a.assignItem(st, items[i], paraVehicle, paraFrame)
			if !ok {
				continue
			}
			if asg.Type == value.TypeCount && (running || countInPlace(st, items, i)) {
				sc.running = append(sc.running, len(out))
			}
			// "गुरुवार को सात और शव बरामद हुए": the day a running figure was
			// told is the day of the update, unless the sentence names the
			// event itself.
			if running && (asg.Type == value.TypeWeekday || asg.Type == value.TypeDate) && (!a.namesEvent(st) || a.runningNearer(st, items[i])) {
				continue
			}
			out = append(out, asg)
		}
		prevEarlier = false
		for _, g := range out[before:] {
			prevEarlier = prevEarlier || g.Earlier
		}
		out = a.yearsOfDates(out, &sc.dates)
		out = a.references(st, ents, items, out)
		out = a.zeroCounts(st, out)
		out = a.derivedYears(st, items, out)
		st.agent = paraAgent
		out = a.quotes(st, ents, out)
		if p := lastAgent(st, ents); p != nil {
			paraAgent = p
		}
	}
	out = dropSuperseded(out, sc.running)
	sc.out = out
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// namedSlot returns the full slot that the frame named name gives values of
// type index ti ("train.distance"), or "".
func (a *Assigner) namedSlot(name string, ti int) string {
	for f := range a.frames {
		if a.frames[f].Name == name && a.slotsOf(f, ti).slot != "" {
			return a.slots[f][ti].full
		}
	}
	return ""
}

// maxHostGap bounds the words between an amount of time and the host event
// noun it describes ("दो दिन के ब्रिक्स शिखर सम्मेलन", "the two-day BRICS
// summit").
const maxHostGap = 4

// hostEventAfter reports a host_event noun shortly after the amount of time.
func (a *Assigner) hostEventAfter(st *sentenceState, it item) bool {
	for _, h := range st.hits {
		if h.kind == kHostEvent && h.from >= it.to && h.from-it.to <= maxHostGap && st.clause[h.from] == st.clause[it.from] {
			return true
		}
	}
	return false
}

// inClause reports whether clause c has a phrase of kind k.
func (a *Assigner) inClause(st *sentenceState, c int, k kind) bool {
	for _, h := range st.hits {
		if h.kind == k && st.clause[h.from] == c {
			return true
		}
	}
	return false
}

// runningNearer reports whether a cue of a running figure is nearer to the
// day than any frame word of an event in its clause: "the toll rose to
// 164 on Sunday" dates the toll, "बुधवार को हुए हादसे में … बढ़कर 11" the
// accident.
func (a *Assigner) runningNearer(st *sentenceState, it item) bool {
	c := st.clause[it.from]
	run, ev := 1<<30, 1<<30
	for _, h := range st.hits {
		if st.clause[h.from] != c {
			continue
		}
		switch {
		case h.kind == kRunning:
			run = min(run, distance(h, it))
		case h.kind == kTrigger && !a.frames[h.frame].Group:
			ev = min(ev, distance(h, it))
		}
	}
	return run < ev
}

// namesEvent reports whether the sentence has a trigger of a frame that is
// not a group of people: "हादसा", "met", not "शव" or "injured".
func (a *Assigner) namesEvent(st *sentenceState) bool {
	for _, h := range st.hits {
		if h.kind == kTrigger && !a.frames[h.frame].Group {
			return true
		}
	}
	return false
}

// dropSuperseded removes running counts ("अब तक 8 शव बरामद", "so far") of
// a slot that a larger count of the same slot in the article supersedes: a
// toll told as it rose, in either order (live blogs put the latest first).
// running lists their indexes in out.
func dropSuperseded(out []Assignment, running []int) []Assignment {
	if len(running) == 0 {
		return out
	}
	drop := map[int]bool{}
	for _, i := range running {
		q := out[i].Value.Quantity
		if q == nil || q.Max == nil {
			continue
		}
		for j := range out {
			r := out[j].Value.Quantity
			if j != i && out[j].Slot == out[i].Slot && !out[j].Expected && r != nil && r.Min != nil && *r.Min > *q.Max {
				drop[i] = true
				break
			}
		}
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for i, g := range out {
		if !drop[i] {
			kept = append(kept, g)
		}
	}
	return kept
}

// tokenSpan is a sentence's run of tokens, toks[from:to].
type tokenSpan struct {
	from, to   int
	devanagari bool // the sentence has a Devanagari letter
}

// tokenizeSentences tokenizes every sentence of in that can carry claims
// into sc.toks, so that the keys of all folded words cost one allocation.
func (a *Assigner) tokenizeSentences(sc *scratch, in *Input) {
	sc.toks, sc.spans = sc.toks[:0], sc.spans[:0]
	sc.tz.begin()
	for _, s := range in.Sentences {
		span := tokenSpan{from: len(sc.toks)}
		if s.Kind == normalize.Body || s.Kind == normalize.Title {
			sc.toks = sc.tz.appendTokens(in.Text, s.Start, s.End, sc.toks)
			span.devanagari = sc.tz.devanagari
		}
		span.to = len(sc.toks)
		sc.spans = append(sc.spans, span)
	}
	sc.tz.flush()
}

// framesNamed returns the last vehicle frame and the last frame named by
// hits, else vehicle and frame: they carry to the sentences that follow.
func (a *Assigner) framesNamed(hits []hit, vehicle string, frame int) (string, int) {
	for _, h := range hits {
		if h.kind == kTrigger {
			if n := a.frames[h.frame].Name; n == "train" || n == "vehicle" {
				vehicle = n
			}
			frame = h.frame
		}
	}
	return vehicle, frame
}

// zeroCounts adds a count of 0 for each phrase that says none of its
// frame's count ("no one was killed": incident.dead 0), unless the sentence
// tells of an earlier occurrence or a forecast.
func (a *Assigner) zeroCounts(st *sentenceState, out []Assignment) []Assignment {
	if !hasKind(st.hits, kinds(kZero)) || st.yearOnly {
		return out
	}
	ti := a.typeIdx(string(value.TypeCount))
	for _, h := range st.hits {
		if h.kind != kZero || ti < 0 || a.slots[h.frame][ti].full == "" {
			continue
		}
		c := st.clause[h.from]
		if st.forecst[c] || st.future[c] || a.hasPerfect(st, c) && st.years[c] {
			continue
		}
		q := &value.Quantity{Min: value.F(0), Max: value.F(0), Bound: value.Exact}
		out = append(out, Assignment{Slot: a.slots[h.frame][ti].full, Type: value.TypeCount, Value: value.Value{Quantity: q},
			Display: "0", Start: st.toks[h.from].start, End: st.toks[h.to-1].end, Sentence: st.idx,
			Attribution: st.attr, AttributionID: st.attrID, Confidence: confClause})
	}
	return out
}

// refineTriggers settles the frame words that depend on their neighbours,
// in one pass over hits: a word that counts only before a place name
// (kPlaceTrigger) becomes a trigger where a listed place starts right after
// it ("left Kazan on Wednesday") and is dropped elsewhere ("left 14 dead"),
// and a frame word alone in brackets is dropped ("पटना, 22 नवंबर (वार्ता)"
// credits the agency वार्ता, it tells of no talks). ents are the entities
// from the sentence on, end the sentence's end.
func refineTriggers(hits []hit, toks []token, text string, ents []Entity, end int) []hit {
	out := hits[:0]
	for _, h := range hits {
		switch h.kind {
		case kPlaceTrigger:
			if h.to >= len(toks) || !entityStartsAt(ents, toks[h.to].start, end) {
				continue
			}
			h.kind = kTrigger
		case kTrigger:
			if h.from > 0 && h.to < len(toks) && toks[h.from-1].punct && toks[h.to].punct &&
				text[toks[h.from-1].start:toks[h.from-1].end] == "(" && text[toks[h.to].start:toks[h.to].end] == ")" {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// entityStartsAt reports whether a place (no demonym) of ents starts at
// byte offset at, before end.
func entityStartsAt(ents []Entity, at, end int) bool {
	for i := range ents {
		e := &ents[i]
		if e.Start >= end || e.Start > at {
			return false
		}
		if e.Start == at && !e.Demonym {
			return true
		}
	}
	return false
}

// countInPlace reports a count right after "PLACE में" ("नालंदा में 6",
// "भोजपुर में चार लोगों की मौत"): the figure of one place, a part when a
// larger count of its slot stands in the article (a toll across districts),
// the whole when none does.
func countInPlace(st *sentenceState, items []item, i int) bool {
	it := items[i]
	if it.from < 2 || st.key(it.from-1) != "में" {
		return false
	}
	for j := range items {
		if items[j].place && items[j].to == it.from-1 {
			return true
		}
	}
	return false
}

// bracketAfterPlace reports whether it stands in brackets right after a
// place of ents: "Jharkhand (6)" counts people from there, it is no age.
func bracketAfterPlace(st *sentenceState, ents []Entity, it item) bool {
	if it.from < 2 || it.to >= len(st.toks) || st.key(it.from-1) != "(" || st.key(it.to) != ")" {
		return false
	}
	for _, e := range ents {
		if e.Demonym || !isPlaceKind(e.Value.Kind) {
			continue
		}
		if _, t := tokRange(st.toks, e.Start, e.End); t == it.from-1 {
			return true
		}
	}
	return false
}

// idleKinds are the kinds of phrase that make claims without a scanned value
// or a gazetteer name: unlisted places, references back and quotes.
var idleKinds = kinds(kPlaceClass, kFacility, kLocBefore, kReference, kReferenceHere, kReferenceDay, kSpeech, kZero)

// hasKind reports a hit whose kind is in the bit set kinds.
func hasKind(hits []hit, set kindSet) bool {
	for _, h := range hits {
		if set.has(h.kind) {
			return true
		}
	}
	return false
}

// sentenceEntities returns the entities from ents[from:] that start before
// end and end by it, and the index of the first entity past end. Without
// one reaching across end it is a part of ents, else a filtered copy in buf,
// which is returned last for reuse.
func sentenceEntities(ents []Entity, from, end int, buf []Entity) ([]Entity, int, []Entity) {
	to, across := from, false
	for ; to < len(ents) && ents[to].Start < end; to++ {
		across = across || ents[to].End > end
	}
	if !across {
		return ents[from:to:to], to, buf
	}
	for i := from; i < to; i++ {
		if ents[i].End <= end {
			buf = append(buf, ents[i])
		}
	}
	return buf, to, buf
}

// tokRange returns the tokens covering [start, end), or -1, -1 when none
// does. Tokens are sorted and do not overlap, so the covering ones are a
// run found by binary search.
func tokRange(toks []token, start, end int) (int, int) {
	f, hi := 0, len(toks) // the first token that ends after start
	for f < hi {
		if m := int(uint(f+hi) >> 1); toks[m].end > start {
			hi = m
		} else {
			f = m + 1
		}
	}
	if f == len(toks) || toks[f].start >= end {
		return -1, -1
	}
	t := f + 1
	for t < len(toks) && toks[t].start < end {
		t++
	}
	return f, t
}

// clauses numbers the clauses of a sentence: punctuation, conjunctions and a
// verb before "और" end a clause.
func (a *Assigner) clauses(st *sentenceState) {
	st.clause = zeroed(st.clause, len(st.toks))
	st.breakAt = zeroed(st.breakAt, len(st.toks)+1)
	breakAt := st.breakAt
	for _, h := range st.hits {
		switch h.kind {
		case kClauseBreak:
			breakAt[h.from] = true
		case kVerbBeforeAnd:
			if h.to < len(st.toks) && a.conj[st.key(h.to)] {
				breakAt[h.to] = true
			}
		case kVerbAfterAnd:
			if h.from > 0 && a.conj[st.key(h.from-1)] {
				breakAt[h.from-1] = true
			}
		}
	}
	// "… आगरा जाएंगे और बुधवार को लौटेंगे": a future verb form before "और"
	// ends its clause like the verbs of verb_before_and.
	if st.devanagari {
		for i := 1; i < len(st.toks); i++ {
			if a.conj[st.key(i)] && !st.toks[i-1].punct && a.futureEnding(st.key(i-1)) {
				breakAt[i] = true
			}
		}
	}
	c, top := 0, 0
	justBroke := false // a punctuation mark just ended a clause
	// An aside between commas ("At least 23 people, most of them elderly,
	// were treated") takes a clause of its own, and the clause it
	// interrupts goes on after it.
	resume, asideEnd := -1, -1
	for i, tk := range st.toks {
		if breakAt[i] && !justBroke {
			top++
			c = top
		}
		st.clause[i] = c
		justBroke = false
		if i == asideEnd {
			c, resume, asideEnd = resume, -1, -1
			justBroke = true
			continue
		}
		if tk.punct {
			if st.key(i) == "," && asideEnd < 0 {
				if j := a.asideEnd(st, i); j > 0 {
					resume, asideEnd = c, j
					top++
					c = top
					justBroke = true
					continue
				}
			}
			switch st.key(i) {
			case ",", ":":
				// A comma or colon inside a figure ("3:12", "1,200") or a
				// date ("गुरुवार, 14 नवंबर") joins it.
				if i > 0 && st.toks[i-1].end == tk.start && i+1 < len(st.toks) && st.toks[i+1].start == tk.end {
					break
				}
				if i > 0 && i+1 < len(st.toks) && st.mentionAt[i-1] && st.mentionAt[i] && st.mentionAt[i+1] {
					break
				}
				if st.key(i) == "," && !a.endsHit(st, i, kVerbBeforeAnd) && a.listComma(st, i) {
					break // "खनिज, कृषि, डिजिटल भुगतान और अंतरिक्ष"
				}
				top++
				c = top
				justBroke = true
			case ";", "—", "–", "?", "!", "।":
				top++
				c = top
				justBroke = true
			case "-":
				// A dash between two words joins them; elsewhere it ends a clause.
				if i > 0 && st.toks[i-1].end == tk.start && i+1 < len(st.toks) && st.toks[i+1].start == tk.end {
					break
				}
				top++
				c = top
				justBroke = true
			}
		}
	}
	n := top + 1
	st.forecst = zeroed(st.forecst, n)
	st.future = zeroed(st.future, n)
	for _, h := range st.hits {
		switch h.kind {
		case kForecast, kNext:
			if h.kind == kForecast && capitalizedNextToNumber(st, h) {
				continue // "Patna, May 10 (PTI)": the month, not the modal
			}
			st.forecst[st.clause[h.from]] = true
		case kFuture:
			st.future[st.clause[h.from]] = true
		}
	}
	// Hindi future forms by their ending: "किया जाएगा", "टकराएगा", "होंगे".
	if st.devanagari {
		for i := range st.toks {
			if k := st.key(i); !st.toks[i].punct && a.futureEnding(k) {
				st.future[st.clause[i]] = true
			}
		}
	}
}

// maxAside bounds the tokens of an aside between commas.
const maxAside = 10

// asideEnd returns the comma that closes an aside opened by the comma at
// token i — a part named by a subset phrase right after it ("most of them",
// "among them", "including two rescuers") or a relative clause (", which links Noida with Agra,") —
// or -1.
func (a *Assigner) asideEnd(st *sentenceState, i int) int {
	// Hindi relative clauses run to their verb and go on past commas of
	// lists ("जिनमें सेमीकंडक्टर, रक्षा उपकरण और … शामिल हैं"): only English
	// ones are asides.
	if !(i+1 < len(st.toks) && (a.startsHit(st, i+1, kSubsetClause) || !st.devanagari && (a.startsHit(st, i+1, kRelative) || a.startsHit(st, i+1, kSubset))) ||
		i+2 < len(st.toks) && a.startsHit(st, i+2, kSubsetClause)) {
		return -1
	}
	for j := i + 2; j < len(st.toks) && j <= i+maxAside; j++ {
		if st.toks[j].punct {
			if st.key(j) == "," {
				return j
			}
			return -1
		}
	}
	return -1
}

// futureEnding reports whether a Hindi word ends like a future verb form.
func (a *Assigner) futureEnding(k string) bool {
	// Every future form ends in ग and a vowel sign: skip the rest quickly.
	if len(k) < 6 || k[len(k)-6:len(k)-3] != "ग" {
		return false
	}
	for _, e := range a.futureEndings {
		if strings.HasSuffix(k, e) && len(k) > len(e) {
			return true
		}
	}
	return false
}

// maxNameWords bounds the words of a person's name after a title.
const maxNameWords = 3

// notePersonNames adds to words the capitalized Latin words right after a
// person's title among hits ("President Thomas Whitcomb"), as written in src.
func notePersonNames(words []string, src string, toks []token, hits []hit) []string {
	for _, h := range hits {
		if h.kind != kPersonTitle {
			continue
		}
		for i := h.to; i < len(toks) && i < h.to+maxNameWords; i++ {
			w := src[toks[i].start:toks[i].end]
			if toks[i].punct || w == "" || w[0] < 'A' || w[0] > 'Z' {
				break
			}
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	return words
}

// personWord reports whether token i is a word of a person's name given
// after a title earlier in the article.
func (st *sentenceState) personWord(i int) bool {
	return slices.Contains(st.personWords, st.src[st.toks[i].start:st.toks[i].end])
}

// indexHits records, per token, the kinds of phrase that start there and
// that end just before it, so lookups by position cost one bit test.
func (st *sentenceState) indexHits() {
	st.startMask = zeroed(st.startMask, len(st.toks)+1)
	st.endMask = zeroed(st.endMask, len(st.toks)+1)
	for _, h := range st.hits {
		st.startMask[h.from].add(h.kind)
		st.endMask[h.to].add(h.kind)
	}
}

// latinKey reports whether token i's key starts with an ASCII byte (an
// empty key, from a token of marks alone, does not).
func latinKey(st *sentenceState, i int) bool {
	k := st.key(i)
	return k != "" && k[0] < 0x80
}

// key returns the key of token i: its text, or its folded form.
func (st *sentenceState) key(i int) string {
	t := &st.toks[i]
	if t.fold == 0 {
		return st.src[t.start:t.end]
	}
	return st.keys[t.fold-1]
}

// hasHitIn reports a hit of kind k in clause c.
func (st *sentenceState) hasHitIn(c int, k kind) bool {
	for _, h := range st.hits {
		if h.kind == k && st.clause[h.from] == c {
			return true
		}
	}
	return false
}

// frameFor picks the frame of a value: the nearest trigger in its clause whose
// frame has a slot for the type, else in its sentence.
func (a *Assigner) frameFor(st *sentenceState, it *item, typ string, ti int) (frame int, conf float64) {
	if ti < 0 {
		return -1, 0 // no frame has a slot for the type
	}
	best, bestDist := -1, 1<<30
	bestSame := false
	hindi := isDevanagari(st.src[it.start:it.end]) || it.place && st.devanagari
	c := st.clause[it.from]
	for _, h := range st.hits {
		if h.kind != kTrigger {
			continue
		}
		sn := &a.slots[h.frame][ti]
		if sn.slot == "" {
			continue
		}
		if h.from < it.to && h.to > it.from {
			continue // the trigger is part of the value's own words
		}
		// "बातचीत के बाद करीब 12 मिनट", "after the talks, 12 minutes": an
		// amount of time after the event is not its length.
		if typ == "duration" && h.to <= it.from && (h.to+1 < len(st.toks) && st.key(h.to) == "के" && st.key(h.to+1) == "बाद" ||
			h.from > 0 && st.key(h.from-1) == "after") {
			continue
		}
		// Hindi is verb-final: a place belongs to a frame named before it only
		// when a verb of occurring follows the place ("बैठक … X में हुई").
		if typ == "place" && h.to <= it.from && isDevanagari(st.src[it.start:it.end]) && !a.eventVerbAfter(st, *it) {
			continue
		}
		// A count belongs to a frame word close by ("14 लोगों की मौत").
		if (typ == "count" || typ == "number") && a.notCounting(st, h.frame, it.to) {
			continue // "50 पुलिसकर्मी मौजूद थे": not the crowd
		}
		if (typ == "count" || typ == "number") && a.frames[h.frame].Group && a.countsThings(st, *it) {
			continue // "killed when 12 coaches … derailed": a group counts people
		}
		if typ == "count" || typ == "number" {
			gap := maxCountGap
			if a.frames[h.frame].Group && st.clause[h.from] == c {
				gap = maxGroupGap // "करीब 2,000 लोग … स्वागत के लिए जुटे"
				if st.hasHitIn(c, kTally) {
					gap = maxTallyGap
				}
			}
			// An aside between commas does not part them ("Six people,
			// among them two rescue workers, were injured").
			skip := 0
			if st.clause[h.from] == c {
				skip = st.otherClauseTokens(min(it.to, h.to), max(it.from, h.from), c)
			}
			if h.from-it.to-skip > gap || it.from-h.to-skip > gap {
				continue
			}
		}
		same := st.clause[h.from] == c || a.antecedent(st, h, c)
		// Hindi puts the verb last, English first: on equal distance the
		// frame word on the verb's side wins.
		// Counts stand before what they count in both languages.
		d := h.from - it.to
		counting := typ == "count" || typ == "number"
		if h.to <= it.from {
			d = it.from - h.to
			if hindi || counting {
				d += 2
			}
		} else if !hindi && !counting {
			d++
		}
		if !sn.native {
			d += borrowedPenalty
		}
		// A day is told of the clause's verb: a frame noun inside a
		// postpositional phrase ("दो दिन के दौरे पर … पहुंचे") loses to it.
		if (typ == "weekday" || typ == "date") && hindi && a.postpositionAfter(st, h.to) {
			d += obliquePenalty
		}
		if typ == "count" || typ == "number" {
			d -= a.frames[h.frame].Priority * maxCountGap
			// "killing 14 and injuring 26": a frame word after a
			// conjunction opens the next conjunct.
			if h.from >= it.to && a.conjunctionBetween(st, it.to, h.from) {
				d += maxCountGap
			}
			// "nine were killed and six were injured": a frame word before
			// a conjunction closed the conjunct before the count.
			if h.to <= it.from && a.conjunctionBetween(st, h.to, it.from) {
				d += maxCountGap
			}
		}
		// "1950 की शांति और मैत्री संधि", "the 1950 treaty": a year that
		// modifies a frame noun belongs to it.
		if (typ == "year" || typ == "date") && a.modifies(st, *it, h) {
			d -= genitiveBonus
		}
		if same && !bestSame || same == bestSame && d < bestDist {
			best, bestDist, bestSame = h.frame, d, same
		}
	}
	if best < 0 {
		return -1, 0
	}
	if bestSame {
		return best, confClause
	}
	return best, confSentence
}

// antecedent reports whether frame word h names what the relative clause c
// describes: the clause opens with a relative word right after h ("The
// meeting, which lasted more than two hours", "बैठक, जो दो घंटे चली").
func (a *Assigner) antecedent(st *sentenceState, h hit, c int) bool {
	if h.to >= len(st.toks) || st.clause[h.to] == c || h.to+2 < len(st.toks) && st.clause[h.to+2] != c && st.clause[h.to+1] != c {
		return false // the clause does not open right after h
	}
	start := h.to
	for start < len(st.toks) && st.clause[start] != c {
		start++
	}
	if start >= len(st.toks) || !a.startsHit(st, start, kRelative) {
		return false
	}
	gap := start - h.to
	return gap == 0 || gap == 1 && st.key(h.to) == ","
}

// notCounting reports whether the noun at token i is one frame does not
// count (its entry's not_counting list, or that of an entry of its name).
func (a *Assigner) notCounting(st *sentenceState, frame, i int) bool {
	if !a.startsHit(st, i, kNotCounting) {
		return false
	}
	for _, h := range st.hits {
		if h.kind == kNotCounting && h.from == i && a.frames[h.frame].Name == a.frames[frame].Name {
			return true
		}
	}
	return false
}

// conjunctionBetween reports a conjunction ("and", "और") or a comma in
// tokens [from, to).
func (a *Assigner) conjunctionBetween(st *sentenceState, from, to int) bool {
	for i := from; i < to && i < len(st.toks); i++ {
		if k := st.key(i); k == "," || a.conj[k] {
			return true
		}
	}
	return false
}

// genitiveBonus makes a frame noun that a year modifies win over any other.
const genitiveBonus = 1000

// maxModifierGap bounds the words between a year's genitive and the noun it
// modifies ("1950 की शांति और मैत्री संधि").
const maxModifierGap = 4

// modifies reports whether the year or date it modifies frame word h: a
// Hindi genitive after it and h within a few words ("1950 की … संधि"), or
// English "the 1950 treaty".
func (a *Assigner) modifies(st *sentenceState, it item, h hit) bool {
	if it.to < len(st.toks) && a.startsHit(st, it.to, kGenitive) && st.key(it.to) != "of" {
		g := a.hitEnd(st, it.to, kGenitive)
		return h.from >= g && h.from-g <= maxModifierGap && st.clause[h.from] == st.clause[it.from]
	}
	// "2024 में पारित … प्रस्ताव": a year with a participle after it dates
	// the noun the participle leads to.
	if p := it.to + 1; p < len(st.toks) && st.key(it.to) == "में" && slices.Contains(a.participles, st.key(p)) {
		return h.from > p && h.from-p <= maxModifierGap+2 && st.clause[h.from] == st.clause[it.from]
	}
	return h.from == it.to && it.from > 0 && st.key(it.from-1) == "the"
}

// borrowedPenalty makes a frame word reach a value only through a sibling's
// slot ("घायलों" for a weekday) lose to one that has the slot itself.
const borrowedPenalty = 6

// obliquePenalty handicaps frame nouns followed by a postposition when they
// compete for a day: any frame word of the clause that is not in such a
// phrase wins over them.
const obliquePenalty = 100

// postpositionAfter reports a postposition at token i.
func (a *Assigner) postpositionAfter(st *sentenceState, i int) bool {
	if i >= len(st.toks) {
		return false
	}
	return a.startsHit(st, i, kGenitive) || a.startsHit(st, i, kLocAfter) || a.startsHit(st, i, kSource) || st.key(i) == "को"
}

// otherClauseTokens counts the tokens in [from, to) that belong to another
// clause than c: an aside inside clause c.
func (st *sentenceState) otherClauseTokens(from, to, c int) int {
	n := 0
	for k := max(from, 0); k < to && k < len(st.clause); k++ {
		if st.clause[k] != c {
			n++
		}
	}
	return n
}

// maxCountGap is how many tokens may stand between a count and its frame word.
const maxCountGap = 4

// maxGroupGap is the same for a verb or noun of a group of people in the
// count's clause (subject and predicate stand further apart).
const maxGroupGap = 8

// maxTallyGap is the same in a clause that speaks of a tally ("the number of
// people confirmed dead … stood at 158").
const maxTallyGap = 16

// eventVerbAfter reports a verb of occurring right after a place and its
// postposition and particles: "क्योटो में हुई", "शहर में ही हुई".
func (a *Assigner) eventVerbAfter(st *sentenceState, it item) bool {
	n := it.to
	for _, k := range [...]kind{kPlaceClass, kFacility, kVenue} {
		if n < len(st.toks) && a.startsHit(st, n, k) {
			n = a.hitEnd(st, n, k)
			break
		}
	}
	if n < len(st.toks) && a.startsHit(st, n, kLocAfter) {
		n = a.hitEnd(st, n, kLocAfter)
	}
	for n < len(st.toks) && a.startsHit(st, n, kParticle) {
		n++
	}
	return n < len(st.toks) && a.startsHit(st, n, kEventVerb)
}

// yearsOfDates adds the year slot for every claim on a date slot whose date
// names a year ("सितंबर 2022 में" gives previous_meeting.year too), and the
// day slot for one that names a weekday ("गुरुवार, 14 नवंबर को" gives
// incident.day Thursday), so articles that date one event differently still
// line up by year and by day. It runs after every sentence; dy remembers how
// far out has been read, so each date gives its year and day once.
func (a *Assigner) yearsOfDates(out []Assignment, dy *dateYears) []Assignment {
	n := len(out)
	for i := dy.scanned; i < n; i++ {
		g := &out[i]
		if g.Type != value.TypeDate || g.Value.Time == nil || !strings.HasSuffix(g.Slot, ".date") {
			continue
		}
		base := strings.TrimSuffix(g.Slot, ".date")
		if t := g.Value.Time; t.Weekday != "" && !(i > 0 && out[i-1].Start == g.Start && out[i-1].Type == value.TypeWeekday) {
			d := out[i]
			d.Slot = base + ".day"
			d.Type = value.TypeWeekday
			d.Value = value.Value{Time: &value.Time{Weekday: t.Weekday}}
			d.Display = t.Weekday
			out = append(out, d)
		}
		if g.Value.Time.Year == 0 || i > 0 && out[i-1].Start == g.Start && out[i-1].Type == value.TypeYear {
			continue
		}
		y := out[i]
		y.Slot = base + ".year"
		y.Type = value.TypeYear
		y.Value = value.Value{Time: &value.Time{Year: y.Value.Time.Year}}
		y.Display = strconv.Itoa(y.Value.Time.Year)
		out = append(out, y)
	}
	dy.scanned = len(out)
	return out
}

// dateYears is what yearsOfDates keeps between its calls in one article.
type dateYears struct {
	scanned int // out[:scanned] have been read
}

// dating reports whether a sentence names a year but no day, and whether
// that year belongs to a "since … first" cue.
func (a *Assigner) dating(st *sentenceState, items []item) (yearOnly, since bool) {
	hasYear, hasDay := false, false
	for _, it := range items {
		switch {
		case it.typ == value.TypeWeekday, it.typ == value.TypeDate && it.val.Time != nil && it.val.Time.Day != 0:
			hasDay = true
		case it.typ == value.TypeYear, it.typ == value.TypeRelative && isPastYear(it.val.Time),
			it.typ == value.TypeDate && it.val.Time != nil && it.val.Time.Year != 0: // "In January 2025, …"
			hasYear = true
			c := st.clause[it.from]
			if st.hasHitIn(c, kFirst) && sinceCue(st, it, c) {
				since = true
			}
			if a.sinceWindow(st, it) {
				hasYear = false // "the longest since 2021" dates nothing
			}
		}
	}
	return hasYear && !hasDay, since
}

// isDeadline reports an amount of time that sets a deadline: before a
// postposition and, within three words, a deadline noun ("30 दिन में
// रिपोर्ट", "एक महीने के भीतर विस्तृत रिपोर्ट"), or after "within" shortly
// after one ("a report within 30 days").
func (a *Assigner) isDeadline(st *sentenceState, it item) bool {
	within := it.val.Quantity != nil && it.val.Quantity.Bound == value.AtMost // "के भीतर", "within"
	if it.to < len(st.toks) && (within || st.key(it.to) == "में" || st.key(it.to) == "के") {
		first := it.to
		if !within {
			first++
		}
		for k := first; k < len(st.toks) && k <= first+2; k++ {
			if a.startsHit(st, k, kDeadline) {
				return true
			}
		}
	}
	if it.from >= 2 && (within || st.key(it.from-1) == "within" || st.key(it.from-1) == "in") {
		for k := it.from; k >= 0 && k >= it.from-3; k-- {
			if a.endsHit(st, k, kDeadline) {
				return true
			}
		}
	}
	return false
}

// sinceWindow reports a year after "since" in a clause with a superlative:
// "one of the longest sessions since 2021", "2013 के बाद का सबसे भीषण हादसा"
// compare with a span of time and name no occurrence.
func (a *Assigner) sinceWindow(st *sentenceState, it item) bool {
	c := st.clause[it.from]
	if !st.hasHitIn(c, kSuperlative) {
		return false
	}
	// "the deadliest since 1996, when 349 people died": the clause after it
	// tells of the occurrence that year.
	next := it.to
	if next < len(st.toks) && st.key(next) == "," {
		next++
	}
	return !a.startsHit(st, next, kRelative) && sinceCue(st, it, c)
}

// sinceCue reports a "since" cue of clause c right after or before it:
// "2019 के बाद", "since 2019".
func sinceCue(st *sentenceState, it item, c int) bool {
	for _, h := range st.hits {
		if h.kind == kEarlierSince && st.clause[h.from] == c && (h.from == it.to || h.to == it.from) {
			return true
		}
	}
	return false
}

// isPastYear reports a relative time a year or more back ("पिछले साल",
// "4 साल पहले", "last year").
func isPastYear(t *value.Time) bool {
	if t == nil || t.Ambiguous {
		return false
	}
	n, unit, ok := parseRelative(t.Relative)
	return ok && n < 0 && (unit == "year" || unit == "decade")
}

// assignItem decides the slot of one value.
func (a *Assigner) assignItem(st *sentenceState, it item, paraVehicle string, paraFrame int) (Assignment, bool) {
	typ := string(it.typ)
	if it.place {
		typ = "place"
	}
	switch it.typ {
	case value.TypeRelative, value.TypeOrdinal, value.TypeQuote:
		return Assignment{}, false
	}
	ti := a.typeIdx(typ)
	frame, conf := a.frameFor(st, &it, typ, ti)
	var slot string
	if frame >= 0 {
		slot = a.slots[frame][ti].full
	} else {
		switch {
		case it.typ == value.TypeSpeed && paraVehicle != "":
			slot, conf = paraVehicle+".speed", confNearby
		case (it.typ == value.TypeDistance || it.typ == value.TypeDuration) && st.journey != "" && a.namedSlot(st.journey, ti) != "":
			slot, conf = a.namedSlot(st.journey, ti), confNearby
		case paraFrame >= 0 && a.slotsOf(paraFrame, ti).slot != "" && it.typ == value.TypeSpeed:
			frame = paraFrame
			slot, conf = a.slots[frame][ti].full, confNearby
		case it.typ == value.TypeYear || it.typ == value.TypeDistance || it.typ == value.TypeCount ||
			it.typ == value.TypeSpeed || it.typ == value.TypeDuration || it.typ == value.TypeMoney ||
			it.typ == value.TypePercent || it.typ == value.TypeAge || it.typ == value.TypeDate:
			slot, conf = a.otherSlot[ti], confOther
		default:
			return Assignment{}, false
		}
	}
	if it.typ == value.TypeDistance && frame >= 0 && slices.Contains(a.sizeUnits, it.val.Quantity.Unit) {
		// "पटरियां 1,520 मिलीमीटर चौड़ी हैं": the size of a thing.
		frame, slot, conf = -1, a.otherSlot[ti], confOther
	}
	if (it.typ == value.TypeNumber || it.typ == value.TypeCount) && a.isNoiseCount(st, it) {
		return Assignment{}, false
	}
	if (it.typ == value.TypeNumber || it.typ == value.TypeCount) && frame >= 0 && (a.isSubset(st, it) ||
		a.frames[frame].Group && a.countsThings(st, it)) {
		return Assignment{}, false
	}
	if (it.typ == value.TypeWeekday || it.typ == value.TypeDate) && frame >= 0 && a.frames[frame].Agentless &&
		it.from > 0 && st.key(it.from-1) == "ने" && !a.eventIsAgent(st, it.from-1, ti) {
		return Assignment{}, false // "सरकार ने रविवार को …": the agent's day
	}
	// A year too in Hindi, whose clauses end in their verbs ("संबंध 1950 में
	// कायम हुए थे और 1978 में … संधि पर हस्ताक्षर किए थे").
	if (it.typ == value.TypeWeekday || it.typ == value.TypeDate || it.typ == value.TypeDuration || it.typ == value.TypeYear && st.devanagari) &&
		conf == confSentence && a.ownVerb(st, st.clause[it.from]) {
		// The value's own clause has its own verb: it is not the frame's.
		// An amount of time is still one ("इसे बनने में ६ साल लगे"), and a
		// vehicle's when its clause names the journey ("… और दिल्ली से
		// अमृतसर का सफर पांच घंटे में पूरा करेगी").
		if it.typ != value.TypeDuration {
			return Assignment{}, false
		}
		if !(a.frames[frame].Property && a.inClause(st, st.clause[it.from], kJourney)) {
			frame, slot, conf = -1, a.otherSlot[ti], confOther
		}
	}
	if it.typ == value.TypeNumber {
		// A bare number is a count only where a count frame took it.
		if frame < 0 {
			return Assignment{}, false
		}
		it.typ = value.TypeCount
	}
	if it.typ == value.TypeCount && !whole(it.val.Quantity) {
		return Assignment{}, false // "a magnitude 5.8 earthquake": people and things count whole
	}
	c := st.clause[it.from]
	asg := Assignment{
		Slot: slot, Type: it.typ, Value: it.val, Display: it.display,
		Start: it.start, End: it.end, Sentence: st.idx,
		Attribution: st.attr, AttributionID: st.attrID, Confidence: conf,
	}
	if it.place {
		asg.Type = value.TypePlace
		if it.weak {
			asg.Confidence *= weakMul
		}
	}
	if it.val.Quantity != nil && a.isSuperseded(st, it) {
		return Assignment{}, false // "40 दिन से घटकर 25 दिन": the old figure
	}
	if it.typ == value.TypeDuration && (a.isGap(st, it) || a.isPart(st, it) || a.isWindow(st, it)) {
		return Assignment{}, false
	}
	if it.typ == value.TypeDuration && frame >= 0 && st.sideline && a.hostEventAfter(st, it) {
		// "शिखर सम्मेलन से इतर … दो दिन के ब्रिक्स शिखर सम्मेलन": the
		// summit's length, not the meeting on its sidelines.
		asg.Slot, asg.Confidence = a.otherSlot[ti], confOther
	}
	if it.typ == value.TypeDuration && frame >= 0 && a.inClause(st, c, kSuspension) {
		// "ट्रेनें 2 दिन के लिए रद्द रहीं": how long a suspension lasted.
		asg.Slot, asg.Confidence = a.otherSlot[ti], confOther
	}
	if it.typ == value.TypeSpeed {
		a.topSpeed(st, it, &asg)
		if a.isSpeedLimit(st, it) {
			// "इस रूट पर गति सीमा 110 किमी प्रति घंटा है": a rule, not how
			// fast anything went.
			asg.Slot = strings.TrimSuffix(asg.Slot, ".speed") + ".speed_limit"
		}
	}
	if (it.typ == value.TypeDuration || it.typ == value.TypeDistance) && a.inClause(st, st.clause[it.from], kRoundTrip) {
		return Assignment{}, false // "आने-जाने में कुल 20 घंटे": the round trip
	}
	if it.typ == value.TypeDuration && a.isDeadline(st, it) {
		return Assignment{}, false // "30 दिन में रिपोर्ट मांगी": a deadline
	}
	if it.typ == value.TypeYear && (a.isYearLimit(st, it) || a.sinceWindow(st, it)) {
		return Assignment{}, false // "2030 तक 10 अरब डॉलर का व्यापार": a target
	}
	if (it.typ == value.TypeWeekday || it.typ == value.TypeDate) && (a.isReportingDay(st, it) || a.isDayLimit(st, it) || isDateline(st, it)) {
		return Assignment{}, false
	}
	// A forecast ("2025 में होने वाले अगले सम्मेलन") is never an earlier occurrence.
	if frame >= 0 && !st.forecst[c] && (st.recall || a.isEarlier(st, it, c)) {
		asg.Earlier = true
		if a.frames[frame].Earlier != "" {
			asg.Slot = a.slots[frame][ti].earlier
		}
	}
	if frame >= 0 && a.frames[frame].Name == "treaty" && a.hasPerfect(st, c) {
		asg.Earlier = true
	}
	if st.future[c] && !st.forecst[c] && !asg.Earlier && !(frame >= 0 && a.frames[frame].Property) {
		// "शवों का पोस्टमार्टम सोमवार को किया जाएगा": a day reached only
		// through a sibling's slot in a future clause is what will be done
		// next, not the event's day.
		if (it.typ == value.TypeWeekday || it.typ == value.TypeDate) && frame >= 0 && !a.slots[frame][ti].native && a.frames[frame].Agentless {
			return Assignment{}, false
		}
		asg.Expected = true
		asg.Confidence *= futureMul
	}
	if st.forecst[c] && !asg.Earlier {
		asg.Expected = true
		asg.Confidence *= forecastMul
		if frame >= 0 {
			// A forecast is not a report of the event: it takes its own frame.
			asg.Slot = a.slots[frame][ti].next
		}
	}
	if st.title {
		asg.Confidence *= titleFactor
	}
	if st.unconfirmed {
		asg.Confidence *= unconfirmedMul
	}
	asg.Confidence = a.round2(asg.Confidence)
	return asg, true
}

// maxAgentWords bounds the words between a frame word and the ने after it
// that make the event itself the agent ("चक्रवात 'सागरिका' ने").
const maxAgentWords = 4

// eventIsAgent reports whether the agent before the ने at token ne is the
// event itself ("तूफान ने गुरुवार को तबाही मचाई"): a frame word that has the
// slot of type index ti itself (an event, not "घायल" people) ends shortly
// before it.
func (a *Assigner) eventIsAgent(st *sentenceState, ne, ti int) bool {
	for _, h := range st.hits {
		if h.kind == kTrigger && a.slots[h.frame][ti].native && h.to <= ne && ne-h.to <= maxAgentWords {
			return true
		}
	}
	return false
}

// maxListItem bounds the words of one item of a list.
const maxListItem = 3

// listComma reports whether the comma at token i separates the items of a
// list: a short run of words follows it up to another comma or a
// conjunction ("खनिज, कृषि, डिजिटल भुगतान और …", "Kim, Putin and Xi"). A
// comma after a verb ends its clause all the same.
func (a *Assigner) listComma(st *sentenceState, i int) bool {
	n := 0
	for j := i + 1; j < len(st.toks); j++ {
		switch k := st.key(j); {
		case k == "," || a.conj[k] || a.alt[k]:
			return n > 0
		case st.toks[j].punct || st.mentionAt[j]:
			return false
		case st.startMask[j].has(kReportVerb):
			return false // ", the Kremlin said, …": a clause, not an item
		}
		if n++; n > maxListItem {
			return false
		}
	}
	return false
}

// letterCode reports whether token i spells a code of one to three letters:
// capitals ("UK", "PA") or Hindi letter names ("यूके", "पीए").
func (a *Assigner) letterCode(st *sentenceState, i int) bool {
	t := st.src[st.toks[i].start:st.toks[i].end]
	if t == "" || st.toks[i].punct {
		return false
	}
	if len(t) <= 3 && strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return true
	}
	for n := 0; t != "" && n < 3; n++ {
		matched := false
		for _, l := range a.letterNames { // longest first
			if strings.HasPrefix(t, l) {
				t, matched = t[len(l):], true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return t == ""
}

// isDigitsToken reports whether token i is written in digits.
// capitalizedNextToNumber reports a one-word hit written with a capital
// letter right after or before a number: "May 10", "10 May" name the month,
// while the modal "may" is lower case inside a sentence.
func capitalizedNextToNumber(st *sentenceState, h hit) bool {
	if h.to != h.from+1 || !isUpperStart(st, h.from) {
		return false
	}
	return h.to < len(st.toks) && isDigitsToken(st, h.to) || h.from > 0 && isDigitsToken(st, h.from-1)
}

func isDigitsToken(st *sentenceState, i int) bool {
	t := st.src[st.toks[i].start:st.toks[i].end]
	return t != "" && strings.Trim(t, "0123456789०१२३४५६७८९") == ""
}

// maxNamedGap bounds the words of a name between a number and the noun
// that makes it an identifier ("12548 सरयू-हुगली एक्सप्रेस").
const maxNamedGap = 5

// numbersName reports whether the number it names a service: a numbered noun
// follows within a name's length, or stands right before the number's
// parenthesis ("Saryu Express (12548)").
func (a *Assigner) numbersName(st *sentenceState, it item) bool {
	for _, h := range st.hits {
		if h.kind != kNumbered {
			continue
		}
		if h.from >= it.to && h.from-it.to <= maxNamedGap {
			return true
		}
		if it.from >= 1 && st.key(it.from-1) == "(" && h.to == it.from-1 {
			return true
		}
	}
	return false
}

// recallsBack reports whether the sentence refers back to an event named
// before with a demonstrative before a frame word: "उस हादसे में", "in that
// crash".
func (a *Assigner) recallsBack(st *sentenceState) bool {
	for _, h := range st.hits {
		// "उस हादसे में", "in that crash", "तब वह बैठक", "that deadly crash":
		// a frame word right after the reference or one word on.
		if h.kind == kRecallRef && (a.startsHit(st, h.to, kTrigger) || h.to+1 < len(st.toks) && a.startsHit(st, h.to+1, kTrigger)) {
			return true
		}
		// English goes on in the past perfect about the earlier occurrence:
		// "In January 1990 a train rammed … At least 307 people had been
		// killed." (Hindi था/थे is any past, so only English counts.)
		if h.kind == kPerfect && !st.devanagari {
			return true
		}
	}
	return false
}

// opensWith reports whether clause c begins with a phrase of kind k.
func (a *Assigner) opensWith(st *sentenceState, c int, k kind) bool {
	for i, ci := range st.clause {
		if ci == c && !st.toks[i].punct {
			return a.startsHit(st, i, k)
		}
	}
	return false
}

// isNoiseCount reports counts that carry no fact: "एक"/"a"/"one" (an
// indefinite article as often as a number) and numbers glued to a name by a
// hyphen ("कोविड-19", "G-20", "Su-57").
func (a *Assigner) isNoiseCount(st *sentenceState, it item) bool {
	if q := it.val.Quantity; q != nil && q.Min != nil && q.Max != nil && *q.Min == 1 && *q.Max == 1 && q.Bound == value.Exact {
		c := st.src[it.start]
		if c < '0' || c > '9' {
			return true
		}
	}
	if it.start >= 2 && st.src[it.start-1] == '-' && st.src[it.start-2] != ' ' {
		return true
	}
	// "the two sides", "दोनों देशों": the story's parties.
	if q := it.val.Quantity; q != nil && q.Min != nil && *q.Min == 2 && it.to < len(st.toks) && a.startsHit(st, it.to, kParticipants) {
		return true
	}
	// A number glued to a word is part of a name: "जी20", "G20", "कोविड19".
	if it.from < len(st.toks) && st.toks[it.from].start < it.start {
		return true
	}
	// A long run of digits without grouping is a phone or ID number.
	if d := st.src[it.start:it.end]; len(d) >= 8 && strings.Trim(d, "0123456789") == "" {
		return true
	}
	// "यूके 12 पीए 0437", "UK 12 PA 0437": a vehicle registration, a short
	// code between letters and a four-digit number.
	if it.from > 0 && it.to+1 < len(st.toks) && a.letterCode(st, it.from-1) && a.letterCode(st, it.to) &&
		isDigitsToken(st, it.to+1) && utf8.RuneCountInString(st.src[st.toks[it.to+1].start:st.toks[it.to+1].end]) >= 4 {
		return true
	}
	// "बोइंग 787-8", "A320-200": a number joined to another by a hyphen is a
	// model's designation.
	if it.to+1 < len(st.toks) && st.key(it.to) == "-" && st.toks[it.to].start == it.end &&
		st.toks[it.to+1].start == st.toks[it.to].end && isDigitsToken(st, it.to+1) {
		return true
	}
	// "12548 सरयू-हुगली एक्सप्रेस", "Saryu Express (12548)": a number of four
	// or five digits that names a train or a flight.
	if d := st.src[it.start:it.end]; len(d) >= 4 && len(d) <= 5 && strings.Trim(d, "0123456789") == "" && a.numbersName(st, it) {
		return true
	}
	// "अवाम एक्सप्रेस (13 अप)", "12 डाउन", "the 13-Up": a train's number
	// with its direction.
	if k := it.to; k < len(st.toks) {
		if st.key(k) == "-" && k+1 < len(st.toks) {
			k++
		}
		if slices.Contains(a.trainDirections, st.src[st.toks[k].start:st.toks[k].end]) {
			return true
		}
	}
	// "Boeing 787", "Airbus A320": a model, not a count.
	if it.from > 1 && !st.toks[it.from-1].punct && latinKey(st, it.from-1) && isUpperStart(st, it.from-1) {
		return true
	}
	// "a country of about 3.5 million people", "35 लाख की आबादी": a population.
	for _, h := range st.hits {
		if h.kind == kPopulation && (h.to == it.from || h.to+1 == it.from && !st.toks[h.to].punct ||
			h.from == it.to+1 && (st.key(it.to) == "की" || st.key(it.to) == "का")) {
			return true
		}
	}
	return a.isSuperseded(st, it)
}

// countsThings reports a count whose noun is a thing, not people: "करीब 200
// एंबुलेंस". A group frame word or a people noun right after the number, or
// no noun at all ("12 की मौत"), keeps it.
func (a *Assigner) countsThings(st *sentenceState, it item) bool {
	if it.to >= len(st.toks) || st.toks[it.to].punct {
		return false
	}
	if a.startsHit(st, it.to, kThing) {
		return true // "90 गाड़ियां फंसी हुई थीं": vehicles
	}
	for i := it.to; i < len(st.toks) && i < it.to+3; i++ {
		if a.startsHit(st, i, kPeople) || st.demonymAt[i] {
			return false
		}
		for _, h := range st.hits {
			if h.from == i && h.kind == kTrigger && a.frames[h.frame].Group {
				return false
			}
		}
	}
	next := it.to
	// A postposition, verb or other function word right after: no noun.
	return !a.isFunctionWord(st, next) && !a.isTriggerAt(st, next) && !isFunctionish(st.key(next))
}

// isFunctionish reports short words that follow a bare count: postpositions,
// auxiliaries, conjunctions.
func isFunctionish(w string) bool {
	switch w {
	case "की", "के", "का", "को", "से", "में", "ने", "पर", "तक", "और", "या", "भी", "ही", "हैं", "है", "थे", "थी", "था", "हो", "गए", "गई",
		"कर", "हुई", "हुए", "हुआ", "पहुंची", "पहुंच", "रही", "रहा", "रहे", "बताई", "बताया",
		"of", "were", "are", "was", "is", "have", "had", "and", "or", "in", "on", "at", "to", "more", "died", "dead",
		"by", "after", "since", "as", "with":
		return true
	}
	return false
}

// clauseLen counts the words of clause c.
// verbKinds are the phrase kinds of verb forms.
var verbKinds = kinds(kVerbBeforeAnd, kEventVerb, kPerfect, kFuture, kReportVerb)

// ownVerb reports whether clause c has a verb of its own: in Hindi, which
// puts the verb last, a verb form ends it ("… हवाई अड्डे," has none); in
// English, more than four words that do not open with a preposition (", on
// Monday evening after a day on the rails" has none).
func (a *Assigner) ownVerb(st *sentenceState, c int) bool {
	if a.clauseLen(st, c) <= 4 {
		return false
	}
	first, last := -1, -1
	for i, k := range st.clause {
		if k == c && !st.toks[i].punct {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return false
	}
	if !st.devanagari {
		return !a.startsHit(st, first, kLocBefore)
	}
	// A subordinate clause ("जिससे …", "जो …") has a verb of its own.
	if st.startMask[first].meets(kinds(kClauseBreak, kRelative)) {
		return true
	}
	if st.endMask[last+1].meets(verbKinds) {
		return true
	}
	// The future endings: "रह जाएगा", "होगी", "करेंगे".
	return a.futureEnding(st.key(last))
}

func (a *Assigner) clauseLen(st *sentenceState, c int) int {
	n := 0
	for i, k := range st.clause {
		if k == c && !st.toks[i].punct {
			n++
		}
	}
	return n
}

// isSuperseded reports the old figure of a revision: "288 से घटाकर 275",
// "rose from 50 to 288".
func (a *Assigner) isSuperseded(st *sentenceState, it item) bool {
	if it.to < len(st.toks) && a.startsHit(st, it.to, kSuperseded) {
		return true
	}
	if it.from > 0 && st.key(it.from-1) == "from" && it.to < len(st.toks) && st.key(it.to) == "to" {
		return true
	}
	c := st.clause[it.from]
	for _, h := range st.hits {
		if h.kind == kSupersededBefore && h.to == it.from {
			return true // "up from 120"
		}
		// "cut the three-hour drive to about 90 minutes": a verb of change
		// shortly before the figure and "to" after it in the clause.
		if h.kind == kChangeVerb && h.to <= it.from && it.from-h.to <= 2 && st.clause[h.from] == c {
			for i := it.to; i < len(st.toks) && st.clause[i] == c; i++ {
				if st.key(i) == "to" {
					return true
				}
			}
		}
	}
	return false
}

// isSubset reports a count that is part of a total: a subset cue in the
// clause next to the count's frame word, or the count after "मृतकों में".
func (a *Assigner) isSubset(st *sentenceState, it item) bool {
	c := st.clause[it.from]
	for _, h := range st.hits {
		if st.clause[h.from] != c {
			continue
		}
		if h.kind == kSubsetClause || h.kind == kScope {
			return true
		}
		// "गंभीर रूप से घायल 6 लोग" (attributive, a part) but not "11 लोग
		// गंभीर रूप से घायल हुए" (the predicate of all of them).
		if h.kind == kSubset && h.to <= it.from && it.from-h.to <= 3 {
			return true
		}
		// "तीन की हालत गंभीर है": the cue right after the count.
		if h.kind == kSubsetAfter && h.from == it.to {
			return true
		}
		// "six of the injured": a part of the group.
		if h.kind == kTrigger && a.frames[h.frame].Group && h.from >= it.to+1 && h.from <= it.to+2 && st.key(it.to) == "of" {
			return true
		}
		// "हाजीपुर सदर अस्पताल में 19 घायल": the injured at one hospital.
		if h.kind == kInstitution && h.to+1 == it.from && st.key(h.to) == "में" {
			return true
		}
		if h.kind == kTrigger && h.to < it.from && h.to < len(st.toks) && st.key(h.to) == "में" && !a.victimVerbBetween(st, h.to+1, it.from) &&
			obliquePlural(st.key(h.to-1)) {
			if a.frames[h.frame].Group {
				return true // "मृतकों में दो बच्चे": among the dead
			}
		}
	}
	return false
}

// obliquePlural reports a Hindi noun in the oblique plural ("मृतकों",
// "श्रद्धालुओं"): "X-ों में N" counts some among the Xs, while "रैली में N"
// counts those at the rally.
func obliquePlural(k string) bool {
	return strings.HasSuffix(k, "ों") || strings.HasSuffix(k, "ओं")
}

// victimVerbBetween reports a verb of falling victim between tokens from and
// to ("लू की चपेट में आए 23 लोग": all who fell victim, not a part of them).
func (a *Assigner) victimVerbBetween(st *sentenceState, from, to int) bool {
	for _, h := range st.hits {
		if h.kind == kVictimVerb && h.from >= from && h.to <= to {
			return true
		}
	}
	return false
}

// nextName is the frame a forecast of frame takes.
func (a *Assigner) nextName(frame int) string {
	if n := a.frames[frame].Next; n != "" {
		return n
	}
	return "next_" + a.frames[frame].Name
}

// isReportingDay reports a day told of a verb of reporting or of a figure's
// update rather than of the event: the verb stands right by the day, closer
// than any frame word ("officials said on Saturday", "ने शनिवार को बताया").
func (a *Assigner) isReportingDay(st *sentenceState, it item) bool {
	c := st.clause[it.from]
	rv := 1 << 30
	for _, h := range st.hits {
		if h.kind != kReportVerb || st.clause[h.from] != c {
			continue
		}
		if d := distance(h, it); d < rv {
			rv = d
		}
	}
	if rv > 3 {
		return false
	}
	for _, h := range st.hits {
		if h.kind == kTrigger && st.clause[h.from] == c && distance(h, it) < rv {
			return false
		}
	}
	return true
}

// isDayLimit reports a day that bounds a span rather than dates the event:
// "by Wednesday", "since Monday", "बुधवार सुबह तक".
func (a *Assigner) isDayLimit(st *sentenceState, it item) bool {
	if a.endsHit(st, it.from, kDayLimitBefore) {
		return true
	}
	// Allow a part of the day in between: "बुधवार सुबह तक".
	for i := it.to; i < len(st.toks) && i <= it.to+1; i++ {
		if a.startsHit(st, i, kDayLimitAfter) {
			return true
		}
	}
	return false
}

// isYearLimit reports a year that bounds a span or sets a target: "2030 तक",
// "by 2030", "until 2019".
func (a *Assigner) isYearLimit(st *sentenceState, it item) bool {
	return a.endsHit(st, it.from, kYearLimitBefore) || a.startsHit(st, it.to, kYearLimitAfter)
}

// isDateline reports the date of a dateline — "DEHRADUN, Oct 4 (Reuters) -",
// "नई दिल्ली, 3 जून (भाषा)" — which dates the report, not the event.
func isDateline(st *sentenceState, it item) bool {
	i := it.to
	if i+2 < len(st.toks) && st.key(i) == "(" {
		for j := i + 1; j < len(st.toks) && j <= i+4; j++ {
			if st.key(j) == ")" {
				return true
			}
		}
	}
	return false
}

// distance is the number of tokens between a hit and an item.
func distance(h hit, it item) int {
	if h.to <= it.from {
		return it.from - h.to
	}
	if h.from >= it.to {
		return h.from - it.to
	}
	return 0
}

// isPart reports a duration that measures a part of the event: "पहले एक
// घंटे", "the first hour".
func (a *Assigner) isPart(st *sentenceState, it item) bool {
	if a.inClause(st, st.clause[it.from], kPartClause) {
		return true // "करीब डेढ़ घंटे तक अकेले में बात की"
	}
	for _, h := range st.hits {
		if h.kind == kPart && (h.to == it.from || (h.to == it.from-1 && (st.key(it.from-1) == "the" || st.key(it.from-1) == "its"))) {
			return true
		}
	}
	return false
}

// maxLimitGap bounds the tokens between a speed and a word of a speed limit.
const maxLimitGap = 4

// isSpeedLimit reports a speed named as a limit ("गति सीमा 110 किमी प्रति
// घंटा", "a speed limit of 110 km/h") in its clause.
func (a *Assigner) isSpeedLimit(st *sentenceState, it item) bool {
	c := st.clause[it.from]
	for _, h := range st.hits {
		// Before the speed anywhere in its clause ("cut the speed limit on
		// the expressway to 60 km/h for buses and 75 km/h for cars", "गति
		// सीमा 60 … और हल्के वाहनों के लिए 75 किलोमीटर प्रति घंटा"), or just
		// after it.
		if h.kind == kSpeedLimit && st.clause[h.from] == c && (h.to <= it.from || distance(h, it) <= maxLimitGap) {
			return true
		}
	}
	return false
}

// isWindow reports a duration that is a window of time around the story
// ("पिछले 24 घंटों में", "in the next two years"), not the event's length.
func (a *Assigner) isWindow(st *sentenceState, it item) bool {
	for _, h := range st.hits {
		if h.kind != kWindow || h.to != it.from {
			continue
		}
		// "पिछले 24 घंटों में", "in the past 24 hours" are windows; "पिछले
		// डेढ़ दिन से", "for the past two days" measure what is still going on.
		if it.to < len(st.toks) && st.key(it.to) == "से" {
			return false
		}
		// "for the next 72 hours" looks ahead: a window all the same.
		if h.from > 1 && st.key(h.from-1) == "the" && st.key(h.from-2) == "for" && !a.startsHit(st, h.from, kNext) {
			return false
		}
		return true
	}
	return false
}

// topSpeed turns a speed next to "अधिकतम"/"top speed" into an upper bound:
// a top speed says how fast something can go at most.
func (a *Assigner) topSpeed(st *sentenceState, it item, asg *Assignment) {
	q := it.val.Quantity
	if q == nil || q.Bound != value.Exact && q.Bound != "" {
		return
	}
	c := st.clause[it.from]
	for _, h := range st.hits {
		if h.kind != kMaximum || st.clause[h.from] != c {
			continue
		}
		if h.to <= it.from && it.from-h.to <= 3 || h.from >= it.to && h.from-it.to <= 3 {
			top := q.Max
			if top == nil {
				top = q.Min
			}
			nq := *q
			nq.Min, nq.Max, nq.Bound = nil, top, value.AtMost
			asg.Value = value.Value{Quantity: &nq}
			asg.Display = nq.Display()
			return
		}
	}
}

// isGap reports a duration that measures a gap or a window of a count ("चार
// वर्षों में पहली", "first … in four years", "दो दिन में यह तीसरा हादसा"), not
// the length of an event.
func (a *Assigner) isGap(st *sentenceState, it item) bool {
	if it.to < len(st.toks) && (st.key(it.to) == "में" || st.key(it.to) == "बाद") {
		for _, h := range st.hits {
			if h.kind == kGapOrdinal && h.from >= it.to {
				return true // "दो दिन में यह तीसरा हादसा"
			}
		}
	}
	if it.from > 0 && (st.key(it.from-1) == "in" || st.key(it.from-1) == "for") {
		for _, h := range st.hits {
			if h.kind == kGapOrdinal && h.to <= it.from {
				return true // "the third accident in two days"
			}
		}
	}
	return false
}

// isEarlier reports whether a value belongs to an earlier occurrence: a clause
// cue ("आखिरी बार", "last time"), a "since" cue right after a time value
// ("2019 के बाद पहली"), or a past perfect clause that names a year.
func (a *Assigner) isEarlier(st *sentenceState, it item, c int) bool {
	if st.hasHitIn(c, kEarlierClause) {
		return true
	}
	// "… comparisons with the accident of July 10, 2011, when the Mail
	// derailed near Malwan": a relative clause after an earlier one.
	if c > 0 && st.hasHitIn(c-1, kEarlierClause) && a.opensWith(st, c, kRelative) {
		return true
	}
	timeVal := it.typ == value.TypeYear || it.typ == value.TypeDate
	if timeVal && st.hasHitIn(c, kFirst) && sinceCue(st, it, c) {
		return true
	}
	// A sentence dated only by a year, with no day, tells of an earlier
	// occurrence: news dates the reported one by its day ("on Monday").
	if st.yearOnly && !st.sinceYear {
		return true
	}
	// A past perfect clause that names a year reports an earlier occurrence;
	// a relative clause ("…, जिसमें 9 लोगों की मौत हुई थी") shares the year of
	// the clause it hangs on.
	if a.hasPerfect(st, c) && (st.years[c] || c > 0 && st.years[c-1] && a.startsRelative(st, c)) {
		return true
	}
	return c < len(st.perfectAfterDate) && st.perfectAfterDate[c]
}

// datedPerfects fills st.perfectAfterDate: a past perfect clause right after
// a clause that names a year and has no verb of its own, and in English a
// clause that opens with a participle (", killing 28") after one of those.
func (a *Assigner) datedPerfects(st *sentenceState) {
	n := len(st.years)
	st.perfectAfterDate = zeroed(st.perfectAfterDate, n)
	if n < 2 || !hasKind(st.hits, kinds(kPerfect)) {
		return
	}
	st.clauseFirst = slices.Grow(st.clauseFirst[:0], n)[:n] // the first token of each clause
	first := st.clauseFirst
	for i := range first {
		first[i] = -1
	}
	for i, c := range st.clause {
		if first[c] < 0 && !st.toks[i].punct {
			first[c] = i
		}
	}
	for c := 1; c < n; c++ {
		if a.hasPerfect(st, c) && st.years[c-1] && !a.ownVerb(st, c-1) {
			st.perfectAfterDate[c-1], st.perfectAfterDate[c] = true, true
			continue
		}
		if st.perfectAfterDate[c-1] && !st.devanagari && first[c] >= 0 && strings.HasSuffix(st.key(first[c]), "ing") {
			st.perfectAfterDate[c] = true
		}
	}
}

// startsRelative reports whether clause c begins with a relative pronoun.
func (a *Assigner) startsRelative(st *sentenceState, c int) bool {
	for i, cl := range st.clause {
		if cl == c {
			return a.startsHit(st, i, kRelative)
		}
	}
	return false
}

func (a *Assigner) hasPerfect(st *sentenceState, c int) bool {
	return st.hasHitIn(c, kPerfect)
}

// roundConfidences fills a.rounded: a base confidence times, in the order
// assignItem applies them, the factors for a weak name, a future or a
// forecast, and a headline; and a reference's confidence.
func (a *Assigner) roundConfidences() {
	a.rounded = map[uint64]float64{}
	for _, base := range []float64{confClause, confSentence, confNearby, confOther} {
		for _, weak := range []float64{1, weakMul} {
			for _, tense := range []float64{1, futureMul, forecastMul} {
				for _, title := range []float64{1, titleFactor} {
					x := base
					if weak != 1 {
						x *= weak
					}
					if tense != 1 {
						x *= tense
					}
					if title != 1 {
						x *= title
					}
					a.rounded[math.Float64bits(x)] = round2(x)
				}
			}
		}
		a.rounded[math.Float64bits(base*referenceMul)] = round2(base * referenceMul)
	}
}

// round2 is the package round2, looked up for the usual confidences.
func (a *Assigner) round2(x float64) float64 {
	if v, ok := a.rounded[math.Float64bits(x)]; ok {
		return v
	}
	return round2(x)
}

// round2 rounds x to two decimals the way formatting it with two decimals
// and reading it back does. Confidences (small non-negative numbers) are
// formatted into a stack buffer and read back as an integer number of
// hundredths, which gives the same float64 as strconv.ParseFloat.
func round2(x float64) float64 {
	if x >= 0 && x < 1e9 && !math.Signbit(x) {
		var buf [32]byte
		b := strconv.AppendFloat(buf[:0], x, 'f', 2, 64)
		n := 0
		for _, c := range b {
			if c != '.' {
				n = n*10 + int(c-'0')
			}
		}
		if n != 0 || x == 0 {
			return float64(n) / 100
		}
	}
	return round2Slow(x)
}

// round2Slow is round2 for any x.
func round2Slow(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 2, 64), 64)
	return v
}

// whole reports whether every side of a quantity is a whole number.
func whole(q *value.Quantity) bool {
	if q == nil {
		return false
	}
	for _, x := range []*float64{q.Min, q.Max} {
		if x != nil && *x != math.Trunc(*x) {
			return false
		}
	}
	return true
}
