-- Integrationsmonitor schema, version 3: the program's bulk saves write
-- the history of their new values themselves.
-- A trigger program run once per row made the history of a 100,000-value
-- import cost more than the values; the program now inserts such values
-- with revision = 1 and writes their 'neu' rows with one INSERT … SELECT
-- per batch (store/value_bulk.go), in the same transaction. Every other
-- insert — from other SQLite tools, which leave revision at its default 0,
-- and the program's single saves — is still logged by this trigger. The
-- update and delete triggers of version 1 are unchanged.

DROP TRIGGER value_inserted;

CREATE TRIGGER value_inserted AFTER INSERT ON value WHEN NEW.revision = 0 BEGIN
    INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
        new_number, new_symbol, new_source, new_as_of, new_note, new_flags, changed_at, changed_by, origin)
    VALUES (NEW.id, NEW.base_figure_code, NEW.period, NEW.area_code, NEW.group_code, 'neu',
        NEW.number, NEW.symbol, NEW.source, NEW.as_of, NEW.note,
        NEW.provisional || NEW.estimated || NEW.confidential, NEW.entered_at, NEW.entered_by, NEW.origin);
END;
