-- Integrationsmonitor schema: history of the texts (helper "texthist").
-- Every change of a text she writes — the report texts and catalogue
-- notes of report_text and catalog_note, the Wirkungsindikator reports,
-- the instruments, the survey counts, the Stellungnahme and the report
-- settings — is logged in text_history by the triggers below, in the
-- transaction of the change, also when another SQLite tool makes it.
-- A trigger logs a change as 'extern'; the program sets changed_at,
-- changed_by and origin of the rows its own saves logged before it
-- commits (store/texthistory.go). Updates that leave a text as it was
-- (a save of an unchanged form) are not logged.
-- The action words are those of value_history.

CREATE TABLE text_history (
    id          INTEGER PRIMARY KEY,
    -- kind is what the text is: the kinds of report_text, 'katalog',
    -- 'wirkungsindikator', 'instrument', 'befragung', 'stellungnahme',
    -- 'bericht'.
    kind        TEXT NOT NULL,
    report_year INTEGER,
    -- code is the Kennzahl, Wirkungsindikator or catalogue code.
    code        TEXT NOT NULL DEFAULT '',
    -- part names the column or item: the catalogue field, the report
    -- setting, the instrument or survey answer.
    part        TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL CHECK (action IN ('neu','geaendert','geloescht')),
    old_text    TEXT,
    new_text    TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX text_history_text ON text_history(kind, report_year, code);

-- report_text

CREATE TRIGGER report_text_inserted AFTER INSERT ON report_text BEGIN
    INSERT INTO text_history (kind, report_year, code, action, new_text, changed_at, changed_by, origin)
    VALUES (NEW.kind, NEW.report_year, NEW.code, 'neu', NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER report_text_updated AFTER UPDATE ON report_text
WHEN OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.code IS NOT NEW.code OR OLD.report_year IS NOT NEW.report_year BEGIN
    INSERT INTO text_history (kind, report_year, code, action, old_text, new_text, changed_at, changed_by, origin)
    VALUES (NEW.kind, NEW.report_year, NEW.code, 'geaendert', OLD.text, NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER report_text_deleted AFTER DELETE ON report_text BEGIN
    INSERT INTO text_history (kind, report_year, code, action, old_text, changed_at, changed_by, origin)
    VALUES (OLD.kind, OLD.report_year, OLD.code, 'geloescht', OLD.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

-- catalog_note

CREATE TRIGGER catalog_note_inserted AFTER INSERT ON catalog_note BEGIN
    INSERT INTO text_history (kind, code, part, action, new_text, changed_at, changed_by, origin)
    VALUES ('katalog', NEW.code, NEW.field, 'neu', NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER catalog_note_updated AFTER UPDATE ON catalog_note
WHEN OLD.text IS NOT NEW.text OR OLD.code IS NOT NEW.code OR OLD.field IS NOT NEW.field BEGIN
    INSERT INTO text_history (kind, code, part, action, old_text, new_text, changed_at, changed_by, origin)
    VALUES ('katalog', NEW.code, NEW.field, 'geaendert', OLD.text, NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER catalog_note_deleted AFTER DELETE ON catalog_note BEGIN
    INSERT INTO text_history (kind, code, part, action, old_text, changed_at, changed_by, origin)
    VALUES ('katalog', OLD.code, OLD.field, 'geloescht', OLD.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

-- indicator_text (report text of a Wirkungsindikator)

CREATE TRIGGER indicator_text_inserted AFTER INSERT ON indicator_text BEGIN
    INSERT INTO text_history (kind, report_year, code, action, new_text, changed_at, changed_by, origin)
    VALUES ('wirkungsindikator', NEW.report_year, NEW.indicator_code, 'neu', NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER indicator_text_updated AFTER UPDATE ON indicator_text
WHEN OLD.text IS NOT NEW.text OR OLD.indicator_code IS NOT NEW.indicator_code OR OLD.report_year IS NOT NEW.report_year BEGIN
    INSERT INTO text_history (kind, report_year, code, action, old_text, new_text, changed_at, changed_by, origin)
    VALUES ('wirkungsindikator', NEW.report_year, NEW.indicator_code, 'geaendert', OLD.text, NEW.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER indicator_text_deleted AFTER DELETE ON indicator_text BEGIN
    INSERT INTO text_history (kind, report_year, code, action, old_text, changed_at, changed_by, origin)
    VALUES ('wirkungsindikator', OLD.report_year, OLD.indicator_code, 'geloescht', OLD.text,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

-- instrument: one history row per instrument, identified by its place in
-- the list (part 'Nr. 1' …); the text is name | provider | count |
-- description.

CREATE TRIGGER instrument_inserted AFTER INSERT ON instrument BEGIN
    INSERT INTO text_history (kind, report_year, code, part, action, new_text, changed_at, changed_by, origin)
    VALUES ('instrument', NEW.report_year, NEW.indicator_code, 'Nr. ' || (NEW.sort + 1), 'neu',
        NEW.name || ' | ' || NEW.provider || ' | ' || COALESCE(NEW.count, '') || ' | ' || NEW.description,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER instrument_updated AFTER UPDATE ON instrument
WHEN OLD.name IS NOT NEW.name OR OLD.provider IS NOT NEW.provider OR OLD.count IS NOT NEW.count
    OR OLD.description IS NOT NEW.description OR OLD.sort IS NOT NEW.sort
    OR OLD.indicator_code IS NOT NEW.indicator_code OR OLD.report_year IS NOT NEW.report_year BEGIN
    INSERT INTO text_history (kind, report_year, code, part, action, old_text, new_text, changed_at, changed_by, origin)
    VALUES ('instrument', NEW.report_year, NEW.indicator_code, 'Nr. ' || (NEW.sort + 1), 'geaendert',
        OLD.name || ' | ' || OLD.provider || ' | ' || COALESCE(OLD.count, '') || ' | ' || OLD.description,
        NEW.name || ' | ' || NEW.provider || ' | ' || COALESCE(NEW.count, '') || ' | ' || NEW.description,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER instrument_deleted AFTER DELETE ON instrument BEGIN
    INSERT INTO text_history (kind, report_year, code, part, action, old_text, changed_at, changed_by, origin)
    VALUES ('instrument', OLD.report_year, OLD.indicator_code, 'Nr. ' || (OLD.sort + 1), 'geloescht',
        OLD.name || ' | ' || OLD.provider || ' | ' || COALESCE(OLD.count, '') || ' | ' || OLD.description,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

-- survey_answer: one history row per count (part 'Frage 1, Kategorie 2';
-- category 0 = keine Angabe).

CREATE TRIGGER survey_answer_inserted AFTER INSERT ON survey_answer BEGIN
    INSERT INTO text_history (kind, report_year, part, action, new_text, changed_at, changed_by, origin)
    VALUES ('befragung', NEW.report_year, 'Frage ' || NEW.question || ', Kategorie ' || NEW.category, 'neu', NEW.count,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER survey_answer_updated AFTER UPDATE ON survey_answer
WHEN OLD.count IS NOT NEW.count OR OLD.question IS NOT NEW.question OR OLD.category IS NOT NEW.category
    OR OLD.report_year IS NOT NEW.report_year BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, new_text, changed_at, changed_by, origin)
    VALUES ('befragung', NEW.report_year, 'Frage ' || NEW.question || ', Kategorie ' || NEW.category, 'geaendert',
        OLD.count, NEW.count, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

CREATE TRIGGER survey_answer_deleted AFTER DELETE ON survey_answer BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, changed_at, changed_by, origin)
    VALUES ('befragung', OLD.report_year, 'Frage ' || OLD.question || ', Kategorie ' || OLD.category, 'geloescht', OLD.count,
        strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern');
END;

-- migration_estimate and report_setting: one history row per changed
-- column, named by part.

CREATE TRIGGER migration_estimate_inserted AFTER INSERT ON migration_estimate BEGIN
    INSERT INTO text_history (kind, report_year, part, action, new_text, changed_at, changed_by, origin)
    SELECT 'stellungnahme', NEW.report_year, p, 'neu', n, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'stichtag' AS p, NEW.reference_date AS n UNION ALL SELECT 'personen', NEW.persons
        UNION ALL SELECT 'anteil', NEW.share UNION ALL SELECT 'methode', NEW.method
        UNION ALL SELECT 'definition', NEW.definition UNION ALL SELECT 'stellungnahme', NEW.statement)
    WHERE n IS NOT NULL AND n <> '';
END;

CREATE TRIGGER migration_estimate_updated AFTER UPDATE ON migration_estimate BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, new_text, changed_at, changed_by, origin)
    SELECT 'stellungnahme', NEW.report_year, p, 'geaendert', o, n, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'berichtsjahr' AS p, OLD.report_year AS o, NEW.report_year AS n
        UNION ALL SELECT 'stichtag', OLD.reference_date, NEW.reference_date
        UNION ALL SELECT 'personen', OLD.persons, NEW.persons UNION ALL SELECT 'anteil', OLD.share, NEW.share
        UNION ALL SELECT 'methode', OLD.method, NEW.method UNION ALL SELECT 'definition', OLD.definition, NEW.definition
        UNION ALL SELECT 'stellungnahme', OLD.statement, NEW.statement)
    WHERE o IS NOT n;
END;

CREATE TRIGGER migration_estimate_deleted AFTER DELETE ON migration_estimate BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, changed_at, changed_by, origin)
    SELECT 'stellungnahme', OLD.report_year, p, 'geloescht', o, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'stichtag' AS p, OLD.reference_date AS o UNION ALL SELECT 'personen', OLD.persons
        UNION ALL SELECT 'anteil', OLD.share UNION ALL SELECT 'methode', OLD.method
        UNION ALL SELECT 'definition', OLD.definition UNION ALL SELECT 'stellungnahme', OLD.statement)
    WHERE o IS NOT NULL AND o <> '';
END;

CREATE TRIGGER report_setting_inserted AFTER INSERT ON report_setting BEGIN
    INSERT INTO text_history (kind, report_year, part, action, new_text, changed_at, changed_by, origin)
    SELECT 'bericht', NEW.report_year, p, 'neu', n, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'titel' AS p, NEW.title AS n UNION ALL SELECT 'verfasser', NEW.author
        UNION ALL SELECT 'vorwort', NEW.foreword UNION ALL SELECT 'schluss', NEW.closing)
    WHERE n IS NOT NULL AND n <> '';
END;

CREATE TRIGGER report_setting_updated AFTER UPDATE ON report_setting BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, new_text, changed_at, changed_by, origin)
    SELECT 'bericht', NEW.report_year, p, 'geaendert', o, n, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'berichtsjahr' AS p, OLD.report_year AS o, NEW.report_year AS n
        UNION ALL SELECT 'titel', OLD.title, NEW.title UNION ALL SELECT 'verfasser', OLD.author, NEW.author
        UNION ALL SELECT 'vorwort', OLD.foreword, NEW.foreword UNION ALL SELECT 'schluss', OLD.closing, NEW.closing)
    WHERE o IS NOT n;
END;

CREATE TRIGGER report_setting_deleted AFTER DELETE ON report_setting BEGIN
    INSERT INTO text_history (kind, report_year, part, action, old_text, changed_at, changed_by, origin)
    SELECT 'bericht', OLD.report_year, p, 'geloescht', o, strftime('%Y-%m-%dT%H:%M:%SZ','now'), 'extern', 'extern'
    FROM (SELECT 'titel' AS p, OLD.title AS o UNION ALL SELECT 'verfasser', OLD.author
        UNION ALL SELECT 'vorwort', OLD.foreword UNION ALL SELECT 'schluss', OLD.closing)
    WHERE o IS NOT NULL AND o <> '';
END;

CREATE VIEW "Texthistorie" AS
SELECT h.id AS "Nr", h.changed_at AS "Geaendert_am", h.changed_by AS "Von", h.origin AS "Herkunft", h.action AS "Aktion",
       h.kind AS "Art", h.report_year AS "Berichtsjahr", h.code AS "Kennzahl", h.part AS "Teil",
       h.old_text AS "Alter_Text", h.new_text AS "Neuer_Text"
FROM text_history h;
