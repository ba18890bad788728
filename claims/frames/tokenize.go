package frames

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of normalized text. It holds no
// pointers, so that filling token buffers costs the garbage collector
// nothing; its key, the form lexicon phrases are matched against, is the
// text itself or, for a word that folding changes, a string kept by the
// tokenizer.
type token struct {
	start, end int
	// id is the key's index in the lexicon's word table, or -1 for a word
	// no lexicon phrase uses.
	id int32
	// fold is 0 when the key is the token's text, else 1 + the key's index
	// in tokenizer.keys.
	fold  int32
	punct bool
}

// wordTable numbers the distinct words of the lexicon phrases so that phrase
// lookup compares small integers instead of strings. Lookups probe an
// open-addressing table by hashKey. It is read-only after finish and safe
// for concurrent use.
type wordTable struct {
	ids   map[string]int32 // while building
	words []string         // by id
	slots []wordSlot       // len is a power of two
	// packed is a second open-addressing table holding the words of at
	// most packedMax bytes as numbers (see pack), so that looking up a
	// short word compares numbers and reads no string. Its length is a
	// power of two, 1<<(64-packedShift).
	packed      []packedSlot
	packedShift uint
	// ascii holds the id of each one-byte word, or -1: punctuation marks
	// are looked up by their byte.
	ascii [utf8.RuneSelf]int32
}

// packedMax is the length in bytes of the longest word the packed table
// holds: two 64-bit numbers' worth (five Devanagari letters and marks).
const packedMax = 16

// packedSlot is a packed table entry: a word packed by pack, its length
// and id+1 (0 for an empty slot).
type packedSlot struct {
	a, b  uint64
	n, id int32
}

// wordSlot is a probe table entry: id+1 (0 for empty) and the word's hash.
type wordSlot struct {
	hash uint32
	id   int32
}

// newWordTable returns an empty table to intern words into.
func newWordTable() *wordTable {
	return &wordTable{ids: map[string]int32{}}
}

// intern returns the id of w, adding it if it is new. It may only be called
// before finish.
func (wt *wordTable) intern(w string) int32 {
	if id, ok := wt.ids[w]; ok {
		return id
	}
	id := int32(len(wt.words))
	wt.ids[w] = id
	wt.words = append(wt.words, w)
	return id
}

// finish builds the probe table, at most half full.
func (wt *wordTable) finish() {
	n := 16
	for n < 2*len(wt.words) {
		n *= 2
	}
	wt.slots = make([]wordSlot, n)
	mask := uint32(n - 1)
	for id, w := range wt.words {
		h := hashKey(w)
		i := h & mask
		for wt.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		wt.slots[i] = wordSlot{hash: h, id: int32(id) + 1}
	}

	short := 0
	for _, w := range wt.words {
		if len(w) <= packedMax {
			short++
		}
	}
	n, wt.packedShift = 16, 60
	for n < 2*short {
		n *= 2
		wt.packedShift--
	}
	wt.packed = make([]packedSlot, n)
	pmask := uint64(n - 1)
	for id, w := range wt.words {
		if len(w) > packedMax {
			continue
		}
		a, b := pack(w, 0, len(w))
		i := packedHash(a, b, len(w)) >> wt.packedShift
		for wt.packed[i].id != 0 {
			i = (i + 1) & pmask
		}
		wt.packed[i] = packedSlot{a: a, b: b, n: int32(len(w)), id: int32(id) + 1}
	}
	for c := range wt.ascii {
		w := string(rune(c))
		wt.ascii[c] = wt.lookup(w, hashKey(w))
	}
	wt.ids = nil
}

// pack returns the bytes of s[i:j], at most packedMax of them, as two
// little-endian numbers padded with zero bytes: the first eight bytes and
// the rest. Together with the length they tell words apart. Bytes of s
// outside s[i:j] — past j, and before i when the word has more than eight
// bytes — may be read, but are masked or shifted off.
func pack(s string, i, j int) (a, b uint64) {
	n := j - i
	switch {
	case n >= 8:
		a = load64(s[i:])
		if n > 8 {
			b = load64(s[j-8:]) >> (8 * (16 - n))
		}
	case i+8 <= len(s):
		a = load64(s[i:]) & (1<<(8*n) - 1)
	case j >= 8:
		a = load64(s[j-8:]) >> (8 * (8 - n))
	default:
		for k := j - 1; k >= i; k-- {
			a = a<<8 | uint64(s[k])
		}
	}
	return a, b
}

