package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testIO returns an IO with in-memory streams that are not terminals.
func testIO(stdin string) (*IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	env := map[string]string{}
	return &IO{
		In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	}, &out, &errOut
}

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	io, out, errOut := testIO(stdin)
	code := Main(args, io)
	return code, out.String(), errOut.String()
}

const summit = "../../testdata/summit"

func TestCompareFlags(t *testing.T) {
	io, _, _ := testIO("")
	var got *CompareOptions
	var gotArgs []string
	cmd := newCompareCmd(io, func(o *CompareOptions, args []string) error { got, gotArgs = o, args; return nil })
	cmd.SetArgs([]string{"--format", "csv", "--excel", "--all", "--out", "x.csv", "--only", "conflicts",
		"--slot", "meeting.*", "--color", "never", "--jobs", "3", "--max-size", "1MB", "--published", "2023-09-13",
		"--lexicon", "a.yaml", "--tolerance", "0.2", "--claims", "c.jsonl", "a.txt", "b.txt"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "csv" || !got.Excel || !got.All || got.Out != "x.csv" || got.Only != "conflicts" ||
		len(got.Slots) != 1 || got.Slots[0] != "meeting.*" || got.Color != "never" || got.Jobs != 3 ||
		got.MaxSize != "1MB" || got.Published != "2023-09-13" || got.Lexicons[0] != "a.yaml" ||
		got.Tolerance != 0.2 || got.Claims[0] != "c.jsonl" {
		t.Errorf("flags not parsed: %+v", got)
	}
	if strings.Join(gotArgs, ",") != "a.txt,b.txt" {
		t.Errorf("args = %v", gotArgs)
	}
}

func TestExtractAndParseFlags(t *testing.T) {
	io, _, _ := testIO("")
	var eo *ExtractOptions
	cmd := newExtractCmd(io, func(o *ExtractOptions, args []string) error { eo = o; return nil })
	cmd.SetArgs([]string{"--format", "text", "--with-sources", "-j", "2", "a.txt"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if eo.Format != "text" || !eo.WithSources || eo.Jobs != 2 {
		t.Errorf("extract flags: %+v", eo)
	}
	var po *ParseOptions
	cmd = newParseCmd(io, func(o *ParseOptions, args []string) error { po = o; return nil })
	cmd.SetArgs([]string{"--format", "text", "--lexicon", "x.yaml", "दो घंटे"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if po.Format != "text" || po.Lexicons[0] != "x.yaml" {
		t.Errorf("parse flags: %+v", po)
	}
}

func TestExitStatuses(t *testing.T) {
	if code, _, errOut := run(t, "", "compare", "--format", "nope", summit); code != exitTrouble || !strings.Contains(errOut, "--format") {
		t.Errorf("bad format: code %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "compare"); code != exitTrouble || !strings.Contains(errOut, "name the articles") {
		t.Errorf("no args: code %d, stderr %q", code, errOut)
	}
	if code, _, errOut := run(t, "", "compare", "does-not-exist.txt"); code != exitTrouble || !strings.Contains(errOut, "does-not-exist.txt") {
		t.Errorf("missing file: code %d, stderr %q", code, errOut)
	}
	if code, _, _ := run(t, "", "frobnicate"); code != exitTrouble {
		t.Errorf("unknown command: code %d", code)
	}
	// Two articles that agree: exit 0. The bundled story has conflicts: exit 1.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "शीर्षक एक\nदोनों नेताओं की मुलाकात बुधवार को मॉस्को में हुई।\n")
	write(t, filepath.Join(dir, "b.txt"), "शीर्षक दो\nबुधवार को दोनों की बैठक मॉस्को में हुई।\n")
	if code, out, errOut := run(t, "", "compare", dir); code != exitOK {
		t.Errorf("agreeing articles: code %d\n%s\n%s", code, out, errOut)
	}
	write(t, filepath.Join(dir, "c.txt"), "शीर्षक तीन\nदोनों नेताओं की मुलाकात बुधवार को बर्लिन में हुई।\n")
	if code, out, _ := run(t, "", "compare", dir); code != exitConflict {
		t.Errorf("conflicting articles: code %d\n%s", code, out)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPipedOutputHasNoEscapes(t *testing.T) {
	for _, format := range []string{"text", "json", "csv", "markdown", "html"} {
		_, out, _ := run(t, "", "compare", "--format", format, summit)
		if strings.Contains(out, "\x1b") {
			t.Errorf("%s output piped contains an escape code", format)
		}
		if out == "" {
			t.Errorf("%s output is empty", format)
		}
	}
	_, out, _ := run(t, "", "extract", "--format", "text", summit)
	if strings.Contains(out, "\x1b") || out == "" {
		t.Errorf("extract text output piped: %q", out[:min(len(out), 200)])
	}
}

func TestColorDecision(t *testing.T) {
	env := map[string]string{}
	io := &IO{Getenv: func(k string) string { return env[k] }}
	if io.colorEnabled("auto") {
		t.Error("auto on a pipe must not color")
	}
	io.OutTTY = true
	if !io.colorEnabled("auto") {
		t.Error("auto on a terminal must color")
	}
	env["NO_COLOR"] = "1"
	if io.colorEnabled("auto") || !io.colorEnabled("always") {
		t.Error("NO_COLOR turns auto off, not always")
	}
	delete(env, "NO_COLOR")
	io.OutTTY = false
	env["CLICOLOR_FORCE"] = "1"
	if !io.colorEnabled("auto") || io.colorEnabled("never") {
		t.Error("CLICOLOR_FORCE turns auto on, not never")
	}
}

// TestExtractOffsets checks every claim of the bundled articles: the byte
// offsets slice the file to exactly the claim's text.
func TestExtractOffsets(t *testing.T) {
	_, out, errOut := run(t, "", "extract", "--format", "jsonl", summit)
	if out == "" {
		t.Fatalf("no claims; stderr %s", errOut)
	}
	files := map[string][]byte{}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c struct {
			Source, Text, Slot, Type string
			Start, End               int
			Value                    json.RawMessage
			Confidence               float64
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		if c.Slot == "" || c.Type == "" || len(c.Value) == 0 || c.Confidence <= 0 || c.Confidence > 1 {
			t.Errorf("claim misses contract fields: %s", line)
		}
		matches, _ := filepath.Glob(filepath.Join(summit, c.Source+".*"))
		if len(matches) == 0 {
			continue // a JSONL record: checked by the claims package
		}
		b, ok := files[matches[0]]
		if !ok {
			b, _ = os.ReadFile(matches[0])
			files[matches[0]] = b
		}
		if strings.HasSuffix(matches[0], ".txt") {
			n++
			if c.End > len(b) || string(b[c.Start:c.End]) != c.Text {
				t.Errorf("%s: bytes %d:%d are not %q", matches[0], c.Start, c.End, c.Text)
			}
		}
	}
	if n == 0 {
		t.Error("no claims from .txt articles checked")
	}
}

func TestParseContract(t *testing.T) {
	code, out, _ := run(t, "करीब चार से पांच घंटे\n\n127 मील\n", "parse")
	if code != 0 {
		t.Fatalf("parse exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one line per input line (3), got %d: %q", len(lines), out)
	}
	var first struct {
		Input    string
		Mentions []struct {
			Text       string
			Start, End int
			Type       string
			Value      struct {
				Min, Max *float64
				Unit     string
				Approx   bool
				Bound    string
			}
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if len(first.Mentions) != 1 {
		t.Fatalf("mentions: %s", lines[0])
	}
	m := first.Mentions[0]
	if m.Type != "duration" || *m.Value.Min != 4 || *m.Value.Max != 5 || m.Value.Unit != "h" || !m.Value.Approx || m.Value.Bound != "exact" {
		t.Errorf("reading: %s", lines[0])
	}
	if first.Input[m.Start:m.End] != m.Text {
		t.Errorf("offsets %d:%d do not slice %q", m.Start, m.End, m.Text)
	}
	if lines[1] != `{"input":"","mentions":[]}` {
		t.Errorf("empty line: %s", lines[1])
	}
	_, out, _ = run(t, "", "parse", "--format", "text", "करीब चार से पांच घंटे")
	if !strings.Contains(out, "→ duration") || !strings.Contains(out, "4–5 h") {
		t.Errorf("text explanation: %q", out)
	}
}

func TestOutRefusesInputAndIsAtomic(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	write(t, a, "शीर्षक\nदोनों की मुलाकात बुधवार को मॉस्को में हुई।\n")
	if code, _, errOut := run(t, "", "compare", "--out", a, a); code != exitTrouble || !strings.Contains(errOut, "one of the inputs") {
		t.Errorf("--out over an input: code %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(a); !strings.Contains(string(b), "मॉस्को") {
		t.Error("input was overwritten")
	}
	out := filepath.Join(dir, "report.json")
	write(t, out, "previous report")
	if code, _, _ := run(t, "", "compare", "--format", "nope", "--out", out, a); code != exitTrouble {
		t.Errorf("bad run code %d", code)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous report" {
		t.Error("a failed run changed the existing report")
	}
	if code, _, _ := run(t, "", "compare", "--format", "json", "--out", out, a); code != exitOK {
		t.Errorf("good run code %d", code)
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "{") {
		t.Errorf("report not written: %q", b)
	}
}

func TestComposableStages(t *testing.T) {
	dir := t.TempDir()
	claimsFile := filepath.Join(dir, "claims.jsonl")
	if code, _, errOut := run(t, "", "extract", "--with-sources", "--out", claimsFile, summit); code != 0 {
		t.Fatalf("extract: %d %s", code, errOut)
	}
	_, direct, _ := run(t, "", "compare", "--format", "json", summit)
	_, staged, _ := run(t, "", "compare", "--format", "json", "--claims", claimsFile)
	if direct != staged {
		t.Errorf("compare --claims differs from compare on the articles")
	}
}

func TestVersion(t *testing.T) {
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "factdiff ") {
		t.Errorf("version: %d %q", code, out)
	}
}
