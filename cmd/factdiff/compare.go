package main

import (
	"io"
	"os"
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/lexicon"
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
		stdio.limitMemory(opts.Claims, memoryPerClaimsByte)
		d, err := readClaimFiles(opts.Claims)
		if err != nil {
			return err
		}
		docs = append(docs, d...)
	}
	if len(args) > 0 || len(opts.Claims) == 0 {
		if _, err := readEach(&opts.inputFlags, stdio, args, compare.DocumentOf, func(d compare.Document) {
			docs = append(docs, d)
		}); err != nil {
			return err
		}
	}
	copt := compare.DefaultOptions()
	copt.Tolerance = opts.Tolerance
	copt.SplitEvents = opts.Events
	copt.ReleaseFingerprints = true
	copt.Jobs = opts.Jobs
	files, err := lexicon.ReadFiles(opts.Lexicons)
	if err != nil {
		return usageError("%v", err)
	}
	if copt.Lexicon, err = compare.LoadLexicon(files...); err != nil {
		return usageError("%v (fix the lexicon file named there)", err)
	}
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

// readClaimFiles reads claims stored by extract.
func readClaimFiles(paths []string) ([]compare.Document, error) {
	var set claims.ResultSet
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, usageError("--claims: %v", err)
		}
		err = claims.ReadJSONL(f, p, &set)
		f.Close()
		if err != nil {
			return nil, usageError("--claims: %v", err)
		}
	}
	docs := make([]compare.Document, 0, len(set.Items))
	for _, r := range set.Items {
		docs = append(docs, compare.DocumentOf(r))
	}
	return docs, nil
}
