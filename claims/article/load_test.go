package article

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// A short article of our own, used across the tests.
const (
	storyTitle = "पहाड़ी सड़क पर बस खाई में गिरी, 14 की मौत"
	storyBody  = "शनिवार सुबह करीब 6 बजे यात्रियों से भरी बस 200 मीटर गहरी खाई में गिर गई।\n" +
		"पुलिस ने बताया कि हादसे में 14 लोगों की मौत हो गई और 22 घायल हैं।\n" +
		"The bus was travelling at about 60 km/h when the driver lost control."
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b = append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func utf16be(s string, bom bool) []byte {
	le := utf16le(s, false)
	var b []byte
	if bom {
		b = append(b, 0xFE, 0xFF)
	}
	for i := 0; i+1 < len(le); i += 2 {
		b = append(b, le[i+1], le[i])
	}
	return b
}

// TestLoadInputs is the table of awkward inputs: each gives either an
// article with the expected text, or a skip with the expected reason, plus
// the expected warnings.
func TestLoadInputs(t *testing.T) {
	text := storyTitle + "\n" + storyBody + "\n"
	tests := []struct {
		name    string
		file    string
		data    []byte
		opt     Options
		text    string // expected Text when read
		skip    string // expected substring of the skip reason
		warn    string // expected substring of a warning
		title   string
		noTitle bool
	}{
		{name: "plain UTF-8", file: "a.txt", data: []byte(text), text: text, title: storyTitle},
		{name: "empty", file: "empty.txt", data: nil, skip: "empty file"},
		{name: "only a byte-order mark", file: "bom16.txt", data: []byte{0xFF, 0xFE}, skip: "empty file"},
		{name: "white space only", file: "blank.txt", data: []byte(" \n\t\r\n  "), skip: "has only white space"},
		{name: "UTF-8 BOM kept so offsets index the file", file: "bom.txt", data: append([]byte("\xEF\xBB\xBF"), text...), text: "\uFEFF" + text, title: storyTitle},
		{name: "UTF-16 LE with BOM", file: "le.txt", data: utf16le(text, true), text: text, title: storyTitle},
		{name: "UTF-16 BE with BOM", file: "be.txt", data: utf16be(text, true), text: text, title: storyTitle},
		{name: "UTF-16 LE ASCII without BOM", file: "le2.txt", data: utf16le("Bus fell 200 m\nBy Staff\n", false), text: "Bus fell 200 m\nBy Staff\n"},
		{name: "CRLF kept so offsets index the file", file: "crlf.txt", data: []byte(strings.ReplaceAll(text, "\n", "\r\n")), text: strings.ReplaceAll(text, "\n", "\r\n"), title: storyTitle},
		{name: "lone CR to LF", file: "cr.txt", data: []byte(strings.ReplaceAll(text, "\n", "\r")), text: text, title: storyTitle},
		{name: "invalid UTF-8 replaced", file: "bad.txt", data: []byte("बस \xE0\xA4 गिरी\n"), text: "बस \uFFFD गिरी\n", warn: "1 invalid UTF-8 byte sequence(s) replaced by U+FFFD"},
		{name: "Windows-1252", file: "cp.txt", data: []byte("\x93Forty dead,\x94 police said \x96 Saturday\n"), text: "“Forty dead,” police said – Saturday\n", warn: "read as Windows-1252"},
		{name: "HTML meta charset", file: "latin.html", data: []byte("<meta charset=\"iso-8859-1\"><p>caf\xe9 \xab5\xa0km\xbb</p>"), text: "café «5 km»\n"},
		{name: "HTML meta charset Cyrillic", file: "ru.html", data: []byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"), text: "Привет\n"},
		{name: "HTML mislabelled but UTF-8", file: "mis.html", data: []byte("<meta charset=\"iso-8859-1\"><p>बस खाई में</p>"), text: "बस खाई में\n"},
		{name: "HTML UTF-8 with a broken byte", file: "broken.html", data: []byte("<p>" + strings.Repeat("a", 2000) + "</p><p>बस \xff खाई</p>"), text: strings.Repeat("a", 2000) + "\nबस \uFFFD खाई\n", warn: "1 invalid UTF-8 byte sequence(s) replaced"},
		{name: "NUL bytes", file: "nul.txt", data: []byte("abc\x00\x01\x02def\x00ghi\xff\x00"), skip: "binary file (it contains NUL bytes)"},
		{name: "control bytes", file: "ctl.txt", data: bytes.Repeat([]byte("a\x01\x02\x03\x04"), 100), skip: "many control bytes"},
		{name: "PDF", file: "story.txt", data: []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), skip: "PDF document; convert it to text first"},
		{name: "ZIP", file: "story.json", data: []byte("PK\x03\x04\x14\x00\x06\x00"), skip: "ZIP archive"},
		{name: "PNG", file: "photo.html", data: []byte("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"), skip: "PNG image"},
		{name: "UTF-32", file: "u32.txt", data: []byte("\xFF\xFE\x00\x00a\x00\x00\x00"), skip: "UTF-32"},
		{name: "too large", file: "big.txt", data: bytes.Repeat([]byte("क"), 1000), opt: Options{MaxSize: 1000},
			skip: "is 2.9 KB, larger than --max-size 1000 B; raise it with --max-size 1MB"},
		{name: "exactly the limit", file: "edge.txt", data: bytes.Repeat([]byte("a"), 1000), opt: Options{MaxSize: 1000}, text: strings.Repeat("a", 1000)},
		{name: "Markdown heading title", file: "a.md", data: []byte("# " + storyTitle + "\n\n" + storyBody), text: "# " + storyTitle + "\n\n" + storyBody, title: storyTitle},
		{name: "unknown extension read as text", file: "story.eml", data: []byte(text), text: text, title: storyTitle},
		{name: "HTML without text", file: "app.html", data: []byte("<html><head><script>render()</script></head><body><div id=root></div></body></html>"), skip: "no readable text in its HTML"},
		{name: "JSONL all bad", file: "bad.jsonl", data: []byte("{oops\n[1,2]\n"), skip: "line 1: not valid JSON"},
		{name: "JSON broken", file: "bad.json", data: []byte("[{\"text\": \"a\"},\n {\"text\": }]"), skip: "not valid JSON: invalid character '}' looking for beginning of value at line 2, column 11"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.file, tc.data)
			arts, warns, err := Load(Input{Path: p}, tc.opt)
			if tc.skip != "" {
				var se *SkipError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v, want a *SkipError with %q", err, tc.skip)
				}
				if !strings.Contains(se.Reason, tc.skip) {
					t.Errorf("reason = %q, want it to contain %q", se.Reason, tc.skip)
				}
				if want := p + ": skipped: "; !strings.HasPrefix(err.Error(), want) {
					t.Errorf("Error() = %q, want prefix %q", err.Error(), want)
				}
				if len(arts) != 0 {
					t.Errorf("got %d articles with a skip", len(arts))
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			a := arts[0]
			if a.Text != tc.text {
				t.Errorf("Text = %q\nwant   %q", a.Text, tc.text)
			}
			if !utf8.ValidString(a.Text) {
				t.Errorf("Text is not valid UTF-8")
			}
			if tc.title != "" && a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			if id := strings.TrimSuffix(tc.file, filepath.Ext(tc.file)); a.ID != id {
				t.Errorf("ID = %q, want %q", a.ID, id)
			}
			if a.Path != p {
				t.Errorf("Path = %q, want %q", a.Path, p)
			}
			gotWarn := joinErrs(warns)
			if tc.warn == "" && gotWarn != "" {
				t.Errorf("unexpected warnings: %s", gotWarn)
			}
			if !strings.Contains(gotWarn, tc.warn) {
				t.Errorf("warnings %q, want one containing %q", gotWarn, tc.warn)
			}
		})
	}
}