// packBytes is pack(string(s), 0, len(s)) for a word held in a byte slice.
func packBytes(s []byte) (a, b uint64) {
	n := len(s)
	switch {
	case n >= 8:
		a = binary.LittleEndian.Uint64(s)
		if n > 8 {
			b = binary.LittleEndian.Uint64(s[n-8:]) >> (8 * (16 - n))
		}
	default:
		for k := n - 1; k >= 0; k-- {
			a = a<<8 | uint64(s[k])
		}
	}
	return a, b
}

// packedHash mixes a packed word and its length; the packed table uses its
// high bits.
func packedHash(a, b uint64, n int) uint64 {
	return (a ^ (b<<31 | b>>33) ^ uint64(n)<<59) * 0x9E3779B97F4A7C15
}

// lookupPacked returns the id of the word of n <= packedMax bytes that pack
// turned into a and b, or -1.
func (wt *wordTable) lookupPacked(a, b uint64, n int) int32 {
	for i := packedHash(a, b, n) >> wt.packedShift; ; i = (i + 1) & uint64(len(wt.packed)-1) {
		e := &wt.packed[i]
		if e.a == a && e.b == b && e.n == int32(n) || e.id == 0 {
			return e.id - 1
		}
	}
}

// hashKey hashes a word from its length and its first and last eight
// bytes (fewer for short words), so hashing costs the same for every word.
func hashKey(s string) uint32 {
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(s[:8]), load64(s[n-8:])
	case n >= 4:
		a, b = load32(s[:4]), load32(s[n-4:])
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return hashParts(a, b, n)
}

