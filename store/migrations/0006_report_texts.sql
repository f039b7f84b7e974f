-- Integrationsmonitor schema: the texts she writes for a report besides
-- the Wirkungsindikator reports (helper "summary", issue 14).
-- report_text holds per report year: her key messages ("Das Wichtigste in
-- Kürze", kind 'kernaussagen'), her Einordnung of a Kennzahl (kind
-- 'einordnung', code = Kennzahl) and the Impressum (kinds 'herausgeber',
-- 'kontakt'). A missing row means: the report prints its draft or default.
CREATE TABLE report_text (
    report_year INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('kernaussagen', 'einordnung', 'herausgeber', 'kontakt')),
    code        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (report_year, kind, code)
);

-- catalog_note holds the current wording of a catalogue note of this file
-- (code = Kennzahl or 'feld-A'; field = anmerkungen, erhebungszeit,
-- migrationshintergrund, methodische_hinweise, hinweise_wirkungsindikatoren,
-- datenquellen). The catalogue tables keep the wording of the concept of
-- 2011/12, which the report shows in its annex "Konzept 2011/12".
CREATE TABLE catalog_note (
    code       TEXT NOT NULL,
    field      TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (code, field)
);

CREATE VIEW "Berichtstexte" AS
SELECT report_year AS "Berichtsjahr", kind AS "Art", code AS "Kennzahl", text AS "Text", updated_at AS "Geaendert_am"
FROM report_text;
