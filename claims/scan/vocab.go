package scan

// vocab interns every token key of the lexicon as a small integer id. The
// scanner looks each token of the text up once, folding ASCII capitals on the
// fly instead of lowering a copy of the text, and then compares ids instead
// of strings. Id 0 stands for every token that is no lexicon key.
//
// Short keys (most words) are packed into a number (see packKey) and found
// in a table of numbers; the few longer keys are hashed as strings.
type vocab struct {
	keys []string         // id → key; keys[0] is unused
	ids  map[string]int32 // key → id, while the lexicon is built

	// packedKeys and packedIDs are an open addressing table of packed keys
	// (power-of-two length, id 0 for an empty slot), kept apart so that a
	// probe reads little memory.
	packedKeys  []uint64
	packedIDs   []int32
	packedShift uint // 64 - log2(len(packedKeys))
	// packedCues repeat the cue of each slot's key (see lex), so that a
	// token's lookup ends with loads that do not wait for each other.
	packedCues []cueFlags

	slots  []vocabSlot // open addressing table of the other keys, power-of-two length
	maxLen int         // length of the longest of the other keys in bytes
}

// vocabSlot is one slot of the table of string keys: the high half of the
// key's hash and its id (0 for an empty slot).
type vocabSlot struct {
	tag uint32
	id  int32
}

func newVocab() *vocab {
	return &vocab{keys: []string{""}, ids: make(map[string]int32)}
}

// intern returns the id of key, adding it when it is new. Keys are lexicon
// keys: Latin words already lowered.
func (v *vocab) intern(key string) int32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := int32(len(v.keys))
	v.keys = append(v.keys, key)
	v.ids[key] = id
	v.slots, v.packedKeys, v.packedIDs = nil, nil, nil
	return id
}

// tableSize returns a power of two at least twice n.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// seal builds the lookup tables; call it after the last intern.
func (v *vocab) seal() {
	var short, long []int32
	for id := 1; id < len(v.keys); id++ {
		if _, ok := packKey(v.keys[id]); ok {
			short = append(short, int32(id))
		} else {
			long = append(long, int32(id))
		}
	}

	// Up to two thirds full: short probes in a table small enough for the
	// cache.
	n := 16
	for 2*n < 3*len(short) {
		n *= 2
	}
	v.packedKeys, v.packedIDs = make([]uint64, n), make([]int32, n)
	v.packedShift = 64
	for m := n; m > 1; m >>= 1 {
		v.packedShift--
	}
	mask := uint64(n - 1)
	for _, id := range short {
		k, _ := packKey(v.keys[id])
		i := v.packedIndex(k)
		for v.packedIDs[i] != 0 {
			i = (i + 1) & mask
		}
		v.packedKeys[i], v.packedIDs[i] = k, id
	}

	n = tableSize(len(long))
	v.slots = make([]vocabSlot, n)
	mask = uint64(n - 1)
	v.maxLen = 0
	for _, id := range long {
		key := v.keys[id]
		v.maxLen = max(v.maxLen, len(key))
		h := hashKey(key, false)
		i := h & mask
		for v.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = vocabSlot{tag: uint32(h >> 32), id: id}
	}
}

// packedIndex is the home slot of a packed key.
func (v *vocab) packedIndex(k uint64) uint64 {
	return (k * hashMul) >> v.packedShift
}

// find returns the id of the key s, or 0. With fold, ASCII capitals in s
// match the lowered key.
func (v *vocab) find(s string, fold bool) int32 {
	if k, ok := packKey(s); ok {
		return v.findPacked(k)
	}
	return v.findString(s, fold)
}

// findPacked returns the id of the key packed as k, or 0.
func (v *vocab) findPacked(k uint64) int32 {
	return v.packedIDs[v.packedSlot(k)]
}

// packedSlot returns the slot of the key packed as k, or the empty slot
// where its search ends.
func (v *vocab) packedSlot(k uint64) uint64 {
	keys := v.packedKeys
	ids := v.packedIDs[:len(keys)]
	for i := v.packedIndex(k); ; i++ {
		i &= uint64(len(keys) - 1)
		if keys[i] == k || ids[i] == 0 {
			return i
		}
	}
}