// hashBytes is hashKey for a word held in a byte slice.
func hashBytes(s []byte) uint32 {
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[n-8:])
	case n >= 4:
		a, b = uint64(binary.LittleEndian.Uint32(s)), uint64(binary.LittleEndian.Uint32(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return hashParts(a, b, n)
}

// hashParts mixes the parts hashKey and hashBytes read.
func hashParts(a, b uint64, n int) uint32 {
	h := (a ^ (b<<29 | b>>35) ^ uint64(n)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	return uint32(h >> 32)
}

// load64 and load32 read the first bytes of s as a little-endian number.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// lookup returns the id of w whose hashKey is h, or -1.
func (wt *wordTable) lookup(w string, h uint32) int32 {
	mask := uint32(len(wt.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := wt.slots[i]
		if e.id == 0 {
			return -1
		}
		if e.hash == h && wt.words[e.id-1] == w {
			return e.id - 1
		}
	}
}

// tokenizer splits sentences into tokens and reuses its buffers from one
// sentence to the next. The zero value (no word table) gives every token id
// -1 and allocates folded keys one by one, which is what the lexicon loader
// needs.
type tokenizer struct {
	words *wordTable
	// keys are the keys of the tokens whose key is not their text.
	keys []string
	// folded holds the folded keys of words that are not lexicon words;
	// they become one string in flush.
	folded  []byte
	pending []pendingKey
	// devanagari reports whether the last sentence had a Devanagari letter.
	devanagari bool
}

// pendingKey is a key, keys[key], that will be tokenizer.folded[from:to].
type pendingKey struct {
	key, from, to int
}

// tokenize returns the tokens of text[start:end], appended to dst; their
// keys are tz.key(text, token) until the next call. Words are runs of
// letters, marks and digits (with an inner apostrophe-s for English
// genitives split off); every other non-space character is a token of its
// own. ASCII and Devanagari are read byte by byte; other scripts go through
// utf8.DecodeRuneInString.
func (tz *tokenizer) tokenize(text string, start, end int, dst []token) []token {
	tz.begin()
	dst = tz.appendTokens(text, start, end, dst)
	tz.flush()
	return dst
}

// begin starts a run of appendTokens calls whose keys flush sets.
func (tz *tokenizer) begin() {
	clear(tz.keys)
	tz.keys = tz.keys[:0]
	tz.folded = tz.folded[:0]
	tz.pending = tz.pending[:0]
}

// flush sets the keys of the folded words that are not lexicon words, all
// cut from one string.
func (tz *tokenizer) flush() {
	if len(tz.pending) > 0 {
		folded := string(tz.folded)
		for _, p := range tz.pending {
			tz.keys[p.key] = folded[p.from:p.to]
		}
	}
}

// key returns the key of t, a token of text.
func (tz *tokenizer) key(text string, t token) string {
	if t.fold == 0 {
		return text[t.start:t.end]
	}
	return tz.keys[t.fold-1]
}

// addKey keeps key as the key of a token and returns the token's fold.
func (tz *tokenizer) addKey(key string) int32 {
	tz.keys = append(tz.keys, key)
	return int32(len(tz.keys))
}

// appendTokens appends the tokens of text[start:end] to dst; keys of folded
// words that are not lexicon words are set by flush. It sets
// tz.devanagari for the range.
func (tz *tokenizer) appendTokens(text string, start, end int, dst []token) []token {
	tz.devanagari = false
	i := start
	for i < end {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		// The character at i, and whether it begins a word; ASCII and
		// Devanagari are classed by table.
		r, n := rune(c), 1
		var word bool
		switch {
		case c < utf8.RuneSelf:
			word = asciiWord(c)
		case c == 0xE0 && i+2 < len(text) && text[i+1]&0xFE == 0xA4 && text[i+2]&0xC0 == 0x80:
			r, n = 0x0900|rune(text[i+1]&1)<<6|rune(text[i+2]&0x3F), 3
			word = devanagariClass[r&0x7F] != devaEnd
		default:
			r, n = utf8.DecodeRuneInString(text[i:])
			word = isWord(r)
		}
		if word {
			needFold, deva := false, false
			j := i
			for j < end {
				c := text[j]
				if c < utf8.RuneSelf {
					// "2.5" and "1,17,500" are one token.
					if asciiWord(c) || ((c == '.' || c == ',') && j+1 < end && isDigit(text[j+1]) && j > i && isDigit(text[j-1])) {
						needFold = needFold || c >= 'A' && c <= 'Z'
						j++
						continue
					}
					break
				}
				if c == 0xE0 && j+2 < len(text) {
					if c1, c2 := text[j+1], text[j+2]; c1&0xFE == 0xA4 && c2&0xC0 == 0x80 {
						// A Devanagari letter, mark or digit; dandas and the
						// abbreviation sign end the word.
						switch devanagariClass[(c1&1)<<6|c2&0x3F] {
						case devaEnd:
							goto done
						case devaFold:
							needFold = true
						}
						deva = true
						j += 3
						continue
					}
				}
				if r2, n2 := decodeRune(text, j); isWord(r2) {
					needFold = needFold || foldsRune(r2)
					deva = deva || isDevanagariRune(r2)
					j += n2
					continue
				}
				break
			}
		done:
			tz.devanagari = tz.devanagari || deva
			w := text[i:j]
			switch {
			case !needFold:
				dst = append(dst, token{start: i, end: j, id: tz.wordID(text, i, j)})
			case tz.words == nil:
				dst = append(dst, token{start: i, end: j, id: -1, fold: tz.addKey(fold(w))})
			default:
				dst = append(dst, tz.foldedWord(w, i, j))
			}
			i = j
			continue
		}
		// English genitive "'s" is one token.
		if r == '\'' && i+2 <= end && i+1 < end && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 == end || !isWord(rune(text[i+2]))) {
			t := token{start: i, end: i + 2, id: tz.id("'s", hashGenitive)}
			if text[i+1] != 's' {
				t.fold = tz.addKey("'s")
			}
			dst = append(dst, t)
			i += 2
			continue
		}
		tz.devanagari = tz.devanagari || isDevanagariRune(r)
		id := int32(-1)
		switch {
		case tz.words == nil:
		case c < utf8.RuneSelf:
			id = tz.words.ascii[c]
		default:
			id = tz.wordID(text, i, i+n)
		}
		dst = append(dst, token{start: i, end: i + n, id: id, punct: true})
		i += n
	}
	return dst
}

var hashGenitive = hashKey("'s")

// foldedWord makes the token of a word w = text[start:end] whose key differs
// from its text. A lexicon word's key is the lexicon's string; any other
// key waits in tz.folded until flush.
func (tz *tokenizer) foldedWord(w string, start, end int) token {
	from := len(tz.folded)
	tz.folded = appendFolded(tz.folded, w)
	key := tz.folded[from:]
	var id int32
	if len(key) <= packedMax {
		a, b := packBytes(key)
		id = tz.words.lookupPacked(a, b, len(key))
	} else {
		id = tz.words.lookup(string(key), hashBytes(key))
	}
	if id >= 0 {
		tz.folded = tz.folded[:from]
		return token{start: start, end: end, id: id, fold: tz.addKey(tz.words.words[id])}
	}
	fold := tz.addKey("")
	tz.pending = append(tz.pending, pendingKey{key: int(fold) - 1, from: from, to: len(tz.folded)})
	return token{start: start, end: end, id: -1, fold: fold}
}

// wordID returns the word id of text[i:j], or -1.
func (tz *tokenizer) wordID(text string, i, j int) int32 {
	if tz.words == nil {
		return -1
	}
	if j-i <= packedMax {
		a, b := pack(text, i, j)
		return tz.words.lookupPacked(a, b, j-i)
	}
	w := text[i:j]
	return tz.words.lookup(w, hashKey(w))
}

// id returns the word id of key, whose hash is h, or -1.
func (tz *tokenizer) id(key string, h uint32) int32 {
	if tz.words == nil {
		return -1
	}
	return tz.words.lookup(key, h)
}

// asciiWord reports an ASCII letter or digit.
func asciiWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Classes of Devanagari characters in devanagariClass.
const (
	devaWord = iota // a letter, mark or digit
	devaEnd         // a danda or the abbreviation sign: not part of a word
	devaFold        // the nukta or the chandrabindu: the word's key differs from its text
)

// devanagariClass classes U+0900–U+097F by the low seven bits of their code.
var devanagariClass = func() (c [128]uint8) {
	for _, r := range []rune{'\u0964', '\u0965', '\u0970'} {
		c[r-0x900] = devaEnd
	}
	for _, r := range []rune{'\u093C', '\u0901'} {
		c[r-0x900] = devaFold
	}
	return c
}()

// decodeRune is utf8.DecodeRuneInString(text[i:]) with byte-level fast
// paths for ASCII and Devanagari.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c == 0xE0 && i+2 < len(text) {
		if c1, c2 := text[i+1], text[i+2]; (c1 == 0xA4 || c1 == 0xA5) && c2&0xC0 == 0x80 {
			return 0x0900 | rune(c1&0x01)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isDevanagariRune reports a rune of the Devanagari block.
func isDevanagariRune(r rune) bool { return r >= 0x0900 && r <= 0x097F }

// foldsRune reports whether fold changes a word that contains r.
func foldsRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return r == '\u093C' || r == '\u0901' || (r < 0x900 && unicode.IsUpper(r))
}

// fold is the matching key of a word: lower case, chandrabindu as anusvara,
// no nukta — spellings news text mixes freely. Words that need no change (all
// of lower-case Latin and most Devanagari) are returned as they are, without
// allocating.
func fold(w string) string {
	change := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			change = true
			break
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(w[i:])
			if r == '\u093C' || r == '\u0901' || (r < 0x900 && unicode.IsUpper(r)) {
				change = true
				break
			}
			i += n - 1
		}
	}
	if !change {
		return w
	}
	return string(appendFolded(make([]byte, 0, len(w)), w))
}

