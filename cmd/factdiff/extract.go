package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/spf13/cobra"
)

// ExtractOptions are the settings of `factdiff extract`.
type ExtractOptions struct {
	inputFlags
	Format      string
	Out         string
	Color       string
	WithSources bool
}

func newExtractCmd(io *IO, runF func(*ExtractOptions, []string) error) *cobra.Command {
	opts := &ExtractOptions{}
	cmd := &cobra.Command{
		Use:   "extract [PATH|GLOB|URL|-]...",
		Short: "Print the claims factdiff reads in each article",
		Long: `extract prints every claim of every article: its slot (what the fact is
about), its normalized value, the exact text and sentence it was read from,
byte offsets into the file, attribution and confidence.`,
		Example: `  factdiff extract --format text testdata/summit/hi-1.txt
  factdiff extract --format jsonl --with-sources articles/ > claims.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts, args)
			}
			return runExtract(io, opts, args)
		},
	}
	opts.inputFlags.register(cmd)
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "jsonl", "output `format`: jsonl, json, text")
	f.StringVarP(&opts.Out, "out", "o", "", "write to `FILE` (atomically) instead of standard output")
	f.StringVar(&opts.Color, "color", "auto", "color the text output: auto, always, never")
	f.BoolVar(&opts.WithSources, "with-sources", false, "jsonl: add a line per article (title, fingerprint) for 'compare --claims'")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("jsonl", "json", "text"))
	return cmd
}

func runExtract(stdio *IO, opts *ExtractOptions, args []string) error {
	if !validFormat(opts.Format, []string{"jsonl", "json", "text"}) {
		return usageError("--format %q: choose one of jsonl, json, text", opts.Format)
	}
	if opts.Out != "" && isInput(opts.Out, args) {
		return usageError("--out %s is one of the inputs; choose another file", opts.Out)
	}
	// Only the source lines carry the text fingerprint.
	opts.noFingerprint = !(opts.Format == "jsonl" && opts.WithSources)
	return withOutput(stdio, opts.Out, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		if opts.Format == "jsonl" {
			// An article's lines are encoded on the extraction workers when
			// they are small; a huge article's (every line repeats its
			// sentence) are written line by line by the writer instead, so
			// that they never sit in memory whole.
			var line []byte
			_, err := readEach(&opts.inputFlags, stdio, args, func(r claims.Result) encodedResult {
				if claims.JSONLSize(r) > maxEncodedResult {
					return encodedResult{result: &r}
				}
				return encodedResult{lines: claims.AppendJSONL(nil, r, opts.WithSources)}
			}, func(e encodedResult) {
				if e.result == nil {
					_, _ = bw.Write(e.lines)
					return
				}
				line = claims.AppendJSONL(line[:0], claims.Result{Article: e.result.Article, Fingerprint: e.result.Fingerprint}, opts.WithSources)
				_, _ = bw.Write(line)
				for i := range e.result.Claims {
					line = claims.AppendClaimJSON(line[:0], &e.result.Claims[i])
					_, _ = bw.Write(line)
				}
			})
			if err != nil {
				return err
			}
			return bw.Flush()
		}
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		var all []claims.Claim
		color := stdio.colorEnabled(opts.Color) && opts.Out == ""
		first := true
		_, err := opts.readAll(stdio, args, func(r claims.Result) {
			switch opts.Format {
			case "json":
				all = append(all, r.Claims...)
			case "text":
				if !first {
					bw.WriteString("\n")
				}
				first = false
				claims.WriteText(bw, r, claims.TextOptions{Color: color})
			}
		})
		if err != nil {
			return err
		}
		if opts.Format == "json" {
			if all == nil {
				all = []claims.Claim{}
			}
			enc.SetIndent("", "  ")
			if err := enc.Encode(all); err != nil {
				return err
			}
		}
		return bw.Flush()
	})
}

// encodedResult is one article's JSON Lines, or the article itself when its
// lines are too large to encode ahead of the writer.
type encodedResult struct {
	lines  []byte
	result *claims.Result
}

// maxEncodedResult is the most JSON Lines an extraction worker encodes for
// one article ahead of the writer.
var maxEncodedResult = 1 << 20

// ParseOptions are the settings of `factdiff parse`.
type ParseOptions struct {
	Format   string
	Lexicons []string
}

func newParseCmd(stdio *IO, runF func(*ParseOptions, []string) error) *cobra.Command {
	opts := &ParseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [TEXT]...",
		Short: "Show how factdiff reads a phrase: quantities, dates, places",
		Long: `parse reads each argument as one phrase — or, with no arguments, one phrase a
line from standard input — and prints the values and entities it finds, with
byte offsets into the phrase.`,
		Example: `  factdiff parse "करीब चार से पांच घंटे"
  factdiff parse --format text "अमूर क्षेत्र में स्थित वोस्तोचनी कॉस्मोड्रोम"
  printf '127 मील\ntwo dozen\n' | factdiff parse`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts, args)
			}
			return runParse(stdio, opts, args)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "jsonl", "output `format`: jsonl, text")
	cmd.Flags().StringArrayVar(&opts.Lexicons, "lexicon", nil, "extra language data `FILE` (YAML; repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("jsonl", "text"))
	return cmd
}

// parseLine is one line of parse's JSONL output.
type parseLine struct {
	Input    string           `json:"input"`
	Mentions []claims.Mention `json:"mentions"`
}

func runParse(stdio *IO, opts *ParseOptions, args []string) error {
	if opts.Format != "jsonl" && opts.Format != "text" {
		return usageError("--format %q: choose jsonl or text", opts.Format)
	}
	f := inputFlags{Lexicons: opts.Lexicons}
	x, err := f.extractor()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(stdio.Out, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	one := func(phrase string) {
		ms := x.Parse(phrase)
		if opts.Format == "jsonl" {
			_ = enc.Encode(parseLine{Input: phrase, Mentions: ms})
			return
		}
		claims.WriteMentions(bw, phrase, ms)
	}
	if len(args) > 0 {
		for _, a := range args {
			one(a)
		}
		return bw.Flush()
	}
	r := bufio.NewReaderSize(stdio.In, 1<<16)
	for {
		line, err := r.ReadString('\n')
		if line != "" || err == nil {
			one(strings.TrimRight(line, "\r\n"))
		}
		if err != nil {
			break
		}
	}
	return bw.Flush()
}
