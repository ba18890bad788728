package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/factdiff/factdiff/compare"
)

// renderJSON writes the report in the shape of the public contract, indented
// by two spaces, with a trailing newline. Filters drop findings; empty lists
// are written as [] rather than null.
func renderJSON(w io.Writer, r *compare.Report, sel []int) error {
	out := compare.Report{
		Sources:  r.Sources,
		Findings: make([]compare.Finding, 0, len(sel)),
		Events:   r.Events,
	}
	for _, i := range sel {
		out.Findings = append(out.Findings, r.Findings[i])
	}
	if out.Sources == nil {
		out.Sources = []compare.Source{}
	}
	if out.Events == nil {
		out.Events = []compare.Event{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("report: writing JSON: %w", err)
	}
	return nil
}
