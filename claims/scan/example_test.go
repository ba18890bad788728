package scan_test

import (
	"fmt"

	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/scan"
)

func ExampleScanner_Scan() {
	text := normalize.String("बुधवार को हुई बैठक करीब चार से पांच घंटे तक चली, 4 साल पहले 2019 में भी दोनों मिले थे।")
	for _, m := range scan.Default().Scan(text) {
		fmt.Printf("%s %q → %s\n", m.Type, text[m.Start:m.End], m.Display)
	}
	// Output:
	// weekday "बुधवार" → Wednesday
	// duration "करीब चार से पांच घंटे" → 4–5 h (approx.)
	// relative "4 साल पहले" → -4 year
	// year "2019" → 2019
}
