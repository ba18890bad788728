package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed vary.yaml
var varyYAML []byte

// word is one member of a set of interchangeable words: its English form and
// its Hindi spellings, the first of which is the one written.
type word struct {
	EN string   `yaml:"en"`
	HI []string `yaml:"hi"`
}

// varyData is vary.yaml.
type varyData struct {
	Places   []word `yaml:"places"`
	PlacesIn []word `yaml:"places_in"`
	Weekdays []word `yaml:"weekdays"`
	Numbers  []word `yaml:"numbers"`
}

// source is one bundled article split into its headline and paragraphs.
type source struct {
	title string
	paras []string
}

// story is the articles of one folder: reports of one occurrence.
type story struct {
	name string
	arts []source
}

// generator writes varied articles from the bundled stories.
type generator struct {
	stories []story
	data    varyData
	avg     int // average article size in bytes
	numWord map[string]numWord
}

// numWord locates a number word in data.Numbers.
type numWord struct {
	idx   int
	hindi bool
}

// newGenerator reads the articles under dirs (.txt files and the records of
// .jsonl files; one story per folder) and the embedded variation data.
func newGenerator(dirs []string, avg int) (*generator, error) {
	g := &generator{avg: avg, numWord: map[string]numWord{}}
	if err := yaml.Unmarshal(varyYAML, &g.data); err != nil {
		return nil, fmt.Errorf("vary.yaml: %v", err)
	}
	for i, w := range g.data.Numbers {
		g.numWord[strings.ToLower(w.EN)] = numWord{i, false}
		for _, h := range w.HI {
			g.numWord[h] = numWord{i, true}
		}
	}
	byDir := map[string]*story{}
	for _, root := range dirs {
		if _, err := os.Stat(root); err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, err
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			var arts []source
			switch filepath.Ext(p) {
			case ".txt":
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				arts = append(arts, split(string(b)))
			case ".jsonl":
				arts, err = readJSONL(p)
				if err != nil {
					return err
				}
			default:
				return nil
			}
			dir := filepath.Dir(p)
			st := byDir[dir]
			if st == nil {
				st = &story{name: filepath.Base(dir)}
				byDir[dir] = st
			}
			for _, a := range arts {
				if len(a.paras) > 0 {
					st.arts = append(st.arts, a)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(byDir))
	for k := range byDir {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if len(byDir[k].arts) > 0 {
			g.stories = append(g.stories, *byDir[k])
		}
	}
	if len(g.stories) == 0 {
		return nil, fmt.Errorf("no .txt or .jsonl articles under %s; run fdgen from the repository root or name the folders with -src", strings.Join(dirs, ", "))
	}
	return g, nil
}

// split cuts a plain-text article into its first non-empty line (the
// headline) and its other non-empty lines (paragraphs).
func split(text string) source {
	var s source
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if s.title == "" {
			s.title = l
			continue
		}
		s.paras = append(s.paras, l)
	}
	return s
}

// readJSONL reads the records {"title", "text"} of a JSON Lines file.
func readJSONL(p string) ([]source, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []source
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		var r struct{ Title, Text string }
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Text == "" {
			continue
		}
		s := split(r.Text)
		if r.Title != "" {
			s.paras = append([]string{s.title}, s.paras...)
			s.title = r.Title
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// article returns the name (without folder) and text of article i of the
// corpus of seed. The same seed and i always give the same article.
func (g *generator) article(seed uint64, i int) (name, text string) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	st := &g.stories[rng.IntN(len(g.stories))]
	bi := rng.IntN(len(st.arts))
	base := st.arts[bi]
	target := int(float64(g.avg) * (0.5 + rng.Float64()))

	body := append([]string(nil), base.paras...)
	size := len(base.title)
	for _, p := range body {
		size += len(p) + 1
	}
	// Background paragraphs from the story's other reports, in random
	// order, until the article reaches its size.
	var pool []string
	for k, a := range st.arts {
		if k != bi || len(st.arts) == 1 {
			pool = append(pool, a.paras...)
		}
	}
	rng.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
	for k := 0; len(pool) > 0; k++ {
		p := pool[k%len(pool)]
		if size+len(p)/2 >= target {
			break
		}
		body = append(body, p)
		size += len(p) + 1
	}
	rng.Shuffle(len(body), func(a, b int) { body[a], body[b] = body[b], body[a] })

	var b strings.Builder
	b.Grow(size + 64)
	b.WriteString(base.title)
	b.WriteByte('\n')
	for _, p := range body {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	text = g.replacer(rng).Replace(b.String())
	text = g.varyNumbers(rng, text)
	return fmt.Sprintf("a%06d-%s.txt", i, st.name), text
}

// replacer maps every place to another place of its set (a random
// permutation) and moves every weekday by the same random number of days.
func (g *generator) replacer(rng *rand.Rand) *strings.Replacer {
	type pair struct{ old, new string }
	var pairs []pair
	add := func(from, to word) {
		pairs = append(pairs, pair{from.EN, to.EN}, pair{strings.ToUpper(from.EN), strings.ToUpper(to.EN)})
		for _, h := range from.HI {
			pairs = append(pairs, pair{h, to.HI[0]})
		}
	}
	for _, set := range [][]word{g.data.Places, g.data.PlacesIn} {
		perm := rng.Perm(len(set))
		for k, w := range set {
			add(w, set[perm[k]])
		}
	}
	shift := rng.IntN(len(g.data.Weekdays))
	for k, w := range g.data.Weekdays {
		add(w, g.data.Weekdays[(k+shift)%len(g.data.Weekdays)])
	}
	// strings.Replacer prefers earlier pairs at one position: longest first.
	sort.SliceStable(pairs, func(a, b int) bool { return len(pairs[a].old) > len(pairs[b].old) })
	args := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		args = append(args, p.old, p.new)
	}
	return strings.NewReplacer(args...)
}

// varyNumbers changes the numbers of text: years move by a few years, other
// numbers are scaled by a factor between 0.5 and 2 keeping their number of
// significant digits, digits keep their script (ASCII or Devanagari), and
// about half of the number words two to ten move by one or two. Clock times,
// numbers with leading zeros and digits inside words are left alone.
func (g *generator) varyNumbers(rng *rand.Rand, text string) string {
	var b strings.Builder
	b.Grow(len(text) + 64)
	prev := rune(0)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case digitValue(r) >= 0:
			j := numberEnd(text, i)
			next, _ := utf8.DecodeRuneInString(text[j:])
			tok := text[i:j]
			if prev == ':' || next == ':' || unicode.IsLetter(prev) || unicode.IsLetter(next) {
				b.WriteString(tok)
			} else {
				b.WriteString(varyNumber(rng, tok))
			}
			prev, _ = utf8.DecodeLastRuneInString(tok)
			i = j
			continue
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j += n2
			}
			w := text[i:j]
			if nw, ok := g.numWord[strings.ToLower(w)]; ok && rng.IntN(2) == 0 {
				w = g.otherNumberWord(rng, nw, w)
			}
			b.WriteString(w)
			prev, _ = utf8.DecodeLastRuneInString(text[i:j])
			i = j
			continue
		}
		b.WriteRune(r)
		prev = r
		i += n
	}
	return b.String()
}

