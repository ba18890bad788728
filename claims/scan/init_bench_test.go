package scan

import "testing"

// BenchmarkNew measures building a scanner from the embedded lexicons.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
