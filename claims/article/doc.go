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
// file in UTF-8 — with or without a byte-order mark, with LF or CRLF line
// ends — Text is the file byte for byte (a lone CR, an old Mac line end,
// becomes LF, which keeps every offset), so offsets are offsets into the file;
// the normalizer skips the byte-order mark and carriage returns. Otherwise
// Text is the file as decoded, and offsets index the decoded text:
//   - UTF-16 (with a byte-order mark, or plainly ASCII-heavy without one) is
//     converted to UTF-8, with LF line ends;
//   - bytes that are not UTF-8 are read as Windows-1252 when the file has no
//     UTF-8 sequences at all, and otherwise replaced by U+FFFD (with a warning).
//
// # Formats
//
// The format comes from the file extension (.html .htm .xhtml, .jsonl
// .ndjson, .json, .md .markdown; anything else is text), from the content
// type of a URL, and for standard input from its first bytes ('{' starts JSON
// Lines, '[' a JSON array, an HTML tag a page).
//
// HTML is reduced to its visible article text: one line per paragraph,
// heading, list item or table row; scripts, navigation, share bars, related
// stories, adverts and other page furniture dropped; the marked article body
// (itemprop="articleBody", <article>, <main>) preferred when there is one;
// lines of links to other stories dropped. What counts as furniture is data
// (data/html.yaml, extended through NewRules by --lexicon files). Title,
// canonical URL and publication time come from <meta>, <title>, <h1>,
// <time> and JSON-LD.
//
// JSON Lines hold one object a line, JSON an array of objects or one object,
// with the fields id, title, url, published (RFC 3339 or 2006-01-02) and text
// (or body, content, article, html). A bad line or record is a warning; the
// others are read.
//
// # Not for
//
// The package does not normalize text for scanning (that is
// claims/normalize), split sentences or find claims. It does not render
// JavaScript: a page that builds its text in the browser yields only what its
// HTML or JSON-LD carries.
package article
