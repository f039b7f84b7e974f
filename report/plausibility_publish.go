package report

// ruleWords says a rule in German without numbers, for a published
// finding whose values disclosure control hides.
var ruleWords = map[Rule]string{
	RulePartWhole:   "Eine Gruppe ist größer als Insgesamt.",
	RuleShare:       "Der Zähler eines Anteils ist größer als sein Nenner.",
	RuleWholeNumber: "Eine Anzahl ist keine ganze Zahl.",
	RuleNegative:    "Der Wert ist negativ.",
	RulePercent:     "Ein Anteil ist größer als 100\u00a0%.",
	RuleChange:      "Der Wert hat sich gegenüber dem letzten gleichartigen Zeitraum sprunghaft verändert.",
}

// PublishedFindingText is a finding's text as the report prints it: its
// Text when every value it quotes is published, else only the rule,
// without numbers, so that the annex gives back no hidden count (the
// window and `pruefen` are internal and keep the numbers).
func (e *Evaluation) PublishedFindingText(f Finding) string {
	for _, c := range f.involved {
		k := discKey{kind: keyValue, code: c.bf, area: c.area, group: c.group, period: c.period}
		if e.disc.Hidden(k) {
			if w, ok := ruleWords[f.Rule]; ok {
				return w
			}
			return "Der Wert ist auffällig."
		}
	}
	return f.Text
}
