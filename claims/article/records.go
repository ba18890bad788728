package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Record fields, best first. Unknown fields are ignored.
var (
	textFields      = []string{"text", "body", "content", "article", "html"}
	titleFields     = []string{"title", "headline"}
	urlFields       = []string{"url", "link"}
	publishedFields = []string{"published", "date", "published_at", "datePublished", "pubDate"}
)

// parseRecords reads JSON Lines (one object a line; blank lines skipped) or
// JSON (an array of objects, or one object) into articles. Bad lines and
// records become warnings; the input is skipped only when no record is good.
func parseRecords(path, fileID, format, text string, r *Rules) ([]Article, []error, error) {
	var arts []Article
	var warns []error
	seen := map[string]bool{}
	n := 0
	add := func(where string, raw []byte) {
		n++
		a, warn, err := record(raw, r)
		if warn != nil {
			warns = append(warns, fmt.Errorf("%s:%s: %w", path, where, warn))
		}
		if err != nil {
			warns = append(warns, fmt.Errorf("%s:%s: %w", path, where, err))
			return
		}
		a.Path, a.Format = path, format
		if a.ID == "" {
			a.ID = fileID + "#" + strconv.Itoa(n)
		}
		if seen[a.ID] {
			old := a.ID
			a.ID = a.ID + "#" + strconv.Itoa(n)
			warns = append(warns, fmt.Errorf("%s:%s: id %q used before; this record is %q", path, where, old, a.ID))
		}
		seen[a.ID] = true
		arts = append(arts, a)
	}
	if format == "json" {
		data := []byte(text)
		var items []json.RawMessage
		trimmed := bytes.TrimSpace(data)
		switch {
		case len(trimmed) > 0 && trimmed[0] == '[':
			if err := json.Unmarshal(trimmed, &items); err != nil {
				return nil, warns, skip(path, "is not valid JSON: %s; a .json file holds one object or an array of objects", jsonErr(data, err))
			}
		case len(trimmed) > 0 && trimmed[0] == '{':
			items = []json.RawMessage{trimmed}
			if !json.Valid(trimmed) {
				var v any
				err := json.Unmarshal(trimmed, &v)
				return nil, warns, skip(path, "is not valid JSON: %s; a .json file holds one object or an array of objects", jsonErr(data, err))
			}
		default:
			return nil, warns, skip(path, "is not a JSON object or array; a .json file holds one object or an array of objects with a \"text\" field")
		}
		for i, it := range items {
			add("record "+strconv.Itoa(i+1), it)
		}
	} else {
		line := 0
		for rest := text; len(rest) > 0; {
			var l string
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				l, rest = rest[:i], rest[i+1:]
			} else {
				l, rest = rest, ""
			}
			line++
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			add("line "+strconv.Itoa(line), []byte(l))
		}
	}
	if len(arts) == 0 {
		first := "no records"
		if len(warns) > 0 {
			first = warns[0].Error()
			first = strings.TrimPrefix(first, path+":")
		}
		return nil, nil, skip(path, "has no readable article (%s); each %s must be a JSON object with a \"text\" field",
			first, map[string]string{"json": "array element", "jsonl": "line"}[format])
	}
	return arts, warns, nil
}

// record reads one JSON object into an article (Path, Format and a missing
// ID are filled in by the caller). A warning leaves the record usable; an
// error skips it.
func record(raw []byte, r *Rules) (a Article, warn, err error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return Article{}, nil, fmt.Errorf("not a JSON object (a %s); record skipped", ute.Value)
		}
		return Article{}, nil, fmt.Errorf("not valid JSON: %s; record skipped", jsonErr(raw, err))
	}
	a.ID = scalar(m["id"])
	a.Title = firstField(m, titleFields)
	a.URL = firstField(m, urlFields)
	text, field := "", ""
	for _, k := range textFields {
		if t := scalar(m[k]); strings.TrimSpace(t) != "" {
			text, field = t, k
			break
		}
	}
	if text == "" {
		return Article{}, nil, errors.New(`no "text" (or "body", "content") field with text; record skipped`)
	}
	text = lineEnds(strings.ToValidUTF8(text, "\uFFFD"))
	if field == "html" || looksHTML([]byte(strings.TrimSpace(text))) && strings.HasPrefix(strings.TrimSpace(text), "<") {
		doc := extractHTML(text, r)
		text = doc.Text
		if a.Title == "" {
			a.Title = doc.Title
		}
		if strings.TrimSpace(text) == "" {
			return Article{}, nil, fmt.Errorf("the %q field holds HTML without readable text; record skipped", field)
		}
	}
	a.Text = text
	if p := firstField(m, publishedFields); p != "" {
		a.Published = parseDate(p)
		if a.Published.IsZero() {
			warn = fmt.Errorf("published %q not understood (write RFC 3339 like 2024-06-19T14:30:00+05:30, or 2024-06-19)", p)
		}
	}
	if a.Title == "" {
		a.Title = firstLine(a.Text)
	}
	return a, warn, nil
}

func firstField(m map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		if s := strings.TrimSpace(scalar(m[k])); s != "" {
			return s
		}
	}
	return ""
}

// scalar returns a JSON string's value, a number's digits, or "".
func scalar(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.ToValidUTF8(s, "\uFFFD")
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw)
	}
	return ""
}

// jsonErr describes a JSON error with its line and column when known.
func jsonErr(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 && se.Offset <= int64(len(data)) {
		before := data[:se.Offset]
		line := bytes.Count(before, []byte("\n")) + 1
		col := int(se.Offset) - (bytes.LastIndexByte(before, '\n') + 1)
		if bytes.IndexByte(data, '\n') < 0 {
			return fmt.Sprintf("%v at column %d", err, col)
		}
		return fmt.Sprintf("%v at line %d, column %d", err, line, col)
	}
	if err == nil {
		return "unexpected content"
	}
	return err.Error()
}

func jsonValid(b []byte) bool { return json.Valid(bytes.TrimSpace(b)) }
