package export

import (
	"path/filepath"
	"strings"
)

// InternalLabel marks an export that holds every value, small counts
// included: it must not leave the administration.
const InternalLabel = "nur für den Dienstgebrauch"

// InternalNotice is the first line of an internal CSV and the text of the
// first sheet of an internal workbook.
const InternalNotice = "Nur für den Dienstgebrauch – enthält alle Werte, auch die im Bericht gesperrten kleinen " +
	"Fallzahlen. Nicht veröffentlichen und nicht weitergeben."

// InternalSuffix ends the file name of an internal export, before the
// extension, so that the file says what it is wherever it is copied.
const InternalSuffix = "_nur-fuer-den-Dienstgebrauch"

// InternalName is path with InternalSuffix before its extension, unless
// the name already carries it: "werte.csv" becomes
// "werte_nur-fuer-den-Dienstgebrauch.csv".
func InternalName(path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	if strings.HasSuffix(strings.ToLower(stem), strings.ToLower(InternalSuffix)) {
		return path
	}
	return stem + InternalSuffix + ext
}
