package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// goodArticle is a small readable report; mixed with a bad input, its claims
// must still come out.
const goodArticle = "सड़क हादसा\nरविवार को इंदौर के पास बस 90 किलोमीटर प्रति घंटा की रफ्तार से खाई में गिरी, हादसे में 7 लोगों की मौत हो गई।\n"

// enArticle is a small English report whose speed the bad-encoding cases
// must still read.
const enArticle = "Bus crash\nThe bus was travelling at 90 km/h when it left the road on Sunday near Pune, police said. Seven people died.\n"

// badInput is one kind of troublesome input.
type badInput struct {
	name string
	// make creates the input in dir and returns the command-line argument.
	make  func(t *testing.T, dir string) string
	flags []string
	// warn are substrings stderr must hold (besides the argument itself,
	// when noName is false).
	warn   []string
	noName bool
	// reads says the input alone yields at least one article; want is then a
	// display value extract must print.
	reads bool
	want  string
	// quietMixed says the input gives no warning when another input is
	// read (only "no article could be read" names it, alone).
	quietMixed bool
}

func file(name string, data []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.WriteString("\xFE\xFF")
	} else {
		b.WriteString("\xFF\xFE")
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.Bytes()
}

// longLine is about n bytes of Hindi sentences on one line, without a
// newline, with the good article's claim sentence in the middle and at the end.
func longLine(n int) []byte {
	const filler = "आज शहर में मौसम साफ रहा और बाजार खुले रहे। "
	claim := "रविवार को बस 90 किलोमीटर प्रति घंटा की रफ्तार से खाई में गिरी। "
	var b bytes.Buffer
	b.Grow(n + 2*len(claim))
	b.WriteString("लंबी पंक्ति। ")
	for b.Len() < n/2 {
		b.WriteString(filler)
	}
	b.WriteString(claim)
	for b.Len() < n {
		b.WriteString(filler)
	}
	b.WriteString(strings.TrimSpace(claim))
	return b.Bytes()
}

