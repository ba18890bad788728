package article

import (
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/lexicon"
)

// TestExtractHTMLLinks: lists of links to other stories and "also read"
// lines are not article text.
func TestExtractHTMLLinks(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"link-only paragraph dropped",
			`<p>बस खाई में गिरी।</p><p><a href="/x">दूसरी खबर: कार हादसे में 7 की मौत</a></p>`,
			"बस खाई में गिरी।\n"},
		{"link inside a sentence kept",
			`<p>पुलिस ने <a href="/p">बयान</a> में 14 मौतों की पुष्टि की।</p>`,
			"पुलिस ने बयान में 14 मौतों की पुष्टि की।\n"},
		{"anchor without href is not a link",
			`<p><a name="top">बस खाई में गिरी।</a></p>`,
			"बस खाई में गिरी।\n"},
		{"linked heading kept",
			`<h2><a href="/live">लाइव अपडेट</a></h2><p>राहत जारी</p>`,
			"लाइव अपडेट\nराहत जारी\n"},
		{"Hindi lead-in with a link",
			`<p>बस खाई में गिरी।</p><p>यह भी पढ़ें: <a href="/y">कार हादसे में 3 की मौत</a></p><p>22 घायल</p>`,
			"बस खाई में गिरी।\n22 घायल\n"},
		{"lead-in alone, then a list of links",
			`<p>बस गिरी।</p><p><strong>ये भी पढ़ें-</strong></p><ul><li><a href="/a">एक</a></li><li><a href="/b">दो</a></li></ul><p>आगे</p>`,
			"बस गिरी।\nआगे\n"},
		{"lead-in with decomposed nukta",
			"<p>बस गिरी।</p><p>यह भी पढ\u093C\u0947\u0902: <a href=\"/y\">खबर</a></p>",
			"बस गिरी।\n"},
		{"English lead-in",
			`<p>The bus fell.</p><p>ALSO READ | <a href="/z">Seven dead in Pune crash</a></p>`,
			"The bus fell.\n"},
		{"lead-in word inside a longer word kept",
			`<p>Also reading the report, officials said 14 died.</p><p>पढ़ेंगे छात्र</p>`,
			"Also reading the report, officials said 14 died.\nपढ़ेंगे छात्र\n"},
		{"lead-in followed by text without a link kept",
			`<p>Watch out for more rain, officials said.</p>`,
			"Watch out for more rain, officials said.\n"},
		{"all links: read again leniently",
			`<p><a href="/a">केवल लिंक वाली खबर</a></p>`,
			"केवल लिंक वाली खबर\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := extractHTML(tc.html, nil).Text; got != tc.want {
				t.Errorf("text\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestNewRulesUserLexicon(t *testing.T) {
	user := lexicon.File{Name: "mine.yaml", Data: []byte("html_furniture_words:\n  - vuukle\nhtml_lead_ins:\n  - इसे भी देखें\n")}
	r, err := NewRules(user)
	if err != nil {
		t.Fatal(err)
	}
	page := `<p>खबर</p><div class="vuukle-box">टिप्पणियां</div><p>इसे भी देखें: <a href="/v">वीडियो</a></p><div class="share">x</div>`
	if got := extractHTML(page, r).Text; got != "खबर\n" {
		t.Errorf("with user rules: %q", got)
	}
	if got := extractHTML(page, nil).Text; got != "खबर\nटिप्पणियां\nइसे भी देखें: वीडियो\n" {
		t.Errorf("default rules: %q", got)
	}
	_, err = NewRules(lexicon.File{Name: "bad.yaml", Data: []byte("html_keep_words:\n  - main\n  - two words\n")})
	if err == nil || !strings.Contains(err.Error(), `bad.yaml:3: in html_keep_words: "two words" must be one word`) {
		t.Errorf("bad lexicon: err = %v", err)
	}
}
