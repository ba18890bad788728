package gazetteer

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/value"
)

//go:generate go run gen_countries.go

//go:embed data/*.yaml
var dataFS embed.FS

// Kind is what sort of thing an entry names.
type Kind string

// The kinds of entries.
const (
	Country      Kind = "country"
	Region       Kind = "region"
	City         Kind = "city"
	District     Kind = "district"
	Site         Kind = "site"
	Person       Kind = "person"
	Organization Kind = "organization"
	Other        Kind = "other"
)

// IsPlace reports whether entries of kind k are places (they may contain or
// be contained in other places).
func (k Kind) IsPlace() bool {
	switch k {
	case Country, Region, City, District, Site, Other:
		return true
	}
	return false
}

// Entry is one place, person or organization with the ways it is written.
type Entry struct {
	// ID is stable and unique, e.g. "place:vostochny-cosmodrome",
	// "person:kim-jong-un", "org:bbc".
	ID string
	// Name is the English name, used for display and in JSON values.
	Name string
	// Kind says what the entry is.
	Kind Kind
	// Hindi lists Hindi names and spellings; the first is the preferred one.
	Hindi []string
	// Aliases lists other spellings, Latin and Devanagari.
	Aliases []string
	// Demonyms lists adjectives of a country ("रूसी", "Russian"). They match
	// as Match.Demonym: useful to tell who someone is, never a location.
	Demonyms []string
	// Weak lists low-priority spellings: they resolve to this entry only
	// where no other entry claims the same key, and they match as
	// Match.Weak ("किम" alone for Kim Jong Un). Where another entry has the
	// spelling as a name, it is ambiguous and earlier places in the text
	// decide ("रायगढ़" after "महाराष्ट्र" is Raigad, not Raigarh).
	Weak []string
	// Guarded lists spellings that are also common words ("गया" is a
	// district and "went"): they match only when a designator of the entry's
	// kind follows ("गया जिले", "सागर शहर").
	Guarded []string
	// Within lists the ids of the places that directly contain this one.
	Within []string
	// Role says who a person is ("President of Russia") or what an
	// organization does ("news agency").
	Role string
	// Country is the id of a person's or organization's country (optional).
	Country string

	idx   int32
	chain []*Entry
	value value.Entity // what Value returns, built once
	owner *Gazetteer   // the gazetteer whose chain value describes
}

// Match is one mention of an entry in normalized text.
type Match struct {
	// Start and End are byte offsets in the text given to Find.
	Start, End int
	// Entry is the entry mentioned.
	Entry *Entry
	// Text is text[Start:End].
	Text string
	// Demonym marks an adjective of a country ("रूसी राष्ट्रपति"), not a
	// mention of the place.
	Demonym bool
	// Weak marks a low-priority spelling (see Entry.Weak).
	Weak bool

	alt int32 // other readings to resolve from context (keyRef.alt)
}

// Gazetteer finds and resolves names. It is built once and is safe for
// concurrent use.
type Gazetteer struct {
	entries []*Entry
	byID    map[string]*Entry
	keys    map[string]keyRef
	alpha   alphabet // the letters of trie and desig
	trie    trie
	desig   trie // designator words per kind ("क्षेत्र", "जिला", "city")
	// lowerStarts marks the lowercase Latin letters that a spelling
	// matching in any letter case starts with: a word that starts with
	// another lowercase letter starts no mention.
	lowerStarts [26]bool
	links       map[string]bool
	// alts lists, per keyRef.alt, the other readings of an ambiguous key;
	// alts[0] is unused. altOf collects them while indexing.
	alts  [][]int32
	altOf map[string][]int32
	// conflicts lists keys that two entries claim with the same priority;
	// the later entry keeps the key. Embedded data must have none.
	conflicts []string
}

// Priorities of the spellings that share a key.
const (
	prioWeak    = 1
	prioDemonym = 2
	prioName    = 3
)

