package gazetteer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
)

// Every spelling resolves to its one entity, by Lookup and by Find.
func TestSpellings(t *testing.T) {
	g := Default()
	for id, spellings := range map[string][]string{
		"place:vostochny-cosmodrome":          {"वोस्तोचनी कॉस्मोड्रोम", "वोस्तोचन कॉस्मोड्रोम", "वास्तोचनी कॉस्मोड्रोम", "वोस्तोचनी कोस्मोड्रोम", "वोस्तोचनी", "वोस्तोचन", "Vostochny Cosmodrome", "Vostochny"},
		"place:vladivostok":                   {"व्लदिवोस्तोक", "व्लादिवोस्तोक", "Vladivostok"},
		"person:kim-jong-un":                  {"किम जोंग उन", "किम जोंग-उन", "किम जोंग अन", "किमजोंग उन", "किम जोंग", "Kim Jong Un", "Kim Jong-un"},
		"person:dmitry-peskov":                {"दिमित्री पेस्कोव", "डिमिट्री पेस्कोव", "पेस्कोव", "Dmitry Peskov", "Peskov"},
		"person:vladimir-putin":               {"व्लादिमीर पुतिन", "पुतिन", "Vladimir Putin", "Putin"},
		"person:xi-jinping":                   {"शी जिनपिंग", "Xi Jinping"},
		"person:narendra-modi":                {"नरेंद्र मोदी", "मोदी", "Narendra Modi"},
		"person:donald-trump":                 {"डोनाल्ड ट्रंप", "ट्रंप", "ट्रम्प", "Trump"},
		"person:kim-yo-jong":                  {"किम यो जोंग", "किम यो-जोंग", "Kim Yo Jong"},
		"place:amur-oblast":                   {"अमूर क्षेत्र", "आमूर क्षेत्र", "अमूर ओब्लास्ट", "अमूर प्रांत", "Amur Oblast", "Amur Region"},
		"place:russia":                        {"रूस", "Russia", "रशिया"},
		"place:north-korea":                   {"उत्तर कोरिया", "नॉर्थ कोरिया", "North Korea", "DPRK"},
		"place:south-korea":                   {"दक्षिण कोरिया", "साउथ कोरिया", "South Korea"},
		"place:korean-peninsula":              {"कोरिया", "Korea"},
		"place:georgia":                       {"जॉर्जिया", "Georgia"},
		"place:us-georgia":                    {"जॉर्जिया राज्य"},
		"place:beijing":                       {"बीजिंग", "Beijing"},
		"place:auckland":                      {"ऑकलैंड", "आकलैंड", "Auckland"},
		"place:moscow":                        {"मॉस्को", "मास्को", "Moscow"},
		"place:kremlin":                       {"क्रेमलिन", "Kremlin"},
		"org:bbc":                             {"बीबीसी", "BBC"},
		"org:al-jazeera":                      {"अल जजीरा", "अल-जज़ीरा", "Al Jazeera"},
		"org:tass":                            {"टास", "TASS"},
		"org:reuters":                         {"रॉयटर्स", "Reuters"},
		"org:associated-press":                {"एपी", "AP", "Associated Press"},
		"org:afp":                             {"एएफपी", "AFP"},
		"org:press-trust-of-india":            {"पीटीआई", "PTI"},
		"org:ians":                            {"आईएएनएस", "IANS"},
		"org:ani":                             {"एएनआई", "ANI"},
		"org:nk-news":                         {"एनके न्यूज", "NK News"},
		"org:the-new-york-times":              {"न्यूयॉर्क टाइम्स", "New York Times"},
		"org:the-washington-post":             {"वॉशिंगटन पोस्ट", "Washington Post"},
		"org:cnn":                             {"सीएनएन", "CNN"},
		"org:kcna":                            {"केसीएनए", "KCNA"},
		"org:sputnik":                         {"स्पुतनिक", "Sputnik"},
		"org:yonhap":                          {"योनहाप", "Yonhap"},
		"org:ria-novosti":                     {"आरआईए नोवोस्ती", "RIA Novosti"},
		"org:xinhua":                          {"शिन्हुआ", "Xinhua"},
		"org:united-nations":                  {"संयुक्त राष्ट्र", "UN", "U.N."},
		"org:united-nations-security-council": {"संयुक्त राष्ट्र सुरक्षा परिषद", "UNSC"},
		"org:nato":                            {"नाटो", "NATO", "Nato"},
	} {
		for _, s := range spellings {
			if e := g.Lookup(s); e == nil || e.ID != id {
				t.Errorf("Lookup(%q) = %v, want %s", s, idOf(e), id)
			}
			text := "खबर: " + s + " में।"
			ms := g.Find(normalize.String(text))
			if len(ms) != 1 || ms[0].Entry.ID != id {
				t.Errorf("Find(%q) = %v, want one %s", text, describe(ms), id)
			}
		}
	}
}

