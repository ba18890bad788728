package gazetteer

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/factdiff/factdiff/claims/lexicon"
)

// romanTable is the romanization section of the embedded data: Devanagari
// letters (NFC, so a nukta letter is its base and U+093C) to Latin.
type romanTable struct {
	consonants map[string]string
	vowels     map[string]string
	signs      map[string]string
	nasals     map[string]bool
	suffixes   []string // longest first
}

type yamlRoman struct {
	Kind    string   `yaml:"kind"`
	Latin   string   `yaml:"latin"`
	Letters []string `yaml:"letters"`
}

const virama = '\u094D'
const nukta = '\u093C'

var (
	romanOnce  sync.Once
	romanData  *romanTable
	romanError error
)

// roman returns the embedded romanization table.
func roman() (*romanTable, error) {
	romanOnce.Do(func() {
		b, err := dataFS.ReadFile("data/romanization.yaml")
		if err != nil {
			romanError = err
			return
		}
		romanData, romanError = buildRoman([]lexicon.File{{Name: "romanization.yaml", Data: b}})
	})
	return romanData, romanError
}

func buildRoman(files []lexicon.File) (*romanTable, error) {
	items, err := lexicon.Section[yamlRoman](files, "romanization")
	if err != nil {
		return nil, err
	}
	t := &romanTable{consonants: map[string]string{}, vowels: map[string]string{}, signs: map[string]string{}, nasals: map[string]bool{}}
	for _, it := range items {
		for _, l := range it.Value.Letters {
			l = norm.NFC.String(l)
			switch it.Value.Kind {
			case "consonant":
				t.consonants[l] = it.Value.Latin
			case "vowel":
				t.vowels[l] = it.Value.Latin
			case "sign":
				t.signs[l] = it.Value.Latin
			case "nasal":
				t.nasals[l] = true
			case "suffix":
				t.suffixes = append(t.suffixes, l)
			default:
				return nil, lexicon.Errorf(it.File, it.Line, "romanization: unknown kind %q (consonant, vowel, sign, nasal or suffix)", it.Value.Kind)
			}
		}
	}
	// Longest suffix first, so "खेड़ा" is tried before a shorter ending.
	for i := 1; i < len(t.suffixes); i++ {
		for j := i; j > 0 && len(t.suffixes[j]) > len(t.suffixes[j-1]); j-- {
			t.suffixes[j], t.suffixes[j-1] = t.suffixes[j-1], t.suffixes[j]
		}
	}
	return t, nil
}

// Romanize spells a Devanagari name in Latin letters the way Indian place
// names are usually written in English: "सरदारशहर" is Sardarshahar,
// "भागलपुर" Bhagalpur, "भटवाड़ी" Bhatwari. Text in other scripts is kept.
func Romanize(s string) string {
	t, err := roman()
	if err != nil {
		panic(fmt.Sprintf("gazetteer: embedded romanization data: %v", err)) // a build defect
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !devanagariLetter(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !devanagariLetter(r) {
				break
			}
			j += size
		}
		b.WriteString(capitalize(t.word(s[i:j])))
		i = j
	}
	return b.String()
}

// devanagariLetter reports a letter, sign or mark of the Devanagari block
// (not its danda or digits).
func devanagariLetter(r rune) bool {
	return r >= 0x0900 && r <= 0x0963 || r >= 0x0971 && r <= 0x097F
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// word romanizes one word: a known ending is romanized on its own.
func (t *romanTable) word(w string) string {
	for _, suf := range t.suffixes {
		if stem, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(stem) >= 2 {
			head := t.units(stem)
			return t.spell(head, t.units(suf))
		}
	}
	return t.spell(t.units(w), nil)
}

// romanUnit is a consonant with its vowel, or an independent vowel.
type romanUnit struct {
	cons     string // Latin consonant, "" for an independent vowel
	vowel    string // Latin vowel; "" after a virama or a dropped inherent a
	inherent bool   // vowel is the inherent a
	nasal    bool
}

// units splits a Devanagari word into consonant-vowel units, dropping the
// inherent vowel where Hindi does not say it.
func (t *romanTable) units(w string) []romanUnit {
	var us []romanUnit
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		letter := w[i : i+size]
		if i+size < len(w) {
			if n, nsize := utf8.DecodeRuneInString(w[i+size:]); n == nukta {
				if _, ok := t.consonants[letter+string(nukta)]; ok {
					letter += string(nukta)
				}
				size += nsize
			}
		}
		i += size
		switch {
		case t.consonants[letter] != "":
			us = append(us, romanUnit{cons: t.consonants[letter], vowel: "a", inherent: true})
		case t.vowels[letter] != "":
			us = append(us, romanUnit{vowel: t.vowels[letter]})
		case t.signs[letter] != "" && len(us) > 0:
			us[len(us)-1].vowel, us[len(us)-1].inherent = t.signs[letter], false
		case r == virama && len(us) > 0:
			us[len(us)-1].vowel, us[len(us)-1].inherent = "", false
		case t.nasals[letter] && len(us) > 0:
			us[len(us)-1].nasal = true
		}
	}
	// The inherent vowel is silent at the end of a word, unless a cluster
	// precedes it ("मित्र"), and between a vowel and a consonant that
	// keeps its vowel ("सरदार", "भटवाड़ी").
	if n := len(us); n > 1 && us[n-1].inherent && !us[n-1].nasal && us[n-2].vowel != "" {
		us[n-1].vowel, us[n-1].inherent = "", false
	}
	for i := 1; i+1 < len(us); i++ {
		u := &us[i]
		if u.inherent && !u.nasal && us[i-1].vowel != "" && us[i+1].cons != "" && us[i+1].vowel != "" {
			u.vowel, u.inherent = "", false
		}
	}
	return us
}

// spell writes the units of a word and of its ending.
func (t *romanTable) spell(head, tail []romanUnit) string {
	var b strings.Builder
	all := append(head[:len(head):len(head)], tail...)
	for i, u := range all {
		cons := u.cons
		if cons == "v" && i > 0 && all[i-1].vowel == "" && all[i-1].cons != "" {
			cons = "w" // "स्वामी", "भटवाड़ी"
		}
		b.WriteString(cons)
		b.WriteString(u.vowel)
		if u.nasal {
			if i+1 < len(all) && strings.ContainsAny(all[i+1].cons[:min(1, len(all[i+1].cons))], "pbm") {
				b.WriteByte('m')
			} else {
				b.WriteByte('n')
			}
		}
	}
	return b.String()
}
