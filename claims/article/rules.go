package article

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factdiff/factdiff/claims/lexicon"
	"github.com/factdiff/factdiff/claims/normalize"
)

//go:embed data/html.yaml
var htmlYAML []byte

// Rules is the data that tells article text from page furniture in HTML:
// the sections html_furniture_words, html_header_words, html_keep_words,
// html_hidden_classes, html_furniture_roles, html_body_classes,
// html_published_meta and html_lead_ins of data/html.yaml, extended by user
// lexicon files.
type Rules struct {
	furnitureWords map[string]bool
	headerWords    map[string]bool
	keepWords      map[string]bool
	hiddenClasses  map[string]bool
	roles          map[string]bool
	bodyClasses    map[string]bool
	published      []string
	leadIns        []string // normalized, lower case
	leadFirst      map[rune]bool
}

// devaFirst maps each Devanagari code point to the first rune of its
// normalized form (precomposed nukta letters decompose), so that leadIn can
// reject most lines without normalizing them.
var devaFirst = func() (t [0x80]rune) {
	for i := range t {
		r := rune(0x900 + i)
		t[i] = r
		if n := normalize.String(string(r)); n != "" {
			t[i], _ = utf8.DecodeRuneInString(n)
		}
	}
	return t
}()

// firstLetter returns the first letter or digit of s, lower case and, for
// Devanagari, as normalized.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if r >= 0x900 && r < 0x980 {
				return devaFirst[r-0x900]
			}
			return unicode.ToLower(r)
		}
	}
	return -1
}

// NewRules builds the HTML rules from the embedded data and the user's
// lexicon files (sections they do not have are left as embedded).
func NewRules(files ...lexicon.File) (*Rules, error) {
	all := append([]lexicon.File{{Name: "claims/article/data/html.yaml", Data: htmlYAML}}, files...)
	r := &Rules{}
	sets := []struct {
		key   string
		dst   *map[string]bool
		clean func(string) string
	}{
		{"html_furniture_words", &r.furnitureWords, strings.ToLower},
		{"html_header_words", &r.headerWords, strings.ToLower},
		{"html_keep_words", &r.keepWords, strings.ToLower},
		{"html_hidden_classes", &r.hiddenClasses, strings.ToLower},
		{"html_furniture_roles", &r.roles, strings.ToLower},
		{"html_body_classes", &r.bodyClasses, func(s string) string { return squash(strings.ToLower(s)) }},
	}
	for _, s := range sets {
		items, err := lexicon.Section[string](all, s.key)
		if err != nil {
			return nil, err
		}
		m := make(map[string]bool, len(items))
		for _, it := range items {
			v := strings.TrimSpace(s.clean(it.Value))
			if v == "" || strings.ContainsAny(v, " \t") {
				return nil, lexicon.Errorf(it.File, it.Line, "in %s: %q must be one word", s.key, it.Value)
			}
			m[v] = true
		}
		*s.dst = m
	}
	pub, err := lexicon.Section[string](all, "html_published_meta")
	if err != nil {
		return nil, err
	}
	for _, it := range pub {
		r.published = append(r.published, strings.ToLower(strings.TrimSpace(it.Value)))
	}
	leads, err := lexicon.Section[string](all, "html_lead_ins")
	if err != nil {
		return nil, err
	}
	for _, it := range leads {
		v := strings.ToLower(strings.TrimSpace(normalize.String(it.Value)))
		if v == "" {
			return nil, lexicon.Errorf(it.File, it.Line, "in html_lead_ins: empty phrase")
		}
		r.leadIns = append(r.leadIns, v)
	}
	r.leadFirst = map[rune]bool{}
	for _, p := range r.leadIns {
		r.leadFirst[firstLetter(p)] = true
	}
	return r, nil
}

var (
	defaultRulesOnce sync.Once
	defaultRules     *Rules
)

// DefaultRules returns the rules of the embedded data alone.
func DefaultRules() *Rules {
	defaultRulesOnce.Do(func() {
		r, err := NewRules()
		if err != nil {
			panic(fmt.Sprintf("article: embedded html.yaml: %v", err))
		}
		defaultRules = r
	})
	return defaultRules
}

// leadIn reports whether line starts with one of the lead-in phrases, and
// whether nothing but punctuation follows it.
func (r *Rules) leadIn(line string) (starts, alone bool) {
	if !r.leadFirst[firstLetter(line)] {
		return false, false
	}
	n := strings.ToLower(strings.TrimSpace(normalize.String(line)))
	n = strings.TrimLeftFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for _, p := range r.leadIns {
		if !strings.HasPrefix(n, p) {
			continue
		}
		rest := n[len(p):]
		if c, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsNumber(c)) {
			continue // a longer word
		}
		alone = strings.TrimFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) == ""
		return true, alone
	}
	return false, false
}
