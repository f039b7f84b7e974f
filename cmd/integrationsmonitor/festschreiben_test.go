package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// reportBytes runs `bericht` and returns the PDF.
func reportBytes(t *testing.T, src string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bericht.pdf")
	if _, errOut, err := runWith(runReport, append([]string{src, "-o", out}, args...)...); err != nil {
		t.Fatalf("bericht %q: %v %s", args, err, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The scenario: freeze 2024, correct a 2024 value with the sqlite3
// shell, and the 2024 report stays byte-identical; -aktuell differs and
// says so; the 2025 report lists the correction.
func TestFreezeAndReprint(t *testing.T) {
	shell := testtool.Need(t, "sqlite3")[0]
	src := demoMonitoringFile(t)
	first := reportBytes(t, src, "-jahr", "2024")

	stdout, errOut, err := runWith(runFreeze, src, "-jahr", "2024", "-drucksache", "0815/2025", "-datum", "12.03.2025")
	if err != nil || !strings.Contains(stdout, "1. Fassung") {
		t.Fatalf("festschreiben: %v %q %s", err, stdout, errOut)
	}
	if got := reportBytes(t, src, "-jahr", "2024"); !bytes.Equal(got, first) {
		t.Fatal("the frozen report differs from the print before freezing")
	}

	// A correction made by the Statistikdienststelle with its own tool.
	const fix = `UPDATE value SET number = 4321 WHERE base_figure_code = 'A-K1-G1' AND period = '2024-H2' AND area_code = 'stadt' AND group_code = 'auslaender';`
	if out, err := exec.Command(shell, src, fix).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, out)
	}
	if got := reportBytes(t, src, "-jahr", "2024"); !bytes.Equal(got, first) {
		t.Error("after a correction the reprint of the frozen 2024 report changed")
	}
	current := reportBytes(t, src, "-jahr", "2024", "-aktuell")
	if bytes.Equal(current, first) {
		t.Error("-aktuell printed the frozen report")
	}
	path := filepath.Join(t.TempDir(), "aktuell.pdf")
	if err := os.WriteFile(path, current, 0o644); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	if n := strings.Count(text, "Abweichend vom festgeschriebenen Bericht 2024"); n < 40 {
		t.Errorf("the deviation mark is on %d pages", n)
	}

	path = filepath.Join(t.TempDir(), "2025.pdf")
	if err := os.WriteFile(path, reportBytes(t, src, "-jahr", "2025"), 0o644); err != nil {
		t.Fatal(err)
	}
	text = testtool.PDFText(t, path)
	if !strings.Contains(text, "Änderungen seit dem Bericht 2024") || !strings.Contains(text, "4.321") {
		t.Errorf("the 2025 report does not list the correction to 4.321")
	}

	// Freezing again needs -neue-fassung; the first Fassung stays.
	if _, errOut, err := runWith(runFreeze, src, "-jahr", "2024"); err == nil || !strings.Contains(errOut, "bereits festgeschrieben") {
		t.Errorf("second freeze without -neue-fassung: %v %q", err, errOut)
	}
	if stdout, errOut, err := runWith(runFreeze, src, "-jahr", "2024", "-neue-fassung"); err != nil || !strings.Contains(stdout, "2. Fassung") {
		t.Errorf("second Fassung: %v %q %s", err, stdout, errOut)
	}
	if stdout, _, err := runCmd(t, "pruefen", src); err != nil || !strings.Contains(stdout, "2 festgeschriebene Berichtsfassungen") {
		t.Errorf("pruefen: %v %q", err, stdout)
	}
}

func TestFreezeRefuses(t *testing.T) {
	src := demoMonitoringFile(t)
	for _, args := range [][]string{
		{},
		{src, "-datum", "gestern"},
		{filepath.Join(t.TempDir(), "fehlt.sqlite"), "-jahr", "2024"},
	} {
		if _, errOut, err := runWith(runFreeze, args...); err == nil || errOut == "" {
			t.Errorf("%q: err %v, stderr %q", args, err, errOut)
		}
	}
}

// BenchmarkFreezeDemo is what `festschreiben` costs on the demo file:
// reading the inputs, printing the report for its checksum and storing
// the edition. It reports the file's growth per edition.
func BenchmarkFreezeDemo(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "demo.sqlite")
	if _, errOut, err := runWith(runDemo, src); err != nil {
		b.Fatalf("demo: %v %s", err, errOut)
	}
	s, err := store.Open(context.Background(), src)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	before, _ := os.Stat(src)
	n := 0
	for b.Loop() {
		if _, err := freeze(context.Background(), s, 2024, true, "bench"); err != nil {
			b.Fatal(err)
		}
		n++
	}
	after, _ := os.Stat(src)
	b.ReportMetric(float64(after.Size()-before.Size())/float64(n)/1024, "KB/edition")
}

// A frozen report compares with the edition its inputs name, not with
// whatever edition of an earlier year turns up later: here one imported
// with an older freezing time (simulated by the store's clock).
func TestReprintKeepsItsComparison(t *testing.T) {
	ctx := context.Background()
	src := demoMonitoringFile(t)
	if _, errOut, err := runWith(runFreeze, src, "-jahr", "2024"); err != nil {
		t.Fatalf("festschreiben: %v %s", err, errOut)
	}
	first := reportBytes(t, src, "-jahr", "2024")
	s, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) }
	if _, err := freeze(ctx, s, 2023, false, "anderswo"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := reportBytes(t, src, "-jahr", "2024"); !bytes.Equal(got, first) {
		t.Error("freezing an earlier year changed the reprint of the frozen 2024 report")
	}
}