func joinErrs(errs []error) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

func TestLoadMissingAndFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, reason string
	}{
		{filepath.Join(dir, "loop"), "is a symbolic link loop"},
		{filepath.Join(dir, "nope.txt"), "no such file or folder; check the path"},
		{dir, "is a folder"},
		{"ftp://example.com/a.txt", "only http:// and https:// URLs are read"},
	}
	for _, tc := range tests {
		_, _, err := Load(Input{Path: tc.path}, Options{})
		var se *SkipError
		if !errors.As(err, &se) || !strings.Contains(se.Reason, tc.reason) {
			t.Errorf("Load(%q) err = %v, want reason %q", tc.path, err, tc.reason)
		}
	}
}

// TestLoadUnreadable needs a user that file permissions apply to: root reads
// a chmod 000 file anyway, so the test is skipped when run as root.
func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a chmod 000 file")
	}
	p := writeFile(t, t.TempDir(), "secret.txt", []byte("text"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, _, err := Load(Input{Path: p}, Options{})
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("err = %v, want permission denied", err)
	}
}

func TestLoadLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 MB")
	}
	dir := t.TempDir()
	line := strings.Repeat("बस खाई में गिरी ", 10<<20/len("बस खाई में गिरी ")) // ~10 MB, one line
	p := writeFile(t, dir, "long.txt", []byte(line))
	arts, _, err := Load(Input{Path: p}, Options{})
	if err != nil || len(arts) != 1 || arts[0].Text != line {
		t.Fatalf("long text line: err %v, %d articles", err, len(arts))
	}
	if n := len([]rune(arts[0].Title)); n > maxTitle {
		t.Errorf("title has %d characters, want ≤ %d", n, maxTitle)
	}
	rec := `{"id":"long","text":"` + line + `"}` + "\n" + `{"id":"short","text":"दूसरी खबर"}` + "\n"
	p = writeFile(t, dir, "long.jsonl", []byte(rec))
	arts, warns, err := Load(Input{Path: p}, Options{})
	if err != nil || len(arts) != 2 || arts[0].Text != line || arts[1].ID != "short" || len(warns) != 0 {
		t.Fatalf("long JSONL line: err %v, %d articles, warnings %v", err, len(arts), warns)
	}
}

