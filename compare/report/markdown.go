package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/factdiff/factdiff/compare"
)

// renderMarkdown writes a GitHub-flavoured Markdown report: title, summary
// line, the articles, a table of findings and a section per conflict with the
// evidence as block quotes. Article text is escaped so that it cannot open
// links, images, HTML or table cells.
func renderMarkdown(w io.Writer, r *compare.Report, sel []int, opt Options) error {
	b := bufio.NewWriter(w)
	idx := sourceIndex(r)
	title := opt.Title
	if title == "" {
		title = defaultTitle
	}
	p := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}
	p("# ", mdEscape(title))
	p()
	p(summary(r, sel))
	p()
	p("## Articles")
	p()
	p("| id | title | claims | notes |")
	p("|---|---|---:|---|")
	for _, s := range r.Sources {
		var notes []string
		if s.URL != "" {
			notes = append(notes, mdEscape(s.URL))
		}
		if s.Published != "" {
			notes = append(notes, "published "+mdEscape(s.Published))
		}
		for _, sh := range s.SharesTextWith {
			notes = append(notes, mdEscape(shareNote(sh)))
		}
		p("| ", mdEscape(s.ID), " | ", mdEscape(truncate(clean(s.Title), maxTitle)), " | ", strconv.Itoa(s.Claims), " | ",
			strings.Join(notes, "; "), " |")
	}
	if len(r.Events) > 1 {
		p()
		p("The articles report ", strconv.Itoa(len(r.Events)), " different occurrences:")
		p()
		for i, e := range r.Events {
			line := strconv.Itoa(i+1) + ". " + mdEscape(strings.Join(e.Sources, ", "))
			if e.Note != "" {
				line += " — " + mdEscape(e.Note)
			}
			p(line)
		}
	}
	p()
	p("## Findings")
	p()
	if len(sel) == 0 {
		p("No findings.")
	} else {
		p("| status | severity | fact | slot | values |")
		p("|---|---|---|---|---|")
		for _, i := range sel {
			f := &r.Findings[i]
			var vals []string
			for gi := range f.Groups {
				g := &f.Groups[gi]
				v := "**" + mdEscape(truncate(clean(groupDisplay(g)), maxCell)) + "** (" + mdEscape(strings.Join(g.Sources, ", ")) + ")"
				if fl := groupFlags(g); len(fl) > 0 {
					v += " " + mdEscapeInline(strings.Join(fl, "; "))
				}
				vals = append(vals, v)
			}
			p("| ", string(f.Status), " | ", string(f.Severity), " | ", mdEscape(f.Label), " | ",
				mdEscape(f.Slot), " | ", strings.Join(vals, " vs. "), " |")
		}
	}
	headed := false
	for _, i := range sel {
		f := &r.Findings[i]
		if f.Status != compare.Conflict {
			continue
		}
		if !headed {
			p()
			p("## Conflicts")
			headed = true
		}
		p()
		head := mdEscape(f.Label)
		if head == "" {
			head = mdEscape(f.Slot)
		} else {
			head += " (" + mdEscape(f.Slot) + ")"
		}
		if f.Severity != "" {
			head += ", " + string(f.Severity)
		}
		p("### ", head)
		if ctx := findingContext(r, f); len(ctx) > 0 {
			p()
			p(mdEscape(strings.Join(ctx, "; ")))
		}
		for gi := range f.Groups {
			g := &f.Groups[gi]
			p()
			line := "**" + mdEscape(groupDisplay(g)) + "**: " + groupCount(g) + ": " + mdEscape(strings.Join(g.Sources, ", "))
			if fl := groupFlags(g); len(fl) > 0 {
				line += " (" + mdEscapeInline(strings.Join(fl, "; ")) + ")"
			}
			p(line)
			for ei := range g.Evidence {
				e := &g.Evidence[ei]
				p()
				p("> ", mdSentence(e), `\`)
				meta := append([]string{mdEscape(location(r, idx, e))}, evidenceMeta(e)...)
				for k := 1; k < len(meta); k++ {
					meta[k] = mdEscape(meta[k])
				}
				p("> — ", strings.Join(meta, " · "))
			}
		}
		if f.Note != "" {
			p()
			p("Note: ", mdEscape(f.Note))
		}
		if f.DifferentEvent {
			p()
			p("**Warning:** ", mdEscape(differentEventNote(r, f, idx)))
		}
		if len(f.QuoteDiff) > 0 {
			p()
			p("Wording: ", mdDiff(f.QuoteDiff))
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("report: writing Markdown: %w", err)
	}
	return nil
}

// mdSentence is an evidence sentence with its span in bold.
func mdSentence(e *compare.Evidence) string {
	before, span, after, ok := spanParts(e)
	if !ok {
		return mdEscape(before)
	}
	return mdEscape(before) + mdStrong(span, "**") + mdEscapeInline(after)
}

// mdStrong wraps the non-blank middle of s in delim, keeping surrounding
// spaces outside so that the emphasis opens and closes.
func mdStrong(s, delim string) string {
	core := strings.TrimSpace(s)
	if core == "" {
		return s
	}
	lead := s[:strings.Index(s, core)]
	trail := s[len(lead)+len(core):]
	return lead + delim + mdEscapeInline(core) + delim + trail
}

// mdDiff is a word diff with deletions struck through and insertions in
// bold.
func mdDiff(d []compare.DiffSpan) string {
	var b strings.Builder
	for i, s := range d {
		text := clean(s.Text)
		switch s.Op {
		case "delete":
			b.WriteString(mdStrong(text, "~~"))
		case "insert":
			b.WriteString(mdStrong(text, "**"))
		default:
			if i == 0 {
				b.WriteString(mdEscape(text))
			} else {
				b.WriteString(mdEscapeInline(text))
			}
		}
	}
	return b.String()
}

// mdEscape cleans s and escapes it for use anywhere in a Markdown line,
// including table cells and the start of a line.
func mdEscape(s string) string {
	s = mdEscapeInline(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return `\` + s
	}
	// "1. " or "1) " at the start of a line opens a list.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// mdEscapeInline cleans s and backslash-escapes the characters that start
// Markdown or HTML syntax inside a line.
func mdEscapeInline(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, "\\`*_[]<>|~&#!") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