// Find in running text: phrase → the mentions it must yield, in order. A
// "~" marks a demonym, a "?" a weak spelling.
var findCorpus = []struct {
	text string
	want []string
}{
	{"रूस के व्लादिवोस्तोक शहर में दोनों नेता मिले।", []string{"रूस=place:russia", "व्लादिवोस्तोक शहर=place:vladivostok"}},
	{"बैठक आमूर क्षेत्र में स्थित वोस्तोचनी कॉस्मोड्रोम पर हुई।", []string{"आमूर क्षेत्र=place:amur-oblast", "वोस्तोचनी कॉस्मोड्रोम=place:vostochny-cosmodrome"}},
	{"रूसी राष्ट्रपति पुतिन ने उत्तर कोरिया के नेता का स्वागत किया", []string{"रूसी=~place:russia", "पुतिन=person:vladimir-putin", "उत्तर कोरिया=place:north-korea"}},
	{"किम जोंग-उन की बहन किम यो जोंग ने बयान दिया", []string{"किम जोंग-उन=person:kim-jong-un", "किम यो जोंग=person:kim-yo-jong"}},
	{"इसके बाद किम ट्रेन से लौटे", []string{"किम=?person:kim-jong-un"}},
	{"चीनी विदेश मंत्रालय की प्रवक्ता माओ निंग ने बीजिंग में कहा", []string{"चीनी विदेश मंत्रालय=org:chinese-foreign-ministry", "माओ निंग=person:mao-ning", "बीजिंग=place:beijing"}},
	{"गाजा पट्टी के रफाह में और पश्चिमी तट के जेनिन में", []string{"गाजा पट्टी=place:gaza-strip", "रफाह=place:rafah", "पश्चिमी तट=place:west-bank", "जेनिन=place:jenin"}},
	{"यूक्रेन के खारकीव और ज़ापोरिज्जिया पर हमले", []string{"यूक्रेन=place:ukraine", "खारकीव=place:kharkiv", "ज़ापोरिज्जिया=place:zaporizhzhia"}},
	{"बिहार के गया जिले में हादसा, पटना से टीम पहुंची", []string{"बिहार=place:in-bihar", "गया जिले=place:in-gaya", "पटना=place:in-patna"}},
	{"वह घर गया और फिर बाजार गया", nil},
	{"सागर शहर के पास बस पलटी", []string{"सागर शहर=place:in-sagar"}},
	{"उसने सागर में छलांग लगाई", nil},
	{"दो गुना ज्यादा लोग पूरी तरह सुरक्षित हैं", nil},
	{"Officials told us that the US and Russia's envoys met in Geneva.", []string{"US=place:united-states", "Russia=place:russia", "Geneva=place:geneva"}},
	{"Kim Jong Un arrived in Vladivostok, KCNA and Reuters reported.", []string{"Kim Jong Un=person:kim-jong-un", "Vladivostok=place:vladivostok", "KCNA=org:kcna", "Reuters=org:reuters"}},
	{"the soil may erode near the salem road", nil},
	{"Putin-Kim talks at Vostochny spaceport", []string{"Putin=person:vladimir-putin", "Kim=?person:kim-jong-un", "Vostochny spaceport=place:vostochny-cosmodrome"}},
	{"अमेरिकी अधिकारियों और अमेरिका के सहयोगियों ने कहा", []string{"अमेरिकी=~place:united-states", "अमेरिका=place:united-states"}},
	{"लखनऊ, कानपुर व आगरा में बारिश", []string{"लखनऊ=place:in-lucknow", "कानपुर=place:in-kanpur", "आगरा=place:in-agra"}},
	{"मुंबई (महाराष्ट्र) में", []string{"मुंबई=place:in-mumbai", "महाराष्ट्र=place:in-maharashtra"}},
	{"रूसऔर चीन", []string{"चीन=place:china"}},
	{"उनकी माली हालत पर किसी भी सूरत में असर नहीं", []string{"माली=?place:mali", "सूरत=?place:in-surat"}},
	{"मध्य प्रदेश के सागर में और Bihar's Gaya में", []string{"मध्य प्रदेश=place:in-madhya-pradesh", "सागर=place:in-sagar", "Bihar=place:in-bihar", "Gaya=place:in-gaya"}},
	{"हादसा गया, बिहार में हुआ; सागर (मध्य प्रदेश) में भी", []string{"गया=place:in-gaya", "बिहार=place:in-bihar", "सागर=place:in-sagar", "मध्य प्रदेश=place:in-madhya-pradesh"}},
	{"वह बिहार में गया था और भारत के सागर तट पर रुका", []string{"बिहार=place:in-bihar", "भारत=place:india"}},
	{"रूस-यूक्रेन युद्ध", []string{"रूस=place:russia", "यूक्रेन=place:ukraine"}},
	{"महाराष्ट्र के रायगढ़ जिले में और छत्तीसगढ़ के रायगढ़ में", []string{"महाराष्ट्र=place:in-maharashtra", "रायगढ़ जिले=place:in-raigad", "छत्तीसगढ़=place:in-chhattisgarh", "रायगढ़=place:in-raigarh"}},
	{"रायगढ़ में बारिश", []string{"रायगढ़=place:in-raigarh"}},
	{"A storm hit Atlanta, Georgia, on Monday.", []string{"Atlanta=place:atlanta", "Georgia=place:us-georgia"}},
	{"Georgia's capital Tbilisi was calm.", []string{"Georgia=place:georgia", "Tbilisi=place:tbilisi"}},
	{"पाकिस्तान के पंजाब प्रांत और सिंध के हैदराबाद में", []string{"पाकिस्तान=place:pakistan", "पंजाब प्रांत=place:pk-punjab", "सिंध=place:sindh", "हैदराबाद=place:hyderabad-sindh"}},
	{"", nil},
}

