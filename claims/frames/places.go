package frames

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/factdiff/factdiff/claims/normalize"
	"github.com/factdiff/factdiff/claims/value"
)

// isPlaceKind reports whether an entity kind can be where something happened.
func isPlaceKind(k string) bool {
	switch k {
	case "person", "organization":
		return false
	}
	return true
}

// appendPlaces appends the place entities of a sentence that can be an event's
// location: not a genitive modifier ("रूस के शहर …"), not a source ("… से"),
// not the container of a place that follows ("अमूर क्षेत्र में स्थित …"), not the
// seat of an institution ("बीजिंग में अपने दूतावास"). Unlisted names before a
// place noun ("… गांव में") become unknown places.
func (a *Assigner) appendPlaces(items []item, st *sentenceState, ents []Entity) []item {
	st.covered = zeroed(st.covered, len(st.toks))
	covered := st.covered
	for _, e := range ents {
		f, t := tokRange(st.toks, e.Start, e.End)
		if f < 0 {
			continue
		}
		for i := f; i < t; i++ {
			covered[i] = true
		}
		if e.Demonym || !isPlaceKind(e.Value.Kind) {
			continue
		}
		if a.startsHit(st, t, kRoadWord) {
			continue // "on Wardha Road": a road named after the town
		}
		if !a.locationPosition(st, f, t) {
			continue
		}
		v := st.newEntity(e.Value)
		items = append(items, item{from: f, to: t, start: e.Start, end: e.End, typ: value.TypePlace,
			val: value.Value{Entity: v}, display: v.Name, place: true, weak: e.Weak})
	}
	// Unknown names before a place noun that is followed by a locative.
	for _, h := range st.hits {
		if h.kind != kPlaceClass && h.kind != kFacility || h.from == 0 || h.to >= len(st.toks) {
			continue
		}
		w := h.from - 1
		// A venue named after a person ("गांधी मैदान", "Nehru Stadium") is
		// a name like any other before a facility noun.
		personVenue := h.kind == kFacility && covered[w] && personAt(st, ents, w)
		if covered[w] && !personVenue || st.mentionAt[w] || st.toks[w].punct || a.isFunctionWord(st, w) {
			continue // "आज शहर में": a time word, not a name
		}
		// "एक रिहायशी इलाके में": after an article the word is an adjective.
		if w > 0 && (st.key(w-1) == "एक" || st.key(w-1) == "a" || st.key(w-1) == "an" || st.key(w-1) == "किसी") {
			continue
		}
		// "14 गाड़ियां station पहुंचीं": a word after a number is what it counts.
		if w > 0 && st.mentionAt[w-1] {
			continue
		}
		after := h.to
		// "तारापुर औद्योगिक क्षेत्र (एमआईडीसी) में": skip a short parenthesis.
		if st.key(after) == "(" {
			for k := after + 1; k < len(st.toks) && k <= after+4; k++ {
				if st.key(k) == ")" {
					after = k + 1
					break
				}
			}
		}
		next := st.key(after)
		if next != "में" && next != "पर" && !a.isTriggerAt(st, after) && !(isUpperStart(st, w) && endsName(st, after)) {
			continue
		}
		tk := st.toks[w]
		key := st.key(w)
		latin := key != "" && key[0] < 0x80
		if latin && !isUpperStart(st, w) {
			continue
		}
		if !a.locationPosition(st, w, h.to) {
			continue
		}
		// A name of two words after a genitive, a frame word or a mark
		// ("मुंबई के एलफिंस्टन रोड स्टेशन", "ट्रेन पनो आकिल रेलवे स्टेशन पर");
		// elsewhere the word before is an adjective ("सबसे चर्चित सरदारशहर सीट").
		first := w
		if p := w - 1; p >= 1 && !covered[p] && !st.mentionAt[p] && !st.toks[p].punct && !a.isFunctionWord(st, p) &&
			!a.isTriggerAt(st, p) && (latin && isUpperStart(st, p) || !latin && !latinKey(st, p) && st.key(p) != "") &&
			(a.startsHit(st, p-1, kGenitive) || a.isTriggerAt(st, p-1) || st.toks[p-1].punct) {
			first = p
		}
		v := a.Unknown(st.text(first, w+1))
		// The genitive of a container, right before the name or one word
		// before it ("पटना के ऐतिहासिक गांधी मैदान").
		g := first - 1
		if g >= 2 && !a.startsHit(st, g, kGenitive) && a.startsHit(st, g-1, kGenitive) && !st.toks[g].punct {
			g--
		}
		if h.kind == kFacility && g >= 1 && a.startsHit(st, g, kGenitive) {
			// "मॉस्को के वनुकोवो हवाई अड्डे": an unlisted facility inside a
			// listed place is reported as the listed place, less precise but
			// comparable.
			k, ok := a.genitiveContainer(st, ents, g)
			if ok {
				v = k
			} else if personVenue || a.startsHit(st, h.from, kVenue) {
				continue
			}
		} else if personVenue || h.kind == kFacility && a.startsHit(st, h.from, kVenue) {
			// A ground or fair is often named after a person or a festival
			// ("गांधी मैदान", "कुंभ मेले"): without its city it names no place.
			continue
		} else if h.kind == kPlaceClass && first >= 2 && a.startsHit(st, first-1, kGenitive) {
			// "वायनाड जिले के मुंडक्कई गांव में": an unlisted village lies in
			// the listed district.
			if k, ok := a.genitiveContainer(st, ents, first-1); ok {
				placeWithin(&v, k)
			}
		}
		for k := first; k <= w; k++ {
			covered[k] = true
		}
		items = append(items, item{from: first, to: w + 1, start: st.toks[first].start, end: tk.end, typ: value.TypePlace,
			val: value.Value{Entity: st.newEntity(v)}, display: v.Name, place: true})
	}
	// Hindi: an unlisted name after a place noun and before a locative
	// ("बंदरगाह शहर अक्ताउ में", "गांव भौन में", "राजधानी खोवद में").
	for _, h := range st.hits {
		if h.kind != kPlaceClass && h.kind != kCapital || h.to+1 >= len(st.toks) {
			continue
		}
		w := h.to
		if covered[w] || st.mentionAt[w] || st.toks[w].punct || a.isFunctionWord(st, w) || a.startsHit(st, w, kPlaceClass) {
			continue
		}
		if key := st.key(w); key == "" || key[0] < 0x80 {
			continue
		}
		next := st.key(w + 1)
		if next != "में" && next != "पर" && !a.directTriggerAt(st, w+1) {
			continue
		}
		if !a.locationPosition(st, w, w+1) {
			continue
		}
		covered[w] = true
		tk := st.toks[w]
		v := a.Unknown(st.text(w, w+1))
		// "मंगोलिया की राजधानी खोवद में": the capital lies in the genitive's
		// place.
		if g := h.from - 1; g >= 1 && a.startsHit(st, g, kGenitive) {
			if k, ok := a.genitiveContainer(st, ents, g); ok && !k.Unknown {
				placeWithin(&v, k)
			}
		}
		items = append(items, item{from: w, to: w + 1, start: tk.start, end: tk.end, typ: value.TypePlace,
			val: value.Value{Entity: st.newEntity(v)}, display: v.Name, place: true})
	}
	// English: a capitalized name after "in"/"at" that no list knows
	// ("talks in Nusa Dua").
	for _, h := range st.hits {
		if h.kind != kLocBefore || !unknownAfter[st.key(h.from)] {
			continue
		}
		f := h.to
		if f < len(st.toks) && st.key(f) == "the" {
			f++
		}
		t := f
		for t < len(st.toks) && t < f+3 && !covered[t] && !st.mentionAt[t] && !st.toks[t].punct &&
			latinKey(st, t) && isUpperStart(st, t) && !a.isFunctionWord(st, t) && !st.personWord(t) {
			t++
		}
		// The name ends the phrase, or a place noun follows it ("in the
		// Tarapur industrial area").
		if t == f || !endsName(st, t) && !a.placeNounAfter(st, t) || !a.locationPosition(st, f, t) {
			continue
		}
		for i := f; i < t; i++ {
			covered[i] = true
		}
		v := a.Unknown(st.text(f, t))
		if k, ok := a.englishContainer(st, ents, t); ok {
			placeWithin(&v, k)
		}
		items = append(items, item{from: f, to: t, start: st.toks[f].start, end: st.toks[t-1].end, typ: value.TypePlace,
			val: value.Value{Entity: st.newEntity(v)}, display: v.Name, place: true})
	}
	a.nestUnlisted(st, items)
	return items
}

