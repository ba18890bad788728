// Package article reads news articles into plain text: from files, folders,
// glob patterns, standard input and http(s) URLs, in the formats plain text,
// Markdown, HTML, JSON Lines and JSON.
//
// Expand turns command-line arguments into a list of inputs; Load reads one
// input into one or more Articles. Both collect problems as warnings (a
// *SkipError when a whole input is left out) so that one bad file never stops
// a run.
//
// # Text and byte offsets
//
// Article.Text is the text claims are read from, and claim offsets are byte
// offsets into it. Text is always valid UTF-8. For a plain-text or Markdown
// file that is UTF-8 with LF line ends and no byte-order mark, Text is the
// file byte for byte, so offsets are also offsets into the file. Otherwise
// Text is the file as decoded:
//   - a UTF-8 byte-order mark is removed;
//   - UTF-16 (with a byte-order mark, or plainly ASCII-heavy without one) is
//     converted to UTF-8;
//   - bytes that are not UTF-8 are read as Windows-1252 when the file has no
//     UTF-8 sequences at all, and otherwise replaced by U+FFFD (with a warning);
//   - CRLF and lone CR line ends become LF, so sentences split the same way
//     whatever system wrote the file.
//
// HTML is reduced to its visible article text (see extractHTML): one line per
// paragraph, heading, list item or table row. JSON records give their "text"
// field (or "body", "content", "html").
//
// # Not for
//
// The package does not normalize text for scanning (that is
// claims/normalize), split sentences or find claims. It does not render
// JavaScript: a page that builds its text in the browser yields only what its
// HTML or JSON-LD carries.
package article
