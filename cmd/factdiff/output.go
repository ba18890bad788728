package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// withOutput runs write against standard output, or, with --out, against a
// temporary file beside FILE that replaces FILE only when write succeeds — a
// failed run never truncates an existing report.
func withOutput(stdio *IO, out string, write func(w io.Writer) error) error {
	if out == "" || out == "-" {
		return write(stdio.Out)
	}
	dir := filepath.Dir(out)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return usageError("cannot write --out %s: %v", out, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := os.Rename(name, out); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}
