package article

import "testing"

func TestParseSize(t *testing.T) {
	tests := map[string]int64{
		"64MB": 64 << 20, "256 MiB": 256 << 20, "1.5GB": 3 << 29, "500k": 500 << 10,
		"1000": 1000, "2kb": 2048, "1G": 1 << 30, " 10 mb ": 10 << 20, "100b": 100,
	}
	for in, want := range tests {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "MB", "-5MB", "0", "64 TB", "lots", "1e3", "9999999999GB"} {
		if got, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := map[int64]string{
		0: "0 B", 1000: "1000 B", 1024: "1 KB", 3000: "2.9 KB", 64 << 20: "64 MB",
		200 << 20: "200 MB", 3 << 29: "1.5 GB", 12345678: "12 MB",
	}
	for in, want := range tests {
		if got := FormatSize(in); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", in, got, want)
		}
	}
	if got := tooLarge("big.txt", 200<<20, DefaultMaxSize).Error(); got != "big.txt: skipped: is 200 MB, larger than --max-size 64 MB; raise it with --max-size 256MB" {
		t.Errorf("tooLarge: %q", got)
	}
}
