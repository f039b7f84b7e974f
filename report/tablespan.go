package report

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TableRows is the most rows the table of a Kennzahl sheet has.
const TableRows = 10

// TableSpan is the periods the table of a Kennzahl sheet shows, oldest
// first: the same span as its sentence (from the assessment's base to the
// latest value up to the report year), or, when that is more than
// TableRows periods, the base and the latest like periods (the same
// half-year or Stichtag each year), with a note that says so. Note is ""
// when the table shows the whole span.
func (kr *KeyFigureResult) TableSpan(year int) (periods []store.Period, note string) {
	// The published series: its periods are the internal ones, but the
	// table is published, so it reads nothing else.
	pub := kr.Published
	if len(pub.Series) == 0 {
		return nil, ""
	}
	var all []store.Period
	for _, p := range pub.Series[0].Points {
		if year == 0 || p.Period.Year() <= year {
			all = append(all, p.Period)
		}
	}
	if len(all) == 0 {
		return nil, ""
	}
	from := all[0]
	if kr.Change.OK {
		from = kr.Change.From.Period
	}
	var span []store.Period
	for _, p := range all {
		if p.Compare(from) >= 0 {
			span = append(span, p)
		}
	}
	if len(span) <= TableRows {
		return span, ""
	}
	// Like the latest computable value; periods after it (not computable)
	// follow, so that the table shows what is missing.
	last := span[len(span)-1]
	var after []store.Period
	if kr.HasLatest {
		last = kr.Latest.Period
		for _, p := range span {
			if p.Compare(last) > 0 {
				after = append(after, p)
			}
		}
	}
	var like []store.Period
	for _, p := range span {
		if p.Compare(last) <= 0 && likePeriod(p, last) {
			like = append(like, p)
		}
	}
	tail := like[max(0, len(like)-max(1, TableRows-1-len(after))):]
	if tail[0] != from {
		periods = append(periods, from)
	}
	periods = append(periods, tail...)
	periods = append(periods, after...)
	what := "Erhebungszeiten"
	switch last.Kind() {
	case store.HalfYearPeriod:
		what = "Erhebungszeiten (jeweils " + strings.SplitN(last.Label(), " ", 3)[0] + " " + strings.SplitN(last.Label(), " ", 3)[1] + ")"
	case store.DatePeriod:
		what = "Stichtage"
	}
	note = fmt.Sprintf("Die Tabelle zeigt den Ausgangswert (%s) und die letzten %d %s; alle Werte zeigt die Grafik.",
		from.Label(), len(tail), what)
	return periods, note
}

// likePeriod reports whether p is the same part of its year as last: the
// same half-year, the same day of the year; years and school years are
// all alike.
func likePeriod(p, last store.Period) bool {
	switch last.Kind() {
	case store.HalfYearPeriod, store.DatePeriod:
		s, l := string(p), string(last)
		return len(s) > 4 && len(l) > 4 && s[4:] == l[4:]
	}
	return true
}
