-- Integrationsmonitor schema, version 4: Zeitreihenbrüche.
-- A break marker says that a series starts a new part at a period (DIN
-- 55301 "|": grundsätzliche Änderung innerhalb einer Reihe), e.g. the
-- population on the basis of the Zensus 2011 from 2011 on, or Stimmbezirke
-- drawn anew. It belongs to a Grundzahl (every Kennzahl reading it breaks)
-- or to a Kennzahl. NULL in area_code or group_code means every Bezirk or
-- group. Markers are never deleted: removing one sets removed_at, so the
-- file keeps when which break was in force.

CREATE TABLE series_break (
    id               INTEGER PRIMARY KEY,
    base_figure_code TEXT REFERENCES base_figure(code) ON UPDATE CASCADE,
    key_figure_code  TEXT REFERENCES key_figure(code) ON UPDATE CASCADE,
    area_code        TEXT REFERENCES area(code) ON UPDATE CASCADE,
    group_code       TEXT REFERENCES population_group(code) ON UPDATE CASCADE,
    period           TEXT NOT NULL,
    reason           TEXT NOT NULL CHECK (trim(reason) <> ''),
    origin           TEXT NOT NULL CHECK (origin IN ('automatisch','Benutzer','Import')),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    created_by       TEXT NOT NULL DEFAULT '',
    removed_at       TEXT,
    removed_by       TEXT,
    CHECK ((base_figure_code IS NULL) <> (key_figure_code IS NULL))
);
CREATE INDEX series_break_base_figure ON series_break(base_figure_code);

-- The shared Grundzahlen are the population figures. Their official
-- numbers rest on the Zensus 2011 from 2011 on (Bergisch Gladbach 2010:
-- 105.723, 2011: 109.026), so every file marks that break; the trigger
-- marks it for the shared Grundzahlen of a new catalogue, too.
INSERT INTO series_break (base_figure_code, period, reason, origin)
SELECT code, '2011', 'Bevölkerung ab 2011 auf Basis des Zensus 2011 (vorher Volkszählung 1987)', 'automatisch'
FROM base_figure WHERE key_figure_code IS NULL AND indicator_code IS NULL;

CREATE TRIGGER base_figure_census AFTER INSERT ON base_figure
WHEN NEW.key_figure_code IS NULL AND NEW.indicator_code IS NULL BEGIN
    INSERT INTO series_break (base_figure_code, period, reason, origin)
    VALUES (NEW.code, '2011', 'Bevölkerung ab 2011 auf Basis des Zensus 2011 (vorher Volkszählung 1987)', 'automatisch');
END;

CREATE VIEW "Zeitreihenbrueche" AS
SELECT s.id AS "Nr", COALESCE(s.key_figure_code, b.key_figure_code) AS "Kennzahl", s.base_figure_code AS "Grundzahl",
       COALESCE(a.name, 'alle') AS "Statistischer_Bezirk", COALESCE(g.name, 'alle') AS "Gruppe",
       s.period AS "Neue_Reihe_ab", s.reason AS "Grund", s.origin AS "Herkunft",
       s.created_at AS "Angelegt_am", s.created_by AS "Angelegt_von",
       s.removed_at AS "Entfernt_am", s.removed_by AS "Entfernt_von"
FROM series_break s
LEFT JOIN base_figure b ON b.code = s.base_figure_code
LEFT JOIN area a ON a.code = s.area_code
LEFT JOIN population_group g ON g.code = s.group_code;
