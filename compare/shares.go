package compare

import (
	"cmp"
	"slices"
	"strings"
)

// findShares fills Source.SharesTextWith from the fingerprints through an
// inverted index (hash → articles), so that the work grows with the shared
// hashes, not with the number of article pairs. Hashes found in more than
// Options.MaxShareDocs articles are boilerplate and skipped.
func (c *comparer) findShares() {
	index := map[uint64][]int32{}
	for i, d := range c.docs {
		d.shares = map[int]bool{}
		for _, h := range d.fp {
			index[h] = append(index[h], int32(i))
		}
	}
	type pair struct{ a, b int32 }
	common := map[pair]int{}
	for _, docs := range index {
		if len(docs) < 2 || len(docs) > c.opt.MaxShareDocs {
			continue
		}
		docs = slices.Compact(docs) // a fingerprint lists each hash once
		for x := 0; x < len(docs); x++ {
			for y := x + 1; y < len(docs); y++ {
				common[pair{docs[x], docs[y]}]++
			}
		}
	}
	for p, n := range common {
		a, b := c.docs[p.a], c.docs[p.b]
		fa := float64(n) / float64(len(a.fp))
		fb := float64(n) / float64(len(b.fp))
		if fa >= c.opt.ShareThreshold {
			a.src.SharesTextWith = append(a.src.SharesTextWith, Share{Source: b.src.ID, Fraction: round2(fa)})
		}
		if fb >= c.opt.ShareThreshold {
			b.src.SharesTextWith = append(b.src.SharesTextWith, Share{Source: a.src.ID, Fraction: round2(fb)})
		}
		if fa >= c.opt.ShareThreshold || fb >= c.opt.ShareThreshold {
			a.shares[int(p.b)] = true
			b.shares[int(p.a)] = true
		}
	}
	for _, d := range c.docs {
		slices.SortFunc(d.src.SharesTextWith, func(x, y Share) int {
			return cmp.Or(cmpFloat(y.Fraction, x.Fraction), strings.Compare(x.Source, y.Source))
		})
	}
}

// independent counts the sources among ids that do not share text with each
// other: each connected part of the share graph inside ids counts once.
func (c *comparer) independent(ids []string) int {
	members := map[int]int{} // doc → position in ids
	for i, id := range ids {
		if d, ok := c.index[id]; ok {
			members[d] = i
		}
	}
	parent := make([]int, len(ids))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	n := len(ids)
	for d, i := range members {
		for o := range c.docs[d].shares {
			j, ok := members[o]
			if !ok {
				continue
			}
			if ri, rj := find(i), find(j); ri != rj {
				parent[ri] = rj
				n--
			}
		}
	}
	return n
}
