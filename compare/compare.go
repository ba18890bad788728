package compare

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factdiff/factdiff/claims"
)

// Document is one article to compare: its description, its claims and the
// fingerprint of its text.
type Document struct {
	Source Source
	Claims []claims.Claim
	// Fingerprint is shingle.Fingerprint of the article's normalized text;
	// nil when comparing stored claims without text.
	Fingerprint []uint64
}

// Options tune what counts as agreement. DefaultOptions gives the defaults;
// zero fields other than Tolerance, SplitEvents and ReleaseFingerprints take
// their defaults too.
type Options struct {
	// Tolerance widens approximate quantities ("about 60 km/h") by this
	// share on each side before intervals are compared. Default 0.10.
	Tolerance float64
	// MinorGap is the largest gap, as a share of the larger value, between
	// quantities that do not overlap for the conflict to be minor (118 vs
	// 120 km/h). Default 2 × Tolerance.
	MinorGap float64
	// Same is the relative difference up to which two quantities are one
	// value (rounding in unit conversion: 127 mi and 204 km). Default 0.005.
	Same float64
	// LowConfidence is the confidence below which a claim counts less: an
	// article's low-confidence reading that conflicts with its confident one
	// is set aside, and a conflict resting only on such readings is minor.
	// Default 0.5.
	LowConfidence float64
	// QuoteSimilarity is the share of words two quotes of one speaker must
	// share (of the shorter quote's words) to be compared as one quote.
	// Default 0.5.
	QuoteSimilarity float64
	// ShareThreshold is the share of an article's text found in another
	// above which the two are reported as sharing text. Default 0.1.
	ShareThreshold float64
	// MaxShareDocs skips text that appears in more articles than this when
	// looking for shared text: boilerplate, not copying. Default 1000.
	MaxShareDocs int
	// MaxSharesListed caps Source.SharesTextWith to the articles that hold
	// most of a source's text. Default 20.
	MaxSharesListed int
	// SplitEvents compares the articles of each occurrence separately.
	SplitEvents bool
	// ReleaseFingerprints lets Compare clear the Fingerprint of the
	// documents it is given once it has found the shared text, so that a
	// large comparison does not hold them to the end; for callers that do
	// not use the documents again.
	ReleaseFingerprints bool
	// Lexicon holds slot labels, frames and central slots; nil means the
	// embedded data.
	Lexicon *Lexicon
	// Jobs is the number of goroutines that find shared text and judge
	// slots; 0 means GOMAXPROCS. The report is the same for any number.
	Jobs int
}

// DefaultOptions returns the default options.
func DefaultOptions() Options {
	return Options{Tolerance: 0.10, MinorGap: 0.20, Same: 0.005, LowConfidence: 0.5,
		QuoteSimilarity: 0.5, ShareThreshold: 0.1, MaxShareDocs: 1000, MaxSharesListed: 20}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Tolerance < 0 {
		o.Tolerance = 0
	}
	if o.MinorGap <= 0 {
		o.MinorGap = 2 * o.Tolerance
	}
	if o.Same <= 0 {
		o.Same = d.Same
	}
	if o.LowConfidence <= 0 {
		o.LowConfidence = d.LowConfidence
	}
	if o.QuoteSimilarity <= 0 {
		o.QuoteSimilarity = d.QuoteSimilarity
	}
	if o.ShareThreshold <= 0 {
		o.ShareThreshold = d.ShareThreshold
	}
	if o.MaxShareDocs <= 0 {
		o.MaxShareDocs = d.MaxShareDocs
	}
	if o.MaxSharesListed <= 0 {
		o.MaxSharesListed = d.MaxSharesListed
	}
	if o.Lexicon == nil {
		o.Lexicon = DefaultLexicon()
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}
	return o
}

// doc is a Document prepared for comparison.
type doc struct {
	src    Source
	claims []*claims.Claim
	fp     []uint64
	pub    time.Time
	event  int
	short  string
	// partners are the articles it shares text with, either way (the
	// strongest maxPartners).
	partners []int32
}

type comparer struct {
	opt   Options
	lex   *Lexicon
	docs  []*doc
	index map[string]int // source id → doc
	pos   []int32        // scratch: doc → position in a group, or -1
}

