// Package official reads the CSV downloads of the official statistics —
// Landesdatenbank NRW, Regionaldatenbank (classic GENESIS tables and
// GENESIS-Flat) and Statistik der Bundesagentur für Arbeit — into one
// format-independent Table, maps its columns to Grundzahlen and plans what
// an import would add or correct. It imports store for the domain types,
// never report, so the evaluation does not depend on the readers.
package official