// Common words that are also names must yield nothing.
var negativeCorpus = []string{
	"गाड़ी का टायर फट गया और वह पैदल घर गया",
	"भरत ने कबूल किया कि कमरा ढका हुआ था",
	"उसे जलना पड़ा, हसन ने बताया",
	"सरे बाजार उसकी पिटाई हुई",
	"दमन के खिलाफ आवाज उठी, पन्ना पलटा और धार तेज की",
	"पूरा लाव-लश्कर साथ चला",
	"सोने की बाली और चांदी की पायल",
	"कुल मिलाकर दो गुना नुकसान हुआ",
	"Hassan and Anand met at the Sagar hotel in the evening.",
	"Prices may erode; tell us more.",
	"it is up to us to act",
	"Class XI students and MAU figures",
}

func TestFindNegative(t *testing.T) {
	g := Default()
	for _, text := range negativeCorpus {
		var strong []Match
		for _, m := range g.Find(normalize.String(text)) {
			if !m.Weak {
				strong = append(strong, m)
			}
		}
		if len(strong) > 0 {
			t.Errorf("Find(%q) = %v, want nothing", text, describe(strong))
		}
	}
}

func TestFindCorpus(t *testing.T) {
	g := Default()
	for _, c := range findCorpus {
		text := normalize.String(c.text)
		ms := g.Find(text)
		var got []string
		for _, m := range ms {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("%q: match text %q is not text[%d:%d]", c.text, m.Text, m.Start, m.End)
			}
			got = append(got, label(m))
		}
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("Find(%q)\n got  %v\n want %v", c.text, got, c.want)
		}
	}
}