// Compare lines up the claims of docs by slot and judges each slot: agree,
// compatible (differing in precision), conflict or single. It also finds
// articles that share text and groups articles into occurrences. The result
// does not depend on the order of docs or of their claims.
func Compare(docs []Document, opt Options) *Report {
	opt = opt.withDefaults()
	c := &comparer{opt: opt, lex: opt.Lexicon, index: map[string]int{}}
	c.prepareDocs(docs)
	c.findShares()
	for _, d := range c.docs {
		d.fp = nil
	}
	if opt.ReleaseFingerprints {
		for i := range docs {
			docs[i].Fingerprint = nil
		}
	}

	all := make([]int, len(c.docs))
	for i := range all {
		all[i] = i
	}
	results := c.analyze(all)
	events := c.clusterEvents(results)

	rep := &Report{Sources: make([]Source, len(c.docs)), Findings: []Finding{}, Events: events}
	for i, d := range c.docs {
		rep.Sources[i] = d.src
		rep.Sources[i].Event = d.event
	}
	if opt.SplitEvents && len(events) > 1 {
		for e, ev := range events {
			var members []int
			for _, id := range ev.Sources {
				members = append(members, c.index[id])
			}
			slices.Sort(members)
			for _, r := range c.analyze(members) {
				r.finding.Event = &e
				rep.Findings = append(rep.Findings, r.finding)
			}
		}
	} else {
		for _, r := range results {
			c.markDifferentEvent(r)
			rep.Findings = append(rep.Findings, r.finding)
		}
	}
	slices.SortStableFunc(rep.Findings, c.cmpFindings)
	return rep
}

func (c *comparer) prepareDocs(in []Document) {
	c.docs = make([]*doc, len(in))
	for i := range in {
		d := &in[i]
		pd := &doc{src: d.Source, fp: d.Fingerprint}
		pd.src.Claims = len(d.Claims)
		pd.src.SharesTextWith = nil
		pd.src.Event = 0
		pd.pub = parsePublished(d.Source.Published)
		pd.claims = make([]*claims.Claim, len(d.Claims))
		for j := range d.Claims {
			pd.claims[j] = &d.Claims[j]
		}
		slices.SortStableFunc(pd.claims, cmpClaims)
		c.docs[i] = pd
	}
	slices.SortStableFunc(c.docs, func(a, b *doc) int {
		return cmp.Or(strings.Compare(a.src.ID, b.src.ID), strings.Compare(a.src.Path, b.src.Path),
			strings.Compare(a.src.Title, b.src.Title), len(a.claims)-len(b.claims), len(a.fp)-len(b.fp))
	})
	// Ids must tell articles apart: a repeated id (two folders with a file
	// of the same name) gets "#2", "#3" in path order.
	seen := map[string]int{}
	for _, d := range c.docs {
		seen[d.src.ID]++
	}
	nth := map[string]int{}
	for i, d := range c.docs {
		if seen[d.src.ID] > 1 {
			nth[d.src.ID]++
			if k := nth[d.src.ID]; k > 1 {
				id := fmt.Sprintf("%s#%d", d.src.ID, k)
				for seen[id] > 0 { // the new id is taken too
					id += "'"
				}
				seen[id] = 1
				d.src.ID = id
			}
		}
		c.index[d.src.ID] = i
	}
	c.shortNames()
}

func cmpClaims(a, b *claims.Claim) int {
	return cmp.Or(a.Start-b.Start, a.End-b.End, strings.Compare(a.Slot, b.Slot),
		strings.Compare(string(a.Type), string(b.Type)), strings.Compare(a.Display, b.Display),
		strings.Compare(a.Text, b.Text), cmpFloat(a.Confidence, b.Confidence), cmpBool(a.Expected, b.Expected))
}

// parsePublished reads a publication date: RFC 3339 or a date first.
func parsePublished(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// slotKey separates values of one slot that cannot be compared: places from
// numbers, durations from counts, quotes of different speakers.
type slotKey struct {
	slot string
	fam  family
	sub  string
}

// analyze judges every slot over the given articles (indices, sorted).
func (c *comparer) analyze(members []int) []*slotResult {
	// Claims are grouped by slot key first (keyOf, which builds no value)
	// and prepared one slot at a time, so that the prepared values of only
	// one slot per worker are kept at once.
	type claimRef struct {
		c   *claims.Claim
		doc int
	}
	bySlot := map[slotKey][]claimRef{}
	for _, di := range members {
		d := c.docs[di]
		for _, cl := range d.claims {
			if cl.Slot == "" {
				continue
			}
			fam, sub, ok := keyOf(cl)
			if !ok {
				continue
			}
			k := slotKey{cl.Slot, fam, sub}
			bySlot[k] = append(bySlot[k], claimRef{cl, di})
		}
	}
	keys := make([]slotKey, 0, len(bySlot))
	for k := range bySlot {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b slotKey) int {
		return cmp.Or(strings.Compare(a.slot, b.slot), int(a.fam)-int(b.fam), strings.Compare(a.sub, b.sub))
	})
	// Slots are judged in parallel, each worker on a copy of the comparer
	// with its own scratch; results keep the order of the keys.
	res := make([][]*slotResult, len(keys))
	parallel(len(keys), c.opt.Jobs, func() func(int) {
		w := c.worker()
		return func(i int) {
			k := keys[i]
			refs := bySlot[k]
			vals := make([]*val, 0, len(refs))
			for _, r := range refs {
				v, _ := prepare(r.c, r.doc, c.docs[r.doc].pub, &c.opt)
				vals = append(vals, v)
			}
			if k.fam == famQuote {
				res[i] = w.analyzeQuotes(k.slot, vals)
			} else {
				res[i] = w.analyzeSlot(k.slot, vals)
			}
		}
	})
	var out []*slotResult
	for _, r := range res {
		out = append(out, r...)
	}
	return out
}

