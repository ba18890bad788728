// Package report renders a comparison of articles (a compare.Report) for
// people and for programs: a colored, width-aware terminal view, JSON in the
// shape of the public contract, a CSV table of disagreements that is safe to
// open in a spreadsheet, Markdown for issue trackers and wikis, and one
// self-contained HTML page.
//
// Every string that comes from an article (titles, sentences, values,
// attributions) is treated as hostile: control characters never reach a
// terminal raw, CSV cells cannot start a spreadsheet formula, Markdown cannot
// open links or HTML, and the HTML page escapes everything and loads nothing
// from the network.
//
// # Formats
//
//   - text: the articles, then every finding in the order given (conflicts
//     red, compatible yellow, agree green, single-source grey), each value
//     group with its sources and independent count, every evidence sentence
//     with its location (path:line:col), the value's span marked (bold and
//     underlined in color, «between guillemets» without), the attribution,
//     the note, a warning when a side reports a different occurrence, quote
//     wording differences ([-deleted-]{+inserted+} without color), and a
//     one-line tally. Wrapped to Options.Width terminal cells.
//   - json: the Report as the public contract shapes it, indented.
//   - csv: one row per disagreement (AllRows: per finding). Columns: slot,
//     label, status, severity, value_a, sources_a, evidence_a, value_b,
//     sources_b, evidence_b, note. Side a is the group with the most sources;
//     a finding with more groups gives one row per other group, each paired
//     with side a. Sources are joined by "; ", evidence is one line per
//     sentence ("path:line:col: sentence" with the span «marked»).
//   - markdown: a tally, a table of articles, a table of findings and a
//     section per conflict with its evidence as block quotes.
//   - html: one page with no scripts and no external resources: a matrix of
//     facts by articles colored by verdict, each cell opening to its evidence.
//
// The package only presents a Report; it does not judge values, order
// findings or decide whether the output is a terminal. The caller decides
// about color (from --color, NO_COLOR, CLICOLOR_FORCE and whether the writer
// is a terminal) and passes that decision in Options.
package report

import (
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/factdiff/factdiff/compare"
)

// Options chooses the format of a rendering and what it shows. Only and
// Slots filter the findings of every format, JSON included.
type Options struct {
	Format  string   // "text", "json", "csv", "markdown", "html"; "" means "text"
	Color   bool     // text only: emit ANSI styles (decided by the caller from --color, NO_COLOR, CLICOLOR_FORCE, TTY)
	Width   int      // text only: wrap width in terminal cells (0 → 100; at least 40)
	Only    string   // "conflicts" or "all" ("" means all)
	Slots   []string // glob filters like "meeting.*" (path.Match); a bare frame name such as "meeting" matches all its slots; empty = all
	AllRows bool     // csv: every finding, not only disagreements (--all)
	Excel   bool     // csv: UTF-8 byte-order mark first and CRLF line ends
	Title   string   // html/markdown title ("" → "factdiff report")
}

// The names of the formats, in the order Formats lists them.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatCSV      = "csv"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

var formats = []string{FormatText, FormatJSON, FormatCSV, FormatMarkdown, FormatHTML}

// Formats returns the names of the formats Render accepts.
func Formats() []string { return slices.Clone(formats) }

// defaultWidth is the text wrap width when Options.Width is 0; minWidth keeps
// narrow terminals readable.
const (
	defaultWidth = 100
	minWidth     = 40
)

// defaultTitle heads HTML and Markdown reports without Options.Title.
const defaultTitle = "factdiff report"

// Render writes r to w in the format opt.Format names. It returns an error for
// an unknown format, an unknown Only value or a malformed slot pattern, before
// writing anything, and otherwise the first write error.
func Render(w io.Writer, r *compare.Report, opt Options) error {
	if r == nil {
		return errors.New("report: nothing to render (nil report)")
	}
	if opt.Format == "" {
		opt.Format = FormatText
	}
	if !slices.Contains(formats, opt.Format) {
		return fmt.Errorf("report: unknown format %q: use one of %s", opt.Format, strings.Join(formats, ", "))
	}
	sel, err := selectFindings(r, opt)
	if err != nil {
		return err
	}
	switch opt.Format {
	case FormatJSON:
		return renderJSON(w, r, sel)
	case FormatCSV:
		return renderCSV(w, r, sel, opt)
	case FormatMarkdown:
		return renderMarkdown(w, r, sel, opt)
	case FormatHTML:
		return renderHTML(w, r, sel, opt)
	}
	return renderText(w, r, sel, opt)
}

