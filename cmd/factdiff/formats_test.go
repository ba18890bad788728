package main

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSameClaimsAcrossFormats: one article saved as text, as an HTML page and
// as a JSONL record gives the same claims (slot, value and text).
func TestSameClaimsAcrossFormats(t *testing.T) {
	title := "बस हादसे में 9 की मौत"
	body := []string{
		"हिमाचल के शिमला जिले में सोमवार सुबह एक बस खाई में गिर गई।",
		"पुलिस के मुताबिक हादसे में 9 लोगों की मौत हो गई, जबकि 14 लोग घायल हुए हैं।",
		"बस करीब 40 किलोमीटर प्रति घंटा की रफ्तार से चल रही थी।",
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), title+"\n"+strings.Join(body, "\n")+"\n")
	html := "<!doctype html><html><head><title>" + title + "</title><script>var x = 12;</script></head><body>" +
		"<nav><a href='/'>होम</a> <a href='/x'>ताजा खबरें 5</a></nav><article><h1>" + title + "</h1>"
	for _, p := range body {
		html += "<p>" + p + "</p>"
	}
	html += "</article><footer>© 2024 समाचार</footer></body></html>"
	write(t, filepath.Join(dir, "b.html"), html)
	rec, _ := json.Marshal(map[string]string{"id": "c", "title": title, "text": title + "\n" + strings.Join(body, "\n")})
	write(t, filepath.Join(dir, "c.jsonl"), string(rec)+"\n")

	_, out, errOut := run(t, "", "extract", "--format", "jsonl", dir)
	bySource := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c struct {
			Source, Slot, Display, Text string
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s (stderr %s)", err, line, errOut)
		}
		bySource[c.Source] = append(bySource[c.Source], c.Slot+"="+c.Display+"«"+c.Text+"»")
	}
	for _, id := range []string{"a", "b", "c"} {
		sort.Strings(bySource[id])
	}
	want := strings.Join(bySource["a"], "\n")
	if len(bySource["a"]) < 4 {
		t.Fatalf("too few claims from the text article: %v", bySource["a"])
	}
	for _, id := range []string{"b", "c"} {
		if got := strings.Join(bySource[id], "\n"); got != want {
			t.Errorf("%s claims differ from the .txt article:\n got %s\nwant %s", id, got, want)
		}
	}
}
