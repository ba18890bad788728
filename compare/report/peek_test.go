package report

import (
	"os"
	"testing"
)

func TestPeek(t *testing.T) {
	f := os.Getenv("PEEK")
	if f == "" {
		t.Skip()
	}
	w := 100
	if os.Getenv("W") != "" {
		w = 60
	}
	if err := Render(os.Stdout, sampleReport(), Options{Format: f, Width: w, Color: os.Getenv("C") != ""}); err != nil {
		t.Fatal(err)
	}
}