// keyRef is what a key resolves to.
type keyRef struct {
	entry   int32
	prio    uint8
	guarded bool
	// alt indexes Gazetteer.alts: the other entries that list this key as a
	// weak spelling (0: none). Context picks among them.
	alt int32
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns all entries in load order. The slice must not be changed.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// ByID returns the entry with the id, or nil.
func (g *Gazetteer) ByID(id string) *Entry { return g.byID[id] }

// Lookup returns the entry that a name, alias or spelling variant stands
// for, comparing keys (see Key); nil if the name is unknown. A place
// designator after the name ("अमूर क्षेत्र", "गया जिला") is allowed.
func (g *Gazetteer) Lookup(name string) *Entry {
	if ref, ok := g.keys[Key(name)]; ok {
		return g.entries[ref.entry]
	}
	name = strings.TrimSpace(name)
	m := g.AppendFind(nil, name)
	if len(m) == 1 && m[0].Start == 0 && m[0].End == len(name) {
		return m[0].Entry
	}
	return nil
}

// Chain returns the places that contain the entry with the id, nearest
// first and outward (Vostochny Cosmodrome → Amur Oblast → Russian Far East
// → Russia → …). Places contained in two places list both.
func (g *Gazetteer) Chain(id string) []*Entry {
	e := g.byID[id]
	if e == nil || len(e.chain) == 0 {
		return nil
	}
	return append([]*Entry(nil), e.chain...)
}

// Within reports whether the place a is inside the place b, or is b.
func (g *Gazetteer) Within(a, b string) bool {
	if a == b {
		return true
	}
	e := g.byID[a]
	if e == nil {
		return false
	}
	for _, c := range e.chain {
		if c.ID == b {
			return true
		}
	}
	return false
}

// within reports whether the place a is inside the place b, or is b, as
// Within does for their ids.
func within(a, b *Entry) bool {
	return a == b || slices.Contains(a.chain, b)
}

// Disjoint reports whether neither of the known places a and b contains
// the other: two different places that cannot both be right about one
// event's location. It is false when either id is unknown to the gazetteer
// (an "unknown:" id), since nothing is known about where that place lies;
// compare such ids directly.
func (g *Gazetteer) Disjoint(a, b string) bool {
	if g.byID[a] == nil || g.byID[b] == nil {
		return false
	}
	return !g.Within(a, b) && !g.Within(b, a)
}

// chainOf walks the containment of e breadth-first, nearest first.
func (g *Gazetteer) chainOf(e *Entry) []*Entry {
	var out []*Entry
	seen := map[string]bool{}
	queue := []*Entry{e}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, w := range cur.Within {
			if seen[w] {
				continue
			}
			seen[w] = true
			if c := g.byID[w]; c != nil {
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	return out
}

// Value returns the public value of an entry: its English name, id, kind
// and the English names and ids of the places that contain it. The value is
// built once; its slices must not be changed.
func (g *Gazetteer) Value(e *Entry) value.Entity {
	if e.owner == g {
		return e.value
	}
	return valueOf(e, g.byID[e.ID]) // an entry of another gazetteer
}

// valueOf builds the value of e with the containing places of in (e
// itself, or the entry with its id; nil for none).
func valueOf(e, in *Entry) value.Entity {
	v := value.Entity{Name: e.Name, ID: e.ID, Kind: string(e.Kind)}
	if in == nil {
		return v
	}
	for _, c := range in.chain {
		v.Within = append(v.Within, c.Name)
		v.WithinIDs = append(v.WithinIDs, c.ID)
	}
	// Full slices: a caller's append copies instead of writing into the
	// shared arrays.
	v.Within, v.WithinIDs = slices.Clip(v.Within), slices.Clip(v.WithinIDs)
	return v
}

// UnknownValue returns the value of a name the gazetteer does not know: the
// surface form as written, romanized when it is in Devanagari (Romanize), with
// the id "unknown:" + Key(name), so that "गोपालपुर" and "Gopalpur" are one
// place.
func UnknownValue(surface string) value.Entity {
	name := surface
	if strings.IndexFunc(surface, devanagariLetter) >= 0 {
		name = Romanize(surface)
	}
	return value.Entity{Name: name, ID: "unknown:" + Key(name), Unknown: true}
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer of the embedded data, built on first use.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := New()
		if err != nil {
			panic("gazetteer: embedded data: " + err.Error())
		}
		defaultG = g
	})
	return defaultG
}

// embeddedFiles returns the embedded data files in name order.
func embeddedFiles() ([]lexicon.File, error) {
	names, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	files := make([]lexicon.File, 0, len(names))
	for _, n := range names {
		b, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		files = append(files, lexicon.File{Name: "gazetteer/" + n, Data: b})
	}
	return files, nil
}

// New builds a gazetteer from the embedded data and then the user files, in
// order. A user entry with an existing id extends it (its names are added,
// its non-empty fields replace the old ones) or, with "replace: true",
// replaces it. Bad entries are reported as *lexicon.Error with file and line.
func New(user ...lexicon.File) (*Gazetteer, error) {
	files, err := embeddedFiles()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: reading embedded data: %w", err)
	}
	files = append(files, user...)
	return build(files)
}