// appendFolded appends the folded form of w to dst (see fold).
func appendFolded(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if c == 0xE0 && i+2 < len(w) && (w[i+1] == 0xA4 || w[i+1] == 0xA5) && w[i+2]&0xC0 == 0x80 {
			// Devanagari has no case: only the nukta and the
			// chandrabindu change.
			switch uint16(w[i+1])<<8 | uint16(w[i+2]) {
			case 0xA4BC: // U+093C nukta
			case 0xA481: // U+0901 chandrabindu
				dst = append(dst, 0xE0, 0xA4, 0x82)
			default:
				dst = append(dst, w[i:i+3]...)
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		switch {
		case r == '\u093C': // nukta
			continue
		case r == '\u0901': // chandrabindu
			r = '\u0902'
		default:
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func isWord(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= 0x0900 && r <= 0x097F: // Devanagari: all but the dandas and the abbreviation sign are word characters
		return r != '\u0964' && r != '\u0965' && r != '\u0970'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isDevanagari reports whether s holds a Devanagari character (U+0900–U+097F,
// encoded E0 A4 xx or E0 A5 xx).
func isDevanagari(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xE0 && (s[i+1] == 0xA4 || s[i+1] == 0xA5) && s[i+2]&0xC0 == 0x80 {
			return true
		}
	}
	return false
}
