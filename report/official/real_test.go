package official

import (
	"os"
	"path/filepath"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// RealDataEnv names the environment variable that points the opt-in tests
// at a directory of real downloads (laid out as ldbnrw/, regionalstatistik/,
// genesis_flat/, ba/). The fixtures under testdata cover every format; the
// real files, which are too large and not ours to ship, are a check a
// developer runs by hand after a change to a reader.
const RealDataEnv = "INTEGRATIONSMONITOR_REALDATA"

// RealDataDir returns the directory RealDataEnv names and skips the test
// when it is unset. A file missing from a named directory fails the test.
func RealDataDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv(RealDataEnv)
	if dir == "" {
		t.Skipf("%s is not set; the real downloads are optional", RealDataEnv)
	}
	return dir
}

func impReadReal(t *testing.T, dir, name string) *Table {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := Read(f)
	if err != nil {
		t.Fatalf("Read(%s): %s", name, store.Message(err))
	}
	return tab
}

func TestReadRealFiles(t *testing.T) {
	dir := RealDataDir(t)
	tests := []struct {
		file, format, code, stand string
		minRows                   int
		want                      []impCell
	}{
		{"ldbnrw/2024_12411-15i.csv", FormatLDB, "12411-15i", "2026-01-19", 1300, []impCell{
			{"05378004", "31.12.2024", impLdbPop, "111361", 111361, ""},
			{"05378", "31.12.2024", impLdbPop, "284273", 284273, ""},
			{"05378004", "31.12.2024", impLdbArea, "83,09", 83.09, ""},
		}},
		{"ldbnrw/2023_22517-02i.csv", FormatLDB, "22517-02i", "2025-11-27", 900, []impCell{
			{"JH05378004", "2023", impEhHilfen, "1959", 1959, ""},
			{"05378", "2023", impEhHilfen, "4252", 4252, ""},
			{"05970", "2023", impEhHilfen, "/", 0, store.SymUnreliable},
			{"JH05970999", "2023", impEhBegonn, ".", 0, store.SymUnknown},
			{"05354", "2023", impEhHilfen, "-", 0, store.SymNothing},
		}},
		{"regionalstatistik/12411-01-01-5_00.csv", FormatGenesis, "12411-01-01-5", "2017-10-10", 300000, []impCell{
			{"05378004", "31.12.2011", "Insgesamt", "109026", 109026, ""},
			{"05378004", "31.12.2015", "Insgesamt", "111366", 111366, ""},
			{"05378004", "31.12.2008", "Insgesamt", "105901", 105901, ""},
			{"05378", "31.12.2015", "Insgesamt", "282729", 282729, ""},
			{"16077056", "31.12.2015", "Insgesamt", "-", 0, store.SymNothing},
		}},
		{"regionalstatistik/21111-01-03-4.csv", FormatGenesis, "21111-01-03-4", "2017-12-13", 30000, []impCell{
			{"05378", "2015", "Grundschulen; " + impSchoolCol + "Geschlecht; Insgesamt; Anzahl", "9988", 9988, ""},
			{"05378", "2015", "Grundschulen; " + impSchoolCol + "Nationalität; Ausländer(innen); Anzahl", "498", 498, ""},
			{"05378", "2015", "Insgesamt; " + impSchoolCol + "Geschlecht; Insgesamt; Anzahl", "30745", 30745, ""},
			{"05378", "2015", "Insgesamt; " + impSchoolCol + "Nationalität; Ausländer(innen); Anzahl", "1455", 1455, ""},
			{"05378", "2015", "Insgesamt; Allgemein bildende Schulen; Anzahl", "x", 0, store.SymLocked},
		}},
		{"genesis_flat/regionalstatistik_12411-01-01-4_de_flat_2026-03.csv", FormatFlat, "12411", "", 1400, []impCell{
			{"05378", "2024-12-31", "Bevölkerungsstand; Insgesamt", "284273", 284273, ""},
			{"05378", "2024-12-31", "Bevölkerungsstand; weiblich", "146062", 146062, ""},
		}},
		{"genesis_flat/regionalstatistik_12411-01-01-4_ffcsv_oldformat_2024-12.csv", FormatFlat, "12411", "", 1600, []impCell{
			{"05378", "31.12.2023", "Bevoelkerungsstand; Insgesamt", "286778", 286778, ""},
			{"DG", "31.12.2023", "Bevoelkerungsstand; Insgesamt", "84669326", 84669326, ""},
		}},
		{"ba/BA_migrationsmonitor_arbeitslose_auslaender_nachaltersgruppe_2024_DE.csv", FormatBA, "", "2025-04-01", 8, []impCell{
			{"d", "2024", "Ausländer; unter 25 Jahre; JD Arbeitslose", "94.093", 94093, ""},
			{"d", "2024", "Ausländer; Keine Angabe; JD Arbeitslose", "158", 158, ""},
		}},
		{"ba/BA_migrationsmonitor_arbeitslose_auslaender_nachgeschlecht_zeitreihe_DE.csv", FormatBA, "", "2025-04-01", 30, []impCell{
			{"d", "2024", "Ausländer; Arbeitslose", "1.040.908", 1040908, ""},
			{"d", "2015", "Ausländer; Frauen Arbeitslose", "271.816", 271816, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			tab := impReadReal(t, dir, tt.file)
			if tab.Format != tt.format || tab.TableCode != tt.code || tab.AsOf != tt.stand {
				t.Errorf("format %q code %q stand %q, want %q %q %q", tab.Format, tab.TableCode, tab.AsOf, tt.format, tt.code, tt.stand)
			}
			if len(tab.Rows) < tt.minRows {
				t.Errorf("%d rows, want at least %d", len(tab.Rows), tt.minRows)
			}
			if len(tab.Problems) > 0 {
				t.Errorf("problems in a real download: %q", tab.Problems)
			}
			impCheckCells(t, tab, tt.want)
		})
	}
}