// Find is sorted and non-overlapping, and AppendFind appends.
func TestAppendFind(t *testing.T) {
	g := Default()
	text := "रूस, चीन, भारत और उत्तर कोरिया के नेता मॉस्को में"
	pre := []Match{{Text: "x"}}
	ms := g.AppendFind(pre, text)
	if len(ms) != 6 || ms[0].Text != "x" {
		t.Fatalf("AppendFind = %v", describe(ms))
	}
	for i := 2; i < len(ms); i++ {
		if ms[i].Start < ms[i-1].End {
			t.Errorf("matches overlap or are unsorted: %v", describe(ms))
		}
	}
}

func TestContainment(t *testing.T) {
	g := Default()
	ids := func(ss ...string) []string {
		var out []string
		for _, s := range ss {
			ms := g.Find(s)
			if len(ms) != 1 {
				t.Fatalf("Find(%q) = %v, want one match", s, describe(ms))
			}
			out = append(out, ms[0].Entry.ID)
		}
		return out
	}
	compatible := ids("रूस में", "अमूर क्षेत्र में", "वोस्तोचनी कॉस्मोड्रोम में", "सुदूर पूर्व में")
	for _, a := range compatible {
		for _, b := range compatible {
			if g.Disjoint(a, b) {
				t.Errorf("Disjoint(%s, %s) = true, want compatible", a, b)
			}
		}
	}
	if !g.Within("place:vostochny-cosmodrome", "place:russia") || g.Within("place:russia", "place:vostochny-cosmodrome") {
		t.Error("Vostochny Cosmodrome must be within Russia, not the other way")
	}
	beijing := ids("बीजिंग में")[0]
	for _, a := range compatible {
		if !g.Disjoint(a, beijing) {
			t.Errorf("Disjoint(%s, %s) = false, want true", a, beijing)
		}
	}
	if !g.Disjoint("place:vladivostok", "place:vostochny-cosmodrome") {
		t.Error("Vladivostok and Vostochny Cosmodrome are different places")
	}
	if !g.Within("place:in-gaya", "place:india") || !g.Within("place:in-kanpur", "place:in-uttar-pradesh") {
		t.Error("Indian districts must be within their state and India")
	}
	var chain []string
	for _, e := range g.Chain("place:vostochny-cosmodrome") {
		chain = append(chain, e.Name)
	}
	if got := strings.Join(chain[:3], " > "); got != "Amur Oblast > Russian Far East > Russia" {
		t.Errorf("Chain(vostochny) starts %q", got)
	}
	v := g.Value(g.ByID("place:vladivostok"))
	if v.Name != "Vladivostok" || v.Kind != "city" || len(v.Within) < 3 || v.Within[0] != "Primorsky Krai" || v.WithinIDs[0] != "place:primorsky-krai" {
		t.Errorf("Value(vladivostok) = %+v", v)
	}
	if g.Within("place:nowhere", "place:russia") || g.Chain("place:nowhere") != nil {
		t.Error("unknown ids are within nothing")
	}
	if g.Disjoint("unknown:x", "place:russia") {
		t.Error("nothing is known about an unknown place: not disjoint")
	}
}

func TestUnknownValue(t *testing.T) {
	v := UnknownValue("नोवो-ग्राद")
	if v.Name != "Novo-Grad" || v.ID != "unknown:"+Key("Novograd") || !v.Unknown {
		t.Errorf("UnknownValue = %+v", v)
	}
	if Default().Lookup("नोवोग्राद") != nil {
		t.Error("an unknown name must not resolve")
	}
}

