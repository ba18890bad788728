package gazetteer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/value"
)

// The matcher reads the text lazily (symAt, walk) and skips most of each
// word. The reference below reads it the simple way: symbolize the whole
// text with the general folding of Key, then try every word start in turn
// over the symbol list, looking names up letter by letter. Both must find
// exactly the same mentions.

// refSymbols symbolizes text with the general folding and gives each
// letter its alphabet code.
func refSymbols(g *Gazetteer, text string) []csym {
	var out []csym
	for _, y := range symbolize(nil, text) {
		c := csym{start: y.start, end: y.end, kind: y.kind}
		if y.kind == symLetter {
			c.code = g.alpha.code(y.r)
		}
		out = append(out, c)
	}
	return out
}

// refFind is the reference matcher.
func refFind(g *Gazetteer, text string) []Match {
	syms := refSymbols(g, text)
	var out []Match
	var prev *Match
	for i := 0; i < len(syms); i++ {
		if syms[i].kind != symLetter || (i > 0 && syms[i-1].kind == symLetter) {
			continue
		}
		if m, last, ok := refLongest(g, syms, i, text, prev, 0); ok {
			if m.alt > 0 {
				refResolve(g, &m, out)
			}
			out = append(out, m)
			prev = &out[len(out)-1]
			i = last
		}
	}
	return out
}

// refChild looks a child up by scanning the children of n, found from the
// breadth-first numbering alone: the children of the nodes before n come
// first, in node order.
func refChild(t *trie, n int32, c code) int32 {
	first := refFirst(t)
	for k := first[n]; k < first[n+1]; k++ {
		if code(t.nodes[k].label) == c {
			return k
		}
	}
	return -1
}

var refFirsts = map[*trie][]int32{}

// refFirst returns, for each node and one past the last, the number of its
// first child.
func refFirst(t *trie) []int32 {
	if f, ok := refFirsts[t]; ok {
		return f
	}
	f := make([]int32, len(t.nodes)+1)
	f[0] = 1
	for p := range t.nodes {
		nd := t.nodes[p]
		kids := int32(nd.n)
		if nd.flags&nodeDense != 0 {
			kids = 0
			for _, to := range t.dense[nd.first : nd.first+t.size] {
				if to >= 0 {
					kids++
				}
			}
		}
		f[p+1] = f[p] + kids
	}
	refFirsts[t] = f
	return f
}

