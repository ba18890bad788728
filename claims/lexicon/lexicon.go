// Package lexicon loads factdiff's language data: the YAML files embedded in
// the packages that use them, and the files a user adds with --lexicon.
//
// A lexicon file is a YAML mapping whose top-level keys name sections
// ("numbers", "units", "places", "frames", …). Each package that reads
// language data asks for its own sections with Section, so a single user file
// can extend every part of factdiff at once. Errors name the file and line.
//
// It is not for deciding what the data means; each consumer does that.
package lexicon

import (
	"bytes"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// File is one lexicon document: its name (for messages) and its bytes.
type File struct {
	Name string
	Data []byte
}

// ReadFiles reads user lexicon files from disk.
func ReadFiles(paths []string) ([]File, error) {
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w (check the --lexicon path)", err)
		}
		files = append(files, File{Name: p, Data: b})
	}
	return files, nil
}

// Entry is one decoded item of a section with where it was written.
type Entry[T any] struct {
	Value T
	File  string
	Line  int
}

// Error is a problem in a lexicon file, located by file and line.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as FILE:LINE: MESSAGE.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Errorf returns an *Error located at file and line.
func Errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Section decodes the sequence under the top-level key in every file, in
// order, and returns its items. Files without the key contribute nothing. An
// item that does not decode into T is an *Error with its file and line.
func Section[T any](files []File, key string) ([]Entry[T], error) {
	var out []Entry[T]
	for _, f := range files {
		if len(bytes.TrimSpace(f.Data)) == 0 {
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(f.Data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		if len(doc.Content) == 0 {
			continue
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			return nil, Errorf(f.Name, root.Line, "a lexicon file is a mapping of sections (numbers:, units:, places:, …)")
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value != key {
				continue
			}
			seq := root.Content[i+1]
			if seq.Kind != yaml.SequenceNode {
				return nil, Errorf(f.Name, seq.Line, "section %q must be a list", key)
			}
			for _, item := range seq.Content {
				var v T
				if err := item.Decode(&v); err != nil {
					return nil, Errorf(f.Name, item.Line, "in %s: %v", key, err)
				}
				out = append(out, Entry[T]{Value: v, File: f.Name, Line: item.Line})
			}
		}
	}
	return out, nil
}
