-- Integrationsmonitor schema, version 2: report editions (Berichtsfassungen).
-- An edition freezes the inputs of a Monitoring-Bericht as the Rat received
-- it. Rows are append-only: the triggers refuse every UPDATE, DELETE and REPLACE, also
-- from other SQLite tools, and the program verifies content_hash on opening.

CREATE TABLE edition (
    id           INTEGER PRIMARY KEY,
    report_year  INTEGER NOT NULL,
    -- Fassung 1, 2, … of the report year.
    version      INTEGER NOT NULL CHECK (version >= 1),
    frozen_at    TEXT NOT NULL,
    frozen_by    TEXT NOT NULL DEFAULT '',
    -- gzip of the canonical JSON of every input the report used.
    inputs       BLOB NOT NULL,
    -- lower-hex SHA-256 of the uncompressed JSON in inputs.
    content_hash TEXT NOT NULL,
    pdf_sha256   TEXT NOT NULL DEFAULT '',
    pages        INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0),
    UNIQUE (report_year, version)
);

CREATE TRIGGER edition_no_update BEFORE UPDATE ON edition BEGIN
    SELECT RAISE(ABORT, 'Eine festgeschriebene Berichtsfassung kann nicht geändert werden.');
END;

CREATE TRIGGER edition_no_delete BEFORE DELETE ON edition BEGIN
    SELECT RAISE(ABORT, 'Eine festgeschriebene Berichtsfassung kann nicht gelöscht werden.');
END;

-- INSERT OR REPLACE deletes the old row without firing DELETE triggers
-- (recursive_triggers is off): an insert may only add a new Fassung.
CREATE TRIGGER edition_no_replace BEFORE INSERT ON edition
WHEN EXISTS (SELECT 1 FROM edition WHERE id = NEW.id OR (report_year = NEW.report_year AND version = NEW.version)) BEGIN
    SELECT RAISE(ABORT, 'Eine festgeschriebene Berichtsfassung kann nicht ersetzt werden.');
END;

-- The council paper an edition went to; known only after freezing, so it
-- may be edited.
CREATE TABLE edition_paper (
    edition_id INTEGER PRIMARY KEY REFERENCES edition(id),
    drucksache TEXT NOT NULL DEFAULT '',
    sitzung    TEXT NOT NULL DEFAULT '',
    datum      TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);

CREATE VIEW "Berichtsfassungen" AS
SELECT e.report_year AS "Berichtsjahr", e.version AS "Fassung", e.frozen_at AS "Festgeschrieben_am",
       e.frozen_by AS "Festgeschrieben_von", e.content_hash AS "Pruefsumme", e.pdf_sha256 AS "PDF_Pruefsumme",
       e.pages AS "Seiten", p.drucksache AS "Drucksache", p.sitzung AS "Sitzung", p.datum AS "Sitzungsdatum"
FROM edition e
LEFT JOIN edition_paper p ON p.edition_id = e.id;
