package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultMaxSize is the largest input read when Options.MaxSize is zero.
const DefaultMaxSize = 64 << 20

// DefaultMaxFiles caps the files taken from folders when Options.MaxFiles is zero.
const DefaultMaxFiles = 1_000_000

// maxTitle is the longest title kept, in characters.
const maxTitle = 200

// Article is one news report as text.
type Article struct {
	// ID names the article in reports: the file name without folder and
	// extension; for JSON records the record's "id" (or file id + "#" +
	// record number); for URLs the last path segment or the host; "stdin".
	ID string
	// Path is the path or URL as given ("-" for standard input).
	Path string
	// Title is the HTML og:title, <title> or first <h1>, the JSON "title",
	// or else the first non-empty line of the text (trimmed, ≤200 characters).
	Title string
	// URL is the JSON "url", the HTML canonical URL, or the fetched URL.
	URL string
	// Published is the publication time, zero when unknown.
	Published time.Time
	// Text is the text claims are read from: valid UTF-8, LF line ends.
	// Claim byte offsets index into it (see the package documentation).
	Text string
	// Format is "txt", "md", "html", "jsonl" or "json".
	Format string
}

// Input is one thing to read: a file path, "-" for standard input, or an
// http(s) URL.
type Input struct {
	Path string
}

// Options controls Expand and Load. The zero value is ready to use.
type Options struct {
	// MaxSize is the largest input in bytes; 0 means DefaultMaxSize.
	// Larger inputs are skipped, and no more than MaxSize+1 bytes are read.
	MaxSize int64
	// Published, when non-zero, replaces every article's publication time.
	Published time.Time
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// Client fetches URLs; nil means a client with a 20 s timeout that
	// follows at most 5 redirects.
	Client *http.Client
	// MaxFiles caps the files taken from folders; 0 means DefaultMaxFiles.
	MaxFiles int
	// Rules tell article text from page furniture in HTML; nil means
	// DefaultRules (build them with NewRules to add --lexicon files).
	Rules *Rules
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o Options) maxFiles() int {
	if o.MaxFiles <= 0 {
		return DefaultMaxFiles
	}
	return o.MaxFiles
}

// SkipError reports an input that was left out, and why.
type SkipError struct {
	Path   string
	Reason string
}

// Error returns "PATH: skipped: REASON".
func (e *SkipError) Error() string { return e.Path + ": skipped: " + e.Reason }

func skip(path, format string, args ...any) *SkipError {
	return &SkipError{Path: path, Reason: fmt.Sprintf(format, args...)}
}

// Load reads one input into its articles: one for text, Markdown and HTML,
// one per record for JSON Lines and JSON. An input that cannot be used gives
// a *SkipError saying why and what to do; problems that leave the rest usable
// (a bad JSON line, bytes that are not UTF-8) are returned as warnings.
func Load(in Input, opt Options) (arts []Article, warnings []error, err error) {
	switch {
	case in.Path == "-":
		arts, warnings, err = loadStdin(opt)
	case isURL(in.Path):
		arts, warnings, err = loadURL(in.Path, opt)
	default:
		if s, ok := otherScheme(in.Path); ok {
			return nil, nil, skip(in.Path, "cannot read %s: URLs; only http:// and https:// URLs are read", s)
		}
		arts, warnings, err = loadFile(in.Path, opt)
	}
	if err != nil {
		return nil, warnings, err
	}
	for i := range arts {
		if !opt.Published.IsZero() {
			arts[i].Published = opt.Published
		}
		arts[i].Title = cleanTitle(arts[i].Title)
	}
	return arts, warnings, nil
}

func loadStdin(opt Options) ([]Article, []error, error) {
	r := opt.Stdin
	if r == nil {
		r = os.Stdin
	}
	const path = "-"
	data, err := readLimited(r, opt.maxSize())
	if err != nil {
		return nil, nil, readSkip(path, err, opt)
	}
	format := sniffFormat(data)
	return parse(path, "stdin", format, data, "", opt)
}

