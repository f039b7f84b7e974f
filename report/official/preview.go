package official

import (
	"encoding/csv"
	"fmt"
	"io"
)

// previewHeader names the columns of the import preview.
var previewHeader = []string{"Regionalschlüssel", "Region", "Zeit", "Merkmal", "Wert", "Stand"}

// WritePreview writes what Read read as a ";"-separated UTF-8 table
// with a header line, one line per value: region key, region name, period
// and column as in the source, the value or symbol in the source's own
// notation, and the Stand as dd.mm.yyyy. It is what "integrationsmonitor
// import -vorschau" prints, so that anyone can check the parser against
// the download cell by cell. The Zeit column is never empty: Read refuses
// a file with a value whose period it cannot determine.
func WritePreview(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(previewHeader); err != nil {
		return fmt.Errorf("write preview: %w", err)
	}
	for _, r := range t.Rows {
		if err := cw.Write([]string{r.RegionKey, r.RegionName, r.Period, r.Column, r.Raw, germanDate(r.AsOf)}); err != nil {
			return fmt.Errorf("write preview: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write preview: %w", err)
	}
	return nil
}
