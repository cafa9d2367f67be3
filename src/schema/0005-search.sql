-- 0005-search.sql — searches of the lists that grow with time stay fast at a million rows.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on SQLite 3.15.2 (SQLCipher 3.4.1). ff_search_fold() is a function FfStore registers on
-- every connection (Unicode case folding). Each kind that grows with the plant's work keeps the
-- text of its searchable text fields in a narrow <table>_search table, kept by triggers whoever
-- writes (the repository, sync, a migration), so a search reads a few pages instead of the whole
-- table; references are searched through their own indexes. tests/domain/test-kinds.c checks
-- that each trigger covers exactly the kind's searchable text fields.

-- Orders the lists sort by that no index served: a list of what grows with the work opens in
-- its default order straight from an index (with the tombstone flag, so the index alone
-- answers), and a long list shows its first page before the rest is read.
CREATE INDEX sensor_readings_by_time ON sensor_readings (observed_at);
CREATE INDEX audit_photos_by_taken_at ON audit_photos (taken_at);
CREATE INDEX audit_responses_by_answered_at ON audit_responses (answered_at);
CREATE INDEX batches_by_planned_start ON batches (planned_start, _deleted);
CREATE INDEX capas_by_due_on ON capas (due_on, _deleted);
CREATE INDEX ccp_readings_by_observed_at ON ccp_readings (observed_at);
CREATE INDEX deviations_by_raised_at ON deviations (raised_at, _deleted);
CREATE INDEX downtime_events_by_started_at ON downtime_events (started_at, _deleted);
CREATE INDEX forecasts_by_period_start ON forecasts (period_start, _deleted);
CREATE INDEX inventory_levels_by_as_of ON inventory_levels (as_of, _deleted);
CREATE INDEX lot_links_by_transformed_at ON lot_links (transformed_at, _deleted);
CREATE INDEX lots_by_produced_or_received_on ON lots (produced_or_received_on, _deleted);
CREATE INDEX osa_alerts_by_detected_on ON osa_alerts (detected_on, _deleted);
CREATE INDEX production_plans_by_planned_start ON production_plans (planned_start, _deleted);
CREATE INDEX receipts_by_received_on ON receipts (received_on, _deleted);
CREATE INDEX shipments_by_ship_date ON shipments (ship_date, _deleted);
CREATE INDEX waste_by_recorded_on ON waste (recorded_on, _deleted);
-- A SKU's sales by date, read from the index alone.
DROP INDEX pos_sales_by_sku;
CREATE INDEX pos_sales_by_sku ON pos_sales (sku, sale_date);

CREATE TABLE batches_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER batches_search_insert AFTER INSERT ON batches BEGIN
  INSERT INTO batches_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '')));
END;
CREATE TRIGGER batches_search_update AFTER UPDATE OF code ON batches BEGIN
  UPDATE batches_search SET text = ff_search_fold(coalesce(new.code, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER batches_search_delete AFTER DELETE ON batches BEGIN
  DELETE FROM batches_search WHERE rowid = old.rowid;
END;
INSERT INTO batches_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '')) FROM batches;

CREATE TABLE downtime_events_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER downtime_events_search_insert AFTER INSERT ON downtime_events BEGIN
  INSERT INTO downtime_events_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.reason_code, '')));
END;
CREATE TRIGGER downtime_events_search_update AFTER UPDATE OF code, reason_code ON downtime_events BEGIN
  UPDATE downtime_events_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.reason_code, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER downtime_events_search_delete AFTER DELETE ON downtime_events BEGIN
  DELETE FROM downtime_events_search WHERE rowid = old.rowid;
END;
INSERT INTO downtime_events_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(reason_code, '')) FROM downtime_events;

CREATE TABLE lots_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER lots_search_insert AFTER INSERT ON lots BEGIN
  INSERT INTO lots_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.description, '') || char(31) || coalesce(new.location, '')));
END;
CREATE TRIGGER lots_search_update AFTER UPDATE OF code, description, location ON lots BEGIN
  UPDATE lots_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.description, '') || char(31) || coalesce(new.location, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER lots_search_delete AFTER DELETE ON lots BEGIN
  DELETE FROM lots_search WHERE rowid = old.rowid;
END;
INSERT INTO lots_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(description, '') || char(31) || coalesce(location, '')) FROM lots;

