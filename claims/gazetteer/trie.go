package gazetteer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// trie is a frozen token trie over folded letters and word breaks, labelled
// with alphabet codes. Node 0 is the root. Nodes are numbered breadth-first,
// so the children of a node are consecutive nodes sorted by label, and
// scanning their labels brings the one taken next into the cache; nodes with
// many children (the root among them) index them by code in a table.
type trie struct {
	nodes []tnode
	// dense holds the child tables of the nodes with many children: size
	// entries per table, indexed by code, -1 for no child. Every code is
	// below size.
	dense []int32
	// terms holds, by node, what the spelling ending there names.
	terms []tterm
	size  int32 // the alphabet size, the length of a child table
}

// denseChildren is the number of children from which a node gets a child
// table; smaller nodes are scanned.
const denseChildren = 8

// tnode is one node of a trie, eight bytes.
type tnode struct {
	// first is the offset of the node's child table in trie.dense if it
	// has one, else the number of its first child: its children are
	// nodes[first : first+n].
	first int32
	label uint16 // the code of the edge into the node
	n     uint8
	flags uint8
}

// Node flags.
const (
	nodeTerm  = 1 << iota // a spelling ends here
	nodeDense             // the children are in a table
	// nodeAnyCase marks a node at or below which a spelling ends that
	// matches in any letter case: where a word starts with a lowercase
	// Latin letter, only those can match.
	nodeAnyCase
)

// tterm is a terminal node's spelling data.
type tterm struct {
	ref keyRef
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

// child returns the node reached from n over the letter code c, or -1.
func (t *trie) child(n int32, c code) int32 {
	nd := t.nodes[n]
	if nd.flags&nodeDense != 0 {
		return t.dense[nd.first+c]
	}
	return t.scanChildren(nd, c)
}

// scanChildren returns the child of nd over c, or -1, for a node without a
// child table.
func (t *trie) scanChildren(nd tnode, c code) int32 {
	for k, last := nd.first, nd.first+int32(nd.n); k < last; k++ {
		if l := code(t.nodes[k].label); l >= c {
			if l == c {
				return k
			}
			return -1
		}
	}
	return -1
}

// isTerm reports whether a spelling ends at node n.
func (t *trie) isTerm(n int32) bool {
	return t.nodes[n].flags&nodeTerm != 0
}

// terminal returns the spelling data of the node n, or nil if no spelling
// ends there.
func (t *trie) terminal(n int32) *tterm {
	if t.isTerm(n) {
		return &t.terms[n]
	}
	return nil
}

// trieBuilder collects spellings before freezing them into a trie.
type trieBuilder struct {
	nodes []bnode
	// clashes lists variants that ended where another key's spelling ends.
	clashes []string
}

// bnode is a node of a builder. Its children form a list: kid is the
// first (0: none, the root being no one's child), and each child's next is
// the one after it.
type bnode struct {
	r         rune // the letter of the edge into the node
	kid, next int32
	term      bool
	ref       keyRef
	key       string
	caps      caseRule
	hasCaps   bool
}

// maxBreaks bounds the word breaks of a spelling whose every joined/split
// variant is inserted.
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
	for k := b.nodes[n].kid; k != 0; k = b.nodes[k].next {
		if b.nodes[k].r == r {
			return k
		}
	}
	c := int32(len(b.nodes))
	b.nodes = append(b.nodes, bnode{r: r, next: b.nodes[n].kid})
	b.nodes[n].kid = c
	return c
}

