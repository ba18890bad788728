package gazetteer

import "testing"

// TestRomanize checks the spelling of Devanagari names no list knows against
// the usual English spelling of such Indian place names.
func TestRomanize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"सरदारशहर", "Sardarshahar"},
		{"भागलपुर", "Bhagalpur"},
		{"गोपालपुर", "Gopalpur"},
		{"भटवाड़ी", "Bhatwari"},
		{"उत्तरकाशी", "Uttarkashi"},
		{"तारापुर", "Tarapur"},
		{"मुंडक्कई", "Mundakkai"},
		{"चंपारण", "Champaran"},
		{"देवगढ़", "Devgarh"},
		{"मित्र", "Mitra"},
		{"नई दिल्ली", "Nai Dilli"},
		{"Kyoto", "Kyoto"},
	} {
		if got := Romanize(c.in); got != c.want {
			t.Errorf("Romanize(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestUnknownAcrossScripts checks that an unknown place written in
// Devanagari and in Latin letters gets one id.
func TestUnknownAcrossScripts(t *testing.T) {
	hi, en := UnknownValue("गोपालपुर"), UnknownValue("Gopalpur")
	if hi.ID != en.ID || hi.Name != "Gopalpur" {
		t.Errorf("UnknownValue: %+v and %+v, want one id and the name Gopalpur", hi, en)
	}
}
