-- Integrationsmonitor schema: breakdowns the concept asks for (Geschlecht,
-- Generationen, Schulen, Abschlussarten) and the comparison populations of
-- A-K2, C-K3 and A-W2.
--
-- A new file gets its catalogue from assets/catalog.json after all
-- migrations have run on empty tables; every catalogue statement below is
-- therefore guarded by the rows it builds on and changes nothing in a new
-- file. In an older file it adds exactly the rows (with the same sort
-- numbers) that a new file gets, so both end with the same catalogue
-- (store TestMigratedCatalogMatchesNewFile). Values and their history are
-- not touched. This script does not depend on migration 0004.

-- The schools of B-K1/B-K2 ("schulscharf"). Each school is a Bezirk
-- (area of kind 'schule'), so that its values are stored, checked and kept
-- with history like every other value; this table holds what only a
-- school has. The city value is the sum of the schools.
CREATE TABLE school (
    area_code   TEXT PRIMARY KEY REFERENCES area(code) ON UPDATE CASCADE,
    school_type TEXT NOT NULL DEFAULT '' CHECK (school_type IN ('', 'gymnasium', 'hauptschule', 'realschule', 'gesamtschule', 'sekundarschule', 'sonstige')),
    sort        INTEGER NOT NULL DEFAULT 0
);

-- Population groups: sex within citizenship, age groups.
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'deutsche_weiblich', 'Deutsche, weiblich', 'staatsangehoerigkeit_geschlecht', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'deutsche_maennlich', 'Deutsche, männlich', 'staatsangehoerigkeit_geschlecht', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'auslaender_weiblich', 'Ausländer/innen, weiblich', 'staatsangehoerigkeit_geschlecht', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'auslaender_maennlich', 'Ausländer/innen, männlich', 'staatsangehoerigkeit_geschlecht', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'alter_u25', 'unter 25 Jahre', 'alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_u25');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'deutsche_alter_u25', 'Deutsche unter 25 Jahren', 'staatsangehoerigkeit_alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_u25');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'auslaender_alter_u25', 'Ausländer/innen unter 25 Jahren', 'staatsangehoerigkeit_alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_u25');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'alter_55u65', '55 bis unter 65 Jahre', 'alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_55u65');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'deutsche_alter_55u65', 'Deutsche von 55 bis unter 65 Jahren', 'staatsangehoerigkeit_alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_55u65');
INSERT INTO population_group(code,name,dimension,sort)
    SELECT 'auslaender_alter_55u65', 'Ausländer/innen von 55 bis unter 65 Jahren', 'staatsangehoerigkeit_alter', (SELECT max(sort) + 1 FROM population_group)
    WHERE EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt')
      AND NOT EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_55u65');

-- New Grundzahlen, each placed after its predecessor in the catalogue order
-- (the later ones move down one place), as a new file sorts them.
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'BEV1525')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') 
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'BEV1565', NULL, NULL, 'BEV1565', 'Bevölkerung 15 bis unter 65 Jahre', 'Anzahl', 'stichtag', 'statistik', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'BEV1525') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') 
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'BEV1565', 'stadt', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM area WHERE code = 'stadt');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'BEV1565', 'kreis', 1 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM area WHERE code = 'kreis');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'BEV1565', 'agentur', 2 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM area WHERE code = 'agentur');
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'BEV1565')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') 
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'BEV18', NULL, NULL, 'BEV18', 'Bevölkerung ab 18 Jahren', 'Anzahl', 'stichtag', 'statistik', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'BEV1565') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') 
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'BEV18', 'stadt', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM area WHERE code = 'stadt');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'BEV18', 'kreis', 1 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM area WHERE code = 'kreis');
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'A-K4-G2')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'A-K4-G3', 'A-K4', NULL, 'G3', 'Schulabgänger/innen ohne Hauptschulabschluss', 'Anzahl', 'jahr', 'itnrw', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'A-K4-G2') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-K4-G3', 'stadt', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM area WHERE code = 'stadt');
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'A-K4-G3')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'A-K4-G4', 'A-K4', NULL, 'G4', 'Schulabgänger/innen mit Hauptschulabschluss', 'Anzahl', 'jahr', 'itnrw', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'A-K4-G3') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-K4-G4', 'stadt', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM area WHERE code = 'stadt');
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'A-K4-G4')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'A-K4-G5', 'A-K4', NULL, 'G5', 'Schulabgänger/innen mit Fachoberschulreife (mittlerer Schulabschluss)', 'Anzahl', 'jahr', 'itnrw', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'A-K4-G4') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM key_figure WHERE code = 'A-K4')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-K4-G5', 'stadt', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM area WHERE code = 'stadt');
UPDATE base_figure SET sort = sort + 1
    WHERE sort > (SELECT sort FROM base_figure WHERE code = 'A-K6-G1')
      AND EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K6-G1') AND EXISTS (SELECT 1 FROM impact_indicator WHERE code = 'A-W2')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3');