func badInputs() []badInput {
	return []badInput{
		{name: "empty", make: file("empty.txt", nil), warn: []string{"empty file"}},
		{name: "white space only", make: file("blank.txt", []byte(" \n\t\r\n  \n")), warn: []string{"only white space"}},
		{name: "PNG", make: file("photo.txt", []byte("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR")), warn: []string{"PNG image"}},
		{name: "PDF", make: file("report.txt", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n")), warn: []string{"PDF", "pdftotext"}},
		{name: "NUL bytes", make: file("blob.txt", []byte("abc\x00\x01\x02def\x00ghi\x00\xFF\xFE")), warn: []string{"NUL bytes"}},
		{name: "control bytes", make: file("ctrl.txt", bytes.Repeat([]byte("\x01\x02\x03\x04a"), 200)), warn: []string{"control bytes"}},
		{name: "gzip", make: file("story.txt.gz", []byte("\x1F\x8B\x08\x00\x00\x00")), warn: []string{"gzip"}},
		{name: "UTF-32", make: file("wide.txt", []byte("\xFF\xFE\x00\x00H\x00\x00\x00")), warn: []string{"UTF-32", "iconv"}},
		{
			name: "invalid UTF-8", make: file("broken.txt", []byte(strings.Replace(enArticle, "near", "ne\xFF\xFEar मॉस्को \xE0\xA4", 1))),
			warn: []string{"invalid UTF-8", "U+FFFD"}, reads: true, want: "90 km/h",
		},
		{
			name: "Windows-1252", make: file("latin.txt", []byte(strings.Replace(enArticle, "Pune", "Caf\xE9 Pune", 1))),
			warn: []string{"Windows-1252"}, reads: true, want: "90 km/h",
		},
		{name: "UTF-16 LE with BOM", make: file("u16le.txt", utf16Bytes(enArticle, false)), noName: true, reads: true, want: "90 km/h"},
		{name: "UTF-16 BE with BOM", make: file("u16be.txt", utf16Bytes(goodArticle, true)), noName: true, reads: true, want: "90 km/h"},
		{name: "UTF-8 BOM", make: file("bom.txt", []byte("\xEF\xBB\xBF"+goodArticle)), noName: true, reads: true, want: "90 km/h"},
		{name: "CRLF", make: file("crlf.txt", []byte(strings.ReplaceAll(goodArticle, "\n", "\r\n"))), noName: true, reads: true, want: "90 km/h"},
		{
			name: "over --max-size", make: file("big.txt", bytes.Repeat([]byte(goodArticle), 10)),
			flags: []string{"--max-size", "1KB"}, warn: []string{"larger than --max-size 1 KB", "--max-size"},
		},
		{
			name: "10 MB line without newline",
			make: func(t *testing.T, dir string) string {
				n := 10 << 20
				if testing.Short() {
					n = 1 << 20
				}
				return file("long.txt", longLine(n))(t, dir)
			},
			flags: []string{"--max-size", "64MB"}, noName: true, reads: true, want: "90 km/h",
		},
		{
			name: "deeply nested HTML",
			make: func(t *testing.T, dir string) string {
				page := "<html><head><title>गहरा पेज</title></head><body>" + strings.Repeat("<div><span>", 20000) +
					"<p>बस 90 किलोमीटर प्रति घंटा की रफ्तार से खाई में गिरी।" + strings.Repeat("<b><i>", 5000) + "</p>" +
					strings.Repeat("</div>", 100) + "<table><tr><td>x<td>y</table><p>unclosed <a href='"
				return file("deep.html", []byte(page))(t, dir)
			},
			noName: true, reads: true, want: "90 km/h",
		},
		{
			name: "broken HTML without text", make: file("broken.html", []byte("<html><script>var a = '<p>'; <style>p{}</sty")),
			warn: []string{"no readable text in its HTML"},
		},
		{
			name: "unreadable file",
			make: func(t *testing.T, dir string) string {
				if os.Geteuid() == 0 {
					t.Skip("running as root: every file is readable")
				}
				p := file("secret.txt", []byte(goodArticle))(t, dir)
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				return p
			},
			warn: []string{"permission denied"},
		},
		{
			name: "symlink loop",
			make: func(t *testing.T, dir string) string {
				a, b := filepath.Join(dir, "loop-a.txt"), filepath.Join(dir, "loop-b.txt")
				if err := os.Symlink(b, a); err != nil {
					t.Skip("no symbolic links here:", err)
				}
				if err := os.Symlink(a, b); err != nil {
					t.Fatal(err)
				}
				return a
			},
			warn: []string{"symbolic link loop"},
		},
		{
			name: "folder linking to itself",
			make: func(t *testing.T, dir string) string {
				d := filepath.Join(dir, "self")
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(".", filepath.Join(d, "again")); err != nil {
					t.Skip("no symbolic links here:", err)
				}
				file("empty.txt", nil)(t, d)
				return d
			},
			warn: []string{"already read", "empty file"},
		},
		{name: "missing path", make: func(t *testing.T, dir string) string { return filepath.Join(dir, "no-such-article.txt") }, warn: []string{"no such file"}},
		{name: "glob matching nothing", make: func(t *testing.T, dir string) string { return filepath.Join(dir, "nothing-*.txt") }, warn: []string{"no file matches"}},
		{name: "bad glob", make: func(t *testing.T, dir string) string { return filepath.Join(dir, "x[-.txt") }, warn: []string{"not a valid pattern"}},
		{
			name: "folder without articles",
			make: func(t *testing.T, dir string) string {
				d := filepath.Join(dir, "pictures")
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
				file("a.png", []byte("\x89PNG"))(t, d)
				file(".hidden.txt", []byte(goodArticle))(t, d)
				return d
			},
			warn: []string{"no article could be read"}, quietMixed: true,
		},
		{
			name: "folder of 2000 files",
			make: func(t *testing.T, dir string) string {
				d := filepath.Join(dir, "many")
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
				for i := 0; i < 2000; i++ {
					data := []byte(nil) // mostly empty files: each is a warning
					if i%100 == 0 {
						data = []byte(fmt.Sprintf("खबर %d\nबस %d किलोमीटर प्रति घंटा की रफ्तार से खाई में गिरी।\n", i, 40+i/100))
					}
					file(fmt.Sprintf("%04d.txt", i), data)(t, d)
				}
				return d
			},
			warn: []string{"1999.txt: skipped: empty file"}, reads: true, want: "59 km/h",
		},
	}
}

// claimLine is the part of an extract JSONL line the tests read.
type claimLine struct {
	Source, Display, Text, Sentence, Slot string
	Start, End, Line, Col                 int
}

func claimLines(t *testing.T, out string) []claimLine {
	t.Helper()
	var cs []claimLine
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var c claimLine
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("extract printed a line that is not JSON: %q", line)
		}
		cs = append(cs, c)
	}
	return cs
}

