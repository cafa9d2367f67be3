-- 0008-lot-movements.sql — what happened to each lot's quantity (lot movements), the mock recalls
-- a plant has run, and the GS1 identifiers EPCIS needs on ingredients, suppliers, stores and the
-- traceability events' locations.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on SQLite 3.15.2 (SQLCipher 3.4.1). ff_name_id(), ff_json_object() and ff_search_fold()
-- are functions FfStore registers on every connection.

-- A lot's movements: consumed into a transformation (one per genealogy link), shipped (one per
-- shipment), scrapped, sampled, adjusted (signed: found or lost, with a reason) and counted (the
-- quantity on hand at a stock count). The repository writes the consumed and shipped ones in the
-- transaction of the link or shipment they follow (ff-lot-movements.c); a synced movement is
-- stored as it comes.
CREATE TABLE lot_movements (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  lot         TEXT NOT NULL,
  movement    TEXT NOT NULL,
  quantity    REAL NOT NULL,
  unit        TEXT NOT NULL,
  moved_at    TEXT NOT NULL,
  lot_link    TEXT,
  shipment    TEXT,
  batch       TEXT,
  reason      TEXT,
  recorded_by TEXT,
  _hlc        INTEGER NOT NULL,
  _device     TEXT NOT NULL,
  _deleted    INTEGER NOT NULL DEFAULT 0,
  _fhlc       TEXT
);
CREATE UNIQUE INDEX lot_movements_code_key ON lot_movements (code COLLATE FF_CODE);
CREATE INDEX lot_movements_by_lot ON lot_movements (lot, movement);
CREATE INDEX lot_movements_by_lot_link ON lot_movements (lot_link);
CREATE INDEX lot_movements_by_shipment ON lot_movements (shipment);
CREATE INDEX lot_movements_by_batch ON lot_movements (batch);
CREATE INDEX lot_movements_by_moved_at ON lot_movements (moved_at, _deleted);

CREATE TABLE lot_movements_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TRIGGER lot_movements_search_insert AFTER INSERT ON lot_movements BEGIN
  INSERT INTO lot_movements_search (rowid, text) VALUES (new.rowid, ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.reason, '')));
END;
CREATE TRIGGER lot_movements_search_update AFTER UPDATE OF code, reason ON lot_movements BEGIN
  UPDATE lot_movements_search SET text = ff_search_fold(coalesce(new.code, '') || char(31) || coalesce(new.reason, '')) WHERE rowid = new.rowid;
END;
CREATE TRIGGER lot_movements_search_delete AFTER DELETE ON lot_movements BEGIN
  DELETE FROM lot_movements_search WHERE rowid = old.rowid;
END;

-- The movements of the genealogy and shipments recorded before movements existed: name-based
-- ids and the clocks of what they follow, so another device migrating the same rows makes the
-- same records. Those whose link or shipment has not been sent yet travel with it.
INSERT INTO lot_movements (id, code, lot, movement, quantity, unit, moved_at, lot_link,
                           _hlc, _device, _deleted)
SELECT ff_name_id('lot_movements', 'lot_links/' || l.id), 'USE-' || l.code, l.input_lot,
       'consumed', l.quantity, l.unit, l.transformed_at, l.id, l._hlc, l._device, l._deleted
FROM lot_links l;
INSERT INTO lot_movements (id, code, lot, movement, quantity, unit, moved_at, shipment,
                           _hlc, _device, _deleted)
SELECT ff_name_id('lot_movements', 'shipments/' || s.id), 'SHIP-' || s.code, s.lot,
       'shipped', s.quantity, s.unit, s.ship_date || 'T12:00:00Z', s.id, s._hlc, s._device,
       s._deleted
FROM shipments s;
INSERT INTO sync_outbox (mutation_id, tbl, row_id, op, fields, base, hlc)
SELECT ff_name_id('sync_outbox', 'lot_movements/' || m.id), 'lot_movements', m.id, 'insert',
       ff_json_object('code', m.code, 'lot', m.lot, 'movement', m.movement,
                      'quantity', CAST (m.quantity AS TEXT), 'unit', m.unit,
                      'moved_at', m.moved_at, 'lot_link', m.lot_link, 'shipment', m.shipment,
                      'batch', NULL, 'reason', NULL, 'recorded_by', NULL),
       NULL, m._hlc
FROM lot_movements m
WHERE m.lot_link IN (SELECT row_id FROM sync_outbox WHERE tbl = 'lot_links')
   OR m.shipment IN (SELECT row_id FROM sync_outbox WHERE tbl = 'shipments');

