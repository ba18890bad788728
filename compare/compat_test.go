package compare

import (
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/value"
)

// TestPairs checks every compatibility rule with two articles, in both
// directions: what A says against B and B against A.
func TestPairs(t *testing.T) {
	tests := []struct {
		name     string
		slot     string
		a, b     value.Value
		ta, tb   string // text as written
		status   Status
		severity Severity
		note     string // a piece of the note
	}{
		// places
		{"one place in two spellings", "meeting.location", place("vostochny"), place("vostochny"),
			"वोस्तोचनी कॉस्मोड्रोम", "वोस्तोचन कॉस्मोड्रोम", Agree, Info, "2 sources agree"},
		{"place within region", "meeting.location", place("vostochny"), place("amur"),
			"वोस्तोचनी कॉस्मोड्रोम", "अमूर क्षेत्र", Compatible, Info, "Amur Oblast ⊃ Vostochny Cosmodrome"},
		{"place within country", "meeting.location", place("vostochny"), place("russia"),
			"Vostochny Cosmodrome", "Russia", Compatible, Info, "differ only in precision"},
		{"places in different countries", "meeting.location", place("vostochny"), place("beijing"),
			"वोस्तोचनी कॉस्मोड्रोम", "बीजिंग", Conflict, Major, "are different places ("},
		{"two cities of one state", "incident.location", place("mumbai"), place("pune"),
			"मुंबई", "पुणे", Conflict, Major, "different places (both in Maharashtra)"},
		{"unknown place same key", "meeting.location", place("Tsiolkovsky"), place("Tsiolkovsky"),
			"Tsiolkovsky", "Tsiolkovsky", Agree, Info, "agree"},
		{"unknown place against a known one", "meeting.location", place("Tsiolkovsky"), place("beijing"),
			"Tsiolkovsky", "Beijing", Conflict, Minor, "not in the gazetteer"},
		{"unknown place the text puts in a known one", "meeting.location", placeIn("Tsiolkovsky", "amur"), place("amur"),
			"Tsiolkovsky in Amur Oblast", "Amur Oblast", Compatible, Info, "Amur Oblast ⊃ Tsiolkovsky"},
		{"unknown place in a region against a place elsewhere", "meeting.location", placeIn("Tsiolkovsky", "amur"), place("beijing"),
			"Tsiolkovsky in Amur Oblast", "Beijing", Conflict, Major, "are different places ("},
		{"a river beside a town on it", "incident.location", place("godavari"), place("nashik"),
			"गोदावरी नदी में", "नासिक में", Compatible, Info, ""},
		{"two rivers", "incident.location", place("godavari"), place("krishna"),
			"गोदावरी नदी में", "कृष्णा नदी में", Conflict, Major, "are different places ("},
		{"an unlisted spelling of a listed place", "incident.location", placeIn("Nashik", "maharashtra"), place("nashik"),
			"नाशिक जिले में", "नासिक में", Agree, Info, "agree"},
		// durations
		{"4–5 h approx vs ~2 h", "meeting.duration", qty(approx(value.Range(4, 5, "h"))), qty(approx(value.Point(2, "h"))),
			"करीब चार से पांच घंटे", "लगभग दो घंटे", Conflict, Major, "do not overlap even with 10% tolerance"},
		{"about two hours vs 2 hours", "meeting.duration", qty(approx(value.Point(2, "h"))), qty(value.Point(2, "h")),
			"about two hours", "2 hours", Agree, Info, "agree"},
		{"90 minutes vs 1.5 h", "meeting.duration", qty(value.Point(90, "min")), qty(value.Point(1.5, "h")),
			"90 minutes", "डेढ़ घंटे", Agree, Info, "agree"},
		{"about 2 h vs 2 h 10 min", "meeting.duration", qty(approx(value.Point(2, "h"))), qty(value.Point(130, "min")),
			"करीब दो घंटे", "दो घंटे दस मिनट", Compatible, Info, "overlap with 10% tolerance"},
		{"4 h vs 4 h 10 min (rounded)", "meeting.duration", qty(value.Point(4, "h")), qty(value.Point(250, "min")),
			"four hours of talks", "four hours and ten minutes", Agree, Info, "agree"},
		{"2 h vs 2 h 40 min", "meeting.duration", qty(value.Point(2, "h")), qty(value.Point(160, "min")),
			"two hours", "two hours and forty minutes", Conflict, Major, "do not overlap"},
		// speeds
		{"at most 59 vs about 60 km/h", "train.speed", qty(bound(value.AtMost, 59, "km/h")), qty(approx(value.Point(60, "km/h"))),
			"59 किलोमीटर प्रति घंटा से ज्यादा तेज नहीं", "करीब 60 किमी/घंटा", Compatible, Info, "overlap"},
		{"at most 59 vs 80 km/h", "train.speed", qty(bound(value.AtMost, 59, "km/h")), qty(value.Point(80, "km/h")),
			"59 किलोमीटर प्रति घंटा से ज्यादा तेज नहीं", "80 km/h", Conflict, Major, "do not overlap"},
		{"118 vs 120 km/h", "train.speed", qty(value.Point(118, "km/h")), qty(value.Point(120, "km/h")),
			"118 किमी प्रति घंटा", "120 km/h", Conflict, Minor, "minor gap"},
		{"37 mph vs 60 km/h (converted and rounded)", "train.speed", qty(value.Point(37, "mph")), qty(value.Point(60, "km/h")),
			"37 mph", "60 km/h", Agree, Info, "agree"},
		{"37 mph vs 80 km/h", "train.speed", qty(value.Point(37, "mph")), qty(value.Point(80, "km/h")),
			"37 mph", "80 km/h", Conflict, Major, "do not overlap"},
		{"60 mph vs 96 km/h (converted and rounded)", "car.speed", qty(value.Point(60, "mph")), qty(value.Point(96, "km/h")),
			"60 mph", "96 किमी प्रति घंटा", Agree, Info, "agree"},
		{"60 mph vs 90 km/h", "car.speed", qty(value.Point(60, "mph")), qty(value.Point(90, "km/h")),
			"60 mph", "90 km/h", Conflict, Minor, "minor gap"},
		// distances
		{"5 km vs 3 miles", "march.distance", qty(value.Point(5, "km")), qty(value.Point(3, "mi")),
			"5 किलोमीटर", "3 miles", Agree, Info, "agree"},
		{"5 km vs 5000 m", "march.distance", qty(value.Point(5, "km")), qty(value.Point(5000, "m")),
			"5 km", "5000 m", Agree, Info, "agree"},
		{"127 mi vs 204 km", "border.distance", qty(approx(value.Point(127, "mi"))), qty(value.Point(204, "km")),
			"करीब 127 मील", "204 किलोमीटर", Agree, Info, "agree"},
		{"127 mi vs 127 km", "border.distance", qty(value.Point(127, "mi")), qty(value.Point(127, "km")),
			"127 miles", "127 km", Conflict, Major, "do not overlap"},
		// counts
		{"death toll 12 vs 30", "incident.dead", qty(value.Point(12, "")), qty(value.Point(30, "")),
			"12 लोगों की मौत", "30 people were killed", Conflict, Major, "do not overlap"},
		{"death toll 12 vs 13", "incident.dead", qty(value.Point(12, "")), qty(value.Point(13, "")),
			"12 लोगों की मौत", "13 dead", Conflict, Minor, "minor gap"},
		{"more than two dozen vs 30", "crowd.count", qty(bound(value.MoreThan, 24, "")), qty(value.Point(30, "")),
			"दो दर्जन से अधिक", "30", Compatible, Info, "overlap"},
		{"more than two dozen vs 20", "crowd.count", qty(bound(value.MoreThan, 24, "")), qty(value.Point(20, "")),
			"more than two dozen", "20", Conflict, Minor, "minor gap"},
		{"at least 100 vs about 40", "crowd.count", qty(bound(value.AtLeast, 100, "")), qty(approx(value.Point(40, ""))),
			"at least 100", "about 40", Conflict, Major, "do not overlap"},
		{"money in two currencies is not compared", "deal.money", qty(value.Point(100, "INR")), qty(value.Point(100, "USD")),
			"100 रुपये", "$100", Single, Info, "gives this"},
		// times
		{"Wednesday vs Wednesday", "meeting.day", weekday("Wednesday"), weekday("Wednesday"),
			"बुधवार", "Wednesday", Agree, Info, "agree"},
		{"Wednesday vs Thursday", "meeting.day", weekday("Wednesday"), weekday("Thursday"),
			"बुधवार", "गुरुवार", Conflict, Major, "different days"},
		{"2019 vs 2019", "previous_meeting.year", year(2019), year(2019),
			"2019 में", "in 2019", Agree, Info, "agree"},
		{"2019 vs 2018", "previous_meeting.year", year(2019), year(2018),
			"2019 में", "in 2018", Conflict, Major, "different years"},
		{"a date and its weekday", "meeting.date", date(2023, 9, 13), weekday("Wednesday"),
			"13 सितंबर 2023", "बुधवार", Compatible, Info, "fit together"},
		{"a date and another weekday", "meeting.date", date(2023, 9, 13), weekday("Friday"),
			"September 13, 2023", "Friday", Conflict, Major, "different dates"},
		{"a year and a full date", "meeting.date", year(2023), date(2023, 9, 13),
			"2023", "13 September 2023", Compatible, Info, "fit together"},
		{"the 2010s and 2015", "treaty.year", value.Value{Time: &value.Time{Year: 2010, Decade: true}}, year(2015),
			"2010 के दशक में", "2015", Compatible, Info, "fit together"},
	}
	for _, tt := range tests {
		for _, swap := range []bool{false, true} {
			a, b, ta, tb := tt.a, tt.b, tt.ta, tt.tb
			if swap {
				a, b, ta, tb = b, a, tb, ta
			}
			name := tt.name
			if swap {
				name += " (swapped)"
			}
			t.Run(name, func(t *testing.T) {
				r := Compare([]Document{
					docOf("a", cl("a", tt.slot, a, ta, 0)),
					docOf("b", cl("b", tt.slot, b, tb, 0)),
				}, DefaultOptions())
				f := findingFor(r, tt.slot)
				if f == nil {
					t.Fatalf("no finding for %s: %+v", tt.slot, r.Findings)
				}
				if f.Status != tt.status || f.Severity != tt.severity {
					t.Errorf("status %s/%s, want %s/%s; note: %s", f.Status, f.Severity, tt.status, tt.severity, f.Note)
				}
				if !strings.Contains(f.Note, tt.note) {
					t.Errorf("note %q does not say %q", f.Note, tt.note)
				}
				if tt.status == Conflict && len(f.Groups) != 2 {
					t.Errorf("conflict with %d groups, want 2: %v", len(f.Groups), groupSources(f))
				}
			})
		}
	}
}
