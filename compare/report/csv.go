package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/factdiff/factdiff/compare"
)

// csvHeader names the columns of CSV reports, in order.
var csvHeader = []string{"slot", "label", "status", "severity",
	"value_a", "sources_a", "evidence_a", "value_b", "sources_b", "evidence_b", "note"}

// utf8BOM makes spreadsheet programs read the file as UTF-8.
const utf8BOM = "\uFEFF"

// renderCSV writes one row per disagreement: a conflict's largest group is
// side a and every other group, in report order, is side b of its own row.
// With AllRows every finding is written; a finding with one group has an empty
// side b. Every cell is neutralized against formula injection. Excel adds a
// byte-order mark and ends lines with CRLF.
func renderCSV(w io.Writer, r *compare.Report, sel []int, opt Options) error {
	if opt.Excel {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return fmt.Errorf("report: writing CSV: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = opt.Excel
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("report: writing CSV: %w", err)
	}
	idx := sourceIndex(r)
	row := make([]string, len(csvHeader))
	for _, i := range sel {
		f := &r.Findings[i]
		if f.Status != compare.Conflict && !opt.AllRows {
			continue
		}
		note := joinNonEmpty("; ", append(findingContext(r, f), clean(f.Note))...)
		if f.DifferentEvent {
			note = joinNonEmpty("; ", note, differentEventNote(r, f, idx))
		}
		if len(f.QuoteDiff) > 0 {
			note = joinNonEmpty("; ", note, "wording: "+plainDiff(f.QuoteDiff))
		}
		a := -1
		if len(f.Groups) > 0 {
			a = largestGroup(f.Groups)
		}
		emit := func(b int) error {
			row[0], row[1], row[2], row[3] = clean(f.Slot), clean(f.Label), string(f.Status), string(f.Severity)
			fillGroup(row[4:7], r, idx, f, a)
			fillGroup(row[7:10], r, idx, f, b)
			row[10] = note
			for k := range row {
				row[k] = neutralize(row[k])
			}
			return cw.Write(row)
		}
		n := 0
		for b := range f.Groups {
			if b == a {
				continue
			}
			if err := emit(b); err != nil {
				return fmt.Errorf("report: writing CSV: %w", err)
			}
			n++
		}
		if n == 0 {
			if err := emit(-1); err != nil {
				return fmt.Errorf("report: writing CSV: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report: writing CSV: %w", err)
	}
	return nil
}

// fillGroup writes the value, sources and evidence cells of group g of f into
// cells; g < 0 leaves them empty. Evidence is one line per sentence,
// "path:line:col: sentence", with the value's span between « and ».
func fillGroup(cells []string, r *compare.Report, idx map[string]int, f *compare.Finding, g int) {
	if g < 0 || g >= len(f.Groups) {
		cells[0], cells[1], cells[2] = "", "", ""
		return
	}
	grp := &f.Groups[g]
	cells[0] = clean(groupDisplay(grp))
	if fl := groupFlags(grp); len(fl) > 0 {
		cells[0] += " (" + strings.Join(fl, "; ") + ")"
	}
	cells[1] = clean(strings.Join(grp.Sources, "; "))
	var b strings.Builder
	for k := range grp.Evidence {
		e := &grp.Evidence[k]
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(location(r, idx, e))
		b.WriteString(": ")
		b.WriteString(markedSentence(e))
		if m := evidenceMeta(e); len(m) > 0 {
			b.WriteString(" (")
			b.WriteString(strings.Join(m, "; "))
			b.WriteString(")")
		}
	}
	cells[2] = b.String()
}

// markedSentence is an evidence sentence, cleaned, with its span between «
// and ».
func markedSentence(e *compare.Evidence) string {
	before, span, after, ok := spanParts(e)
	if !ok {
		return before
	}
	return before + "«" + span + "»" + after
}

// neutralize keeps spreadsheet programs from reading a cell as a formula: a
// cell starting with =, +, -, @, tab or carriage return (or their full-width
// forms) gets a leading apostrophe.
func neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}

// plainDiff writes a word diff with [-deleted-] and {+inserted+} markers.
func plainDiff(d []compare.DiffSpan) string {
	var b strings.Builder
	for _, s := range d {
		t := clean(s.Text)
		switch s.Op {
		case "delete":
			b.WriteString("[-" + t + "-]")
		case "insert":
			b.WriteString("{+" + t + "+}")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
