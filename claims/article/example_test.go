package article_test

import (
	"fmt"
	"strings"

	"github.com/factdiff/factdiff/claims/article"
)

func Example() {
	opt := article.Options{Stdin: strings.NewReader(
		`{"id":"wire-1","title":"बस हादसा","text":"बस खाई में गिरी, 14 की मौत"}` + "\n" +
			`{"id":"wire-2","text":""}` + "\n")}
	inputs, warnings := article.Expand([]string{"-", "no-such-folder/*.txt"}, opt)
	for _, w := range warnings {
		fmt.Println("warning:", w)
	}
	for _, in := range inputs {
		arts, warnings, err := article.Load(in, opt)
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, w := range warnings {
			fmt.Println("warning:", w)
		}
		for _, a := range arts {
			fmt.Printf("%s (%s): %q\n", a.ID, a.Format, a.Text)
		}
	}
	// Output:
	// warning: no-such-folder/*.txt: skipped: no file matches this pattern
	// warning: -:line 2: no "text" (or "body", "content") field with text; record skipped
	// wire-1 (jsonl): "बस खाई में गिरी, 14 की मौत"
}
