package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Why an article's occurrence can be no earlier or no later than a year.
const (
	whyNone = iota
	whyPoint
	whyEarlier
	whyPublished
)

// yearRange is the span of years in which an article's occurrence can lie,
// with what set each end.
type yearRange struct {
	lo, hi       float64
	loWhy, hiWhy reason
}

type reason struct {
	kind  int
	year  int
	frame string // for whyEarlier: what the article recalls as past
}

// occurrenceRange reads the years an article's occurrence can lie in from its
// claims: the year or date of an occurrence frame (meeting.year, incident.date)
// pins it; a fact about an earlier event (Claim.Earlier, previous_meeting.*,
// a treaty "signed in 2024") means the occurrence is that year or later; the
// publication date means it is that year or earlier.
func (c *comparer) occurrenceRange(d *doc) yearRange {
	r := yearRange{lo: math.Inf(-1), hi: math.Inf(1)}
	type point struct {
		y0, y1 int
		n      int
	}
	var points []point
	for _, cl := range d.claims {
		if cl.Value.Time == nil || cl.Slot == "" {
			continue
		}
		t := resolveTime(*cl.Value.Time, d.pub)
		if t.open || t.y0 == 0 {
			continue
		}
		switch {
		case cl.Earlier || c.lex.earlierFrame(cl.Slot):
			if !d.pub.IsZero() && t.y0 > d.pub.Year() {
				continue // a past event cannot follow the publication: a misreading
			}
			if float64(t.y0) > r.lo {
				r.lo = float64(t.y0)
				r.loWhy = reason{whyEarlier, t.y0, c.lex.frameWords(cl.Slot)}
			}
		case c.lex.occurrence(cl.Slot) && !cl.Expected:
			i := slices.IndexFunc(points, func(p point) bool { return p.y0 == t.y0 && p.y1 == t.y1 })
			if i < 0 {
				points = append(points, point{t.y0, t.y1, 0})
				i = len(points) - 1
			}
			points[i].n++
		}
	}
	if len(points) > 0 {
		// The year most claims give; an article that gives several is
		// trusted only on one it repeats more often than any other (its
		// other years are likely about other occurrences it recalls).
		best, tie := points[0], false
		for _, p := range points[1:] {
			switch {
			case p.n > best.n:
				best, tie = p, false
			case p.n == best.n:
				tie = true
			}
		}
		if tie {
			points = nil
		}
	}
	if len(points) > 0 {
		best := points[0]
		for _, p := range points[1:] {
			if p.n > best.n {
				best = p
			}
		}
		r.lo, r.hi = float64(best.y0), float64(best.y1)
		r.loWhy = reason{whyPoint, best.y0, ""}
		r.hiWhy = reason{whyPoint, best.y1, ""}
	}
	if !d.pub.IsZero() {
		if y := float64(d.pub.Year()); y < r.hi && y >= r.lo {
			r.hi, r.hiWhy = y, reason{whyPublished, d.pub.Year(), ""}
		}
	}
	return r
}

// clusterEvents groups articles into occurrences. Articles whose year ranges
// cannot overlap report different occurrences; the fewest occurrences are
// found by sweeping the ranges; an article that fits several joins the one
// whose articles agree with it on the most facts.
func (c *comparer) clusterEvents(results []*slotResult) []Event {
	n := len(c.docs)
	if n == 0 {
		return []Event{}
	}
	ranges := make([]yearRange, n)
	idx := make([]int, n)
	for i, d := range c.docs {
		ranges[i] = c.occurrenceRange(d)
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmpFloat(ranges[a].hi, ranges[b].hi), cmpFloat(ranges[a].lo, ranges[b].lo), a-b)
	})
	var points []float64
	for _, i := range idx {
		if len(points) == 0 || ranges[i].lo > points[len(points)-1] {
			points = append(points, ranges[i].hi)
		}
	}
	spanOf := func(i int) (int, int) {
		a := sort.SearchFloat64s(points, ranges[i].lo)
		b := sort.Search(len(points), func(k int) bool { return points[k] > ranges[i].hi })
		return a, b
	}
	event := make([]int, n)
	size := make([]int, len(points))
	var open []int
	for i := range c.docs {
		a, b := spanOf(i)
		if b-a == 1 {
			event[i] = a
			size[a]++
		} else {
			event[i] = -1
			open = append(open, i)
		}
	}
	if len(open) > 0 {
		c.placeOpen(results, event, size, open, spanOf)
	}

	// Events ordered by size, then by their first article.
	members := make([][]int, len(points))
	for i, e := range event {
		members[e] = append(members[e], i)
	}
	members = slices.DeleteFunc(members, func(m []int) bool { return len(m) == 0 })
	slices.SortStableFunc(members, func(a, b []int) int { return cmp.Or(len(b)-len(a), a[0]-b[0]) })
	events := make([]Event, len(members))
	for e, m := range members {
		for _, i := range m {
			c.docs[i].event = e
			events[e].Sources = append(events[e].Sources, c.docs[i].src.ID)
		}
		slices.Sort(events[e].Sources)
	}
	c.eventNotes(events, members, ranges, event)
	return events
}

