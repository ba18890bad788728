package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
)

// item is one article's reconciled value for a slot: the claims of that
// article that agree with each other, represented by the most precise one.
type item struct {
	doc  int
	vals []*val
	rep  *val
	low  bool // every claim is below the confidence threshold
}

// dval is one distinct value across articles with the items that state it.
type dval struct {
	rep   *val
	items []*item
}

// slotResult is the verdict on one slot plus what event clustering needs.
type slotResult struct {
	finding Finding
	// docSet maps an article to the index of the value set it belongs to,
	// -1 when the article gives values in several sets.
	docSet map[int]int
	sets   int
	// groupDocs lists, per report group of a conflict, its articles.
	groupDocs [][]int
	central   bool
	unknown   bool // a place not in the gazetteer, nor put inside a listed one, took part
}

// analyzeSlot judges the values of one slot (all of one kind and dimension);
// vals are sorted by article, then position.
func (c *comparer) analyzeSlot(slot string, vals []*val) []*slotResult {
	return c.judgeSlot(slot, vals, !c.lex.aligned(slot))
}

// judgeSlot judges vals; with split, sets of values that do not fit together
// become findings of their own instead of a conflict (for catch-all frames
// whose values are not one fact).
func (c *comparer) judgeSlot(slot string, vals []*val, split bool) []*slotResult {
	var reports, forecasts []*val
	for _, v := range vals {
		if v.c.Expected {
			forecasts = append(forecasts, v)
		} else {
			reports = append(reports, v)
		}
	}
	allForecasts := false
	if len(reports) == 0 {
		reports, forecasts, allForecasts = forecasts, nil, true
	}
	items, aside := c.reconcile(reports)

	dvs, sets := c.valueSets(items)
	var unconfirmed []*item
	if !split {
		if drop := c.unconfirmed(dvs, sets); len(drop) > 0 {
			unconfirmed = drop
			items = slices.DeleteFunc(items, func(it *item) bool { return slices.Contains(drop, it) })
			dvs, sets = c.valueSets(items)
		}
	}
	if split && len(dvs) > 1 {
		// Each distinct value is its own finding: values of a catch-all
		// frame that merely fit together are not one fact either.
		var out []*slotResult
		for _, d := range dvs {
			var sub []*val
			for _, it := range d.items {
				sub = append(sub, it.vals...)
			}
			slices.SortStableFunc(sub, func(a, b *val) int { return a.doc - b.doc })
			out = append(out, c.judgeSlot(slot, sub, false)...)
		}
		return out
	}

	res := &slotResult{docSet: map[int]int{}, sets: len(sets), central: c.lex.Central(slot)}
	f := &res.finding
	f.Slot, f.Label, f.Type = slot, c.lex.Label(slot), vals[0].c.Type
	for k, s := range sets {
		for _, i := range s {
			for _, it := range dvs[i].items {
				if prev, ok := res.docSet[it.doc]; ok && prev != k {
					res.docSet[it.doc] = -1
				} else {
					res.docSet[it.doc] = k
				}
			}
		}
	}
	for _, d := range dvs {
		if d.rep.fam == famEntity && d.rep.unlocated() {
			res.unknown = true
		}
	}

	var notes []string
	var built []builtGroup
	// An article may recall several earlier occurrences (the last meeting
	// and the last annual summit): on an earlier frame, values that one
	// article gives side by side are different occurrences, not a
	// contradiction.
	several := len(sets) > 1 && c.lex.earlierFrame(slot) && res.bridged()
	// A journey's legs ("landed in Tashkent … travelled on by train to
	// Samarkand") or the places of an event over several: an article that
	// names two gives both.
	var sideNote string
	if len(sets) > 1 && res.bridged() {
		sideNote = c.lex.sideBySide(slot)
	}
	// Articles that differ on the year and the place of an earlier
	// occurrence recall different ones.
	distinct := len(sets) > 1 && c.lex.earlierFrame(slot) && !several && c.differentOccurrences(slot, dvs, sets)
	buildSets := func() {
		for _, s := range sets {
			var members []*dval
			for _, i := range s {
				members = append(members, dvs[i])
			}
			built = append(built, c.build(members))
		}
	}
	switch {
	case sideNote != "":
		f.Status, f.Severity = Compatible, Info
		buildSets()
		notes = append(notes, sideNote)
		several = true
	case several || distinct:
		f.Status, f.Severity = Compatible, Info
		buildSets()
		if distinct {
			notes = append(notes, "The articles differ on other details of the earlier occurrence too, so they likely recall different occurrences rather than contradict each other")
		} else {
			notes = append(notes, "Some articles recall more than one earlier occurrence and give these values side by side, so they likely describe different occurrences rather than contradict each other")
		}
		several = true
	case len(sets) > 1:
		f.Status = Conflict
		buildSets()
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
	var groupVals [][]*val
	for _, b := range built {
		f.Groups = append(f.Groups, b.g)
		groupVals = append(groupVals, b.dreps)
	}
	switch {
	case f.Status == Conflict:
		notes = append(notes, c.conflictNote(f, groupVals, res))
		for _, g := range f.Groups {
			res.groupDocs = append(res.groupDocs, c.docsOf(g.Sources))
		}
	case f.Status == Compatible && several:
	case f.Status == Compatible:
		notes = append(notes, c.compatibleNote(dvs))
	case len(f.Groups[0].Sources) > 1:
		f.Status = Agree
		notes = append(notes, fmt.Sprintf("%s agree: %s", c.countGroup(f.Groups[0]), f.Groups[0].Display))
	default:
		f.Status = Single
		notes = append(notes, fmt.Sprintf("Only %s gives this: %s", c.short(f.Groups[0].Sources[0]), f.Groups[0].Display))
	}
	notes = append(notes, c.selfNotes(f)...)
	if f.Status == Conflict {
		notes = append(notes, c.inferredNotes(f)...)
	}
	for _, it := range aside {
		notes = append(notes, fmt.Sprintf("%s also reads %s with low confidence (%.2f); that reading is set aside.",
			c.short(c.docs[it.doc].src.ID), it.rep.c.Display, it.rep.c.Confidence))
	}
	for _, it := range unconfirmed {
		notes = append(notes, fmt.Sprintf("%s also gives %s («%s»), which no other source confirms while its other value is confirmed; it likely concerns something else and is set aside.",
			c.short(c.docs[it.doc].src.ID), displayOf(it.rep), clip(it.rep.c.Text)))
	}
	if allForecasts {
		notes = append(notes, "All these values are forecasts, not reports.")
	} else if len(forecasts) > 0 {
		notes = append(notes, c.attachForecasts(f, groupVals, forecasts)...)
	}
	f.Note = joinNotes(notes)
	return []*slotResult{res}
}

// differentOccurrences reports whether the articles of each pair of value
// sets of an earlier frame's slot also disagree on another attribute of that
// frame, with no value in common ("1991 में उत्तरकाशी" against "1999 में
// चमोली"): they recall different earlier occurrences.
func (c *comparer) differentOccurrences(slot string, dvs []*dval, sets [][]int) bool {
	frame, _ := splitSlot(slot)
	docsOf := func(s []int) []int {
		var out []int
		for _, i := range s {
			for _, it := range dvs[i].items {
				if !slices.Contains(out, it.doc) {
					out = append(out, it.doc)
				}
			}
		}
		return out
	}
	siblings := func(docs []int) map[string][]*claims.Claim {
		m := map[string][]*claims.Claim{}
		for _, d := range docs {
			for _, cl := range c.docs[d].claims {
				if cl.Expected || cl.Slot == slot {
					continue
				}
				if f, _ := splitSlot(cl.Slot); f == frame {
					m[cl.Slot] = append(m[cl.Slot], cl)
				}
			}
		}
		return m
	}
	for a := 0; a < len(sets); a++ {
		sa := siblings(docsOf(sets[a]))
		for b := a + 1; b < len(sets); b++ {
			sb := siblings(docsOf(sets[b]))
			differ := false
			for sl, as := range sa {
				bs := sb[sl]
				if len(bs) == 0 {
					continue
				}
				common := false
				for _, x := range as {
					for _, y := range bs {
						if sameRecalled(x, y) {
							common = true
						}
					}
				}
				if !common {
					differ = true
				}
			}
			if !differ {
				return false
			}
		}
	}
	return true
}

// sameRecalled reports whether two claims may state the same detail: the
// same display, or places one of which lies in the other.
func sameRecalled(x, y *claims.Claim) bool {
	if x.Display == y.Display {
		return true
	}
	ex, ey := x.Value.Entity, y.Value.Entity
	if ex != nil && ey != nil {
		return ex.ID == ey.ID || slices.Contains(ex.WithinIDs, ey.ID) || slices.Contains(ey.WithinIDs, ex.ID)
	}
	return false
}

// valueSets finds the distinct values among items (most precise first) and
// partitions them into sets of values that fit together.
func (c *comparer) valueSets(items []*item) ([]*dval, [][]int) {
	reps := make([]*val, len(items))
	for i, it := range items {
		reps[i] = it.rep
	}
	var dvs []*dval
	for _, g := range distinct(reps, c.opt.Same) {
		d := &dval{}
		for _, i := range g {
			d.items = append(d.items, items[i])
		}
		d.rep = bestOf(d.items)
		dvs = append(dvs, d)
	}
	slices.SortFunc(dvs, func(a, b *dval) int { return better(a.rep, b.rep) })
	dreps := make([]*val, len(dvs))
	weight := make([]int, len(dvs))
	for i, d := range dvs {
		dreps[i], weight[i] = d.rep, len(d.items)
	}
	return dvs, cluster(dreps, weight)
}

// unconfirmed returns, for articles that give values in several sets, the
// values no other article confirms when another value of the same article is
// confirmed: an article that says "Sunday" with the other sources and
// "Monday" alone most likely speaks of something else on Monday (the day the
// injured died), not of the same fact.
func (c *comparer) unconfirmed(dvs []*dval, sets [][]int) []*item {
	setOf := map[*item]int{}
	docsIn := make([]map[int]bool, len(sets))
	byDoc := map[int][]*item{}
	for k, s := range sets {
		docsIn[k] = map[int]bool{}
		for _, i := range s {
			for _, it := range dvs[i].items {
				setOf[it] = k
				docsIn[k][it.doc] = true
				byDoc[it.doc] = append(byDoc[it.doc], it)
			}
		}
	}
	var drop []*item
	for _, its := range byDoc {
		if len(its) < 2 {
			continue
		}
		confirmed := false
		for _, it := range its {
			confirmed = confirmed || len(docsIn[setOf[it]]) > 1
		}
		if !confirmed {
			continue
		}
		for _, it := range its {
			if len(docsIn[setOf[it]]) == 1 {
				drop = append(drop, it)
			}
		}
	}
	slices.SortFunc(drop, func(a, b *item) int { return better(a.rep, b.rep) })
	return drop
}

// bridged reports whether some article gives values of two different value
// sets of the slot.
func (r *slotResult) bridged() bool {
	for _, k := range r.docSet {
		if k == -1 {
			return true
		}
	}
	return false
}

// reconcile merges each article's claims into items: values that fit
// together (the same value twice, a place and the region around it) become
// one item; values that cannot both be true stay apart (the article
// contradicts itself). When an article's values conflict and some of them
// rest only on low-confidence claims, those are returned apart.
func (c *comparer) reconcile(vals []*val) (items, aside []*item) {
	for start := 0; start < len(vals); {
		end := start + 1
		for end < len(vals) && vals[end].doc == vals[start].doc {
			end++
		}
		dv := vals[start:end]
		var reps []*val
		var groups [][]int
		for _, g := range distinct(dv, c.opt.Same) {
			best := dv[g[0]]
			for _, i := range g[1:] {
				if better(dv[i], best) < 0 {
					best = dv[i]
				}
			}
			reps = append(reps, best)
			groups = append(groups, g)
		}
		weight := make([]int, len(reps))
		for i, g := range groups {
			weight[i] = len(g)
		}
		var own []*item
		for _, s := range cluster(reps, weight) {
			it := &item{doc: dv[0].doc, low: true}
			for _, i := range s {
				for _, j := range groups[i] {
					it.vals = append(it.vals, dv[j])
					it.low = it.low && dv[j].low
				}
			}
			it.rep = it.vals[0]
			for _, v := range it.vals[1:] {
				if better(v, it.rep) < 0 {
					it.rep = v
				}
			}
			own = append(own, it)
		}
		if len(own) > 1 {
			var sure []*item
			for _, it := range own {
				if !it.low {
					sure = append(sure, it)
				}
			}
			if len(sure) > 0 && len(sure) < len(own) {
				for _, it := range own {
					if it.low {
						aside = append(aside, it)
					}
				}
				own = sure
			}
		}
		items = append(items, own...)
		start = end
	}
	return items, aside
}

func bestOf(items []*item) *val {
	best := items[0].rep
	for _, it := range items[1:] {
		if better(it.rep, best) < 0 {
			best = it.rep
		}
	}
	return best
}

// builtGroup is a report group with the values behind it.
type builtGroup struct {
	g     Group
	vals  []*val // every article's value
	dreps []*val // the distinct values
}

// build makes a report group from distinct values that fit together; the
// most precise names the group, the others are listed as variants.
func (c *comparer) build(members []*dval) builtGroup {
	lead := members[0]
	for _, d := range members[1:] {
		if p := precision(d.rep, lead.rep); p < 0 || (p == 0 && len(d.items) > len(lead.items)) {
			lead = d
		}
	}
	g := Group{Display: displayOf(lead.rep), Value: lead.rep.c.Value}
	var vals, dreps []*val
	seen := map[string]bool{}
	low := true
	for _, d := range members {
		dreps = append(dreps, d.rep)
		if d != lead {
			if s := displayOf(d.rep); s != g.Display && !slices.Contains(g.Variants, s) {
				g.Variants = append(g.Variants, s)
			}
		}
		for _, it := range d.items {
			id := c.docs[it.doc].src.ID
			if !seen[id] {
				seen[id] = true
				g.Sources = append(g.Sources, id)
			}
			g.Evidence = append(g.Evidence, c.evidence(it.rep))
			vals = append(vals, it.rep)
			low = low && it.low
		}
	}
	g.LowConfidence = low
	slices.Sort(g.Sources)
	slices.Sort(g.Variants)
	sortEvidence(g.Evidence)
	g.Independent = c.independent(g.Sources)
	return builtGroup{g, vals, dreps}
}

func displayOf(v *val) string {
	if v.c.Display != "" {
		return v.c.Display
	}
	return v.c.Value.Display()
}

// sortBuilt orders groups: reports before forecasts, then by number of
// sources (most first), then by display.
func sortBuilt(gs []builtGroup) {
	slices.SortStableFunc(gs, func(x, y builtGroup) int { return cmpGroups(&x.g, &y.g) })
}

func cmpGroups(a, b *Group) int {
	if a.Expected != b.Expected {
		return cmpBool(a.Expected, b.Expected)
	}
	if d := len(b.Sources) - len(a.Sources); d != 0 {
		return d
	}
	if d := strings.Compare(a.Display, b.Display); d != 0 {
		return d
	}
	return strings.Compare(strings.Join(a.Sources, ","), strings.Join(b.Sources, ","))
}

// conflictNote says in words why the value sets cannot all be true.
func (c *comparer) conflictNote(f *Finding, groupVals [][]*val, res *slotResult) string {
	names := make([]string, len(f.Groups))
	for i, g := range f.Groups {
		names[i] = g.Display + " (" + c.shortList(g.Sources) + ")"
	}
	list := andList(names)
	rep := groupVals[0][0]
	f.Severity = Major
	var b strings.Builder
	switch rep.fam {
	case famQuantity:
		vs := slices.Clone(groupVals)
		slices.SortFunc(vs, func(a, b []*val) int {
			alo, _ := span(a)
			blo, _ := span(b)
			return cmpFloat(alo, blo)
		})
		total := 0.0
		approx := false
		for i := range vs {
			if i+1 < len(vs) {
				total += gap(vs[i], vs[i+1])
			}
			for _, v := range vs[i] {
				approx = approx || v.c.Value.Quantity.Approx
			}
		}
		small := total <= c.opt.MinorGap
		if small {
			f.Severity = Minor
			fmt.Fprintf(&b, "%s differ by %s, within %s: a minor gap", list, pct(total), pct(c.opt.MinorGap))
		} else if approx {
			fmt.Fprintf(&b, "%s do not overlap even with %s tolerance", list, pct(c.opt.Tolerance))
		} else {
			fmt.Fprintf(&b, "%s do not overlap", list)
		}
	case famEntity:
		fmt.Fprintf(&b, "%s are different places", list)
		if why := c.placeWhy(f.Groups); why != "" {
			fmt.Fprintf(&b, " (%s)", why)
		}
		if res.unknown {
			f.Severity = Minor
			b.WriteString("; a name not in the gazetteer is compared by its spelling only")
		}
	case famTime:
		kind := "dates"
		days, years := true, true
		for _, vs := range groupVals {
			for _, v := range vs {
				t := v.tm
				days = days && t.weekday != "" && t.y0 == 0 && t.month == 0 && t.day == 0
				years = years && t.weekday == "" && t.y0 != 0 && t.month == 0 && t.day == 0
			}
		}
		switch {
		case days:
			kind = "days"
		case years:
			kind = "years"
		}
		fmt.Fprintf(&b, "%s are different %s", list, kind)
	default:
		fmt.Fprintf(&b, "%s differ", list)
	}
	// A less precise value fitting several sides (a country that holds both
	// cities) stands with one of them; say so.
	leads := make([]*val, len(groupVals))
	for gi, vs := range groupVals {
		if i := slices.IndexFunc(vs, func(w *val) bool { return displayOf(w) == f.Groups[gi].Display }); i >= 0 {
			leads[gi] = vs[i]
		}
	}
	for gi, vs := range groupVals {
		for _, v := range vs {
			if v == leads[gi] || displayOf(v) == f.Groups[gi].Display {
				continue
			}
			var fits []string
			for gj, lead := range leads {
				if gj != gi && lead != nil && compatible(v, lead) {
					fits = append(fits, f.Groups[gj].Display)
				}
			}
			if len(fits) > 0 {
				fmt.Fprintf(&b, "; %s fits %s alike and is listed with %s", displayOf(v),
					andList(append([]string{f.Groups[gi].Display}, fits...)), f.Groups[gi].Display)
			}
		}
	}
	lowSides := 0
	for _, g := range f.Groups {
		if g.LowConfidence {
			lowSides++
		}
	}
	if lowSides > 0 && lowSides >= len(f.Groups)-1 {
		f.Severity = Minor
		b.WriteString("; a side rests only on low-confidence readings, so this counts less")
	}
	return b.String()
}

// placeWhy names what sets places apart: for each place, the broadest
// place around it that the others are not in ("Russia vs China"), skipping
// continents and world regions (Lexicon broad places); when the places share
// their surroundings, the nearest place around all of them ("both in India").
func (c *comparer) placeWhy(groups []Group) string {
	lists := make([][]string, len(groups))
	for i, g := range groups {
		e := g.Value.Entity
		if e == nil {
			return ""
		}
		lists[i] = append([]string{e.Name}, e.Within...)
	}
	var tops []string
	for i, l := range lists {
		top := ""
		for _, name := range l[1:] {
			if c.lex.broad[name] {
				continue
			}
			elsewhere := false
			for j, o := range lists {
				elsewhere = elsewhere || (j != i && slices.Contains(o, name))
			}
			if !elsewhere {
				top = name
			}
		}
		tops = append(tops, top)
	}
	if !slices.Contains(tops, "") && len(slices.Compact(slices.Sorted(slices.Values(tops)))) == len(tops) {
		return strings.Join(tops, " vs ")
	}
	for _, name := range lists[0][1:] {
		if c.lex.broad[name] {
			continue
		}
		all := true
		for _, o := range lists[1:] {
			all = all && slices.Contains(o[1:], name)
		}
		if all {
			if len(lists) == 2 {
				return "both in " + name
			}
			return "all in " + name
		}
	}
	return ""
}

// compatibleNote explains values that all fit together.
func (c *comparer) compatibleNote(dvs []*dval) string {
	names := make([]string, len(dvs))
	for i, d := range dvs {
		names[i] = displayOf(d.rep)
	}
	switch dvs[0].rep.fam {
	case famEntity:
		rev := slices.Clone(names)
		slices.Reverse(rev)
		return fmt.Sprintf("The places nest (%s): the sources differ only in precision", strings.Join(rev, " ⊃ "))
	case famQuantity:
		return fmt.Sprintf("%s overlap with %s tolerance: compatible, differing in precision", andList(names), pct(c.opt.Tolerance))
	case famTime:
		var open []string
		for _, d := range dvs {
			if d.rep.tm.open {
				open = append(open, displayOf(d.rep))
			}
		}
		if len(open) > 0 {
			return fmt.Sprintf("%s cannot be placed in time without a publication date, so it is not judged against %s",
				andList(open), andList(slices.DeleteFunc(names, func(n string) bool { return slices.Contains(open, n) })))
		}
		return fmt.Sprintf("%s fit together: the sources differ only in precision", andList(names))
	}
	return fmt.Sprintf("%s fit together", andList(names))
}

// inferredNotes says which conflicting values an article gives only by
// reference ("the same place"), so a reader can check the reading.
func (c *comparer) inferredNotes(f *Finding) []string {
	var out []string
	for _, g := range f.Groups {
		for _, e := range g.Evidence {
			if e.Inferred != "" {
				out = append(out, fmt.Sprintf("%s in %s is inferred: %s.", g.Display, c.short(e.Source), strings.TrimSuffix(e.Inferred, ".")))
			}
		}
	}
	return out
}

// independenceNotes names groups whose sources share text.
func (c *comparer) independenceNotes(f *Finding) []string {
	var out []string
	if f.Status != Conflict && f.Status != Compatible {
		return nil
	}
	for _, g := range f.Groups {
		if n := len(g.Sources); n > 1 && g.Independent < n {
			out = append(out, fmt.Sprintf("%s: %d sources, %d independent (shared text).", clip(g.Display), n, g.Independent))
		}
	}
	return out
}

// selfNotes names articles that appear in two groups of a conflict, and
// groups whose sources share text.
func (c *comparer) selfNotes(f *Finding) []string {
	out := c.independenceNotes(f)
	if f.Status != Conflict {
		return out
	}
	where := map[string][]string{}
	var ids []string
	for _, g := range f.Groups {
		if g.Expected {
			continue
		}
		for _, s := range g.Sources {
			if len(where[s]) == 0 {
				ids = append(ids, s)
			}
			where[s] = append(where[s], g.Display)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		if len(where[id]) > 1 {
			out = append(out, fmt.Sprintf("%s contradicts itself: it gives both %s.", c.short(id), andList(where[id])))
		}
	}
	return out
}

// attachForecasts adds forecasts as evidence to the first group whose values
// they all fit, or as groups of their own that do not count against the
// reports. groupVals holds each group's values, in group order.
func (c *comparer) attachForecasts(f *Finding, groupVals [][]*val, forecasts []*val) []string {
	// Evidence and sources are added first and each touched group is sorted
	// and counted once at the end, so many forecasts cost one sort.
	touched := map[int]bool{}    // groups that got evidence
	newSources := map[int]bool{} // expected groups that got a source
	members := map[int]map[string]bool{}
	for _, v := range forecasts {
		placed := false
		for gi, vs := range groupVals {
			ok := true
			for _, o := range vs {
				ok = ok && compatible(v, o)
			}
			if ok {
				f.Groups[gi].Evidence = append(f.Groups[gi].Evidence, c.evidence(v))
				touched[gi] = true
				placed = true
				break
			}
		}
		if placed {
			continue
		}
		i := slices.IndexFunc(f.Groups, func(g Group) bool { return g.Expected && g.Display == displayOf(v) })
		if i < 0 {
			f.Groups = append(f.Groups, Group{Display: displayOf(v), Value: v.c.Value, Expected: true})
			i = len(f.Groups) - 1
		}
		g := &f.Groups[i]
		if members[i] == nil {
			members[i] = map[string]bool{}
			for _, id := range g.Sources {
				members[i][id] = true
			}
		}
		if id := c.docs[v.doc].src.ID; !members[i][id] {
			members[i][id] = true
			g.Sources = append(g.Sources, id)
			newSources[i] = true
		}
		g.Evidence = append(g.Evidence, c.evidence(v))
		touched[i] = true
	}
	for i := range touched {
		sortEvidence(f.Groups[i].Evidence)
	}
	for i := range members {
		g := &f.Groups[i]
		if newSources[i] {
			slices.Sort(g.Sources)
		}
		g.Independent = c.independent(g.Sources)
	}
	var notes []string
	for _, g := range f.Groups {
		if g.Expected {
			notes = append(notes, fmt.Sprintf("A forecast of %s (%s) is not counted against the reports.", g.Display, c.shortList(g.Sources)))
		}
	}
	return notes
}

// evidence cites the claim behind v, under its article's id.
func (c *comparer) evidence(v *val) Evidence {
	cl := v.c
	e := Evidence{Source: c.docs[v.doc].src.ID, Text: cl.Text, Sentence: cl.Sentence, Start: cl.Start, End: cl.End,
		Line: cl.Line, Col: cl.Col, Attribution: cl.Attribution, Confidence: cl.Confidence,
		Inferred: cl.Inferred, Expected: cl.Expected}
	e.SpanStart, e.SpanEnd = -1, -1
	if k := cl.Start - cl.SentenceStart; cl.Text != "" && k >= 0 && k+len(cl.Text) <= len(cl.Sentence) && cl.Sentence[k:k+len(cl.Text)] == cl.Text {
		e.SpanStart, e.SpanEnd = k, k+len(cl.Text)
	} else if i := strings.Index(cl.Sentence, cl.Text); cl.Text != "" && i >= 0 {
		e.SpanStart, e.SpanEnd = i, i+len(cl.Text)
	}
	return e
}

func sortEvidence(ev []Evidence) {
	slices.SortFunc(ev, func(a, b Evidence) int {
		if d := strings.Compare(a.Source, b.Source); d != 0 {
			return d
		}
		if d := a.Start - b.Start; d != 0 {
			return d
		}
		return strings.Compare(a.Text, b.Text)
	})
}

func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " and " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func pct(x float64) string {
	if math.IsInf(x, 0) {
		return "an unbounded amount"
	}
	return value.FormatNumber(math.Round(x*1000)/10) + "%"
}

func joinNotes(notes []string) string {
	var b strings.Builder
	for _, n := range notes {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(n)
		if !strings.HasSuffix(n, ".") {
			b.WriteString(".")
		}
	}
	return b.String()
}
