package gazetteer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// trie is a frozen token trie over folded letters and word breaks. Node 0 is
// the root; each node's children are a sorted run of edges.
type trie struct {
	nodes []tnode
	edges []tedge
	// root maps the first rune of a key, for ASCII and Devanagari, straight
	// to its node (0: none), sparing the binary search where most lookups
	// start and end.
	root []int32
}

// rootRunes is the size of the root table: ASCII through Devanagari.
const rootRunes = 0x980

type tnode struct {
	first, n int32
	ref      keyRef
	term     bool
	// caps is the letter case the text must show: a Latin name matches only
	// capitalized ("Erode", not "erode"), a short Latin acronym only in
	// capitals ("US", not "us"). The weakest rule of the spellings ending
	// here applies.
	caps caseRule
}

// caseRule is what letter case a Latin spelling requires of the text.
type caseRule uint8

const (
	anyCase  caseRule = iota // Devanagari, or a Latin spelling written lowercase
	capFirst                 // the first letter must be a capital
	capOnly                  // a capital, then lowercase only ("Xi", not "XI")
	allCaps                  // no lowercase letter at all
)

// caseOf returns the rule that a spelling sets.
func caseOf(s string) caseRule {
	if isShortCaps(s) {
		return allCaps
	}
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		if len(s) <= 3 && !hasUpper(s[1:]) {
			// A short capitalized word: "XI" is a numeral, "MAU" an
			// acronym, not Xi or Mau.
			return capOnly
		}
		return capFirst
	}
	return anyCase
}

// hasUpper reports whether s contains an uppercase ASCII letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// caseOK reports whether the matched text obeys the rule.
func (c caseRule) caseOK(m string) bool {
	switch c {
	case allCaps:
		return !hasLower(m)
	case capFirst:
		return m != "" && !(m[0] >= 'a' && m[0] <= 'z')
	case capOnly:
		return m != "" && m[0] >= 'A' && m[0] <= 'Z' && !hasUpper(m[1:])
	}
	return true
}

type tedge struct {
	r  rune
	to int32
}