INSERT INTO base_figure(code,key_figure_code,indicator_code,alias,name,unit,period_kind,actor_code,frequency,sort)
    SELECT 'A-W2-G3', NULL, 'A-W2', 'G3', 'Einstellungen bei der Stadtverwaltung (neu eingestellte Personen)', 'Anzahl', 'jahr', 'personalamt', 'jaehrlich',
        (SELECT sort FROM base_figure WHERE code = 'A-K6-G1') + 1
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K6-G1') AND EXISTS (SELECT 1 FROM impact_indicator WHERE code = 'A-W2')
      AND NOT EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-W2-G3', 'verwaltung_fuehrung', 0 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3') AND EXISTS (SELECT 1 FROM area WHERE code = 'verwaltung_fuehrung');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-W2-G3', 'verwaltung_sachbearbeitung', 1 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3') AND EXISTS (SELECT 1 FROM area WHERE code = 'verwaltung_sachbearbeitung');
INSERT OR IGNORE INTO base_figure_area(base_figure_code,area_code,sort)
    SELECT 'A-W2-G3', 'verwaltung_ausbildung', 2 WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3') AND EXISTS (SELECT 1 FROM area WHERE code = 'verwaltung_ausbildung');

-- Groups of the Grundzahlen: the new ones follow the old ones.
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1525', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1525')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1525') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'deutsche', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'auslaender', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'mit_mh', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'mit_mh');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'ohne_mh', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'ohne_mh');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV1565', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV1565')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV1565') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'deutsche', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'auslaender', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'mit_mh', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'mit_mh');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'ohne_mh', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'ohne_mh');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'BEV18', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'BEV18')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'BEV18') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'deutsche_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'auslaender_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'deutsche_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G1', 'auslaender_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'deutsche_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'auslaender_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'deutsche_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K1-G2', 'auslaender_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'deutsche_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'auslaender_alter_u25', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_u25');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'deutsche_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K2-G1', 'auslaender_alter_55u65', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_alter_55u65');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G1', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G2', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'deutsche', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'auslaender', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G3', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'deutsche', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'auslaender', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G4', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G4')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G4') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'deutsche', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'auslaender', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'deutsche_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'deutsche_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'deutsche_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-K4-G5', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-K4-G5')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-K4-G5') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-W2-G3', 'insgesamt', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-W2-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'insgesamt');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'A-W2-G3', 'mit_mh', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'A-W2-G3')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'A-W2-G3') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'mit_mh');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G1', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G1', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G1', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G1', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G2', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G2', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G2', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K1-G2', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K1-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K1-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G1', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G1', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G1', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G1', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G1')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G1') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G2', 'weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G2', 'maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'maennlich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G2', 'auslaender_weiblich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_weiblich');
INSERT OR IGNORE INTO base_figure_group(base_figure_code,group_code,sort)
    SELECT 'B-K2-G2', 'auslaender_maennlich', (SELECT coalesce(max(sort) + 1, 0) FROM base_figure_group WHERE base_figure_code = 'B-K2-G2')
    WHERE EXISTS (SELECT 1 FROM base_figure WHERE code = 'B-K2-G2') AND EXISTS (SELECT 1 FROM population_group WHERE code = 'auslaender_maennlich');

