package claims

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/factdiff/factdiff/claims/article"
)

// RunOptions configure Run.
type RunOptions struct {
	Read article.Options
	// Jobs is the number of articles read and extracted in parallel; 0 means
	// GOMAXPROCS.
	Jobs int
	// Progress, when set, is called after each input is done.
	Progress func(done, total int)
	// NoFingerprint leaves Result.Fingerprint empty, for callers that do not
	// look for shared text (it costs about a tenth of the extraction).
	NoFingerprint bool
}

// Run reads every input and extracts its articles' claims on a pool of
// workers, and calls emit for each article in input order (so output does not
// depend on the number of jobs). warn receives every warning and skipped
// input. It returns the number of articles read.
func (x *Extractor) Run(inputs []article.Input, opt RunOptions, emit func(Result), warn func(error)) int {
	return RunEach(x, inputs, opt, func(r Result) Result { return r }, emit, warn)
}

// RunEach is Run with a step of the caller's on the workers: work turns each
// article's Result into a T (encodes it, converts it) in parallel, and emit
// receives the Ts in input order.
func RunEach[T any](x *Extractor, inputs []article.Input, opt RunOptions, work func(Result) T, emit func(T), warn func(error)) int {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type done struct {
		results []T
		warns   []error
	}
	slots := make([]chan done, len(inputs))
	for i := range slots {
		slots[i] = make(chan done, 1)
	}
	queue := make(chan int)
	window := make(chan struct{}, 4*jobs)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				arts, warns, err := article.Load(inputs[i], opt.Read)
				if err != nil {
					warns = append(warns, err)
				}
				var rs []T
				for k := range arts {
					r, err := x.safeExtract(&arts[k], !opt.NoFingerprint)
					if err != nil {
						warns = append(warns, err)
						continue
					}
					rs = append(rs, work(r))
					arts[k].Text = ""
				}
				slots[i] <- done{rs, warns}
			}
		}()
	}
	go func() {
		// Feed at most a bounded window ahead of the writer, so memory stays
		// proportional to the number of jobs, not to the corpus.
		for i := range inputs {
			window <- struct{}{}
			queue <- i
		}
		close(queue)
	}()
	n := 0
	for i := range inputs {
		d := <-slots[i]
		for _, w := range d.warns {
			warn(w)
		}
		for _, r := range d.results {
			emit(r)
			n++
		}
		slots[i] = nil
		<-window
		if opt.Progress != nil {
			opt.Progress(i+1, len(inputs))
		}
	}
	wg.Wait()
	return n
}

// safeExtract extracts one article; should the extractor fail on it
// (a defect), the article is reported and skipped instead of ending the
// whole run.
func (x *Extractor) safeExtract(a *article.Article, fingerprint bool) (r Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			name := a.Path
			if name == "" {
				name = a.ID
			}
			err = fmt.Errorf("%s: skipped: factdiff failed on this article (%v); please report it with the file", name, p)
		}
	}()
	return x.extract(a, fingerprint), nil
}