// placeOpen puts each article that fits several occurrences into the one
// whose sure articles agree with it most (agreeing facts minus conflicting
// ones), then the larger one.
func (c *comparer) placeOpen(results []*slotResult, event, size []int, open []int, spanOf func(int) (int, int)) {
	isOpen := map[int]bool{}
	for _, i := range open {
		isOpen[i] = true
	}
	type hit struct {
		r   int
		set int
	}
	hits := map[int][]hit{}
	counts := make([]map[int]map[int]int, len(results)) // result → set → event → sure articles
	for ri, r := range results {
		for d, s := range r.docSet {
			if s < 0 {
				continue
			}
			if isOpen[d] {
				hits[d] = append(hits[d], hit{ri, s})
				continue
			}
			if counts[ri] == nil {
				counts[ri] = map[int]map[int]int{}
			}
			if counts[ri][s] == nil {
				counts[ri][s] = map[int]int{}
			}
			counts[ri][s][event[d]]++
			if counts[ri][-1] == nil {
				counts[ri][-1] = map[int]int{}
			}
			counts[ri][-1][event[d]]++ // all sets
		}
	}
	for _, d := range open {
		a, b := spanOf(d)
		if b <= a { // fits nowhere (should not happen): the largest
			a, b = 0, len(size)
		}
		best, bestScore := -1, 0
		for e := a; e < b; e++ {
			score := 0
			for _, h := range hits[d] {
				if counts[h.r] == nil {
					continue
				}
				agree := counts[h.r][h.set][e]
				score += agree - (counts[h.r][-1][e] - agree)
			}
			if best < 0 || score > bestScore || (score == bestScore && size[e] > size[best]) {
				best, bestScore = e, score
			}
		}
		event[d] = best
	}
}

// eventNotes says in words what each occurrence is and why articles were
// kept apart.
func (c *comparer) eventNotes(events []Event, members [][]int, ranges []yearRange, event []int) {
	rangeOf := func(m []int) yearRange {
		r := yearRange{lo: math.Inf(-1), hi: math.Inf(1)}
		for _, i := range m {
			if ranges[i].lo > r.lo {
				r.lo, r.loWhy = ranges[i].lo, ranges[i].loWhy
			}
			if ranges[i].hi < r.hi {
				r.hi, r.hiWhy = ranges[i].hi, ranges[i].hiWhy
			}
		}
		return r
	}
	articles := func(k int) string {
		if k == 1 {
			return "1 article reports"
		}
		return strconv.Itoa(k) + " articles report"
	}
	main := rangeOf(members[0])
	for e, m := range members {
		r := rangeOf(m)
		note := articles(len(m)) + " one occurrence"
		if r.lo == r.hi && r.loWhy.kind == whyPoint {
			note += fmt.Sprintf(" (%d)", int(r.lo))
		}
		if e > 0 {
			var ids []string
			for _, i := range m {
				ids = append(ids, c.docs[i].src.ID)
			}
			verb := "reports"
			if len(m) > 1 {
				verb = "report"
			}
			switch {
			case r.lo > main.hi:
				note = fmt.Sprintf("%s likely %s a later occurrence: %s, while the others %s",
					c.shortList(ids), verb, c.why(r.loWhy, len(m) > 1), c.whyOthers(main.hiWhy))
			case r.hi < main.lo:
				note = fmt.Sprintf("%s likely %s an earlier occurrence: %s, while the others %s",
					c.shortList(ids), verb, c.why(r.hiWhy, len(m) > 1), c.whyOthers(main.loWhy))
			default:
				note = fmt.Sprintf("%s likely %s a different occurrence", c.shortList(ids), verb)
			}
		}
		events[e].Note = note
	}
}

func (c *comparer) why(r reason, plural bool) string {
	subj := "it"
	if plural {
		subj = "they"
	}
	switch r.kind {
	case whyPoint:
		return fmt.Sprintf("%s date%s it to %d", subj, map[bool]string{true: "", false: "s"}[plural], r.year)
	case whyEarlier:
		return fmt.Sprintf("%s recall%s a %s of %d as past", subj, map[bool]string{true: "", false: "s"}[plural], r.frame, r.year)
	case whyPublished:
		return fmt.Sprintf("%s %s published in %d", subj, map[bool]string{true: "were", false: "was"}[plural], r.year)
	}
	return subj + " cannot be the same in time"
}

func (c *comparer) whyOthers(r reason) string {
	switch r.kind {
	case whyPoint:
		return fmt.Sprintf("date their occurrence to %d", r.year)
	case whyEarlier:
		return fmt.Sprintf("recall a %s of %d as past", r.frame, r.year)
	case whyPublished:
		return fmt.Sprintf("were published in %d", r.year)
	}
	return "differ"
}

// markDifferentEvent flags a conflict whose groups come from articles about
// different occurrences.
func (c *comparer) markDifferentEvent(r *slotResult) {
	f := &r.finding
	if f.Status != Conflict || len(r.groupDocs) < 2 {
		return
	}
	eventsOf := func(ds []int) map[int]bool {
		m := map[int]bool{}
		for _, d := range ds {
			m[c.docs[d].event] = true
		}
		return m
	}
	lead := eventsOf(r.groupDocs[0])
	var apart []string
	for gi, ds := range r.groupDocs[1:] {
		other := eventsOf(ds)
		shared := false
		for e := range other {
			shared = shared || lead[e]
		}
		if !shared && len(ds) > 0 {
			f.DifferentEvent = true
			apart = append(apart, fmt.Sprintf("%s (%s)", f.Groups[gi+1].Display, c.shortList(f.Groups[gi+1].Sources)))
		}
	}
	if f.DifferentEvent {
		f.Note += " " + (fmt.Sprintf("%s comes from articles that likely report a different occurrence, so this may not be a contradiction about one occurrence.",
			strings.Join(apart, "; ")))
	}
}
