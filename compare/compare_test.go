package compare

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims"
	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/shingle"
	"github.com/factdiff/factdiff/claims/value"
)

func TestThreeGroupsMerge(t *testing.T) {
	tests := []struct {
		name   string
		slot   string
		vals   map[string]value.Value
		status Status
		groups [][]string
	}{
		{"a region joins the place it contains", "meeting.location", map[string]value.Value{
			"a": place("vostochny"), "b": place("vostochny"), "c": place("amur"), "d": place("beijing")},
			Conflict, [][]string{{"a", "b", "c"}, {"d"}}},
		{"a country fitting two cities joins the larger side", "incident.location", map[string]value.Value{
			"a": place("mumbai"), "b": place("mumbai"), "c": place("pune"), "d": place("india")},
			Conflict, [][]string{{"a", "b", "d"}, {"c"}}},
		{"a chain of three is compatible", "meeting.location", map[string]value.Value{
			"a": place("russia"), "b": place("amur"), "c": place("vostochny")},
			Compatible, [][]string{{"a"}, {"b"}, {"c"}}},
		{"an upper bound joins the approximate value it fits", "train.speed", map[string]value.Value{
			"a": qty(bound(value.AtMost, 59, "km/h")), "b": qty(approx(value.Point(60, "km/h"))), "c": qty(value.Point(80, "km/h"))},
			Conflict, [][]string{{"a", "b"}, {"c"}}},
		{"three durations, two overlapping", "meeting.duration", map[string]value.Value{
			"a": qty(approx(value.Range(4, 5, "h"))), "b": qty(value.Point(4, "h")), "c": qty(approx(value.Point(2, "h"))), "d": qty(value.Point(120, "min"))},
			Conflict, [][]string{{"a", "b"}, {"c", "d"}}},
		{"weekday and date against another weekday", "meeting.day", map[string]value.Value{
			"a": weekday("Wednesday"), "b": date(2023, 9, 13), "c": weekday("Tuesday")},
			Conflict, [][]string{{"a", "b"}, {"c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []Document
			for _, id := range slices.Sorted(func(yield func(string) bool) {
				for k := range tt.vals {
					if !yield(k) {
						return
					}
				}
			}) {
				docs = append(docs, docOf(id, cl(id, tt.slot, tt.vals[id], "x", 0)))
			}
			f := findingFor(Compare(docs, DefaultOptions()), tt.slot)
			if f.Status != tt.status {
				t.Errorf("status %s, want %s (%s)", f.Status, tt.status, f.Note)
			}
			got := groupSources(f)
			slices.SortFunc(got, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
			if fmt.Sprint(got) != fmt.Sprint(tt.groups) {
				t.Errorf("groups %v, want %v (%s)", got, tt.groups, f.Note)
			}
		})
	}
}

func TestAncestorFittingBothSides(t *testing.T) {
	r := Compare([]Document{
		docOf("a", cl("a", "incident.location", place("mumbai"), "मुंबई", 0)),
		docOf("b", cl("b", "incident.location", place("mumbai"), "Mumbai", 0)),
		docOf("c", cl("c", "incident.location", place("pune"), "पुणे", 0)),
		docOf("d", cl("d", "incident.location", place("india"), "भारत", 0)),
	}, DefaultOptions())
	f := findingFor(r, "incident.location")
	if want := "India fits Mumbai and Pune alike and is listed with Mumbai"; !strings.Contains(f.Note, want) {
		t.Errorf("note %q lacks %q", f.Note, want)
	}
}

func TestMergedGroupShowsVariants(t *testing.T) {
	r := Compare([]Document{
		docOf("a", cl("a", "meeting.location", place("vostochny"), "वोस्तोचनी", 0)),
		docOf("b", cl("b", "meeting.location", place("amur"), "अमूर", 0)),
		docOf("c", cl("c", "meeting.location", place("beijing"), "बीजिंग", 0)),
	}, DefaultOptions())
	f := findingFor(r, "meeting.location")
	g := f.Groups[0]
	if g.Display != "Vostochny Cosmodrome" || !slices.Equal(g.Variants, []string{"Amur Oblast"}) {
		t.Errorf("group %q variants %v, want Vostochny Cosmodrome with Amur Oblast", g.Display, g.Variants)
	}
	if len(g.Evidence) != 2 || g.Evidence[0].Text != "वोस्तोचनी" {
		t.Errorf("evidence %+v", g.Evidence)
	}
	e := g.Evidence[0]
	if e.SpanStart < 0 || e.Sentence[e.SpanStart:e.SpanEnd] != e.Text {
		t.Errorf("span %d–%d does not locate %q in %q", e.SpanStart, e.SpanEnd, e.Text, e.Sentence)
	}
}

func TestWithinArticle(t *testing.T) {
	t.Run("a region and the place in it merge", func(t *testing.T) {
		r := Compare([]Document{
			docOf("a", cl("a", "meeting.location", place("amur"), "अमूर क्षेत्र", 0), cl("a", "meeting.location", place("vostochny"), "वोस्तोचनी", 100)),
			docOf("b", cl("b", "meeting.location", place("vostochny"), "Vostochny", 0)),
		}, DefaultOptions())
		f := findingFor(r, "meeting.location")
		if f.Status != Agree || len(f.Groups) != 1 || f.Groups[0].Evidence[0].Text != "वोस्तोचनी" {
			t.Errorf("got %s %v, want agree on the precise value: %s", f.Status, groupSources(f), f.Note)
		}
	})
	t.Run("a duplicate keeps the most precise evidence", func(t *testing.T) {
		r := Compare([]Document{
			docOf("a", cl("a", "meeting.duration", qty(approx(value.Point(2, "h"))), "करीब दो घंटे", 0),
				cl("a", "meeting.duration", qty(value.Point(2, "h")), "दो घंटे", 100)),
		}, DefaultOptions())
		f := findingFor(r, "meeting.duration")
		if f.Status != Single || len(f.Groups[0].Evidence) != 1 || f.Groups[0].Evidence[0].Text != "दो घंटे" {
			t.Errorf("got %s %+v", f.Status, f.Groups)
		}
	})
	t.Run("an article contradicting itself", func(t *testing.T) {
		for _, other := range []string{"vladivostok", ""} {
			docs := []Document{
				docOf("a", cl("a", "meeting.location", place("vostochny"), "वोस्तोचनी", 0), cl("a", "meeting.location", place("beijing"), "बीजिंग", 100)),
			}
			want := "[[a] [a]]"
			if other != "" {
				docs = append(docs, docOf("b", cl("b", "meeting.location", place(other), "Vladivostok", 0)))
				want = "[[a] [b] [a]]"
			}
			f := findingFor(Compare(docs, DefaultOptions()), "meeting.location")
			if f.Status != Conflict || fmt.Sprint(groupSources(f)) != want {
				t.Errorf("got %s %v, want %s", f.Status, groupSources(f), want)
			}
			if !strings.Contains(f.Note, "a contradicts itself: it gives both") {
				t.Errorf("note %q", f.Note)
			}
		}
	})
	t.Run("a value no one confirms beside a confirmed one is set aside", func(t *testing.T) {
		// The article reports the accident on Sunday, like the others, and
		// mentions Monday for something else that the reading took for the
		// accident's day.
		r := Compare([]Document{
			docOf("a", cl("a", "incident.day", weekday("Sunday"), "रविवार", 0), cl("a", "incident.day", weekday("Monday"), "सोमवार", 100)),
			docOf("b", cl("b", "incident.day", weekday("Sunday"), "Sunday", 0)),
		}, DefaultOptions())
		f := findingFor(r, "incident.day")
		if f.Status != Agree || !strings.Contains(f.Note, "a also gives Monday («सोमवार»), which no other source confirms") {
			t.Errorf("got %s: %s", f.Status, f.Note)
		}
	})
	t.Run("a low-confidence reading is set aside", func(t *testing.T) {
		weak := cl("a", "meeting.location", place("beijing"), "बीजिंग", 100)
		weak.Confidence = 0.3
		r := Compare([]Document{
			docOf("a", cl("a", "meeting.location", place("vostochny"), "वोस्तोचनी", 0), weak),
			docOf("b", cl("b", "meeting.location", place("vostochny"), "Vostochny", 0)),
		}, DefaultOptions())
		f := findingFor(r, "meeting.location")
		if f.Status != Agree || !strings.Contains(f.Note, "low confidence") {
			t.Errorf("got %s: %s", f.Status, f.Note)
		}
	})
	t.Run("a conflict resting on low confidence is minor", func(t *testing.T) {
		weak := cl("b", "meeting.location", place("beijing"), "बीजिंग", 0)
		weak.Confidence = 0.4
		r := Compare([]Document{
			docOf("a", cl("a", "meeting.location", place("vostochny"), "वोस्तोचनी", 0)),
			docOf("b", weak),
		}, DefaultOptions())
		f := findingFor(r, "meeting.location")
		if f.Status != Conflict || f.Severity != Minor || !strings.Contains(f.Note, "low-confidence") {
			t.Errorf("got %s/%s: %s", f.Status, f.Severity, f.Note)
		}
	})
}

func TestForecastsDoNotConflict(t *testing.T) {
	fc := cl("a", "meeting.location", place("vladivostok"), "व्लादिवोस्तोक में मिल सकते हैं", 0)
	fc.Expected = true
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		docs := []Document{
			docOf("a", fc),
			docOf("b", cl("b", "meeting.location", place("vostochny"), "वोस्तोचनी", 0)),
		}
		docs = []Document{docs[order[0]], docs[order[1]]}
		f := findingFor(Compare(docs, DefaultOptions()), "meeting.location")
		if f.Status == Conflict {
			t.Errorf("a forecast made a conflict: %s", f.Note)
		}
		if !strings.Contains(f.Note, "forecast of Vladivostok") {
			t.Errorf("note %q does not mention the forecast", f.Note)
		}
	}
}

func TestQuotes(t *testing.T) {
	const speaker = "Rajesh Kumar"
	tests := []struct {
		name   string
		a, b   string
		status Status
		diff   string // an inserted or deleted word
	}{
		{"the same words", "हम इस पुल को समय पर पूरा करेंगे।", "हम इस पुल को समय पर पूरा करेंगे", Agree, ""},
		{"spelling variants", "हम हिन्दी में बात करेंगे और ज़मीन की बात होगी", "हम हिंदी में बात करेंगे और जमीन की बात होगी", Agree, ""},
		{"English punctuation and case", "We will finish the bridge on time, no matter what.", "we will finish the bridge on time no matter what", Agree, ""},
		{"an excerpt", "हम इस पुल को समय पर पूरा करेंगे और किराया नहीं बढ़ेगा", "समय पर पूरा करेंगे", Compatible, ""},
		{"a changed word", "हम इस पुल को समय पर पूरा करेंगे", "हम इस पुल को समय पर पूरा नहीं करेंगे", Conflict, "नहीं"},
		{"English changed number", "We will open twelve new schools this year", "We will open twenty new schools this year", Conflict, "twenty"},
	}
	for _, tt := range tests {
		for _, swap := range []bool{false, true} {
			a, b := tt.a, tt.b
			if swap {
				a, b = b, a
			}
			t.Run(fmt.Sprintf("%s/%v", tt.name, swap), func(t *testing.T) {
				r := Compare([]Document{
					docOf("a", cl("a", "speech.quote", quote(speaker, a), a, 0)),
					docOf("b", cl("b", "speech.quote", quote(speaker, b), b, 0)),
				}, DefaultOptions())
				var fs []Finding
				for _, f := range r.Findings {
					if f.Slot == "speech.quote" {
						fs = append(fs, f)
					}
				}
				if len(fs) != 1 {
					t.Fatalf("%d quote findings, want 1 (aligned)", len(fs))
				}
				f := fs[0]
				if f.Status != tt.status || f.Speaker != speaker {
					t.Errorf("status %s speaker %q, want %s: %s", f.Status, f.Speaker, tt.status, f.Note)
				}
				if tt.status == Conflict {
					if f.Severity != Minor {
						t.Errorf("severity %s, want minor", f.Severity)
					}
					found := false
					for _, d := range f.QuoteDiff {
						found = found || (d.Op != "equal" && strings.Contains(d.Text, tt.diff))
					}
					if !found {
						t.Errorf("diff %+v lacks %q", f.QuoteDiff, tt.diff)
					}
				}
			})
		}
	}
	// Different quotes of one speaker are not aligned.
	r := Compare([]Document{
		docOf("a", cl("a", "speech.quote", quote(speaker, "पुल अगले साल तक बन जाएगा"), "x", 0)),
		docOf("b", cl("b", "speech.quote", quote(speaker, "किसानों को मुआवजा मिलेगा और जांच होगी"), "y", 0)),
	}, DefaultOptions())
	n := 0
	for _, f := range r.Findings {
		if f.Slot == "speech.quote" {
			n++
			if f.Status != Single {
				t.Errorf("unrelated quotes: %s", f.Status)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d findings for two unrelated quotes, want 2", n)
	}
}

func TestWordDiff(t *testing.T) {
	got := wordDiff("हम पुल को समय पर पूरा करेंगे", "हम पुल को समय पर पूरा नहीं करेंगे")
	var b strings.Builder
	for _, d := range got {
		fmt.Fprintf(&b, "%s[%s]", d.Op[:1], d.Text)
	}
	if want := "e[हम पुल को समय पर पूरा ]i[नहीं ]e[करेंगे]"; b.String() != want {
		t.Errorf("diff %s, want %s", b.String(), want)
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"हिन्दी", "हिंदी"},
		{"ज़मीन", "जमीन"},
		{"पूरी", "पुरि"},
		{"संबंध", "सम्बन्ध"},
		{"Hello, World!", "hello world"},
		{"चाँद", "चांद"},
	}
	for _, tt := range tests {
		if foldKey(tt.a) != foldKey(tt.b) {
			t.Errorf("foldKey(%q) = %q, foldKey(%q) = %q; want equal", tt.a, foldKey(tt.a), tt.b, foldKey(tt.b))
		}
	}
	if foldKey("करेंगे") == foldKey("नहीं करेंगे") {
		t.Error("fold must keep words")
	}
}

// Two articles that share long passages (a wire story and its copy) and a
// third written independently.
func TestSharedText(t *testing.T) {
	wire := "पुलिस ने बताया कि हादसा सुबह करीब छह बजे हुआ जब तेज रफ्तार बस अनियंत्रित होकर खाई में गिर गई। " +
		"बस में चालीस से ज्यादा यात्री सवार थे जो एक शादी समारोह से लौट रहे थे। " +
		"घायलों को नजदीकी अस्पताल ले जाया गया जहां कई की हालत गंभीर बताई जा रही है। " +
		"जिला प्रशासन ने मृतकों के परिजनों को मुआवजा देने की घोषणा की है और जांच के आदेश दिए हैं।"
	copyText := "राज्य के पहाड़ी जिले में रविवार को एक दर्दनाक हादसा हुआ। " + wire + " स्थानीय लोगों ने बचाव में मदद की।"
	other := "The bus fell into a gorge early on Sunday after the driver lost control on a sharp bend, " +
		"officials said, adding that rescue teams reached the spot within an hour and that an inquiry has been ordered."
	dead := func(id string, n float64) Document {
		d := docOf(id, cl(id, "incident.dead", qty(value.Point(n, "")), "x", 0))
		return d
	}
	a, b, c := dead("a", 12), dead("b", 12), dead("c", 12)
	a.Fingerprint, b.Fingerprint, c.Fingerprint = shingle.Fingerprint(wire), shingle.Fingerprint(copyText), shingle.Fingerprint(other)
	r := Compare([]Document{c, b, a}, DefaultOptions())
	byID := map[string]Source{}
	for _, s := range r.Sources {
		byID[s.ID] = s
	}
	if s := byID["a"].SharesTextWith; len(s) != 1 || s[0].Source != "b" || s[0].Fraction < 0.9 {
		t.Errorf("a shares %+v, want all of its text with b", s)
	}
	if s := byID["b"].SharesTextWith; len(s) != 1 || s[0].Source != "a" || s[0].Fraction < 0.5 || s[0].Fraction > 0.95 {
		t.Errorf("b shares %+v, want most of its text with a", s)
	}
	if len(byID["c"].SharesTextWith) != 0 {
		t.Errorf("c shares %+v, want nothing", byID["c"].SharesTextWith)
	}
	f := findingFor(r, "incident.dead")
	if f.Status != Agree || f.Groups[0].Independent != 2 || !strings.Contains(f.Note, "3 sources, 2 independent") {
		t.Errorf("got %s independent %d: %s", f.Status, f.Groups[0].Independent, f.Note)
	}
}

// seedLike builds articles about two summits: three about one in 2023 and one
// recalling a 2024 treaty as past.
func seedLike() []Document {
	earlier := func(c claims.Claim) claims.Claim { c.Earlier = true; return c }
	inferred := func(c claims.Claim) claims.Claim { c.Inferred = "4 years after 2019"; return c }
	return []Document{
		docOf("s1",
			cl("s1", "meeting.location", place("vostochny"), "वोस्तोचनी", 0),
			cl("s1", "meeting.day", weekday("Wednesday"), "बुधवार", 100),
			earlier(cl("s1", "previous_meeting.year", year(2019), "2019 में", 200)),
			inferred(cl("s1", "meeting.year", year(2023), "4 साल पहले 2019", 200)),
			cl("s1", "meeting.duration", qty(approx(value.Range(4, 5, "h"))), "करीब चार से पांच घंटे", 300)),
		docOf("s2",
			cl("s2", "meeting.location", place("vostochny"), "वोस्तोचन", 0),
			cl("s2", "meeting.day", weekday("Wednesday"), "बुधवार", 100),
			earlier(cl("s2", "previous_meeting.year", year(2019), "2019 में", 200))),
		docOf("s3",
			cl("s3", "meeting.duration", qty(approx(value.Point(2, "h"))), "लगभग दो घंटे", 0),
			earlier(cl("s3", "previous_meeting.year", year(2019), "2019 के बाद", 100))),
		docOf("s4",
			cl("s4", "meeting.location", place("beijing"), "बीजिंग", 0),
			cl("s4", "meeting.day", weekday("Wednesday"), "बुधवार", 100),
			earlier(cl("s4", "treaty.year", year(2024), "2024 में रक्षा संधि हुई थी", 200))),
	}
}

func TestEvents(t *testing.T) {
	r := Compare(seedLike(), DefaultOptions())
	if len(r.Events) != 2 {
		t.Fatalf("events %+v, want 2", r.Events)
	}
	if got := r.Events[0].Sources; !slices.Equal(got, []string{"s1", "s2", "s3"}) {
		t.Errorf("first event %v", got)
	}
	if got := r.Events[1]; !slices.Equal(got.Sources, []string{"s4"}) ||
		!strings.Contains(got.Note, "s4 likely reports a later occurrence: it recalls a treaty of 2024 as past, while the others date their occurrence to 2023") {
		t.Errorf("second event %+v", got)
	}
	for _, s := range r.Sources {
		if want := map[bool]int{true: 1, false: 0}[s.ID == "s4"]; s.Event != want {
			t.Errorf("%s event %d, want %d", s.ID, s.Event, want)
		}
	}
	loc := findingFor(r, "meeting.location")
	if loc.Status != Conflict || !loc.DifferentEvent || !strings.Contains(loc.Note, "different occurrence") {
		t.Errorf("location: %s different=%v: %s", loc.Status, loc.DifferentEvent, loc.Note)
	}
	dur := findingFor(r, "meeting.duration")
	if dur.Status != Conflict || dur.DifferentEvent {
		t.Errorf("duration: %s different=%v", dur.Status, dur.DifferentEvent)
	}
	if r.Findings[0].Slot != "meeting.location" || r.Findings[1].Slot != "meeting.duration" {
		t.Errorf("order: %s, %s; want central conflicts first", r.Findings[0].Slot, r.Findings[1].Slot)
	}

	opt := DefaultOptions()
	opt.SplitEvents = true
	r = Compare(seedLike(), opt)
	for _, f := range r.Findings {
		if f.Slot == "meeting.location" && f.Status == Conflict {
			t.Errorf("split events still conflict on location: %s", f.Note)
		}
		if f.Event == nil {
			t.Errorf("finding %s without event", f.Slot)
		}
	}
}

func TestOneEvent(t *testing.T) {
	docs := seedLike()[:3]
	r := Compare(docs, DefaultOptions())
	if len(r.Events) != 1 || r.Events[0].Note != "3 articles report one occurrence (2023)" {
		t.Errorf("events %+v", r.Events)
	}
	r = Compare(nil, DefaultOptions())
	if len(r.Events) != 0 || r.Findings == nil {
		t.Errorf("empty input: %+v", r)
	}
}

func TestPublishedResolvesRelative(t *testing.T) {
	yesterday := cl("a", "meeting.day", value.Value{Time: &value.Time{Relative: "-1 day"}}, "कल", 0)
	for _, tt := range []struct {
		day    string
		status Status
	}{{"Wednesday", Compatible}, {"Friday", Conflict}} {
		a := docOf("a", yesterday)
		a.Source.Published = "2023-09-14"
		b := docOf("b", cl("b", "meeting.day", weekday(tt.day), tt.day, 0))
		f := findingFor(Compare([]Document{a, b}, DefaultOptions()), "meeting.day")
		if f.Status != tt.status {
			t.Errorf("yesterday of 14 Sep 2023 vs %s: %s, want %s (%s)", tt.day, f.Status, tt.status, f.Note)
		}
	}
}

func TestDeterministic(t *testing.T) {
	docs := seedLike()
	for i := range docs {
		docs[i].Fingerprint = shingle.Fingerprint(strings.Repeat(fmt.Sprintf("शब्द%d एक दो तीन चार पांच छह सात आठ ", i%2), 20))
	}
	want := marshal(t, Compare(docs, DefaultOptions()))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(docs)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i := range shuffled {
			cs := slices.Clone(shuffled[i].Claims)
			rng.Shuffle(len(cs), func(a, b int) { cs[a], cs[b] = cs[b], cs[a] })
			shuffled[i].Claims = cs
		}
		if got := marshal(t, Compare(shuffled, DefaultOptions())); got != want {
			t.Fatalf("output depends on input order:\n%s\n---\n%s", got, want)
		}
	}
}

func marshal(t testing.TB, r *Report) string {
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLabel(t *testing.T) {
	for slot, want := range map[string]string{
		"meeting.location":      "Meeting location",
		"incident.dead":         "Death toll",
		"previous_meeting.year": "Previous meeting year",
		"arrival.day":           "Arrival day",
		"ship_sinking.depth":    "Ship sinking depth",
		"nodot":                 "Nodot",
	} {
		if got := Label(slot); got != want {
			t.Errorf("Label(%q) = %q, want %q", slot, got, want)
		}
	}
}

// TestOddClaims feeds values that carry nothing comparable or are malformed;
// none may panic or be lost silently when it is comparable.
func TestOddClaims(t *testing.T) {
	nan := value.F(0)
	*nan = *nan / *nan
	odd := []value.Value{
		{},
		{Quantity: &value.Quantity{Unit: "h"}},
		{Quantity: &value.Quantity{Min: nan, Max: nan, Unit: "h"}},
		{Quantity: &value.Quantity{Min: value.F(3), Unit: "parsec", Bound: value.Exact}},
		{Quantity: &value.Quantity{Max: value.F(5), Unit: "km", Bound: value.Exact}},
		{Quantity: &value.Quantity{Min: value.F(9), Max: value.F(2), Unit: "km", Bound: value.Exact}},
		{Entity: &value.Entity{}},
		{Time: &value.Time{}},
		{Time: &value.Time{Relative: "-1 day|+1 day", Ambiguous: true}},
		{Quote: &value.Quote{}},
		{Ordinal: &value.Ordinal{Ordinal: 3}},
	}
	var docs []Document
	for i, v := range odd {
		id := fmt.Sprintf("o%d", i)
		c := cl(id, "odd.value", v, "", 0)
		c.Sentence = ""
		docs = append(docs, docOf(id, c))
	}
	r := Compare(docs, DefaultOptions())
	for _, f := range r.Findings {
		for _, g := range f.Groups {
			for _, e := range g.Evidence {
				if e.SpanStart != -1 {
					t.Errorf("span of empty text: %+v", e)
				}
			}
		}
	}
	marshal(t, r)
}

func TestEventsByDateAndPublication(t *testing.T) {
	dead := func(id string, n float64, offset int) claims.Claim {
		return cl(id, "incident.dead", qty(value.Point(n, "")), "killed", offset)
	}
	docs := []Document{
		docOf("bus-a", cl("bus-a", "incident.date", date(2024, 3, 5), "5 March 2024", 0), dead("bus-a", 12, 100)),
		docOf("bus-b", cl("bus-b", "incident.date", date(2024, 3, 5), "5 मार्च 2024", 0), dead("bus-b", 12, 100)),
		docOf("bus-c", dead("bus-c", 12, 0)),
		docOf("old", dead("old", 31, 0)),
	}
	docs[3].Source.Published = "2021-06-01"
	r := Compare(docs, DefaultOptions())
	if len(r.Events) != 2 || !slices.Equal(r.Events[0].Sources, []string{"bus-a", "bus-b", "bus-c"}) {
		t.Fatalf("events %+v", r.Events)
	}
	if want := "old likely reports an earlier occurrence: it was published in 2021, while the others date their occurrence to 2024"; r.Events[1].Note != want {
		t.Errorf("note %q, want %q", r.Events[1].Note, want)
	}
	f := findingFor(r, "incident.dead")
	if f.Status != Conflict || !f.DifferentEvent {
		t.Errorf("death toll: %s different=%v", f.Status, f.DifferentEvent)
	}
}

func TestUnresolvedRelative(t *testing.T) {
	kal := cl("a", "meeting.day", value.Value{Time: &value.Time{Relative: "-1 day|+1 day", Ambiguous: true}}, "कल", 0)
	r := Compare([]Document{
		docOf("a", kal),
		docOf("b", cl("b", "meeting.day", weekday("Friday"), "शुक्रवार", 0)),
	}, DefaultOptions())
	f := findingFor(r, "meeting.day")
	if f.Status != Compatible || !strings.Contains(f.Note, "cannot be placed in time") {
		t.Errorf("got %s: %s", f.Status, f.Note)
	}
}

func TestUserLexicon(t *testing.T) {
	lx, err := LoadLexicon(lexicon.File{Name: "mine.yaml", Data: []byte(
		"labels:\n  - {slot: flood.dead, label: Flood deaths}\ncentral:\n  - flood.level\nframes:\n  - {name: misc, unaligned: true}\n")})
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Label("flood.dead"); got != "Flood deaths" {
		t.Errorf("label %q", got)
	}
	if !lx.Central("flood.level") || !lx.Central("bridge.location") || lx.Central("train.speed") {
		t.Error("central slots wrong")
	}
	opt := DefaultOptions()
	opt.Lexicon = lx
	r := Compare([]Document{
		docOf("a", cl("a", "misc.count", qty(value.Point(3, "")), "तीन", 0)),
		docOf("b", cl("b", "misc.count", qty(value.Point(300, "")), "300", 0)),
	}, opt)
	for _, f := range r.Findings {
		if f.Status == Conflict {
			t.Errorf("an unaligned frame made a conflict: %s", f.Note)
		}
	}
	for _, bad := range []struct{ yaml, want string }{
		{"labels:\n  - {slot: x.y}\n", "mine.yaml:2: a label needs slot and label"},
		{"central:\n  - nodot\n", "mine.yaml:2: central slot \"nodot\" must look like frame.attribute"},
		{"frames: 3\n", "mine.yaml:1: section \"frames\" must be a list"},
	} {
		_, err := LoadLexicon(lexicon.File{Name: "mine.yaml", Data: []byte(bad.yaml)})
		if err == nil || !strings.HasPrefix(err.Error(), bad.want) {
			t.Errorf("error %v, want %q", err, bad.want)
		}
	}
}

func TestRepeatedIDs(t *testing.T) {
	a := docOf("report", cl("report", "meeting.day", weekday("Monday"), "सोमवार", 0))
	b := docOf("report", cl("report", "meeting.day", weekday("Friday"), "Friday", 0))
	b.Source.Path = "other/report.txt"
	r := Compare([]Document{b, a}, DefaultOptions())
	if r.Sources[0].ID != "report" || r.Sources[1].ID != "report#2" || r.Sources[1].Path != "other/report.txt" {
		t.Errorf("sources %+v", r.Sources)
	}
	f := findingFor(r, "meeting.day")
	if f.Status != Conflict || fmt.Sprint(groupSources(f)) != "[[report#2] [report]]" || f.Groups[0].Evidence[0].Source != "report#2" {
		t.Errorf("got %s %v", f.Status, groupSources(f))
	}
}

// TestSeveralEarlierOccurrences: an article that recalls two earlier
// meetings side by side does not contradict the others; two articles that
// name different places for the one previous meeting still conflict.
func TestSeveralEarlierOccurrences(t *testing.T) {
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		all := []Document{
			docOf("a", cl("a", "previous_meeting.location", place("beijing"), "बीजिंग", 0),
				cl("a", "previous_meeting.location", place("mumbai"), "मुंबई", 200)),
			docOf("b", cl("b", "previous_meeting.location", place("beijing"), "Beijing", 0)),
			docOf("c", cl("c", "previous_meeting.location", place("mumbai"), "Mumbai", 0)),
		}
		docs := []Document{all[order[0]], all[order[1]], all[order[2]]}
		f := findingFor(Compare(docs, DefaultOptions()), "previous_meeting.location")
		if f == nil || f.Status == Conflict || !strings.Contains(f.Note, "more than one earlier occurrence") {
			t.Errorf("several earlier meetings read as a conflict: %+v", f)
		}
	}
	docs := []Document{
		docOf("a", cl("a", "previous_meeting.location", place("vladivostok"), "व्लादिवोस्तोक", 0)),
		docOf("b", cl("b", "previous_meeting.location", place("vostochny"), "वोस्तोचनी", 0)),
	}
	if f := findingFor(Compare(docs, DefaultOptions()), "previous_meeting.location"); f == nil || f.Status != Conflict {
		t.Errorf("different places for one previous meeting must conflict: %+v", f)
	}
}

// TestDifferentEarlierOccurrences: articles that recall an earlier
// occurrence with a different year and a different place recall different
// occurrences; articles that agree on the place but not the year of the one
// earlier occurrence contradict each other.
func TestDifferentEarlierOccurrences(t *testing.T) {
	earlier := func(c claims.Claim) claims.Claim { c.Earlier = true; return c }
	docs := []Document{
		docOf("a", earlier(cl("a", "previous_incident.year", year(1991), "1991 में", 0)),
			earlier(cl("a", "previous_incident.location", place("vladivostok"), "व्लादिवोस्तोक", 100))),
		docOf("b", earlier(cl("b", "previous_incident.year", year(1999), "1999 में", 0)),
			earlier(cl("b", "previous_incident.location", place("vostochny"), "वोस्तोचनी", 100))),
	}
	r := Compare(docs, DefaultOptions())
	for _, slot := range []string{"previous_incident.year", "previous_incident.location"} {
		if f := findingFor(r, slot); f == nil || f.Status != Compatible || !strings.Contains(f.Note, "different occurrences") {
			t.Errorf("%s: different earlier occurrences read as a conflict: %+v", slot, f)
		}
	}
	docs = []Document{
		docOf("a", earlier(cl("a", "previous_incident.year", year(2019), "2019 में", 0)),
			earlier(cl("a", "previous_incident.location", place("vladivostok"), "व्लादिवोस्तोक", 100))),
		docOf("b", earlier(cl("b", "previous_incident.year", year(2018), "2018 में", 0)),
			earlier(cl("b", "previous_incident.location", place("vladivostok"), "Vladivostok", 100))),
	}
	if f := findingFor(Compare(docs, DefaultOptions()), "previous_incident.year"); f == nil || f.Status != Conflict {
		t.Errorf("two years for the one earlier occurrence must conflict: %+v", f)
	}
}

// TestNumbersTooLargeAreLeftOut checks that a quantity that overflowed to
// infinity takes no part in the comparison, so the report can be written.
func TestNumbersTooLargeAreLeftOut(t *testing.T) {
	inf := math.Inf(1)
	docs := []Document{
		docOf("a", cl("a", "incident.dead", qty(value.Point(inf, "")), "x", 0)),
		docOf("b", cl("b", "incident.dead", qty(value.Point(12, "")), "x", 0)),
		docOf("c", cl("c", "incident.dead", qty(value.Point(12, "")), "x", 0)),
	}
	f := findingFor(Compare(docs, DefaultOptions()), "incident.dead")
	if f.Status != Agree || fmt.Sprint(groupSources(f)) != "[[b c]]" {
		t.Errorf("status %s, groups %v; want agree on 12 by b and c", f.Status, groupSources(f))
	}
}

// TestBoundDoesNotNarrowTheGap: "at least 7" listed with 7 against 9 is a
// gap of 7 to 9 (22%), a major conflict, not 0% because the bound reaches 9.
func TestBoundDoesNotNarrowTheGap(t *testing.T) {
	seven := 7.0
	atLeast := &value.Quantity{Min: &seven, Bound: value.AtLeast}
	docs := []Document{
		docOf("a", cl("a", "incident.dead", qty(value.Point(7, "")), "7", 0)),
		docOf("b", cl("b", "incident.dead", qty(value.Point(7, "")), "सात", 0)),
		docOf("c", cl("c", "incident.dead", qty(atLeast), "at least seven", 0)),
		docOf("d", cl("d", "incident.dead", qty(value.Point(9, "")), "9", 0)),
	}
	f := findingFor(Compare(docs, DefaultOptions()), "incident.dead")
	if f == nil || f.Status != Conflict || f.Severity != Major || strings.Contains(f.Note, "differ by 0%") {
		t.Errorf("7 and ≥ 7 against 9: %+v", f)
	}
}

// TestCountryMayHoldUnlistedPlace: a country does not contradict a place the
// gazetteer does not know ("Aktau"), which may lie in it; two unlisted names
// still conflict with each other.
func TestCountryMayHoldUnlistedPlace(t *testing.T) {
	docs := []Document{
		docOf("a", cl("a", "meeting.location", place("Aktau"), "Aktau", 0)),
		docOf("b", cl("b", "meeting.location", place("russia"), "Russia", 0)),
	}
	if f := findingFor(Compare(docs, DefaultOptions()), "meeting.location"); f == nil || f.Status == Conflict {
		t.Errorf("an unlisted place against a country: %+v", f)
	}
	docs = append(docs, docOf("c", cl("c", "meeting.location", place("Atyrau"), "Atyrau", 0)))
	if f := findingFor(Compare(docs, DefaultOptions()), "meeting.location"); f == nil || f.Status != Conflict {
		t.Errorf("two unlisted places must still conflict: %+v", f)
	}
}

// TestUnlistedPlaceInUnlistedContainer: "Chainpur in Bajhang district" nests
// in "Bajhang district" though the gazetteer knows neither.
func TestUnlistedPlaceInUnlistedContainer(t *testing.T) {
	chainpur := value.Entity{Name: "Chainpur", ID: "unknown:chainpur", Unknown: true, Within: []string{"Bajhang"}, WithinIDs: []string{"unknown:bajhang"}}
	docs := []Document{
		docOf("a", cl("a", "incident.location", value.Value{Entity: &chainpur}, "Chainpur", 0)),
		docOf("b", cl("b", "incident.location", place("Bajhang"), "Bajhang", 0)),
	}
	if f := findingFor(Compare(docs, DefaultOptions()), "incident.location"); f == nil || f.Status == Conflict {
		t.Errorf("Chainpur in Bajhang against Bajhang: %+v", f)
	}
}

// TestJourneyLegs: articles that name two places of arrival (a landing, then
// a train on to the venue) give two legs of one journey, not a conflict; two
// articles that each name one different place still conflict.
func TestJourneyLegs(t *testing.T) {
	docs := []Document{
		docOf("a", cl("a", "arrival.location", place("beijing"), "Beijing", 0),
			cl("a", "arrival.location", place("vladivostok"), "Vladivostok", 200)),
		docOf("b", cl("b", "arrival.location", place("beijing"), "बीजिंग", 0),
			cl("b", "arrival.location", place("vladivostok"), "Vladivostok", 200)),
		docOf("c", cl("c", "arrival.location", place("vladivostok"), "व्लादिवोस्तोक", 0)),
	}
	f := findingFor(Compare(docs, DefaultOptions()), "arrival.location")
	if f == nil || f.Status == Conflict || !strings.Contains(f.Note, "more than one leg") {
		t.Errorf("two legs of a journey read as a conflict: %+v", f)
	}
	docs = []Document{
		docOf("a", cl("a", "arrival.location", place("beijing"), "Beijing", 0)),
		docOf("b", cl("b", "arrival.location", place("vladivostok"), "Vladivostok", 0)),
	}
	if f := findingFor(Compare(docs, DefaultOptions()), "arrival.location"); f == nil || f.Status != Conflict {
		t.Errorf("different places of arrival must conflict: %+v", f)
	}
}
