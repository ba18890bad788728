package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/factdiff/factdiff/compare"
	"github.com/rivo/uniseg"
	"golang.org/x/net/html"
)

// FuzzRender feeds arbitrary article text and span offsets to every format:
// nothing may panic, plain text stays free of control bytes and within its
// width, CSV reads back with the same cells and HTML parses.
func FuzzRender(f *testing.F) {
	f.Add("बातचीत करीब दो घंटे चली।", "दो घंटे", "शीर्षक", 19, 38, 40)
	f.Add("\x1b[31mred\x1b[0m\tand\r\nmore", "red", "<script>", 5, 8, 60)
	f.Add("=1+1", "", "@x", -3, 1000, 0)
	f.Add(strings.Repeat("अंतरराष्ट्रीय", 30), "राष्ट्रीय", "\u202e", 10, 20, 41)
	f.Add("\xff\xfe broken utf8 \xc3", "broken", "-t", 3, 9, 45)
	f.Fuzz(func(t *testing.T, sentence, span, title string, a, z, width int) {
		if width < 0 || width > 300 {
			width = 80
		}
		r := &compare.Report{
			Sources: []compare.Source{{ID: "s", Path: "s.txt", Title: title, URL: title}, {ID: "t", Title: sentence}},
			Findings: []compare.Finding{{
				Slot: "x.y", Label: span, Status: compare.Conflict, Note: sentence,
				Groups: []compare.Group{
					{Display: span, Sources: []string{"s"}, Evidence: []compare.Evidence{{
						Source: "s", Sentence: sentence, Text: span, SpanStart: a, SpanEnd: z, Attribution: title}}},
					{Display: title, Sources: []string{"t"}},
				},
				QuoteDiff: []compare.DiffSpan{{Op: "delete", Text: span}, {Op: "insert", Text: title}},
			}},
		}
		for _, format := range Formats() {
			var b bytes.Buffer
			if err := Render(&b, r, Options{Format: format, Width: width, AllRows: true}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := b.String()
			switch format {
			case FormatText:
				w := max(width, minWidth)
				if width == 0 {
					w = defaultWidth
				}
				for _, line := range strings.Split(out, "\n") {
					for _, c := range []byte(line) {
						if c < 0x20 || c == 0x7f {
							t.Fatalf("control byte %#x in text line %q", c, line)
						}
					}
					if !utf8.ValidString(line) {
						t.Fatalf("invalid UTF-8 in text line %q", line)
					}
					if n := uniseg.StringWidth(line); n > w {
						t.Fatalf("line of %d cells exceeds %d: %q", n, w, line)
					}
				}
			case FormatCSV:
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil || len(rows) != 2 || len(rows[1]) != len(csvHeader) {
					t.Fatalf("CSV does not read back (%v): %q", err, out)
				}
				for _, cell := range rows[1] {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Fatalf("formula cell %q", cell)
					}
				}
			case FormatHTML:
				if _, err := html.Parse(strings.NewReader(out)); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(strings.ToLower(out), "<script") {
					t.Fatalf("script element in HTML")
				}
			case FormatMarkdown:
				if unescaped(out, "<") || unescaped(out, "](") {
					t.Fatalf("unescaped Markdown syntax:\n%s", out)
				}
			}
		}
	})
}
