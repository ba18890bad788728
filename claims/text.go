package claims

import (
	"fmt"
	"io"
	"strings"
)

// TextOptions configure WriteText.
type TextOptions struct {
	// Color marks spans with ANSI bold and underline instead of «…».
	Color bool
}

const (
	ansiMark  = "\x1b[1;4m"
	ansiDim   = "\x1b[2m"
	ansiSlot  = "\x1b[36m"
	ansiReset = "\x1b[0m"
)

// WriteText prints an article's claims for people auditing the extractor:
// each claim with its slot, value, confidence and attribution, then the
// sentence with the span marked.
func WriteText(w io.Writer, r Result, opt TextOptions) {
	a := r.Article
	title := a.Title
	if title != "" {
		title = " — " + Safe(title)
	}
	fmt.Fprintf(w, "%s%s (%s): %d claims\n", Safe(a.ID), title, Safe(a.Path), len(r.Claims))
	for _, c := range r.Claims {
		var extra []string
		extra = append(extra, fmt.Sprintf("confidence %.2f", c.Confidence))
		if c.Attribution != "" {
			extra = append(extra, "per "+c.Attribution)
		}
		if c.Expected {
			extra = append(extra, "expected, not reported")
		}
		if c.Earlier {
			extra = append(extra, "earlier occurrence")
		}
		slot := c.Slot
		if opt.Color {
			slot = ansiSlot + slot + ansiReset
		}
		fmt.Fprintf(w, "  %s  %s  [%s]  %d:%d\n", slot, Safe(c.Display), strings.Join(extra, ", "), c.Line, c.Col)
		if c.Inferred != "" {
			fmt.Fprintf(w, "      inferred: %s\n", Safe(c.Inferred))
		}
		fmt.Fprintf(w, "      %s\n", markSpan(c, opt.Color))
	}
}

// markSpan returns the claim's sentence with its text marked.
func markSpan(c Claim, color bool) string {
	s := c.Sentence
	i, j := c.Start-c.SentenceStart, c.End-c.SentenceStart
	if i < 0 || j > len(s) || i > j {
		return Safe(s)
	}
	open, close := "«", "»"
	if color {
		open, close = ansiMark, ansiReset
	}
	return Safe(s[:i]) + open + Safe(s[i:j]) + close + Safe(s[j:])
}

// WriteMentions prints what parse found in a phrase, one line a mention:
// "करीब चार से पांच घंटे → duration 4–5 h (approx.)".
func WriteMentions(w io.Writer, phrase string, ms []Mention) {
	if len(ms) == 0 {
		fmt.Fprintf(w, "%s → nothing\n", Safe(phrase))
		return
	}
	for _, m := range ms {
		fmt.Fprintf(w, "%s → %s %s\n", Safe(m.Text), m.Type, Safe(m.Display))
	}
}

// Safe makes article text harmless on a terminal: control characters
// (including ESC, which starts terminal control sequences) are shown as
// escapes instead of being sent raw.
func Safe(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}
