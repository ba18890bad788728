package scan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdiff/factdiff/claims/normalize"
)

// benchHindi is a made-up Hindi news report with the kinds of values the
// scanner reads, repeated to a few kilobytes.
const benchHindi = `नई दिल्ली में गुरुवार को हुई एक सड़क दुर्घटना में कम से कम 14 लोगों की मौत हो गई और 30 से ज्यादा घायल हुए।
पुलिस के मुताबिक बस करीब 80 किलोमीटर प्रति घंटे की रफ्तार से चल रही थी और उसमें लगभग 55 यात्री सवार थे।
हादसा सुबह 6 बजे राष्ट्रीय राजमार्ग पर शहर से 35 किमी दूर हुआ। राहत कार्य तीन से चार घंटे तक चला।
सरकार ने मृतकों के परिजनों को 5 लाख रुपये और घायलों को 50 हज़ार रुपये की सहायता देने की घोषणा की।
इसी सड़क पर 2019 में भी ऐसा ही हादसा हुआ था, जिसमें दो दर्जन से अधिक लोग मारे गए थे।
परिवहन मंत्री ने कहा कि पिछले साल राज्य में सड़क हादसों में 12 प्रतिशत की बढ़ोतरी हुई है और अगले दो वर्षों में
1,250 करोड़ रुपये खर्च कर 300 किलोमीटर नई सड़कें बनाई जाएंगी। 45 वर्षीय चालक को गिरफ्तार कर लिया गया है।
बताया जा रहा है कि चालक पिछले 18 घंटे से लगातार गाड़ी चला रहा था। 13 सितंबर 2023 को भी इसी जिले में ढाई सौ
से ज्यादा लोगों को ले जा रही एक नाव पलट गई थी। विशेषज्ञों का कहना है कि इस मार्ग पर गति सीमा 60 किमी प्रति घंटा
से ज्यादा नहीं होनी चाहिए। घटना की जांच के लिए तीन सदस्यीय समिति बनाई गई है, जो 15 दिन में रिपोर्ट देगी।
`

func benchText() string {
	return normalize.String(strings.Repeat(benchHindi, 4))
}

// BenchmarkScanHindi measures scanning speed on Hindi news text.
func BenchmarkScanHindi(b *testing.B) {
	s := Default()
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Mention
	for b.Loop() {
		buf = s.AppendScan(buf[:0], text)
	}
}

// BenchmarkNew measures building a scanner from the embedded lexicons.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanCorpus scans every article of the folder named by
// FACTDIFF_BENCH_CORPUS (skipped when unset), normalized beforehand.
func BenchmarkScanCorpus(b *testing.B) {
	dir := os.Getenv("FACTDIFF_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set FACTDIFF_BENCH_CORPUS to a folder of articles")
	}
	var texts []string
	size := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t := normalize.String(string(data))
		texts = append(texts, t)
		size += len(t)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s := Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var buf []Mention
	for b.Loop() {
		for _, t := range texts {
			buf = s.AppendScan(buf[:0], t)
		}
	}
	b.ReportMetric(float64(len(texts)), "articles")
}
