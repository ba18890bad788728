package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/factdiff/factdiff/claims"
	"github.com/spf13/cobra"
)

// Exit statuses, like diff's.
const (
	exitOK       = 0 // no conflict
	exitConflict = 1 // compare found conflicts
	exitTrouble  = 2 // bad usage, or nothing readable
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// exitError carries an exit status through cobra.
type exitError struct {
	code int
	err  error
}

// Error returns the message of the wrapped error, if any.
func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

// usageError marks an error as the user's to fix (exit status 2).
func usageError(format string, args ...any) error {
	return &exitError{code: exitTrouble, err: fmt.Errorf(format, args...)}
}

// Main runs factdiff with args and returns the exit status.
func Main(args []string, io *IO) int {
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(io.ErrOut, "factdiff:", claims.Safe(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintln(io.ErrOut, "factdiff:", claims.Safe(err.Error()))
	if strings.Contains(err.Error(), "unknown") || strings.Contains(err.Error(), "flag") || strings.Contains(err.Error(), "arg") {
		fmt.Fprintln(io.ErrOut, "Run 'factdiff --help' for usage.")
	}
	return exitTrouble
}

func newRootCmd(io *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "factdiff",
		Short: "Find agreements and contradictions between news reports, fact by fact",
		Long: `factdiff reads several news reports of one story (Hindi, English or mixed),
extracts their facts as normalized values — places, durations, days, years,
speeds, distances, counts, quotes — lines up the same fact across sources and
shows which sources agree, which are less precise and which contradict each
other, with the exact sentence each value came from.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.AddCommand(newCompareCmd(io, nil), newExtractCmd(io, nil), newParseCmd(io, nil), newVersionCmd(io))
	return root
}

func newVersionCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print factdiff's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(io.Out, "factdiff", version)
			return nil
		},
	}
}