func TestUserFile(t *testing.T) {
	user := lexicon.File{Name: "my.yaml", Data: []byte(`places:
  - {id: place:test-town, name: Testville, kind: city, hindi: [टेस्टपुर], within: [place:amur-oblast]}
  - {id: place:russia, hindi: [रूसी महासंघ]}
people:
  - {id: person:test-person, name: Test Person, hindi: [परीक्षा सिंह], role: tester, country: place:india}
designators:
  - {kinds: [city], words: [टाउन]}
`)}
	g, err := New(user)
	if err != nil {
		t.Fatal(err)
	}
	if e := g.Lookup("टेस्टपुर"); e == nil || !g.Within(e.ID, "place:russia") {
		t.Errorf("user place not found or not within Russia: %v", e)
	}
	if e := g.Lookup("रूसी महासंघ"); e == nil || e.ID != "place:russia" || e.Name != "Russia" {
		t.Errorf("extending Russia: %v", e)
	}
	if ms := g.Find("टेस्टपुर टाउन में परीक्षा सिंह"); len(ms) != 2 || ms[0].Text != "टेस्टपुर टाउन" || ms[1].Entry.Role != "tester" {
		t.Errorf("Find with user data = %v", describe(ms))
	}
	if Default().Lookup("टेस्टपुर") != nil {
		t.Error("user data leaked into the default gazetteer")
	}

	replace := lexicon.File{Name: "r.yaml", Data: []byte("places:\n  - {id: place:russia, name: Rossiya, kind: country, hindi: [रोसिया], replace: true}\n")}
	g, err = New(replace)
	if err != nil {
		t.Fatal(err)
	}
	if e := g.ByID("place:russia"); e.Name != "Rossiya" || g.Lookup("रोसिया") != e || len(e.Demonyms) != 0 {
		t.Errorf("replace: %+v", e)
	}
}

func TestUserFileErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"places:\n  - {id: place:x, name: X, hindhi: [क]}\n", `bad.yaml:2: in places: unknown field "hindhi"`},
		{"places:\n  - {id: x, name: X}\n", `bad.yaml:2: places entry needs an id starting with "place:"`},
		{"people:\n  - {id: person:x, name: X, within: [place:russia]}\n", "bad.yaml:2: person:x: only places have"},
		{"places:\n  - {id: place:x, name: X, kind: planet}\n", `bad.yaml:2: place:x: kind "planet" is not a place kind`},
		{"places:\n\n  - {id: place:x, name: X, within: [place:atlantis]}\n", `bad.yaml:3: place:x is within "place:atlantis"`},
		{"places:\n  - {id: place:a, name: A, within: [place:b]}\n  - {id: place:b, name: B, within: [place:a]}\n", "contains itself"},
	} {
		_, err := New(lexicon.File{Name: "bad.yaml", Data: []byte(c.data)})
		var lerr *lexicon.Error
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.As(err, &lerr) {
			t.Errorf("New(%q) error = %v, want a *lexicon.Error with %q", c.data, err, c.want)
		}
	}
}

func label(m Match) string {
	mark := ""
	if m.Demonym {
		mark = "~"
	}
	if m.Weak {
		mark = "?"
	}
	return m.Text + "=" + mark + m.Entry.ID
}

func describe(ms []Match) string {
	var parts []string
	for _, m := range ms {
		if m.Entry == nil {
			parts = append(parts, m.Text)
			continue
		}
		parts = append(parts, label(m))
	}
	return fmt.Sprint(parts)
}

func idOf(e *Entry) string {
	if e == nil {
		return "nil"
	}
	return e.ID
}

// The gazetteer is safe for concurrent use.
func TestConcurrentFind(t *testing.T) {
	g := Default()
	want := describe(g.Find(benchText))
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() { done <- describe(g.Find(benchText)) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent Find differs")
		}
	}
}