// sections and the kind their entries have by default.
var sections = []struct {
	key    string
	prefix string
	kind   Kind
}{
	{"places", "place:", ""},
	{"people", "person:", Person},
	{"organizations", "org:", Organization},
}

func build(files []lexicon.File) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]*Entry{}, keys: map[string]keyRef{}, alts: [][]int32{nil}}
	type pos struct {
		file string
		line int
	}
	where := map[string]pos{} // id → the item that last defined or extended it
	for _, sec := range sections {
		items, err := lexicon.Section[yamlEntry](filesWith(files, sec.key), sec.key)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			y := it.Value
			if err := y.check(sec.key, sec.prefix, sec.kind); err != nil {
				return nil, lexicon.Errorf(it.File, it.Line, "%v", err)
			}
			if old := g.byID[y.ID]; old != nil && !y.Replace {
				y.extend(old)
				where[y.ID] = pos{it.File, it.Line}
				continue
			}
			e := y.entry(sec.kind)
			if old := g.byID[y.ID]; old != nil {
				e.idx = old.idx
				g.entries[e.idx] = e
				where[e.ID] = pos{it.File, it.Line}
			} else {
				e.idx = int32(len(g.entries))
				g.entries = append(g.entries, e)
				where[e.ID] = pos{it.File, it.Line}
			}
			g.byID[e.ID] = e
		}
	}
	// Containment must point at known places and must not loop.
	for _, e := range g.entries {
		for _, w := range e.Within {
			c := g.byID[w]
			if c == nil {
				p := where[e.ID]
				return nil, lexicon.Errorf(p.file, p.line, "%s is within %q, which no entry defines (add the place or fix the id)", e.ID, w)
			}
			if !c.Kind.IsPlace() || !e.Kind.IsPlace() {
				p := where[e.ID]
				return nil, lexicon.Errorf(p.file, p.line, "%s is within %s, but only places contain places", e.ID, w)
			}
		}
		if e.Country != "" && g.byID[e.Country] == nil {
			p := where[e.ID]
			return nil, lexicon.Errorf(p.file, p.line, "%s has country %q, which no entry defines (add the country or fix the id)", e.ID, e.Country)
		}
	}
	for _, e := range g.entries {
		e.chain = g.chainOf(e)
		for _, c := range e.chain {
			if c == e {
				p := where[e.ID]
				return nil, lexicon.Errorf(p.file, p.line, "%s contains itself through its \"within\" places (remove one link of the loop)", e.ID)
			}
		}
		e.value, e.owner = valueOf(e, e), g
	}
	designators, err := lexicon.Section[yamlDesignator](filesWith(files, "designators"), "designators")
	if err != nil {
		return nil, err
	}
	g.index(designators)
	if g.alpha.size > maxAlphabet {
		return nil, fmt.Errorf("gazetteer: the names use %d distinct letters, more than the %d the matcher can tell apart (split the data into several lexicons)", g.alpha.size-1, maxAlphabet-1)
	}
	links, err := lexicon.Section[string](filesWith(files, "place_links"), "place_links")
	if err != nil {
		return nil, err
	}
	g.links = map[string]bool{}
	for _, l := range links {
		g.links[strings.TrimSpace(l.Value)] = true
	}
	return g, nil
}

// filesWith returns the files that may have a top-level section key, so
// that each file is parsed only for the sections it has.
func filesWith(files []lexicon.File, key string) []lexicon.File {
	var out []lexicon.File
	for _, f := range files {
		if bytes.HasPrefix(f.Data, []byte(key+":")) || bytes.Contains(f.Data, []byte("\n"+key+":")) {
			out = append(out, f)
		}
	}
	return out
}

