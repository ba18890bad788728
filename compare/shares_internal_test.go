package compare

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSmallestK checks the bounded-heap selection against a full sort on
// random inputs with many ties broken by a second key.
func TestSmallestK(t *testing.T) {
	type item struct{ key, id int }
	order := func(a, b item) int {
		if c := cmp.Compare(b.key, a.key); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	}
	rng := rand.New(rand.NewPCG(7, 9))
	for round := 0; round < 500; round++ {
		n, k := rng.IntN(200), rng.IntN(70)
		s := make([]item, n)
		for i := range s {
			s[i] = item{key: rng.IntN(10), id: i}
		}
		want := slices.Clone(s)
		slices.SortFunc(want, order)
		want = want[:min(k, n)]
		got := smallestK(slices.Clone(s), k, order)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d k=%d: got %v, want %v", n, k, got, want)
		}
	}
}
