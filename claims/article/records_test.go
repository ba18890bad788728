package article

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseRecords(t *testing.T) {
	type want struct {
		ids, titles, texts []string
		warns              []string // substrings, in order
	}
	tests := []struct {
		name, format, in string
		want             want
	}{
		{"jsonl basic", "jsonl",
			`{"id":"a1","title":"बस हादसा","url":"https://example.com/a1","published":"2024-06-19T14:30:00+05:30","text":"14 की मौत"}` + "\n" +
				"\n   \n" +
				`{"id":7,"text":"22 घायल","source":"extra fields are fine"}` + "\n",
			want{ids: []string{"a1", "7"}, titles: []string{"बस हादसा", "22 घायल"}, texts: []string{"14 की मौत", "22 घायल"}}},
		{"fallback ids and text fields", "jsonl",
			`{"body":"पहली"}` + "\n" + `{"content":"दूसरी"}` + "\n" + `{"text":"","body":"तीसरी"}`,
			want{ids: []string{"feed#1", "feed#2", "feed#3"}, texts: []string{"पहली", "दूसरी", "तीसरी"}}},
		{"bad lines are warnings", "jsonl",
			`{"id":"ok1","text":"एक"}` + "\n" + `{"id": "x", "text": }` + "\n" + `["not","object"]` + "\n" + `{"id":"none"}` + "\n" + `{"id":"ok2","text":"दो"}`,
			want{ids: []string{"ok1", "ok2"}, texts: []string{"एक", "दो"},
				warns: []string{"feed.jsonl:line 2: not valid JSON: invalid character '}' looking for beginning of value at column 21; record skipped",
					"feed.jsonl:line 3: not a JSON object (a array); record skipped",
					`feed.jsonl:line 4: no "text" (or "body", "content") field with text; record skipped`}}},
		{"duplicate ids made unique", "jsonl",
			`{"id":"a","text":"एक"}` + "\n" + `{"id":"a","text":"दो"}`,
			want{ids: []string{"a", "a#2"}, texts: []string{"एक", "दो"}, warns: []string{`id "a" used before; this record is "a#2"`}}},
		{"bad date keeps the record", "jsonl",
			`{"id":"a","text":"एक","published":"कल"}`,
			want{ids: []string{"a"}, texts: []string{"एक"}, warns: []string{`published "कल" not understood`}}},
		{"CRLF inside text", "jsonl",
			`{"text":"एक\r\nदो"}` + "\r\n",
			want{ids: []string{"feed#1"}, texts: []string{"एक\nदो"}}},
		{"HTML in a record", "jsonl",
			`{"id":"h","html":"<p>पहला</p><div class=\"share\">Share</div><p>दूसरा</p>"}` + "\n" + `{"id":"h2","content":"<p>तीसरा<br>चौथा</p>"}`,
			want{ids: []string{"h", "h2"}, texts: []string{"पहला\nदूसरा\n", "तीसरा\nचौथा\n"}}},
		{"json array", "json",
			`[{"id":"a","text":"एक"}, {"text":"दो"}, 5]`,
			want{ids: []string{"a", "feed#2"}, texts: []string{"एक", "दो"}, warns: []string{"feed.jsonl:record 3: not a JSON object (a number)"}}},
		{"json single object", "json",
			`  {"id":"one","text":"एक"}  `,
			want{ids: []string{"one"}, texts: []string{"एक"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, warns, err := parseRecords("feed.jsonl", "feed", tc.format, tc.in, nil)
			if err != nil {
				t.Fatal(err)
			}
			var ids, titles, texts []string
			for _, a := range arts {
				ids, titles, texts = append(ids, a.ID), append(titles, a.Title), append(texts, a.Text)
				if a.Path != "feed.jsonl" || a.Format != tc.format {
					t.Errorf("path %q format %q", a.Path, a.Format)
				}
			}
			check := func(what string, got, want []string) {
				if want != nil && strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("ids", ids, tc.want.ids)
			check("titles", titles, tc.want.titles)
			check("texts", texts, tc.want.texts)
			if len(warns) != len(tc.want.warns) {
				t.Fatalf("warnings %q, want %d", joinErrs(warns), len(tc.want.warns))
			}
			for i, w := range tc.want.warns {
				if !strings.Contains(warns[i].Error(), w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, warns[i], w)
				}
			}
		})
	}
}

func TestParseRecordsFields(t *testing.T) {
	arts, _, err := parseRecords("f.jsonl", "f", "jsonl",
		`{"id":"a1","title":"T","url":"https://example.com/a1","published":"2024-06-19T14:30:00+05:30","text":"x"}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	ist := time.FixedZone("", 5*3600+1800)
	if a.URL != "https://example.com/a1" || !a.Published.Equal(time.Date(2024, 6, 19, 14, 30, 0, 0, ist)) {
		t.Errorf("url %q published %v", a.URL, a.Published)
	}
}

func TestParseRecordsSkip(t *testing.T) {
	tests := []struct{ name, format, in, reason string }{
		{"jsonl all bad", "jsonl", "not json\n{\"x\":1}\n", `has no readable article (line 1: not valid JSON`},
		{"json scalar", "json", `"just a string"`, "is not a JSON object or array"},
		{"json array of nothing", "json", `[]`, "has no readable article (no records)"},
		{"json truncated", "json", `[{"text":"a"}`, "is not valid JSON: unexpected end of JSON input"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := parseRecords("f", "f", tc.format, tc.in, nil)
			var se *SkipError
			if !errors.As(err, &se) || !strings.Contains(se.Reason, tc.reason) {
				t.Errorf("err = %v, want reason containing %q", err, tc.reason)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	ist := time.FixedZone("", 5*3600+1800)
	tests := map[string]time.Time{
		"2024-06-19":                      time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC),
		"2024-06-19T14:30:00+05:30":       time.Date(2024, 6, 19, 14, 30, 0, 0, ist),
		"2024-06-19T14:30:00.123+05:30":   time.Date(2024, 6, 19, 14, 30, 0, 123e6, ist),
		"2024-06-19T14:30:00+0530":        time.Date(2024, 6, 19, 14, 30, 0, 0, ist),
		"2024-06-19T14:30:00Z":            time.Date(2024, 6, 19, 14, 30, 0, 0, time.UTC),
		"2024-06-19T14:30":                time.Date(2024, 6, 19, 14, 30, 0, 0, time.UTC),
		"2024-06-19 14:30:00":             time.Date(2024, 6, 19, 14, 30, 0, 0, time.UTC),
		"Wed, 19 Jun 2024 14:30:00 +0530": time.Date(2024, 6, 19, 14, 30, 0, 0, ist),
		"June 19, 2024":                   time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC),
		" 2024/06/19 ":                    time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC),
		"":                                {},
		"19 जून 2024":                     {},
		"yesterday":                       {},
	}
	for in, want := range tests {
		if got := parseDate(in); !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, want %v", in, got, want)
		}
	}
}