// placeNounAfter reports a place noun at token t that the name before it
// names ("the Tarapur industrial area", "Rampur village"), not one that
// names a place after it ("the Himalayan district of Uttarkashi").
func (a *Assigner) placeNounAfter(st *sentenceState, t int) bool {
	if a.startsHit(st, t, kFacility) {
		return true
	}
	if a.startsHit(st, t, kPlaceClass) {
		e := a.hitEnd(st, t, kPlaceClass)
		return e >= len(st.toks) || st.key(e) != "of"
	}
	return false
}

// maxNestGap bounds the tokens between a listed place and an unlisted one
// named after it that nestUnlisted puts inside it.
const maxNestGap = 8

// nestUnlisted puts an unlisted place that its clause names shortly after a
// listed one inside that place: "पालघर जिले में बोईसर के पास तारापुर
// एमआईडीसी में" names Tarapur in Palghar district.
func (a *Assigner) nestUnlisted(st *sentenceState, items []item) {
	for i := range items {
		u := items[i].val.Entity
		if !items[i].place || u == nil || !u.Unknown || len(u.WithinIDs) > 0 {
			continue
		}
		var best *value.Entity
		bestTo := -1
		for j := range items {
			k := items[j].val.Entity
			if !items[j].place || k == nil || k.Unknown || items[j].to > items[i].from || items[j].to <= bestTo ||
				items[i].from-items[j].to > maxNestGap || st.clause[items[j].from] != st.clause[items[i].from] {
				continue
			}
			best, bestTo = k, items[j].to
		}
		if best != nil {
			placeWithin(u, *best)
		}
	}
}