CREATE TABLE lot_links_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER lot_links_search_insert AFTER INSERT ON lot_links BEGIN
  INSERT INTO lot_links_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.event_code, '') || char(31) || coalesce(new.reference_doc_number, '')));
END;
CREATE TRIGGER lot_links_search_update AFTER UPDATE OF code, event_code, reference_doc_number ON lot_links BEGIN
  UPDATE lot_links_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.event_code, '') || char(31) || coalesce(new.reference_doc_number, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER lot_links_search_delete AFTER DELETE ON lot_links BEGIN
  DELETE FROM lot_links_search WHERE rowid = old.rowid;
END;
INSERT INTO lot_links_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(event_code, '') || char(31) || coalesce(reference_doc_number, '')) FROM lot_links;

CREATE TABLE shipments_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER shipments_search_insert AFTER INSERT ON shipments BEGIN
  INSERT INTO shipments_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.ship_to, '') || char(31) || coalesce(new.reference_doc_number, '')));
END;
CREATE TRIGGER shipments_search_update AFTER UPDATE OF code, ship_to, reference_doc_number ON shipments BEGIN
  UPDATE shipments_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.ship_to, '') || char(31) || coalesce(new.reference_doc_number, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER shipments_search_delete AFTER DELETE ON shipments BEGIN
  DELETE FROM shipments_search WHERE rowid = old.rowid;
END;
INSERT INTO shipments_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(ship_to, '') || char(31) || coalesce(reference_doc_number, '')) FROM shipments;

CREATE TABLE receipts_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER receipts_search_insert AFTER INSERT ON receipts BEGIN
  INSERT INTO receipts_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.previous_source, '') || char(31) || coalesce(new.reference_doc_number, '')));
END;
CREATE TRIGGER receipts_search_update AFTER UPDATE OF code, previous_source, reference_doc_number ON receipts BEGIN
  UPDATE receipts_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.previous_source, '') || char(31) || coalesce(new.reference_doc_number, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER receipts_search_delete AFTER DELETE ON receipts BEGIN
  DELETE FROM receipts_search WHERE rowid = old.rowid;
END;
INSERT INTO receipts_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(previous_source, '') || char(31) || coalesce(reference_doc_number, '')) FROM receipts;

CREATE TABLE ccp_readings_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER ccp_readings_search_insert AFTER INSERT ON ccp_readings BEGIN
  INSERT INTO ccp_readings_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.instrument_id, '') || char(31) || coalesce(new.observed_by, '')));
END;
CREATE TRIGGER ccp_readings_search_update AFTER UPDATE OF instrument_id, observed_by ON ccp_readings BEGIN
  UPDATE ccp_readings_search SET text = ff_search_fold(coalesce(new.instrument_id, '') || char(31) || coalesce(new.observed_by, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER ccp_readings_search_delete AFTER DELETE ON ccp_readings BEGIN
  DELETE FROM ccp_readings_search WHERE rowid = old.rowid;
END;
INSERT INTO ccp_readings_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(instrument_id, '') || char(31) || coalesce(observed_by, '')) FROM ccp_readings;

CREATE TABLE deviations_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER deviations_search_insert AFTER INSERT ON deviations BEGIN
  INSERT INTO deviations_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.description, '')));
END;
CREATE TRIGGER deviations_search_update AFTER UPDATE OF code, description ON deviations BEGIN
  UPDATE deviations_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.description, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER deviations_search_delete AFTER DELETE ON deviations BEGIN
  DELETE FROM deviations_search WHERE rowid = old.rowid;
END;
INSERT INTO deviations_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(description, '')) FROM deviations;

CREATE TABLE audit_responses_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER audit_responses_search_insert AFTER INSERT ON audit_responses BEGIN
  INSERT INTO audit_responses_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.answer, '')));
END;
CREATE TRIGGER audit_responses_search_update AFTER UPDATE OF code, answer ON audit_responses BEGIN
  UPDATE audit_responses_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.answer, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER audit_responses_search_delete AFTER DELETE ON audit_responses BEGIN
  DELETE FROM audit_responses_search WHERE rowid = old.rowid;
END;
INSERT INTO audit_responses_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(answer, '')) FROM audit_responses;

