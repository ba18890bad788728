package compare

import (
	"github.com/factdiff/factdiff/claims/value"
)

// Status is a finding's verdict.
type Status string

// The verdicts, from worst to best for a story's consistency.
const (
	Conflict   Status = "conflict"
	Compatible Status = "compatible"
	Agree      Status = "agree"
	Single     Status = "single"
)

// Severity orders findings in reports.
type Severity string

// Severities: major conflicts are on a story's central facts; minor ones are
// small numeric gaps; info is everything that is not a conflict.
const (
	Major Severity = "major"
	Minor Severity = "minor"
	Info  Severity = "info"
)

// Report is the result of comparing the claims of several articles.
type Report struct {
	Sources  []Source  `json:"sources"`
	Findings []Finding `json:"findings"`
	Events   []Event   `json:"events"`
}

// Source describes one compared article.
type Source struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Claims    int    `json:"claims"`
	// SharesTextWith lists other sources that contain this source's text word
	// for word, with the share of this source's text found there.
	SharesTextWith []Share `json:"shares_text_with,omitempty"`
	// Event is the index in Report.Events of the occurrence this source reports.
	Event int `json:"event"`
}

// Share is the fraction of one source's text found word for word in another.
type Share struct {
	Source   string  `json:"source"`
	Fraction float64 `json:"fraction"`
}

// Finding is the verdict on one fact (slot) across sources.
type Finding struct {
	Slot     string     `json:"slot"`
	Label    string     `json:"label"`
	Type     value.Type `json:"type"`
	Status   Status     `json:"status"`
	Severity Severity   `json:"severity"`
	Groups   []Group    `json:"groups"`
	Note     string     `json:"note"`
	// DifferentEvent is set when a conflicting group comes from an article
	// that likely reports a different occurrence.
	DifferentEvent bool `json:"different_event,omitempty"`
	// QuoteDiff holds word-level differences between quote groups.
	QuoteDiff []DiffSpan `json:"quote_diff,omitempty"`
	// Speaker names whose words a quote finding compares.
	Speaker string `json:"speaker,omitempty"`
	// Event is the index in Report.Events of the occurrence whose sources this
	// finding compares; set only when events are compared separately.
	Event *int `json:"event,omitempty"`
}

// Group gathers the sources whose values for a slot agree.
type Group struct {
	Display string      `json:"display"`
	Value   value.Value `json:"value"`
	Sources []string    `json:"sources"`
	// Independent counts the sources that do not share text with another
	// source of the group: copies of one wire story count once.
	Independent int        `json:"independent"`
	Evidence    []Evidence `json:"evidence"`
	// Variants lists less precise values that fit the group's value and were
	// put with it ("Amur Oblast" with "Vostochny Cosmodrome").
	Variants []string `json:"variants,omitempty"`
	// Expected marks a group of forecasts only; it does not count against
	// the reports.
	Expected bool `json:"expected,omitempty"`
	// LowConfidence marks a group that rests only on low-confidence readings.
	LowConfidence bool `json:"low_confidence,omitempty"`
}

// Evidence is the sentence a value was read from.
type Evidence struct {
	Source      string  `json:"source"`
	Text        string  `json:"text"`
	Sentence    string  `json:"sentence"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Line        int     `json:"line"`
	Col         int     `json:"col"`
	Attribution string  `json:"attribution,omitempty"`
	Confidence  float64 `json:"confidence"`
	Inferred    string  `json:"inferred,omitempty"`
	Expected    bool    `json:"expected,omitempty"`
	// SpanStart and SpanEnd locate Text inside Sentence (byte offsets).
	SpanStart int `json:"span_start"`
	SpanEnd   int `json:"span_end"`
}

// DiffSpan is one piece of a word diff: equal, inserted or deleted text.
type DiffSpan struct {
	Op   string `json:"op"` // "equal", "insert", "delete"
	Text string `json:"text"`
}

// Event groups the sources that report the same occurrence.
type Event struct {
	Sources []string `json:"sources"`
	Note    string   `json:"note"`
}