func loadFile(path string, opt Options) ([]Article, []error, error) {
	if strings.HasPrefix(path, "file://") {
		path = strings.TrimPrefix(path, "file://")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, statSkip(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, openSkip(path, err)
	}
	if fi.IsDir() {
		return nil, nil, skip(path, "is a folder, not a file")
	}
	max := opt.maxSize()
	if fi.Mode().IsRegular() && fi.Size() > max {
		return nil, nil, tooLarge(path, fi.Size(), max)
	}
	var data []byte
	if fi.Mode().IsRegular() {
		data, err = readSized(f, fi.Size(), max)
	} else {
		data, err = readLimited(f, max)
	}
	if err != nil {
		return nil, nil, readSkip(path, err, opt)
	}
	return parse(path, fileID(path), formatOf(path), data, "", opt)
}

// errTooLarge marks a read that stopped at the size limit.
var errTooLarge = errors.New("too large")

// readSized reads a regular file of the given size (from Stat) into a buffer
// allocated once; the file may have changed since, so it reads on to the end
// all the same, up to max.
func readSized(r io.Reader, size, max int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(size, max)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > max {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// readLimited reads at most max+1 bytes and fails with errTooLarge when
// there were more than max.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errTooLarge
	}
	return data, nil
}

func readSkip(path string, err error, opt Options) *SkipError {
	if errors.Is(err, errTooLarge) {
		return tooLarge(path, -1, opt.maxSize())
	}
	return skip(path, "cannot be read: %v", err)
}

func openSkip(path string, err error) *SkipError {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return skip(path, "no such file or folder; check the path")
	case errors.Is(err, fs.ErrPermission):
		return skip(path, "cannot be read: permission denied; check its permissions (chmod +r)")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return skip(path, "cannot be read: %v", err)
}

// tooLarge builds the skip for an input over the limit; size < 0 means the
// size is unknown (a stream that went past the limit).
func tooLarge(path string, size, max int64) *SkipError {
	want := 2 * max
	if size > 0 {
		want = suggestSize(size)
		return skip(path, "is %s, larger than --max-size %s; raise it with --max-size %s",
			FormatSize(size), FormatSize(max), flagSize(want))
	}
	return skip(path, "is larger than --max-size %s; raise it with --max-size %s",
		FormatSize(max), flagSize(want))
}

// parse decodes data of the given format into articles.
func parse(path, id, format string, data []byte, contentType string, opt Options) ([]Article, []error, error) {
	text, warns, serr := decode(path, data, format == "html", contentType)
	if serr != nil {
		return nil, warns, serr
	}
	switch format {
	case "html":
		doc := extractHTML(text, opt.Rules)
		if strings.TrimSpace(doc.Text) == "" {
			return nil, warns, skip(path, "has no readable text in its HTML (a page built by JavaScript?); save the article text as .txt")
		}
		a := Article{ID: id, Path: path, Title: doc.Title, URL: doc.URL, Published: doc.Published, Text: doc.Text, Format: "html"}
		if a.Title == "" {
			a.Title = firstLine(a.Text)
		}
		return []Article{a}, warns, nil
	case "jsonl", "json":
		arts, w, err := parseRecords(path, id, format, text, opt.Rules)
		return arts, append(warns, w...), err
	default:
		title := firstLine(text)
		if format == "md" {
			title = strings.TrimSpace(strings.TrimLeft(title, "#"))
		}
		return []Article{{ID: id, Path: path, Title: title, Text: text, Format: format}}, warns, nil
	}
}

// formatOf names the format of a file from its extension; anything unknown
// is read as text.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".json":
		return "json"
	case ".md", ".markdown":
		return "md"
	}
	return "txt"
}

// folderExts are the extensions kept when reading a folder.
var folderExts = map[string]bool{
	".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true,
	".jsonl": true, ".json": true,
}

// sniffFormat guesses the format of standard input: JSON Lines when it
// starts with '{' and the first line is JSON, JSON when it is a JSON array,
// HTML when it starts like an HTML document, else text.
func sniffFormat(data []byte) string {
	d := bytes.TrimLeft(skipBOM(data), " \t\r\n")
	if len(d) == 0 {
		return "txt"
	}
	switch d[0] {
	case '{':
		line := d
		if i := bytes.IndexByte(d, '\n'); i >= 0 {
			line = d[:i]
		}
		if jsonValid(line) {
			return "jsonl"
		}
	case '[':
		if jsonValid(d) {
			return "json"
		}
	case '<':
		if looksHTML(d) {
			return "html"
		}
	}
	return "txt"
}

func skipBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
}

// looksHTML reports whether b, which starts with '<', is an HTML document
// or fragment.
func looksHTML(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	h := strings.ToLower(string(head))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title", "<h1", "<!--"} {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	return strings.Contains(h, "</p>") || strings.Contains(h, "<br")
}

// fileID is the file name without folder and extension.
func fileID(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// firstLine returns the first non-empty line of text, trimmed.
func firstLine(text string) string {
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if l := strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF")); l != "" {
			return l
		}
	}
	return ""
}

// cleanTitle collapses white space and cuts the title to maxTitle
// characters, at a space when one is near the end.
func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) <= maxTitle {
		return t
	}
	cut, n := 0, 0
	for i := range t {
		if n == maxTitle {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(t[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimSpace(t[:cut])
}
