-- Integrationsmonitor schema, version 1.
-- Plain English table names, documented in docs/schema.md; German-named views
-- at the end are what the Statistikdienststelle is meant to read.

CREATE TABLE field (
    code  TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    sort  INTEGER NOT NULL
);

CREATE TABLE assumption (
    field_code TEXT NOT NULL REFERENCES field(code) ON UPDATE CASCADE,
    num        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (field_code, num)
);

CREATE TABLE goal (
    code       TEXT PRIMARY KEY,
    field_code TEXT NOT NULL REFERENCES field(code) ON UPDATE CASCADE,
    rank       INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 9),
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    sort       INTEGER NOT NULL
);

CREATE TABLE area (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    key  TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL
);

CREATE TABLE population_group (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    dimension TEXT NOT NULL,
    sort      INTEGER NOT NULL
);

CREATE TABLE actor (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL
);

CREATE TABLE data_source (
    num  INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE key_figure (
    code              TEXT PRIMARY KEY,
    field_code        TEXT NOT NULL REFERENCES field(code) ON UPDATE CASCADE,
    num               INTEGER NOT NULL,
    statement         TEXT NOT NULL,
    base_figure_text  TEXT NOT NULL DEFAULT '',
    survey_time       TEXT NOT NULL DEFAULT '',
    area_text         TEXT NOT NULL DEFAULT '',
    source_text       TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    direction         TEXT NOT NULL CHECK (direction IN ('steigt','sinkt','naehert_sich_referenz','ausgeglichen','offen')),
    unit              TEXT NOT NULL DEFAULT '',
    area_code         TEXT REFERENCES area(code) ON UPDATE CASCADE,
    reference_label   TEXT,
    reference_formula TEXT,
    migration_capture TEXT NOT NULL DEFAULT '',
    method_notes      TEXT NOT NULL DEFAULT ''
);

-- One computed line of a Kennzahl; the formula refers to base figures by alias.
CREATE TABLE key_figure_series (
    key_figure_code TEXT NOT NULL REFERENCES key_figure(code) ON UPDATE CASCADE ON DELETE CASCADE,
    sort            INTEGER NOT NULL,
    label           TEXT NOT NULL,
    formula         TEXT NOT NULL,
    PRIMARY KEY (key_figure_code, sort)
);

CREATE TABLE impact_indicator (
    code        TEXT PRIMARY KEY,
    field_code  TEXT NOT NULL REFERENCES field(code) ON UPDATE CASCADE,
    num         INTEGER NOT NULL,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('bericht','beteiligung','befragung')),
    instruments INTEGER NOT NULL DEFAULT 0 CHECK (instruments IN (0,1))
);

CREATE TABLE impact_indicator_item (
    indicator_code TEXT NOT NULL REFERENCES impact_indicator(code) ON UPDATE CASCADE ON DELETE CASCADE,
    sort           INTEGER NOT NULL,
    text           TEXT NOT NULL,
    PRIMARY KEY (indicator_code, sort)
);

CREATE TABLE field_note (
    field_code TEXT NOT NULL REFERENCES field(code) ON UPDATE CASCADE,
    sort       INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (field_code, sort)
);

-- A Grundzahl belongs to a Kennzahl, to a Wirkungsindikator, or to nothing
-- (shared figures such as the population, used as references).
CREATE TABLE base_figure (
    code            TEXT PRIMARY KEY,
    key_figure_code TEXT REFERENCES key_figure(code) ON UPDATE CASCADE,
    indicator_code  TEXT REFERENCES impact_indicator(code) ON UPDATE CASCADE,
    alias           TEXT NOT NULL,
    name            TEXT NOT NULL,
    unit            TEXT NOT NULL DEFAULT 'Anzahl',
    period_kind     TEXT NOT NULL CHECK (period_kind IN ('jahr','halbjahr','schuljahr','stichtag')),
    actor_code      TEXT REFERENCES actor(code) ON UPDATE CASCADE,
    frequency       TEXT NOT NULL DEFAULT 'jaehrlich',
    sort            INTEGER NOT NULL,
    CHECK (key_figure_code IS NULL OR indicator_code IS NULL)
);

CREATE TABLE base_figure_group (
    base_figure_code TEXT NOT NULL REFERENCES base_figure(code) ON UPDATE CASCADE ON DELETE CASCADE,
    group_code       TEXT NOT NULL REFERENCES population_group(code) ON UPDATE CASCADE,
    sort             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (base_figure_code, group_code)
);