// placeWithin records that the unlisted place v lies in the listed place k,
// so that it compares as a more precise place inside k.
func placeWithin(v *value.Entity, k value.Entity) {
	v.Within = append([]string{k.Name}, k.Within...)
	v.WithinIDs = append([]string{k.ID}, k.WithinIDs...)
}

// genitiveContainer returns the listed place of the genitive that ends at
// token g (के, की, का): the place right before it, or before its place noun
// ("वायनाड के", "वायनाड जिले के").
func (a *Assigner) genitiveContainer(st *sentenceState, ents []Entity, g int) (value.Entity, bool) {
	end := g // the name may hold its place noun ("वायनाड जिले") or not
	if a.endsHit(st, g, kPlaceClass) {
		for i := g - 1; i >= 0 && i >= g-3; i-- {
			if a.startsHit(st, i, kPlaceClass) {
				end = i
				break
			}
		}
	}
	for _, e := range ents {
		if _, t := tokRange(st.toks, e.Start, e.End); (t == g || t == end) && isPlaceKind(e.Value.Kind) && !e.Demonym {
			return e.Value, true
		}
	}
	// An unlisted container named as one by its place noun: "बझांग जिले के".
	if n := end - 1; end < g && n >= 0 && !st.covered[n] && !st.mentionAt[n] && !st.toks[n].punct && !a.isFunctionWord(st, n) {
		if k := st.key(n); k != "" && (k[0] >= 0x80 || isUpperStart(st, n)) {
			return a.Unknown(st.text(n, end)), true
		}
	}
	return value.Entity{}, false
}

// maxNameList bounds the tokens of a list of further names that
// englishContainer reads past ("Mundakkai, Chooralmala and Meppadi").
const maxNameList = 8

// englishContainer returns the listed place that an unlisted English name
// ending before token t is said to lie in: "Mundakkai in Wayanad district",
// also after a list of further names ("at Mundakkai and Chooralmala in
// Wayanad").
func (a *Assigner) englishContainer(st *sentenceState, ents []Entity, t int) (value.Entity, bool) {
	j := t
	for j < len(st.toks) && j < t+maxNameList {
		k := st.key(j)
		if k == "," || a.conj[k] || (latinKey(st, j) && isUpperStart(st, j) && !a.isFunctionWord(st, j)) {
			j++
			continue
		}
		break
	}
	// "Chainpur, the headquarters of Bajhang district"
	if j+2 < len(st.toks) && st.key(j) == "the" && a.startsHit(st, j+1, kCapital) && st.key(a.hitEnd(st, j+1, kCapital)) == "of" {
		j = a.hitEnd(st, j+1, kCapital)
	} else if j >= len(st.toks) || st.key(j) != "in" {
		return value.Entity{}, false
	}
	j++
	if j < len(st.toks) && st.key(j) == "the" {
		j++
	}
	for _, e := range ents {
		if f, _ := tokRange(st.toks, e.Start, e.End); f == j && isPlaceKind(e.Value.Kind) && !e.Demonym {
			return e.Value, true
		}
	}
	// An unlisted container named as one by its place noun: "Chainpur in
	// Bajhang district".
	if j+1 < len(st.toks) && latinKey(st, j) && isUpperStart(st, j) && !a.isFunctionWord(st, j) && a.startsHit(st, j+1, kPlaceClass) {
		return a.Unknown(st.text(j, j+1)), true
	}
	return value.Entity{}, false
}

// newEntity returns a pointer to a copy of v, for a place item or an agent.
// Copies are carved from chunks shared by one Assign call, one allocation for
// several entities; a chunk is never reused, since assignments point into it.
func (st *sentenceState) newEntity(v value.Entity) *value.Entity {
	if len(st.places) == cap(st.places) {
		st.places = make([]value.Entity, 0, 8)
	}
	st.places = append(st.places, v)
	return &st.places[len(st.places)-1]
}