-- Kennzahlen whose comparison population or method text changed; a text
-- edited in the file is left as it is.
UPDATE key_figure SET method_notes = 'Arbeitslosenindex = Arbeitslose / (Arbeitslose + sozialversicherungspflichtig Beschäftigte am Wohnort) × 100, getrennt nach Ausländer/innen und Deutschen; Referenz ist der Index der Bevölkerung insgesamt. Eine Differenzierung nach Alterskohorten oder Zuwanderungsgeschichte ist nicht möglich. Die Bundesagentur für Arbeit weist Arbeitslose und Beschäftigte auch nach Geschlecht und Altersgruppen aus; der Bericht zeigt den Index deshalb zusätzlich für Frauen und Männer sowie für die unter 25-Jährigen und die 55- bis unter 65-Jährigen.'
    WHERE code = 'A-K1' AND method_notes = 'Arbeitslosenindex = Arbeitslose / (Arbeitslose + sozialversicherungspflichtig Beschäftigte am Wohnort) × 100, getrennt nach Ausländer/innen und Deutschen; Referenz ist der Index der Bevölkerung insgesamt. Eine Differenzierung nach Alterskohorten oder Zuwanderungsgeschichte ist nicht möglich.';
UPDATE key_figure SET reference_label = 'Anteil an der Bevölkerung von 15 bis unter 65 Jahren', reference_formula = 'BEV1565.auslaender / BEV1565.insgesamt * 100'
    WHERE code = 'A-K2' AND reference_label = 'Anteil an der Bevölkerung' AND reference_formula = 'BEV.auslaender / BEV.insgesamt * 100';
UPDATE key_figure SET method_notes = 'Anteil der Ausländer/innen an allen Arbeitsuchenden im Gebiet der Hauptagentur in %, verglichen mit ihrem Anteil an der Bevölkerung von 15 bis unter 65 Jahren desselben Gebiets (der Bevölkerung im erwerbsfähigen Alter; Kinder suchen keine Arbeit). Nach Geschlecht und Alter (unter 25, 55 bis unter 65 Jahre) wird derselbe Anteil ergänzend ausgewiesen.'
    WHERE code = 'A-K2' AND method_notes = 'Anteil der Ausländer/innen an allen Arbeitsuchenden im Gebiet der Hauptagentur in %, verglichen mit ihrem Anteil an der Bevölkerung desselben Gebiets.';
UPDATE key_figure SET method_notes = 'Repräsentationsindex = Anteil der Ausländer/innen an den Abgänger/innen mit Hochschul- oder Fachhochschulreife geteilt durch ihren Anteil an allen Schulabgänger/innen; 1,0 bedeutet eine Verteilung unabhängig von der Staatsangehörigkeit. Die zweite Reihe setzt den Anteil an allen Schulabgänger/innen ins Verhältnis zum Bevölkerungsanteil der 15- bis unter 25-Jährigen. Der Bericht zeigt außerdem die ganze Verteilung der Abschlussarten (ohne Hauptschulabschluss, Hauptschulabschluss, Fachoberschulreife, Fachhochschul-/Hochschulreife) für Deutsche und Ausländer/innen und je Abschlussart denselben Repräsentationsindex.'
    WHERE code = 'A-K4' AND method_notes = 'Repräsentationsindex = Anteil der Ausländer/innen an den Abgänger/innen mit Hochschul- oder Fachhochschulreife geteilt durch ihren Anteil an allen Schulabgänger/innen; 1,0 bedeutet eine Verteilung unabhängig von der Staatsangehörigkeit. Die zweite Reihe setzt den Anteil an allen Schulabgänger/innen ins Verhältnis zum Bevölkerungsanteil der 15- bis unter 25-Jährigen.';
