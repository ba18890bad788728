package value

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// Finite reports whether every number of v can be written as JSON (JSON has
// no NaN or infinity; encoding/json refuses them).
func (v Value) Finite() bool {
	if q := v.Quantity; q != nil {
		return (q.Min == nil || finite(*q.Min)) && (q.Max == nil || finite(*q.Max))
	}
	return true
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// AppendJSON appends v as compact JSON, byte for byte what MarshalJSON gives:
// the one value set, its strings HTML-escaped (json.Marshal's default), or
// null. It does not allocate; numbers must be finite (see Finite).
func (v Value) AppendJSON(dst []byte) []byte {
	switch {
	case v.Quantity != nil:
		q := v.Quantity.forJSON()
		dst = append(dst, `{"min":`...)
		dst = appendJSONFloatPtr(dst, q.Min)
		dst = append(dst, `,"max":`...)
		dst = appendJSONFloatPtr(dst, q.Max)
		dst = append(dst, `,"unit":`...)
		dst = AppendJSONString(dst, q.Unit, true)
		dst = append(dst, `,"approx":`...)
		dst = strconv.AppendBool(dst, q.Approx)
		dst = append(dst, `,"bound":`...)
		dst = AppendJSONString(dst, string(q.Bound), true)
		if q.Written != "" {
			dst = append(dst, `,"written":`...)
			dst = AppendJSONString(dst, q.Written, true)
		}
		if q.Currency != "" {
			dst = append(dst, `,"currency":`...)
			dst = AppendJSONString(dst, q.Currency, true)
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
			dst = AppendJSONString(dst, t.Weekday, true)
		}
		if t.Decade {
			field("decade")
			dst = append(dst, "true"...)
		}
		if t.Relative != "" {
			field("relative")
			dst = AppendJSONString(dst, t.Relative, true)
		}
		if t.Ambiguous {
			field("ambiguous")
			dst = append(dst, "true"...)
		}
		return append(dst, '}')
	case v.Entity != nil:
		e := v.Entity
		dst = append(dst, `{"name":`...)
		dst = AppendJSONString(dst, e.Name, true)
		dst = append(dst, `,"id":`...)
		dst = AppendJSONString(dst, e.ID, true)
		if e.Kind != "" {
			dst = append(dst, `,"kind":`...)
			dst = AppendJSONString(dst, e.Kind, true)
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
		dst = AppendJSONString(dst, q.Speaker, true)
		if q.SpeakerID != "" {
			dst = append(dst, `,"speaker_id":`...)
			dst = AppendJSONString(dst, q.SpeakerID, true)
		}
		dst = append(dst, `,"text":`...)
		dst = AppendJSONString(dst, q.Text, true)
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
		dst = AppendJSONString(dst, s, true)
	}
	return append(dst, ']')
}

func appendJSONFloatPtr(dst []byte, f *float64) []byte {
	if f == nil {
		return append(dst, "null"...)
	}
	return AppendJSONFloat(dst, *f)
}

// AppendJSONFloat appends a finite f as encoding/json writes it: the shortest
// decimal that reads back as f, in exponent form only below 1e-6 or from
// 1e21 on, with a one-digit negative exponent not padded.
func AppendJSONFloat(dst []byte, f float64) []byte {
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

// AppendJSONString appends s quoted as encoding/json writes it: control characters, quote
// and backslash escaped, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped,
// and with html also <, > and &.
func AppendJSONString(dst []byte, s string, html bool) []byte {
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
		if b >= 0xE0 && b <= 0xEF && i+2 < len(s) && plainThreeByte(b, s[i+1], s[i+2]) {
			i += 3 // the Devanagari block and most of the BMP: nothing to escape
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

// plainThreeByte reports whether the lead byte b (0xE0–0xEF) and the bytes
// c1, c2 after it are a valid three-byte UTF-8 sequence other than U+2028
// and U+2029, which AppendJSONString copies as it is.
func plainThreeByte(b, c1, c2 byte) bool {
	lo, hi := byte(0x80), byte(0xBF)
	switch b {
	case 0xE0:
		lo = 0xA0 // no overlong forms
	case 0xED:
		hi = 0x9F // no surrogates
	case 0xE2:
		if c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9) {
			return false
		}
	}
	return lo <= c1 && c1 <= hi && c2&0xC0 == 0x80
}