// unknownAfter are the prepositions after which an unlisted capitalized name
// is taken as a place.
var unknownAfter = map[string]bool{"in": true, "at": true, "near": true}

// nameEnders may follow a place name; anything else (a lower-case noun) makes
// the capitalized word an adjective ("at Hindu festivals").
var nameEnders = map[string]bool{"on": true, "in": true, "at": true, "for": true, "to": true, "with": true,
	"and": true, "after": true, "before": true, "during": true, "where": true, "when": true, "last": true,
	"this": true, "from": true, "earlier": true, "later": true, "since": true, "as": true, "but": true, "while": true}

// endsName reports whether token t may follow a place name.
func endsName(st *sentenceState, t int) bool {
	if t >= len(st.toks) || st.toks[t].punct {
		return true
	}
	return nameEnders[st.key(t)]
}

// locationPosition checks what surrounds a place in tokens [f, t).
func (a *Assigner) locationPosition(st *sentenceState, f, t int) bool {
	at := func(i int, k kind) bool { return i >= 0 && i < len(st.toks) && a.startsHit(st, i, k) }
	// "भारत-जापान", "Russia-Ukraine": a pair of names joined by a hyphen
	// qualifies a noun; it is not where something happened.
	if hyphenJoined(st, f, t) {
		return false
	}
	// Skip a place noun right after the name ("व्लादिवोस्तोक शहर में").
	n := t
	if at(n, kPlaceClass) {
		n = a.hitEnd(st, n, kPlaceClass)
	} else if at(n, kFacility) {
		n = a.hitEnd(st, n, kFacility) // "मॉस्को हवाई अड्डे पर"
	} else if at(n, kVenue) {
		n = a.hitEnd(st, n, kVenue) // "सोनपुर मेले में"
	}
	if n < len(st.toks) && st.key(n) == "'" {
		n++
	}
	// A short parenthesis after the name: "तारापुर औद्योगिक क्षेत्र (एमआईडीसी) में".
	if n < len(st.toks) && st.key(n) == "(" {
		for k := n + 1; k < len(st.toks) && k <= n+4; k++ {
			if st.key(k) == ")" {
				n = k + 1
				break
			}
		}
	}
	// A genitive after a Hindi name makes it a modifier ("रूस के शहर …"),
	// unless it begins a locative ("पुरी के पास"); English "X of Y" makes X
	// the more precise place.
	if at(n, kGenitive) && !at(n, kLocAfter) && !(n < len(st.toks) && st.key(n) == "of") || at(n, kSource) || at(n, kLocated) {
		return false
	}
	if a.endsHit(st, f, kSourceBefore) {
		return false // "from X", "bound for X"
	}
	// "a family from Howrah in West Bengal": the container of a place of
	// origin is one too.
	if f >= 3 && st.key(f-1) == "in" {
		k := f - 2
		for k >= 0 && latinKey(st, k) && isUpperStart(st, k) {
			k--
		}
		if k < f-2 && a.endsHit(st, k+1, kSourceBefore) {
			return false
		}
	}
	// "X में स्थित Y": X contains Y.
	if n+1 < len(st.toks) && (st.key(n) == "में" || st.key(n) == "in") && at(n+1, kLocated) {
		return false
	}
	// Institution after the locative: "बीजिंग में अपने दूतावास" — but not one
	// that a distance is measured from ("उत्तरकाशी जिले में जिला मुख्यालय से 45
	// किलोमीटर दूर").
	if n < len(st.toks) && (st.key(n) == "में" || st.key(n) == "स्थित") {
		for i := n + 1; i < len(st.toks) && i <= n+3; i++ {
			if at(i, kInstitution) && !a.referencePoint(st, i) {
				return false
			}
		}
	}
	// English: "embassy in Beijing", "Beijing embassy"; but a venue ("talks
	// at the Government Office in Hanoi") stands where the event happens.
	if f >= 2 && (st.key(f-1) == "in" || st.key(f-1) == "at") {
		for i := f - 2; i >= 0 && i >= f-3; i-- {
			if at(i, kInstitution) && !venueBefore(st, i) {
				return false
			}
		}
	}
	if at(t, kInstitution) || at(t, kBuilding) {
		return false
	}
	// Hindi: a locative or an arrival verb after the name; English: a
	// preposition of place before it.
	if at(n, kLocAfter) || a.directTriggerAt(st, n) {
		return true
	}
	// English: "in Kyoto", "at the Kremlin", "visit to Beijing", "in the
	// northern Indian city of Haridwar".
	b := f - 1
	// A verb of arriving or visiting takes its place as object: "reached
	// Khasan", "visited Agra".
	if b >= 0 && !st.devanagari && isLowerLatin(st, b) && a.directTriggerAt(st, b) {
		return true
	}
	// A possessive container: "in Uttarakhand's Pauri district", "in
	// Jharkhand state's Dhanbad district".
	if b >= 1 && st.key(b) == "'s" {
		b--
		if b >= 1 && isLowerLatin(st, b) && a.endsHit(st, b+1, kPlaceClass) {
			b-- // "state's"
		}
		for b > 0 && isUpperStart(st, b) && !st.toks[b-1].punct && isUpperStart(st, b-1) {
			b--
		}
		b--
	}
	// Skip up to two lower-case adjectives and an article: "in the hilly X".
	for k := 0; k < 2 && b > 0 && isLowerLatin(st, b) && !a.isFunctionWord(st, b) && !at(b, kLocBefore) && st.key(b) != "the" && st.key(b) != "of" && st.key(b) != "to"; k++ {
		b--
	}
	if b > 0 && (st.key(b) == "the" || st.key(b) == "a" || st.key(b) == "an") {
		b-- // "at the Kremlin", "at a Khabarovsk shipyard"
	}
	if b >= 1 && st.key(b) == "of" && at(b-1, kPlaceClass) {
		for k := b - 2; k >= 0 && k >= b-6; k-- {
			if at(k, kLocBefore) {
				return true
			}
		}
		return false
	}
	if b >= 0 && st.key(b) == "to" {
		// "to" names a destination only after a journey word: "visit to X".
		return b > 0 && a.directTriggerAt(st, b-1)
	}
	return b >= 0 && at(b, kLocBefore)
}

