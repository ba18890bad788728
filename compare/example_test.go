package compare_test

import (
	"fmt"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
)

func Example() {
	speed := func(src string, q *value.Quantity, text string) compare.Document {
		return compare.Document{
			Source: compare.Source{ID: src},
			Claims: []claims.Claim{{Source: src, Slot: "train.speed", Type: value.TypeSpeed,
				Value: value.Value{Quantity: q}, Display: q.Display(), Text: text, Confidence: 0.9}},
		}
	}
	atMost := &value.Quantity{Min: value.F(0), Max: value.F(59), Unit: "km/h", Bound: value.AtMost}
	about := &value.Quantity{Min: value.F(60), Max: value.F(60), Unit: "km/h", Approx: true, Bound: value.Exact}
	r := compare.Compare([]compare.Document{
		speed("bbc", atMost, "59 किलोमीटर प्रति घंटा से ज्यादा तेज नहीं"),
		speed("wire", about, "about 60 km/h"),
		speed("blog", value.Point(80, "km/h"), "80 km/h"),
	}, compare.DefaultOptions())
	for _, f := range r.Findings {
		fmt.Println(f.Label+":", f.Status, f.Severity)
		for _, g := range f.Groups {
			fmt.Println(" ", g.Display, g.Variants, g.Sources)
		}
		fmt.Println(" ", f.Note)
	}
	// Output:
	// Train speed: conflict major
	//   ≤ 59 km/h [~60 km/h] [bbc wire]
	//   80 km/h [] [blog]
	//   ≤ 59 km/h (bbc and wire) and 80 km/h (blog) do not overlap even with 10% tolerance.
}

func ExampleLabel() {
	fmt.Println(compare.Label("meeting.location"))
	fmt.Println(compare.Label("incident.dead"))
	fmt.Println(compare.Label("previous_meeting.year"))
	// Output:
	// Meeting location
	// Death toll
	// Previous meeting year
}