// child returns the node reached from n over r, or -1.
func (t *trie) child(n int32, r rune) int32 {
	if n == 0 && r >= 0 && int(r) < len(t.root) {
		if to := t.root[r]; to != 0 {
			return to
		}
		return -1
	}
	nd := &t.nodes[n]
	lo, hi := nd.first, nd.first+nd.n
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch e := t.edges[m]; {
		case e.r == r:
			return e.to
		case e.r < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

// trieBuilder collects spellings before freezing them into a trie.
type trieBuilder struct {
	nodes []bnode
	// clashes lists variants that ended where another key's spelling ends.
	clashes []string
}

type bnode struct {
	kids    map[rune]int32
	term    bool
	ref     keyRef
	key     string
	caps    caseRule
	hasCaps bool
}

// maxVariants bounds the joined/split variants inserted per spelling.
const maxBreaks = 4

// insert adds a spelling. Every word break of the spelling may be missing in
// the text ("किमजोंग उन" for "किम जोंग उन"), so each combination of kept and
// dropped breaks is inserted (all of them up to maxBreaks breaks, else only
// all-kept and all-dropped). Each variant is folded as written, since the
// folding of a word depends on its length.
func (b *trieBuilder) insert(s string, ref keyRef) {
	b.insertAs(s, Key(s), ref)
}

// insertAs adds the spelling s as a variant of the spelling whose key is key.
func (b *trieBuilder) insertAs(s, key string, ref keyRef) {
	if len(b.nodes) == 0 {
		b.nodes = append(b.nodes, bnode{})
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !isWordRune(r) && classify(r) != symSkip
	})
	if len(words) == 0 {
		return
	}
	breaks := len(words) - 1
	var masks []uint32
	if breaks <= maxBreaks {
		for m := uint32(0); m < 1<<breaks; m++ {
			masks = append(masks, m)
		}
	} else {
		masks = []uint32{0, 1<<breaks - 1}
	}
	caps := caseOf(s)
	var buf [64]sym
	var variant strings.Builder
	for _, m := range masks {
		variant.Reset()
		for i, w := range words {
			if i > 0 && m&(1<<(i-1)) == 0 {
				variant.WriteByte(' ')
			}
			variant.WriteString(w)
		}
		n := int32(0)
		for _, y := range symbolize(buf[:0], variant.String()) {
			switch y.kind {
			case symLetter:
				n = b.step(n, y.r)
			case symSoft:
				n = b.step(n, boundary)
			}
		}
		if n == 0 {
			continue
		}
		nd := &b.nodes[n]
		if nd.term && nd.key != key && nd.ref.entry != ref.entry {
			b.clashes = append(b.clashes, fmt.Sprintf("%q folds like a spelling with the key %q", variant.String(), nd.key))
		}
		nd.term = true
		nd.ref = ref
		nd.key = key
		if !nd.hasCaps {
			nd.caps, nd.hasCaps = caps, true
		} else {
			nd.caps = min(nd.caps, caps)
		}
	}
}

// step returns the child of n over r, creating it.
func (b *trieBuilder) step(n int32, r rune) int32 {
	if c, ok := b.nodes[n].kids[r]; ok {
		return c
	}
	c := int32(len(b.nodes))
	b.nodes = append(b.nodes, bnode{})
	if b.nodes[n].kids == nil {
		b.nodes[n].kids = map[rune]int32{}
	}
	b.nodes[n].kids[r] = c
	return c
}

// freeze turns the builder into a trie; resolve picks the final reference
// of each terminal from its key.
func (b *trieBuilder) freeze(resolve func(key string, ref keyRef) keyRef) trie {
	if len(b.nodes) == 0 {
		b.nodes = append(b.nodes, bnode{})
	}
	t := trie{nodes: make([]tnode, len(b.nodes))}
	for i := range b.nodes {
		bn := &b.nodes[i]
		tn := &t.nodes[i]
		tn.first = int32(len(t.edges))
		tn.n = int32(len(bn.kids))
		for r, to := range bn.kids {
			t.edges = append(t.edges, tedge{r: r, to: to})
		}
		es := t.edges[tn.first:]
		sort.Slice(es, func(a, c int) bool { return es[a].r < es[c].r })
		if bn.term {
			tn.term = true
			tn.ref = resolve(bn.key, bn.ref)
			tn.caps = bn.caps
		}
	}
	t.root = make([]int32, rootRunes)
	for r, to := range b.nodes[0].kids {
		if r >= 0 && r < rootRunes {
			t.root[r] = to // the root is node 0, never a child, so 0 means none
		}
	}
	return t
}

// isShortCaps reports whether s is a Latin acronym of at most three letters
// written in capitals ("US", "U.S.", "AP", "PTI").
func isShortCaps(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 3
}

// hasLower reports whether s contains a lowercase ASCII letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

var symPool = sync.Pool{New: func() any { s := make([]sym, 0, 4096); return &s }}

// Find returns the mentions of known entries in text (normalized with
// normalize.String), sorted by position and not overlapping. At each word
// the longest name wins ("उत्तर कोरिया" before "कोरिया", "किम जोंग उन" before
// "किम"); names match whole words only; a designator of the entry's kind
// right after a place name is part of the mention ("अमूर क्षेत्र").
func (g *Gazetteer) Find(text string) []Match {
	return g.AppendFind(nil, text)
}

// AppendFind appends the mentions in text to dst, as Find does, and
// returns the extended slice. It allocates nothing besides growing dst.
func (g *Gazetteer) AppendFind(dst []Match, text string) []Match {
	bp := symPool.Get().(*[]sym)
	syms := symbolize((*bp)[:0], text)
	first := len(dst)
	var prev *Match
	for i := 0; i < len(syms); i++ {
		if syms[i].kind != symLetter || (i > 0 && syms[i-1].kind == symLetter) {
			continue
		}
		if m, last, ok := g.longest(syms, i, text, prev, 0); ok {
			if m.Entry != nil && m.alt > 0 {
				g.resolve(&m, dst[first:])
			}
			dst = append(dst, m)
			prev = &dst[len(dst)-1]
			i = last
		}
	}
	*bp = syms[:0]
	symPool.Put(bp)
	return dst
}

// longest finds the longest mention starting at the word that begins with
// syms[i]; last is the index of its final symbol. prev is the mention found
// before it, if any; depth > 0 marks a look-ahead for a container.
func (g *Gazetteer) longest(syms []sym, i int, text string, prev *Match, depth int) (m Match, last int, ok bool) {
	t := &g.trie
	n := int32(0)
	for j := i; j < len(syms); j++ {
		switch syms[j].kind {
		case symLetter:
			if n = t.child(n, syms[j].r); n < 0 {
				return m, last, ok
			}
			nd := &t.nodes[n]
			if !nd.term || (j+1 < len(syms) && syms[j+1].kind == symLetter) {
				continue
			}
			start, end := int(syms[i].start), int(syms[j].end)
			if !nd.caps.caseOK(text[start:end]) {
				continue
			}
			e := g.entries[nd.ref.entry]
			endSym := j
			if nd.ref.prio != prioDemonym {
				if d := g.designator(syms, j+1, e.Kind); d > 0 {
					endSym = d
				} else if nd.ref.guarded && (depth > 0 || !g.besideContainer(syms, j+1, text, start, e, prev)) {
					continue
				}
			}
			end = int(syms[endSym].end)
			m = Match{Start: start, End: end, Entry: e, Text: text[start:end],
				Demonym: nd.ref.prio == prioDemonym, Weak: nd.ref.prio == prioWeak, alt: nd.ref.alt}
			last, ok = endSym, true
		case symSoft:
			if j+1 >= len(syms) || syms[j+1].kind != symLetter {
				return m, last, ok
			}
			if n = t.child(n, boundary); n < 0 {
				return m, last, ok
			}
		case symSkip:
			if j == i {
				return m, last, ok
			}
		default:
			return m, last, ok
		}
	}
	return m, last, ok
}

// contextWindow is how many earlier mentions resolve an ambiguous name.
const contextWindow = 40

// resolve picks the reading of an ambiguous name (one that other entries
// list as a weak spelling: "रायगढ़" is Raigarh, Chhattisgarh, and Raigad,
// Maharashtra) from the places mentioned before it: the nearest earlier place
// that contains or lies in exactly one reading decides. Without such a
// place the main reading stays.
func (g *Gazetteer) resolve(m *Match, before []Match) {
	alts := g.alts[m.alt]
	m.alt = 0
	for i, n := len(before)-1, 0; i >= 0 && n < contextWindow; i, n = i-1, n+1 {
		p := before[i].Entry
		if p == nil || !p.Kind.IsPlace() || before[i].Demonym {
			continue
		}
		var pick *Entry
		count := 0
		for _, c := range append([]*Entry{m.Entry}, g.entriesOf(alts)...) {
			if c != p && (g.Within(c.ID, p.ID) || g.Within(p.ID, c.ID)) {
				pick = c
				count++
			}
		}
		if count == 1 {
			if pick != m.Entry {
				m.Entry, m.Weak = pick, false
			}
			return
		}
	}
}

// entriesOf returns the entries at the indexes.
func (g *Gazetteer) entriesOf(idx []int32) []*Entry {
	out := make([]*Entry, len(idx))
	for i, x := range idx {
		out[i] = g.entries[x]
	}
	return out
}

// besideContainer reports whether the place e, found at text[start:] and
// ending before syms[j], stands next to a place that contains it: after a
// containing region, district or city and a link word ("बिहार के गया",
// "Bihar's Gaya"), or right before any container ("गया, बिहार", "सागर (मध्य
// प्रदेश)"). Guarded names need this or a designator.
func (g *Gazetteer) besideContainer(syms []sym, j int, text string, start int, e *Entry, prev *Match) bool {
	if !e.Kind.IsPlace() {
		return false
	}
	if prev != nil && prev.Entry != e && prev.Entry.Kind.IsPlace() && prev.Entry.Kind != Country && g.Within(e.ID, prev.Entry.ID) {
		if gap := strings.TrimSpace(text[prev.End:start]); gap == "" || g.links[gap] {
			return true
		}
	}
	// Skip spaces and one comma or opening parenthesis.
	k := j
	for ; k < len(syms) && syms[k].kind != symLetter; k++ {
		if syms[k].kind == symHard {
			if p := strings.TrimSpace(text[syms[k].start:syms[k].end]); p != "," && p != "(" {
				return false
			}
		}
	}
	if k >= len(syms) {
		return false
	}
	c, _, ok := g.longest(syms, k, text, nil, 1)
	return ok && c.Entry != e && !c.Demonym && g.Within(e.ID, c.Entry.ID)
}

// designator returns the index of the last symbol of a designator word for
// kind k that starts after the separator at syms[j], or 0 if there is none.
func (g *Gazetteer) designator(syms []sym, j int, k Kind) int {
	if j >= len(syms) || syms[j].kind != symSoft {
		return 0
	}
	bit := kindBit(k)
	t := &g.desig
	n := int32(0)
	best := 0
	for j++; j < len(syms); j++ {
		switch syms[j].kind {
		case symLetter:
			if n = t.child(n, syms[j].r); n < 0 {
				return best
			}
			nd := &t.nodes[n]
			if nd.term && uint8(nd.ref.entry)&bit != 0 && (j+1 >= len(syms) || syms[j+1].kind != symLetter) {
				best = j
			}
		case symSoft:
			if j+1 >= len(syms) || syms[j+1].kind != symLetter {
				return best
			}
			if n = t.child(n, boundary); n < 0 {
				return best
			}
		default:
			return best
		}
	}
	return best
}
