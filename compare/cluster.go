package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
)

// distinct partitions vals into sets of the same value (same place id, same
// time, quantities equal up to eps in base units) and returns them as lists
// of indices, each list in input order.
func distinct(vals []*val, eps float64) [][]int {
	if len(vals) == 0 {
		return nil
	}
	if vals[0].fam != famQuantity {
		if vals[0].fam == famEntity {
			vals = sameNamed(vals) // "धुबड़ी" read as an unlisted Dhubri is Dhubri
		}
		pos := map[string]int{}
		var out [][]int
		for i, v := range vals {
			k, ok := pos[v.spec]
			if !ok {
				k = len(out)
				pos[v.spec] = k
				out = append(out, nil)
			}
			out[k] = append(out[k], i)
		}
		return out
	}
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := vals[a], vals[b]
		return cmp.Or(int(x.shape)-int(y.shape), cmpFloat(x.lo, y.lo), cmpFloat(x.hi, y.hi))
	})
	var out [][]int
	for _, i := range idx {
		if n := len(out); n > 0 && same(vals[out[n-1][0]], vals[i], eps) {
			out[n-1] = append(out[n-1], i)
			continue
		}
		out = append(out, []int{i})
	}
	for _, g := range out {
		slices.Sort(g)
	}
	return out
}

// cluster partitions distinct values into sets of mutually compatible ones,
// using as few sets as the value kind allows: quantities by sweeping their
// intervals (every set shares a point), places by their containment forest
// (every set is one most precise place with the places that contain it),
// times by merging what they pin down. weight (sources per value) decides
// where a value that fits several sets goes: to the heaviest. The result
// lists indices into reps.
func cluster(reps []*val, weight []int) [][]int {
	if len(reps) == 0 {
		return nil
	}
	switch reps[0].fam {
	case famQuantity:
		return clusterIntervals(reps, weight)
	case famEntity:
		return clusterPlaces(reps, weight)
	case famTime:
		return clusterTimes(reps, weight)
	}
	out := make([][]int, len(reps))
	for i := range reps {
		out[i] = []int{i}
	}
	return out
}

func clusterIntervals(reps []*val, weight []int) [][]int {
	idx := make([]int, len(reps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmpFloat(reps[a].whi, reps[b].whi), cmpFloat(reps[a].wlo, reps[b].wlo), a-b)
	})
	// Greedy stabbing: the fewest points such that every interval holds one.
	var points []float64
	for _, i := range idx {
		if len(points) == 0 || reps[i].wlo > points[len(points)-1] {
			points = append(points, reps[i].whi)
		}
	}
	return assign(len(reps), len(points), weight, func(i int) (int, int) {
		lo := sort.SearchFloat64s(points, reps[i].wlo)
		hi := sort.Search(len(points), func(k int) bool { return points[k] > reps[i].whi })
		return lo, hi
	})
}

// assign puts each of n values into one of k sets; span(i) gives the sets
// [from, to) value i fits. Values fitting one set go there; the others go to
// the set with the most weight among its sure members.
func assign(n, k int, weight []int, span func(i int) (int, int)) [][]int {
	out := make([][]int, k)
	w := make([]int, k)
	var open []int
	for i := 0; i < n; i++ {
		a, b := span(i)
		if b-a == 1 {
			out[a] = append(out[a], i)
			w[a] += weight[i]
		} else if b > a {
			open = append(open, i)
		} else { // fits no set (cannot happen with finite values): its own
			out = append(out, []int{i})
			w = append(w, weight[i])
		}
	}
	for _, i := range open {
		a, b := span(i)
		best := a
		for s := a + 1; s < b; s++ {
			if w[s] > w[best] {
				best = s
			}
		}
		out[best] = append(out[best], i)
	}
	for _, s := range out {
		slices.Sort(s)
	}
	return slices.DeleteFunc(out, func(s []int) bool { return len(s) == 0 })
}

func clusterPlaces(reps []*val, weight []int) [][]int {
	// A river or sea ("ब्रह्मपुत्र नदी में") beside a town ("धुबरी जिले में")
	// is where on the way the event happened, not another place: features
	// join the heaviest set of the other places, when there are any.
	var land, features []int
	for i, r := range reps {
		if r.feature() {
			features = append(features, i)
		} else {
			land = append(land, i)
		}
	}
	if len(features) > 0 && len(land) > 0 {
		sub := make([]*val, len(land))
		subW := make([]int, len(land))
		for k, i := range land {
			sub[k], subW[k] = reps[i], weight[i]
		}
		sets := clusterPlaces(sub, subW)
		best, bestW := 0, -1
		for s, set := range sets {
			w := 0
			for k := range set {
				set[k] = land[set[k]]
				w += weight[set[k]]
			}
			if w > bestW {
				best, bestW = s, w
			}
		}
		sets[best] = append(sets[best], features...)
		slices.Sort(sets[best])
		return sets
	}
	inChain := map[string]bool{}
	unlocated := false
	for _, r := range reps {
		for _, id := range r.chain() {
			inChain[id] = true
		}
		unlocated = unlocated || r.unlocated()
	}
	// A country or region may hold any place the gazetteer does not know:
	// "Kazakhstan" does not contradict an unlisted "Aktau" (when no listed
	// place is named more precisely than it).
	broad := map[string]bool{}
	if unlocated {
		for _, r := range reps {
			if r.broad() {
				broad[r.spec] = true
				inChain[r.spec] = true
			}
		}
	}
	var leaves []int
	under := map[string][]int{}   // ancestor id → leaf sets below it
	mayHold := map[string][]int{} // broad id → unlisted leaf sets it may hold
	for i, r := range reps {
		if inChain[r.spec] {
			continue
		}
		for _, id := range r.chain() {
			under[id] = append(under[id], len(leaves))
		}
		if r.unlocated() {
			for id := range broad {
				mayHold[id] = append(mayHold[id], len(leaves))
			}
		}
		leaves = append(leaves, i)
	}
	locatedLeaf := false // a listed place below no other one
	for _, i := range leaves {
		locatedLeaf = locatedLeaf || !reps[i].unlocated()
	}
	out := make([][]int, len(leaves))
	w := make([]int, len(leaves))
	for k, i := range leaves {
		out[k] = []int{i}
		w[k] = weight[i]
	}
	for i, r := range reps {
		if !inChain[r.spec] {
			continue
		}
		cands := under[r.spec]
		if len(cands) == 0 && !locatedLeaf {
			cands = mayHold[r.spec] // only unlisted places, which it may hold
		}
		if len(cands) == 0 { // chains that disagree: keep it apart
			out = append(out, []int{i})
			continue
		}
		best := cands[0]
		for _, k := range cands[1:] {
			if w[k] > w[best] || (w[k] == w[best] && reps[leaves[k]].spec < reps[leaves[best]].spec) {
				best = k
			}
		}
		out[best] = append(out[best], i)
	}
	for _, s := range out {
		slices.Sort(s)
	}
	return out
}

