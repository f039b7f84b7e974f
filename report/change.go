package report

// FormatChange formats a difference between two values of a Kennzahl in
// the unit's German convention: shares change in Prozentpunkte, indices
// and ratios with two decimals, counts as whole numbers.
func FormatChange(delta float64, unit string) string {
	switch unit {
	case "%":
		return FormatPoints(delta, 1)
	case "Index", "Verhältnis":
		return FormatSigned(delta, 2)
	case "Anzahl":
		return FormatSigned(delta, 0)
	case "Prozentpunkte":
		return FormatSigned(delta, 1) + "\u00a0Pp."
	}
	return FormatSigned(delta, 1)
}
