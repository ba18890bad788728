package scan

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

//go:embed data/*.yaml
var dataFS embed.FS

// embedded returns the embedded lexicon files in a stable order.
func embedded() ([]lexicon.File, error) {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, err
	}
	var files []lexicon.File
	for _, e := range entries {
		b, err := dataFS.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		files = append(files, lexicon.File{Name: "scan/data/" + e.Name(), Data: b})
	}
	return files, nil
}

// kind is the role a lexicon phrase plays.
type kind uint8

const (
	pNumber kind = iota + 1
	pMult
	pFrac
	pFracMod
	pVague
	pVaguePrefix
	pOrdinal
	pOrdSuffix
	pOrdNoun
	pArticle
	pDecimal
	pNegSign
	pUnit
	pUnitBefore
	pUnitGlued
	pUnitInCompound
	pSpeedMarker
	pQual
	pNegation
	pRangeConn
	pMonth
	pWeekday
	pWeekdayShort
	pRelWord
	pRelShift
	pRelDir
	pYearBefore
	pYearAfter
	pDecadeAfter
	pDocNum
	pAgeBefore
	pAgeNoun
	pGenitive
	pStop
	pNotCounted
	pTimeOfDay
	pRatio
	pUnitFiller
	pCoord
	pMoneySuffix
	pRelUnit
	pDayWord
	pUnitOne
	pFracBar
	pPerBefore
	pPerAfter
	pAgeArticle
	pEndVerb
	pTallyWord
	numKinds
)

// phrase is one lexicon entry as a sequence of token keys.
type phrase struct {
	keys      []string
	ids       []int32 // the vocabulary ids of keys
	kind      kind
	val       float64 // number, multiplier, fraction, ordinal, month, weekday, shift, sign
	ambiguous bool
	include   bool // year context word that belongs to the expression
	strong    bool // year context that admits any four-digit year
	alone     bool // a multiplier that counts once without a number
	approx    bool // a number word that is approximate by itself
	// onlyBefore, when set, lets the word count only before one of these
	// phrases or at the end of a clause ("a third of", not "a third term").
	onlyBefore [][]int32
	unit       *unitDef
	qual       *qualDef
	rel        string
}

// unitDef is a unit of the units section.
type unitDef struct {
	Unit   string     `yaml:"unit"`
	Scale  float64    `yaml:"scale"`
	Type   value.Type `yaml:"type"`
	Words  []string   `yaml:"words"`
	Glued  []string   `yaml:"glued"`
	Before []string   `yaml:"before"`
	// One lists phrases that are one unit by themselves ("साल भर" is a
	// year, "महीने भर" a month).
	One     []string `yaml:"one"`
	AsSpeed string   `yaml:"as_speed"`
	// NotBefore lists phrases after which the word is no unit ("मील का
	// पत्थर" is a milestone).
	NotBefore []string `yaml:"not_before"`
	// ClauseEnd marks spellings that are a unit only where the clause ends
	// after them: "5 in" and "7 feet, 10 in." are inches, "5 in Delhi" is
	// not.
	ClauseEnd bool `yaml:"clause_end"`
	// QuoteMark marks glued spellings that are also quotation marks: the
	// foot and inch marks of 5'8" are no unit where they close a quotation
	// ("संख्या '50'").
	QuoteMark bool `yaml:"quote_mark"`
	// InCompound lists spellings that are this unit only after a larger
	// unit of its type in one compound amount: "m" is minutes in "2h 30m"
	// and metres elsewhere.
	InCompound []string `yaml:"in_compound"`

	notBefore [][]int32 // vocabulary ids of NotBefore
}

// qualDef is a qualifier of the qualifiers section.
type qualDef struct {
	At        string       `yaml:"at"`
	Approx    bool         `yaml:"approx"`
	Bound     value.Bound  `yaml:"bound"`
	Negated   value.Bound  `yaml:"negated"`
	NotFor    []value.Type `yaml:"not_for"`
	ButBefore []string     `yaml:"but_before"`
	NotBefore []string     `yaml:"not_before"`
	RangeWith []string     `yaml:"range_with"`
	Words     []string     `yaml:"words"`

	butBefore, notBefore, rangeWith idSet
}

// idSet is a set of vocabulary ids.
type idSet map[int32]bool

