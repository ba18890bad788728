// Package compare lines up the facts (claims) that several articles state
// about one story and judges them as a careful fact-checker would: which
// sources agree, which are only less precise, which contradict each other,
// and which stand alone — each verdict with its evidence sentences and a note
// in words.
//
// # Alignment
//
// Claims are grouped by slot ("meeting.location"). Within one article, claims
// of a slot that fit together merge first: the same value twice, or a region
// and the place inside it, count once, represented by the most precise and
// most confident claim. Values of one article that cannot both be true make
// the article contradict itself, and the finding says so — unless other
// articles confirm one of them and none confirms the other: then the
// unconfirmed one most likely concerns something else (the day the injured
// died, not the day of the accident) and is set aside with a note. Across articles,
// values that are the same (one place id, one date, quantities equal in base
// units up to Options.Same) form one value; values that fit together form
// one set; two or more sets are a conflict.
//
// # Compatibility
//
//   - Quantities compare as intervals in base units (seconds, km/h, metres,
//     counts): "about" widens by Options.Tolerance on each side; bounds make
//     half-open intervals ("≤ 59 km/h" fits "~60 km/h", not "80 km/h");
//     units convert (127 mi is 204 km), and a value converted between
//     imperial and metric units and rounded is the same value when it lies
//     within half a unit of its last written digit (60 mph and 96 km/h).
//     Exact values that miss each other
//     by no more than Options.MinorGap are a minor conflict (118 vs 120 km/h).
//     Sets of quantities are found by sweeping the sorted intervals.
//   - Places compare by gazetteer id: the same id agrees, a place inside
//     another (its within chain) is compatible, other places conflict. Names
//     not in the gazetteer ("unknown:KEY") compare by their key; one the text
//     puts inside a listed place ("Mundakkai in Wayanad district") carries
//     that place's chain and compares like a listed place, and a conflict
//     involving any other is minor.
//   - Times compare by the parts both give (year, month, day, weekday; a full
//     date gives its weekday); relative expressions ("-1 day") are resolved
//     against the article's publication date when it is known.
//   - Quotes of one speaker are aligned by shared words; the same words up to
//     punctuation and spelling (nukta, anusvara, vowel length) agree, an
//     excerpt is compatible, other words are a minor conflict with a word diff.
//
// Forecasts (Claim.Expected) never conflict with reports. Claims below
// Options.LowConfidence count less: an article's low-confidence reading that
// conflicts with its confident one is set aside, and a conflict resting only
// on such readings is minor.
//
// # Independence and occurrences
//
// Articles that share text word for word (from shingle fingerprints, through
// an inverted index) are listed in Source.SharesTextWith, and a group counts
// such copies once in Group.Independent. Articles are grouped into
// occurrences (Report.Events) by the years their claims allow: the year of
// the reported event pins it, a fact recalled as past (Claim.Earlier) means
// the occurrence is that year or later, the publication date means it is
// that year or earlier. A conflict between articles about different
// occurrences is marked DifferentEvent.
//
// The result does not depend on the order of the documents or claims.
//
// It is not for reading claims out of text (package claims) nor for printing
// reports (package compare/report).
package compare
