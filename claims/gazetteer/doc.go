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
// once over the folded spellings of every entry (see Key for the folding).
// At each word the longest known name wins ("उत्तर कोरिया" before "कोरिया",
// "किम जोंग उन" before "किम"); names match whole words only; a word break
// inside a name may be missing in the text ("किमजोंग उन"); and a designator
// of the entry's kind may follow a place name and belongs to the mention
// ("अमूर क्षेत्र", "पटना शहर", "गया जिले", "Amur Oblast"). Hindi
// postpositions (का, के, में, से, …) are separate words and never part of a
// name.
//
// Find reads the text once, word by word, folding letters through tables
// for ASCII and Devanagari and only as far as the trie walk from a word's
// first letter goes; the rest of a word that starts no name is skipped
// without folding. Its cost grows with the text, not with the number of
// entries.
//
// Some spellings need more than the name itself:
//
//   - Country adjectives (रूसी, चीनी, Russian) match with Match.Demonym set:
//     they say who someone is ("रूसी राष्ट्रपति"), not where something
//     happened.
//   - Weak spellings (Entry.Weak) match with Match.Weak set and lose any key
//     another entry claims: "किम" alone is Kim Jong Un, but only weakly, since
//     it may be Kim Yo Jong; "शी" is Xi Jinping; "पाक" is Pakistan.
//   - A name that one entry has as a name and others as a weak spelling is
//     ambiguous, and the places mentioned before it decide: the nearest one
//     that contains or lies in exactly one reading picks it ("महाराष्ट्र के
//     रायगढ़" is Raigad, "रायगढ़" alone or "छत्तीसगढ़ के रायगढ़" is Raigarh;
//     "Atlanta, Georgia" is the US state, "Georgia" alone the country).
//   - Guarded spellings (Entry.Guarded) are also common words — the district
//     "गया" is "went", "सागर" is "ocean" — and match only with a designator
//     ("गया जिले"), after a region or city that contains them and a link word
//     ("बिहार के गया"), or right before a place that contains them ("सागर
//     (मध्य प्रदेश)").
//   - Latin spellings match only capitalized as in the data ("Erode", not
//     "erode"); acronyms of up to three letters only in capitals ("US", not
//     "us"); and capitalized names of up to three letters only so ("Xi", not
//     the numeral "XI").
//
// The Kremlin is a site (the Moscow Kremlin, within Moscow) whose role names
// the Russian presidency; "क्रेमलिन के प्रवक्ता" thus resolves to a place, and
// callers that want a source may take a site with a role as one. The White
// House and the Pentagon are sites in the same way.
//
// # Containment
//
// Places list the places that directly contain them; Chain walks outward,
// Within and Disjoint answer whether two places are compatible. A place may
// sit in two containers (Russia is in Europe and Asia; Jerusalem is listed in
// Israel and in the Palestinian territories), so Within is true if any path
// leads there.
//
// # Data
//
// Entries live in embedded YAML files under data/ in the sections places:,
// people: and organizations:, with the designators: and place_links:
// sections for the words around names. Users add or extend entries with the
// same sections in a --lexicon file. countries.yaml is generated from CLDR
// by gen_countries.go; the other files are written by hand.
//
// It is not for deciding which role a name plays in a sentence (the frame
// stage does that), nor for judging whether two reports agree (the comparator
// does that with Within and Disjoint).
package gazetteer