func (a *Assigner) startsHit(st *sentenceState, i int, k kind) bool {
	return i >= 0 && i < len(st.startMask) && st.startMask[i].has(k)
}

// endsHit reports a hit of kind k that ends right before token i.
func (a *Assigner) endsHit(st *sentenceState, i int, k kind) bool {
	return i >= 0 && i < len(st.endMask) && st.endMask[i].has(k)
}

func (a *Assigner) hitEnd(st *sentenceState, i int, k kind) int {
	end := i
	for _, h := range st.hits {
		if h.from == i && h.kind == k && h.to > end {
			end = h.to
		}
	}
	return end
}

// directTriggerAt reports a trigger at token i of a frame that takes a place
// without a postposition.
// One other frame word may stand between ("चंबा बस हादसे").
func (a *Assigner) directTriggerAt(st *sentenceState, i int) bool {
	for _, h := range st.hits {
		if h.kind != kTrigger || !a.frames[h.frame].Direct {
			continue
		}
		if h.from == i || h.from == i+1 && a.isTriggerAt(st, i) {
			return true
		}
	}
	return false
}

func (a *Assigner) isTriggerAt(st *sentenceState, i int) bool {
	return a.startsHit(st, i, kTrigger)
}

// referencePoint reports an institution at token i that something is
// measured from: "मुख्यालय से", "from the headquarters".
func (a *Assigner) referencePoint(st *sentenceState, i int) bool {
	for _, h := range st.hits {
		if h.kind == kInstitution && h.from == i {
			return a.startsHit(st, h.to, kSource)
		}
	}
	return false
}

// isFunctionWord reports lexicon words that never name a place: postpositions,
// cue words, pronouns and adjectives listed under not_names.
func (a *Assigner) isFunctionWord(st *sentenceState, i int) bool {
	for _, h := range st.hits {
		if h.from <= i && i < h.to && h.kind != kTrigger && h.kind != kRoadWord {
			return true
		}
	}
	return a.notNames[st.key(i)]
}

// hyphenJoined reports whether the name in tokens [f, t) is joined to another
// word by a hyphen without spaces ("भारत-जापान", "Russia-Ukraine").
func hyphenJoined(st *sentenceState, f, t int) bool {
	glue := func(h int) bool {
		return h > 0 && h+1 < len(st.toks) && st.key(h) == "-" &&
			st.toks[h-1].end == st.toks[h].start && st.toks[h].end == st.toks[h+1].start
	}
	return glue(f-1) || glue(t)
}

func isLowerLatin(st *sentenceState, i int) bool {
	c := st.src[st.toks[i].start]
	return c >= 'a' && c <= 'z'
}

func isUpperStart(st *sentenceState, i int) bool {
	c := st.src[st.toks[i].start]
	return c >= 'A' && c <= 'Z'
}

func (st *sentenceState) text(from, to int) string {
	return st.src[st.toks[from].start:st.toks[to-1].end]
}

