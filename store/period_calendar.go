package store

import "time"

// The calendar of a Period: the days it spans and the period a day lies
// in. The rules of when a Grundzahl is due (report) build on these, but
// what a period is belongs here.

// Start is the first day of a Valid period (UTC midnight); a school year
// runs from 1 August to 31 July as in NRW. It is the zero time for an
// invalid p.
func (p Period) Start() time.Time {
	k, y, a, b, ok := p.parts()
	if !ok {
		return time.Time{}
	}
	switch k {
	case HalfYearPeriod:
		return time.Date(y, time.Month(6*(a-1)+1), 1, 0, 0, 0, 0, time.UTC)
	case SchoolYearPeriod:
		return time.Date(y, time.August, 1, 0, 0, 0, 0, time.UTC)
	case DatePeriod:
		return time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// End is the last day of a Valid period (UTC midnight), the zero time for
// an invalid p.
func (p Period) End() time.Time {
	k, y, a, b, ok := p.parts()
	if !ok {
		return time.Time{}
	}
	switch k {
	case HalfYearPeriod:
		return time.Date(y, time.Month(6*a+1), 0, 0, 0, 0, 0, time.UTC)
	case SchoolYearPeriod:
		return time.Date(y+1, time.July, 31, 0, 0, 0, 0, time.UTC)
	case DatePeriod:
		return time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
}

// PeriodContaining is the period of kind k that day t lies in. The result
// is not checked against the permitted years; call Valid.
func PeriodContaining(k PeriodKind, t time.Time) Period {
	y := t.Year()
	switch k {
	case HalfYearPeriod:
		return halfPeriod(y, 1+(int(t.Month())-1)/6)
	case SchoolYearPeriod:
		if t.Month() < time.August {
			y--
		}
		return schoolPeriod(y)
	case DatePeriod:
		return datePeriod(y, int(t.Month()), t.Day())
	}
	return yearPeriod(y)
}

// YearEndPeriod is the period of kind k that closes calendar year y: the
// year, its second half-year, the school year starting in it, or the
// Stichtag in y on the month and day of like (31.12. when like is no
// Stichtag or its day does not exist in y). It is "" when y is outside
// the permitted years.
func YearEndPeriod(k PeriodKind, y int, like Period) Period {
	var p Period
	switch k {
	case YearPeriod:
		p = yearPeriod(y)
	case HalfYearPeriod:
		p = halfPeriod(y, 2)
	case SchoolYearPeriod:
		p = schoolPeriod(y)
	case DatePeriod:
		m, d := 12, 31
		if lk, _, lm, ld, ok := like.parts(); ok && lk == DatePeriod && dateExists(y, lm, ld) {
			m, d = lm, ld
		}
		p = datePeriod(y, m, d)
	}
	if !p.Valid() {
		return ""
	}
	return p
}