func clusterTimes(reps []*val, weight []int) [][]int {
	idx := make([]int, len(reps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(reps[b].tm.parts()-reps[a].tm.parts(), weight[b]-weight[a], cmp.Compare(reps[a].spec, reps[b].spec))
	})
	type set struct {
		spec    timeSpec
		members []int
		w       int
	}
	var sets []*set
	var open []int
	for _, i := range idx {
		t := reps[i].tm
		if t.open {
			open = append(open, i)
			continue
		}
		placed := false
		for _, s := range sets {
			if s.spec.fits(t) {
				s.spec = s.spec.merge(t)
				s.members = append(s.members, i)
				s.w += weight[i]
				placed = true
				break
			}
		}
		if !placed {
			sets = append(sets, &set{spec: t, members: []int{i}, w: weight[i]})
		}
	}
	for _, i := range open {
		if len(sets) == 0 {
			sets = append(sets, &set{spec: reps[i].tm})
		}
		best := sets[0]
		for _, s := range sets[1:] {
			if s.w > best.w {
				best = s
			}
		}
		best.members = append(best.members, i)
	}
	out := make([][]int, len(sets))
	for k, s := range sets {
		slices.Sort(s.members)
		out[k] = s.members
	}
	return out
}

// gap is how far apart two quantity sets are, as a share of the larger
// magnitude, judged on the values as written (not widened); 0 when they
// touch, +Inf when nothing finite can be said.
func gap(a, b []*val) float64 {
	alo, ahi := pointSpan(a)
	blo, bhi := pointSpan(b)
	if blo < alo {
		alo, ahi, blo, bhi = blo, bhi, alo, ahi
	}
	d := blo - ahi
	if d <= 0 {
		return 0
	}
	m := math.Max(math.Abs(ahi), math.Abs(blo))
	if math.IsInf(d, 0) || math.IsNaN(d) || m == 0 {
		return math.Inf(1)
	}
	return d / m
}

func span(vs []*val) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo = math.Min(lo, v.lo)
		hi = math.Max(hi, v.hi)
	}
	return lo, hi
}

// pointSpan is the span of the values of vs that are closed on both sides,
// or of all of them when none is: a bound listed with a group ("≥ 7" with 7)
// fits it but does not say how far apart the groups are.
func pointSpan(vs []*val) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if !math.IsInf(v.lo, 0) && !math.IsInf(v.hi, 0) {
			lo, hi = math.Min(lo, v.lo), math.Max(hi, v.hi)
		}
	}
	if lo > hi {
		return span(vs)
	}
	return lo, hi
}

// sameNamed returns reps with every unlisted place whose name is that of a
// listed one among them, and which lies in nothing the listed one does not,
// replaced by the listed one: "धुबड़ी" read as an unlisted "Dhubri" in Assam
// is the listed Dhubri in Assam, another spelling of it.
func sameNamed(reps []*val) []*val {
	// Listed places by lower-case name, built only when an unlisted one is
	// there: a slot of many values stays linear.
	var listed map[string][]*val
	var out []*val
	for i, u := range reps {
		e := u.c.Value.Entity
		if e == nil || !strings.HasPrefix(u.spec, "unknown:") {
			continue
		}
		if listed == nil {
			listed = map[string][]*val{}
			seen := map[string]bool{}
			for _, l := range reps {
				if le := l.c.Value.Entity; le != nil && !strings.HasPrefix(l.spec, "unknown:") && !seen[l.spec] {
					seen[l.spec] = true // one value per place
					k := strings.ToLower(le.Name)
					listed[k] = append(listed[k], l)
				}
			}
		}
		for _, l := range listed[strings.ToLower(e.Name)] {
			if !subset(u.chain(), l.chain()) {
				continue
			}
			if out == nil {
				out = slices.Clone(reps)
			}
			out[i] = l
			break
		}
	}
	if out == nil {
		return reps
	}
	return out
}

// subset reports whether every id of a is in b.
func subset(a, b []string) bool {
	for _, id := range a {
		if !slices.Contains(b, id) {
			return false
		}
	}
	return true
}