type valueWords struct {
	Value     float64  `yaml:"value"`
	Words     []string `yaml:"words"`
	Ambiguous bool     `yaml:"ambiguous"`
	Alone     bool     `yaml:"alone"`
	Approx    bool     `yaml:"approx"`
	Short     []string `yaml:"short"`
	// OnlyBefore lets the words count only before one of these phrases or
	// at the end of a clause ("a third of" is a fraction, "a third term" an
	// ordinal).
	OnlyBefore []string `yaml:"only_before"`
}

type minWords struct {
	Min   float64  `yaml:"min"`
	Words []string `yaml:"words"`
}

type addWords struct {
	Add   float64  `yaml:"add"`
	Words []string `yaml:"words"`
}

type relWords struct {
	Relative  string   `yaml:"relative"`
	Ambiguous bool     `yaml:"ambiguous"`
	Words     []string `yaml:"words"`
}

type shiftWords struct {
	Shift float64  `yaml:"shift"`
	Sign  float64  `yaml:"sign"`
	Words []string `yaml:"words"`
}

type ctxWords struct {
	Include bool     `yaml:"include"`
	Strong  bool     `yaml:"strong"`
	Words   []string `yaml:"words"`
}

// lex is the compiled lexicon: phrases indexed by their first token key,
// longest first.
type lex struct {
	index map[string]*entry
	// vocab interns every key; words holds what the scanner needs to know
	// about a token by its id.
	vocab *vocab
	words []wordInfo
	// masks and cues repeat the mask and cue of words, packed tightly so
	// that looking up every token stays in the cache.
	masks []uint64
	cues  []cueFlags
	// word holds the ids of keys the scanner tests by name.
	word     keyWords
	suffixes map[string]float64 // case-sensitive number suffixes
	// nextClockUnit is the unit a bare number after hours or minutes counts
	// ("1 hour thirty").
	nextClockUnit map[string]*unitDef
}

// entry is every phrase that starts with one token key, longest first, and
// the set of their kinds.
type entry struct {
	ps   []*phrase
	mask uint64
	// byKind holds ps split by kind, each part in the order of ps.
	byKind []kindPhrases
}

// kindPhrases are the phrases of one kind that begin with a key.
type kindPhrases struct {
	kind kind
	ps   []*phrase
}

// ofKind returns the phrases of kind k, longest first.
func (e *entry) ofKind(k kind) []*phrase {
	for i := range e.byKind {
		if e.byKind[i].kind == k {
			return e.byKind[i].ps
		}
	}
	return nil
}

// wordInfo is what the scanner knows about a vocabulary key.
type wordInfo struct {
	entry *entry   // the phrases that begin with the key, or nil
	mask  uint64   // the kinds of those phrases
	cue   cueFlags // the readers that may find a mention beginning with the key
	// When every phrase that can begin a mention with the key is longer
	// than the key ("at least", "in excess of"), starters lists them and
	// the cues in phraseCue hold only where one of them stands in full.
	starters  []*phrase
	phraseCue cueFlags
}

// keyWords are the ids of the few words the scanner tests by name.
type keyWords struct {
	and, of, aur, va, s, apostrophe int32
	// forW is "for" ("for 36 hours before …"); ne the Hindi agent marker ने.
	forW, ne int32
}

// cueFlags say which readers may find a mention that begins at a token;
// the scanner runs only those.
type cueFlags uint8

const (
	cueTime     cueFlags = 1 << iota // dates, weekdays, relative days
	cueOrdinal                       // ordinals
	cueQuantity                      // numbers and quantities
	cueMinus                         // a minus sign before digits: numbers
)

// timeStarters are the kinds a date, weekday or relative day begins with
// (besides digits).
const timeStarters = 1<<pWeekday | 1<<pWeekdayShort | 1<<pNumber | 1<<pOrdinal | 1<<pMonth | 1<<pRelWord | 1<<pRelShift

// quantityStarters are the kinds a number or quantity begins with (besides
// digits and a minus sign); qualifiers and year words count only when they
// stand before the amount and belong to the mention.
const quantityStarters = 1<<pQual | 1<<pAgeBefore | 1<<pYearBefore | 1<<pUnitBefore | 1<<pNegSign | 1<<pArticle |
	1<<pFracMod | 1<<pNumber | 1<<pFrac | 1<<pMult | 1<<pDecimal | 1<<pVague | 1<<pVaguePrefix | 1<<pUnitOne

