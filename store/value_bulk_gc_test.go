package store

import (
	"runtime/debug"
	"testing"
)

// TestRelaxGCRestores: overlapping bulk saves raise the collector's
// target once and the last one restores the setting it found, also a
// GOGC set higher or off by the user.
func TestRelaxGCRestores(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, start := range []int{100, 50, 800, -1} {
		debug.SetGCPercent(start)
		first := relaxGC()
		second := relaxGC()
		// What the save sets depends on the live heap (bulkPercent);
		// it never lowers the target and leaves one set higher or off.
		during := debug.SetGCPercent(0)
		debug.SetGCPercent(during)
		if start < 0 || start >= bulkGCPercent {
			if during != start {
				t.Errorf("GOGC %d during two bulk saves: %d, want it left alone", start, during)
			}
		} else if during < start || during > bulkGCPercent {
			t.Errorf("GOGC %d during two bulk saves: %d, want %d to %d", start, during, start, bulkGCPercent)
		}
		first()
		if got := debug.SetGCPercent(during); got != during {
			t.Errorf("GOGC %d after the first of two saves: %d, want %d", start, got, during)
		}
		second()
		if got := debug.SetGCPercent(start); got != start {
			t.Errorf("GOGC after the bulk saves: %d, want %d", got, start)
		}
	}
}

// TestBulkPercentKeepsTheHeapGoal: the raised target never lets the
// heap's goal pass bulkHeapGoal, and a large heap gets no raise at all.
func TestBulkPercentKeepsTheHeapGoal(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{{0, 400}, {100 << 20, 400}, {256 << 20, 300}, {512 << 20, 100}, {1 << 30, 0}, {3 << 30, 0}} {
		if got := bulkPercent(c.live); got != c.want {
			t.Errorf("bulkPercent(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
