package official

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// refRecords is the reader's former CSV splitting with encoding/csv,
// the reference for splitRecords.
func refRecords(text string) ([]record, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = ';'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	var recs []record
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		recs = append(recs, record{line: line, cells: cells})
	}
	return recs, nil
}

func checkSplit(t *testing.T, text string) {
	t.Helper()
	want, err := refRecords(text)
	if err != nil {
		t.Fatalf("encoding/csv refused %q: %v", text, err)
	}
	got := splitRecords(text)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("splitRecords(%q)\n got %v\nwant %v", text, got, want)
	}
}

var splitSeeds = []string{
	"", "\n", "\r", "\r\n", "a", "a\r", "a\r\r", "a\r\r\n", "a;b\r\nc;d", ";;\n;", "\"\"", "\"", "\"a", "\"a\r", "\"a\r\n", "\"a\nb\"",
	"\"a\r\nb\";c\r\n", "\"a\"\"b\";\"c\"d\";e", "x\"y;\"z\"\n", "\"a\";", "\"a\"\n\n\nb", "1;\"2\n\n3\";4\n5", "\"a\n\r", "\"a\n\r\n",
	"\"\"\"\";\"\";\n", "\"a\" ;b", "a;\"b\n", "\n\n;\n", "\"x\r\ny\"\"z\r\n\"", "é;\"ü\"\"\";ß\r\n", "\"a\"\"", "\"\"\"",
}

func TestSplitRecordsLikeCSV(t *testing.T) {
	for _, s := range splitSeeds {
		checkSplit(t, s)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkSplit(t, string(data))
		checkSplit(t, strings.ReplaceAll(string(data), "\n", "\r\n"))
	}
	checkSplit(t, string(impMessyFile(4, 2000, false)))
	checkSplit(t, string(impMessyFile(5, 2000, true)))
	checkSplit(t, string(impBAFile(100)))
}

func FuzzSplitRecords(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSplit(t, s)
	})
}

// TestDecodeWindows1252 checks the decoder against x/text, byte by byte
// and on the fixtures.
func TestDecodeWindows1252(t *testing.T) {
	check := func(data []byte) {
		t.Helper()
		want, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeWindows1252(string(data)); got != string(want) {
			t.Errorf("decodeWindows1252(%q) = %q, want %q", data, got, want)
		}
	}
	all := make([]byte, 256)
	for b := range all {
		all[b] = byte(b)
		check([]byte{byte(b)})
	}
	check(all)
	check(nil)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(data)
	}
	check(impLdbBenchFile(t, 100))
}

func FuzzDecodeWindows1252(f *testing.F) {
	f.Add([]byte("Bev\xf6lkerung \x80 \x81 \x9f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, _ := charmap.Windows1252.NewDecoder().Bytes(data)
		if got := decodeWindows1252(string(data)); got != string(want) {
			t.Fatalf("decodeWindows1252(%q) = %q, want %q", data, got, want)
		}
	})
}

// refPlainNumber is the former plainNumber, the reference for the
// one-pass version.
func refPlainNumber(s string) (float64, bool) {
	intPart, frac, hasComma := strings.Cut(s, ",")
	if len(s) > 15 || intPart == "" || !allDigits(intPart) || hasComma && (frac == "" || !allDigits(frac)) {
		return 0, false
	}
	var m uint64
	for _, digits := range [2]string{intPart, frac} {
		for i := 0; i < len(digits); i++ {
			m = m*10 + uint64(digits[i]-'0')
		}
	}
	return float64(m) / pow10[len(frac)], true
}

// FuzzCellShortcuts checks trimSpace against strings.TrimSpace and
// plainNumber against its former version.
func FuzzCellShortcuts(f *testing.F) {
	for _, s := range []string{"", " ", "1234", "12,5", " 7 ", "\u00a012\u00a0", "\t8\t", "\x7f", "1,2,3", ",5", "1,", "0000000000000000", "é", "a\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		got, ok := plainNumber(s)
		want, wantOK := refPlainNumber(s)
		if ok != wantOK || got != want {
			t.Fatalf("plainNumber(%q) = %v, %v, want %v, %v", s, got, ok, want, wantOK)
		}
	})
}
