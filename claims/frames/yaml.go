package frames

import (
	"fmt"

	"github.com/factdiff/factdiff/claims/lexicon"
	"gopkg.in/yaml.v3"
)

// addMapSection decodes the mapping under a top-level key of every file that
// has it and hands it to use.
func addMapSection[T any](files []lexicon.File, key string, use func(T)) error {
	for _, f := range files {
		var probe map[string]yaml.Node
		if err := yaml.Unmarshal(f.Data, &probe); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		node, ok := probe[key]
		if !ok {
			continue
		}
		var v T
		if err := node.Decode(&v); err != nil {
			return lexicon.Errorf(f.Name, node.Line, "in %s: %v", key, err)
		}
		use(v)
	}
	return nil
}
