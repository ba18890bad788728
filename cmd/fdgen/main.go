// Command fdgen writes a large corpus of realistic news articles for
// benchmarking factdiff.
//
// Usage:
//
//	go run ./cmd/fdgen -n 10000 -out DIR [-seed 1] [-size 7500] [-flat] [-src DIRS]
//
// Every article is made from one of the bundled reports (the .txt files and
// .jsonl records under testdata/summit and testdata/dev, one story per
// folder): its headline, its paragraphs and paragraphs of the story's other
// reports until it reaches a random size around -size bytes (between half and
// one and a half times), shuffled. Then places are swapped among a list of
// cities (Kyoto, Osaka, Tokyo, Moscow, Beijing, New Delhi… in their English
// and Hindi spellings), weekdays move by a random number of days, numbers are
// scaled (years move by a few years) and number words change. The text stays
// Hindi, English or mixed news prose with the claim density of real reports.
//
// Files are named aNNNNNN-STORY.txt (unique, so every article has its own id)
// and written in subfolders of 1,000 (0000/, 0001/, …) unless -flat is given.
// The corpus depends only on the seed, the count, the size and the sources:
// article i is the same whatever -n is.
//
// It is not a test-data source for extraction quality: the swaps ignore
// grammar and meaning.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "number of articles to write")
	out := flag.String("out", "", "folder to write the articles to (created if missing)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	size := flag.Int("size", 7500, "average article size in bytes")
	flat := flag.Bool("flat", false, "write every file into -out itself instead of subfolders of 1,000")
	src := flag.String("src", "testdata/summit,testdata/dev", "comma-separated folders of source articles (.txt, .jsonl); one story per folder")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), `fdgen writes N varied news articles (Hindi, English, mixed) for benchmarking factdiff.

Usage: go run ./cmd/fdgen -n 10000 -out DIR [-seed 1]

Articles are built from the bundled test articles: paragraphs shuffled and
topped up from other reports of the same story, places, weekdays, numbers
and number words varied. Deterministic for a seed.

Flags:
`)
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || *n <= 0 || *size <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "fdgen: give a positive -n and an -out folder, e.g. go run ./cmd/fdgen -n 10000 -out /tmp/corpus")
		os.Exit(2)
	}
	g, err := newGenerator(strings.Split(*src, ","), *size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fdgen:", err)
		os.Exit(1)
	}
	var total int64
	for i := 0; i < *n; i++ {
		name, text := g.article(*seed, i)
		dir := *out
		if !*flat {
			dir = filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		}
		if i == 0 || (!*flat && i%1000 == 0) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				fmt.Fprintln(os.Stderr, "fdgen:", err)
				os.Exit(1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "fdgen:", err)
			os.Exit(1)
		}
		total += int64(len(text))
	}
	fmt.Fprintf(os.Stderr, "fdgen: wrote %d articles, %.1f MB (%.0f bytes per article) to %s\n",
		*n, float64(total)/1e6, float64(total)/float64(*n), *out)
}
