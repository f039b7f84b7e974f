package store

import (
	"runtime/debug"
	"sync"
)

// A bulk save allocates some 2.5 times its live heap (the statement
// parameters database/sql converts, the keys of the values, the mapped
// download held by the caller), and with the collector's default target
// (GOGC 100) it collected three times during an import of 100,000 values,
// each time marking the whole download on one of the two cores and
// slowing the SQL side with its write barriers: a fifth of the import.
// During a bulk save the collector lets the heap grow to five times the
// live heap instead, capped at bulkMemoryLimit; afterwards the settings
// are as before (docs/performance.md has the measurements).
const (
	bulkGCPercent   = 400
	bulkMemoryLimit = 1 << 30
)

// relaxedGC counts the bulk saves running, so that the first raises the
// collector's target and the last restores it.
var relaxedGC struct {
	sync.Mutex
	n       int
	percent int
	limit   int64
}

// relaxGC raises the collector's target for a bulk save and returns the
// function that restores it.
func relaxGC() (restore func()) {
	relaxedGC.Lock()
	defer relaxedGC.Unlock()
	if relaxedGC.n == 0 {
		relaxedGC.percent = debug.SetGCPercent(bulkGCPercent)
		if relaxedGC.percent < 0 || relaxedGC.percent > bulkGCPercent {
			debug.SetGCPercent(relaxedGC.percent) // off or already higher: leave it
		}
		relaxedGC.limit = debug.SetMemoryLimit(-1) // a negative limit only reads it
		debug.SetMemoryLimit(min(relaxedGC.limit, bulkMemoryLimit))
	}
	relaxedGC.n++
	return func() {
		relaxedGC.Lock()
		defer relaxedGC.Unlock()
		relaxedGC.n--
		if relaxedGC.n == 0 {
			debug.SetGCPercent(relaxedGC.percent)
			debug.SetMemoryLimit(relaxedGC.limit)
		}
	}
}