// attribution finds who a sentence credits: an organization or person right
// before "के मुताबिक"/"ने बताया", or right after "according to".
func (a *Assigner) attribution(st *sentenceState, ents []Entity) (name, id string, org bool) {
	for _, h := range st.hits {
		switch h.kind {
		case kAttrBefore:
			end := h.from
			for end > 0 && st.toks[end-1].punct && (st.key(end-1) == "'" || st.key(end-1) == "\"") {
				end--
			}
			for _, e := range ents {
				if isPlaceKind(e.Value.Kind) {
					continue
				}
				_, t := tokRange(st.toks, e.Start, e.End)
				if t == end {
					return e.Value.Name, e.Value.ID, e.Value.Kind == "organization"
				}
			}
		case kAttrAfter:
			start := h.to
			if start < len(st.toks) && st.key(start) == "the" {
				start++
			}
			for _, e := range ents {
				if isPlaceKind(e.Value.Kind) {
					continue
				}
				f, _ := tokRange(st.toks, e.Start, e.End)
				if f == start {
					return e.Value.Name, e.Value.ID, e.Value.Kind == "organization"
				}
			}
		}
	}
	return "", "", false
}

// references resolves "इसी जगह"/"the same place" to the place the article
// named before for the frame of the clause, and "यहां"/"here" to the place
// of the dateline (ents are the sentence's entities).
func (a *Assigner) references(st *sentenceState, ents []Entity, items []item, out []Assignment) []Assignment {
	for _, h := range st.hits {
		if h.kind == kReferenceDay {
			out = a.dayReference(st, h, items, out)
			continue
		}
		if h.kind != kReference && h.kind != kReferenceHere {
			continue
		}
		it := item{from: h.from, to: h.to, start: st.toks[h.from].start, end: st.toks[h.to-1].end, typ: value.TypePlace, place: true}
		frame, conf := a.frameFor(st, &it, "place", a.typeIdx("place"))
		if frame < 0 {
			continue
		}
		c := st.clause[h.from]
		slot := a.location[frame]
		earlier := a.isEarlierRef(st, c)
		if earlier && a.frames[frame].Earlier != "" {
			slot = a.earlierLocation[frame]
		}
		phraseText := st.text(h.from, h.to)
		// "यहां", "here": the place of the dateline, unless this sentence
		// names a place below a country before it ("सरदारशहर सीट … यहां") or
		// the sentence before gave a location ("… पटना में रैली की। उन्होंने
		// यहां कहा").
		if h.kind == kReferenceHere && st.dateline != nil && !a.placeNamedBefore(st, ents, h.from) && !recentLocation(out, st.idx) &&
			datelineFits(out, st.dateline) {
			d := st.newEntity(*st.dateline)
			out = append(out, Assignment{
				Slot: slot, Type: value.TypePlace, Value: value.Value{Entity: d}, Display: d.Name,
				Start: it.start, End: it.end, Sentence: st.idx,
				Attribution: st.attr, AttributionID: st.attrID, Confidence: a.round2(conf * referenceMul), Earlier: earlier,
				Inferred: "“" + phraseText + "” is the place of the dateline, " + d.Name,
			})
			continue
		}
		// The referent: the latest location named before, of this frame first.
		var ref *Assignment
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].Type != value.TypePlace || out[i].Inferred != "" || out[i].Sentence == st.idx && out[i].Slot == slot {
				continue
			}
			if ref == nil || strings.HasPrefix(out[i].Slot, a.prefix[frame]) && !strings.HasPrefix(ref.Slot, a.prefix[frame]) {
				ref = &out[i]
			}
		}
		if ref == nil {
			continue
		}
		out = append(out, Assignment{
			Slot: slot, Type: value.TypePlace, Value: ref.Value, Display: ref.Display,
			Start: it.start, End: it.end, Sentence: st.idx,
			Attribution: st.attr, AttributionID: st.attrID, Confidence: a.round2(conf * referenceMul), Earlier: earlier,
			Inferred: "“" + phraseText + "” refers back to " + ref.Display + " (" + ref.Slot + ")",
		})
	}
	return out
}

func (a *Assigner) isEarlierRef(st *sentenceState, c int) bool {
	if st.hasHitIn(c, kEarlierClause) {
		return true
	}
	return a.hasPerfect(st, c) && st.years[c]
}

