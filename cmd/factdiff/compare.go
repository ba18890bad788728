package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/compare"
	"github.com/factdiff/factdiff/compare/report"
	"github.com/spf13/cobra"
)

// CompareOptions are the settings of `factdiff compare`.
type CompareOptions struct {
	inputFlags
	Format    string
	Out       string
	Color     string
	Only      string
	Slots     []string
	All       bool
	Excel     bool
	Claims    []string
	Tolerance float64
	Events    bool
}

func newCompareCmd(io *IO, runF func(*CompareOptions, []string) error) *cobra.Command {
	opts := &CompareOptions{}
	cmd := &cobra.Command{
		Use:   "compare [PATH|GLOB|URL|-]...",
		Short: "Compare the facts of several articles and report agreements and conflicts",
		Long: `compare reads every article, extracts its facts, lines the same fact up across
sources and reports, per fact, whether the sources agree, are merely less
precise (compatible), contradict each other (conflict), or stand alone (single).

Exit status: 0 no conflict, 1 conflicts found, 2 trouble.`,
		Example: `  factdiff compare testdata/summit
  factdiff compare --format html --out report.html articles/*.txt
  factdiff compare --format csv --excel --out conflicts.csv articles/
  factdiff extract --format jsonl shard1/ > a.jsonl; factdiff compare --claims a.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts, args)
			}
			return runCompare(io, opts, args)
		},
	}
	opts.inputFlags.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output `format`: text, json, csv, markdown, html")
	f.StringVarP(&opts.Out, "out", "o", "", "write the report to `FILE` (atomically) instead of standard output")
	f.StringVar(&opts.Color, "color", "auto", "color the text report: auto, always, never")
	f.StringVar(&opts.Only, "only", "all", "which findings to show: conflicts, all")
	f.StringSliceVar(&opts.Slots, "slot", nil, "show only slots matching `GLOB` (e.g. meeting.*; repeatable)")
	f.BoolVar(&opts.All, "all", false, "csv: a row for every finding, not only disagreements")
	f.BoolVar(&opts.Excel, "excel", false, "csv: start with a byte-order mark so Excel reads UTF-8")
	f.StringArrayVar(&opts.Claims, "claims", nil, "compare claims stored by 'factdiff extract --format jsonl --with-sources' in `FILE` (repeatable)")
	f.Float64Var(&opts.Tolerance, "tolerance", 0.10, "relative tolerance for approximate quantities")
	f.BoolVar(&opts.Events, "split-events", false, "compare the articles of each reported occurrence separately")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion(report.Formats()...))
	_ = cmd.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	_ = cmd.RegisterFlagCompletionFunc("only", fixedCompletion("conflicts", "all"))
	return cmd
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func runCompare(stdio *IO, opts *CompareOptions, args []string) error {
	if !validFormat(opts.Format, report.Formats()) {
		return usageError("--format %q: choose one of %s", opts.Format, strings.Join(report.Formats(), ", "))
	}
	if opts.Only != "all" && opts.Only != "conflicts" {
		return usageError("--only %q: choose conflicts or all", opts.Only)
	}
	if opts.Out != "" && isInput(opts.Out, append(append([]string{}, args...), opts.Claims...)) {
		return usageError("--out %s is one of the inputs; choose another file", opts.Out)
	}
	var docs []compare.Document
	if len(opts.Claims) > 0 {
		d, err := readClaimFiles(opts.Claims)
		if err != nil {
			return err
		}
		docs = append(docs, d...)
	}
	if len(args) > 0 || len(opts.Claims) == 0 {
		if _, err := opts.readAll(stdio, args, func(r claims.Result) {
			docs = append(docs, compare.DocumentOf(r))
		}); err != nil {
			return err
		}
	}
	copt := compare.DefaultOptions()
	copt.Tolerance = opts.Tolerance
	copt.SplitEvents = opts.Events
	rep := compare.Compare(docs, copt)
	ropt := report.Options{
		Format: opts.Format, Color: stdio.colorEnabled(opts.Color), Width: stdio.Width,
		Only: opts.Only, Slots: opts.Slots, AllRows: opts.All, Excel: opts.Excel,
	}
	if opts.Out != "" && opts.Format == "text" {
		ropt.Color = opts.Color == "always"
	}
	if err := withOutput(stdio, opts.Out, func(w io.Writer) error { return report.Render(w, rep, ropt) }); err != nil {
		return err
	}
	for _, f := range rep.Findings {
		if f.Status == compare.Conflict {
			return &exitError{code: exitConflict}
		}
	}
	return nil
}

func validFormat(f string, valid []string) bool {
	for _, v := range valid {
		if f == v {
			return true
		}
	}
	return false
}

// readClaimFiles reads the JSONL written by extract: claim lines, and source
// lines (with --with-sources) that carry titles and fingerprints.
func readClaimFiles(paths []string) ([]compare.Document, error) {
	byID := map[string]*compare.Document{}
	var order []string
	get := func(id string) *compare.Document {
		d, ok := byID[id]
		if !ok {
			d = &compare.Document{Source: compare.Source{ID: id}}
			byID[id] = d
			order = append(order, id)
		}
		return d
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, usageError("--claims: %v", err)
		}
		r := bufio.NewReaderSize(f, 1<<20)
		line := 0
		for {
			b, err := r.ReadBytes('\n')
			if len(strings.TrimSpace(string(b))) > 0 {
				line++
				var rec sourceRecord
				if jerr := json.Unmarshal(b, &rec); jerr != nil {
					f.Close()
					return nil, usageError("%s:%d: not a claim line from 'factdiff extract --format jsonl': %v", p, line, jerr)
				}
				if rec.Record == "source" {
					d := get(rec.ID)
					d.Source.Path, d.Source.Title, d.Source.URL, d.Source.Published = rec.Path, rec.Title, rec.URL, rec.Published
					d.Fingerprint = rec.Fingerprint
				} else {
					var c claims.Claim
					if jerr := json.Unmarshal(b, &c); jerr != nil {
						f.Close()
						return nil, usageError("%s:%d: %v", p, line, jerr)
					}
					d := get(c.Source)
					d.Claims = append(d.Claims, c)
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("reading %s: %w", p, err)
			}
		}
		f.Close()
	}
	docs := make([]compare.Document, 0, len(order))
	for _, id := range order {
		docs = append(docs, *byID[id])
	}
	return docs, nil
}

// sourceRecord is the per-article line of extract --with-sources.
type sourceRecord struct {
	Record      string   `json:"record"`
	ID          string   `json:"id"`
	Path        string   `json:"path"`
	Title       string   `json:"title"`
	URL         string   `json:"url"`
	Published   string   `json:"published"`
	Fingerprint []uint64 `json:"fingerprint"`
}

// sourceRecordOf describes an extracted article for --with-sources.
func sourceRecordOf(r claims.Result) sourceRecord {
	return sourceRecord{Record: "source", ID: r.Article.ID, Path: r.Article.Path, Title: r.Article.Title,
		URL: r.Article.URL, Published: publishedString(r.Article), Fingerprint: r.Fingerprint}
}

func publishedString(a article.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02")
}
