package report

import (
	"strings"

	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
)

// ev builds evidence whose span is the first occurrence of text in sentence.
func ev(src, sentence, text string, line, col int) compare.Evidence {
	a := strings.Index(sentence, text)
	if a < 0 {
		panic("span " + text + " not in " + sentence)
	}
	return compare.Evidence{
		Source: src, Text: text, Sentence: sentence,
		SpanStart: a, SpanEnd: a + len(text),
		Line: line, Col: col, Confidence: 0.9,
	}
}

func place(name string, within ...string) value.Value {
	return value.Value{Entity: &value.Entity{Name: name, ID: strings.ToLower(strings.ReplaceAll(name, " ", "_")), Within: within}}
}

func weekday(d string) value.Value { return value.Value{Time: &value.Time{Weekday: d}} }

func approx(q *value.Quantity) *value.Quantity { q.Approx = true; return q }

// sampleReport is a comparison of five invented articles about one summit,
// in Hindi, English and mixed Hindi-English, with every kind of finding.
func sampleReport() *compare.Report {
	const (
		dainikLoc  = "दोनों नेताओं की मुलाकात अमूर क्षेत्र के वोस्तोचनी अंतरिक्ष केंद्र में हुई।"
		wireLoc    = "The two leaders met at the Vostochny space centre in the Amur region, according to Reuters."
		eveningLoc = "दोनों नेताओं के बीच बैठक व्लादिवोस्तोक में हुई थी, जहां व्यापार पर बात हुई।"
		dainikDur  = "बंद कमरे में बातचीत करीब चार से पांच घंटे तक चली।"
		mixedDur   = "Officials ने बताया कि meeting लगभग दो घंटे चली और फिर lunch हुआ।"
	)
	wireArr := ev("wire_en", "The visiting leader arrived on Wednesday morning by armoured train.", "Wednesday", 3, 1)
	wireArr.Attribution = "Reuters"
	wireLocEv := ev("wire_en", wireLoc, "Vostochny space centre", 2, 1)
	wireLocEv.Attribution = "Reuters"
	eveningArr := ev("evening", "मेहमान नेता भी यहीं पहुंचे।", "यहीं", 4, 1)
	eveningArr.Inferred = "the place named before: अमूर क्षेत्र"
	prevYear := ev("wire_en", "It is the second such meeting since 2019, officials said.", "2019", 6, 25)
	prevYear.Confidence = 0.4
	expectedDay := ev("mixed", "अगली बैठक शुक्रवार को हो सकती है।", "शुक्रवार", 7, 1)
	expectedDay.Expected = true

	return &compare.Report{
		Sources: []compare.Source{
			{ID: "dainik", Path: "articles/dainik.txt", Title: "अंतरिक्ष केंद्र में दोनों नेताओं की मुलाकात", Claims: 9,
				Published: "2026-09-13", Event: 0},
			{ID: "samachar", Path: "articles/samachar.txt", Title: "अंतरिक्ष केंद्र में हुई शिखर वार्ता", Claims: 7, Event: 0,
				SharesTextWith: []compare.Share{{Source: "dainik", Fraction: 0.72}}},
			{ID: "wire_en", Path: "articles/wire_en.txt", Title: "Leaders meet at remote space centre", Claims: 8, Event: 0,
				URL: "https://example.org/world/summit-space-centre"},
			{ID: "mixed", Path: "articles/mixed.txt", Title: "Summit: लंबी बातचीत, कई समझौते", Claims: 5, Event: 0},
			{ID: "evening", Path: "articles/evening.txt", Title: "व्लादिवोस्तोक बैठक की यादें", Claims: 4, Event: 1},
		},
		Events: []compare.Event{
			{Sources: []string{"dainik", "samachar", "wire_en", "mixed"}, Note: "the summit at the space centre"},
			{Sources: []string{"evening"}, Note: "recalls an earlier meeting in Vladivostok"},
		},
		Findings: []compare.Finding{
			{
				Slot: "meeting.location", Label: "Where the meeting took place", Type: value.TypePlace,
				Status: compare.Conflict, Severity: compare.Major, DifferentEvent: true,
				Note: "Vladivostok is not within Amur Oblast",
				Groups: []compare.Group{
					{Display: "Vostochny Cosmodrome", Value: place("Vostochny Cosmodrome", "Amur Oblast", "Russia"),
						Sources: []string{"dainik", "samachar", "wire_en"}, Independent: 2, Variants: []string{"Amur Oblast"},
						Evidence: []compare.Evidence{
							ev("dainik", dainikLoc, "वोस्तोचनी अंतरिक्ष केंद्र", 3, 1),
							ev("samachar", dainikLoc, "वोस्तोचनी अंतरिक्ष केंद्र", 2, 1),
							wireLocEv,
						}},
					{Display: "Vladivostok", Value: place("Vladivostok", "Primorsky Krai", "Russia"),
						Sources: []string{"evening"}, Independent: 1,
						Evidence: []compare.Evidence{ev("evening", eveningLoc, "व्लादिवोस्तोक", 2, 1)}},
				},
			},
			{
				Slot: "meeting.duration", Label: "How long the meeting lasted", Type: value.TypeDuration,
				Status: compare.Conflict, Severity: compare.Major,
				Note: "4–5 h and ~2 h do not overlap",
				Groups: []compare.Group{
					{Display: "~4–5 h", Value: value.Value{Quantity: approx(value.Range(4, 5, "h"))},
						Sources: []string{"dainik", "samachar"}, Independent: 1,
						Evidence: []compare.Evidence{
							ev("dainik", dainikDur, "करीब चार से पांच घंटे", 5, 1),
							ev("samachar", dainikDur, "करीब चार से पांच घंटे", 4, 1),
						}},
					{Display: "~2 h", Value: value.Value{Quantity: approx(value.Point(2, "h"))},
						Sources: []string{"mixed"}, Independent: 1,
						Evidence: []compare.Evidence{ev("mixed", mixedDur, "लगभग दो घंटे", 3, 1)}},
				},
			},
			{
				Slot: "arrival.day", Label: "Day of arrival", Type: value.TypeWeekday,
				Status: compare.Conflict, Severity: compare.Minor,
				Groups: []compare.Group{
					{Display: "Tuesday", Value: weekday("Tuesday"), Sources: []string{"dainik"}, Independent: 1,
						Evidence: []compare.Evidence{ev("dainik", "मेहमान नेता मंगलवार रात ट्रेन से पहुंचे।", "मंगलवार", 4, 1)}},
					{Display: "Wednesday", Value: weekday("Wednesday"), Sources: []string{"wire_en", "mixed"}, Independent: 2,
						Evidence: []compare.Evidence{wireArr,
							ev("mixed", "वे बुधवार सुबह पहुंचे और सीधे venue गए।", "बुधवार", 2, 1)}},
					{Display: "Monday", Value: weekday("Monday"), Sources: []string{"evening"}, Independent: 1,
						Evidence: []compare.Evidence{ev("evening", "सोमवार को वे शहर पहुंचे थे।", "सोमवार", 3, 1)}},
				},
			},
			{
				Slot: "meeting.quote", Label: "What was said", Type: value.TypeQuote,
				Status: compare.Conflict, Severity: compare.Minor, Speaker: "host leader",
				Note: "same speaker, different wording",
				Groups: []compare.Group{
					{Display: "“हम सहयोग को और मजबूत करेंगे” — host leader",
						Value:   value.Value{Quote: &value.Quote{Speaker: "host leader", Text: "हम सहयोग को और मजबूत करेंगे"}},
						Sources: []string{"dainik"}, Independent: 1,
						Evidence: []compare.Evidence{ev("dainik", `उन्होंने कहा, "हम सहयोग को और मजबूत करेंगे।"`, "हम सहयोग को और मजबूत करेंगे", 8, 1)}},
					{Display: "“हम दोस्ती को और मजबूत करेंगे” — host leader",
						Value:   value.Value{Quote: &value.Quote{Speaker: "host leader", Text: "हम दोस्ती को और मजबूत करेंगे"}},
						Sources: []string{"mixed"}, Independent: 1,
						Evidence: []compare.Evidence{ev("mixed", `Host leader बोले, "हम दोस्ती को और मजबूत करेंगे"।`, "हम दोस्ती को और मजबूत करेंगे", 5, 1)}},
				},
				QuoteDiff: []compare.DiffSpan{
					{Op: "equal", Text: "हम "}, {Op: "delete", Text: "सहयोग"}, {Op: "insert", Text: "दोस्ती"},
					{Op: "equal", Text: " को और मजबूत करेंगे"},
				},
			},
			{
				Slot: "arrival.location", Label: "Where the visitor arrived", Type: value.TypePlace,
				Status: compare.Compatible, Severity: compare.Info,
				Note: "Vostochny Cosmodrome lies within Amur Oblast",
				Groups: []compare.Group{
					{Display: "Vostochny Cosmodrome", Value: place("Vostochny Cosmodrome", "Amur Oblast", "Russia"),
						Sources: []string{"dainik"}, Independent: 1,
						Evidence: []compare.Evidence{ev("dainik", "ट्रेन सीधे वोस्तोचनी पहुंची।", "वोस्तोचनी", 6, 1)}},
					{Display: "Amur Oblast", Value: place("Amur Oblast", "Russia"),
						Sources: []string{"evening"}, Independent: 1,
						Evidence: []compare.Evidence{eveningArr}},
				},
			},
			{
				Slot: "meeting.day", Label: "Day of the meeting", Type: value.TypeWeekday,
				Status: compare.Agree, Severity: compare.Info,
				Groups: []compare.Group{
					{Display: "Wednesday", Value: weekday("Wednesday"), Sources: []string{"dainik", "wire_en", "mixed"}, Independent: 3,
						Evidence: []compare.Evidence{
							ev("dainik", "यह मुलाकात बुधवार को हुई।", "बुधवार", 1, 5),
							ev("wire_en", "The talks were held on Wednesday.", "Wednesday", 1, 24),
							ev("mixed", "Wednesday को दोनों नेता मिले।", "Wednesday", 1, 1),
						}},
				},
			},
			{
				Slot: "train.speed", Label: "Speed of the train", Type: value.TypeSpeed,
				Status: compare.Single, Severity: compare.Info,
				Groups: []compare.Group{
					{Display: "~60 km/h", Value: value.Value{Quantity: approx(value.Point(60, "km/h"))},
						Sources: []string{"dainik"}, Independent: 1,
						Evidence: []compare.Evidence{ev("dainik", "बख्तरबंद ट्रेन लगभग 60 किलोमीटर प्रति घंटे की रफ्तार से चलती है।", "लगभग 60 किलोमीटर प्रति घंटे", 7, 1)}},
				},
			},
			{
				Slot: "previous_meeting.year", Label: "Year of the previous meeting", Type: value.TypeYear,
				Status: compare.Single, Severity: compare.Info,
				Groups: []compare.Group{
					{Display: "2019", Value: value.Value{Time: &value.Time{Year: 2019}}, Sources: []string{"wire_en"}, Independent: 1, LowConfidence: true,
						Evidence: []compare.Evidence{prevYear}},
				},
			},
			{
				Slot: "next_meeting.day", Label: "Day of the next meeting", Type: value.TypeWeekday,
				Status: compare.Single, Severity: compare.Info,
				Groups: []compare.Group{
					{Display: "Friday", Value: weekday("Friday"), Sources: []string{"mixed"}, Independent: 1, Expected: true,
						Evidence: []compare.Evidence{expectedDay}},
				},
			},
		},
	}
}
