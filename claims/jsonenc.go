package claims

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"

	"github.com/factdiff/factdiff/claims/value"
)

// AppendJSONL appends the lines `extract --format jsonl` writes for one
// article: with sources, its SourceRecord first, then one line per claim.
// The bytes are those of an encoding/json Encoder with SetEscapeHTML(false)
// (the value inside a claim is HTML-escaped, as Value.MarshalJSON gives it);
// the claims are written by hand because reflection costs several times more
// on millions of claims. A claim that encoding/json could not write (a
// number that is not finite) is left out, as the Encoder would.
func AppendJSONL(dst []byte, r Result, withSource bool) []byte {
	if withSource {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if enc.Encode(SourceRecordOf(r)) == nil {
			dst = append(dst, buf.Bytes()...)
		}
	}
	for i := range r.Claims {
		dst = AppendClaimJSON(dst, &r.Claims[i])
	}
	return dst
}

// JSONLSize estimates the bytes AppendJSONL writes for r (without sources):
// the claims' texts and sentences and a few hundred bytes for the rest of
// each line.
func JSONLSize(r Result) int {
	n := 0
	for i := range r.Claims {
		n += len(r.Claims[i].Sentence) + len(r.Claims[i].Text) + 300
	}
	return n
}

// AppendClaimJSON appends c as one line of JSON (with its newline), or
// nothing if c holds a number JSON cannot carry.
func AppendClaimJSON(dst []byte, c *Claim) []byte {
	if !finiteClaim(c) {
		return dst
	}
	dst = append(dst, `{"source":`...)
	dst = value.AppendJSONString(dst, c.Source, false)
	dst = append(dst, `,"slot":`...)
	dst = value.AppendJSONString(dst, c.Slot, false)
	dst = append(dst, `,"type":`...)
	dst = value.AppendJSONString(dst, string(c.Type), false)
	dst = append(dst, `,"value":`...)
	dst = c.Value.AppendJSON(dst)
	dst = append(dst, `,"display":`...)
	dst = value.AppendJSONString(dst, c.Display, false)
	dst = append(dst, `,"text":`...)
	dst = value.AppendJSONString(dst, c.Text, false)
	dst = append(dst, `,"sentence":`...)
	dst = value.AppendJSONString(dst, c.Sentence, false)
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(c.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(c.End), 10)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(c.Line), 10)
	dst = append(dst, `,"col":`...)
	dst = strconv.AppendInt(dst, int64(c.Col), 10)
	dst = append(dst, `,"attribution":`...)
	dst = value.AppendJSONString(dst, c.Attribution, false)
	if c.AttributionID != "" {
		dst = append(dst, `,"attribution_id":`...)
		dst = value.AppendJSONString(dst, c.AttributionID, false)
	}
	dst = append(dst, `,"confidence":`...)
	dst = value.AppendJSONFloat(dst, c.Confidence)
	if c.Expected {
		dst = append(dst, `,"expected":true`...)
	}
	if c.Earlier {
		dst = append(dst, `,"earlier":true`...)
	}
	if c.Inferred != "" {
		dst = append(dst, `,"inferred":`...)
		dst = value.AppendJSONString(dst, c.Inferred, false)
	}
	dst = append(dst, `,"sentence_start":`...)
	dst = strconv.AppendInt(dst, int64(c.SentenceStart), 10)
	return append(dst, "}\n"...)
}

// finiteClaim reports whether every number of c can be written as JSON.
func finiteClaim(c *Claim) bool {
	return !math.IsNaN(c.Confidence) && !math.IsInf(c.Confidence, 0) && c.Value.Finite()
}
