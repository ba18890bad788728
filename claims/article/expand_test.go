package article

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func paths(ins []Input, dir string) []string {
	var out []string
	for _, in := range ins {
		p := in.Path
		if rel, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(rel, "..") && filepath.IsAbs(p) {
			p = filepath.ToSlash(rel)
		}
		out = append(out, p)
	}
	return out
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"news/b.txt", "news/a.html", "news/sub/c.jsonl", "news/sub/d.json", "news/e.md",
		"news/f.markdown", "news/g.htm", "news/UPPER.TXT",
		"news/skip.pdf", "news/skip.docx", "news/.hidden.txt", "news/.git/config.txt", "news/noext",
		"other/x.txt", "other/y.txt", "other/z.csv", "notes.rtf",
	} {
		writeFile(t, dir, f, []byte("खबर"))
	}
	if err := os.Symlink(filepath.Join(dir, "news"), filepath.Join(dir, "news", "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "other", "x.txt"), filepath.Join(dir, "news", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "news", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("self", filepath.Join(dir, "self")); err != nil {
		t.Fatal(err)
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	args := []string{
		j("news"),
		j("other/*.txt"),
		j("notes.rtf"), // named explicitly: read whatever its extension
		"-",
		"https://example.com/story/123",
		"ftp://example.com/a.txt",
		j("missing.txt"),
		j("*.nomatch"),
		j("self"),
		j("news/b.txt"), // already taken from the folder
		j("[bad"),
	}
	ins, warns := Expand(args, Options{})
	want := []string{
		"news/UPPER.TXT", "news/a.html", "news/b.txt", "news/e.md", "news/f.markdown", "news/g.htm",
		"news/link.txt", "news/sub/c.jsonl", "news/sub/d.json",
		"other/x.txt", "other/y.txt", "notes.rtf", "-", "https://example.com/story/123",
	}
	if got := paths(ins, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inputs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantWarns := []string{
		j("news/broken.txt") + ": skipped: is a broken symbolic link; fix or remove the link",
		j("news/sub/loop") + ": skipped: links to folder " + j("news") + ", which is already read (a symbolic link loop?); skipped",
		"ftp://example.com/a.txt: skipped: cannot read ftp: URLs; only http:// and https:// URLs are read",
		j("missing.txt") + ": skipped: no such file or folder; check the path",
		j("*.nomatch") + ": skipped: no file matches this pattern",
		j("self") + ": skipped: is a symbolic link loop; fix or remove the link",
		j("news/b.txt") + ": skipped: named more than once; read once",
		j("[bad") + ": skipped: is not a valid pattern (syntax error in pattern); quote it or fix the brackets",
	}
	if got := joinErrs(warns); got != strings.Join(wantWarns, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", got, strings.Join(wantWarns, "\n"))
	}
}

func TestExpandMaxFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		writeFile(t, dir, fmt.Sprintf("d/%d.txt", i), nil)
	}
	ins, warns := Expand([]string{filepath.Join(dir, "d"), filepath.Join(dir, "d", "0.txt")}, Options{MaxFiles: 3})
	if got := paths(ins, dir); strings.Join(got, ",") != "d/0.txt,d/1.txt,d/2.txt" {
		t.Errorf("inputs %v", got)
	}
	if len(warns) != 2 || !strings.Contains(warns[0].Error(), "has more than 3 article files; only the first 3 are read") ||
		!strings.Contains(warns[1].Error(), "named more than once") {
		t.Errorf("warnings %v", warns)
	}
}

// TestExpandUnreadableFolder is skipped as root, which reads any folder.
func TestExpandUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a chmod 000 folder")
	}
	dir := t.TempDir()
	writeFile(t, dir, "locked/a.txt", nil)
	writeFile(t, dir, "open/b.txt", nil)
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	ins, warns := Expand([]string{dir}, Options{})
	if got := paths(ins, dir); strings.Join(got, ",") != "open/b.txt" {
		t.Errorf("inputs %v", got)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Error(), "folder cannot be read: permission denied") {
		t.Errorf("warnings %v", warns)
	}
}

// TestExpandManyFiles reads a folder of 20,000 files (skipped with -short).
func TestExpandManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 20,000 files")
	}
	dir := t.TempDir()
	const n = 20_000
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%20))
		if i < 20 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.txt", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	ins, warns := Expand([]string{dir}, Options{})
	t.Logf("Expand: %d files in %v", len(ins), time.Since(start))
	if len(ins) != n || len(warns) != 0 {
		t.Fatalf("%d inputs, %d warnings", len(ins), len(warns))
	}
	for i := 1; i < len(ins); i++ {
		if ins[i-1].Path >= ins[i].Path {
			t.Fatalf("not sorted: %s before %s", ins[i-1].Path, ins[i].Path)
		}
	}
	// Loading them all: every one is an empty file, skipped with a reason.
	for _, in := range ins[:100] {
		if _, _, err := Load(in, Options{}); err == nil || !strings.HasSuffix(err.Error(), "skipped: empty file") {
			t.Fatalf("Load(%s) = %v", in.Path, err)
		}
	}
}
