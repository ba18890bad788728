package shingle

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// A passage written for these tests: a made-up report of a bridge opening.
const passageHi = "नदी पर बने नए पुल का उद्घाटन शनिवार सुबह मुख्यमंत्री ने किया और इसके बाद हज़ारों लोग पैदल पुल पार करने पहुंचे। " +
	"अधिकारियों के मुताबिक पुल की लंबाई करीब दो किलोमीटर है और इसे बनाने में चार साल लगे। " +
	"स्थानीय व्यापारियों का कहना है कि अब शहर से गांवों तक माल पहुंचाना आसान हो जाएगा और किराया भी घटेगा। " +
	"उद्घाटन के मौके पर सुरक्षा के कड़े इंतज़ाम किए गए थे और यातायात को दूसरे रास्तों से मोड़ा गया था।"

const passageEn = "The new bridge over the river was opened on Saturday morning by the chief minister, and thousands of people " +
	"walked across it afterwards. Officials said the bridge is about two kilometres long and took four years to build. " +
	"Local traders say moving goods from the city to the villages will now be easier and fares will fall."

func TestFingerprintSortedSampled(t *testing.T) {
	for _, text := range []string{passageHi, passageEn} {
		fp := Fingerprint(text)
		if len(fp) == 0 {
			t.Fatalf("empty fingerprint for %.30q", text)
		}
		if !slices.IsSorted(fp) {
			t.Errorf("fingerprint not sorted")
		}
		if len(slices.Compact(slices.Clone(fp))) != len(fp) {
			t.Errorf("fingerprint has duplicates")
		}
		for _, h := range fp {
			if h%M != 0 {
				t.Errorf("hash %d not sampled by M=%d", h, M)
			}
		}
	}
}

func TestFingerprintIgnoresCaseAndPunctuation(t *testing.T) {
	a := Fingerprint(passageEn)
	b := Fingerprint(strings.NewReplacer(",", "", ".", " ;", "The", "the").Replace(strings.ToUpper(passageEn)))
	if !slices.Equal(a, b) {
		t.Errorf("case or punctuation changed the fingerprint: %d vs %d hashes", len(a), len(b))
	}
}

func TestFingerprintShort(t *testing.T) {
	for _, s := range []string{"", "   ", "दो घंटे तक चली बैठक", "one two three four five six seven"} {
		if fp := Fingerprint(s); len(fp) != 0 {
			t.Errorf("Fingerprint(%q) = %d hashes, want none (fewer than %d words)", s, len(fp), K)
		}
	}
}

func TestContainment(t *testing.T) {
	own := "इस बीच विपक्ष के नेताओं ने पुल की लागत पर सवाल उठाए और कहा कि ठेके की जांच होनी चाहिए। " +
		"उन्होंने आरोप लगाया कि निर्माण में देरी की वजह से खर्च दोगुना हो गया और जनता का पैसा बर्बाद हुआ। " +
		"सरकार ने इन आरोपों को बेबुनियाद बताया और कहा कि सारा काम नियमों के तहत हुआ।"
	copyOf := passageHi + " " + own
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical", passageHi, passageHi, 1, 1},
		{"contained in a longer copy", passageHi, copyOf, 1, 1},
		{"longer copy partly in the original", copyOf, passageHi, 0.3, 0.7},
		{"unrelated", passageHi, passageEn, 0, 0},
		{"unrelated Hindi", own, passageHi, 0, 0},
	}
	for _, tt := range tests {
		got := Containment(Fingerprint(tt.a), Fingerprint(tt.b))
		if got < tt.lo || got > tt.hi {
			t.Errorf("%s: containment %.2f, want %.2f–%.2f", tt.name, got, tt.lo, tt.hi)
		}
	}
	if got := Containment(nil, Fingerprint(passageHi)); got != 0 {
		t.Errorf("empty a: %v, want 0", got)
	}
}

// TestSamplingUnbiased checks that the sampled containment tracks the true
// share of shared shingles on a long synthetic text.
func TestSamplingUnbiased(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 4000; i++ {
		w := fmt.Sprintf("w%d ", i)
		a.WriteString(w)
		if i < 1000 { // the first quarter is shared
			b.WriteString(w)
		} else {
			fmt.Fprintf(&b, "x%d ", i)
		}
	}
	got := Containment(Fingerprint(a.String()), Fingerprint(b.String()))
	if math.Abs(got-0.25) > 0.04 {
		t.Errorf("containment %.3f, want about 0.25", got)
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(passageHi+" ", 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Fingerprint(text)
	}
}
