package store

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A bulk save allocates some 2.5 times its live heap (the statement
// parameters database/sql converts, the keys of the values, the mapped
// download held by the caller), and with the collector's default target
// (GOGC 100) it collected three times during an import of 100,000 values,
// each time marking the whole download on one of the two cores and
// slowing the SQL side with its write barriers: a fifth of the import.
// During a bulk save the collector lets the heap grow to up to five times
// the live heap, as far as that stays within bulkHeapGoal; a program that
// already holds more keeps its setting (a memory limit instead would make
// the collector run without pause once the program holds more than the
// limit). Afterwards the setting is as before (docs/performance.md has the
// measurements).
const (
	bulkGCPercent = 400
	bulkHeapGoal  = 1 << 30
)

// relaxedGC counts the bulk saves running, so that the first raises the
// collector's target and the last restores it.
var relaxedGC struct {
	sync.Mutex
	n       int
	percent int
}

// bulkPercent is the collector target for a bulk save when the live heap
// is live bytes: at most bulkGCPercent, and only so far that the heap's
// goal stays within bulkHeapGoal.
func bulkPercent(live uint64) int {
	if live == 0 {
		return bulkGCPercent
	}
	return int(min(bulkGCPercent, max(0, (float64(bulkHeapGoal)/float64(live)-1)*100)))
}

// liveHeap is the heap the last collection found alive.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// relaxGC raises the collector's target for a bulk save and returns the
// function that restores it. A target set higher, or the collector
// switched off, is left alone.
func relaxGC() (restore func()) {
	relaxedGC.Lock()
	defer relaxedGC.Unlock()
	if relaxedGC.n == 0 {
		want := bulkPercent(liveHeap())
		relaxedGC.percent = debug.SetGCPercent(want)
		if relaxedGC.percent < 0 || relaxedGC.percent > want {
			debug.SetGCPercent(relaxedGC.percent)
		}
	}
	relaxedGC.n++
	return func() {
		relaxedGC.Lock()
		defer relaxedGC.Unlock()
		relaxedGC.n--
		if relaxedGC.n == 0 {
			debug.SetGCPercent(relaxedGC.percent)
		}
	}
}
