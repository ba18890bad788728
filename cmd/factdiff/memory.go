package main

import (
	"os"
	"runtime/debug"

	"github.com/factdiff/factdiff/claims/article"
)

// The garbage collector runs with GOGC=400 (main.go): extraction allocates
// much and keeps little, so collecting rarely saves CPU. compare, though,
// keeps every article's claims until it judges them, and with GOGC=400 the
// heap could grow to five times what is alive. A soft memory limit bounds
// that: the collector works harder only when the heap nears it.
const (
	// memoryFloor is the least memory limit, enough for any run of up to
	// about 10,000 articles of news text.
	memoryFloor = 448 << 20
	// memoryPerTextByte scales the limit with the corpus: what compare
	// keeps is about four bytes per byte of article text read.
	memoryPerTextByte = 6
	// memoryPerClaimsByte does the same for claims read from JSON Lines
	// (compare --claims), which are about three times the size of the text.
	memoryPerClaimsByte = 2
)

// limitMemory adds perByte times the size on disk of the files at paths to
// the memory the run may need and sets the soft memory limit to that, or to
// memoryFloor if it is more. extract and compare both call it (extract keeps
// little and never comes near). Should a corpus need more than the
// estimate, the collector runs more often, up to half the CPU, rather than
// fail. A GOMEMLIMIT in the environment wins.
func (io *IO) limitMemory(paths []string, perByte int64) {
	if io.Getenv != nil && io.Getenv("GOMEMLIMIT") != "" {
		return
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			io.memoryNeed += perByte * st.Size()
		}
	}
	debug.SetMemoryLimit(max(memoryFloor, io.memoryNeed))
}

// inputPaths lists the paths of inputs.
func inputPaths(inputs []article.Input) []string {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
	}
	return paths
}
