package store

import (
	"runtime/debug"
	"testing"
)

// TestRelaxGCRestores: overlapping bulk saves raise the collector's
// target once and the last one restores the settings it found, also a
// GOGC set higher or off by the user.
func TestRelaxGCRestores(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, start := range []int{100, 50, 800, -1} {
		debug.SetGCPercent(start)
		debug.SetMemoryLimit(8 << 30)
		first := relaxGC()
		second := relaxGC()
		want := bulkGCPercent
		if start < 0 || start > bulkGCPercent {
			want = start
		}
		if got := debug.SetGCPercent(want); got != want {
			t.Errorf("GOGC %d during two bulk saves: %d, want %d", start, got, want)
		}
		if got := debug.SetMemoryLimit(-1); got != bulkMemoryLimit {
			t.Errorf("memory limit during bulk saves: %d, want %d", got, bulkMemoryLimit)
		}
		first()
		if got := debug.SetGCPercent(want); got != want {
			t.Errorf("GOGC %d after the first of two saves: %d, want %d", start, got, want)
		}
		second()
		if got := debug.SetGCPercent(start); got != start {
			t.Errorf("GOGC after the bulk saves: %d, want %d", got, start)
		}
		if got := debug.SetMemoryLimit(-1); got != 8<<30 {
			t.Errorf("memory limit after the bulk saves: %d, want %d", got, 8<<30)
		}
	}
}