// derivedYears turns "4 साल पहले 2019" (N years before YEAR) into the year
// of the reported occurrence: YEAR + N.
func (a *Assigner) derivedYears(st *sentenceState, items []item, out []Assignment) []Assignment {
	for i, it := range items {
		if it.typ != value.TypeRelative || it.val.Time == nil || it.val.Time.Ambiguous {
			continue
		}
		n, unit, ok := parseRelative(it.val.Time.Relative)
		if !ok || unit != "year" || n >= 0 {
			continue
		}
		if i+1 >= len(items) || items[i+1].typ != value.TypeYear || items[i+1].from > it.to+1 || items[i+1].val.Time == nil {
			continue
		}
		year := items[i+1].val.Time.Year
		// The year's own slot tells which occurrence is meant.
		var base string
		for _, o := range out {
			if o.Start == items[i+1].start && o.Earlier {
				base = strings.SplitN(o.Slot, ".", 2)[0]
			}
		}
		if base == "" {
			continue
		}
		cur := a.currentOf(base)
		if cur == "" {
			continue
		}
		y := year - n
		out = append(out, Assignment{
			Slot: cur + ".year", Type: value.TypeYear, Value: value.Value{Time: &value.Time{Year: y}},
			Display: strconv.Itoa(y), Start: it.start, End: items[i+1].end, Sentence: st.idx,
			Attribution: st.attr, AttributionID: st.attrID, Confidence: confSentence,
			Inferred: st.src[it.start:items[i+1].end] + " → " + strconv.Itoa(y),
		})
	}
	return out
}

// currentOf names the frame whose earlier occurrence is called base.
func (a *Assigner) currentOf(base string) string {
	for _, f := range a.frames {
		if f.Earlier == base {
			return f.Name
		}
	}
	return ""
}

// parseRelative reads "-4 year" into (-4, "year"): exactly two fields
// separated by white space, the first an integer.
func parseRelative(s string) (int, string, bool) {
	num, rest := nextField(s)
	unit, rest := nextField(rest)
	if unit == "" {
		return 0, "", false
	}
	if extra, _ := nextField(rest); extra != "" {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(num, "+"))
	if err != nil {
		return 0, "", false
	}
	return n, unit, true
}