func TestLoadStdin(t *testing.T) {
	tests := []struct {
		name, in, format string
		ids              []string
	}{
		{"text", storyTitle + "\n" + storyBody, "txt", []string{"stdin"}},
		{"jsonl", "  {\"id\":\"a\",\"text\":\"पहली\"}\n{\"text\":\"दूसरी\"}\n", "jsonl", []string{"a", "stdin#2"}},
		{"json array", "[{\"id\":\"x\",\"text\":\"पहली\"}]", "json", []string{"x"}},
		{"html", "<!DOCTYPE html><title>T</title><p>पहली खबर</p>", "html", []string{"stdin"}},
		{"brace text", "{नोट} यह जेसन नहीं है", "txt", []string{"stdin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, _, err := Load(Input{Path: "-"}, Options{Stdin: strings.NewReader(tc.in)})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
				if a.Format != tc.format || a.Path != "-" {
					t.Errorf("format %q path %q, want %q and -", a.Format, a.Path, tc.format)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("ids %v, want %v", ids, tc.ids)
			}
		})
	}
	_, _, err := Load(Input{Path: "-"}, Options{Stdin: strings.NewReader(strings.Repeat("x", 2000)), MaxSize: 1000})
	if err == nil || !strings.Contains(err.Error(), "-: skipped: is larger than --max-size 1000 B; raise it with --max-size 2KB") {
		t.Errorf("large stdin: err = %v", err)
	}
}

func TestPublishedOverride(t *testing.T) {
	p := writeFile(t, t.TempDir(), "a.jsonl", []byte(`{"text":"खबर","published":"2024-06-19"}`))
	arts, _, err := Load(Input{Path: p}, Options{})
	if err != nil || !arts[0].Published.Equal(time.Date(2024, 6, 19, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("published = %v, err %v", arts[0].Published, err)
	}
	over := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	arts, _, _ = Load(Input{Path: p}, Options{Published: over})
	if !arts[0].Published.Equal(over) {
		t.Errorf("override: published = %v, want %v", arts[0].Published, over)
	}
}

// TestSameTextAcrossFormats: one article saved as text, HTML and JSONL
// gives the same Text (the text and HTML forms carry the title as first line).
func TestSameTextAcrossFormats(t *testing.T) {
	dir := t.TempDir()
	txt := storyTitle + "\n" + storyBody + "\n"
	var paras strings.Builder
	for _, l := range strings.Split(storyBody, "\n") {
		paras.WriteString("<p>\n   " + strings.ReplaceAll(l, "14", "<b>14</b>") + "</p>\n")
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + storyTitle + ` | समाचार</title>
<script>var x = "<p>not text</p>";</script></head><body>
<header class="site-header"><nav><a href="/">होम</a> <a href="/desh">देश</a></nav></header>
<article><h1>` + storyTitle + `</h1>
<div class="share-buttons"><a>WhatsApp</a><a>Facebook</a></div>
` + paras.String() + `<aside class="related"><a>और खबरें</a></aside></article>
<footer>© 2026</footer></body></html>`
	jsonl := `{"id":"story","title":"` + storyTitle + `","text":"` + strings.ReplaceAll(storyBody, "\n", `\n`) + `"}` + "\n"

	load := func(name, data string) Article {
		t.Helper()
		arts, warns, err := Load(Input{Path: writeFile(t, dir, name, []byte(data))}, Options{})
		if err != nil || len(arts) != 1 || len(warns) != 0 {
			t.Fatalf("%s: err %v, %d articles, warnings %v", name, err, len(arts), warns)
		}
		return arts[0]
	}
	a, h, j := load("story.txt", txt), load("story.html", page), load("story.jsonl", jsonl)
	if h.Text != a.Text {
		t.Errorf("HTML text\n%q\nwant\n%q", h.Text, a.Text)
	}
	if got, want := j.Text+"\n", strings.SplitN(a.Text, "\n", 2)[1]; got != want {
		t.Errorf("JSONL text\n%q\nwant\n%q", got, want)
	}
	if a.Title != storyTitle || j.Title != storyTitle || h.Title != storyTitle+" | समाचार" {
		t.Errorf("titles %q %q %q", a.Title, h.Title, j.Title)
	}
}

// TestLoadConcurrent: Load is called from many goroutines at once (run with
// -race).
func TestLoadConcurrent(t *testing.T) {
	dir := t.TempDir()
	inputs := []Input{
		{writeFile(t, dir, "a.html", []byte(`<article><p>यह भी पढ़ें: <a href="/x">x</a></p><p>खबर</p></article>`))},
		{writeFile(t, dir, "b.jsonl", []byte(`{"html":"<p>एक</p>"}`))},
		{writeFile(t, dir, "c.txt", []byte("खबर"))},
	}
	done := make(chan string)
	for range 8 {
		go func() {
			var got []string
			for _, in := range inputs {
				arts, _, err := Load(in, Options{})
				if err != nil {
					got = append(got, err.Error())
					continue
				}
				got = append(got, arts[0].Text)
			}
			done <- strings.Join(got, "|")
		}()
	}
	for range 8 {
		if got := <-done; got != "खबर\n|एक\n|खबर" {
			t.Errorf("got %q", got)
		}
	}
}
