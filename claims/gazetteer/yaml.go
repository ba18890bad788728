package gazetteer

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlEntry is one item of the places:, people: or organizations: section.
type yamlEntry struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Kind     Kind     `yaml:"kind"`
	Hindi    []string `yaml:"hindi"`
	Aliases  []string `yaml:"aliases"`
	Demonyms []string `yaml:"demonyms"`
	Weak     []string `yaml:"weak"`
	Guarded  []string `yaml:"guarded"`
	Within   []string `yaml:"within"`
	Role     string   `yaml:"role"`
	Country  string   `yaml:"country"`
	Replace  bool     `yaml:"replace"`
}

var entryFields = []string{"id", "name", "kind", "hindi", "aliases", "demonyms", "weak", "guarded", "within", "role", "country", "replace"}

// UnmarshalYAML decodes an entry and rejects unknown fields, so that a typo
// ("hindhi:") is an error instead of a silently ignored name.
func (y *yamlEntry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("an entry is a mapping like {id: place:pune, name: Pune, kind: city, hindi: [पुणे]}")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !slices.Contains(entryFields, k) {
			return fmt.Errorf("unknown field %q (fields: %s)", k, strings.Join(entryFields, ", "))
		}
	}
	type plain yamlEntry
	return n.Decode((*plain)(y))
}

// check validates an entry of a section whose ids start with prefix.
func (y *yamlEntry) check(section, prefix string, kind Kind) error {
	if !strings.HasPrefix(y.ID, prefix) || len(y.ID) == len(prefix) {
		return fmt.Errorf("%s entry needs an id starting with %q (got %q)", section, prefix, y.ID)
	}
	if kind == "" && y.Kind != "" && !y.Kind.IsPlace() {
		return fmt.Errorf("%s: kind %q is not a place kind (country, region, city, district, site, other)", y.ID, y.Kind)
	}
	if kind != "" && y.Kind != "" && y.Kind != kind {
		return fmt.Errorf("%s: entries of %s have kind %q; move it to the right section", y.ID, section, kind)
	}
	if kind != "" && len(y.Within) > 0 {
		return fmt.Errorf("%s: only places have \"within\"; use \"country\" for people and organizations", y.ID)
	}
	return nil
}

// entry turns a new (or replacing) item into an Entry.
func (y *yamlEntry) entry(kind Kind) *Entry {
	if kind == "" {
		kind = y.Kind
		if kind == "" {
			kind = Other
		}
	}
	e := &Entry{ID: y.ID, Name: y.Name, Kind: kind, Role: y.Role, Country: y.Country}
	if e.Name == "" {
		// Fall back to any Latin name, then to the first Hindi one.
		e.Name = firstOf(y.Aliases, y.Hindi)
	}
	e.Hindi = dedupe(nil, y.Hindi)
	e.Aliases = dedupe(nil, y.Aliases)
	e.Demonyms = dedupe(nil, y.Demonyms)
	e.Weak = dedupe(nil, y.Weak)
	e.Guarded = dedupe(nil, y.Guarded)
	e.Within = dedupe(nil, y.Within)
	return e
}

// extend adds a later item's names to an existing entry; its non-empty
// scalar fields replace the old ones.
func (y *yamlEntry) extend(e *Entry) {
	if y.Name != "" {
		e.Name = y.Name
	}
	if y.Kind != "" {
		e.Kind = y.Kind
	}
	if y.Role != "" {
		e.Role = y.Role
	}
	if y.Country != "" {
		e.Country = y.Country
	}
	e.Hindi = dedupe(e.Hindi, y.Hindi)
	e.Aliases = dedupe(e.Aliases, y.Aliases)
	e.Demonyms = dedupe(e.Demonyms, y.Demonyms)
	e.Weak = dedupe(e.Weak, y.Weak)
	e.Guarded = dedupe(e.Guarded, y.Guarded)
	e.Within = dedupe(e.Within, y.Within)
}

func firstOf(lists ...[]string) string {
	for _, l := range lists {
		for _, s := range l {
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
	}
	return ""
}

// dedupe appends the non-empty strings of add to dst that are not in it.
func dedupe(dst, add []string) []string {
	for _, s := range add {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// yamlDesignator is one item of the designators: section: words that may
// follow a name of the given kinds and belong to the mention ("अमूर
// क्षेत्र", "पटना शहर", "Amur Oblast").
type yamlDesignator struct {
	Kinds []Kind   `yaml:"kinds"`
	Words []string `yaml:"words"`
}
