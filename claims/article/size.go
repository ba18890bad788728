package article

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeUnits are the multipliers ParseSize accepts; KB, MB and GB are
// binary (1 MB = 1,048,576 bytes), as in DefaultMaxSize.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
	"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
}

// ParseSize reads a size such as "64MB", "256 MiB", "1.5GB", "500k" or
// "1000" (bytes) for the --max-size flag. Units are binary and case does not
// matter.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.TrimSpace(t[i:])
	mul, ok := sizeUnits[unit]
	if num == "" || !ok {
		return 0, fmt.Errorf("size %q not understood; write a number with an optional unit, like 64MB, 512KB or 1GB", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || f*float64(mul) > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q not understood; write a positive number with an optional unit, like 64MB", s)
	}
	return int64(math.Ceil(f * float64(mul))), nil
}

// FormatSize writes a byte count for people: "900 B", "12 KB", "64 MB",
// "1.5 GB" (binary units, as ParseSize reads them).
func FormatSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return trimZero(float64(n)/(1<<10)) + " KB"
	case n < 1<<30:
		return trimZero(float64(n)/(1<<20)) + " MB"
	}
	return trimZero(float64(n)/(1<<30)) + " GB"
}

func trimZero(f float64) string {
	if f >= 10 {
		return strconv.FormatFloat(math.Round(f), 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// suggestSize proposes a --max-size for an input of n bytes: the next power
// of two at or above n, at least 1 MB.
func suggestSize(n int64) int64 {
	s := int64(1 << 20)
	for s < n && s < math.MaxInt64/2 {
		s <<= 1
	}
	return s
}

// flagSize writes a size the way it is typed after --max-size ("256MB").
func flagSize(n int64) string {
	return strings.ReplaceAll(FormatSize(n), " ", "")
}
