package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
)

// synthetic builds n articles about a handful of occurrences: places drawn
// from the test gazetteer, weekdays, durations, death tolls, years, quotes,
// and fingerprints where groups of articles copy one wire story.
func synthetic(n int) []Document {
	rng := rand.New(rand.NewPCG(7, 11))
	places := []string{"vostochny", "vostochny", "vostochny", "amur", "russia", "beijing", "vladivostok"}
	days := []string{"Wednesday", "Wednesday", "Wednesday", "Tuesday", "Thursday"}
	words := []string{"पुल", "समय", "पर", "पूरा", "करेंगे", "नहीं", "हम", "इस", "किराया", "बढ़ेगा", "जांच", "होगी"}
	docs := make([]Document, n)
	for i := range docs {
		id := fmt.Sprintf("doc%05d", i)
		var cs []claims.Claim
		add := func(slot string, v value.Value, text string) {
			cs = append(cs, cl(id, slot, v, text, len(cs)*100))
		}
		add("meeting.location", place(places[rng.IntN(len(places))]), "स्थान")
		add("meeting.day", weekday(days[rng.IntN(len(days))]), "दिन")
		h := float64(2 + rng.IntN(4))
		add("meeting.duration", qty(approx(value.Point(h, "h"))), "घंटे")
		add("incident.dead", qty(value.Point(float64(10+rng.IntN(40)), "")), "मौत")
		add("incident.injured", qty(bound(value.MoreThan, float64(10*rng.IntN(20)), "")), "घायल")
		add("train.speed", qty(value.Point(float64(50+rng.IntN(80)), "km/h")), "रफ्तार")
		prev := cl(id, "previous_meeting.year", year(2015+rng.IntN(5)), "साल", len(cs)*100)
		prev.Earlier = true
		cs = append(cs, prev)
		add("meeting.year", year(2020+rng.IntN(4)), "साल")
		q := slices.Clone(words[:6+rng.IntN(6)])
		if rng.IntN(4) == 0 {
			q[rng.IntN(len(q))] = "कभी"
		}
		text := ""
		for j, w := range q {
			if j > 0 {
				text += " "
			}
			text += w
		}
		add("speech.quote", quote(fmt.Sprintf("Speaker %d", rng.IntN(30)), text), text)
		wire := uint64(i / 20)
		fp := make([]uint64, 0, 60)
		for k := range uint64(30) {
			fp = append(fp, (wire*1000+k)*4)
		}
		for k := range uint64(30) {
			fp = append(fp, (uint64(i)*1000+k)*4+1<<40)
		}
		slices.Sort(fp)
		docs[i] = Document{Source: Source{ID: id, Path: id + ".txt", Published: "2023-09-14"}, Claims: cs, Fingerprint: fp}
	}
	return docs
}

func BenchmarkCompare10k(b *testing.B) {
	docs := synthetic(10000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Compare(docs, DefaultOptions())
	}
}

// TestScale checks that 10,000 articles compare in seconds.
func TestScale(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	docs := synthetic(10000)
	start := time.Now()
	r := Compare(docs, DefaultOptions())
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("10,000 articles took %v", d)
	}
	if len(r.Sources) != 10000 || len(r.Findings) == 0 {
		t.Errorf("%d sources, %d findings", len(r.Sources), len(r.Findings))
	}
	shares := 0
	for _, s := range r.Sources {
		shares += len(s.SharesTextWith)
	}
	if shares != 10000*19 {
		t.Errorf("%d shares, want %d (groups of 20 copies)", shares, 10000*19)
	}
}
