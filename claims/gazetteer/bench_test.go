package gazetteer

import (
	"strings"
	"testing"
)

// benchText is a made-up Hindi news report with the usual mix of places,
// people, organizations and plain words.
var benchText = strings.Repeat(`नई दिल्ली। उत्तर कोरिया के नेता किम जोंग उन मंगलवार को अपनी बख्तरबंद ट्रेन से रूस के सुदूर पूर्व पहुंचे।
समाचार एजेंसी रॉयटर्स और टास के मुताबिक, उनकी मुलाकात रूसी राष्ट्रपति व्लादिमीर पुतिन से अमूर क्षेत्र के वोस्तोचनी कॉस्मोड्रोम में हुई।
क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव ने कहा कि बातचीत करीब चार घंटे चली। इससे पहले दोनों नेता 2019 में व्लादिवोस्तोक शहर में मिले थे।
अमेरिका, दक्षिण कोरिया और जापान ने इस बैठक पर चिंता जताई है, जबकि बीजिंग ने कोई टिप्पणी नहीं की।
उधर बिहार के गया जिले में सड़क हादसे में 12 लोगों की मौत हो गई और पटना से एनडीआरएफ की टीम भेजी गई।
Officials in Washington said the talks in Vladivostok were watched closely by NATO and the UN.
`, 4)

func BenchmarkFind(b *testing.B) {
	g := Default()
	var dst []Match
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = g.AppendFind(dst[:0], benchText)
	}
	if len(dst) == 0 {
		b.Fatal("no matches")
	}
}

// benchTextEnglish is a made-up English news report: mostly lowercase
// words, which Latin names (capitalized) cannot start.
var benchTextEnglish = strings.Repeat(`NEW DELHI — North Korean leader Kim Jong Un arrived in Russia's Far East on Tuesday aboard his armoured train.
According to Reuters and TASS, he met Russian President Vladimir Putin at the Vostochny Cosmodrome in the Amur region.
Kremlin spokesman Dmitry Peskov said the talks lasted about four hours. The two leaders last met in Vladivostok in 2019.
The United States, South Korea and Japan voiced concern about the meeting, while Beijing declined to comment.
Meanwhile 12 people were killed in a road accident in Bihar's Gaya district, and an NDRF team was sent from Patna.
`, 4)

func BenchmarkFindEnglish(b *testing.B) {
	g := Default()
	var dst []Match
	b.SetBytes(int64(len(benchTextEnglish)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = g.AppendFind(dst[:0], benchTextEnglish)
	}
	if len(dst) == 0 {
		b.Fatal("no matches")
	}
}

// BenchmarkFindCopy measures Find, which returns a fresh slice.
func BenchmarkFindCopy(b *testing.B) {
	g := Default()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(g.Find(benchText)) == 0 {
			b.Fatal("no matches")
		}
	}
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Key("व्लादिवोस्तोक")
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
