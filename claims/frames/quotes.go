package frames

import (
	"strings"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/value"
)

// minQuoteWords is the shortest direct speech kept as a quote claim; shorter
// quoted text is a title or a term ('Dear Chairman').
const minQuoteWords = 3

// quotes finds direct speech — "…", '…', or a dash after a speech verb
// ("किम ने कहा- …") — and its speaker: the nearest person before the speech
// verb, or after the quote ("…," Putin said).
func (a *Assigner) quotes(st *sentenceState, ents []Entity, out []Assignment) []Assignment {
	speech := -1
	for _, h := range st.hits {
		if h.kind == kSpeech {
			speech = h.from
			break
		}
	}
	if speech < 0 {
		return out
	}
	type span struct{ from, to int } // tokens inside the quote
	var spans []span
	for i := 0; i < len(st.toks); i++ {
		tk := st.toks[i]
		key := st.key(i)
		if !tk.punct || (key != "\"" && key != "'") {
			continue
		}
		if key == "'" && i > 0 && st.toks[i-1].end == tk.start && !st.toks[i-1].punct {
			continue // an apostrophe inside a word
		}
		for j := i + 1; j < len(st.toks); j++ {
			if st.toks[j].punct && st.key(j) == key {
				spans = append(spans, span{i + 1, j})
				i = j
				break
			}
		}
	}
	if len(spans) == 0 {
		// Dash speech: "ने कहा- …" to the end of the sentence.
		for i := speech; i < len(st.toks) && i <= speech+2; i++ {
			if st.toks[i].punct && (st.key(i) == "-" || st.key(i) == "—" || st.key(i) == "–" || st.key(i) == ":") {
				spans = append(spans, span{i + 1, len(st.toks)})
				break
			}
		}
	}
	for _, sp := range spans {
		words := 0
		for _, t := range st.toks[sp.from:sp.to] {
			if !t.punct {
				words++
			}
		}
		if words < minQuoteWords {
			continue
		}
		speaker := a.speaker(st, ents, sp.from, sp.to)
		conf, inferred := confClause, ""
		if speaker == nil && st.agent != nil && a.pronounBefore(st, sp.from) {
			speaker = st.agent
			conf = confSentence
			inferred = "the pronoun refers back to " + speaker.Name
		}
		if speaker == nil {
			continue
		}
		start, end := st.toks[sp.from].start, st.toks[sp.to-1].end
		for end > start {
			r, n := utf8.DecodeLastRuneInString(st.src[start:end])
			if !strings.ContainsRune(".।,!?", r) {
				break
			}
			end -= n
		}
		txt := st.src[start:end]
		q := &value.Quote{Speaker: speaker.Name, SpeakerID: speaker.ID, Text: txt}
		attr, attrID := st.attr, st.attrID
		if attrID == speaker.ID {
			attr, attrID = "", "" // the speaker is not a source of their own words
		}
		out = append(out, Assignment{
			Slot: "quote." + strings.TrimPrefix(speaker.ID, "person:"), Type: value.TypeQuote,
			Value: value.Value{Quote: q}, Display: "“" + txt + "” — " + speaker.Name,
			Start: start, End: end, Sentence: st.idx, Attribution: attr, AttributionID: attrID,
			Confidence: conf, Inferred: inferred,
		})
	}
	return out
}

// speaker is the person nearest before the quote (up to the speech verb), or
// right after it.
func (a *Assigner) speaker(st *sentenceState, ents []Entity, from, to int) *value.Entity {
	var best *value.Entity
	bestAgent := false
	for i := range ents {
		e := &ents[i]
		if e.Value.Kind != "person" {
			continue
		}
		f, t := tokRange(st.toks, e.Start, e.End)
		if f < 0 {
			continue
		}
		if t <= from {
			// The person marked as agent ("पुतिन ने …कहा") wins over others.
			agent := t < len(st.toks) && st.key(t) == "ने"
			if agent || !bestAgent {
				best, bestAgent = &e.Value, agent
			}
		} else if f >= to && best == nil && f <= to+3 {
			best = &e.Value
		}
	}
	return best
}

// pronounBefore reports a pronoun agent before token i ("उन्होंने कहा").
func (a *Assigner) pronounBefore(st *sentenceState, i int) bool {
	for _, h := range st.hits {
		if h.kind == kPronounAgent && h.to <= i {
			return true
		}
	}
	return false
}

// lastAgent is the last person of a sentence marked as agent ("मोदी ने") or,
// in English, followed by a speech verb ("Modi said").
func lastAgent(st *sentenceState, ents []Entity) *value.Entity {
	last := -1
	for i := range ents {
		e := &ents[i]
		if e.Value.Kind != "person" {
			continue
		}
		_, t := tokRange(st.toks, e.Start, e.End)
		if t > 0 && t < len(st.toks) && (st.key(t) == "ने" || st.key(t) == "said" || st.key(t) == "says") {
			last = i
		}
	}
	if last < 0 {
		return nil
	}
	return st.newEntity(ents[last].Value)
}