CREATE TABLE base_figure_area (
    base_figure_code TEXT NOT NULL REFERENCES base_figure(code) ON UPDATE CASCADE ON DELETE CASCADE,
    area_code        TEXT NOT NULL REFERENCES area(code) ON UPDATE CASCADE,
    sort             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (base_figure_code, area_code)
);

-- One delivered number (or official symbol) per Grundzahl x period x area x
-- group. Exactly one of number and symbol is set: a symbol is never a 0.
CREATE TABLE value (
    id               INTEGER PRIMARY KEY,
    base_figure_code TEXT NOT NULL REFERENCES base_figure(code) ON UPDATE CASCADE,
    period           TEXT NOT NULL,
    area_code        TEXT NOT NULL REFERENCES area(code) ON UPDATE CASCADE,
    group_code       TEXT NOT NULL REFERENCES population_group(code) ON UPDATE CASCADE,
    number           REAL,
    symbol           TEXT CHECK (symbol IN ('.','-','/','x','...')),
    provisional      INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0,1)),
    estimated        INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0,1)),
    confidential     INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0,1)),
    source           TEXT NOT NULL DEFAULT '',
    as_of            TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    demo             INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0,1)),
    entered_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    entered_by       TEXT NOT NULL DEFAULT '',
    origin           TEXT NOT NULL DEFAULT '',
    -- The program increments revision on each of its own updates; an update
    -- that leaves it unchanged came from another tool and is logged as such.
    revision         INTEGER NOT NULL DEFAULT 0,
    CHECK ((number IS NULL) <> (symbol IS NULL)),
    UNIQUE (base_figure_code, period, area_code, group_code)
);

-- Every change of a value, also one made with other SQLite tools: the
-- triggers below write it, so history cannot be skipped by accident.
-- The action words are store.HistoryInserted, HistoryChanged and
-- HistoryDeleted in Go (store/value.go); keep both in step.
CREATE TABLE value_history (
    id               INTEGER PRIMARY KEY,
    value_id         INTEGER NOT NULL,
    base_figure_code TEXT NOT NULL,
    period           TEXT NOT NULL,
    area_code        TEXT NOT NULL,
    group_code       TEXT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('neu','geaendert','geloescht')),
    old_number       REAL,
    old_symbol       TEXT,
    new_number       REAL,
    new_symbol       TEXT,
    old_source       TEXT,
    new_source       TEXT,
    old_as_of        TEXT,
    new_as_of        TEXT,
    old_note         TEXT,
    new_note         TEXT,
    old_flags        TEXT,
    new_flags        TEXT,
    changed_at       TEXT NOT NULL,
    changed_by       TEXT NOT NULL DEFAULT '',
    origin           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX value_history_value ON value_history(value_id);

CREATE TRIGGER value_inserted AFTER INSERT ON value BEGIN
    INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
        new_number, new_symbol, new_source, new_as_of, new_note, new_flags, changed_at, changed_by, origin)
    VALUES (NEW.id, NEW.base_figure_code, NEW.period, NEW.area_code, NEW.group_code, 'neu',
        NEW.number, NEW.symbol, NEW.source, NEW.as_of, NEW.note,
        NEW.provisional || NEW.estimated || NEW.confidential, NEW.entered_at, NEW.entered_by, NEW.origin);
END;

CREATE TRIGGER value_updated AFTER UPDATE ON value BEGIN
    INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
        old_number, old_symbol, new_number, new_symbol, old_source, new_source, old_as_of, new_as_of,
        old_note, new_note, old_flags, new_flags, changed_at, changed_by, origin)
    VALUES (NEW.id, NEW.base_figure_code, NEW.period, NEW.area_code, NEW.group_code, 'geaendert',
        OLD.number, OLD.symbol, NEW.number, NEW.symbol, OLD.source, NEW.source, OLD.as_of, NEW.as_of,
        OLD.note, NEW.note,
        OLD.provisional || OLD.estimated || OLD.confidential,
        NEW.provisional || NEW.estimated || NEW.confidential,
        CASE WHEN NEW.revision = OLD.revision THEN strftime('%Y-%m-%dT%H:%M:%SZ','now') ELSE NEW.entered_at END,
        CASE WHEN NEW.revision = OLD.revision THEN 'extern' ELSE NEW.entered_by END,
        CASE WHEN NEW.revision = OLD.revision THEN 'extern' ELSE NEW.origin END);
END;