// index builds the key table and the matching tries.
func (g *Gazetteer) index(designators []lexicon.Entry[yamlDesignator]) {
	var tb, db trieBuilder
	// A spelling takes at most a node per letter and variant, and most
	// letters take three bytes: half its bytes is a fair first guess.
	size := 0
	for _, e := range g.entries {
		size += len(e.Name)
		for _, l := range [][]string{e.Hindi, e.Aliases, e.Guarded, e.Demonyms, e.Weak} {
			for _, s := range l {
				size += len(s)
			}
		}
	}
	tb.nodes = make([]bnode, 1, size/2+1)
	add := func(e *Entry, s string, prio uint8, guarded bool) {
		k := Key(s)
		if k == "" {
			return
		}
		ref := keyRef{entry: e.idx, prio: prio, guarded: guarded}
		if old, ok := g.keys[k]; ok {
			switch {
			case old.entry == e.idx:
				// The same entry again: an unguarded or stronger claim wins.
				if prio > old.prio || (prio == old.prio && old.guarded && !guarded) {
					g.keys[k] = ref
				}
			case old.prio > prio:
				if prio == prioWeak {
					g.addAlt(k, e.idx)
				}
			case old.prio == prio:
				if prio == prioWeak {
					g.addAlt(k, old.entry)
				} else {
					g.conflicts = append(g.conflicts, fmt.Sprintf("%q: %s and %s", s, g.entries[old.entry].ID, e.ID))
				}
				g.keys[k] = ref
			default:
				if old.prio == prioWeak {
					g.addAlt(k, old.entry)
				}
				g.keys[k] = ref
			}
		} else {
			g.keys[k] = ref
		}
		tb.insert(s, ref)
		if v := candraVariant(s); v != "" {
			tb.insertAs(v, k, ref)
		}
	}
	for _, e := range g.entries {
		if !slices.ContainsFunc(e.Guarded, func(s string) bool { return Key(s) == Key(e.Name) }) {
			add(e, e.Name, prioName, false)
		}
		for _, s := range e.Hindi {
			add(e, s, prioName, false)
		}
		for _, s := range e.Aliases {
			add(e, s, prioName, false)
		}
		for _, s := range e.Guarded {
			add(e, s, prioName, true)
		}
		for _, s := range e.Demonyms {
			add(e, s, prioDemonym, false)
		}
		for _, s := range e.Weak {
			add(e, s, prioWeak, false)
		}
	}
	for _, d := range designators {
		mask := uint8(0)
		for _, k := range d.Value.Kinds {
			mask |= kindBit(k)
		}
		for _, w := range d.Value.Words {
			db.insert(w, keyRef{entry: int32(mask)})
		}
	}
	g.alpha = *newAlphabet(&tb, &db)
	// The trie may hold a spelling whose key a higher-priority entry took
	// later; resolve every terminal through the key table.
	g.trie = tb.freeze(&g.alpha, func(k string, ref keyRef) keyRef {
		best, ok := g.keys[k]
		if !ok {
			best = ref
		}
		if alts := g.altOf[k]; len(alts) > 0 {
			best.alt = int32(len(g.alts))
			g.alts = append(g.alts, slices.DeleteFunc(slices.Clone(alts), func(a int32) bool { return a == best.entry }))
		}
		return best
	})
	g.altOf = nil
	for b := byte('a'); b <= 'z'; b++ {
		n := g.trie.child(0, g.alpha.ascii[b].code)
		g.lowerStarts[b-'a'] = n >= 0 && g.trie.nodes[n].flags&nodeAnyCase != 0
	}
	g.conflicts = append(g.conflicts, tb.clashes...)
	g.desig = db.freeze(&g.alpha, func(k string, ref keyRef) keyRef {
		return ref
	})
}

// candraVariant returns s with the candra o of English loans written as ā
// (मॉस्को → मास्को, वॉशिंगटन → वाशिंगटन), as Hindi writers often do, or "" if s
// has no candra o. The key folds ॉ with ो (कॉस्मोड्रोम ~ कोस्मोड्रोम), so the
// ā spelling is indexed as a variant of its own.
func candraVariant(s string) string {
	if !strings.ContainsAny(s, "ॉऑ") {
		return ""
	}
	return candraAA.Replace(s)
}

// candraAA writes the candra o as ā.
var candraAA = strings.NewReplacer("ॉ", "ा", "ऑ", "आ")

// addAlt records entry a as another reading of key k.
func (g *Gazetteer) addAlt(k string, a int32) {
	if g.altOf == nil {
		g.altOf = map[string][]int32{}
	}
	if !slices.Contains(g.altOf[k], a) {
		g.altOf[k] = append(g.altOf[k], a)
	}
}

// kindBit returns the designator bit of a kind.
func kindBit(k Kind) uint8 {
	switch k {
	case Country:
		return 1
	case Region:
		return 2
	case City:
		return 4
	case District:
		return 8
	case Site:
		return 16
	}
	return 32
}

// Conflicts lists the keys that two entries claim with the same priority
// (the later entry keeps the key). The embedded data has none; a user file
// may cause some.
func (g *Gazetteer) Conflicts() []string { return g.conflicts }
