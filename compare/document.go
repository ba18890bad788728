package compare

import (
	"slices"
	"strings"

	"github.com/factdiff/factdiff/claims"
)

// DocumentOf turns one article's extraction result into a Document.
//
// The claims' Text and Sentence are re-pointed into one new string that holds
// only the sentences claims were read from, and the other strings a claim may
// have cut from the article (title, display, attribution, quote, unnamed
// place) are copied, so that a Document does not keep the whole article text
// alive: comparing many articles holds their claims, not their texts. The
// strings keep their content, and r.Claims is that same slice.
func DocumentOf(r claims.Result) Document {
	a := r.Article
	d := Document{
		Source:      Source{ID: a.ID, Path: a.Path, Title: strings.Clone(a.Title), URL: a.URL, Claims: len(r.Claims)},
		Claims:      r.Claims,
		Fingerprint: r.Fingerprint,
	}
	if !a.Published.IsZero() {
		d.Source.Published = a.Published.Format("2006-01-02")
	}
	detachSentences(d.Claims)
	for i := range d.Claims {
		c := &d.Claims[i]
		c.Display = strings.Clone(c.Display)
		c.Attribution = strings.Clone(c.Attribution)
		c.Inferred = strings.Clone(c.Inferred)
		if q := c.Value.Quote; q != nil {
			q.Text = strings.Clone(q.Text)
		}
		if e := c.Value.Entity; e != nil && e.Unknown {
			e.Name = strings.Clone(e.Name)
		}
	}
	return d
}

// detachSentences copies the claims' sentences into one string of their own
// (sentences that overlap in the article share their bytes, by offset) and
// re-slices each claim's Sentence and, when it lies inside it, Text from
// that copy; strings that do not agree with their offsets are cloned alone.
func detachSentences(cs []claims.Claim) {
	type span struct {
		start, end int
		text       string // the article's bytes from start to end
	}
	spans := make([]span, 0, len(cs))
	for i := range cs {
		c := &cs[i]
		if c.SentenceStart >= 0 && c.Sentence != "" {
			spans = append(spans, span{c.SentenceStart, c.SentenceStart + len(c.Sentence), c.Sentence})
		}
	}
	if len(spans) == 0 {
		for i := range cs {
			cs[i].Sentence = strings.Clone(cs[i].Sentence)
			cs[i].Text = strings.Clone(cs[i].Text)
		}
		return
	}
	slices.SortFunc(spans, func(x, y span) int { return x.start - y.start })
	merged := spans[:1]
	for _, sp := range spans[1:] {
		last := &merged[len(merged)-1]
		if sp.start > last.end {
			merged = append(merged, sp)
			continue
		}
		if sp.end > last.end { // overlapping sentences: add the tail
			last.text += sp.text[last.end-sp.start:]
			last.end = sp.end
		}
	}
	size := 0
	for _, sp := range merged {
		size += sp.end - sp.start
	}
	var b strings.Builder
	b.Grow(size)
	at := make([]int, len(merged)) // where each merged span starts in the copy
	for k, sp := range merged {
		at[k] = b.Len()
		b.WriteString(sp.text)
	}
	copied := b.String()
	for i := range cs {
		c := &cs[i]
		s, e := c.SentenceStart, c.SentenceStart+len(c.Sentence)
		k, found := slices.BinarySearchFunc(merged, s, func(sp span, off int) int {
			if sp.end <= off {
				return -1
			}
			if sp.start > off {
				return 1
			}
			return 0
		})
		if !found || e > merged[k].end || c.Sentence == "" {
			c.Sentence = strings.Clone(c.Sentence)
			c.Text = strings.Clone(c.Text)
			continue
		}
		base := at[k] - merged[k].start // copy offset = article offset + base
		if sentence := copied[s+base : e+base]; sentence == c.Sentence {
			c.Sentence = sentence
		} else {
			c.Sentence = strings.Clone(c.Sentence)
		}
		if c.Start >= s && c.End <= e && c.End-c.Start == len(c.Text) && copied[c.Start+base:c.End+base] == c.Text {
			c.Text = copied[c.Start+base : c.End+base]
		} else {
			c.Text = strings.Clone(c.Text)
		}
	}
}
