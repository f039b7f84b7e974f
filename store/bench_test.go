package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// benchFile creates a file with demo values for the years from..to.
func benchFile(b *testing.B, from, to int) string {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.sqlite")
	s, err := store.Create(ctx, path, mustCatalog(b))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Add(ctx, s, from, to); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkOpen measures opening (header, integrity check, lock) and
// reading the catalogue and every value, as the window does at start.
func BenchmarkOpen(b *testing.B) {
	for _, c := range []struct {
		name     string
		from, to int
	}{{"demo_2011-2025", 2011, 2025}, {"10x_1951-2100", 1951, 2100}} {
		b.Run(c.name, func(b *testing.B) {
			path := benchFile(b, c.from, c.to)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := store.Open(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Snapshot(ctx, 2025); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkSaveValues100k stores 100,000 imported values in one
// transaction (values for 700 schools x 151 years of one Grundzahl).
func BenchmarkSaveValues100k(b *testing.B) {
	cat := mustCatalog(b)
	var schools []string
	for i := 0; i < 700; i++ {
		code := fmt.Sprintf("schule%03d", i)
		cat.Areas = append(cat.Areas, store.Area{Code: code, Name: fmt.Sprintf("Schule %d", i), Kind: "schule"})
		schools = append(schools, code)
	}
	for fi := range cat.Fields {
		for ki := range cat.Fields[fi].KeyFigures {
			k := &cat.Fields[fi].KeyFigures[ki]
			if k.Code == "C-K2" {
				k.BaseFigures[0].Areas = append(k.BaseFigures[0].Areas, schools...)
			}
		}
	}
	var vals []store.Value
	for y := 1950; y <= 2100 && len(vals) < 100000; y++ {
		for _, a := range schools {
			vals = append(vals, store.Value{BaseFigure: "C-K2-G1", Period: store.Period(fmt.Sprint(y)), Area: a, Group: "insgesamt", Number: float64(y % 97)})
		}
	}
	vals = vals[:100000]
	benchOnNewFile(b, cat, func(ctx context.Context, s *store.Store) {
		if _, _, err := s.SaveValues(ctx, vals, store.SaveOptions{Origin: "Import: bench"}); err != nil {
			b.Fatal(err)
		}
	})
}

// benchOnNewFile times run on a new file with cat, b.N times; creating the
// file is not timed. It also reports the CPU time per run, which load on
// a shared machine disturbs less than the wall time, and the CPU time of
// the run's own thread (thread-cpu-ms/op): work that runs beside it on
// the second core is in the first and not in the second.
func benchOnNewFile(b *testing.B, cat *store.Catalog, run func(context.Context, *store.Store)) {
	b.Helper()
	ctx := context.Background()
	var cpu, thread time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Create(ctx, filepath.Join(b.TempDir(), "import.sqlite"), cat)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.LockOSThread()
		c0, t0 := cpuTime(), threadCPU()
		b.StartTimer()
		run(ctx, s)
		b.StopTimer()
		cpu += cpuTime() - c0
		thread += threadCPU() - t0
		runtime.UnlockOSThread()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(thread.Milliseconds())/float64(b.N), "thread-cpu-ms/op")
}