// nextField returns the first field of s as strings.Fields splits it and
// what follows the field.
func nextField(s string) (field, rest string) {
	start := -1
	for i, r := range s {
		space := unicode.IsSpace(r)
		if start < 0 && !space {
			start = i
		} else if start >= 0 && space {
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// maxDatelineSentence is how many body sentences from the top an article's
// dateline may stand in.
const maxDatelineSentence = 3

// entitiesBefore returns the entities from index from on that start before
// end.
func entitiesBefore(ents []Entity, from, end int) []Entity {
	to := from
	for to < len(ents) && ents[to].Start < end {
		to++
	}
	return ents[from:to:to]
}

// datelinePlace returns the place of a dateline at the start of sentence s:
// a place that opens the line and is followed by a colon, a dash, a bar or
// an agency in parentheses ("नई दिल्ली: …", "नई दिल्ली, 9 फरवरी (भाषा)।",
// "MUMBAI, Nov 15 (Reuters) -", "KYOTO, Japan —"), or one between the bars
// of a byline ("हिंदुस्तान ब्यूरो | नई दिल्ली | सोमवार").
func (a *Assigner) datelinePlace(in *Input, s normalize.Sentence, ents []Entity) *value.Entity {
	for i := range ents {
		e := &ents[i]
		if e.Demonym || !isPlaceKind(e.Value.Kind) || e.Value.Kind == "" || e.Start < s.Start || e.End > s.End {
			continue
		}
		before := strings.TrimSpace(in.Text[s.Start:e.Start])
		after := strings.TrimLeft(in.Text[e.End:s.End], " ")
		if after == "" {
			continue
		}
		barred := strings.HasSuffix(before, "|") && (after[0] == '|' || after[0] == ',')
		// "संवाद न्यूज एजेंसी, इटावा": a byline that ends with the place.
		bylined := strings.HasSuffix(before, ",") && a.hasBylineWord(before) && (after[0] == '|' || after[0] == ',' || after[0] == ':')
		if before != "" && !barred && !bylined {
			continue // only the first words of a line or a byline field
		}
		switch {
		case barred, bylined, after[0] == ':', after[0] == '|':
			return &e.Value
		case strings.HasPrefix(after, "—"), strings.HasPrefix(after, "–"), strings.HasPrefix(after, "- "):
			return &e.Value
		case after[0] == ',' || after[0] == '(':
			// "नई दिल्ली, 9 फरवरी (भाषा)", "MUMBAI, Nov 15 (Reuters) -":
			// an agency or a dash shortly after.
			head := after[:min(len(after), 80)]
			if strings.Contains(head, ")") || strings.Contains(head, "—") || strings.Contains(head, " - ") || a.hasBylineWord(head) {
				return &e.Value // "वाराणसी, मुख्य संवाददाता।"
			}
		}
	}
	return nil
}

// placeNamedBefore reports whether the sentence names a place below a
// country, or a place noun, before token i: "यहां" then refers to it, not to
// the dateline.
func (a *Assigner) placeNamedBefore(st *sentenceState, ents []Entity, i int) bool {
	for _, h := range st.hits {
		if h.kind == kPlaceClass && h.to <= i {
			return true
		}
	}
	for _, e := range ents {
		if e.Value.ID == st.dateline.ID {
			continue // the dateline itself: "हनोई, 14 अक्टूबर (भाषा) … यहां"
		}
		if f, _ := tokRange(st.toks, e.Start, e.End); f >= 0 && f < i && !e.Demonym && isPlaceKind(e.Value.Kind) && e.Value.Kind != "country" {
			return true
		}
	}
	return false
}

// recentLocation reports whether a place claim came from sentence idx or the
// one before it.
func recentLocation(out []Assignment, idx int) bool {
	for i := len(out) - 1; i >= 0 && out[i].Sentence >= idx-1; i-- {
		if out[i].Type == value.TypePlace {
			return true
		}
	}
	return false
}

// venueBefore reports whether "at" or "at the" (with up to one capitalized
// word of a name) stands before the institution noun at token i: the
// institution is where the event happens ("at the Government Office").
func venueBefore(st *sentenceState, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch st.key(j) {
		case "at":
			return true
		case "the":
			continue
		}
		if !isUpperStart(st, j) {
			return false
		}
	}
	return false
}

// hasBylineWord reports whether text holds a word of a byline ("संवाददाता",
// "ब्यूरो", "एजेंसी", "correspondent").
func (a *Assigner) hasBylineWord(text string) bool {
	for _, w := range a.bylineWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// datelineFits reports whether a place the article has given so far lies in
// the dateline's country (or none has been given): a report filed from a New
// Delhi bureau about talks in Kazakhstan, or in a place no list knows, does
// not mean Delhi by "यहां".
func datelineFits(out []Assignment, dateline *value.Entity) bool {
	if len(dateline.WithinIDs) == 0 {
		return true
	}
	country := dateline.WithinIDs[0]
	seen := false
	for _, g := range out {
		e := g.Value.Entity
		if g.Type != value.TypePlace || e == nil {
			continue
		}
		seen = true
		if e.ID == dateline.ID || e.ID == country || slices.Contains(e.WithinIDs, country) || slices.Contains(dateline.WithinIDs, e.ID) {
			return true
		}
	}
	return !seen
}

// personAt reports whether a person's name covers token i.
func personAt(st *sentenceState, ents []Entity, i int) bool {
	for _, e := range ents {
		if f, t := tokRange(st.toks, e.Start, e.End); f <= i && i < t && e.Value.Kind == "person" {
			return true
		}
	}
	return false
}

// dayReference resolves a word that refers back to a day ("उसी रात", "the
// same day") to the latest weekday read before it — in its sentence, else in
// the claims before — for the frame of its own clause: "गुरुवार को …
// संबोधित करेंगे और उसी रात स्वदेश रवाना हो जाएंगे" gives the departure
// Thursday.
func (a *Assigner) dayReference(st *sentenceState, h hit, items []item, out []Assignment) []Assignment {
	ti := a.typeIdx(string(value.TypeWeekday))
	it := item{from: h.from, to: h.to, start: st.toks[h.from].start, end: st.toks[h.to-1].end, typ: value.TypeWeekday}
	frame, conf := a.frameFor(st, &it, string(value.TypeWeekday), ti)
	if frame < 0 {
		return out
	}
	slot := a.slots[frame][ti].full
	for _, r := range out {
		if r.Slot == slot && r.Sentence == st.idx {
			return out // the clause's frame has its day already
		}
	}
	ref, ok := a.referredDay(st, h, items, out)
	if !ok {
		return out
	}
	c := st.clause[h.from]
	return append(out, Assignment{
		Slot: slot, Type: value.TypeWeekday, Value: ref.Value, Display: ref.Display,
		Start: it.start, End: it.end, Sentence: st.idx,
		Attribution: st.attr, AttributionID: st.attrID, Confidence: a.round2(conf * referenceMul),
		Expected: st.future[c] || st.forecst[c],
		Inferred: "“" + st.text(h.from, h.to) + "” refers back to " + ref.Display,
	})
}

// referredDay returns the weekday a day reference at h points back to: the
// last one of its sentence before it, else the last one claimed in this
// sentence or the one before (not inferred, not of an earlier occurrence).
func (a *Assigner) referredDay(st *sentenceState, h hit, items []item, out []Assignment) (Assignment, bool) {
	for i := len(items) - 1; i >= 0; i-- {
		if w := items[i]; w.typ == value.TypeWeekday && w.to <= h.from {
			return Assignment{Value: w.val, Display: w.display}, true
		}
	}
	for i := len(out) - 1; i >= 0; i-- {
		if r := out[i]; r.Type == value.TypeWeekday && r.Inferred == "" && !r.Earlier && r.Sentence >= st.idx-1 {
			return r, true
		}
	}
	return Assignment{}, false
}
