package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// storyFiles lists the article files of one bundled story folder, sorted.
func storyFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skip("bundled story missing:", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files) < 2 {
		t.Skipf("%s has %d files", dir, len(files))
	}
	return files
}

// orderRun is one way of giving the same articles.
type orderRun struct {
	name  string
	files []string
	jobs  string
}

func orders(files []string, seed uint64) []orderRun {
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	shuffled := slices.Clone(files)
	r := rand.New(rand.NewPCG(seed, 7))
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	return []orderRun{
		{"sorted, --jobs 1", files, "1"},
		{"sorted, --jobs 8", files, "8"},
		{"reversed, --jobs 8", reversed, "8"},
		{"shuffled, --jobs 1", shuffled, "1"},
	}
}

// TestDeterministicOutput gives each bundled story's articles in sorted,
// reversed and shuffled order, with one job and with eight, and checks that
// compare --format json is byte-identical every time, that extract --format
// jsonl is byte-identical across job counts, and that it holds the same lines
// whatever the order of the inputs. With -short only the summit story is read.
func TestDeterministicOutput(t *testing.T) {
	stories := []string{summit}
	if !testing.Short() {
		devs, _ := filepath.Glob("../../testdata/dev/*")
		stories = append(stories, devs...)
	}
	var everything []string
	for k, story := range stories {
		files := storyFiles(t, story)
		everything = append(everything, files...)
		t.Run(filepath.Base(story), func(t *testing.T) {
			checkDeterministic(t, orders(files, uint64(k)+1))
		})
	}
	// All stories at once: more findings, several occurrences.
	t.Run("all stories", func(t *testing.T) {
		o := orders(everything, 99)
		checkDeterministic(t, []orderRun{o[0], o[2], o[3]})
	})
}

func checkDeterministic(t *testing.T, runs []orderRun) {
	t.Helper()
	var wantCompare, wantExtract string
	var wantLines []string
	for i, r := range runs {
		code, cmp, errOut := run(t, "", append([]string{"compare", "--format", "json", "--jobs", r.jobs}, r.files...)...)
		if code == exitTrouble || cmp == "" {
			t.Fatalf("%s: compare exit %d: %s", r.name, code, errOut)
		}
		code, ext, errOut := run(t, "", append([]string{"extract", "--format", "jsonl", "--jobs", r.jobs}, r.files...)...)
		if code != exitOK || ext == "" {
			t.Fatalf("%s: extract exit %d: %s", r.name, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(ext), "\n")
		slices.Sort(lines)
		if i == 0 {
			wantCompare, wantExtract, wantLines = cmp, ext, lines
			continue
		}
		if cmp != wantCompare {
			t.Errorf("compare --format json, %s, differs from %s: %s", r.name, runs[0].name, firstDiff(wantCompare, cmp))
		}
		if slices.Equal(r.files, runs[0].files) && ext != wantExtract {
			t.Errorf("extract --format jsonl, %s, differs from %s: %s", r.name, runs[0].name, firstDiff(wantExtract, ext))
		}
		if !slices.Equal(lines, wantLines) {
			t.Errorf("extract --format jsonl, %s, has other lines than %s: %s", r.name, runs[0].name,
				firstDiff(strings.Join(wantLines, "\n"), strings.Join(lines, "\n")))
		}
	}
}

// firstDiff shows where two outputs first part, with the line of each.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + clip(x) + "\n   got " + clip(y)
		}
	}
	return "(same lines)"
}

// TestExtractLargeArticlesStreamed checks that the lines of articles too
// large to encode on the workers, written line by line by the writer, are
// the same bytes.
func TestExtractLargeArticlesStreamed(t *testing.T) {
	files := storyFiles(t, "../../testdata/summit")
	args := append([]string{"extract", "--format", "jsonl", "--with-sources"}, files...)
	_, want, _ := run(t, "", args...)
	defer func(n int) { maxEncodedResult = n }(maxEncodedResult)
	maxEncodedResult = 0
	_, got, _ := run(t, "", args...)
	if len(want) < 1000 || got != want {
		t.Errorf("streamed output differs (%d bytes, want %d): %s", len(got), len(want), firstDiff(got, want))
	}
}
