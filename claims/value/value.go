// Package value defines the typed, normalized values that factdiff reads out of
// text: quantities with units and bounds, points in time, entities (places,
// people, organizations), quotes and ordinals.
//
// It is the vocabulary shared by every stage: the scanners produce these
// values, claims carry them, the comparator judges them and the reports print
// them. It knows nothing about how values are found in text.
package value

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Type names what kind of value a mention or claim carries. The names are the
// ones of the public JSON contract.
type Type string

// The value types of the JSON contract.
const (
	TypePlace    Type = "place"
	TypePerson   Type = "person"
	TypeOrg      Type = "organization"
	TypeWeekday  Type = "weekday"
	TypeDate     Type = "date"
	TypeYear     Type = "year"
	TypeRelative Type = "relative"
	TypeDuration Type = "duration"
	TypeSpeed    Type = "speed"
	TypeDistance Type = "distance"
	TypeCount    Type = "count"
	TypeAge      Type = "age"
	TypeMoney    Type = "money"
	TypePercent  Type = "percent"
	TypeNumber   Type = "number"
	TypeOrdinal  Type = "ordinal"
	TypeQuote    Type = "quote"
)

// IsQuantity reports whether values of type t are Quantities.
func (t Type) IsQuantity() bool {
	switch t {
	case TypeDuration, TypeSpeed, TypeDistance, TypeCount, TypeAge, TypeMoney, TypePercent, TypeNumber:
		return true
	}
	return false
}

// IsTime reports whether values of type t are Times.
func (t Type) IsTime() bool {
	return t == TypeWeekday || t == TypeDate || t == TypeYear || t == TypeRelative
}

// IsEntity reports whether values of type t are Entities.
func (t Type) IsEntity() bool {
	return t == TypePlace || t == TypePerson || t == TypeOrg
}

// Bound says how a quantity's interval relates to the written number.
type Bound string

// The bounds of the JSON contract.
const (
	Exact    Bound = "exact"
	AtMost   Bound = "at_most"
	AtLeast  Bound = "at_least"
	MoreThan Bound = "more_than"
	LessThan Bound = "less_than"
)

// Quantity is an amount with a canonical unit: a point (Min == Max), a range,
// or a half-open interval (one side nil) according to Bound.
type Quantity struct {
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Unit   string   `json:"unit"`
	Approx bool     `json:"approx"`
	Bound  Bound    `json:"bound"`
	// Written is the amount and unit as the text gave them before conversion,
	// for example "127 mi" when Unit is "mi"; empty when nothing was converted.
	Written string `json:"written,omitempty"`
	// Currency is only for JSON: a money amount is written with the
	// contract's unit "" and its currency code here ("INR"), and read back
	// into Unit. In memory it is always empty and Unit holds the code.
	Currency string `json:"currency,omitempty"`
}

// forJSON returns q as JSON writes it: a currency code moves from Unit to
// Currency.
func (q *Quantity) forJSON() *Quantity {
	if !isCurrency(q.Unit) {
		return q
	}
	c := *q
	c.Currency, c.Unit = q.Unit, ""
	return &c
}

// Time is a point or stretch in time as far as the text pins it down: any of
// year, month, day and weekday may be missing. Relative expressions that could
// not be resolved keep their offset in Relative ("-1 day", "+-1 day" for the
// ambiguous Hindi कल).
type Time struct {
	Year     int    `json:"year,omitempty"`
	Month    int    `json:"month,omitempty"`
	Day      int    `json:"day,omitempty"`
	Weekday  string `json:"weekday,omitempty"`
	Decade   bool   `json:"decade,omitempty"`
	Relative string `json:"relative,omitempty"`
	// Ambiguous is set when the words allow more than one reading (कल is both
	// yesterday and tomorrow); Relative then lists the readings.
	Ambiguous bool `json:"ambiguous,omitempty"`
}

// Entity is a place, person or organization resolved against the gazetteer.
// Unknown names carry an ID of the form "unknown:KEY" and no Within chain.
type Entity struct {
	Name      string   `json:"name"`
	ID        string   `json:"id"`
	Kind      string   `json:"kind,omitempty"`
	Within    []string `json:"within,omitempty"`
	WithinIDs []string `json:"within_ids,omitempty"`
	Unknown   bool     `json:"unknown,omitempty"`
}

// Quote is direct speech with its resolved speaker.
type Quote struct {
	Speaker   string `json:"speaker"`
	SpeakerID string `json:"speaker_id,omitempty"`
	Text      string `json:"text"`
}

// Ordinal is a position in a sequence: first, 3rd, दूसरा, 21वां.
type Ordinal struct {
	Ordinal int `json:"ordinal"`
}

// Value holds exactly one of its fields, chosen by the claim's Type. It
// marshals to the inner value's JSON shape.
type Value struct {
	Quantity *Quantity
	Time     *Time
	Entity   *Entity
	Quote    *Quote
	Ordinal  *Ordinal
}

// MarshalJSON writes the one value that is set, or null.
func (v Value) MarshalJSON() ([]byte, error) {
	switch {
	case v.Quantity != nil:
		return json.Marshal(v.Quantity.forJSON())
	case v.Time != nil:
		return json.Marshal(v.Time)
	case v.Entity != nil:
		return json.Marshal(v.Entity)
	case v.Quote != nil:
		return json.Marshal(v.Quote)
	case v.Ordinal != nil:
		return json.Marshal(v.Ordinal)
	}
	return []byte("null"), nil
}

// UnmarshalJSON recognizes the value's shape by its keys.
func (v *Value) UnmarshalJSON(b []byte) error {
	*v = Value{}
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return fmt.Errorf("value: %w", err)
	}
	has := func(k string) bool { _, ok := keys[k]; return ok }
	switch {
	case has("unit") || has("min") || has("max"):
		v.Quantity = new(Quantity)
		if err := json.Unmarshal(b, v.Quantity); err != nil {
			return err
		}
		if q := v.Quantity; q.Currency != "" {
			q.Unit, q.Currency = q.Currency, ""
		}
		return nil
	case has("speaker"):
		v.Quote = new(Quote)
		return json.Unmarshal(b, v.Quote)
	case has("ordinal"):
		v.Ordinal = new(Ordinal)
		return json.Unmarshal(b, v.Ordinal)
	case has("name") || has("id"):
		v.Entity = new(Entity)
		return json.Unmarshal(b, v.Entity)
	default:
		v.Time = new(Time)
		return json.Unmarshal(b, v.Time)
	}
}

// F returns a pointer to x, for building Quantity bounds.
func F(x float64) *float64 { return &x }

// Point returns the exact quantity x in unit.
func Point(x float64, unit string) *Quantity {
	return &Quantity{Min: F(x), Max: F(x), Unit: unit, Bound: Exact}
}

// Range returns the exact range lo–hi in unit.
func Range(lo, hi float64, unit string) *Quantity {
	return &Quantity{Min: F(lo), Max: F(hi), Unit: unit, Bound: Exact}
}
