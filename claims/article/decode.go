package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of an input is inspected to tell text from binary.
const sniffLen = 8 << 10

// magic lists file signatures of common binary formats, with what to do.
var magic = []struct {
	prefix, what string
}{
	{"%PDF-", "a PDF document; convert it to text first (for example with pdftotext)"},
	{"PK\x03\x04", "a ZIP archive (or .docx/.odt/.epub); unpack or convert it to text first"},
	{"PK\x05\x06", "an empty ZIP archive"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document; save it as text first"},
	{"{\\rtf", "an RTF document; save it as plain text first"},
	{"\x89PNG\r\n\x1A\n", "a PNG image, not text"},
	{"\xFF\xD8\xFF", "a JPEG image, not text"},
	{"GIF87a", "a GIF image, not text"},
	{"GIF89a", "a GIF image, not text"},
	{"\x1F\x8B", "a gzip archive; unpack it first (gunzip)"},
	{"\xFD7zXZ\x00", "an xz archive; unpack it first (unxz)"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive; unpack it first"},
	{"Rar!\x1A\x07", "a RAR archive; unpack it first"},
	{"\x28\xB5\x2F\xFD", "a zstd archive; unpack it first (unzstd)"},
	{"\x7FELF", "a program, not text"},
	{"SQLite format 3\x00", "an SQLite database, not text"},
	{"\x00asm", "a WebAssembly module, not text"},
	{"OggS\x00", "an Ogg media file, not text"},
	{"\x00\x00\xFE\xFF", "UTF-32 text; convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)"},
	{"\xFF\xFE\x00\x00", "UTF-32 text; convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)"},
}

// decode turns the bytes of an input into valid UTF-8 text with LF line
// ends. It skips empty and binary inputs. For HTML it honours the charset
// named in contentType or in a <meta> tag.
func decode(path string, data []byte, isHTML bool, contentType string) (string, []error, *SkipError) {
	if len(data) == 0 {
		return "", nil, skip(path, "empty file")
	}
	var warns []error
	var text string
	// exact: the text is the file's own bytes, so claim offsets index the
	// file as read; line ends and a byte-order mark are then left in place
	// (the normalizer skips them).
	exact := false
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xFE\x00\x00")):
		return "", nil, skip(path, "looks like UTF-32 text; convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)")
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		s, err := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		if err != nil {
			return "", nil, skip(path, "is not readable UTF-16: %v; convert it to UTF-8 first", err)
		}
		text = s
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		text, exact = string(data), utf8.Valid(data)
	default:
		if what := binaryKind(data); what != "" {
			if what == "utf16le" || what == "utf16be" {
				order := unicode.LittleEndian
				if what == "utf16be" {
					order = unicode.BigEndian
				}
				s, err := decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data)
				if err != nil {
					return "", nil, skip(path, "looks like UTF-16 text without a byte-order mark that cannot be decoded; convert it to UTF-8 first")
				}
				text = s
				break
			}
			return "", nil, skip(path, "looks like %s", what)
		}
		// Valid UTF-8 wins over any declared charset: real legacy-encoded
		// text is almost never valid UTF-8, while mislabelled pages are common.
		valid := utf8.Valid(data)
		if !valid {
			if s, ok := declared(data, isHTML, contentType); ok {
				text = s
				break
			}
		}
		text, exact = string(data), valid
	}
	// exact text is valid UTF-8 already.
	if !exact && !utf8.ValidString(text) {
		if noUTF8Sequences(text) {
			s, err := decodeWith(charmap.Windows1252, []byte(text))
			if err == nil {
				text = s
				warns = append(warns, fmt.Errorf("%s: not UTF-8; read as Windows-1252 (convert it to UTF-8 if that is wrong)", path))
			}
		}
		if !utf8.ValidString(text) {
			n := countInvalid(text)
			text = strings.ToValidUTF8(text, "\uFFFD")
			warns = append(warns, fmt.Errorf("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD; is the file in another encoding? convert it to UTF-8 (iconv)", path, n))
		}
	}
	if exact {
		text = loneCRs(text)
	} else {
		text = lineEnds(text)
	}
	if text == "" {
		return "", warns, skip(path, "empty file")
	}
	if strings.TrimSpace(text) == "" {
		return "", warns, skip(path, "has only white space")
	}
	return text, warns, nil
}

// declared decodes data that is not valid UTF-8 with the charset named by
// contentType or, for HTML, by a <meta> tag (undeclared HTML is read as
// windows-1252, as browsers do). ok is false when no charset applies: none is
// named, it does not decode, or the data is mostly UTF-8 with a few broken
// bytes, which are then replaced rather than the whole text misread.
func declared(data []byte, isHTML bool, contentType string) (string, bool) {
	if mostlyUTF8(data) {
		return "", false
	}
	var e encoding.Encoding
	if isHTML {
		var name string
		e, name, _ = charset.DetermineEncoding(data, contentType)
		if name == "utf-8" {
			return "", false
		}
	} else if name := charsetParam(contentType); name != "" {
		e, _ = charset.Lookup(name)
	}
	if e == nil {
		return "", false
	}
	s, err := decodeWith(e, data)
	return s, err == nil
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// charsetParam returns the lower-case charset parameter of a content type.
func charsetParam(contentType string) string {
	for _, p := range strings.Split(contentType, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`))
		}
	}
	return ""
}

// binaryKind inspects the start of data and says what binary format it
// looks like ("" for text). It returns "utf16le" or "utf16be" for UTF-16
// without a byte-order mark.
func binaryKind(data []byte) string {
	head := data
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.what
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if k := utf16Guess(head); k != "" {
			return k
		}
		return "a binary file (it contains NUL bytes), not text"
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return "a binary file (many control bytes), not text"
	}
	return ""
}

// utf16Guess recognizes mostly-ASCII UTF-16 without a byte-order mark: NUL
// in nearly every other byte and hardly ever in the others.
func utf16Guess(head []byte) string {
	n := len(head) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even*50 <= pairs:
		return "utf16le"
	case even*10 >= pairs*7 && odd*50 <= pairs:
		return "utf16be"
	}
	return ""
}

// mostlyUTF8 reports whether b has more valid multi-byte UTF-8 sequences
// than runs of invalid bytes.
func mostlyUTF8(b []byte) bool {
	good, bad, inRun := 0, 0, false
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			inRun = false
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if !inRun {
				bad++
			}
			inRun = true
		} else {
			good++
			inRun = false
		}
		i += size
	}
	return good > bad
}

// noUTF8Sequences reports whether s has no valid multi-byte UTF-8 sequence,
// so that its high bytes are more likely a legacy single-byte encoding.
func noUTF8Sequences(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size > 1 && r != utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// countInvalid counts the runs of invalid bytes, each of which
// strings.ToValidUTF8 replaces by one U+FFFD.
func countInvalid(s string) int {
	n, inRun := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		bad := r == utf8.RuneError && size == 1
		if bad && !inRun {
			n++
		}
		inRun = bad
		i += size
	}
	return n
}

// loneCRs turns a CR that is not followed by LF into LF: old Mac line ends
// become line breaks without changing any offset. CRLF is left alone.
func loneCRs(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	b := []byte(s)
	for i := range b {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}

// lineEnds turns CRLF and lone CR into LF.
func lineEnds(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
