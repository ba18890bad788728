package compare

import "github.com/factdiff/factdiff/claims"

// DocumentOf turns one article's extraction result into a Document.
func DocumentOf(r claims.Result) Document {
	a := r.Article
	d := Document{
		Source:      Source{ID: a.ID, Path: a.Path, Title: a.Title, URL: a.URL, Claims: len(r.Claims)},
		Claims:      r.Claims,
		Fingerprint: r.Fingerprint,
	}
	if !a.Published.IsZero() {
		d.Source.Published = a.Published.Format("2006-01-02")
	}
	return d
}