// otherNumberWord returns a number word one or two away from nw, in the
// script and capitalization of w.
func (g *generator) otherNumberWord(rng *rand.Rand, nw numWord, w string) string {
	d := 1 + rng.IntN(2)
	if rng.IntN(2) == 0 {
		d = -d
	}
	k := min(max(nw.idx+d, 0), len(g.data.Numbers)-1)
	to := g.data.Numbers[k]
	if nw.hindi {
		return to.HI[0]
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return strings.ToUpper(to.EN[:1]) + to.EN[1:]
	}
	return to.EN
}

// digitValue is the value of an ASCII or Devanagari digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '०' && r <= '९':
		return int(r - '०')
	}
	return -1
}

// numberEnd returns the end of the number starting at i: digits with single
// commas or points between digits.
func numberEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if digitValue(r) >= 0 {
			i += n
			continue
		}
		if r == ',' || r == '.' {
			r2, _ := utf8.DecodeRuneInString(text[i+1:])
			if digitValue(r2) >= 0 {
				i++
				continue
			}
		}
		break
	}
	return i
}

// varyNumber returns another number in the form of tok.
func varyNumber(rng *rand.Rand, tok string) string {
	deva := false
	var ascii strings.Builder
	for _, r := range tok {
		if d := digitValue(r); d >= 0 {
			deva = deva || r > '9'
			ascii.WriteByte(byte('0' + d))
		} else {
			ascii.WriteRune(r)
		}
	}
	s := ascii.String()
	if len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return tok // a phone number or a code
	}
	commas := strings.Contains(s, ",")
	plain := strings.ReplaceAll(s, ",", "")
	if strings.Count(plain, ".") > 1 {
		return tok
	}
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil || v == 0 {
		return tok
	}
	decimals := 0
	if k := strings.IndexByte(plain, '.'); k >= 0 {
		decimals = len(plain) - k - 1
	}
	var out string
	if !commas && decimals == 0 && len(plain) == 4 && v >= 1900 && v <= 2099 {
		out = strconv.Itoa(min(int(v)+rng.IntN(9)-5, 2026))
	} else {
		nv := v * 0.5 * math.Pow(4, rng.Float64())
		if decimals == 0 {
			sig := len(strings.TrimRight(plain, "0"))
			p := math.Pow(10, math.Floor(math.Log10(nv))-float64(sig)+1)
			nv = math.Max(1, math.Round(nv/p)*p)
		}
		out = strconv.FormatFloat(nv, 'f', decimals, 64)
		if commas {
			out = group(out)
		}
	}
	if !deva {
		return out
	}
	var d strings.Builder
	for _, r := range out {
		if r >= '0' && r <= '9' {
			d.WriteRune('०' + r - '0')
		} else {
			d.WriteRune(r)
		}
	}
	return d.String()
}

// group writes thousands separators into the integer part of a number.
func group(s string) string {
	intPart, frac := s, ""
	if k := strings.IndexByte(s, '.'); k >= 0 {
		intPart, frac = s[:k], s[k:]
	}
	var b strings.Builder
	for k, r := range intPart {
		if k > 0 && (len(intPart)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + frac
}
