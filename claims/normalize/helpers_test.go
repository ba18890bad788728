package normalize

import "github.com/factdiff/factdiff/claims/lexicon"

func lexiconFile(s string) lexicon.File { return lexicon.File{Name: "test.yaml", Data: []byte(s)} }
