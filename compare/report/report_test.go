package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/factdiff/factdiff/compare"
	"github.com/rivo/uniseg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func render(t testing.TB, r *compare.Report, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, r, opt); err != nil {
		t.Fatalf("Render(%+v): %v", opt, err)
	}
	return b.String()
}

// TestGolden checks every format against testdata/*.golden; run with
// -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	t.Setenv("COLORTERM", "")
	cases := []struct {
		file string
		opt  Options
	}{
		{"text.golden", Options{Format: "text"}},
		{"text_narrow.golden", Options{Format: "text", Width: 50}},
		{"text_color.golden", Options{Format: "text", Color: true}},
		{"text_conflicts.golden", Options{Format: "text", Only: "conflicts", Slots: []string{"meeting"}}},
		{"json.golden", Options{Format: "json"}},
		{"csv.golden", Options{Format: "csv"}},
		{"csv_all.golden", Options{Format: "csv", AllRows: true, Excel: true}},
		{"markdown.golden", Options{Format: "markdown", Title: "Summit coverage"}},
		{"html.golden", Options{Format: "html", Title: "Summit coverage"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			got := render(t, sampleReport(), c.opt)
			path := filepath.Join("testdata", c.file)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./compare/report -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run with -update and review the diff.\ngot:\n%s", path, got)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	want := []string{"text", "json", "csv", "markdown", "html"}
	if got := Formats(); !slices.Equal(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	for _, f := range Formats() {
		if out := render(t, sampleReport(), Options{Format: f}); out == "" {
			t.Errorf("format %s wrote nothing", f)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	cases := []struct {
		opt  Options
		want string
	}{
		{Options{Format: "yaml"}, "text, json, csv, markdown, html"},
		{Options{Format: "text", Only: "some"}, `"conflicts" or "all"`},
		{Options{Format: "csv", Slots: []string{"meeting.["}}, "malformed slot pattern"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		err := Render(&b, sampleReport(), c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Render(%+v) error = %v, want one mentioning %s", c.opt, err, c.want)
		}
		if b.Len() != 0 {
			t.Errorf("Render(%+v) wrote %d bytes before failing", c.opt, b.Len())
		}
	}
	if err := Render(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("Render(nil report) succeeded")
	}
}

func TestFilters(t *testing.T) {
	r := sampleReport()
	cases := []struct {
		opt  Options
		want []string
	}{
		{Options{}, []string{"meeting.location", "meeting.duration", "arrival.day", "meeting.quote",
			"arrival.location", "meeting.day", "train.speed", "previous_meeting.year", "next_meeting.day"}},
		{Options{Only: "conflicts"}, []string{"meeting.location", "meeting.duration", "arrival.day", "meeting.quote"}},
		{Options{Slots: []string{"meeting.*"}}, []string{"meeting.location", "meeting.duration", "meeting.quote", "meeting.day"}},
		{Options{Slots: []string{"arrival"}}, []string{"arrival.day", "arrival.location"}},
		{Options{Slots: []string{"*.day"}, Only: "conflicts"}, []string{"arrival.day"}},
		{Options{Slots: []string{"train.speed", "*.year"}}, []string{"train.speed", "previous_meeting.year"}},
		{Options{Slots: []string{"crowd.*"}}, nil},
	}
	for _, c := range cases {
		sel, err := selectFindings(r, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, i := range sel {
			got = append(got, r.Findings[i].Slot)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Only=%q Slots=%q: got %v, want %v", c.opt.Only, c.opt.Slots, got, c.want)
		}
	}
	// JSON honours the filters too.
	var out compare.Report
	if err := json.Unmarshal([]byte(render(t, r, Options{Format: "json", Only: "conflicts"})), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Findings) != 4 || len(out.Sources) != 5 {
		t.Errorf("filtered JSON has %d findings and %d sources, want 4 and 5", len(out.Findings), len(out.Sources))
	}
}

func TestSummary(t *testing.T) {
	r := sampleReport()
	want := "4 conflicts, 1 compatible, 1 agree, 3 single-source in 5 articles"
	if got := summary(r, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	r.Sources = r.Sources[:1]
	want = "1 conflict, 0 compatible, 0 agree, 0 single-source in 1 article (1 of 9 findings shown)"
	if got := summary(r, []int{0}); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestContextAndFlags(t *testing.T) {
	r := sampleReport()
	one := 1
	f := compare.Finding{Speaker: "प्रवक्ता", Event: &one}
	if got, want := strings.Join(findingContext(r, &f), "; "),
		"speaker: प्रवक्ता; occurrence 2 (recalls an earlier meeting in Vladivostok)"; got != want {
		t.Errorf("findingContext = %q, want %q", got, want)
	}
	g := compare.Group{Variants: []string{"Amur Oblast", "Russia"}, Expected: true, LowConfidence: true}
	if got, want := strings.Join(groupFlags(&g), "; "),
		"also: Amur Oblast, Russia; forecasts only; low confidence"; got != want {
		t.Errorf("groupFlags = %q, want %q", got, want)
	}
	out := render(t, r, Options{Format: "text"})
	for _, want := range []string{"speaker: host leader", "· also: Amur Oblast", "2019 (1 source: wire_en) · low confidence"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	r := sampleReport()
	out := render(t, r, Options{Format: "json"})
	if !strings.HasSuffix(out, "}\n") || !strings.Contains(out, "\n  \"sources\": [") {
		t.Errorf("JSON is not 2-space indented with a trailing newline:\n%.200s", out)
	}
	var back compare.Report
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, r) {
		t.Errorf("JSON round trip changed the report")
	}
	empty := render(t, &compare.Report{}, Options{Format: "json"})
	if want := "{\n  \"sources\": [],\n  \"findings\": [],\n  \"events\": []\n}\n"; empty != want {
		t.Errorf("empty report JSON = %q, want %q", empty, want)
	}
}

// TestTextPlainHasNoEscapes: without color nothing but printable text and
// newlines is written, even when article text carries terminal controls.
func TestTextPlainHasNoEscapes(t *testing.T) {
	for _, r := range []*compare.Report{sampleReport(), hostileReport()} {
		out := render(t, r, Options{Format: "text"})
		for i, c := range []byte(out) {
			if c == 0x1b || c < 0x20 && c != '\n' || c == 0x7f {
				t.Fatalf("byte %#x at %d in plain text output:\n%s", c, i, out)
			}
		}
		if strings.ContainsRune(out, 0x9b) || strings.ContainsRune(out, 0x202e) {
			t.Errorf("C1 control or bidi override in plain output")
		}
	}
}

// TestTextColorEscapesArticleControls: in color mode the only escape
// sequences are the report's own SGR styles; controls from articles are shown
// as visible escapes.
func TestTextColorEscapesArticleControls(t *testing.T) {
	out := render(t, hostileReport(), Options{Format: "text", Color: true})
	for i := 0; i < len(out); i++ {
		if out[i] != 0x1b {
			continue
		}
		j := i + 1
		if j >= len(out) || out[j] != '[' {
			t.Fatalf("non-CSI escape at %d: %q", i, out[i:min(i+12, len(out))])
		}
		j++
		for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';') {
			j++
		}
		if j >= len(out) || out[j] != 'm' {
			t.Fatalf("escape other than SGR at %d: %q", i, out[i:min(j+1, len(out))])
		}
		i = j
	}
	for _, b := range []string{"\a", "\x9b", "\u202e", "\x00"} {
		if strings.Contains(out, b) {
			t.Errorf("color output contains raw %q", b)
		}
	}
	for _, visible := range []string{`\x1b]0;pwned\x07`, `\x1b[2J`, `\u202e`, `\x9b`} {
		if !strings.Contains(out, visible) {
			t.Errorf("color output does not show %s visibly", visible)
		}
	}
}

// TestTextWraps checks that no line is wider than Width, measuring
// Devanagari by terminal cells (vowel signs and viramas take none).
func TestTextWraps(t *testing.T) {
	for _, w := range []int{40, 50, 72, 100} {
		out := render(t, sampleReport(), Options{Format: "text", Width: w})
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if n := uniseg.StringWidth(line); n > w {
				t.Errorf("width %d: line of %d cells: %q", w, n, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("width %d: trailing space: %q", w, line)
			}
		}
	}
}

func TestStringWidthDevanagari(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"घंटे", 2},     // घ ं ट े: marks above a letter take no cell
		{"क्षेत्र", 4},  // क ् ष े त ् र: nor do viramas
		{"किलोमीटर", 8}, // क ि ल ो म ी ट र: spacing vowel signs take one, as terminals draw them
		{"km/h", 4},
	}
	for _, c := range cases {
		if got := uniseg.StringWidth(c.s); got != c.want {
			t.Errorf("StringWidth(%q) = %d, want %d", c.s, got, c.want)
		}
		if got := lipgloss.Width(c.s); got != c.want {
			t.Errorf("lipgloss.Width(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func TestWrapLongWord(t *testing.T) {
	var b bytes.Buffer
	tw := newTextWriter(&b, Options{Width: 40})
	long := strings.Repeat("अंतरराष्ट्रीय", 8)
	tw.para(2, 0, seg{"x " + long + " y", kPlain})
	_ = tw.w.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("a word of %d cells was not cut: %q", uniseg.StringWidth(long), lines)
	}
	var joined strings.Builder
	for _, l := range lines {
		if uniseg.StringWidth(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
		joined.WriteString(strings.ReplaceAll(l, " ", ""))
	}
	if got := joined.String(); got != "x"+long+"y" {
		t.Errorf("cutting lost text: %q", got)
	}
}

func TestClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"सादा पाठ", "सादा पाठ"},
		{"a\tb\nc\r\nd", "a b c  d"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"title\x1b]0;x\x07", `title\x1b]0;x\x07`},
		{"csi\u009b2J", `csi\x9b2J`},
		{"del\x7f nul\x00", `del\x7f nul\x00`},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"ZWJ क्‍ष stays", "ZWJ क्‍ष stays"},
	}
	for _, c := range cases {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		in    string
		cells int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer english title", 10, "a longer…"},
		{"a longer english title", 20, "a longer english…"},
		{"अंतरराष्ट्रीय सम्मेलन", 8, "अंतरराष्ट्…"}, // never splits a consonant from its marks
		{strings.Repeat("x", 30) + " " + strings.Repeat("y", 30), 50, strings.Repeat("x", 30) + " " + strings.Repeat("y", 18) + "…"},
		{"", 5, ""},
	}
	for _, c := range cases {
		got := truncate(c.in, c.cells)
		if got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.in, c.cells, got, c.want)
		}
		if w := uniseg.StringWidth(got); w > c.cells {
			t.Errorf("truncate(%q, %d) is %d cells wide", c.in, c.cells, w)
		}
	}
}

func TestSpanParts(t *testing.T) {
	s := "बातचीत करीब दो घंटे चली।"
	good := ev("x", s, "दो घंटे", 1, 1)
	cases := []struct {
		name       string
		e          compare.Evidence
		b, span, a string
		ok         bool
	}{
		{"offsets", good, "बातचीत करीब ", "दो घंटे", " चली।", true},
		{"mid-rune offsets fall back to Text", compare.Evidence{Sentence: s, Text: "दो घंटे", SpanStart: 1, SpanEnd: 5},
			"बातचीत करीब ", "दो घंटे", " चली।", true},
		{"out of range", compare.Evidence{Sentence: s, SpanStart: 3, SpanEnd: 900}, s, "", "", false},
		{"no sentence", compare.Evidence{Text: "दो घंटे"}, "", "दो घंटे", "", true},
	}
	for _, c := range cases {
		b, span, a, ok := spanParts(&c.e)
		if b != c.b || span != c.span || a != c.a || ok != c.ok {
			t.Errorf("%s: got %q %q %q %v, want %q %q %q %v", c.name, b, span, a, ok, c.b, c.span, c.a, c.ok)
		}
	}
}

func readCSV(t *testing.T, out string) [][]string {
	t.Helper()
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v\n%s", err, out)
	}
	return rows
}

func TestCSVRoundTrip(t *testing.T) {
	r := sampleReport()
	out := render(t, r, Options{Format: "csv"})
	if strings.HasPrefix(out, "\uFEFF") {
		t.Error("BOM without Excel")
	}
	rows := readCSV(t, out)
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("header = %q", rows[0])
	}
	// 4 conflicts; arrival.day has 3 groups and gives two rows.
	if len(rows) != 1+5 {
		t.Fatalf("got %d data rows, want 5:\n%s", len(rows)-1, out)
	}
	want := []string{"meeting.location", "Where the meeting took place", "conflict", "major",
		"Vostochny Cosmodrome (also: Amur Oblast)", "dainik; samachar; wire_en",
		"articles/dainik.txt:3:1: दोनों नेताओं की मुलाकात अमूर क्षेत्र के «वोस्तोचनी अंतरिक्ष केंद्र» में हुई।\n" +
			"articles/samachar.txt:2:1: दोनों नेताओं की मुलाकात अमूर क्षेत्र के «वोस्तोचनी अंतरिक्ष केंद्र» में हुई।\n" +
			"articles/wire_en.txt:2:1: The two leaders met at the «Vostochny space centre» in the Amur region, according to Reuters. (per Reuters)",
		"Vladivostok", "evening",
		"articles/evening.txt:2:1: दोनों नेताओं के बीच बैठक «व्लादिवोस्तोक» में हुई थी, जहां व्यापार पर बात हुई।",
		"Vladivostok is not within Amur Oblast; evening likely reports a different occurrence, so this may not be a contradiction (recalls an earlier meeting in Vladivostok)"}
	if !slices.Equal(rows[1], want) {
		t.Errorf("row 1:\n got %q\nwant %q", rows[1], want)
	}
	// The three-group conflict pairs each smaller group with the largest.
	if rows[3][4] != "Wednesday" || rows[3][7] != "Tuesday" || rows[4][4] != "Wednesday" || rows[4][7] != "Monday" {
		t.Errorf("arrival.day rows pair %q/%q and %q/%q, want Wednesday/Tuesday and Wednesday/Monday",
			rows[3][4], rows[3][7], rows[4][4], rows[4][7])
	}
	if !strings.Contains(rows[5][10], "speaker: host leader; same speaker, different wording; wording: हम [-सहयोग-]{+दोस्ती+} को और मजबूत करेंगे") {
		t.Errorf("quote row note = %q", rows[5][10])
	}

	all := render(t, r, Options{Format: "csv", AllRows: true, Excel: true})
	if !strings.HasPrefix(all, "\uFEFF") {
		t.Error("Excel CSV has no BOM")
	}
	rows = readCSV(t, all)
	if len(rows) != 1+10 {
		t.Errorf("AllRows: got %d data rows, want 10", len(rows)-1)
	}
	last := rows[len(rows)-1]
	if last[2] != "single" || last[4] != "Friday (forecasts only)" || last[7] != "" || last[8] != "" || last[9] != "" {
		t.Errorf("single-source row = %q", last)
	}
}

// TestCSVFormulaInjection: no cell may start a spreadsheet formula.
func TestCSVFormulaInjection(t *testing.T) {
	out := render(t, hostileReport(), Options{Format: "csv", AllRows: true})
	rows := readCSV(t, out)
	found := 0
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell == "" {
				continue
			}
			switch cell[0] {
			case '=', '+', '-', '@', '\t', '\r':
				t.Errorf("cell starts a formula: %q", cell)
			}
			if strings.HasPrefix(cell, "'=") || strings.HasPrefix(cell, "'+") || strings.HasPrefix(cell, "'-") ||
				strings.HasPrefix(cell, "'@") || strings.HasPrefix(cell, "'＝") {
				found++
			}
		}
	}
	if found < 4 {
		t.Errorf("only %d neutralized cells, want at least 4:\n%s", found, out)
	}
	cases := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+91 98", "'+91 98"}, {"-5 %", "'-5 %"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"＝1", "'＝1"}, {"5-3", "5-3"}, {"", ""}, {"घंटे", "घंटे"},
	}
	for _, c := range cases {
		if got := neutralize(c.in); got != c.want {
			t.Errorf("neutralize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	out := render(t, hostileReport(), Options{Format: "markdown", Title: "[t](javascript:alert(1))"})
	for _, bad := range []string{"<", "](", "![", "`"} {
		if unescaped(out, bad) {
			t.Errorf("Markdown contains unescaped %q:\n%s", bad, out)
		}
	}
	// Every table row keeps its column count: pipes in article text are escaped.
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cells != 5 && cells != 6 {
			t.Errorf("table row with %d unescaped pipes: %q", cells, line)
		}
	}
	cases := []struct{ in, want string }{
		{"a|b", `a\|b`},
		{"line\nbreak", "line break"},
		{"[x](y)", `\[x\](y)`},
		{"<b>", `\<b\>`},
		{"- item", `\- item`},
		{"12. x", `12\. x`},
		{"# h", `\# h`},
		{"*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"},
		{"वोस्तोचनी", "वोस्तोचनी"},
	}
	for _, c := range cases {
		if got := mdEscape(c.in); got != c.want {
			t.Errorf("mdEscape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := mdStrong(" दो घंटे ", "**"); got != " **दो घंटे** " {
		t.Errorf("mdStrong = %q", got)
	}
}

// unescaped reports whether s contains sub not preceded by a backslash that
// is itself unescaped.
func unescaped(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		k := i + j
		n := 0
		for k-n > 0 && s[k-n-1] == '\\' {
			n++
		}
		if n%2 == 0 {
			return true
		}
		i = k + len(sub)
	}
}

// hostileReport carries terminal controls, HTML, script URLs and spreadsheet
// formulas in every article-derived string.
func hostileReport() *compare.Report {
	const sentence = "<script>alert('s')</script> खबर \x1b]0;pwned\x07 में \x1b[2J =HYPERLINK(\"http://evil.example/\") | दो घंटे \u202e \u009b"
	e := ev("evil", sentence, "दो घंटे", 1, 1)
	e.Attribution = "@attacker <img src=x onerror=alert(1)>"
	e2 := ev("good", "बैठक तीन घंटे चली।", "तीन घंटे", 2, 1)
	return &compare.Report{
		Sources: []compare.Source{
			{ID: "evil", Path: "evil.txt", Title: "<script>alert(1)</script>\" onmouseover=\"alert(2)", Claims: 1,
				URL: "javascript:alert(3)"},
			{ID: "good", Path: "good.txt", Title: "=cmd|' /C calc'!A0", Claims: 1, URL: "https://example.net/a?b=<c>"},
			{ID: "data", Path: "data.txt", Title: "-2+3", Claims: 0, URL: "data:text/html,<script>alert(4)</script>"},
		},
		Events: []compare.Event{{Sources: []string{"evil", "good", "data"}, Note: "<b>one</b>"}},
		Findings: []compare.Finding{{
			Slot: "meeting.duration", Label: "+duration <i>", Status: compare.Conflict, Severity: compare.Major,
			Note: "-note \x1b[31m", Type: "duration",
			Groups: []compare.Group{
				{Display: "=2*3 h", Sources: []string{"evil"}, Independent: 1, Evidence: []compare.Evidence{e}},
				{Display: "@3 h", Sources: []string{"good"}, Independent: 1, Evidence: []compare.Evidence{e2}},
			},
			QuoteDiff: []compare.DiffSpan{{Op: "delete", Text: "<del>\x1b[1m"}, {Op: "insert", Text: "＝x"}},
		}},
	}
}

func BenchmarkRender(b *testing.B) {
	r := sampleReport()
	base := r.Findings
	for len(r.Findings) < 500 {
		r.Findings = append(r.Findings, base...)
	}
	for _, f := range Formats() {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Render(&buf, r, Options{Format: f, AllRows: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