// startsMention reports whether p can begin a mention: its kind is one
// a mention begins with, a qualifier stands before the amount and a year
// word belongs to the year.
func (p *phrase) startsMention() bool {
	switch {
	case (1<<p.kind)&(timeStarters|quantityStarters|1<<pOrdinal) == 0:
		return false
	case p.kind == pQual:
		return p.qual.At == "before"
	case p.kind == pYearBefore:
		return p.include
	}
	return true
}

// startMask is the set of kinds of e's phrases that can begin a mention: a
// qualifier only if one stands before the amount, a year word only if it
// belongs to the year.
func (e *entry) startMask() uint64 {
	m := e.mask &^ (1<<pQual | 1<<pYearBefore)
	for _, p := range e.ps {
		switch {
		case p.kind == pQual && p.qual.At == "before":
			m |= 1 << pQual
		case p.kind == pYearBefore && p.include:
			m |= 1 << pYearBefore
		}
	}
	return m
}

// keysOf tokenizes a lexicon word the way text is tokenized.
func keysOf(w string) []string {
	w = normalize.String(strings.TrimSpace(w))
	toks := tokenize(nil, w, nil)
	keys := make([]string, len(toks))
	low := lowerASCII(w)
	for i, t := range toks {
		if t.kind == tLatin {
			keys[i] = low[t.start:t.end]
		} else {
			keys[i] = w[t.start:t.end]
		}
	}
	return keys
}

func (l *lex) add(p *phrase, word string) error {
	p.keys = keysOf(word)
	if len(p.keys) == 0 {
		return fmt.Errorf("empty word")
	}
	p.ids = l.internAll(p.keys)
	e := l.index[p.keys[0]]
	if e == nil {
		e = &entry{}
		l.index[p.keys[0]] = e
	}
	e.ps = append(e.ps, p)
	e.mask |= 1 << p.kind
	return nil
}

// internAll returns the vocabulary ids of keys.
func (l *lex) internAll(keys []string) []int32 {
	ids := make([]int32, len(keys))
	for i, k := range keys {
		ids[i] = l.vocab.intern(k)
	}
	return ids
}