func hasClaim(cs []claimLine, source, display string) bool {
	for _, c := range cs {
		if (source == "" || c.Source == source) && c.Display == display {
			return true
		}
	}
	return false
}

// TestBadInputs runs every bad input through extract and compare, alone and
// next to one good article, and checks the warnings and exit statuses.
func TestBadInputs(t *testing.T) {
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			arg := tc.make(t, dir)
			good := filepath.Join(dir, "good.txt")
			write(t, good, goodArticle)
			checkWarn := func(cmd, errOut string) {
				t.Helper()
				if tc.quietMixed && strings.HasSuffix(cmd, "mixed") {
					return
				}
				if !tc.noName && !strings.Contains(errOut, arg) {
					t.Errorf("%s: stderr does not name %s:\n%s", cmd, arg, errOut)
				}
				for _, w := range tc.warn {
					if !strings.Contains(errOut, w) {
						t.Errorf("%s: stderr lacks %q:\n%s", cmd, w, clip(errOut))
					}
				}
				if tc.noName && tc.warn == nil && errOut != "" {
					t.Errorf("%s: unexpected warnings:\n%s", cmd, clip(errOut))
				}
			}
			for _, cmd := range []string{"extract", "compare"} {
				args := append(append([]string{cmd}, tc.flags...), arg)
				if cmd == "compare" {
					args = append(append([]string{cmd, "--format", "json"}, tc.flags...), arg)
				}
				// Alone.
				code, out, errOut := run(t, "", args...)
				checkWarn(cmd+" alone", errOut)
				switch {
				case !tc.reads:
					if code != exitTrouble || !strings.Contains(errOut, "no article could be read") {
						t.Errorf("%s alone: exit %d, want %d with 'no article could be read'; stderr:\n%s", cmd, code, exitTrouble, clip(errOut))
					}
					if out != "" {
						t.Errorf("%s alone: stdout %q, want nothing", cmd, clip(out))
					}
				case cmd == "extract":
					if code != exitOK {
						t.Errorf("extract alone: exit %d; stderr:\n%s", code, clip(errOut))
					}
					if !hasClaim(claimLines(t, out), "", tc.want) {
						t.Errorf("extract alone: no claim %q in\n%s", tc.want, clip(out))
					}
				default:
					if code != exitOK && code != exitConflict {
						t.Errorf("compare alone: exit %d; stderr:\n%s", code, clip(errOut))
					}
					if !strings.Contains(out, `"display": "`+tc.want+`"`) {
						t.Errorf("compare alone: no finding %q in\n%s", tc.want, clip(out))
					}
				}
				// Next to one good article.
				code, out, errOut = run(t, "", append(args, good)...)
				checkWarn(cmd+" mixed", errOut)
				if cmd == "extract" {
					if code != exitOK {
						t.Errorf("extract mixed: exit %d; stderr:\n%s", code, clip(errOut))
					}
					cs := claimLines(t, out)
					if !hasClaim(cs, "good", "90 km/h") || !hasClaim(cs, "good", "7") {
						t.Errorf("extract mixed: the good article's claims are missing:\n%s", clip(out))
					}
					continue
				}
				if code != exitOK && code != exitConflict {
					t.Errorf("compare mixed: exit %d; stderr:\n%s", code, clip(errOut))
				}
				var rep struct {
					Sources []struct{ ID string }
				}
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatalf("compare mixed: output is not JSON: %v\n%s", err, clip(out))
				}
				found := false
				for _, s := range rep.Sources {
					found = found || s.ID == "good"
				}
				if !found || !strings.Contains(out, `"display": "90 km/h"`) {
					t.Errorf("compare mixed: the good article is missing:\n%s", clip(out))
				}
			}
		})
	}
}

