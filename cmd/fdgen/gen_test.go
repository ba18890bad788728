package main

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func testGenerator(t *testing.T) *generator {
	t.Helper()
	g, err := newGenerator([]string{"../../testdata/summit", "../../testdata/dev"}, 7500)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDeterministic(t *testing.T) {
	g := testGenerator(t)
	for i := range 20 {
		n1, t1 := g.article(1, i)
		n2, t2 := g.article(1, i)
		if n1 != n2 || t1 != t2 {
			t.Fatalf("article %d differs between runs", i)
		}
	}
	_, a := g.article(1, 0)
	_, b := g.article(2, 0)
	if a == b {
		t.Error("seeds 1 and 2 give the same article 0")
	}
}

func TestSize(t *testing.T) {
	g := testGenerator(t)
	total := 0
	const n = 400
	for i := range n {
		_, text := g.article(1, i)
		total += len(text)
	}
	if avg := total / n; avg < 6500 || avg > 8500 {
		t.Errorf("average article size %d bytes, want about 7500", avg)
	}
}

func TestVaryNumbers(t *testing.T) {
	g := testGenerator(t)
	rng := rand.New(rand.NewPCG(1, 1))
	tests := []struct {
		in   string
		keep bool // the number must stay as it is
	}{
		{"सुबह 6:10 बजे", true},
		{"helpline 0177", true},
		{"G20 summit", true},
		{"करीब 514 किलोमीटर", false},
		{"More than 5,000 members", false},
		{"२८५ किलोमीटर", false},
	}
	for _, tc := range tests {
		changed := false
		for range 10 {
			out := g.varyNumbers(rng, tc.in)
			if out != tc.in {
				changed = true
			}
			if tc.keep && out != tc.in {
				t.Errorf("%q → %q, want it unchanged", tc.in, out)
			}
			if strings.Contains(tc.in, "२") && strings.ContainsAny(out, "0123456789") {
				t.Errorf("%q → %q lost its Devanagari digits", tc.in, out)
			}
		}
		if !tc.keep && !changed {
			t.Errorf("%q never changed", tc.in)
		}
	}
}

func TestVaryNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		y := varyNumber(rng, "2023")
		if y < "2018" || y > "2026" {
			t.Fatalf("year 2023 → %s", y)
		}
		if c := varyNumber(rng, "5,000"); !strings.Contains(c, ",") || strings.Trim(c[strings.IndexByte(c, ',')+1:], "0") != "" {
			t.Fatalf("5,000 → %s, want a round number with a comma", c)
		}
	}
	if got := group("1234567.5"); got != "1,234,567.5" {
		t.Errorf("group = %s", got)
	}
}

func TestNumberWordsWholeWords(t *testing.T) {
	g := testGenerator(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		if out := g.varyNumbers(rng, "दोनों नौकरी दसवां"); out != "दोनों नौकरी दसवां" {
			t.Fatalf("words containing number words changed: %q", out)
		}
	}
}
