package scan

import (
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/normalize"
)

// TestMentions checks sentences with several values: every mention as
// "type text = display", in order.
func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"4 साल पहले 2019 में दोनों की मुलाकात हुई थी", []string{"relative 4 साल पहले = -4 year", "year 2019 = 2019"}},
		{"Between 2015 and 2020 the population grew", []string{"year 2015 = 2015", "year 2020 = 2020"}},
		{"2019 से 2023 तक", []string{"year 2019 = 2019", "year 2023 = 2023"}},
		{"हादसे में 288 लोगों की मौत हो गई और 1,100 से ज्यादा घायल हुए", []string{"count 288 = 288", "count 1,100 से ज्यादा = > 1100"}},
		{"बुधवार को हुई बैठक करीब चार से पांच घंटे तक चली", []string{"weekday बुधवार = Wednesday", "duration करीब चार से पांच घंटे = 4–5 h (approx.)"}},
		{"ट्रेन 59 किलोमीटर प्रति घंटा की रफ्तार से ज्यादा तेज नहीं चलती", []string{"speed 59 किलोमीटर प्रति घंटा की रफ्तार से ज्यादा तेज नहीं = ≤ 59 km/h"}},
		{"सुरक्षा परिषद के संकल्प 2270 में कहा गया", []string{"number 2270 = 2270"}},
		{"उनकी 10 साल की बेटी भी साथ थी", []string{"age 10 साल = 10 year"}},
		{"उन्हें 10 साल की सजा सुनाई गई", []string{"duration 10 साल = 10 year"}},
		{"मंगल ग्रह पर जीवन", nil},
		{"On Monday, June 12, police said", []string{"date Monday, June 12 = Monday 12 June"}},
		{"Flight 2019 landed at 10:45 pm", []string{"number 2019 = 2019"}},
		{"कल रात 11 बजे", []string{"relative कल = -1 day|+1 day (ambiguous)"}},
		{"The 2019-20 budget", []string{"year 2019-20 = 2019"}},
		{"In the 1980s", []string{"year 1980s = 1980s"}},
	}
	s := Default()
	for _, tt := range tests {
		text := normalize.String(tt.text)
		var got []string
		for _, m := range s.Scan(text) {
			got = append(got, string(m.Type)+" "+text[m.Start:m.End]+" = "+m.Display)
		}
		if strings.Join(got, "\n") != normalize.String(strings.Join(tt.want, "\n")) {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
