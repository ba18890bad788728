package scan

import (
	"strconv"
	"strings"
	"time"

	"github.com/factdiff/factdiff/claims/value"
)

// Resolve turns a time mention into an absolute time against the article's
// publication date, when published is not zero:
//
//   - a relative mention ("4 साल पहले", "पिछले साल", "yesterday") becomes the
//     date, month or year it names, as precise as its unit: days and weeks
//     give a full date, months a month, years and decades a year;
//   - a weekday becomes the most recent such day on or before publication
//     (news reports what has happened: "बुधवार को" in a Thursday paper is the
//     day before);
//   - a date without a year takes the publication year, or the year before
//     when that would put it more than six months after publication.
//
// Ambiguous relatives (कल, परसों), fractional offsets and every other
// mention come back unchanged, as does everything when published is zero.
func (s *Scanner) Resolve(m Mention, published time.Time) value.Time {
	if m.Value.Time == nil {
		return value.Time{}
	}
	t := *m.Value.Time
	if published.IsZero() {
		return t
	}
	pub := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case t.Relative != "" && !t.Ambiguous:
		n, unit, ok := parseRelative(t.Relative)
		if !ok {
			return t
		}
		var d time.Time
		switch unit {
		case "day":
			d = pub.AddDate(0, 0, n)
		case "week":
			d = pub.AddDate(0, 0, 7*n)
		case "month":
			d = pub.AddDate(0, n, 0)
			return value.Time{Year: d.Year(), Month: int(d.Month())}
		case "year":
			return value.Time{Year: pub.Year() + n}
		case "decade":
			return value.Time{Year: pub.Year() + 10*n}
		case "h", "min", "s":
			return dateOf(pub)
		default:
			return t
		}
		return dateOf(d)
	case t.Weekday != "" && t.Day == 0 && t.Month == 0 && t.Year == 0:
		want := -1
		for i, name := range weekdayNames {
			if name == t.Weekday {
				want = i % 7 // Sunday is 7 in the table, 0 in package time
			}
		}
		if want < 0 {
			return t
		}
		back := (int(pub.Weekday()) - want + 7) % 7
		return dateOf(pub.AddDate(0, 0, -back))
	case t.Day != 0 && t.Month != 0 && t.Year == 0:
		y := pub.Year()
		d := time.Date(y, time.Month(t.Month), t.Day, 0, 0, 0, 0, time.UTC)
		if d.After(pub.AddDate(0, 6, 0)) {
			y--
		}
		t.Year = y
		return t
	}
	return t
}

func dateOf(d time.Time) value.Time {
	return value.Time{Year: d.Year(), Month: int(d.Month()), Day: d.Day(), Weekday: d.Weekday().String()}
}

// parseRelative reads "-4 year" into -4 and "year"; fractional amounts are
// not resolved.
func parseRelative(r string) (int, string, bool) {
	num, unit, ok := strings.Cut(r, " ")
	if !ok {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(num, "+"))
	if err != nil {
		return 0, "", false
	}
	return n, unit, true
}