// TestDecodedOffsets checks that claims of re-encoded inputs (UTF-8 BOM,
// CRLF, lone CR, UTF-16) cite the same text, sentence and line as the plain
// UTF-8 file. UTF-8 inputs keep their bytes, so offsets index the file; a
// UTF-16 input is converted, so offsets index the converted text.
func TestDecodedOffsets(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.txt")
	write(t, plain, goodArticle)
	_, out, _ := run(t, "", "extract", plain)
	want := claimLines(t, out)
	if len(want) == 0 {
		t.Fatal("no claims from the plain article")
	}
	for name, data := range map[string][]byte{
		"bom.txt":   []byte("\xEF\xBB\xBF" + goodArticle),
		"crlf.txt":  []byte(strings.ReplaceAll(goodArticle, "\n", "\r\n")),
		"cr.txt":    []byte(strings.ReplaceAll(goodArticle, "\n", "\r")),
		"u16le.txt": utf16Bytes(goodArticle, false),
		"u16be.txt": utf16Bytes(goodArticle, true),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, out, errOut := run(t, "", "extract", p)
		got := claimLines(t, out)
		if len(got) != len(want) {
			t.Errorf("%s: %d claims, plain file %d\n%s\n%s", name, len(got), len(want), out, errOut)
			continue
		}
		indexed := string(data)
		if strings.HasPrefix(name, "u16") {
			indexed = goodArticle
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Text != w.Text || g.Sentence != w.Sentence || g.Slot != w.Slot || g.Display != w.Display || g.Line != w.Line {
				t.Errorf("%s: claim %d\n got %+v\nwant %+v", name, i, g, w)
			}
			if g.End > len(indexed) || indexed[g.Start:g.End] != g.Text {
				t.Errorf("%s: offsets %d:%d do not index the text as read", name, g.Start, g.End)
			}
		}
	}
}

// TestOffsetsIndexFileBytes states the public contract literally: start and
// end are byte offsets of text in the file as read, also with a UTF-8
// byte-order mark and CRLF line ends.
func TestOffsetsIndexFileBytes(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"bom.txt":  "\xEF\xBB\xBF" + goodArticle,
		"crlf.txt": strings.ReplaceAll(goodArticle, "\n", "\r\n"),
	} {
		p := filepath.Join(dir, name)
		write(t, p, data)
		_, out, _ := run(t, "", "extract", p)
		cs := claimLines(t, out)
		if len(cs) == 0 {
			t.Errorf("%s: no claims", name)
		}
		for _, c := range cs {
			if c.End > len(data) || data[c.Start:c.End] != c.Text {
				t.Errorf("%s: file bytes %d:%d are not %q", name, c.Start, c.End, c.Text)
			}
		}
	}
}

// TestLongSentenceOutputBounded extracts one line of about 1 MB without a
// sentence end: every claim repeats its whole sentence, so the output (and
// the time) grows with the square of the line unless long sentences are cut.
// Kept small; a 10 MB such line runs for many minutes.
func TestLongSentenceOutputBounded(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		if i%500 == 0 {
			b.WriteString("बस 90 किलोमीटर प्रति घंटा की रफ्तार से गिरी और 7 लोगों की मौत हुई ")
			continue
		}
		b.WriteString("आज शहर में मौसम साफ रहा और बाजार खुले रहे ")
	}
	p := filepath.Join(dir, "oneline.txt")
	write(t, p, b.String())
	code, out, errOut := run(t, "", "extract", p)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if len(out) > 20*b.Len() {
		t.Errorf("extract printed %d bytes for a %d-byte article", len(out), b.Len())
	}
}

// sgr matches one ANSI select-graphic-rendition sequence: the only escape
// sequences the reports write themselves.
var sgr = regexp.MustCompile(`^\x1b\[[0-9;]*m`)

