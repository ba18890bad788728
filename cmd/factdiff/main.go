// Command factdiff finds where news reports of one story agree and where they
// contradict each other, fact by fact, in Hindi and English.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], SystemIO())) }