CREATE TRIGGER value_deleted AFTER DELETE ON value BEGIN
    INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
        old_number, old_symbol, old_source, old_as_of, old_note, old_flags, changed_at, changed_by, origin)
    VALUES (OLD.id, OLD.base_figure_code, OLD.period, OLD.area_code, OLD.group_code, 'geloescht',
        OLD.number, OLD.symbol, OLD.source, OLD.as_of, OLD.note,
        OLD.provisional || OLD.estimated || OLD.confidential,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), '', 'geloescht');
END;

-- Report-style text of a Wirkungsindikator per report year.
CREATE TABLE indicator_text (
    indicator_code TEXT NOT NULL REFERENCES impact_indicator(code) ON UPDATE CASCADE,
    report_year    INTEGER NOT NULL,
    text           TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (indicator_code, report_year)
);

-- Instruments enumerated for "Anzahl und Charakter … in Berichtsform".
CREATE TABLE instrument (
    id             INTEGER PRIMARY KEY,
    indicator_code TEXT NOT NULL REFERENCES impact_indicator(code) ON UPDATE CASCADE,
    report_year    INTEGER NOT NULL,
    sort           INTEGER NOT NULL DEFAULT 0,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    provider       TEXT NOT NULL DEFAULT '',
    count          INTEGER CHECK (count IS NULL OR count >= 0)
);

-- Integrationskonferenz survey (C-W1): answers per question and category.
-- question 1..3; category 1..5 from the most positive; 0 = keine Angabe.
CREATE TABLE survey_answer (
    report_year INTEGER NOT NULL,
    question    INTEGER NOT NULL CHECK (question BETWEEN 1 AND 3),
    category    INTEGER NOT NULL CHECK (category BETWEEN 0 AND 5),
    count       INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (report_year, question, category)
);

-- Stellungnahme der Statistikdienststelle zum Migrationshintergrund (seed 3.4).
CREATE TABLE migration_estimate (
    report_year INTEGER PRIMARY KEY,
    reference_date TEXT NOT NULL DEFAULT '',
    persons     REAL,
    share       REAL,
    method      TEXT NOT NULL DEFAULT '',
    definition  TEXT NOT NULL DEFAULT '',
    statement   TEXT NOT NULL DEFAULT ''
);

-- Per-report-year texts and options of the Monitoring-Bericht.
CREATE TABLE report_setting (
    report_year INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    foreword    TEXT NOT NULL DEFAULT '',
    closing     TEXT NOT NULL DEFAULT ''
);

-- File-wide settings (small-count threshold, demo marker, created_at …).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIEW "Werte" AS
SELECT k.field_code AS "Handlungsfeld", k.code AS "Kennzahl", b.code AS "Grundzahl", b.name AS "Grundzahl_Name",
       v.period AS "Erhebungszeit", a.name AS "Statistischer_Bezirk", g.name AS "Gruppe",
       v.number AS "Wert", v.symbol AS "Zeichen", v.provisional AS "vorlaeufig", v.estimated AS "geschaetzt",
       v.source AS "Quelle", v.as_of AS "Datenstand", v.note AS "Anmerkung", v.demo AS "Beispieldaten",
       v.entered_at AS "Erfasst_am", v.entered_by AS "Erfasst_von"
FROM value v
JOIN base_figure b ON b.code = v.base_figure_code
LEFT JOIN key_figure k ON k.code = b.key_figure_code
JOIN area a ON a.code = v.area_code
JOIN population_group g ON g.code = v.group_code;

CREATE VIEW "Kennzahlen" AS
SELECT code AS "Kennzahl", field_code AS "Handlungsfeld", statement AS "Aussage", direction AS "Zielrichtung",
       unit AS "Einheit", survey_time AS "Erhebungszeit", area_text AS "Statistischer_Bezirk",
       source_text AS "Quelle", notes AS "Anmerkungen"
FROM key_figure;

CREATE VIEW "Wertehistorie" AS
SELECT h.changed_at AS "Zeitpunkt", h.changed_by AS "Von", h.origin AS "Herkunft", h.action AS "Aktion",
       h.base_figure_code AS "Grundzahl", h.period AS "Erhebungszeit", h.area_code AS "Bezirk", h.group_code AS "Gruppe",
       h.old_number AS "Alter_Wert", h.old_symbol AS "Altes_Zeichen", h.new_number AS "Neuer_Wert", h.new_symbol AS "Neues_Zeichen"
FROM value_history h;
