package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// foldWords splits text into words and folds each so that spelling variants
// meet: lower case; Devanagari nukta, anusvara and chandrabindu dropped (a
// nasal consonant with virama before a consonant counts as anusvara); long
// vowels folded to short. Punctuation only separates words.
func foldWords(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) {
			flush()
			continue
		}
		switch r {
		case '\u093C', '\u0901', '\u0902': // nukta, chandrabindu, anusvara
			continue
		case '\u0919', '\u091E', '\u0923', '\u0928', '\u092E': // ङ ञ ण न म
			if i+2 < len(rs) && rs[i+1] == '\u094D' && isDevaConsonant(rs[i+2]) {
				i++ // the nasal is an anusvara written out
				continue
			}
		case '\u0940':
			r = '\u093F' // ी → ि
		case '\u0942':
			r = '\u0941' // ू → ु
		case '\u0908':
			r = '\u0907' // ई → इ
		case '\u090A':
			r = '\u0909' // ऊ → उ
		}
		b.WriteRune(unicode.ToLower(r))
	}
	flush()
	return out
}

// maxQuoteIndex caps the aligned groups listed under one word pair.
const maxQuoteIndex = 256

// quoteShingles returns the set of adjacent word pairs of a folded quote (its
// one word when it has only one).
func quoteShingles(folded string) map[string]bool {
	ws := strings.Fields(folded)
	out := map[string]bool{}
	if len(ws) == 1 {
		out[ws[0]] = true
	}
	for i := 0; i+1 < len(ws); i++ {
		out[ws[i]+" "+ws[i+1]] = true
	}
	return out
}

func isDevaConsonant(r rune) bool {
	return r >= '\u0915' && r <= '\u0939' || r >= '\u0958' && r <= '\u095F'
}

// foldKey is the comparison key of a text: its folded words joined by spaces.
func foldKey(s string) string { return strings.Join(foldWords(s), " ") }

// analyzeQuotes lines up the quotes of one slot: by speaker, then by shared
// words (Options.QuoteSimilarity of the shorter quote's words), and judges
// each aligned quote: the same words (up to punctuation and spelling) agree,
// an excerpt of a longer quote is compatible, different words are a minor
// conflict with a word diff.
func (c *comparer) analyzeQuotes(slot string, vals []*val) []*slotResult {
	bySpeaker := map[string][]*val{}
	var speakers []string
	for _, v := range vals {
		q := v.c.Value.Quote
		k := q.SpeakerID
		if k == "" {
			k = foldKey(q.Speaker)
		}
		if _, ok := bySpeaker[k]; !ok {
			speakers = append(speakers, k)
		}
		bySpeaker[k] = append(bySpeaker[k], v)
	}
	slices.Sort(speakers)
	var out []*slotResult
	for _, sp := range speakers {
		for _, aligned := range c.alignQuotes(bySpeaker[sp]) {
			out = append(out, c.judgeQuote(slot, aligned))
		}
	}
	return out
}

// alignQuotes groups quotes that share enough word pairs (so that shared
// function words alone do not align two different quotes), through an index
// from word pair to aligned group so that each quote is checked only against
// groups it shares words with.
func (c *comparer) alignQuotes(vals []*val) [][]*val {
	type set struct {
		words map[string]bool
		vals  []*val
	}
	var sets []*set
	index := map[string][]int{}
	for _, v := range vals {
		words := quoteShingles(v.spec)
		shared := map[int]int{}
		for w := range words {
			for _, s := range index[w] {
				shared[s]++
			}
		}
		best, bestSim := -1, 0.0
		for s, n := range shared {
			sim := float64(n) / float64(min(len(words), len(sets[s].words)))
			if sim >= c.opt.QuoteSimilarity && (sim > bestSim || (sim == bestSim && s < best)) {
				best, bestSim = s, sim
			}
		}
		if best < 0 {
			best = len(sets)
			sets = append(sets, &set{words: words})
			for w := range words {
				// A word pair in very many quotes says little about which
				// quote this is; its list stops growing.
				if len(index[w]) < maxQuoteIndex {
					index[w] = append(index[w], best)
				}
			}
		}
		sets[best].vals = append(sets[best].vals, v)
	}
	out := make([][]*val, len(sets))
	for i, s := range sets {
		out[i] = s.vals
	}
	return out
}

