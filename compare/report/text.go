package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/factdiff/factdiff/compare"
	"github.com/muesli/termenv"
	"github.com/rivo/uniseg"
)

// kind is the role of a piece of terminal text; each kind has one style.
type kind uint8

const (
	kPlain kind = iota
	kTitle
	kConflict
	kCompatible
	kAgree
	kSingle
	kValue
	kMark
	kDel
	kIns
	kDim
	kWarn
	nKinds
)

// Colors that read on dark and on light backgrounds.
var (
	colConflict   = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF6E6E"}
	colCompatible = lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#F2C94C"}
	colAgree      = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#6FCF97"}
	colSingle     = lipgloss.AdaptiveColor{Light: "#5F6368", Dark: "#A0A4A8"}
	colDim        = lipgloss.AdaptiveColor{Light: "#5F6368", Dark: "#9AA0A6"}
)

// seg is a run of text of one kind.
type seg struct {
	text string
	k    kind
}

// textWriter lays out a report for a terminal: it wraps paragraphs of styled
// segments to a width measured in terminal cells and paints them with a
// lipgloss renderer bound to the output.
type textWriter struct {
	w      *bufio.Writer
	color  bool
	width  int
	paints [nKinds]func(string) string
	// Buffers reused from paragraph to paragraph.
	words  []word
	pieces []seg
	line   []word
	run    []byte
	err    error
}

func newTextWriter(w io.Writer, opt Options) *textWriter {
	t := &textWriter{w: bufio.NewWriter(w), color: opt.Color, width: opt.Width}
	if t.width == 0 {
		t.width = defaultWidth
	}
	if t.width < minWidth {
		t.width = minWidth
	}
	re := lipgloss.NewRenderer(w)
	if opt.Color {
		re.SetColorProfile(colorProfile())
	} else {
		re.SetColorProfile(termenv.Ascii)
		// No colors are resolved, so never ask the terminal for its background.
		re.SetHasDarkBackground(true)
	}
	st := func() lipgloss.Style { return re.NewStyle() }
	styles := [nKinds]lipgloss.Style{
		kTitle:      st().Bold(true),
		kConflict:   st().Bold(true).Foreground(colConflict),
		kCompatible: st().Bold(true).Foreground(colCompatible),
		kAgree:      st().Bold(true).Foreground(colAgree),
		kSingle:     st().Bold(true).Foreground(colSingle),
		kValue:      st().Bold(true),
		kDim:        st().Foreground(colDim),
		kWarn:       st().Bold(true).Foreground(colCompatible),
	}
	for k := range styles {
		st := styles[k]
		t.paints[k] = func(s string) string { return st.Render(s) }
	}
	// lipgloss styles underlined and struck-through text one character at a
	// time, which splits Devanagari vowel signs from their consonants; these
	// kinds are styled with termenv, which lipgloss is built on, as whole runs.
	t.paints[kMark] = func(s string) string {
		return re.ColorProfile().String(s).Bold().Underline().String()
	}
	t.paints[kDel] = func(s string) string {
		return re.ColorProfile().String(s).Foreground(termColor(re, colConflict)).CrossOut().String()
	}
	t.paints[kIns] = func(s string) string {
		return re.ColorProfile().String(s).Foreground(termColor(re, colAgree)).Underline().String()
	}
	return t
}

// termColor resolves an adaptive color for the renderer's background and
// color profile.
func termColor(re *lipgloss.Renderer, c lipgloss.AdaptiveColor) termenv.Color {
	if re.HasDarkBackground() {
		return re.ColorProfile().Color(c.Dark)
	}
	return re.ColorProfile().Color(c.Light)
}

// colorProfile is the richest profile a color terminal is known to support:
// 24-bit when COLORTERM says so, else 256 colors.
func colorProfile() termenv.Profile {
	switch os.Getenv("COLORTERM") {
	case "truecolor", "24bit":
		return termenv.TrueColor
	}
	return termenv.ANSI256
}

// paint returns s in the style of k; without color it returns s unchanged.
func (t *textWriter) paint(k kind, s string) string {
	if !t.color || k == kPlain || s == "" {
		return s
	}
	return t.paints[k](s)
}

func (t *textWriter) writeString(s string) {
	if t.err == nil {
		_, t.err = t.w.WriteString(s)
	}
}