// setSlotInfo copies the cues of the keys, by id, to the slots of the
// table of packed keys.
func (v *vocab) setSlotInfo(cues []cueFlags) {
	v.packedCues = make([]cueFlags, len(v.packedKeys))
	for i, id := range v.packedIDs {
		v.packedCues[i] = cues[id]
	}
}

// findString returns the id of a key that packKey cannot pack, or 0.
func (v *vocab) findString(s string, fold bool) int32 {
	if len(s) == 0 || len(s) > v.maxLen {
		return 0
	}
	h := hashKey(s, fold)
	tag := uint32(h >> 32)
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := v.slots[i]
		if sl.id == 0 {
			return 0
		}
		if sl.tag == tag && equalKey(v.keys[sl.id], s, fold) {
			return sl.id
		}
	}
}

// packASCII returns the bytes of s, one to eight of them, little-endian in
// a number, with ASCII capitals lowered.
func packASCII(s string) uint64 {
	n := len(s)
	var w uint64
	switch {
	case n == 8:
		w = load64(s, 0)
	case n >= 4:
		// Two overlapping loads; the shared bytes agree.
		w = load32(s, 0) | load32(s, n-4)<<(8*(n-4))
	default:
		w = uint64(s[0]) | uint64(s[n>>1])<<(8*(n>>1)) | uint64(s[n-1])<<(8*(n-1))
	}
	return foldWord(w)
}

// packKey packs a short token into a number that identifies it: up to
// eight ASCII bytes as they are, capitals lowered, or up to eight runes of
// the Devanagari block U+0900–U+097F as one byte each (0x80 | the rune's
// offset in the block). The two forms never collide, ASCII bytes being below
// 0x80, and only a token of one NUL byte packs to 0. It reports false for
// every other token.
func packKey(s string) (uint64, bool) {
	n := len(s)
	switch {
	case n == 0:
		return 0, false
	case s[0] < 0x80:
		if n > 8 {
			return 0, false
		}
		w := packASCII(s)
		if w&bytes80 != 0 {
			return 0, false
		}
		return w, true
	case s[0] == 0xE0 && n <= 24 && n%3 == 0:
		var k uint64
		for i := 0; i < n; i += 3 {
			if s[i] != 0xE0 || s[i+1]&^1 != 0xA4 || s[i+2]&0xC0 != 0x80 {
				return 0, false
			}
			k = k<<8 | 0x80 | uint64(s[i+1]&1)<<6 | uint64(s[i+2]&0x3F)
		}
		return k, true
	}
	return 0, false
}

// equalKey reports whether text s is the lowered key; with fold, ASCII
// capitals in s are lowered first.
func equalKey(key, s string, fold bool) bool {
	if !fold {
		return key == s
	}
	return len(key) == len(s) && hasPrefixFold(s, key)
}

// hasPrefixFold reports whether s starts with the lowered word w, ignoring
// the case of ASCII letters in s.
func hasPrefixFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

const (
	bytes01 = 0x0101010101010101
	bytes7F = 0x7F7F7F7F7F7F7F7F
	bytes80 = 0x8080808080808080
	hashMul = 0x9E3779B97F4A7C15
)

// foldWord lowers the ASCII capitals among the eight bytes of w and leaves
// every other byte alone.
func foldWord(w uint64) uint64 {
	low7 := w & bytes7F
	atLeastA := low7 + (0x80-'A')*bytes01      // high bit set where the byte is ≥ 'A'
	aboveZ := low7 + (0x80-'Z'-1)*bytes01      // high bit set where the byte is > 'Z'
	upper := atLeastA &^ aboveZ &^ w & bytes80 // and the byte is ASCII
	return w | upper>>2
}

// load64 reads eight bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// load32 reads four bytes of s at i, little-endian.
func load32(s string, i int) uint64 {
	b := s[i : i+4]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
}

// hashKey hashes s; with fold, ASCII capitals hash as the lowercase
// letters, so a word hashes like its lowered key. It reads at most the first
// and the last eight bytes: the table compares whole keys anyway.
func hashKey(s string, fold bool) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(s, 0), load64(s, n-8)
	case n >= 4:
		a, b = load32(s, 0), load32(s, n-4)
	case n > 0:
		a = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	}
	if fold {
		a, b = foldWord(a), foldWord(b)
	}
	h := (a^0x2D358DCCAA6C78A5)*hashMul ^ (b^uint64(n))*0xBF58476D1CE4E5B9
	h ^= h >> 31
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return h
}
