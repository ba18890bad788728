package compare

import "slices"

// maxPartners caps the share-graph edges kept per article (its strongest),
// which is plenty to connect copies of one wire story however many there are.
const maxPartners = 64

// findShares fills Source.SharesTextWith from the fingerprints. An inverted
// index (hash → articles) gives, for each article, the count of hashes it
// shares with every other article in one pass over its own hashes' lists, in
// a dense counter; so the work grows with the shared hashes, not with the
// number of article pairs. Hashes found in more than Options.MaxShareDocs
// articles are boilerplate and skipped. Each article lists at most
// Options.MaxSharesListed partners, the ones that hold most of its text.
func (c *comparer) findShares() {
	n := len(c.docs)
	index := map[uint64][]int32{}
	for i, d := range c.docs {
		for _, h := range d.fp {
			index[h] = append(index[h], int32(i))
		}
	}
	counts := make([]int32, n)
	var touched []int32
	type partner struct {
		doc      int32
		strength float64
	}
	for a, d := range c.docs {
		if len(d.fp) == 0 {
			continue
		}
		touched = touched[:0]
		for _, h := range d.fp {
			docs := index[h]
			if len(docs) < 2 || len(docs) > c.opt.MaxShareDocs {
				continue
			}
			for _, b := range docs {
				if int(b) == a {
					continue
				}
				if counts[b] == 0 {
					touched = append(touched, b)
				}
				counts[b]++
			}
		}
		// Partners by shared hashes, most first, then by id (docs are in id
		// order); the counts share a denominator, so this is also the order
		// of the fractions of this article's text.
		slices.SortFunc(touched, func(x, y int32) int {
			if counts[x] != counts[y] {
				return int(counts[y] - counts[x])
			}
			return int(x - y)
		})
		var partners []partner
		for _, b := range touched {
			k := float64(counts[b])
			fa := k / float64(len(d.fp))
			fb := k / float64(len(c.docs[b].fp))
			if fa >= c.opt.ShareThreshold && len(d.src.SharesTextWith) < c.opt.MaxSharesListed {
				d.src.SharesTextWith = append(d.src.SharesTextWith, Share{Source: c.docs[b].src.ID, Fraction: round2(fa)})
			}
			if fa >= c.opt.ShareThreshold || fb >= c.opt.ShareThreshold {
				partners = append(partners, partner{b, max(fa, fb)})
			}
		}
		for _, b := range touched {
			counts[b] = 0
		}
		if len(partners) > maxPartners {
			slices.SortFunc(partners, func(x, y partner) int {
				if x.strength != y.strength {
					return cmpFloat(y.strength, x.strength)
				}
				return int(x.doc - y.doc)
			})
			partners = partners[:maxPartners]
		}
		for _, p := range partners {
			d.partners = append(d.partners, p.doc)
		}
	}
	c.pos = make([]int32, n)
	for i := range c.pos {
		c.pos[i] = -1
	}
}

// independent counts the sources among ids that do not share text with each
// other: each connected part of the share graph inside ids counts once.
func (c *comparer) independent(ids []string) int {
	if len(c.pos) != len(c.docs) { // shares not computed
		return len(ids)
	}
	members := make([]int, 0, len(ids))
	for i, id := range ids {
		if d, ok := c.index[id]; ok {
			c.pos[d] = int32(i)
			members = append(members, d)
		}
	}
	defer func() {
		for _, d := range members {
			c.pos[d] = -1
		}
	}()
	parent := make([]int32, len(ids))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	n := len(ids)
	for _, d := range members {
		i := c.pos[d]
		for _, o := range c.docs[d].partners {
			j := c.pos[o]
			if j < 0 {
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
