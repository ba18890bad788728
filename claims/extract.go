// Package claims turns an article into normalized claims: values on named
// slots ("meeting.location", "meeting.duration") with the exact text they
// were read from.
//
// The pipeline of one article: normalize the text (keeping an offset map),
// split it into sentences and mark page furniture, scan numbers, quantities
// and dates (package scan), find places, people and organizations (package
// gazetteer), assign each value to the slot of the frame it belongs to
// (package frames), and map every span back to the original bytes.
//
// It is not for comparing articles; package compare does that.
package claims

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/frames"
	"github.com/factdiff/factdiff/claims/gazetteer"
	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/scan"
	"github.com/factdiff/factdiff/claims/shingle"
	"github.com/factdiff/factdiff/claims/value"
)

// Extractor reads claims out of articles. It is built once from the language
// data and is safe for concurrent use.
type Extractor struct {
	seg    *normalize.Segmenter
	scan   *scan.Scanner
	gaz    *gazetteer.Gazetteer
	frames *frames.Assigner
}

// NewExtractor builds an Extractor from the embedded language data plus the
// user's lexicon files (--lexicon).
func NewExtractor(user ...lexicon.File) (*Extractor, error) {
	seg, err := normalize.NewSegmenter(user...)
	if err != nil {
		return nil, err
	}
	sc, err := scan.New(user...)
	if err != nil {
		return nil, err
	}
	gz, err := gazetteer.New(user...)
	if err != nil {
		return nil, err
	}
	fr, err := frames.New(user...)
	if err != nil {
		return nil, err
	}
	fr.Unknown = gazetteer.UnknownValue
	return &Extractor{seg: seg, scan: sc, gaz: gz, frames: fr}, nil
}

// Gazetteer returns the extractor's gazetteer.
func (x *Extractor) Gazetteer() *gazetteer.Gazetteer { return x.gaz }

// Scanner returns the extractor's quantity scanner.
func (x *Extractor) Scanner() *scan.Scanner { return x.scan }

// Result is what extraction yields for one article.
type Result struct {
	Article article.Article // Text is cleared to save memory; see Fingerprint
	Claims  []Claim
	// Fingerprint is the article's shingle fingerprint for shared-text
	// detection; empty when RunOptions.NoFingerprint is set.
	Fingerprint []uint64
}

// Extract reads the claims of one article.
func (x *Extractor) Extract(a *article.Article) Result {
	return x.extract(a, true)
}

// extract reads the claims of one article, and its fingerprint when asked.
func (x *Extractor) extract(a *article.Article, fingerprint bool) Result {
	t := normalize.New(a.Text)
	sents := x.seg.Split(t.Norm)
	ms := x.scan.Scan(t.Norm)
	in := &frames.Input{Text: t.Norm, Sentences: sents}
	in.Mentions = make([]frames.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Identifier {
			continue // "प्लेटफॉर्म नंबर 3": a name, no amount of anything
		}
		if m.Each && (m.Type == value.TypeCount || m.Type == value.TypeNumber) {
			continue // "परिजनों को 4-4 लाख": so much for each, no count
		}
		in.Mentions = append(in.Mentions, frames.Mention{Start: m.Start, End: m.End, Type: m.Type, Value: m.Value, Display: m.Display})
	}
	found := x.gaz.Find(t.Norm)
	in.Entities = make([]frames.Entity, 0, len(found))
	for _, m := range found {
		in.Entities = append(in.Entities, frames.Entity{Start: m.Start, End: m.End, Value: x.gaz.Value(m.Entry), Demonym: m.Demonym, Weak: m.Weak})
	}
	asgs := x.frames.Assign(in)
	lines := newLineIndex(a.Text)
	out := make([]Claim, 0, len(asgs))
	for _, g := range asgs {
		os, oe := t.Span(g.Start, g.End)
		s := sents[g.Sentence]
		ss, se := t.Span(s.Start, s.End)
		line, col := lines.pos(a.Text, os)
		display := g.Display
		if display == "" {
			display = g.Value.Display()
		}
		out = append(out, Claim{
			Source: a.ID, Slot: g.Slot, Type: g.Type, Value: g.Value, Display: display,
			Text: a.Text[os:oe], Sentence: a.Text[ss:se], Start: os, End: oe, Line: line, Col: col,
			Attribution: g.Attribution, AttributionID: g.AttributionID, Confidence: g.Confidence,
			Expected: g.Expected, Earlier: g.Earlier, Inferred: g.Inferred, SentenceStart: ss,
		})
	}
	slices.SortStableFunc(out, func(a, b Claim) int { return cmp.Compare(a.Start, b.Start) })
	r := Result{Article: withoutText(a), Claims: out}
	if fingerprint {
		r.Fingerprint = shingle.Fingerprint(t.Norm)
	}
	return r
}

func withoutText(a *article.Article) article.Article {
	c := *a
	c.Text = ""
	return c
}

// lineIndex maps byte offsets to 1-based line and column (in characters).
// Columns are counted on from the previous lookup when it is on the same
// line before the offset, so sorted lookups over a long line stay linear.
type lineIndex struct {
	starts []int
	// the last lookup: its line's index, offset and column
	lastLine, lastOff, lastCol int
}

func newLineIndex(s string) *lineIndex {
	li := &lineIndex{starts: []int{0}}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) pos(s string, off int) (line, col int) {
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	from, col := li.starts[i], 1
	if li.lastCol > 0 && li.lastLine == i && li.lastOff <= off {
		from, col = li.lastOff, li.lastCol
	}
	col += utf8.RuneCountInString(s[from:off])
	li.lastLine, li.lastOff, li.lastCol = i, off, col
	return i + 1, col
}

// Mention is a value or entity found in a phrase, for the parse command.
type Mention struct {
	Text    string      `json:"text"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Type    value.Type  `json:"type"`
	Value   value.Value `json:"value"`
	Display string      `json:"display"`
}

// Parse reads every value and entity in a phrase, with byte offsets into the
// phrase as given.
func (x *Extractor) Parse(phrase string) []Mention {
	t := normalize.New(phrase)
	var out []Mention
	for _, m := range x.scan.Scan(t.Norm) {
		s, e := t.Span(m.Start, m.End)
		out = append(out, Mention{Text: phrase[s:e], Start: s, End: e, Type: m.Type, Value: m.Value, Display: m.Display})
	}
	for _, m := range x.gaz.Find(t.Norm) {
		if m.Demonym {
			continue
		}
		v := x.gaz.Value(m.Entry)
		s, e := t.Span(m.Start, m.End)
		typ := value.TypePlace
		switch v.Kind {
		case "person":
			typ = value.TypePerson
		case "organization":
			typ = value.TypeOrg
		}
		display := v.Name
		if len(v.Within) > 0 {
			display += " (in " + strings.Join(v.Within, " › ") + ")"
		}
		out = append(out, Mention{Text: phrase[s:e], Start: s, End: e, Type: typ, Value: value.Value{Entity: &v}, Display: display})
	}
	slices.SortStableFunc(out, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	if out == nil {
		out = []Mention{}
	}
	return out
}
