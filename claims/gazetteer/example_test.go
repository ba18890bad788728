package gazetteer_test

import (
	"fmt"

	"github.com/factdiff/factdiff/claims/gazetteer"
	"github.com/factdiff/factdiff/claims/normalize"
)

func Example() {
	g := gazetteer.Default()
	text := normalize.String("रूसी राष्ट्रपति पुतिन और किम जोंग-उन की मुलाकात आमूर क्षेत्र के वोस्तोचन कॉस्मोड्रोम में हुई")
	for _, m := range g.Find(text) {
		fmt.Println(m.Text, "→", m.Entry.ID, m.Demonym)
	}
	fmt.Println(g.Within("place:vostochny-cosmodrome", "place:russia"), g.Disjoint("place:vostochny-cosmodrome", "place:beijing"))
	// Output:
	// रूसी → place:russia true
	// पुतिन → person:vladimir-putin false
	// किम जोंग-उन → person:kim-jong-un false
	// आमूर क्षेत्र → place:amur-oblast false
	// वोस्तोचन कॉस्मोड्रोम → place:vostochny-cosmodrome false
	// true true
}
