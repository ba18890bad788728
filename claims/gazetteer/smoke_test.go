package gazetteer

import "testing"

func TestSmoke(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"रूस के पूर्वी आमूर क्षेत्र में है", "वोस्तोचन कॉस्मोड्रोम में उत्तर कोरिया और Russia's US us", "गिनी-बिसाउ और गिनी"} {
		for _, m := range g.Find(s) {
			t.Logf("%q %s demonym=%v %v", m.Text, m.Entry.ID, m.Demonym, g.Value(m.Entry))
		}
	}
	t.Log(Key("व्लादिवोस्तोक"), Key("व्लदिवोस्तोक"), Key("किम जोंग-उन"), Key("Côte d’Ivoire"), Key("पञ्जाब"), Key("पंजाब"))
	t.Log(g.Conflicts())
}