// blank writes an empty line.
func (t *textWriter) blank() { t.writeString("\n") }

// para wraps segs to the writer's width and writes them, every line starting
// with indent spaces and continuation lines with hang more. Runs of white
// space collapse to one space; a word wider than a line is cut between
// grapheme clusters. Segment text must already be cleaned.
func (t *textWriter) para(indent, hang int, segs ...seg) {
	t.words, t.pieces = splitWords(t.words[:0], t.pieces[:0], segs)
	if len(t.words) == 0 {
		return
	}
	prefix := indentString(indent)
	avail := max(t.width-indent, minLine)
	line := t.line[:0]
	cur := 0
	emit := func() {
		t.writeString(prefix)
		t.renderLine(line)
		t.writeString("\n")
		line, cur = line[:0], 0
		prefix = indentString(indent + hang)
		avail = max(t.width-indent-hang, minLine)
	}
	for _, wd := range t.words {
		if len(line) > 0 {
			need := wd.width
			if wd.space {
				need++
			}
			if cur+need <= avail {
				line = append(line, wd)
				cur += need
				continue
			}
			emit()
		}
		wd.space = false
		for wd.width > avail {
			head, tail := wd.cut(avail)
			if len(head.pieces) == 0 {
				break
			}
			line = append(line, head)
			emit()
			wd = tail
		}
		line = append(line, wd)
		cur = wd.width
	}
	if len(line) > 0 {
		emit()
	}
	t.line = line[:0]
}

// Titles and values longer than these many cells are shortened in the
// terminal view; evidence sentences are always shown whole.
const (
	maxTitle   = 90
	maxDisplay = 90
)

// minLine is the fewest cells a wrapped line offers after its indent.
const minLine = 20

const spaces = "                                "

// indentString returns n spaces.
func indentString(n int) string {
	if n <= len(spaces) {
		return spaces[:n]
	}
	return strings.Repeat(" ", n)
}

// renderLine writes a line's words, painting neighbouring runs of one kind
// together.
func (t *textWriter) renderLine(line []word) {
	run := t.run[:0]
	runK := kPlain
	flush := func() {
		if len(run) == 0 {
			return
		}
		if !t.color || runK == kPlain {
			if t.err == nil {
				_, t.err = t.w.Write(run)
			}
		} else {
			t.writeString(t.paint(runK, string(run)))
		}
		run = run[:0]
	}
	add := func(k kind, s string) {
		if k != runK {
			flush()
		}
		runK = k
		run = append(run, s...)
	}
	for i, wd := range line {
		if i > 0 && wd.space {
			k := kPlain
			if wd.spaceK == wd.pieces[0].k && wd.spaceK == runK {
				k = wd.spaceK
			}
			add(k, " ")
		}
		for _, p := range wd.pieces {
			add(p.k, p.text)
		}
	}
	flush()
	t.run = run
}

// word is text between spaces; it may span segments of different kinds
// ("«5 घंटे»।" is one word of two kinds).
type word struct {
	pieces []seg
	width  int
	space  bool // preceded by white space
	spaceK kind // the kind of that white space
}

// splitWords cuts segments into words at white space, appending to words;
// the words' pieces are appended to pieces and share its backing array.
func splitWords(words []word, pieces []seg, segs []seg) ([]word, []seg) {
	start := -1 // index in pieces of the current word's first piece; -1 after white space
	space, spaceK := false, kPlain
	for _, s := range segs {
		text := s.text
		for len(text) > 0 {
			i := strings.IndexFunc(text, unicode.IsSpace)
			if i == 0 {
				_, n := utf8.DecodeRuneInString(text)
				text = text[n:]
				space, spaceK = true, s.k
				start = -1
				continue
			}
			piece := text
			if i > 0 {
				piece = text[:i]
			}
			text = text[len(piece):]
			if start < 0 {
				words = append(words, word{space: space, spaceK: spaceK})
				start = len(pieces)
				space = false
			}
			pieces = append(pieces, seg{piece, s.k})
			cur := &words[len(words)-1]
			cur.pieces = pieces[start:len(pieces):len(pieces)]
			cur.width += cellWidth(piece)
		}
	}
	return words, pieces
}

