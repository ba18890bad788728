package claims

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

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

// AppendClaimJSON appends c as one line of JSON (with its newline), or
// nothing if c holds a number JSON cannot carry.
func AppendClaimJSON(dst []byte, c *Claim) []byte {
	if !finiteClaim(c) {
		return dst
	}
	dst = append(dst, `{"source":`...)
	dst = appendJSONString(dst, c.Source, false)
	dst = append(dst, `,"slot":`...)
	dst = appendJSONString(dst, c.Slot, false)
	dst = append(dst, `,"type":`...)
	dst = appendJSONString(dst, string(c.Type), false)
	dst = append(dst, `,"value":`...)
	dst = appendValueJSON(dst, &c.Value)
	dst = append(dst, `,"display":`...)
	dst = appendJSONString(dst, c.Display, false)
	dst = append(dst, `,"text":`...)
	dst = appendJSONString(dst, c.Text, false)
	dst = append(dst, `,"sentence":`...)
	dst = appendJSONString(dst, c.Sentence, false)
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(c.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(c.End), 10)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(c.Line), 10)
	dst = append(dst, `,"col":`...)
	dst = strconv.AppendInt(dst, int64(c.Col), 10)
	dst = append(dst, `,"attribution":`...)
	dst = appendJSONString(dst, c.Attribution, false)
	if c.AttributionID != "" {
		dst = append(dst, `,"attribution_id":`...)
		dst = appendJSONString(dst, c.AttributionID, false)
	}
	dst = append(dst, `,"confidence":`...)
	dst = appendJSONFloat(dst, c.Confidence)
	if c.Expected {
		dst = append(dst, `,"expected":true`...)
	}
	if c.Earlier {
		dst = append(dst, `,"earlier":true`...)
	}
	if c.Inferred != "" {
		dst = append(dst, `,"inferred":`...)
		dst = appendJSONString(dst, c.Inferred, false)
	}
	dst = append(dst, `,"sentence_start":`...)
	dst = strconv.AppendInt(dst, int64(c.SentenceStart), 10)
	return append(dst, "}\n"...)
}

// finiteClaim reports whether every number of c can be written as JSON.
func finiteClaim(c *Claim) bool {
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	if !finite(c.Confidence) {
		return false
	}
	if q := c.Value.Quantity; q != nil {
		if (q.Min != nil && !finite(*q.Min)) || (q.Max != nil && !finite(*q.Max)) {
			return false
		}
	}
	return true
}

// appendValueJSON writes v as Value.MarshalJSON does: the one value set, its
// strings HTML-escaped (json.Marshal's default).
func appendValueJSON(dst []byte, v *value.Value) []byte {
	switch {
	case v.Quantity != nil:
		q := v.Quantity
		dst = append(dst, `{"min":`...)
		dst = appendJSONFloatPtr(dst, q.Min)
		dst = append(dst, `,"max":`...)
		dst = appendJSONFloatPtr(dst, q.Max)
		dst = append(dst, `,"unit":`...)
		dst = appendJSONString(dst, q.Unit, true)
		dst = append(dst, `,"approx":`...)
		dst = strconv.AppendBool(dst, q.Approx)
		dst = append(dst, `,"bound":`...)
		dst = appendJSONString(dst, string(q.Bound), true)
		if q.Written != "" {
			dst = append(dst, `,"written":`...)
			dst = appendJSONString(dst, q.Written, true)
		}
		return append(dst, '}')
	case v.Time != nil:
		t := v.Time
		dst = append(dst, '{')
		n := len(dst)
		field := func(name string) {
			if len(dst) > n {
				dst = append(dst, ',')
			}
			dst = append(dst, '"')
			dst = append(dst, name...)
			dst = append(dst, `":`...)
		}
		if t.Year != 0 {
			field("year")
			dst = strconv.AppendInt(dst, int64(t.Year), 10)
		}
		if t.Month != 0 {
			field("month")
			dst = strconv.AppendInt(dst, int64(t.Month), 10)
		}
		if t.Day != 0 {
			field("day")
			dst = strconv.AppendInt(dst, int64(t.Day), 10)
		}
		if t.Weekday != "" {
			field("weekday")
			dst = appendJSONString(dst, t.Weekday, true)
		}
		if t.Decade {
			field("decade")
			dst = append(dst, "true"...)
		}
		if t.Relative != "" {
			field("relative")
			dst = appendJSONString(dst, t.Relative, true)
		}
		if t.Ambiguous {
			field("ambiguous")
			dst = append(dst, "true"...)
		}
		return append(dst, '}')
	case v.Entity != nil:
		e := v.Entity
		dst = append(dst, `{"name":`...)
		dst = appendJSONString(dst, e.Name, true)
		dst = append(dst, `,"id":`...)
		dst = appendJSONString(dst, e.ID, true)
		if e.Kind != "" {
			dst = append(dst, `,"kind":`...)
			dst = appendJSONString(dst, e.Kind, true)
		}
		if len(e.Within) > 0 {
			dst = append(dst, `,"within":`...)
			dst = appendJSONStrings(dst, e.Within)
		}
		if len(e.WithinIDs) > 0 {
			dst = append(dst, `,"within_ids":`...)
			dst = appendJSONStrings(dst, e.WithinIDs)
		}
		if e.Unknown {
			dst = append(dst, `,"unknown":true`...)
		}
		return append(dst, '}')
	case v.Quote != nil:
		q := v.Quote
		dst = append(dst, `{"speaker":`...)
		dst = appendJSONString(dst, q.Speaker, true)
		if q.SpeakerID != "" {
			dst = append(dst, `,"speaker_id":`...)
			dst = appendJSONString(dst, q.SpeakerID, true)
		}
		dst = append(dst, `,"text":`...)
		dst = appendJSONString(dst, q.Text, true)
		return append(dst, '}')
	case v.Ordinal != nil:
		dst = append(dst, `{"ordinal":`...)
		dst = strconv.AppendInt(dst, int64(v.Ordinal.Ordinal), 10)
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

func appendJSONStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s, true)
	}
	return append(dst, ']')
}

func appendJSONFloatPtr(dst []byte, f *float64) []byte {
	if f == nil {
		return append(dst, "null"...)
	}
	return appendJSONFloat(dst, *f)
}

// appendJSONFloat formats a finite f as encoding/json does: the shortest
// decimal that reads back as f, in exponent form only below 1e-6 or from
// 1e21 on, with a one-digit negative exponent not padded.
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendJSONString quotes s as encoding/json does: control characters, quote
// and backslash escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped,
// and with html also <, > and &.
func appendJSONString(dst []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && (!html || (b != '<' && b != '>' && b != '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
