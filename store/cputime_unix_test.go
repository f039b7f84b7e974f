//go:build unix

package store_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the test process used so far. The
// benchmarks report it beside the wall time because the project's
// machine is shared: under load the wall time of a save mostly measures
// the other jobs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