// cellWidth is the number of terminal cells s takes.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < 0x20 {
			return uniseg.StringWidth(s)
		}
	}
	return len(s)
}

// cut splits a word that is too long for a line after at most max cells, at
// a grapheme cluster boundary. head is empty when even one cluster is wider
// than max.
func (w word) cut(max int) (head, tail word) {
	tail.space, tail.spaceK = false, w.spaceK
	used := 0
	for pi, p := range w.pieces {
		g := uniseg.NewGraphemes(p.text)
		off := 0
		for g.Next() {
			cw := g.Width()
			if used+cw > max {
				if off > 0 {
					head.pieces = append(head.pieces, seg{p.text[:off], p.k})
				}
				head.width = used
				tail.pieces = append(tail.pieces, seg{p.text[off:], p.k})
				tail.pieces = append(tail.pieces, w.pieces[pi+1:]...)
				tail.width = w.width - used
				return head, tail
			}
			used += cw
			_, e := g.Positions()
			off = e
		}
		head.pieces = append(head.pieces, p)
	}
	head.width = used
	return head, tail
}

// renderText writes the terminal view of a report.
func renderText(w io.Writer, r *compare.Report, sel []int, opt Options) error {
	t := newTextWriter(w, opt)
	idx := sourceIndex(r)
	t.header(r)
	for _, i := range sel {
		t.blank()
		t.finding(r, idx, &r.Findings[i])
	}
	t.recap(r, idx, sel)
	t.blank()
	t.para(0, 0, seg{summary(r, sel), kTitle})
	if t.err == nil {
		t.err = t.w.Flush()
	}
	if t.err != nil {
		return fmt.Errorf("report: writing text: %w", t.err)
	}
	return nil
}

// recap repeats the conflicts in brief at the end of a long report, so that
// they stand on the screen when the command returns: each group with its
// sources and one evidence sentence, the note and any different-occurrence
// warning. It is left out when only conflicts are shown.
func (t *textWriter) recap(r *compare.Report, idx map[string]int, sel []int) {
	var conflicts []*compare.Finding
	for _, i := range sel {
		if r.Findings[i].Status == compare.Conflict {
			conflicts = append(conflicts, &r.Findings[i])
		}
	}
	if len(conflicts) == 0 || len(conflicts) == len(sel) {
		return
	}
	t.blank()
	t.para(0, 0, seg{"Conflicts at a glance (" + strconv.Itoa(len(conflicts)) + ")", kTitle})
	for _, f := range conflicts {
		label := clean(f.Label)
		if label == "" {
			label = clean(f.Slot)
		}
		t.para(2, 4, seg{statusWord(f.Status), kConflict}, seg{" · ", kPlain}, seg{label, kValue})
		for gi := range f.Groups {
			g := &f.Groups[gi]
			t.para(4, 2, seg{"• ", kPlain}, seg{truncate(clean(groupDisplay(g)), maxDisplay), kValue},
				seg{" (" + clean(strings.Join(g.Sources, ", ")) + ")", kDim})
			if len(g.Evidence) > 0 {
				t.para(6, 0, t.sentence(&g.Evidence[0])...)
			}
		}
		if f.DifferentEvent {
			t.para(4, 9, seg{"warning: ", kWarn}, seg{differentEventNote(r, f, idx), kPlain})
		}
	}
}

// header lists the articles and, when they report more than one occurrence,
// the occurrences.
func (t *textWriter) header(r *compare.Report) {
	t.para(0, 0, seg{"Articles (" + strconv.Itoa(len(r.Sources)) + ")", kTitle})
	for _, s := range r.Sources {
		title := truncate(clean(s.Title), maxTitle)
		if title == "" {
			title = "(untitled)"
		}
		t.para(2, 4, seg{clean(s.ID), kValue}, seg{": " + title, kPlain},
			seg{" (" + plural(s.Claims, "claim", "claims") + ")", kDim})
		var meta []string
		if s.URL != "" {
			meta = append(meta, clean(s.URL))
		}
		if s.Published != "" {
			meta = append(meta, "published "+clean(s.Published))
		}
		if len(meta) > 0 {
			t.para(6, 2, seg{strings.Join(meta, " · "), kDim})
		}
		for _, sh := range s.SharesTextWith {
			t.para(6, 2, seg{clean(shareNote(sh)), kWarn})
		}
	}
	if len(r.Events) > 1 {
		t.blank()
		t.para(0, 0, seg{"Occurrences (" + strconv.Itoa(len(r.Events)) + ")", kTitle})
		for i, e := range r.Events {
			segs := []seg{{strconv.Itoa(i+1) + ". " + clean(strings.Join(e.Sources, ", ")), kPlain}}
			if e.Note != "" {
				segs = append(segs, seg{" — " + clean(e.Note), kDim})
			}
			t.para(2, 3, segs...)
		}
	} else if len(r.Events) == 1 && r.Events[0].Note != "" {
		t.para(2, 4, seg{"one occurrence: " + clean(r.Events[0].Note), kDim})
	}
}

