// Command factdiff finds where news reports of one story agree and where they
// contradict each other, fact by fact, in Hindi and English.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// factdiff allocates many short-lived values per article and keeps little:
	// collecting less often saves CPU at a small cost in memory. GOGC wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(Main(os.Args[1:], SystemIO()))
}
