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
	index := newShingleIndex(c.docs)
	fpLen := make([]float64, n)
	for i, d := range c.docs {
		fpLen[i] = float64(len(d.fp))
	}
	// Each article's partners depend on the index alone, so articles are
	// read in parallel, each worker with a dense counter of its own.
	parallel(n, c.opt.Jobs, func() func(int) {
		s := shareScratch{counts: make([]int32, n)}
		return func(a int) { c.sharesOf(a, index, fpLen, &s) }
	})
	c.pos = make([]int32, n)
	for i := range c.pos {
		c.pos[i] = -1
	}
}

// shareScratch is one worker's scratch for sharesOf.
type shareScratch struct {
	counts          []int32 // doc → shared hashes with the current article
	touched, listed []int32
	partners        []partner
}

// partner is an article that shares text with another, and how much: the
// larger of the two shares of text.
type partner struct {
	doc      int32
	strength float64
}

// sharesOf fills the SharesTextWith and partners of article a.
func (c *comparer) sharesOf(a int, index *shingleIndex, fpLen []float64, s *shareScratch) {
	d := c.docs[a]
	if len(d.fp) == 0 {
		return
	}
	counts := s.counts
	touched := s.touched[:0]
	// a is not its own partner: a count this negative never reaches 0
	// again (it would take 2^30 shared hashes), so a never enters
	// touched; it is reset below.
	counts[a] = -1 << 30
	for _, h := range index.hashesOf(a) {
		docs := index.docsWith(h)
		if len(docs) < 2 || len(docs) > c.opt.MaxShareDocs {
			continue
		}
		for _, b := range docs {
			if counts[b] == 0 {
				touched = append(touched, b)
			}
			counts[b]++
		}
	}
	counts[a] = 0
	// Only partners that hold enough of either text matter; the list
	// names the ones that hold most of this article's text, the
	// share graph keeps the strongest either way.
	listed := s.listed[:0]
	partners := s.partners[:0]
	for _, b := range touched {
		k := float64(counts[b])
		fa := k / float64(len(d.fp))
		fb := k / fpLen[b]
		if fa >= c.opt.ShareThreshold {
			listed = append(listed, b)
		}
		if fa >= c.opt.ShareThreshold || fb >= c.opt.ShareThreshold {
			partners = append(partners, partner{b, max(fa, fb)})
		}
	}
	// Most shared hashes first, then by id (docs are in id order); the
	// counts share a denominator, so this is also the order of the
	// fractions of this article's text.
	for _, b := range smallestK(listed, c.opt.MaxSharesListed, func(x, y int32) int {
		if counts[x] != counts[y] {
			return int(counts[y] - counts[x])
		}
		return int(x - y)
	}) {
		d.src.SharesTextWith = append(d.src.SharesTextWith, Share{Source: c.docs[b].src.ID, Fraction: round2(float64(counts[b]) / float64(len(d.fp)))})
	}
	for _, b := range touched {
		counts[b] = 0
	}
	partners = smallestK(partners, maxPartners, func(x, y partner) int {
		if x.strength != y.strength {
			return cmpFloat(y.strength, x.strength)
		}
		return int(x.doc - y.doc)
	})
	for _, p := range partners {
		d.partners = append(d.partners, p.doc)
	}
	s.touched, s.listed, s.partners = touched, listed, partners
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

// shingleIndex is an inverted index from fingerprint hashes to the articles
// that contain them, in compressed sparse rows: every distinct hash gets a
// dense id, and the articles of id h are docs[start[h]:start[h+1]], in
// article order. Building it takes two passes and three flat arrays instead
// of one growing list per hash.
type shingleIndex struct {
	ids   []int32 // the hash ids of every article's fingerprint, concatenated
	first []int32 // article a's ids are ids[first[a]:first[a+1]]
	start []int32
	docs  []int32
}

func newShingleIndex(docs []*doc) *shingleIndex {
	total := 0
	for _, d := range docs {
		total += len(d.fp)
	}
	x := &shingleIndex{ids: make([]int32, 0, total), first: make([]int32, len(docs)+1)}
	idOf := make(map[uint64]int32, total/2)
	for a, d := range docs {
		x.first[a] = int32(len(x.ids))
		for _, h := range d.fp {
			id, ok := idOf[h]
			if !ok {
				id = int32(len(idOf))
				idOf[h] = id
			}
			x.ids = append(x.ids, id)
		}
	}
	x.first[len(docs)] = int32(len(x.ids))
	x.start = make([]int32, len(idOf)+1)
	for _, id := range x.ids {
		x.start[id+1]++
	}
	for i := 1; i < len(x.start); i++ {
		x.start[i] += x.start[i-1]
	}
	x.docs = make([]int32, len(x.ids))
	fill := slices.Clone(x.start[:len(idOf)])
	for a := range docs {
		for _, id := range x.ids[x.first[a]:x.first[a+1]] {
			x.docs[fill[id]] = int32(a)
			fill[id]++
		}
	}
	return x
}

// hashesOf returns the hash ids of article a's fingerprint.
func (x *shingleIndex) hashesOf(a int) []int32 { return x.ids[x.first[a]:x.first[a+1]] }

// docsWith returns the articles whose fingerprint holds hash id h.
func (x *shingleIndex) docsWith(h int32) []int32 { return x.docs[x.start[h]:x.start[h+1]] }

// smallestK reorders s so that its k least elements by cmp come first, in
// order, and returns them (all of s, sorted, when it has no more than k). It
// keeps a bounded heap instead of sorting everything; cmp must be a total
// order for the result to be the one a full sort would give.
func smallestK[T any](s []T, k int, cmp func(a, b T) int) []T {
	if k <= 0 {
		return s[:0]
	}
	if len(s) <= k {
		slices.SortFunc(s, cmp)
		return s
	}
	h := s[:k] // a max-heap: the worst kept element on top
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < k && cmp(h[l], h[m]) > 0 {
				m = l
			}
			if r := l + 1; r < k && cmp(h[r], h[m]) > 0 {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range s[k:] {
		if cmp(x, h[0]) < 0 {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}
