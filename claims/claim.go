package claims

import "github.com/factdiff/factdiff/claims/value"

// Claim is one fact an article states: a normalized value on a named slot
// ("meeting.location", "meeting.duration"), with the exact text it was read
// from. Start and End are byte offsets into the article's text as read, so
// that Text == original[Start:End].
type Claim struct {
	Source      string      `json:"source"`
	Slot        string      `json:"slot"`
	Type        value.Type  `json:"type"`
	Value       value.Value `json:"value"`
	Display     string      `json:"display"`
	Text        string      `json:"text"`
	Sentence    string      `json:"sentence"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Line        int         `json:"line"`
	Col         int         `json:"col"`
	Attribution string      `json:"attribution"`
	// AttributionID is the gazetteer id of the credited source, if known.
	AttributionID string  `json:"attribution_id,omitempty"`
	Confidence    float64 `json:"confidence"`
	// Expected marks a forecast ("may meet in Vladivostok"), not a report.
	Expected bool `json:"expected,omitempty"`
	// Earlier marks a fact about an event before the one the article reports
	// (a treaty that "was signed in 2024", a previous meeting).
	Earlier bool `json:"earlier,omitempty"`
	// Inferred explains a value that the text gives only by reference
	// ("इसी जगह" → the meeting place named before).
	Inferred string `json:"inferred,omitempty"`
	// SentenceStart is the byte offset of Sentence in the article's text.
	SentenceStart int `json:"sentence_start"`
}
