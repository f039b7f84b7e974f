package store_test

import (
	"syscall"
	"time"
)

// threadCPU is the processor time of the calling thread so far. With the
// goroutine locked to its thread it is the time of the import's critical
// path: what runs beside it on the other core (the save's planner, the
// garbage collector's workers) is not in it.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
