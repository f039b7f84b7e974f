package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"bergischgladbach.de/integrationsmonitor/store"
)

// hasValues reports whether a returned file differs in any value.
func hasValues(p *store.MergePlan) bool {
	return len(p.New)+len(p.Changed)+len(p.Conflicts)+len(p.Removed) > 0
}

// offerEditions asks whether to take over the returned file's
// Berichtsfassungen that the open file lacks, as they are, and tells
// which of them failed their check and are left out.
func (u *App) offerEditions(plan *store.MergePlan) {
	problems := ""
	if len(plan.EditionProblems) > 0 {
		problems = "\n\nNicht übernommen werden können:\n" + strings.Join(plan.EditionProblems, "\n")
	}
	if len(plan.NewEditions) == 0 {
		if problems != "" {
			dialog.ShowInformation("Berichtsfassungen der Rückmeldung", strings.TrimSpace(problems), u.win)
		}
		return
	}
	var names []string
	ids := make([]int64, 0, len(plan.NewEditions))
	own := u.editions()
	for _, e := range plan.NewEditions {
		line := "– " + editionSummary(e)
		// An imported Fassung of a year frozen here becomes its newest
		// one, which the report of that year then prints: say so.
		if last, ok := latestOf(own, e.ReportYear); ok {
			line += fmt.Sprintf(" – wird hier %d. Fassung und damit die Fassung, die für %d gedruckt wird (bisher: %d. Fassung)",
				last.Version+1, e.ReportYear, last.Version)
		}
		names = append(names, line)
		ids = append(ids, e.ID)
	}
	n := "eine Berichtsfassung"
	if len(ids) > 1 {
		n = fmt.Sprintf("%d Berichtsfassungen", len(ids))
	}
	msg := fmt.Sprintf("Die Rückmeldung enthält %s, die diese Datei nicht hat:\n%s\n\nÜbernehmen? Sie werden unverändert übernommen; die Berichtsfassungen dieser Datei bleiben, wie sie sind.%s",
		n, strings.Join(names, "\n"), problems)
	d := dialog.NewCustomConfirm("Berichtsfassungen übernehmen", "Übernehmen", "Nicht übernehmen", para(msg), func(ok bool) {
		if ok {
			u.importEditions(plan.File, ids)
		}
	}, u.win)
	d.Resize(fyne.NewSize(720, 360))
	d.Show()
}

// importEditions copies the editions in a job; verifying their hashes
// reads every one.
func (u *App) importEditions(path string, ids []int64) {
	st, n := u.st, 0
	u.runJob(job{title: "Berichtsfassungen werden übernommen …", file: path,
		work: func(func(int, int)) error {
			var err error
			n, err = st.ImportEditions(context.Background(), path, ids)
			return err
		},
		done: func(err error) {
			if err != nil {
				u.showError("Berichtsfassungen", err)
				return
			}
			u.refreshEditions()
			msg := "Eine Berichtsfassung wurde übernommen."
			if n != 1 {
				msg = fmt.Sprintf("%d Berichtsfassungen wurden übernommen.", n)
			}
			dialog.ShowInformation("Berichtsfassungen übernommen", msg, u.win)
		}})
}
