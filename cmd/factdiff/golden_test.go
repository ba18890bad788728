package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenReports runs the whole pipeline on the bundled articles and
// compares every report format with its golden file. Refresh them with
// `go test ./cmd/factdiff -update` and review the diff.
func TestGoldenReports(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"summit.text", []string{"compare", "--format", "text", summit}},
		{"summit.json", []string{"compare", "--format", "json", summit}},
		{"summit.csv", []string{"compare", "--format", "csv", summit}},
		{"summit_all.csv", []string{"compare", "--format", "csv", "--all", summit}},
		{"summit.md", []string{"compare", "--format", "markdown", summit}},
		{"summit.html", []string{"compare", "--format", "html", summit}},
		{"summit_conflicts.text", []string{"compare", "--only", "conflicts", summit}},
		{"summit.claims.jsonl", []string{"extract", "--format", "jsonl", summit}},
		{"summit.claims.text", []string{"extract", "--format", "text", summit}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, out, errOut := run(t, "", tc.args...)
			if out == "" {
				t.Fatalf("no output; stderr: %s", errOut)
			}
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/factdiff -update to create it)", err)
			}
			if string(want) != out {
				t.Errorf("%s differs from the golden file; run go test ./cmd/factdiff -update and review the diff", tc.name)
			}
		})
	}
}
