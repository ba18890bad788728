package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/factdiff/factdiff/compare"
)

// renderJSON writes the report in the shape of the public contract, indented
// by two spaces, with a trailing newline. Filters drop findings; empty lists
// are written as [] rather than null.
//
// The report is written element by element, each through a reused encoder
// buffer, so a large report never sits in memory a second time as one JSON
// document; the bytes are those encoding/json writes for the whole report
// with Encoder.SetIndent("", "  ") and SetEscapeHTML(false).
func renderJSON(w io.Writer, r *compare.Report, sel []int) error {
	// JSON has no NaN or infinity: find such a number before the first byte
	// is written, so that a report is written whole or not at all.
	for i := range r.Sources {
		if !sourceFinite(&r.Sources[i]) {
			return unsupported(&r.Sources[i])
		}
	}
	for _, i := range sel {
		if !findingFinite(&r.Findings[i]) {
			return unsupported(&r.Findings[i])
		}
	}
	jw := newJSONWriter(w)
	jw.raw("{\n")
	jw.list("sources", len(r.Sources), func(i int) any { return &r.Sources[i] }, func(cw *compactWriter, i int) bool {
		if !sourceFinite(&r.Sources[i]) {
			return false
		}
		cw.source(&r.Sources[i])
		return true
	}, false)
	jw.list("findings", len(sel), func(i int) any { return &r.Findings[sel[i]] }, func(cw *compactWriter, i int) bool {
		if !findingFinite(&r.Findings[sel[i]]) {
			return false
		}
		cw.finding(&r.Findings[sel[i]])
		return true
	}, false)
	jw.list("events", len(r.Events), func(i int) any { return &r.Events[i] }, func(cw *compactWriter, i int) bool {
		cw.event(&r.Events[i])
		return true
	}, true)
	jw.raw("}\n")
	if jw.err == nil {
		jw.err = jw.out.Flush()
	}
	if jw.err != nil {
		return fmt.Errorf("report: writing JSON: %w", jw.err)
	}
	return nil
}

// unsupported returns encoding/json's error for a value it cannot write.
func unsupported(v any) error {
	_, err := json.Marshal(v)
	if err == nil {
		err = fmt.Errorf("a number that JSON cannot carry")
	}
	return fmt.Errorf("report: writing JSON: %w", err)
}

// jsonWriter writes one JSON document piece by piece; the first error stops
// all further writes and is kept in err.
type jsonWriter struct {
	out      *bufio.Writer
	buf      bytes.Buffer
	enc      *json.Encoder
	compact  compactWriter
	indented []byte
	err      error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{out: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	// Elements of a top-level list sit four spaces deep.
	jw.enc.SetIndent("    ", "  ")
	jw.enc.SetEscapeHTML(false)
	return jw
}

// raw writes s as it is.
func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.out.WriteString(s)
	}
}

// list writes the member `"key": [ … ]` of the top-level object with n
// elements; last says whether it ends the object. Each element is written by
// hand (by write, into the compact writer) or, when write declines it (a
// number JSON cannot carry), by encoding/json, which reports the error.
func (jw *jsonWriter) list(key string, n int, element func(i int) any, write func(cw *compactWriter, i int) bool, last bool) {
	jw.raw(`  "` + key + `": [`)
	for i := 0; i < n && jw.err == nil; i++ {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n    ")
		jw.compact.b = jw.compact.b[:0]
		if write(&jw.compact, i) {
			jw.indented = appendIndented(jw.indented[:0], jw.compact.b, "    ", "  ")
			_, jw.err = jw.out.Write(jw.indented)
			continue
		}
		jw.buf.Reset()
		if jw.err = jw.enc.Encode(element(i)); jw.err != nil {
			return
		}
		_, jw.err = jw.out.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
	}
	if n > 0 {
		jw.raw("\n  ")
	}
	if last {
		jw.raw("]\n")
	} else {
		jw.raw("],\n")
	}
}
