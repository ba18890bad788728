package report_test

import (
	"os"

	"github.com/factdiff/factdiff/claims/value"
	"github.com/factdiff/factdiff/compare"
	"github.com/factdiff/factdiff/compare/report"
)

func ExampleRender() {
	sentence := "रेल हादसे में कम से कम 12 लोगों की मौत हो गई।"
	r := &compare.Report{
		Sources: []compare.Source{
			{ID: "a", Path: "a.txt", Title: "रेल हादसा", Claims: 3},
			{ID: "b", Path: "b.txt", Title: "Train crash", Claims: 2},
		},
		Findings: []compare.Finding{{
			Slot: "incident.dead", Label: "Deaths", Type: value.TypeCount,
			Status: compare.Conflict, Severity: compare.Major,
			Groups: []compare.Group{
				{Display: "≥ 12", Sources: []string{"a"}, Independent: 1, Evidence: []compare.Evidence{{
					Source: "a", Sentence: sentence, Text: "कम से कम 12",
					SpanStart: 36, SpanEnd: 59, Line: 2, Col: 1}}},
				{Display: "8", Sources: []string{"b"}, Independent: 1, Evidence: []compare.Evidence{{
					Source: "b", Sentence: "Eight people died, police said.", Text: "Eight",
					SpanStart: 0, SpanEnd: 5, Line: 1, Col: 1, Attribution: "police"}}},
			},
		}},
	}
	if err := report.Render(os.Stdout, r, report.Options{Format: "text", Width: 72}); err != nil {
		panic(err)
	}
	// Output:
	// Articles (2)
	//   a: रेल हादसा (3 claims)
	//   b: Train crash (2 claims)
	//
	// CONFLICT · major · Deaths (incident.dead)
	//   • ≥ 12 (1 source: a)
	//     a.txt:2:1
	//       रेल हादसे में «कम से कम 12» लोगों की मौत हो गई।
	//   • 8 (1 source: b)
	//     b.txt:1:1 · per police
	//       «Eight» people died, police said.
	//
	// 1 conflict, 0 compatible, 0 agree, 0 single-source in 2 articles
}
