package claims

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/factdiff/factdiff/claims/article"
)

// SourceRecord is the per-article line that `extract --with-sources` writes
// before an article's claims, so that `compare --claims` knows the article's
// title, date and text fingerprint without reading it again.
type SourceRecord struct {
	Record      string   `json:"record"` // always "source"
	ID          string   `json:"id"`
	Path        string   `json:"path"`
	Title       string   `json:"title"`
	URL         string   `json:"url,omitempty"`
	Published   string   `json:"published,omitempty"`
	Fingerprint []uint64 `json:"fingerprint"`
}

// SourceRecordOf describes an extracted article.
func SourceRecordOf(r Result) SourceRecord {
	s := SourceRecord{Record: "source", ID: r.Article.ID, Path: r.Article.Path, Title: r.Article.Title,
		URL: r.Article.URL, Fingerprint: r.Fingerprint}
	if !r.Article.Published.IsZero() {
		s.Published = r.Article.Published.Format("2006-01-02")
	}
	return s
}

// ReadJSONL reads what `extract --format jsonl` wrote — claim lines and, with
// --with-sources, source lines — and regroups it into one Result per article,
// in order of first appearance. Results of several files with the same
// article id are merged. name is used in error messages.
func ReadJSONL(r io.Reader, name string, into *ResultSet) error {
	br := bufio.NewReaderSize(r, 1<<20)
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if t := bytes.TrimSpace(b); len(t) > 0 {
			line++
			if bytes.Contains(t, []byte(`"record":"source"`)) {
				var s SourceRecord
				if jerr := json.Unmarshal(t, &s); jerr != nil {
					return fmt.Errorf("%s:%d: %v (expected output of 'factdiff extract --format jsonl')", name, line, jerr)
				}
				res := into.get(s.ID)
				res.Article.Path, res.Article.Title, res.Article.URL = s.Path, s.Title, s.URL
				if p, perr := time.Parse("2006-01-02", s.Published); perr == nil {
					res.Article.Published = p
				}
				res.Fingerprint = s.Fingerprint
			} else {
				var c Claim
				if jerr := json.Unmarshal(t, &c); jerr != nil {
					return fmt.Errorf("%s:%d: %v (expected output of 'factdiff extract --format jsonl')", name, line, jerr)
				}
				if c.Source == "" {
					return fmt.Errorf("%s:%d: a claim without a source (expected output of 'factdiff extract --format jsonl')", name, line)
				}
				res := into.get(c.Source)
				res.Claims = append(res.Claims, c)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
	}
}

// ResultSet collects Results by article id in order of first appearance.
type ResultSet struct {
	byID  map[string]int
	Items []Result
}

func (s *ResultSet) get(id string) *Result {
	if s.byID == nil {
		s.byID = map[string]int{}
	}
	i, ok := s.byID[id]
	if !ok {
		i = len(s.Items)
		s.byID[id] = i
		s.Items = append(s.Items, Result{Article: article.Article{ID: id}})
	}
	return &s.Items[i]
}