// selectFindings returns the indexes of the findings that opt's Only and
// Slots filters keep, in report order.
func selectFindings(r *compare.Report, opt Options) ([]int, error) {
	var conflictsOnly bool
	switch opt.Only {
	case "", "all":
	case "conflicts":
		conflictsOnly = true
	default:
		return nil, fmt.Errorf("report: unknown --only value %q: use \"conflicts\" or \"all\"", opt.Only)
	}
	for _, p := range opt.Slots {
		if _, err := path.Match(p, "x"); err != nil {
			return nil, fmt.Errorf("report: malformed slot pattern %q: use path.Match globs such as \"meeting.*\" or \"*.day\"", p)
		}
	}
	sel := make([]int, 0, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		if conflictsOnly && f.Status != compare.Conflict {
			continue
		}
		if !slotSelected(f.Slot, opt.Slots) {
			continue
		}
		sel = append(sel, i)
	}
	return sel, nil
}

// slotSelected reports whether slot matches one of the patterns; a pattern
// without a dot also matches every slot of the frame it names.
func slotSelected(slot string, patterns []string) bool {
	if len(patterns) == 0 {
		return true
	}
	frame, _, _ := strings.Cut(slot, ".")
	for _, p := range patterns {
		if ok, _ := path.Match(p, slot); ok {
			return true
		}
		if !strings.Contains(p, ".") {
			if ok, _ := path.Match(p, frame); ok {
				return true
			}
		}
	}
	return false
}

// counts tallies findings by status.
type counts struct {
	conflict, compatible, agree, single int
}

func tally(r *compare.Report, sel []int) counts {
	var c counts
	for _, i := range sel {
		switch r.Findings[i].Status {
		case compare.Conflict:
			c.conflict++
		case compare.Compatible:
			c.compatible++
		case compare.Agree:
			c.agree++
		case compare.Single:
			c.single++
		}
	}
	return c
}

