package main

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// IO holds the command's streams and environment, so tests can replace them.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether the streams are terminals.
	OutTTY, ErrTTY bool
	// Width is the terminal width of Out, 0 when unknown.
	Width  int
	Getenv func(string) string
	Now    func() time.Time
	// memoryNeed is what the inputs read so far may need (see limitMemory).
	memoryNeed int64
}

// SystemIO returns the process's standard streams.
func SystemIO() *IO {
	io := &IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv, Now: time.Now}
	io.OutTTY = term.IsTerminal(int(os.Stdout.Fd()))
	io.ErrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	if io.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			io.Width = w
		}
	}
	return io
}

// colorEnabled decides whether text output is styled: --color always/never
// win; otherwise NO_COLOR turns color off, CLICOLOR_FORCE turns it on, and a
// terminal decides.
func (io *IO) colorEnabled(mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if io.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := io.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return io.OutTTY
}
