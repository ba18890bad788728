// Package gazetteer knows places, people and organizations by the many ways
// news writes their names — Hindi spellings (वोस्तोचनी / वोस्तोचन कॉस्मोड्रोम,
// व्लदिवोस्तोक / व्लादिवोस्तोक, किम जोंग उन / किमजोंग उन), English names and
// Latin names inside Hindi text — and which places contain which (Vostochny
// Cosmodrome ⊂ Amur Oblast ⊂ Russian Far East ⊂ Russia), so that two reports
// naming a place at different precision are told apart from two reports
// naming different places.
//
// # Matching
//
// Find scans normalized text (see package normalize) with a token trie built
// once over the folded keys of every spelling (see Key): at each word the
// longest known name wins, names match whole words only, a word break inside
// a name may be missing in the text, and a place designator of the entry's
// kind may follow the name and belongs to the mention ("अमूर क्षेत्र",
// "पटना शहर", "Amur Oblast"). Hindi postpositions (का, के, में, से, …) are
// separate words and never part of a name.
//
// Country adjectives (रूसी, चीनी, Russian) match with Match.Demonym set: they
// say who someone is ("रूसी राष्ट्रपति"), not where something happened.
// Low-priority spellings (Entry.Weak, such as "किम" alone for Kim Jong Un)
// match with Match.Weak set. Spellings that are also common words
// (Entry.Guarded, such as the district "गया", also "went") match only with a
// designator after them ("गया जिले"). Latin acronyms of up to three letters
// written in capitals ("US", "AP", "UN") match only in capitals.
//
// The Kremlin is a site (the Moscow Kremlin, within Moscow) whose role names
// the Russian presidency; "क्रेमलिन के प्रवक्ता" thus resolves to a place, and
// callers that want a source treat a site with a role as one.
//
// # Data
//
// Entries live in embedded YAML files under data/ in the sections places:,
// people: and organizations:, and users add or extend entries with the same
// sections in a --lexicon file. countries.yaml is generated from CLDR by
// gen_countries.go; everything else is written by hand.
//
// It is not for deciding which role a name plays in a sentence (the frame
// stage does that), nor for judging whether two reports agree (the comparator
// does that with Within and Disjoint).
package gazetteer
