package article

import (
	"strings"
	"testing"
)

func benchPage() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>हादसा</title>` +
		`<script>` + strings.Repeat("var a=1;", 2000) + `</script></head><body>` +
		`<header class="site-header"><nav><ul>` + strings.Repeat(`<li><a href="/x">देश</a></li>`, 50) + `</ul></nav></header>` +
		`<article><h1>हादसा</h1><div class="social-share"><a>WhatsApp</a></div><div itemprop="articleBody">`)
	for range 200 {
		b.WriteString(`<p>शनिवार सुबह <b>करीब 6 बजे</b> यात्रियों से भरी बस 200&nbsp;मीटर गहरी खाई में गिर गई; <a href="/p">पुलिस</a> ने बताया कि 14 लोगों की मौत हो गई।</p>` + "\n")
	}
	b.WriteString(`</div></article><aside class="related">` + strings.Repeat(`<article><a>और खबर</a></article>`, 30) + `</aside><footer>©</footer></body></html>`)
	return b.String()
}

func BenchmarkExtractHTML(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		extractHTML(page, nil)
	}
}

func BenchmarkLoadText(b *testing.B) {
	text := []byte(strings.Repeat(storyBody+"\n", 4000)) // ~1 MB
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parse("a.txt", "a", "txt", text, "", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseJSONL(b *testing.B) {
	line := `{"id":"a","title":"हादसा","published":"2024-06-19","text":"` + strings.ReplaceAll(storyBody, "\n", `\n`) + `"}` + "\n"
	data := []byte(strings.Repeat(line, 2000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parse("a.jsonl", "a", "jsonl", data, "", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
