package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/article"
	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// inputFlags are the flags of every command that reads articles.
type inputFlags struct {
	Lexicons  []string
	Published string
	MaxSize   string
	Jobs      int
	// noFingerprint skips the text fingerprints when the output has no use
	// for them.
	noFingerprint bool
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&f.Lexicons, "lexicon", nil, "extra language data `FILE` (YAML; repeatable)")
	cmd.Flags().StringVar(&f.Published, "published", "", "publication `DATE` (2006-01-02) for every article, to resolve weekdays")
	cmd.Flags().StringVar(&f.MaxSize, "max-size", "64MB", "skip inputs larger than `SIZE` (e.g. 256MB)")
	cmd.Flags().IntVarP(&f.Jobs, "jobs", "j", 0, "goroutines that extract articles (and, in compare, judge slots) in parallel (default: number of CPUs)")
}

// extractor builds the extractor with the user's lexicons.
func (f *inputFlags) extractor() (*claims.Extractor, error) {
	files, err := lexicon.ReadFiles(f.Lexicons)
	if err != nil {
		return nil, usageError("%v", err)
	}
	x, err := claims.NewExtractor(files...)
	if err != nil {
		return nil, usageError("%v (fix the lexicon file named there)", err)
	}
	return x, nil
}

// readOptions turns the flags into reading options.
func (f *inputFlags) readOptions(io *IO) (article.Options, error) {
	opt := article.Options{Stdin: io.In, MaxSize: article.DefaultMaxSize}
	files, err := lexicon.ReadFiles(f.Lexicons)
	if err != nil {
		return opt, usageError("%v", err)
	}
	if opt.Rules, err = article.NewRules(files...); err != nil {
		return opt, usageError("%v (fix the lexicon file named there)", err)
	}
	if f.Published != "" {
		t, err := time.Parse("2006-01-02", f.Published)
		if err != nil {
			return opt, usageError("--published %q: write the date as YYYY-MM-DD", f.Published)
		}
		opt.Published = t
	}
	if f.MaxSize != "" {
		n, err := article.ParseSize(f.MaxSize)
		if err != nil {
			return opt, usageError("--max-size %q: %v (e.g. 64MB, 1GB)", f.MaxSize, err)
		}
		opt.MaxSize = n
	}
	return opt, nil
}

// readAll expands args, extracts every article and calls emit in input order.
// Warnings go to standard error. It fails with exit status 2 when nothing
// could be read.
func (f *inputFlags) readAll(io *IO, args []string, emit func(claims.Result)) (int, error) {
	return readEach(f, io, args, func(r claims.Result) claims.Result { return r }, emit)
}

// readEach is readAll with a step on the extraction workers: work turns each
// article's result into a T in parallel, emit gets them in input order.
func readEach[T any](f *inputFlags, io *IO, args []string, work func(claims.Result) T, emit func(T)) (int, error) {
	if len(args) == 0 {
		return 0, usageError("name the articles to read: files, folders, globs, URLs, or - for standard input")
	}
	x, err := f.extractor()
	if err != nil {
		return 0, err
	}
	opt, err := f.readOptions(io)
	if err != nil {
		return 0, err
	}
	inputs, warns := article.Expand(args, opt)
	// File names and messages come from outside: escape control characters
	// so that a hostile file name cannot act on the terminal.
	warn := func(err error) { fmt.Fprintln(io.ErrOut, "factdiff: warning:", claims.Safe(err.Error())) }
	for _, w := range warns {
		warn(w)
	}
	io.limitMemory(inputPaths(inputs), memoryPerTextByte)
	run := claims.RunOptions{Read: opt, Jobs: f.Jobs, NoFingerprint: f.noFingerprint}
	if io.ErrTTY && len(inputs) >= progressMinInputs {
		bar := progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(io.ErrOut),
			progressbar.OptionSetDescription("reading"), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionShowCount())
		run.Progress = func(done, total int) { _ = bar.Set(done) }
		defer func() { _ = bar.Finish() }()
	}
	n := claims.RunEach(x, inputs, run, work, emit, warn)
	if n == 0 {
		return 0, &exitError{code: exitTrouble, err: fmt.Errorf("no article could be read from %s", strings.Join(args, " "))}
	}
	return n, nil
}

// progressMinInputs is how many inputs make a run long enough for a progress bar.
const progressMinInputs = 200

// isInput reports whether path names one of the command's inputs.
func isInput(path string, args []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, a := range args {
		if b, err := filepath.Abs(a); err == nil && b == abs {
			return true
		}
	}
	return false
}