-- A mock recall as it was run (BRCGS 3.9, SQF 2.6): the lots traced, when it started and ended,
-- what it reached, how much of each lot's quantity it accounted for, who ran it, and the whole
-- result as JSON for its report. Append-only.
CREATE TABLE recall_exercises (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  forward_lot    TEXT,
  backward_lot   TEXT,
  started_at     TEXT NOT NULL,
  finished_at    TEXT NOT NULL,
  duration_ms    REAL NOT NULL,
  lots_reached   INTEGER NOT NULL,
  customers      INTEGER NOT NULL,
  accounted_pct  REAL,
  run_by         TEXT NOT NULL,
  notes          TEXT,
  result         BLOB,
  _hlc           INTEGER NOT NULL,
  _device        TEXT NOT NULL,
  _deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX recall_exercises_code_key ON recall_exercises (code COLLATE FF_CODE);
CREATE INDEX recall_exercises_by_forward_lot ON recall_exercises (forward_lot);
CREATE INDEX recall_exercises_by_backward_lot ON recall_exercises (backward_lot);
CREATE INDEX recall_exercises_by_started_at ON recall_exercises (started_at);

-- GS1 identifiers for EPCIS: an ingredient's GTIN (when its supplier has one), a supplier's and
-- a store's GLN, and the GLN of each event's places beside their names and addresses.
ALTER TABLE ingredients ADD COLUMN gtin TEXT;
ALTER TABLE suppliers ADD COLUMN gln TEXT;
ALTER TABLE stores ADD COLUMN gln TEXT;
ALTER TABLE shipments ADD COLUMN ship_from_gln TEXT;
ALTER TABLE shipments ADD COLUMN ship_to_gln TEXT;
ALTER TABLE receipts ADD COLUMN receiving_gln TEXT;
ALTER TABLE receipts ADD COLUMN previous_source_gln TEXT;
ALTER TABLE lot_links ADD COLUMN location_gln TEXT;
CREATE UNIQUE INDEX ingredients_gtin_key ON ingredients (gtin);
CREATE UNIQUE INDEX suppliers_gln_key ON suppliers (gln);
CREATE UNIQUE INDEX stores_gln_key ON stores (gln);

-- What a trace reads (lots, genealogy, shipments, receipts and the supplier codes receipts
-- show) has changed since a connection last cached it: every write there sets a new random
-- tag (a rolled-back write leaves the old tag, and a tag is never reused by chance), whoever
-- writes (the repository, an import, sync, a migration). ff-trace-graph.c keeps the graph in
-- memory while the tag stays the same.
CREATE TABLE trace_changes (tag INTEGER NOT NULL);
INSERT INTO trace_changes (tag) VALUES (random());
CREATE TRIGGER lots_trace_insert AFTER INSERT ON lots BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER lots_trace_update AFTER UPDATE OF id, code, lot_type, status, quantity, unit, _deleted ON lots BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER lots_trace_delete AFTER DELETE ON lots BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER lot_links_trace_insert AFTER INSERT ON lot_links BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER lot_links_trace_update AFTER UPDATE OF input_lot, output_lot, quantity, transformed_at, _deleted ON lot_links BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER lot_links_trace_delete AFTER DELETE ON lot_links BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER shipments_trace_insert AFTER INSERT ON shipments BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER shipments_trace_update AFTER UPDATE ON shipments BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER shipments_trace_delete AFTER DELETE ON shipments BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER receipts_trace_insert AFTER INSERT ON receipts BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER receipts_trace_update AFTER UPDATE ON receipts BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER receipts_trace_delete AFTER DELETE ON receipts BEGIN UPDATE trace_changes SET tag = random(); END;
CREATE TRIGGER suppliers_trace_update AFTER UPDATE OF code ON suppliers BEGIN UPDATE trace_changes SET tag = random(); END;

-- Searches by store: a search of POS sales by a store's name or city ("Utrecht": 28 stores,
-- 70,000 of a million rows) lists them by date. The natural key (store, sku, sale_date) gives a
-- store's rows by SKU, so all of them were read (a wide index: cold pages on a query's own
-- connection) and sorted before the first row showed. With the date beside the store each
-- store's rows come in the list's order (sale_date, then rowid), and the list asks for its first
-- page alone first (ORDER BY ... LIMIT: SQLite reads only the first rows of each store), then the
-- rest.
CREATE INDEX pos_sales_by_store_date ON pos_sales (store, sale_date);