// worker returns a copy of c with scratch of its own, for one goroutine.
func (c *comparer) worker() *comparer {
	w := *c
	if c.pos != nil {
		w.pos = slices.Clone(c.pos)
	}
	return &w
}

// parallel calls the function made by work for each of 0…n-1, on up to jobs
// goroutines; work is called once per goroutine, so each can hold scratch
// of its own. Indexes are handed out in order from a shared counter.
func parallel(n, jobs int, work func() func(int)) {
	jobs = min(jobs, n)
	if jobs <= 1 {
		if n > 0 {
			do := work()
			for i := range n {
				do(i)
			}
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do := work()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				do(i)
			}
		}()
	}
	wg.Wait()
}

var statusRank = map[Status]int{Conflict: 0, Compatible: 1, Agree: 2, Single: 3}
var severityRank = map[Severity]int{Major: 0, Minor: 1, Info: 2}

func (c *comparer) cmpFindings(a, b Finding) int {
	return cmp.Or(statusRank[a.Status]-statusRank[b.Status], severityRank[a.Severity]-severityRank[b.Severity],
		cmpBool(!c.lex.Central(a.Slot), !c.lex.Central(b.Slot)), strings.Compare(a.Slot, b.Slot),
		cmp.Compare(eventOf(a), eventOf(b)), strings.Compare(a.Speaker, b.Speaker), firstDiff(a, b))
}

func eventOf(f Finding) int {
	if f.Event == nil {
		return -1
	}
	return *f.Event
}

// firstDiff orders findings of one slot by their groups.
func firstDiff(a, b Finding) int {
	for i := 0; i < len(a.Groups) && i < len(b.Groups); i++ {
		if d := cmpGroups(&a.Groups[i], &b.Groups[i]); d != 0 {
			return d
		}
	}
	return len(a.Groups) - len(b.Groups)
}

// shortNames gives every article the shortest prefix of its id, cut at "_",
// "-" or ".", that no other article's id starts with the same way; notes use
// it.
func (c *comparer) shortNames() {
	count := map[string]int{}
	prefixes := func(id string) []string {
		var out []string
		for i := 0; i < len(id); i++ {
			if id[i] == '_' || id[i] == '-' || id[i] == '.' {
				if i > 0 {
					out = append(out, id[:i])
				}
			}
		}
		return append(out, id)
	}
	for _, d := range c.docs {
		for _, p := range slices.Compact(prefixes(d.src.ID)) {
			count[p]++
		}
	}
	for _, d := range c.docs {
		d.short = d.src.ID
		for _, p := range prefixes(d.src.ID) {
			if count[p] == 1 {
				d.short = p
				break
			}
		}
	}
}

func (c *comparer) short(id string) string {
	if i, ok := c.index[id]; ok {
		return c.docs[i].short
	}
	return id
}

func (c *comparer) shortList(ids []string) string {
	const most = 6
	var xs []string
	for i, id := range ids {
		if i == most {
			xs = append(xs, fmt.Sprintf("%d more", len(ids)-most))
			break
		}
		xs = append(xs, c.short(id))
	}
	return andList(xs)
}

func (c *comparer) docsOf(ids []string) []int {
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if i, ok := c.index[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

// countGroup says how many sources a group has: "3 sources" or, when some
// share text, "3 sources, 2 independent,".
func (c *comparer) countGroup(g Group) string {
	n := len(g.Sources)
	s := strconv.Itoa(n) + " sources"
	if g.Independent < n {
		s += ", " + strconv.Itoa(g.Independent) + " independent,"
	}
	return s
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
