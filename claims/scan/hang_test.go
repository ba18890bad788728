package scan

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

func TestLongRandom(t *testing.T) {
	for _, size := range []int{1000, 100000, 200000, 400000, 800000} {
		r := rand.New(rand.NewSource(2))
		atoms := []string{"4", "-", "5", "से", "तक", "घंटे", "and", "a", "half", "hour", "साल", "2019", ",", ".", "/", "के", "की", "1,000", "1,00,000,00",
			"one", "hundred", "dozen", "of", "सवा", "सौ", "लाख", " ", "km", "point", "minus", "between", "13", "सितंबर", "ago", "₹", "%", "ज्यादा", "नहीं", "'", "s"}
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(atoms[r.Intn(len(atoms))])
			if r.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		start := time.Now()
		Default().Scan(b.String())
		t.Logf("%d bytes in %v", b.Len(), time.Since(start))
	}
}