func refLongest(g *Gazetteer, syms []csym, i int, text string, prev *Match, depth int) (m Match, last int, ok bool) {
	t := &g.trie
	n := int32(0)
	for j := i; j < len(syms); j++ {
		switch syms[j].kind {
		case symLetter:
			if n = refChild(t, n, syms[j].code); n < 0 {
				return m, last, ok
			}
			if !t.isTerm(n) || (j+1 < len(syms) && syms[j+1].kind == symLetter) {
				continue
			}
			term := t.terminal(n)
			start, end := int(syms[i].start), int(syms[j].end)
			if !term.caps.caseOK(text[start:end]) {
				continue
			}
			e := g.entries[term.ref.entry]
			endSym := j
			if term.ref.prio != prioDemonym {
				if d := refDesignator(g, syms, j+1, e.Kind); d > 0 {
					endSym = d
				} else if term.ref.guarded && (depth > 0 || !refBesideContainer(g, syms, j+1, text, start, e, prev)) {
					continue
				}
			}
			end = int(syms[endSym].end)
			m = Match{Start: start, End: end, Entry: e, Text: text[start:end],
				Demonym: term.ref.prio == prioDemonym, Weak: term.ref.prio == prioWeak, alt: term.ref.alt}
			last, ok = endSym, true
		case symSoft:
			if j+1 >= len(syms) || syms[j+1].kind != symLetter {
				return m, last, ok
			}
			if n = refChild(t, n, g.alpha.boundary); n < 0 {
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

func refResolve(g *Gazetteer, m *Match, before []Match) {
	alts := g.alts[m.alt]
	m.alt = 0
	for i, n := len(before)-1, 0; i >= 0 && n < contextWindow; i, n = i-1, n+1 {
		p := before[i].Entry
		if p == nil || !p.Kind.IsPlace() || before[i].Demonym {
			continue
		}
		cands := []*Entry{m.Entry}
		for _, a := range alts {
			cands = append(cands, g.entries[a])
		}
		var pick *Entry
		count := 0
		for _, c := range cands {
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

func refBesideContainer(g *Gazetteer, syms []csym, j int, text string, start int, e *Entry, prev *Match) bool {
	if !e.Kind.IsPlace() {
		return false
	}
	if prev != nil && prev.Entry != e && prev.Entry.Kind.IsPlace() && prev.Entry.Kind != Country && g.Within(e.ID, prev.Entry.ID) {
		if gap := strings.TrimSpace(text[prev.End:start]); gap == "" || g.links[gap] {
			return true
		}
	}
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
	c, _, ok := refLongest(g, syms, k, text, nil, 1)
	return ok && c.Entry != e && !c.Demonym && g.Within(e.ID, c.Entry.ID)
}

func refDesignator(g *Gazetteer, syms []csym, j int, k Kind) int {
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
			if n = refChild(t, n, syms[j].code); n < 0 {
				return best
			}
			if term := t.terminal(n); term != nil && uint8(term.ref.entry)&bit != 0 && (j+1 >= len(syms) || syms[j+1].kind != symLetter) {
				best = j
			}
		case symSoft:
			if j+1 >= len(syms) || syms[j+1].kind != symLetter {
				return best
			}
			if n = refChild(t, n, g.alpha.boundary); n < 0 {
				return best
			}
		default:
			return best
		}
	}
	return best
}

// checkReference fails the test if Find and the reference disagree on
// text, or if reading the text symbol by symbol with symAt differs from
// symbolizing it.
func checkReference(t *testing.T, g *Gazetteer, text string) {
	t.Helper()
	var read []csym
	for i := 0; ; {
		y, next := g.alpha.symAt(text, i)
		if y.kind == symEnd {
			break
		}
		if next <= i {
			t.Fatalf("symAt(%q, %d) does not advance", text, i)
		}
		read = append(read, y)
		i = next
	}
	for i, r := range text {
		if isWordRune(r) && g.alpha.longWordAt(text, i) != (wordLen(text, i) >= longWord) {
			t.Fatalf("longWordAt(%q, %d) = %v, wordLen = %d", text, i, !(wordLen(text, i) >= longWord), wordLen(text, i))
		}
	}
	if want := refSymbols(g, text); fmt.Sprint(read) != fmt.Sprint(want) {
		t.Fatalf("symAt reads %q as\n%v\nsymbolize gives\n%v", text, read, want)
	}
	if got, want := describeAll(g.Find(text)), describeAll(refFind(g, text)); got != want {
		t.Fatalf("Find(%q):\n%s\nreference:\n%s", text, got, want)
	}
}

// describeAll lists matches with everything that callers see.
func describeAll(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "[%d,%d) %s %q demonym=%v weak=%v\n", m.Start, m.End, m.Entry.ID, m.Text, m.Demonym, m.Weak)
	}
	return b.String()
}

// referenceTexts are phrases that exercise the odd corners of folding and
// matching, on top of the find corpus.
var referenceTexts = []string{
	"",
	"U.S. d'Ivoire यू॰एस॰ - -- किम-जोंग- उन",
	"किम ् जोंग उन", "किम ़ जोंग", "़किम जोंग उन", "्रूस", "रूस्", "रूस़ी",
	"व्लादिवोस्तोक व्लदिवोस्तोक वाला वालावालावाला आआआआआआआ",
	"पञ्जाब पंजाब हम्बनटोटा फ्रान्स न्", "न्क", "म्",
	"गया जिले में, गया, बिहार के गया (बिहार)", "सागर शहर सागर", "बिहार के गया",
	"US us Us U.S. u.s. NATO Nato nato Xi XI xi",
	"Russia's Russia’s Côte d’Ivoire CÔTE côte Ångström Łódź",
	"North  Korea North-Korea North\tKorea North\nKorea",
	"रायगढ़ महाराष्ट्र के रायगढ़ छत्तीसगढ़ के रायगढ़",
	"\xff\xfeरूस\xe0\xa4 रूस\xe0 मॉस्को\xe0\xa4\x95",
	"अमूर क्षेत्र, अमूर   क्षेत्र अमूर-क्षेत्र", "el-Sisi al-Sisi von der Leyen dpa DPA",
	"रूस।रूस॥रूस॰रूस", "a\u0301b Se\u0301oul", "x.Delhi.y Delhi.",
}

func TestFindMatchesReference(t *testing.T) {
	g := Default()
	texts := append([]string{benchText}, referenceTexts...)
	for _, c := range findCorpus {
		texts = append(texts, c.text)
	}
	for _, s := range texts {
		checkReference(t, g, s)
	}
	// Random cuts, splices and edits of the same texts.
	rng := rand.New(rand.NewSource(8))
	edits := []string{"\u093e", "\u094d", "\u093c", "\u0901", "\u0902", "\u0964", "\u0970", "é", "Ł", "\u0301",
		"न्", "म्ब", " जिले", " क्षेत्र", ", बिहार", " के ", " ", "-", ".", "'", "(", ",", "\xe0", "\xa4", "A", "a"}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for k := 0; k < n; k++ {
		s := texts[rng.Intn(len(texts))]
		i := rng.Intn(len(s) + 1)
		j := min(len(s), i+rng.Intn(120))
		b := []byte(s[i:j])
		for e := rng.Intn(4); e > 0; e-- {
			p := rng.Intn(len(b) + 1)
			switch rng.Intn(3) {
			case 0:
				b = append(b[:p], append([]byte(edits[rng.Intn(len(edits))]), b[p:]...)...)
			case 1:
				if p < len(b) {
					b = append(b[:p], b[p+1:]...)
				}
			case 2:
				u := texts[rng.Intn(len(texts))]
				b = append(b[:p], append([]byte(u[:min(20, len(u))]), b[p:]...)...)
			}
		}
		checkReference(t, g, string(b))
	}
}

// FuzzFindReference checks Find against the reference matcher.
func FuzzFindReference(f *testing.F) {
	for _, s := range referenceTexts {
		f.Add(s)
	}
	for _, c := range findCorpus {
		f.Add(c.text)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkReference(t, g, text)
	})
}

// Value is built once per entry; it must say what the chain says, also for
// an entry of another gazetteer.
func TestValueBuiltOnce(t *testing.T) {
	g := Default()
	other, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entries() {
		want := fmt.Sprint(e.Name, e.ID, e.Kind)
		for _, c := range g.Chain(e.ID) {
			want += "|" + c.Name + "=" + c.ID
		}
		for _, v := range []value.Entity{g.Value(e), other.Value(e)} {
			got := fmt.Sprint(v.Name, v.ID, v.Kind)
			if len(v.Within) != len(v.WithinIDs) {
				t.Fatalf("%s: Within %v, WithinIDs %v", e.ID, v.Within, v.WithinIDs)
			}
			for i := range v.Within {
				got += "|" + v.Within[i] + "=" + v.WithinIDs[i]
			}
			if got != want {
				t.Fatalf("Value(%s) = %s, want %s", e.ID, got, want)
			}
		}
	}
}