// build reads every section of the scanner's lexicon from files.
func build(files []lexicon.File) (*lex, error) {
	l := &lex{index: make(map[string]*entry), vocab: newVocab(), suffixes: make(map[string]float64), nextClockUnit: map[string]*unitDef{
		"h":   {Unit: "min", Scale: 1, Type: value.TypeDuration},
		"min": {Unit: "s", Scale: 1, Type: value.TypeDuration},
	}}
	var err error
	addAll := func(k kind, words []string, mk func() *phrase, file string, line int) {
		if err != nil {
			return
		}
		for _, w := range words {
			p := mk()
			p.kind = k
			if e := l.add(p, w); e != nil {
				err = lexicon.Errorf(file, line, "%q: %v", w, e)
				return
			}
		}
	}
	valueSection := func(key string, k kind) {
		if err != nil {
			return
		}
		items, e := lexicon.Section[valueWords](withKey(files, key), key)
		if e != nil {
			err = e
			return
		}
		for _, it := range items {
			v := it.Value
			if len(v.Words) == 0 {
				err = lexicon.Errorf(it.File, it.Line, "%s: an entry needs words: [...]", key)
				return
			}
			var onlyBefore [][]int32
			for _, w := range v.OnlyBefore {
				onlyBefore = append(onlyBefore, l.internAll(keysOf(w)))
			}
			addAll(k, v.Words, func() *phrase {
				return &phrase{val: v.Value, ambiguous: v.Ambiguous, alone: v.Alone, approx: v.Approx, onlyBefore: onlyBefore}
			}, it.File, it.Line)
			if k == pWeekday {
				addAll(pWeekdayShort, v.Short, func() *phrase { return &phrase{val: v.Value} }, it.File, it.Line)
			}
		}
	}
	valueSection("number_words", pNumber)
	valueSection("multipliers", pMult)
	valueSection("fractions", pFrac)
	valueSection("ordinal_words", pOrdinal)
	valueSection("months", pMonth)
	valueSection("weekdays", pWeekday)

	listSection := func(key string, k kind) {
		if err != nil {
			return
		}
		items, e := lexicon.Section[string](withKey(files, key), key)
		if e != nil {
			err = e
			return
		}
		for _, it := range items {
			addAll(k, []string{it.Value}, func() *phrase { return &phrase{} }, it.File, it.Line)
		}
	}
	listSection("vague_prefixes", pVaguePrefix)
	listSection("ordinal_suffixes", pOrdSuffix)
	listSection("ordinal_nouns", pOrdNoun)
	listSection("articles", pArticle)
	listSection("decimal_points", pDecimal)
	listSection("fraction_bars", pFracBar)
	listSection("per_period_before", pPerBefore)
	listSection("per_period_after", pPerAfter)
	listSection("negative_signs", pNegSign)
	listSection("speed_markers", pSpeedMarker)
	listSection("negations", pNegation)
	listSection("range_connectors", pRangeConn)
	listSection("decade_after", pDecadeAfter)
	listSection("document_numbers", pDocNum)
	listSection("age_before", pAgeBefore)
	listSection("age_nouns", pAgeNoun)
	listSection("age_articles", pAgeArticle)
	listSection("genitives", pGenitive)
	listSection("count_stopwords", pStop)
	listSection("not_counted", pNotCounted)
	listSection("time_of_day", pTimeOfDay)
	listSection("ratio_words", pRatio)
	listSection("unit_fillers", pUnitFiller)
	listSection("coordinators", pCoord)
	listSection("relative_units", pRelUnit)
	listSection("day_words", pDayWord)
	listSection("end_verbs", pEndVerb)
	listSection("tally_words", pTallyWord)
	if err != nil {
		return nil, err
	}

	mods, err := lexicon.Section[addWords](withKey(files, "fraction_modifiers"), "fraction_modifiers")
	if err != nil {
		return nil, err
	}
	for _, it := range mods {
		v := it.Value
		addAll(pFracMod, v.Words, func() *phrase { return &phrase{val: v.Add} }, it.File, it.Line)
	}
	vague, err := lexicon.Section[minWords](withKey(files, "vague_amounts"), "vague_amounts")
	if err != nil {
		return nil, err
	}
	for _, it := range vague {
		v := it.Value
		addAll(pVague, v.Words, func() *phrase { return &phrase{val: v.Min} }, it.File, it.Line)
	}
	msfx, err := lexicon.Section[valueWords](withKey(files, "money_suffixes"), "money_suffixes")
	if err != nil {
		return nil, err
	}
	for _, it := range msfx {
		v := it.Value
		addAll(pMoneySuffix, v.Words, func() *phrase { return &phrase{val: v.Value} }, it.File, it.Line)
	}
	sfx, err := lexicon.Section[valueWords](withKey(files, "number_suffixes"), "number_suffixes")
	if err != nil {
		return nil, err
	}
	for _, it := range sfx {
		for _, w := range it.Value.Words {
			l.suffixes[w] = it.Value.Value
		}
	}
	units, err := lexicon.Section[unitDef](withKey(files, "units"), "units")
	if err != nil {
		return nil, err
	}
	for _, it := range units {
		u := it.Value
		if _, ok := value.UnitDimension(u.Unit); !ok {
			return nil, lexicon.Errorf(it.File, it.Line, "unit %q is not a canonical unit (s min h day week month year decade · km/h mph m/s knot · m km mi ft cm mm in yd nmi · %% · a currency code like INR)", u.Unit)
		}
		switch u.Type {
		case value.TypeDuration, value.TypeSpeed, value.TypeDistance, value.TypePercent, value.TypeMoney, value.TypeAge:
		default:
			return nil, lexicon.Errorf(it.File, it.Line, "unit %q: type must be duration, speed, distance, percent, money or age", u.Unit)
		}
		if u.Scale == 0 {
			u.Scale = 1
		}
		for _, w := range u.NotBefore {
			u.notBefore = append(u.notBefore, l.internAll(keysOf(w)))
		}
		ud := &u
		addAll(pUnit, u.Words, func() *phrase { return &phrase{unit: ud} }, it.File, it.Line)
		addAll(pUnitGlued, u.Glued, func() *phrase { return &phrase{unit: ud} }, it.File, it.Line)
		addAll(pUnitBefore, u.Before, func() *phrase { return &phrase{unit: ud} }, it.File, it.Line)
		addAll(pUnitOne, u.One, func() *phrase { return &phrase{unit: ud} }, it.File, it.Line)
		addAll(pUnitInCompound, u.InCompound, func() *phrase { return &phrase{unit: ud} }, it.File, it.Line)
	}
	quals, err := lexicon.Section[qualDef](withKey(files, "qualifiers"), "qualifiers")
	if err != nil {
		return nil, err
	}
	for _, it := range quals {
		q := it.Value
		switch q.Bound {
		case "":
			q.Bound = value.Exact
		case value.Exact, value.AtMost, value.AtLeast, value.MoreThan, value.LessThan:
		default:
			return nil, lexicon.Errorf(it.File, it.Line, "qualifier bound %q: use exact, at_most, at_least, more_than or less_than", q.Bound)
		}
		if q.At == "" {
			q.At = "before"
		}
		if q.At != "before" && q.At != "after" {
			return nil, lexicon.Errorf(it.File, it.Line, "qualifier at: %q: use before or after", q.At)
		}
		q.butBefore, q.notBefore, q.rangeWith = l.keySet(q.ButBefore), l.keySet(q.NotBefore), l.keySet(q.RangeWith)
		qd := &q
		addAll(pQual, q.Words, func() *phrase { return &phrase{qual: qd} }, it.File, it.Line)
	}
	rels, err := lexicon.Section[relWords](withKey(files, "relative_words"), "relative_words")
	if err != nil {
		return nil, err
	}
	for _, it := range rels {
		r := it.Value
		addAll(pRelWord, r.Words, func() *phrase { return &phrase{rel: r.Relative, ambiguous: r.Ambiguous} }, it.File, it.Line)
	}
	for _, sec := range []struct {
		key string
		k   kind
	}{{"relative_shifts", pRelShift}, {"relative_directions", pRelDir}} {
		items, e := lexicon.Section[shiftWords](withKey(files, sec.key), sec.key)
		if e != nil {
			return nil, e
		}
		for _, it := range items {
			v := it.Value.Shift + it.Value.Sign
			addAll(sec.k, it.Value.Words, func() *phrase { return &phrase{val: v} }, it.File, it.Line)
		}
	}
	for _, sec := range []struct {
		key string
		k   kind
	}{{"year_before", pYearBefore}, {"year_after", pYearAfter}} {
		items, e := lexicon.Section[ctxWords](withKey(files, sec.key), sec.key)
		if e != nil {
			return nil, e
		}
		for _, it := range items {
			c := it.Value
			addAll(sec.k, c.Words, func() *phrase { return &phrase{include: c.Include, strong: c.Strong} }, it.File, it.Line)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, e := range l.index {
		ps := e.ps
		sort.SliceStable(ps, func(a, b int) bool { return len(ps[a].keys) > len(ps[b].keys) })
		for k := kind(1); k < numKinds; k++ {
			var of []*phrase
			for _, p := range ps {
				if p.kind == k {
					of = append(of, p)
				}
			}
			if of != nil {
				e.byKind = append(e.byKind, kindPhrases{kind: k, ps: of})
			}
		}
	}
	v := l.vocab
	l.word = keyWords{and: v.intern("and"), of: v.intern("of"), aur: v.intern("और"), va: v.intern("व"), s: v.intern("s"), apostrophe: v.intern("'"),
		forW: v.intern("for"), ne: v.intern("ने")}
	v.seal()
	l.words = make([]wordInfo, len(v.keys))
	for key, e := range l.index {
		l.words[v.ids[key]] = wordInfo{entry: e, mask: e.mask}
	}
	return l, nil
}

// withKey returns the files that may hold section key, so that each file is
// parsed only for the sections it can contain.
func withKey(files []lexicon.File, key string) []lexicon.File {
	var out []lexicon.File
	for _, f := range files {
		if bytes.Contains(f.Data, []byte(key)) {
			out = append(out, f)
		}
	}
	return out
}

// keySet returns the ids of every token key of words.
func (l *lex) keySet(words []string) idSet {
	if len(words) == 0 {
		return nil
	}
	m := make(idSet, len(words))
	for _, w := range words {
		for _, k := range keysOf(w) {
			m[l.vocab.intern(k)] = true
		}
	}
	return m
}
