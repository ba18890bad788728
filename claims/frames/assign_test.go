package frames_test

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/factdiff/factdiff/claims/frames"
)

// assignInputs returns pre-scanned inputs of the bundled test articles and
// of a few mixed sentences.
func assignInputs(t testing.TB, p *prescanner) []*frames.Input {
	t.Helper()
	var ins []*frames.Input
	files, _ := filepath.Glob("../../testdata/summit/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, p.input(string(b)))
	}
	for _, s := range assignSeeds {
		ins = append(ins, p.input(s))
	}
	return ins
}

var assignSeeds = []string{
	"Headline\nशुक्रवार को टोक्यो में बैठक हुई। बैठक 3 घंटे चली। इससे पहले 2019 में दोनों नेता क्योटो में मिले थे।",
	"Headline\nPutin met Kim in Vladivostok on Monday, officials said. \"We agreed on many things today,\" Putin said.",
	"Headline\nसितंबर 2022 में समझौता हुआ। ट्रेन 160 किमी/घंटा की रफ्तार से चली।\nहादसे में 14 लोगों की मौत हो गई और 20 घायल हुए। इसी जगह 2015 में भी हादसा हुआ था।",
	"",
}

// TestAssignKeepsNoState checks that Assign, which reuses buffers between
// calls, gives the same result whatever ran before it and on any goroutine.
func TestAssignKeepsNoState(t *testing.T) {
	a := newAssigner(t)
	ins := assignInputs(t, newPrescanner(t))
	want := make([][]frames.Assignment, len(ins))
	for i, in := range ins {
		want[i] = a.Assign(in)
	}
	for i := len(ins) - 1; i >= 0; i-- {
		if got := a.Assign(ins[i]); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("input %d: second run differs\n got %+v\nwant %+v", i, got, want[i])
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 5; r++ {
				for i := range ins {
					k := (i + g + r) % len(ins)
					if got := a.Assign(ins[k]); !reflect.DeepEqual(got, want[k]) {
						t.Errorf("goroutine %d: input %d differs", g, k)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzAssign checks that Assign does not fail on any text and that a call in
// between does not change its result.
func FuzzAssign(f *testing.F) {
	for _, s := range assignSeeds {
		f.Add(s)
	}
	f.Add("Headline\n\xff\xe0\xa4 \"unterminated quote, said Putin")
	a := newAssigner(f)
	p := newPrescanner(f)
	other := p.input(assignSeeds[2])
	f.Fuzz(func(t *testing.T, s string) {
		in := p.input(s)
		first := a.Assign(in)
		a.Assign(other)
		if again := a.Assign(in); !reflect.DeepEqual(first, again) {
			t.Fatalf("%q: results differ between runs\n got %+v\nwant %+v", s, again, first)
		}
	})
}