// TestControlSequencesNeverReachTheTerminal feeds articles carrying OSC, CSI
// and C1 control sequences (in the title, in claim sentences, in quotes) and
// checks that none reaches the text output raw: no ESC at all when piped, and
// only the report's own SGR sequences with --color always.
func TestControlSequencesNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "evil.txt")
	b := filepath.Join(dir, "other.txt")
	write(t, a, "हादसा \x1b]0;pwned\x07\x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\\n"+
		"रविवार को \x1b[2J\x1b[1;1Hइंदौर के पास बस 90 किलोमीटर प्रति घंटा\x1b[8m की रफ्तार से खाई में गिरी, हादसे में 7 लोगों की मौत हो गई।\n"+
		"पुलिस ने कहा, \"बस में \u009b31m 40 यात्री \x1bP+q\x1b\\सवार थे।\"\n")
	write(t, b, "सड़क हादसा\nरविवार को इंदौर के पास बस 80 किलोमीटर प्रति घंटा की रफ्तार से खाई में गिरी, हादसे में 9 लोगों की मौत हो गई।\n")
	runs := [][]string{
		{"extract", "--format", "text", a, b},
		{"compare", a, b},
		{"compare", "--format", "markdown", a, b},
		{"compare", "--format", "csv", "--all", a, b},
	}
	for _, args := range runs {
		code, out, errOut := run(t, "", args...)
		if code == exitTrouble || out == "" {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errOut)
		}
		if i := strings.IndexByte(out, 0x1b); i >= 0 {
			t.Errorf("%v piped: ESC at byte %d: %q", args, i, out[max(0, i-40):min(len(out), i+40)])
		}
		if strings.ContainsRune(out, '\u009b') || strings.ContainsRune(out, '\u0007') {
			t.Errorf("%v piped: a raw C1 CSI or BEL in the output", args)
		}
		if args[0] == "extract" || args[1] != "--format" {
			colored := append([]string{args[0], "--color", "always"}, args[1:]...)
			_, out, _ := run(t, "", colored...)
			if !strings.Contains(out, "\x1b[") {
				t.Errorf("%v: no color at all; the test no longer checks what it should", colored)
			}
			for i := 0; i < len(out); i++ {
				if out[i] != 0x1b {
					continue
				}
				if m := sgr.FindString(out[i:]); m == "" {
					t.Errorf("%v: an escape sequence that is not the report's own SGR: %q", colored, out[i:min(len(out), i+20)])
				} else {
					i += len(m) - 1
				}
			}
			if strings.ContainsRune(out, '\u009b') || strings.ContainsRune(out, '\u0007') {
				t.Errorf("%v: a raw C1 CSI or BEL in the output", colored)
			}
		}
	}
	for _, format := range []string{"text", "jsonl"} {
		_, out, _ := run(t, "", "parse", "--format", format, "बस \x1b]0;x\x07 40 किमी \x1b[2J\u009b1m प्रति घंटा")
		// JSON escapes C0 controls; it passes C1 (U+009B) through as UTF-8,
		// which terminals in UTF-8 mode do not act on, so only text is held
		// to C1 as well.
		if strings.IndexByte(out, 0x1b) >= 0 || strings.IndexByte(out, 0x07) >= 0 || format == "text" && strings.ContainsRune(out, '\u009b') {
			t.Errorf("parse --format %s prints a control sequence raw: %q", format, out)
		}
	}
}

// TestWarningsEscapeFileNames checks that a file name carrying an escape
// sequence is not printed raw in warnings (standard error is usually a
// terminal).
func TestWarningsEscapeFileNames(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "x\x1b]0;t\x07.txt")
	if err := os.WriteFile(evil, nil, 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	_, _, errOut := run(t, "", "extract", evil)
	if strings.IndexByte(errOut, 0x1b) >= 0 || strings.IndexByte(errOut, 0x07) >= 0 {
		t.Errorf("a warning prints a file name's escape sequence raw: %q", errOut)
	}
}

func clip(s string) string {
	if len(s) > 1500 {
		return s[:1500] + "…"
	}
	return s
}
