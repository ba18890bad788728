package article

import (
	"testing"
	"unicode/utf8"
)

// FuzzHTML checks that no page, however broken, panics the reader or yields
// invalid UTF-8. Seeds are in testdata/fuzz/FuzzHTML.
func FuzzHTML(f *testing.F) {
	f.Add([]byte("<p>बस <b>खाई</b> में</p><div class=share>x</div>"))
	f.Add([]byte("<div><div><p>unclosed<table><tr><td>a<td>b</table>"))
	f.Add([]byte("<script type=\"application/ld+json\">{\"articleBody\":\"x\",\"@graph\":[[[{}]]]}</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := extractHTML(string(data), nil)
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.URL) {
			t.Fatalf("invalid UTF-8 from %q", data)
		}
		arts, _, err := parse("f.html", "f", "html", data, "", Options{})
		for _, a := range arts {
			if !utf8.ValidString(a.Text) || a.Text == "" {
				t.Fatalf("bad text %q from %q", a.Text, data)
			}
		}
		if err == nil && len(arts) != 1 {
			t.Fatalf("%d articles without an error", len(arts))
		}
	})
}

// FuzzJSONL checks that no JSON Lines input panics the reader or yields
// invalid UTF-8. Seeds are in testdata/fuzz/FuzzJSONL.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"एक\"}\n{\"text\":\"दो\",\"published\":\"2024-06-19\"}\n"))
	f.Add([]byte("{\"id\":1,\"html\":\"<p>x</p>\"}\n\n{bad\n"))
	f.Add([]byte("[{\"text\":\"\\ud800\"}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range []string{"jsonl", "json"} {
			arts, _, err := parse("f."+format, "f", format, data, "", Options{})
			if err == nil && len(arts) == 0 {
				t.Fatalf("%s: no articles and no error", format)
			}
			for _, a := range arts {
				if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.ID) {
					t.Fatalf("%s: invalid UTF-8 in %+v", format, a)
				}
			}
		}
	})
}