// statusKind is the style of a verdict.
func statusKind(s compare.Status) kind {
	switch s {
	case compare.Conflict:
		return kConflict
	case compare.Compatible:
		return kCompatible
	case compare.Agree:
		return kAgree
	}
	return kSingle
}

// finding writes one finding: verdict line, value groups with evidence,
// note, different-occurrence warning and quote differences.
func (t *textWriter) finding(r *compare.Report, idx map[string]int, f *compare.Finding) {
	head := []seg{{statusWord(f.Status), statusKind(f.Status)}}
	if f.Severity != "" && f.Severity != compare.Info {
		head = append(head, seg{" · " + string(f.Severity), statusKind(f.Status)})
	}
	label := clean(f.Label)
	slot := clean(f.Slot)
	if label == "" {
		head = append(head, seg{" · ", kPlain}, seg{slot, kValue})
	} else {
		head = append(head, seg{" · ", kPlain}, seg{label, kValue}, seg{" (" + slot + ")", kDim})
	}
	t.para(0, 4, head...)
	if ctx := findingContext(r, f); len(ctx) > 0 {
		t.para(2, 2, seg{strings.Join(ctx, " · "), kDim})
	}
	for gi := range f.Groups {
		g := &f.Groups[gi]
		line := []seg{{"• ", kPlain}, {truncate(clean(groupDisplay(g)), maxDisplay), kValue},
			{" (" + groupCount(g) + ": " + clean(strings.Join(g.Sources, ", ")) + ")", kDim}}
		if fl := groupFlags(g); len(fl) > 0 {
			line = append(line, seg{" · " + strings.Join(fl, " · "), kDim})
		}
		t.para(2, 2, line...)
		for ei := range g.Evidence {
			e := &g.Evidence[ei]
			meta := append([]string{location(r, idx, e)}, evidenceMeta(e)...)
			t.para(4, 2, seg{strings.Join(meta, " · "), kDim})
			t.para(6, 0, t.sentence(e)...)
		}
	}
	if f.Note != "" {
		t.para(2, 6, seg{"note: ", kDim}, seg{clean(f.Note), kPlain})
	}
	if f.DifferentEvent {
		t.para(2, 9, seg{"warning: ", kWarn}, seg{differentEventNote(r, f, idx), kPlain})
	}
	if len(f.QuoteDiff) > 0 {
		t.para(2, 9, append([]seg{{"wording: ", kDim}}, t.diff(f.QuoteDiff)...)...)
	}
}

// sentence is an evidence sentence with its span highlighted: bold and
// underlined in color, between « and » without.
func (t *textWriter) sentence(e *compare.Evidence) []seg {
	before, span, after, ok := spanParts(e)
	if !ok {
		return []seg{{before, kPlain}}
	}
	if !t.color {
		span = "«" + span + "»"
	}
	return []seg{{before, kPlain}, {span, kMark}, {after, kPlain}}
}

// diff is a word diff: colored, or with [-deleted-] and {+inserted+} markers
// without color.
func (t *textWriter) diff(d []compare.DiffSpan) []seg {
	segs := make([]seg, 0, len(d))
	for _, s := range d {
		text := clean(s.Text)
		switch s.Op {
		case "delete":
			if !t.color {
				text = "[-" + text + "-]"
			}
			segs = append(segs, seg{text, kDel})
		case "insert":
			if !t.color {
				text = "{+" + text + "+}"
			}
			segs = append(segs, seg{text, kIns})
		default:
			segs = append(segs, seg{text, kPlain})
		}
	}
	return segs
}