// summary is the one-line tally of a report: "2 conflicts, 1 compatible,
// 6 agree, 5 single-source in 5 articles". When filters hid findings it says
// how many are shown.
func summary(r *compare.Report, sel []int) string {
	c := tally(r, sel)
	var b strings.Builder
	b.WriteString(plural(c.conflict, "conflict", "conflicts"))
	b.WriteString(", ")
	b.WriteString(strconv.Itoa(c.compatible))
	b.WriteString(" compatible, ")
	b.WriteString(strconv.Itoa(c.agree))
	b.WriteString(" agree, ")
	b.WriteString(strconv.Itoa(c.single))
	b.WriteString(" single-source in ")
	b.WriteString(plural(len(r.Sources), "article", "articles"))
	if len(sel) != len(r.Findings) {
		fmt.Fprintf(&b, " (%d of %d findings shown)", len(sel), len(r.Findings))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// statusWord is the upper-case verdict shown in text reports.
func statusWord(s compare.Status) string {
	switch s {
	case compare.Single:
		return "SINGLE"
	case "":
		return "UNKNOWN"
	}
	return strings.ToUpper(string(s))
}

// sourceIndex maps source ids to their position in r.Sources.
func sourceIndex(r *compare.Report) map[string]int {
	m := make(map[string]int, len(r.Sources))
	for i, s := range r.Sources {
		m[s.ID] = i
	}
	return m
}

// mainEvent is the event that most sources report (the lowest index on a
// tie), or -1 when the report has no events.
func mainEvent(r *compare.Report) int {
	if len(r.Events) == 0 {
		return -1
	}
	best, bestN := 0, -1
	for i, e := range r.Events {
		if len(e.Sources) > bestN {
			best, bestN = i, len(e.Sources)
		}
	}
	return best
}

// otherEventSources lists the sources of f that report an occurrence other
// than the report's main one, in group order.
func otherEventSources(r *compare.Report, f *compare.Finding, idx map[string]int) []string {
	main := mainEvent(r)
	if main < 0 {
		return nil
	}
	var out []string
	for _, g := range f.Groups {
		for _, id := range g.Sources {
			if i, ok := idx[id]; ok && r.Sources[i].Event != main && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// differentEventNote explains a finding's DifferentEvent flag in words.
func differentEventNote(r *compare.Report, f *compare.Finding, idx map[string]int) string {
	ids := otherEventSources(r, f, idx)
	if len(ids) == 0 {
		return "one side likely reports a different occurrence, so this may not be a contradiction"
	}
	verb := "likely reports"
	if len(ids) > 1 {
		verb = "likely report"
	}
	msg := strings.Join(ids, ", ") + " " + verb + " a different occurrence, so this may not be a contradiction"
	// Say why, in the words of the occurrence note ("… reports a later
	// occurrence: it recalls a treaty of 2024 as past …").
	if i, ok := idx[ids[0]]; ok {
		if e := r.Sources[i].Event; e >= 0 && e < len(r.Events) && r.Events[e].Note != "" {
			msg += " (" + clean(r.Events[e].Note) + ")"
		}
	}
	return msg
}

// groupCount describes a group's support: "2 sources, 1 independent".
func groupCount(g *compare.Group) string {
	n := len(g.Sources)
	s := plural(n, "source", "sources")
	if n > 1 || g.Independent != n {
		s += ", " + strconv.Itoa(g.Independent) + " independent"
	}
	return s
}

// groupDisplay is the value of a group for people.
func groupDisplay(g *compare.Group) string {
	if g.Display != "" {
		return g.Display
	}
	if d := g.Value.Display(); d != "" {
		return d
	}
	return "(no value)"
}

// groupFlags lists what qualifies a group's value: the less precise
// variants merged into it, forecasts, low confidence.
func groupFlags(g *compare.Group) []string {
	var out []string
	if len(g.Variants) > 0 {
		out = append(out, "also: "+clean(strings.Join(g.Variants, ", ")))
	}
	if g.Expected {
		out = append(out, "forecasts only")
	}
	if g.LowConfidence {
		out = append(out, "low confidence")
	}
	return out
}

// findingContext names what a finding is limited to: the quoted speaker and,
// when occurrences are compared separately, the occurrence.
func findingContext(r *compare.Report, f *compare.Finding) []string {
	var out []string
	if f.Speaker != "" {
		out = append(out, "speaker: "+clean(f.Speaker))
	}
	if f.Event != nil {
		s := "occurrence " + strconv.Itoa(*f.Event+1)
		if *f.Event >= 0 && *f.Event < len(r.Events) && r.Events[*f.Event].Note != "" {
			s += " (" + clean(r.Events[*f.Event].Note) + ")"
		}
		out = append(out, s)
	}
	return out
}

// shareNote describes text one source shares with another: "shares 62% of
// its text with b".
func shareNote(sh compare.Share) string {
	return "shares " + percent(sh.Fraction) + " of its text with " + sh.Source
}

func percent(f float64) string {
	p := f * 100
	if p > 0 && p < 1 {
		return "<1%"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// evidenceMeta lists what is known about how a value was read, for the line
// under the location: attribution, expectation, inference, low confidence.
func evidenceMeta(e *compare.Evidence) []string {
	var m []string
	if e.Attribution != "" {
		m = append(m, "per "+clean(e.Attribution))
	}
	if e.Expected {
		m = append(m, "expected, not reported")
	}
	if e.Inferred != "" {
		m = append(m, "inferred: "+clean(e.Inferred))
	}
	if e.Confidence > 0 && e.Confidence < lowConfidence {
		m = append(m, "low confidence "+strconv.FormatFloat(e.Confidence, 'f', 2, 64))
	}
	return m
}

// lowConfidence is the confidence below which reports flag a value.
const lowConfidence = 0.5

// location is "path:line:col" for a piece of evidence, using the source's
// path when known.
func location(r *compare.Report, idx map[string]int, e *compare.Evidence) string {
	file := e.Source
	if i, ok := idx[e.Source]; ok && r.Sources[i].Path != "" {
		file = r.Sources[i].Path
	}
	file = clean(file)
	if e.Line <= 0 {
		return file
	}
	if e.Col <= 0 {
		return file + ":" + strconv.Itoa(e.Line)
	}
	return file + ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col)
}

// largestGroup returns the index of the group with the most sources, the
// first on a tie.
func largestGroup(gs []compare.Group) int {
	best := 0
	for i := range gs {
		if len(gs[i].Sources) > len(gs[best].Sources) {
			best = i
		}
	}
	return best
}