UPDATE key_figure SET method_notes = 'Anteil der ausländischen Fünftklässler/innen, die eine 5. Klasse der Gymnasien besuchen, an allen ausländischen Fünftklässler/innen in %; zum Vergleich derselbe Anteil für alle Fünftklässler/innen. Schulscharfe Werte werden je Schule erfasst (Schulliste der Datei); der Wert der Stadt ist die Summe der Schulen. Quelle ist SchIPS (FB 4).'
    WHERE code = 'B-K1' AND method_notes = 'Anteil der ausländischen Fünftklässler/innen, die eine 5. Klasse der Gymnasien besuchen, an allen ausländischen Fünftklässler/innen in %; zum Vergleich derselbe Anteil für alle Fünftklässler/innen. Schulscharfe Werte werden je Schule erfasst, Quelle ist SchIPS (FB 4).';
UPDATE key_figure SET method_notes = 'Anteil der ausländischen Fünftklässler/innen, die eine 5. Klasse der Hauptschulen besuchen, an allen ausländischen Fünftklässler/innen in %; zum Vergleich derselbe Anteil für alle Fünftklässler/innen. Schulscharfe Werte werden je Schule erfasst (Schulliste der Datei); der Wert der Stadt ist die Summe der Schulen. Quelle ist SchIPS (FB 4).'
    WHERE code = 'B-K2' AND method_notes = 'Anteil der ausländischen Fünftklässler/innen, die eine 5. Klasse der Hauptschulen besuchen, an allen ausländischen Fünftklässler/innen in %; zum Vergleich derselbe Anteil für alle Fünftklässler/innen. Schulscharfe Werte werden je Schule erfasst, Quelle ist SchIPS (FB 4).';
UPDATE key_figure SET reference_label = 'Anteil mit Migrationshintergrund an der Bevölkerung ab 18 Jahren', reference_formula = 'BEV18.mit_mh / BEV18.insgesamt * 100'
    WHERE code = 'C-K3' AND reference_label = 'Bevölkerungsanteil mit Migrationshintergrund' AND reference_formula = 'BEV.mit_mh / BEV.insgesamt * 100';
UPDATE key_figure SET method_notes = 'Anteil der Rats- und Ausschussmitglieder, sachkundigen Einwohner/innen und Stellvertreter mit Migrationshintergrund in %, verglichen mit dem Anteil der Einwohner/innen ab 18 Jahren mit Migrationshintergrund (Mitglied kann nur werden, wer volljährig ist; Kinder gehören nicht zur Vergleichsbevölkerung).'
    WHERE code = 'C-K3' AND method_notes = 'Anteil der Rats- und Ausschussmitglieder, sachkundigen Einwohner/innen und Stellvertreter mit Migrationshintergrund in %, verglichen mit dem Anteil der Einwohner/innen mit Migrationshintergrund.';
UPDATE key_figure SET method_notes = 'Wahlbeteiligung = Wählerinnen und Wähler / Wahlberechtigte × 100, für die Stadt und je Stimmbezirk bzw. Briefwahl. Wahlberechtigte der Briefwahl sind die Wahlberechtigten, denen ein Wahlschein ausgestellt wurde; sie werden in ihrem Stimmbezirk nicht noch einmal gezählt (Stimmbezirk 1 und 2 zählen nur die Wahlberechtigten ohne Wahlschein). So ergeben Stimmbezirk 1, Stimmbezirk 2 und Briefwahl zusammen die Wahlberechtigten und die Wählenden der Stadt.'
    WHERE code = 'C-K4' AND method_notes = 'Wahlbeteiligung = Wählerinnen und Wähler / Wahlberechtigte × 100, für die Stadt und je Stimmbezirk bzw. Briefwahl.';

