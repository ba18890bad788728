package scan

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/normalize"
)

func FuzzRaw(f *testing.F) {
	for _, s := range []string{"करीब चार से पांच घंटे", "59 km/h", "13/09/2023", "2019-20", "₹5 करोड़", "1,17,500", "-.5G"} {
		f.Add(s)
	}
	sc := Default()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		done := make(chan bool)
		go func() { sc.Scan(s); close(done) }()
		select {
		case <-done:
		case <-time.After(time.Second):
			t.Fatalf("hang on %q", s)
		}
	})
}

func FuzzNorm(f *testing.F) {
	for _, s := range []string{"करीब चार से पांच घंटे", "59 km/h", "13/09/2023", "2019-20", "₹5 करोड़", "1,17,500", "-.5G"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		normalize.String(s)
	})
}
