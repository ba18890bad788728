package compare

import (
	"math"
	"testing"
	"time"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
)

// TestKeyOfMatchesPrepare holds keyOf, the grouping shortcut, to prepare:
// the same family, sub-key and acceptance for every claim.
func TestKeyOfMatchesPrepare(t *testing.T) {
	var cs []claims.Claim
	for _, d := range synthetic(200) {
		cs = append(cs, d.Claims...)
	}
	f := func(x float64) *float64 { return &x }
	extra := []value.Value{
		qty(&value.Quantity{Bound: value.AtMost}),
		qty(&value.Quantity{Bound: value.MoreThan}),
		qty(&value.Quantity{}),
		qty(&value.Quantity{Min: f(math.Inf(1)), Max: f(math.Inf(1))}),
		qty(&value.Quantity{Min: f(5), Unit: "INR"}),
		qty(&value.Quantity{Min: f(5), Max: f(7), Unit: "km"}),
		qty(&value.Quantity{Min: f(3), Unit: "no-such-unit"}),
		{Ordinal: &value.Ordinal{Ordinal: 3}},
		{},
	}
	for _, v := range extra {
		cs = append(cs, cl("x", "a.b", v, "t", 0))
	}
	bare := cl("x", "a.b", value.Value{}, "t", 0)
	bare.Display = ""
	cs = append(cs, bare)
	opt := DefaultOptions()
	pub := time.Date(2023, 9, 14, 0, 0, 0, 0, time.UTC)
	accepted := 0
	for i := range cs {
		c := &cs[i]
		fam, sub, ok := keyOf(c)
		v, pok := prepare(c, 0, pub, &opt)
		if ok != pok {
			t.Fatalf("claim %d (%+v): keyOf ok %v, prepare ok %v", i, c.Value, ok, pok)
		}
		if !ok {
			continue
		}
		accepted++
		if fam != v.fam || sub != v.sub {
			t.Errorf("claim %d (%+v): keyOf (%d, %q), prepare (%d, %q)", i, c.Value, fam, sub, v.fam, v.sub)
		}
	}
	if accepted < 200*8 {
		t.Errorf("only %d claims accepted", accepted)
	}
}