func (c *comparer) judgeQuote(slot string, vals []*val) *slotResult {
	res := &slotResult{docSet: map[int]int{}, central: c.lex.Central(slot)}
	f := &res.finding
	f.Slot, f.Label, f.Type = slot, c.lex.Label(slot), vals[0].c.Type
	f.Speaker = vals[0].c.Value.Quote.Speaker

	var dvs []*dval
	for _, g := range distinct(vals, 0) {
		d := &dval{}
		for _, i := range g {
			v := vals[i]
			d.items = append(d.items, &item{doc: v.doc, vals: []*val{v}, rep: v, low: v.low})
		}
		d.rep = bestOf(d.items)
		dvs = append(dvs, d)
	}
	slices.SortFunc(dvs, func(a, b *dval) int { return better(a.rep, b.rep) })

	// Whole quotes are those not contained in a longer one; excerpts go with
	// the most quoted whole quote that contains them.
	isExcerpt := func(a, b *dval) bool {
		return a != b && strings.Contains(" "+b.rep.spec+" ", " "+a.rep.spec+" ")
	}
	var wholes [][]*dval
	for _, d := range dvs {
		excerpt := false
		for _, o := range dvs {
			excerpt = excerpt || (isExcerpt(d, o) && len(o.rep.spec) > len(d.rep.spec))
		}
		if !excerpt {
			wholes = append(wholes, []*dval{d})
		}
	}
	for _, d := range dvs {
		if slices.ContainsFunc(wholes, func(w []*dval) bool { return w[0] == d }) {
			continue
		}
		best := -1
		for i, w := range wholes {
			if isExcerpt(d, w[0]) && (best < 0 || len(w[0].items) > len(wholes[best][0].items)) {
				best = i
			}
		}
		if best < 0 {
			wholes = append(wholes, []*dval{d})
			continue
		}
		wholes[best] = append(wholes[best], d)
	}

	var built []builtGroup
	switch {
	case len(wholes) > 1:
		f.Status, f.Severity = Conflict, Minor
		for _, w := range wholes {
			built = append(built, c.build(w))
		}
	case len(dvs) > 1:
		f.Status, f.Severity = Compatible, Info
		for _, d := range dvs {
			built = append(built, c.build([]*dval{d}))
		}
	default:
		f.Severity = Info
		built = []builtGroup{c.build(dvs)}
	}
	sortBuilt(built)
	for k, b := range built {
		f.Groups = append(f.Groups, b.g)
		for _, v := range b.vals {
			if prev, ok := res.docSet[v.doc]; ok && prev != k {
				res.docSet[v.doc] = -1
			} else {
				res.docSet[v.doc] = k
			}
		}
	}
	res.sets = len(built)
	if f.Status != Conflict {
		res.sets = 1
		for d := range res.docSet {
			res.docSet[d] = 0
		}
	}

	var notes []string
	switch f.Status {
	case Conflict:
		a, b := quoteText(f.Groups[0]), quoteText(f.Groups[1])
		f.QuoteDiff = wordDiff(a, b)
		var del, ins []string
		for _, s := range f.QuoteDiff {
			if w := strings.Join(foldWords(s.Text), " "); w != "" {
				switch s.Op {
				case "delete":
					del = append(del, strings.TrimSpace(s.Text))
				case "insert":
					ins = append(ins, strings.TrimSpace(s.Text))
				}
			}
		}
		note := fmt.Sprintf("%s is quoted in different words by %s and %s", f.Speaker,
			c.shortList(f.Groups[0].Sources), c.shortList(f.Groups[1].Sources))
		if len(del) > 0 || len(ins) > 0 {
			note += fmt.Sprintf(" («%s» vs «%s»)", clip(strings.Join(del, " … ")), clip(strings.Join(ins, " … ")))
		}
		notes = append(notes, note)
		for _, g := range f.Groups {
			res.groupDocs = append(res.groupDocs, c.docsOf(g.Sources))
		}
	case Compatible:
		notes = append(notes, fmt.Sprintf("Some sources quote %s only in part; the words they give match", f.Speaker))
	case Agree, "":
		if len(f.Groups[0].Sources) > 1 {
			f.Status = Agree
			notes = append(notes, fmt.Sprintf("%s quote %s in the same words", c.countGroup(f.Groups[0]), f.Speaker))
		} else {
			f.Status = Single
			notes = append(notes, fmt.Sprintf("Only %s gives this quote", c.short(f.Groups[0].Sources[0])))
		}
	}
	notes = append(notes, c.independenceNotes(f)...)
	f.Note = joinNotes(notes)
	return res
}

// clip shortens s to about 80 characters for a note.
func clip(s string) string {
	const most = 80
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	cut := most
	for cut > most/2 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	return strings.TrimSpace(string(r[:cut])) + " …"
}

func quoteText(g Group) string {
	if g.Value.Quote != nil {
		return g.Value.Quote.Text
	}
	return g.Display
}

// wordDiff diffs a and b word by word: each word and each run of
// non-word characters becomes one symbol for diffmatchpatch, and the result
// is cleaned up semantically before it is turned back into text.
func wordDiff(a, b string) []DiffSpan {
	sym := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, t := range tokens(s) {
			r, ok := sym[t]
			if !ok {
				r = rune(0xF0000 + len(words)) // a private-use plane
				sym[t] = r
				words = append(words, t)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []DiffSpan
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			if k := int(r - 0xF0000); k >= 0 && k < len(words) {
				sb.WriteString(words[k])
			}
		}
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "insert"
		case diffmatchpatch.DiffDelete:
			op = "delete"
		}
		if sb.Len() > 0 {
			out = append(out, DiffSpan{Op: op, Text: sb.String()})
		}
	}
	return out
}

// tokens splits s into words and the runs between them.
func tokens(s string) []string {
	var out []string
	start, inWord := 0, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		if i > start && w != inWord {
			out = append(out, s[start:i])
			start = i
		}
		inWord = w
		i += n
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
