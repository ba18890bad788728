package article

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
)

// maxRedirects is how many redirects the default client follows.
const maxRedirects = 5

// defaultClient fetches URLs when Options.Client is nil.
var defaultClient = &http.Client{
	Timeout: 20 * time.Second,
	CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return nil
	},
}

// isURL reports whether s is an http or https URL.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// otherScheme reports a URL scheme other than http, https and file.
func otherScheme(s string) (string, bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", false
	}
	scheme := s[:i]
	for j, r := range scheme {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return "", false
		}
	}
	if strings.EqualFold(scheme, "file") || strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") {
		return "", false
	}
	return scheme, true
}

// urlFormats maps accepted content types to formats.
var urlFormats = map[string]string{
	"text/html":             "html",
	"application/xhtml+xml": "html",
	"text/plain":            "txt",
	"text/markdown":         "md",
	"application/json":      "json",
	"text/json":             "json",
	"application/ld+json":   "json",
	"application/x-ndjson":  "jsonl",
	"application/jsonl":     "jsonl",
	"application/jsonlines": "jsonl",
}

func loadURL(raw string, opt Options) ([]Article, []error, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, nil, skip(raw, "is not a usable URL; write it like https://example.com/story")
	}
	client := opt.Client
	if client == nil {
		client = defaultClient
	}
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	if err != nil {
		return nil, nil, skip(raw, "is not a usable URL: %v", err)
	}
	req.Header.Set("User-Agent", "factdiff (fact-checking article reader)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.8,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if ue != nil && ue.Timeout() {
			return nil, nil, skip(raw, "could not be fetched: timed out; try again or save the page and read the file")
		}
		return nil, nil, skip(raw, "could not be fetched: %v; check the address, or save the page and read the file", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, skip(raw, "server answered %s; check the address, or save the page and read the file", resp.Status)
	}
	max := opt.maxSize()
	if resp.ContentLength > max {
		return nil, nil, tooLarge(raw, resp.ContentLength, max)
	}
	data, err := readLimited(resp.Body, max)
	if err != nil {
		return nil, nil, readSkip(raw, err, opt)
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if mt == "" {
		ct = http.DetectContentType(data)
		mt, _, _ = mime.ParseMediaType(ct)
	}
	format, ok := urlFormats[mt]
	if !ok {
		return nil, nil, skip(raw, "has content type %q, not HTML, text or JSON; only web pages and text are read", mt)
	}
	switch byPath := formatOf(u.Path); {
	case format == "json" && byPath == "jsonl",
		format == "txt" && (byPath == "json" || byPath == "jsonl" || byPath == "md"):
		format = byPath
	}
	arts, warns, err := parse(raw, urlID(u), format, data, ct, opt)
	if err != nil {
		return nil, warns, err
	}
	for i := range arts {
		if arts[i].URL == "" {
			arts[i].URL = raw
		}
	}
	return arts, warns, nil
}

// genericSegments are last path segments that name a page variant, not the
// story ("…/bus-accident-123/amp").
var genericSegments = map[string]bool{"amp": true, "index": true, "print": true, "article": true, "story": true}

// urlID derives an article id from a URL: its last path segment without
// extension (passing over generic ones like "amp"), or else its host;
// characters other than letters, digits, '-', '_' and '.' become '_'.
func urlID(u *url.URL) string {
	seg := ""
	for _, s := range slices.Backward(strings.Split(u.Path, "/")) {
		if ext := path.Ext(s); ext != "" && ext != s {
			s = strings.TrimSuffix(s, ext)
		}
		if s != "" && s != "." && s != ".." && !genericSegments[strings.ToLower(s)] {
			seg = s
			break
		}
	}
	if seg == "" {
		seg = u.Hostname()
	}
	var b strings.Builder
	for _, r := range seg {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	id := b.String()
	if len(id) > 100 {
		id = truncate(id, 100)
	}
	if id == "" {
		id = "url"
	}
	return id
}

// truncate cuts s to at most n bytes at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
