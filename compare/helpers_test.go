package compare

import (
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/value"
)

// A small made-up gazetteer for the tests.
var gaz = map[string]value.Entity{
	"vostochny":   {Name: "Vostochny Cosmodrome", ID: "vostochny", Kind: "spaceport", Within: []string{"Amur Oblast", "Russia"}, WithinIDs: []string{"amur", "russia"}},
	"amur":        {Name: "Amur Oblast", ID: "amur", Kind: "region", Within: []string{"Russia"}, WithinIDs: []string{"russia"}},
	"russia":      {Name: "Russia", ID: "russia", Kind: "country"},
	"vladivostok": {Name: "Vladivostok", ID: "vladivostok", Kind: "city", Within: []string{"Primorsky Krai", "Russia"}, WithinIDs: []string{"primorsky", "russia"}},
	"beijing":     {Name: "Beijing", ID: "beijing", Kind: "city", Within: []string{"China"}, WithinIDs: []string{"china"}},
	"china":       {Name: "China", ID: "china", Kind: "country"},
	"mumbai":      {Name: "Mumbai", ID: "mumbai", Kind: "city", Within: []string{"Maharashtra", "India"}, WithinIDs: []string{"maharashtra", "india"}},
	"pune":        {Name: "Pune", ID: "pune", Kind: "city", Within: []string{"Maharashtra", "India"}, WithinIDs: []string{"maharashtra", "india"}},
	"india":       {Name: "India", ID: "india", Kind: "country"},
	"maharashtra": {Name: "Maharashtra", ID: "maharashtra", Kind: "state", Within: []string{"India"}, WithinIDs: []string{"india"}},
	"godavari":    {Name: "Godavari", ID: "godavari", Kind: "other", Within: []string{"India"}, WithinIDs: []string{"india"}},
	"krishna":     {Name: "Krishna River", ID: "krishna", Kind: "other", Within: []string{"India"}, WithinIDs: []string{"india"}},
	"nashik":      {Name: "Nashik", ID: "nashik", Kind: "city", Within: []string{"Maharashtra", "India"}, WithinIDs: []string{"maharashtra", "india"}},
}

func place(id string) value.Value {
	e, ok := gaz[id]
	if !ok {
		e = value.Entity{Name: id, ID: "unknown:" + strings.ToLower(id), Unknown: true}
	}
	return value.Value{Entity: &e}
}

// placeIn is an unlisted place that the text puts inside the listed place in.
func placeIn(name, in string) value.Value {
	k := gaz[in]
	e := value.Entity{Name: name, ID: "unknown:" + strings.ToLower(name), Unknown: true,
		Within: append([]string{k.Name}, k.Within...), WithinIDs: append([]string{k.ID}, k.WithinIDs...)}
	return value.Value{Entity: &e}
}

func qty(q *value.Quantity) value.Value { return value.Value{Quantity: q} }

func approx(q *value.Quantity) *value.Quantity { q.Approx = true; return q }

func bound(b value.Bound, x float64, unit string) *value.Quantity {
	q := &value.Quantity{Unit: unit, Bound: b}
	switch b {
	case value.AtMost, value.LessThan:
		q.Min, q.Max = value.F(0), value.F(x)
	default:
		q.Min = value.F(x)
	}
	return q
}

func weekday(d string) value.Value { return value.Value{Time: &value.Time{Weekday: d}} }

func year(y int) value.Value { return value.Value{Time: &value.Time{Year: y}} }

func date(y, m, d int) value.Value { return value.Value{Time: &value.Time{Year: y, Month: m, Day: d}} }

func quote(speaker, text string) value.Value {
	return value.Value{Quote: &value.Quote{Speaker: speaker, SpeakerID: strings.ToLower(speaker), Text: text}}
}

func typeOf(v value.Value, slot string) value.Type {
	switch {
	case v.Entity != nil:
		return value.TypePlace
	case v.Quote != nil:
		return value.TypeQuote
	case v.Time != nil:
		switch {
		case v.Time.Weekday != "" && v.Time.Year == 0:
			return value.TypeWeekday
		case v.Time.Month == 0 && v.Time.Relative == "":
			return value.TypeYear
		case v.Time.Relative != "":
			return value.TypeRelative
		}
		return value.TypeDate
	case v.Quantity != nil:
		switch {
		case strings.HasSuffix(slot, ".duration"):
			return value.TypeDuration
		case strings.HasSuffix(slot, ".speed"):
			return value.TypeSpeed
		case strings.HasSuffix(slot, ".distance"):
			return value.TypeDistance
		}
		return value.TypeCount
	}
	return ""
}

// cl builds a claim whose text sits in a sentence of its own; the offset
// keeps claims of one article apart.
func cl(src, slot string, v value.Value, text string, offset int) claims.Claim {
	sentence := "उस दिन " + text + " की खबर आई।"
	start := offset + len("उस दिन ")
	return claims.Claim{Source: src, Slot: slot, Type: typeOf(v, slot), Value: v, Display: v.Display(),
		Text: text, Sentence: sentence, Start: start, End: start + len(text), SentenceStart: offset,
		Line: 1 + offset/100, Col: 1, Confidence: 0.9}
}

func docOf(id string, cs ...claims.Claim) Document {
	for i := range cs {
		cs[i].Source = id
	}
	return Document{Source: Source{ID: id, Path: "articles/" + id + ".txt", Title: "Report " + id}, Claims: cs}
}

// findingFor returns the finding on slot (the first one).
func findingFor(r *Report, slot string) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Slot == slot {
			return &r.Findings[i]
		}
	}
	return nil
}

func groupSources(f *Finding) [][]string {
	var out [][]string
	for _, g := range f.Groups {
		out = append(out, g.Sources)
	}
	return out
}