CREATE TABLE audit_photos_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER audit_photos_search_insert AFTER INSERT ON audit_photos BEGIN
  INSERT INTO audit_photos_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.caption, '')));
END;
CREATE TRIGGER audit_photos_search_update AFTER UPDATE OF code, caption ON audit_photos BEGIN
  UPDATE audit_photos_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.caption, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER audit_photos_search_delete AFTER DELETE ON audit_photos BEGIN
  DELETE FROM audit_photos_search WHERE rowid = old.rowid;
END;
INSERT INTO audit_photos_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(caption, '')) FROM audit_photos;

CREATE TABLE capas_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER capas_search_insert AFTER INSERT ON capas BEGIN
  INSERT INTO capas_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.title, '') || char(31) || coalesce(new.owner, '')));
END;
CREATE TRIGGER capas_search_update AFTER UPDATE OF code, title, owner ON capas BEGIN
  UPDATE capas_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.title, '') || char(31) || coalesce(new.owner, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER capas_search_delete AFTER DELETE ON capas BEGIN
  DELETE FROM capas_search WHERE rowid = old.rowid;
END;
INSERT INTO capas_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(title, '') || char(31) || coalesce(owner, '')) FROM capas;

CREATE TABLE forecasts_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER forecasts_search_insert AFTER INSERT ON forecasts BEGIN
  INSERT INTO forecasts_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.location, '')));
END;
CREATE TRIGGER forecasts_search_update AFTER UPDATE OF code, location ON forecasts BEGIN
  UPDATE forecasts_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.location, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER forecasts_search_delete AFTER DELETE ON forecasts BEGIN
  DELETE FROM forecasts_search WHERE rowid = old.rowid;
END;
INSERT INTO forecasts_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(location, '')) FROM forecasts;

CREATE TABLE production_plans_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER production_plans_search_insert AFTER INSERT ON production_plans BEGIN
  INSERT INTO production_plans_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '')));
END;
CREATE TRIGGER production_plans_search_update AFTER UPDATE OF code ON production_plans BEGIN
  UPDATE production_plans_search SET text = ff_search_fold(coalesce(new.code, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER production_plans_search_delete AFTER DELETE ON production_plans BEGIN
  DELETE FROM production_plans_search WHERE rowid = old.rowid;
END;
INSERT INTO production_plans_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '')) FROM production_plans;

CREATE TABLE inventory_levels_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER inventory_levels_search_insert AFTER INSERT ON inventory_levels BEGIN
  INSERT INTO inventory_levels_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.location, '')));
END;
CREATE TRIGGER inventory_levels_search_update AFTER UPDATE OF code, location ON inventory_levels BEGIN
  UPDATE inventory_levels_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.location, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER inventory_levels_search_delete AFTER DELETE ON inventory_levels BEGIN
  DELETE FROM inventory_levels_search WHERE rowid = old.rowid;
END;
INSERT INTO inventory_levels_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '') || char(31) || coalesce(location, '')) FROM inventory_levels;

CREATE TABLE waste_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER waste_search_insert AFTER INSERT ON waste BEGIN
  INSERT INTO waste_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '')));
END;
CREATE TRIGGER waste_search_update AFTER UPDATE OF code ON waste BEGIN
  UPDATE waste_search SET text = ff_search_fold(coalesce(new.code, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER waste_search_delete AFTER DELETE ON waste BEGIN
  DELETE FROM waste_search WHERE rowid = old.rowid;
END;
INSERT INTO waste_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '')) FROM waste;

CREATE TABLE osa_alerts_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER osa_alerts_search_insert AFTER INSERT ON osa_alerts BEGIN
  INSERT INTO osa_alerts_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '')));
END;
CREATE TRIGGER osa_alerts_search_update AFTER UPDATE OF code ON osa_alerts BEGIN
  UPDATE osa_alerts_search SET text = ff_search_fold(coalesce(new.code, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER osa_alerts_search_delete AFTER DELETE ON osa_alerts BEGIN
  DELETE FROM osa_alerts_search WHERE rowid = old.rowid;
END;
INSERT INTO osa_alerts_search (rowid, text) SELECT rowid, ff_search_fold(coalesce(code, '')) FROM osa_alerts;