// freeze turns the builder into a trie over the codes of a; resolve picks
// the final reference of each terminal from its key. Terminals are resolved
// in the order their nodes were created.
func (b *trieBuilder) freeze(a *alphabet, resolve func(key string, ref keyRef) keyRef) trie {
	if len(b.nodes) == 0 {
		b.nodes = append(b.nodes, bnode{})
	}
	refs := make([]keyRef, len(b.nodes))
	for i := range b.nodes {
		if bn := &b.nodes[i]; bn.term {
			refs[i] = resolve(bn.key, bn.ref)
		}
	}
	// Number the nodes breadth-first, children in code order.
	t := trie{nodes: make([]tnode, 1, len(b.nodes)), terms: make([]tterm, len(b.nodes)), size: a.size}
	order := make([]int32, 1, len(b.nodes))  // new number → builder node
	parent := make([]int32, 1, len(b.nodes)) // new number → its parent's
	type kid struct {
		c  code
		to int32
	}
	var kids []kid
	for next := 0; next < len(order); next++ {
		bn := &b.nodes[order[next]]
		kids = kids[:0]
		for k := bn.kid; k != 0; k = b.nodes[k].next {
			kids = append(kids, kid{a.code(b.nodes[k].r), k})
		}
		slices.SortFunc(kids, func(x, y kid) int { return cmp.Compare(x.c, y.c) })
		nd := &t.nodes[next]
		if len(kids) >= denseChildren || next == 0 {
			nd.first, nd.flags = int32(len(t.dense)), nodeDense
			for range a.size {
				t.dense = append(t.dense, -1)
			}
			for i, k := range kids {
				t.dense[nd.first+k.c] = int32(len(order) + i)
			}
		} else {
			nd.first, nd.n = int32(len(order)), uint8(len(kids))
		}
		if bn.term {
			nd.flags |= nodeTerm
			t.terms[next] = tterm{ref: refs[order[next]], caps: bn.caps}
		}
		for _, k := range kids {
			order = append(order, k.to)
			parent = append(parent, int32(next))
			t.nodes = append(t.nodes, tnode{label: uint16(k.c)})
		}
	}
	for i := len(t.nodes) - 1; i >= 0; i-- {
		nd := &t.nodes[i]
		if nd.flags&nodeTerm != 0 && t.terms[i].caps == anyCase {
			nd.flags |= nodeAnyCase
		}
		if nd.flags&nodeAnyCase != 0 && i > 0 {
			t.nodes[parent[i]].flags |= nodeAnyCase
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

// Find returns the mentions of known entries in text (normalized with
// normalize.String), sorted by position and not overlapping. At each word
// the longest name wins ("उत्तर कोरिया" before "कोरिया", "किम जोंग उन" before
// "किम"); names match whole words only; a designator of the entry's kind
// right after a place name is part of the mention ("अमूर क्षेत्र").
func (g *Gazetteer) Find(text string) []Match {
	// Collect in a pooled buffer and return an exact copy: one allocation
	// instead of one per doubling.
	bp := findPool.Get().(*[]Match)
	ms := g.AppendFind((*bp)[:0], text)
	var out []Match
	if len(ms) > 0 {
		out = slices.Clone(ms)
	}
	clear(ms) // the pool must not keep the text alive
	*bp = ms[:0]
	findPool.Put(bp)
	return out
}

// findPool holds Find's buffers.
var findPool = sync.Pool{New: func() any { return new([]Match) }}

// AppendFind appends the mentions in text to dst, as Find does, and
// returns the extended slice. It allocates nothing besides growing dst.
//
// The text is read word by word and folded only as far as the trie walk
// from the word's first letter goes; the rest of a word that starts no
// mention is skipped without folding.
func (g *Gazetteer) AppendFind(dst []Match, text string) []Match {
	first := len(dst)
	var prev *Match
	a := &g.alpha
	for i := 0; i < len(text); {
		// Skip to the first letter of a word: past separators and the
		// dropped signs a word may start with.
		if b := text[i]; b < utf8.RuneSelf {
			if a.ascii[b].kind != symLetter {
				i++
				continue
			}
		} else if d := devanagari(text, i); d >= 0 && a.dev[d].act != actAA {
			if act := a.dev[d].act; act == actSep || act == actDrop {
				i += 3
				continue
			}
		} else if _, kind, drop, end := a.runeAt(text, i); kind != symLetter || drop {
			i = end
			continue
		}
		if b := text[i]; 'a' <= b && b <= 'z' && !g.lowerStarts[b-'a'] {
			// Latin names match capitalized, save the few written in
			// lowercase, and none of those starts with this letter.
			i = a.wordEnd(text, i)
			continue
		}
		// Most words leave the trie after a few letters.
		j, n, ok := g.alpha.walk(&g.trie, text, i, 0)
		if ok && g.mayGoOn(text, j, n) {
			if m, last, ok := g.longest(text, i, j, n, prev, 0); ok {
				if m.alt > 0 {
					g.resolve(&m, dst[first:])
				}
				dst = append(dst, m)
				prev = &dst[len(dst)-1]
				i = last
				continue
			}
		}
		i = a.wordEnd(text, j)
	}
	return dst
}

// walk goes on in t from node n over the letters of the word at text[j:]
// as far as it can without look-ahead: it stops at the end of the word,
// before a letter that completes a spelling where the word may end, and
// before a rune outside the ASCII and Devanagari tables, and returns where
// it stopped (at) and the node reached. Spellings that end before that point
// are followed by more letters of the word, so none of them is a mention. If
// the trie has no edge for a letter, ok is false: no spelling goes on from n
// over the word, and at is that letter's position.
func (a *alphabet) walk(t *trie, text string, j int, n int32) (at int, reached int32, ok bool) {
	long := 0 // whether the word is long (see foldRune): 0 unknown, 1 no, 2 yes
	for j < len(text) {
		var c code
		end := j + 1
		if b := text[j]; b < utf8.RuneSelf {
			info := &a.ascii[b]
			if info.kind != symLetter {
				return j, n, true
			}
			c = info.code
		} else if d := devanagari(text, j); d >= 0 {
			info := &a.dev[d]
			end = j + 3
			c = info.code
			switch info.act {
			case actSep:
				return j, n, true
			case actDrop:
				j = end // nothing, or part of the letter before
				continue
			case actNasal:
				// न् + stop → ं (see foldRune)
				if devanagari(text, end) == devVirama-0x0900 {
					if st := devanagari(text, end+3); st >= 0 && a.dev[st].stop {
						c, end = a.anusvara, end+3
					}
				}
			case actAA:
				// ā inside a long word folds with the inherent a (see
				// foldRune).
				if next := devanagari(text, end); next >= 0 && a.dev[next].act != actSep {
					if long == 0 {
						long = 1
						if a.longWordAt(text, j) {
							long = 2
						}
					}
					if long == 2 {
						j = end // nothing, or part of the letter before
						continue
					}
				}
			}
		} else {
			return j, n, true
		}
		// t.child(n, c), inlined
		next := int32(-1)
		if nd := t.nodes[n]; nd.flags&nodeDense != 0 {
			next = t.dense[nd.first+c]
		} else {
			next = t.scanChildren(nd, c)
		}
		if next < 0 {
			return j, n, false
		}
		if t.isTerm(next) && !a.plainLetterAt(text, end) {
			return j, n, true // a spelling may end here: longest checks
		}
		n, j = next, end
	}
	return j, n, true
}

// mayGoOn reports whether a walk from a word's first letter that stopped at
// text[j] in node n, no spelling having ended, may still find a mention:
// false at the end of the text, at a hard separator, and at a word break
// that the trie does not continue over.
func (g *Gazetteer) mayGoOn(text string, j int, n int32) bool {
	if j >= len(text) {
		return false
	}
	switch _, kind, _, _ := g.alpha.runeAt(text, j); kind {
	case symSoft:
		return g.trie.child(n, g.alpha.boundary) >= 0
	case symHard:
		return false
	}
	return true
}

// longest finds the longest mention starting at the word whose first letter
// is at text[start], resuming the trie walk at text[j] in node n (start and
// the root to walk it all); last is where the mention's final symbol ends.
// prev is the mention found before it, if any; depth > 0 marks a look-ahead
// for a container.
func (g *Gazetteer) longest(text string, start, j int, n int32, prev *Match, depth int) (m Match, last int, ok bool) {
	t, a := &g.trie, &g.alpha
	for {
		var more bool
		if j, n, more = a.walk(t, text, j, n); !more {
			return m, last, ok
		}
		y, next := a.symAt(text, j)
		switch y.kind {
		case symLetter:
			if n = t.child(n, y.code); n < 0 {
				return m, last, ok
			}
			if !t.isTerm(n) || a.letterAt(text, next) {
				break
			}
			term := t.terminal(n)
			if !term.caps.caseOK(text[start:y.end]) {
				break
			}
			ref := term.ref
			e := g.entries[ref.entry]
			end := next
			if ref.prio != prioDemonym {
				if d := g.designator(text, next, e.Kind); d > 0 {
					end = d
				} else if ref.guarded && (depth > 0 || !g.besideContainer(text, next, start, e, prev)) {
					break
				}
			}
			m = Match{Start: start, End: end, Entry: e, Text: text[start:end],
				Demonym: ref.prio == prioDemonym, Weak: ref.prio == prioWeak, alt: ref.alt}
			last, ok = end, true
		case symSoft:
			if !a.letterAt(text, next) {
				return m, last, ok
			}
			if n = t.child(n, a.boundary); n < 0 {
				return m, last, ok
			}
		case symSkip:
			// Names ignore it ("U.S."); a word never starts with it.
		default:
			return m, last, ok
		}
		j = next
	}
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
		for k := -1; k < len(alts); k++ {
			c := m.Entry
			if k >= 0 {
				c = g.entries[alts[k]]
			}
			if c != p && (within(c, p) || within(p, c)) {
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

// besideContainer reports whether the place e, found at text[start:j],
// stands next to a place that contains it: after a containing region,
// district or city and a link word ("बिहार के गया", "Bihar's Gaya"), or
// right before any container ("गया, बिहार", "सागर (मध्य प्रदेश)"). Guarded
// names need this or a designator.
func (g *Gazetteer) besideContainer(text string, j, start int, e *Entry, prev *Match) bool {
	if !e.Kind.IsPlace() {
		return false
	}
	if prev != nil && prev.Entry != e && prev.Entry.Kind.IsPlace() && prev.Entry.Kind != Country && within(e, prev.Entry) {
		if gap := strings.TrimSpace(text[prev.End:start]); gap == "" || g.links[gap] {
			return true
		}
	}
	// Skip spaces and one comma or opening parenthesis.
	for {
		y, next := g.alpha.symAt(text, j)
		switch y.kind {
		case symLetter:
			c, _, ok := g.longest(text, int(y.start), int(y.start), 0, nil, 1)
			return ok && c.Entry != e && !c.Demonym && within(e, c.Entry)
		case symEnd:
			return false
		case symHard:
			if p := strings.TrimSpace(text[y.start:y.end]); p != "," && p != "(" {
				return false
			}
		}
		j = next
	}
}

// designator returns where a designator word for kind k ends that starts
// after the separator at text[j:], or 0 if there is none.
func (g *Gazetteer) designator(text string, j int, k Kind) int {
	a := &g.alpha
	y, next := a.symAt(text, j)
	if y.kind != symSoft {
		return 0
	}
	bit := kindBit(k)
	t := &g.desig
	n := int32(0)
	best := 0
	for {
		var more bool
		if next, n, more = a.walk(t, text, next, n); !more {
			return best
		}
		y, next = a.symAt(text, next)
		switch y.kind {
		case symLetter:
			if n = t.child(n, y.code); n < 0 {
				return best
			}
			if term := t.terminal(n); term != nil && uint8(term.ref.entry)&bit != 0 && !a.letterAt(text, next) {
				best = next
			}
		case symSoft:
			if !a.letterAt(text, next) {
				return best
			}
			if n = t.child(n, a.boundary); n < 0 {
				return best
			}
		default:
			return best
		}
	}
}
