-- 0003-all-records.sql — every record kind of the product, and the references that 0002 kept
-- as text turned into record ids.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Columns follow the kind descriptions in src/domain/*/ff-*-kinds.c (tests/domain/test-kinds.c
-- checks they agree). Runs on SQLite 3.15.2 (SQLCipher 3.4.1): no UPSERT, no window functions,
-- no RENAME COLUMN. References are plain TEXT columns holding the referenced record's id, with
-- no FOREIGN KEY: sync may deliver a child before its parent, and the repository checks them.
-- Every reference column is indexed (a detail view lists the records that refer to it).

-- New kinds, in import order ---------------------------------------------------------------------

CREATE TABLE plants (
  id       TEXT PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  gln      TEXT UNIQUE,
  address  TEXT,
  city     TEXT,
  country  TEXT,
  timezone TEXT,
  notes    TEXT,
  _hlc     INTEGER NOT NULL,
  _device  TEXT NOT NULL,
  _deleted INTEGER NOT NULL DEFAULT 0,
  _fhlc    TEXT
);

CREATE TABLE shifts (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  plant             TEXT NOT NULL,
  name              TEXT NOT NULL,
  start_time        TEXT NOT NULL,
  end_time          TEXT NOT NULL,
  planned_break_min INTEGER,
  weekdays          TEXT,
  _hlc              INTEGER NOT NULL,
  _device           TEXT NOT NULL,
  _deleted          INTEGER NOT NULL DEFAULT 0,
  _fhlc             TEXT
);
CREATE INDEX shifts_by_plant ON shifts (plant);

CREATE TABLE documents (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  title           TEXT NOT NULL,
  doc_type        TEXT NOT NULL,
  version         TEXT NOT NULL,
  status          TEXT NOT NULL,
  effective_on    TEXT,
  review_due      TEXT,
  owner           TEXT,
  body            TEXT,
  attachment      BLOB,
  attachment_name TEXT,
  attachment_mime TEXT,
  _hlc            INTEGER NOT NULL,
  _device         TEXT NOT NULL,
  _deleted        INTEGER NOT NULL DEFAULT 0,
  _fhlc           TEXT
);

CREATE TABLE brands (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  owner       TEXT,
  positioning TEXT,
  _hlc        INTEGER NOT NULL,
  _device     TEXT NOT NULL,
  _deleted    INTEGER NOT NULL DEFAULT 0,
  _fhlc       TEXT
);

CREATE TABLE products (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  brand       TEXT NOT NULL,
  name        TEXT NOT NULL,
  category    TEXT,
  status      TEXT NOT NULL,
  description TEXT,
  _hlc        INTEGER NOT NULL,
  _device     TEXT NOT NULL,
  _deleted    INTEGER NOT NULL DEFAULT 0,
  _fhlc       TEXT
);
CREATE INDEX products_by_brand ON products (brand);

CREATE TABLE sensors (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  line              TEXT NOT NULL,
  measure           TEXT NOT NULL,
  unit              TEXT NOT NULL,
  lower_spec_limit  REAL,
  target            REAL,
  upper_spec_limit  REAL,
  sample_interval_s INTEGER,
  active            INTEGER,
  _hlc              INTEGER NOT NULL,
  _device           TEXT NOT NULL,
  _deleted          INTEGER NOT NULL DEFAULT 0,
  _fhlc             TEXT
);
CREATE INDEX sensors_by_line ON sensors (line);

CREATE TABLE sensor_readings (
  id          TEXT PRIMARY KEY,
  sensor      TEXT NOT NULL,
  observed_at TEXT NOT NULL,
  value       REAL NOT NULL,
  _hlc        INTEGER NOT NULL,
  _device     TEXT NOT NULL,
  _deleted    INTEGER NOT NULL DEFAULT 0
);
-- Time series: one sensor's readings over a time range.
CREATE INDEX sensor_readings_by_sensor_time ON sensor_readings (sensor, observed_at);

CREATE TABLE batches (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  line                TEXT NOT NULL,
  sku                 TEXT NOT NULL,
  shift               TEXT,
  status              TEXT NOT NULL,
  planned_start       TEXT NOT NULL,
  planned_end         TEXT,
  actual_start        TEXT,
  actual_end          TEXT,
  planned_quantity    REAL,
  produced_quantity   REAL,
  good_quantity       REAL,
  unit                TEXT,
  scrap_kg            REAL,
  giveaway_g_per_unit REAL,
  notes               TEXT,
  _hlc                INTEGER NOT NULL,
  _device             TEXT NOT NULL,
  _deleted            INTEGER NOT NULL DEFAULT 0,
  _fhlc               TEXT
);
CREATE INDEX batches_by_line ON batches (line);
CREATE INDEX batches_by_sku ON batches (sku);
CREATE INDEX batches_by_shift ON batches (shift);

CREATE TABLE trials (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  line           TEXT NOT NULL,
  sku            TEXT,
  hypothesis     TEXT NOT NULL,
  parameter      TEXT NOT NULL,
  baseline_value REAL,
  trial_value    REAL,
  parameter_unit TEXT,
  start_date     TEXT,
  end_date       TEXT,
  status         TEXT NOT NULL,
  outcome        TEXT,
  conclusion     TEXT,
  owner          TEXT,
  _hlc           INTEGER NOT NULL,
  _device        TEXT NOT NULL,
  _deleted       INTEGER NOT NULL DEFAULT 0,
  _fhlc          TEXT
);
CREATE INDEX trials_by_line ON trials (line);
CREATE INDEX trials_by_sku ON trials (sku);

CREATE TABLE downtime_events (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  line          TEXT NOT NULL,
  batch         TEXT,
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  minutes       REAL,
  loss_category TEXT NOT NULL,
  reason_code   TEXT,
  notes         TEXT,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
CREATE INDEX downtime_events_by_line ON downtime_events (line);
CREATE INDEX downtime_events_by_batch ON downtime_events (batch);

CREATE TABLE money_leaks (
  id           TEXT PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  line         TEXT NOT NULL,
  period_start TEXT NOT NULL,
  granularity  TEXT NOT NULL,
  category     TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency     TEXT NOT NULL,
  basis        TEXT,
  status       TEXT NOT NULL,
  _hlc         INTEGER NOT NULL,
  _device      TEXT NOT NULL,
  _deleted     INTEGER NOT NULL DEFAULT 0,
  _fhlc        TEXT
);
CREATE INDEX money_leaks_by_line ON money_leaks (line);

CREATE TABLE supplier_certificates (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  supplier           TEXT NOT NULL,
  scheme             TEXT NOT NULL,
  certificate_number TEXT NOT NULL,
  certification_body TEXT,
  grade              TEXT,
  scope              TEXT,
  issued_on          TEXT,
  expires_on         TEXT NOT NULL,
  document           TEXT,
  _hlc               INTEGER NOT NULL,
  _device            TEXT NOT NULL,
  _deleted           INTEGER NOT NULL DEFAULT 0,
  _fhlc              TEXT
);
CREATE INDEX supplier_certificates_by_supplier ON supplier_certificates (supplier);
CREATE INDEX supplier_certificates_by_document ON supplier_certificates (document);

CREATE TABLE ingredients (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  supplier             TEXT,
  unit                 TEXT NOT NULL,
  storage              TEXT,
  shelf_life_days      INTEGER,
  country_of_origin    TEXT,
  on_traceability_list INTEGER,
  specification        TEXT,
  _hlc                 INTEGER NOT NULL,
  _device              TEXT NOT NULL,
  _deleted             INTEGER NOT NULL DEFAULT 0,
  _fhlc                TEXT
);
CREATE INDEX ingredients_by_supplier ON ingredients (supplier);

CREATE TABLE allergens (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  regulation TEXT NOT NULL,
  notes      TEXT,
  _hlc       INTEGER NOT NULL,
  _device    TEXT NOT NULL,
  _deleted   INTEGER NOT NULL DEFAULT 0,
  _fhlc      TEXT
);

CREATE TABLE ingredient_allergens (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  ingredient TEXT NOT NULL,
  allergen   TEXT NOT NULL,
  presence   TEXT NOT NULL,
  source     TEXT,
  _hlc       INTEGER NOT NULL,
  _device    TEXT NOT NULL,
  _deleted   INTEGER NOT NULL DEFAULT 0,
  _fhlc      TEXT
);
CREATE INDEX ingredient_allergens_by_ingredient ON ingredient_allergens (ingredient);
CREATE INDEX ingredient_allergens_by_allergen ON ingredient_allergens (allergen);

CREATE TABLE lots (
  id                      TEXT PRIMARY KEY,
  code                    TEXT NOT NULL UNIQUE,
  lot_type                TEXT NOT NULL,
  status                  TEXT NOT NULL,
  ingredient              TEXT,
  sku                     TEXT,
  description             TEXT,
  quantity                REAL NOT NULL,
  unit                    TEXT NOT NULL,
  produced_or_received_on TEXT NOT NULL,
  best_before             TEXT,
  supplier                TEXT,
  line                    TEXT,
  batch                   TEXT,
  location                TEXT,
  tlc_source              TEXT,
  _hlc                    INTEGER NOT NULL,
  _device                 TEXT NOT NULL,
  _deleted                INTEGER NOT NULL DEFAULT 0,
  _fhlc                   TEXT
);
CREATE INDEX lots_by_ingredient ON lots (ingredient);
CREATE INDEX lots_by_sku ON lots (sku);
CREATE INDEX lots_by_supplier ON lots (supplier);
CREATE INDEX lots_by_line ON lots (line);
CREATE INDEX lots_by_batch ON lots (batch);

CREATE TABLE lot_links (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  event_code           TEXT NOT NULL,
  input_lot            TEXT NOT NULL,
  output_lot           TEXT NOT NULL,
  quantity             REAL NOT NULL,
  unit                 TEXT NOT NULL,
  transformed_at       TEXT NOT NULL,
  location             TEXT NOT NULL,
  reference_doc_type   TEXT,
  reference_doc_number TEXT,
  _hlc                 INTEGER NOT NULL,
  _device              TEXT NOT NULL,
  _deleted             INTEGER NOT NULL DEFAULT 0,
  _fhlc                TEXT
);
CREATE INDEX lot_links_by_input_lot ON lot_links (input_lot);
CREATE INDEX lot_links_by_output_lot ON lot_links (output_lot);

CREATE TABLE shipments (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  lot                  TEXT NOT NULL,
  quantity             REAL NOT NULL,
  unit                 TEXT NOT NULL,
  ship_date            TEXT NOT NULL,
  ship_from            TEXT NOT NULL,
  ship_to              TEXT NOT NULL,
  ship_to_type         TEXT NOT NULL,
  carrier              TEXT,
  reference_doc_type   TEXT,
  reference_doc_number TEXT,
  _hlc                 INTEGER NOT NULL,
  _device              TEXT NOT NULL,
  _deleted             INTEGER NOT NULL DEFAULT 0,
  _fhlc                TEXT
);
CREATE INDEX shipments_by_lot ON shipments (lot);

CREATE TABLE receipts (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  lot                  TEXT NOT NULL,
  supplier             TEXT,
  quantity             REAL NOT NULL,
  unit                 TEXT NOT NULL,
  received_on          TEXT NOT NULL,
  receiving_location   TEXT NOT NULL,
  previous_source      TEXT NOT NULL,
  reference_doc_type   TEXT,
  reference_doc_number TEXT,
  _hlc                 INTEGER NOT NULL,
  _device              TEXT NOT NULL,
  _deleted             INTEGER NOT NULL DEFAULT 0,
  _fhlc                TEXT
);
CREATE INDEX receipts_by_lot ON receipts (lot);
CREATE INDEX receipts_by_supplier ON receipts (supplier);

CREATE TABLE haccp_plans (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  product_scope TEXT NOT NULL,
  version       TEXT NOT NULL,
  status        TEXT NOT NULL,
  approved_on   TEXT,
  approved_by   TEXT,
  review_due    TEXT,
  document      TEXT,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
CREATE INDEX haccp_plans_by_document ON haccp_plans (document);

CREATE TABLE ccps (
  id                     TEXT PRIMARY KEY,
  code                   TEXT NOT NULL UNIQUE,
  haccp_plan             TEXT NOT NULL,
  process_step           TEXT NOT NULL,
  line                   TEXT,
  hazard                 TEXT NOT NULL,
  hazard_type            TEXT,
  control_measure        TEXT NOT NULL,
  limit_min              REAL,
  limit_max              REAL,
  limit_unit             TEXT,
  monitoring_what        TEXT NOT NULL,
  monitoring_how         TEXT NOT NULL,
  frequency_minutes      INTEGER NOT NULL,
  responsible_role       TEXT NOT NULL,
  corrective_action      TEXT NOT NULL,
  verification_activity  TEXT,
  verification_frequency TEXT,
  _hlc                   INTEGER NOT NULL,
  _device                TEXT NOT NULL,
  _deleted               INTEGER NOT NULL DEFAULT 0,
  _fhlc                  TEXT
);
CREATE INDEX ccps_by_haccp_plan ON ccps (haccp_plan);
CREATE INDEX ccps_by_line ON ccps (line);

CREATE TABLE ccp_readings (
  id                    TEXT PRIMARY KEY,
  ccp                   TEXT NOT NULL,
  lot                   TEXT,
  value                 REAL NOT NULL,
  unit                  TEXT NOT NULL,
  observed_at           TEXT NOT NULL,
  instrument_id         TEXT,
  instrument_calibrated INTEGER,
  observed_by           TEXT NOT NULL,
  note                  TEXT,
  _hlc                  INTEGER NOT NULL,
  _device               TEXT NOT NULL,
  _deleted              INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ccp_readings_by_ccp_time ON ccp_readings (ccp, observed_at);
CREATE INDEX ccp_readings_by_lot ON ccp_readings (lot);

CREATE TABLE deviations (
  id               TEXT PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  raised_at        TEXT NOT NULL,
  raised_by        TEXT,
  severity         TEXT NOT NULL,
  category         TEXT NOT NULL,
  description      TEXT NOT NULL,
  lot              TEXT,
  ccp              TEXT,
  supplier         TEXT,
  line             TEXT,
  immediate_action TEXT,
  disposition      TEXT,
  status           TEXT NOT NULL,
  closed_on        TEXT,
  _hlc             INTEGER NOT NULL,
  _device          TEXT NOT NULL,
  _deleted         INTEGER NOT NULL DEFAULT 0,
  _fhlc            TEXT
);
CREATE INDEX deviations_by_lot ON deviations (lot);
CREATE INDEX deviations_by_ccp ON deviations (ccp);
CREATE INDEX deviations_by_supplier ON deviations (supplier);
CREATE INDEX deviations_by_line ON deviations (line);

CREATE TABLE audit_templates (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  standard           TEXT NOT NULL,
  version            TEXT NOT NULL,
  pass_threshold_pct REAL NOT NULL,
  status             TEXT NOT NULL,
  description        TEXT,
  _hlc               INTEGER NOT NULL,
  _device            TEXT NOT NULL,
  _deleted           INTEGER NOT NULL DEFAULT 0,
  _fhlc              TEXT
);

CREATE TABLE audit_template_sections (
  id       TEXT PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  template TEXT NOT NULL,
  position INTEGER NOT NULL,
  title    TEXT NOT NULL,
  weight   REAL NOT NULL,
  _hlc     INTEGER NOT NULL,
  _device  TEXT NOT NULL,
  _deleted INTEGER NOT NULL DEFAULT 0,
  _fhlc    TEXT
);
CREATE INDEX audit_template_sections_by_template ON audit_template_sections (template);

CREATE TABLE audit_template_items (
  id                       TEXT PRIMARY KEY,
  code                     TEXT NOT NULL UNIQUE,
  section                  TEXT NOT NULL,
  position                 INTEGER NOT NULL,
  prompt                   TEXT NOT NULL,
  guidance                 TEXT,
  response_type            TEXT NOT NULL,
  choices                  TEXT,
  failing_answers          TEXT,
  number_min               REAL,
  number_max               REAL,
  weight                   REAL NOT NULL,
  critical                 INTEGER,
  photo_required_on_fail   INTEGER,
  comment_required_on_fail INTEGER,
  follow_up_of             TEXT,
  follow_up_when           TEXT,
  _hlc                     INTEGER NOT NULL,
  _device                  TEXT NOT NULL,
  _deleted                 INTEGER NOT NULL DEFAULT 0,
  _fhlc                    TEXT
);
CREATE INDEX audit_template_items_by_section ON audit_template_items (section);
CREATE INDEX audit_template_items_by_follow_up_of ON audit_template_items (follow_up_of);

CREATE TABLE audits (
  id           TEXT PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  template     TEXT NOT NULL,
  supplier     TEXT,
  site         TEXT NOT NULL,
  auditor      TEXT NOT NULL,
  auditee      TEXT,
  scheduled_on TEXT NOT NULL,
  started_at   TEXT,
  completed_at TEXT,
  status       TEXT NOT NULL,
  score_pct    REAL,
  result       TEXT,
  notes        TEXT,
  _hlc         INTEGER NOT NULL,
  _device      TEXT NOT NULL,
  _deleted     INTEGER NOT NULL DEFAULT 0,
  _fhlc        TEXT
);
CREATE INDEX audits_by_template ON audits (template);
CREATE INDEX audits_by_supplier ON audits (supplier);

CREATE TABLE audit_responses (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  audit         TEXT NOT NULL,
  item          TEXT NOT NULL,
  answer        TEXT,
  numeric_value REAL,
  is_failure    INTEGER,
  comment       TEXT,
  answered_at   TEXT NOT NULL,
  answered_by   TEXT NOT NULL,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_responses_by_audit ON audit_responses (audit);
CREATE INDEX audit_responses_by_item ON audit_responses (item);

CREATE TABLE audit_photos (
  id        TEXT PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  audit     TEXT NOT NULL,
  response  TEXT,
  caption   TEXT,
  image     BLOB NOT NULL,
  mime_type TEXT NOT NULL,
  taken_at  TEXT NOT NULL,
  taken_by  TEXT,
  _hlc      INTEGER NOT NULL,
  _device   TEXT NOT NULL,
  _deleted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_photos_by_audit ON audit_photos (audit);
CREATE INDEX audit_photos_by_response ON audit_photos (response);

CREATE TABLE audit_signatures (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  audit           TEXT NOT NULL,
  signer_name     TEXT NOT NULL,
  signer_username TEXT,
  meaning         TEXT NOT NULL,
  signed_at       TEXT NOT NULL,
  signature_image BLOB,
  _hlc            INTEGER NOT NULL,
  _device         TEXT NOT NULL,
  _deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_signatures_by_audit ON audit_signatures (audit);

CREATE TABLE capas (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  title             TEXT NOT NULL,
  source            TEXT NOT NULL,
  deviation         TEXT,
  audit             TEXT,
  owner             TEXT NOT NULL,
  due_on            TEXT NOT NULL,
  status            TEXT NOT NULL,
  root_cause        TEXT,
  corrective_action TEXT,
  preventive_action TEXT,
  closed_on         TEXT,
  _hlc              INTEGER NOT NULL,
  _device           TEXT NOT NULL,
  _deleted          INTEGER NOT NULL DEFAULT 0,
  _fhlc             TEXT
);
CREATE INDEX capas_by_deviation ON capas (deviation);
CREATE INDEX capas_by_audit ON capas (audit);

CREATE TABLE forecast_versions (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  label      TEXT NOT NULL,
  status     TEXT NOT NULL,
  method     TEXT,
  created_on TEXT NOT NULL,
  notes      TEXT,
  _hlc       INTEGER NOT NULL,
  _device    TEXT NOT NULL,
  _deleted   INTEGER NOT NULL DEFAULT 0,
  _fhlc      TEXT
);

CREATE TABLE production_plans (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  line          TEXT NOT NULL,
  sku           TEXT NOT NULL,
  planned_start TEXT NOT NULL,
  planned_end   TEXT NOT NULL,
  quantity      REAL NOT NULL,
  unit          TEXT NOT NULL,
  status        TEXT NOT NULL,
  notes         TEXT,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
CREATE INDEX production_plans_by_line ON production_plans (line);
CREATE INDEX production_plans_by_sku ON production_plans (sku);

CREATE TABLE safety_stocks (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  sku                TEXT NOT NULL,
  location           TEXT NOT NULL,
  service_level_pct  REAL NOT NULL,
  safety_stock       REAL NOT NULL,
  reorder_point      REAL,
  avg_daily_demand   REAL,
  daily_demand_sd    REAL,
  unit               TEXT NOT NULL,
  lead_time_days     REAL NOT NULL,
  lead_time_sd_days  REAL,
  review_period_days REAL,
  computed_on        TEXT NOT NULL,
  _hlc               INTEGER NOT NULL,
  _device            TEXT NOT NULL,
  _deleted           INTEGER NOT NULL DEFAULT 0,
  _fhlc              TEXT
);
CREATE INDEX safety_stocks_by_sku ON safety_stocks (sku);

CREATE TABLE inventory_levels (
  id        TEXT PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  sku       TEXT NOT NULL,
  location  TEXT NOT NULL,
  as_of     TEXT NOT NULL,
  on_hand   REAL NOT NULL,
  on_order  REAL,
  allocated REAL,
  unit      TEXT NOT NULL,
  _hlc      INTEGER NOT NULL,
  _device   TEXT NOT NULL,
  _deleted  INTEGER NOT NULL DEFAULT 0,
  _fhlc     TEXT
);
CREATE INDEX inventory_levels_by_sku ON inventory_levels (sku);

CREATE TABLE co_packers (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  country       TEXT,
  supplier      TEXT,
  status        TEXT NOT NULL,
  audit_grade   TEXT,
  contact_email TEXT,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
CREATE INDEX co_packers_by_supplier ON co_packers (supplier);

CREATE TABLE contracts (
  id                    TEXT PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,
  co_packer             TEXT NOT NULL,
  sku                   TEXT,
  starts_on             TEXT NOT NULL,
  ends_on               TEXT,
  conversion_cost_minor INTEGER,
  currency              TEXT,
  min_volume            REAL,
  min_volume_unit       TEXT,
  status                TEXT NOT NULL,
  document              TEXT,
  _hlc                  INTEGER NOT NULL,
  _device               TEXT NOT NULL,
  _deleted              INTEGER NOT NULL DEFAULT 0,
  _fhlc                 TEXT
);
CREATE INDEX contracts_by_co_packer ON contracts (co_packer);
CREATE INDEX contracts_by_sku ON contracts (sku);
CREATE INDEX contracts_by_document ON contracts (document);

CREATE TABLE copacker_performance (
  id                           TEXT PRIMARY KEY,
  code                         TEXT NOT NULL UNIQUE,
  co_packer                    TEXT NOT NULL,
  period_start                 TEXT NOT NULL,
  orders                       INTEGER,
  orders_otif                  INTEGER,
  units_ordered                INTEGER,
  units_delivered              INTEGER,
  batches                      INTEGER,
  batches_right_first_time     INTEGER,
  non_conformances             INTEGER,
  complaints                   INTEGER,
  units_produced               INTEGER,
  conversion_cost_actual_minor INTEGER,
  currency                     TEXT,
  yield_pct                    REAL,
  _hlc                         INTEGER NOT NULL,
  _device                      TEXT NOT NULL,
  _deleted                     INTEGER NOT NULL DEFAULT 0,
  _fhlc                        TEXT
);
CREATE INDEX copacker_performance_by_co_packer ON copacker_performance (co_packer);

CREATE TABLE banners (
  id       TEXT PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  retailer TEXT,
  country  TEXT,
  _hlc     INTEGER NOT NULL,
  _device  TEXT NOT NULL,
  _deleted INTEGER NOT NULL DEFAULT 0,
  _fhlc    TEXT
);

CREATE TABLE categories (
  id       TEXT PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  parent   TEXT,
  _hlc     INTEGER NOT NULL,
  _device  TEXT NOT NULL,
  _deleted INTEGER NOT NULL DEFAULT 0,
  _fhlc    TEXT
);
CREATE INDEX categories_by_parent ON categories (parent);

CREATE TABLE pos_sales (
  id              TEXT PRIMARY KEY,
  store           TEXT NOT NULL,
  sku             TEXT NOT NULL,
  sale_date       TEXT NOT NULL,
  units           REAL NOT NULL,
  net_sales_minor INTEGER,
  currency        TEXT,
  on_promo        INTEGER,
  on_hand_units   REAL,
  _hlc            INTEGER NOT NULL,
  _device         TEXT NOT NULL,
  _deleted        INTEGER NOT NULL DEFAULT 0
);
-- Time series: one store x SKU over a date range, and all sales of a day.
CREATE INDEX pos_sales_by_store_sku_date ON pos_sales (store, sku, sale_date);
CREATE INDEX pos_sales_by_sku ON pos_sales (sku);
CREATE INDEX pos_sales_by_date ON pos_sales (sale_date);

CREATE TABLE waste (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  store       TEXT NOT NULL,
  sku         TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  units       REAL NOT NULL,
  reason      TEXT NOT NULL,
  cost_minor  INTEGER,
  currency    TEXT,
  _hlc        INTEGER NOT NULL,
  _device     TEXT NOT NULL,
  _deleted    INTEGER NOT NULL DEFAULT 0,
  _fhlc       TEXT
);
CREATE INDEX waste_by_store ON waste (store);
CREATE INDEX waste_by_sku ON waste (sku);

CREATE TABLE osa_alerts (
  id                   TEXT PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  store                TEXT NOT NULL,
  sku                  TEXT NOT NULL,
  detected_on          TEXT NOT NULL,
  zero_run_days        INTEGER NOT NULL,
  expected_units       REAL,
  probability          REAL,
  est_lost_sales_minor INTEGER,
  currency             TEXT,
  status               TEXT NOT NULL,
  _hlc                 INTEGER NOT NULL,
  _device              TEXT NOT NULL,
  _deleted             INTEGER NOT NULL DEFAULT 0,
  _fhlc                TEXT
);
CREATE INDEX osa_alerts_by_store ON osa_alerts (store);
CREATE INDEX osa_alerts_by_sku ON osa_alerts (sku);

CREATE TABLE promotions (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  banner            TEXT NOT NULL,
  sku               TEXT NOT NULL,
  starts_on         TEXT NOT NULL,
  ends_on           TEXT NOT NULL,
  mechanic          TEXT NOT NULL,
  discount_pct      REAL,
  trade_spend_minor INTEGER,
  currency          TEXT,
  status            TEXT NOT NULL,
  _hlc              INTEGER NOT NULL,
  _device           TEXT NOT NULL,
  _deleted          INTEGER NOT NULL DEFAULT 0,
  _fhlc             TEXT
);
CREATE INDEX promotions_by_banner ON promotions (banner);
CREATE INDEX promotions_by_sku ON promotions (sku);

-- Existing tenants ------------------------------------------------------------------------------
-- Rows made here take their clock and device from the rows they come from. A parent made only
-- for tombstones is a tombstone too. Their ids are name-based (UUIDv5 of the tenant, the kind and
-- the name the old rows held: ff_name_id(), registered by FfStore), so two devices that migrate
-- the same data make the same records.

-- lines.plant held the plant's name: one plant per name, and lines point at it.
INSERT INTO plants (id, code, name, _hlc, _device, _deleted)
SELECT ff_name_id('plants', d.plant),
       'PLANT-' || (SELECT count(DISTINCT l2.plant) FROM lines AS l2 WHERE l2.plant <= d.plant),
       d.plant, d.hlc,
       (SELECT l3._device FROM lines AS l3 WHERE l3.plant = d.plant ORDER BY l3._hlc DESC LIMIT 1),
       d.deleted
FROM (SELECT plant, max(_hlc) AS hlc, min(_deleted) AS deleted FROM lines GROUP BY plant) AS d;
UPDATE lines SET plant = (SELECT p.id FROM plants AS p WHERE p.name = lines.plant);
ALTER TABLE lines ADD COLUMN margin_per_minute_minor INTEGER;
ALTER TABLE lines ADD COLUMN currency TEXT;
CREATE INDEX lines_by_plant ON lines (plant);

-- stores.banner held the banner's name; the banner's country is its stores' most common one.
INSERT INTO banners (id, code, name, country, _hlc, _device, _deleted)
SELECT ff_name_id('banners', d.banner),
       'BANNER-' || (SELECT count(DISTINCT s2.banner) FROM stores AS s2 WHERE s2.banner <= d.banner),
       d.banner,
       (SELECT s4.country FROM stores AS s4 WHERE s4.banner = d.banner
        GROUP BY s4.country ORDER BY count(*) DESC, s4.country LIMIT 1),
       d.hlc,
       (SELECT s3._device FROM stores AS s3 WHERE s3.banner = d.banner ORDER BY s3._hlc DESC LIMIT 1),
       d.deleted
FROM (SELECT banner, max(_hlc) AS hlc, min(_deleted) AS deleted FROM stores GROUP BY banner) AS d;
UPDATE stores SET banner = (SELECT b.id FROM banners AS b WHERE b.name = stores.banner);
CREATE INDEX stores_by_banner ON stores (banner);

-- skus.brand held the brand's name. Products are new: existing SKUs have none (optional).
INSERT INTO brands (id, code, name, _hlc, _device, _deleted)
SELECT ff_name_id('brands', d.brand),
       'BRAND-' || (SELECT count(DISTINCT k2.brand) FROM skus AS k2 WHERE k2.brand <= d.brand),
       d.brand, d.hlc,
       (SELECT k3._device FROM skus AS k3 WHERE k3.brand = d.brand ORDER BY k3._hlc DESC LIMIT 1),
       d.deleted
FROM (SELECT brand, max(_hlc) AS hlc, min(_deleted) AS deleted FROM skus GROUP BY brand) AS d;
UPDATE skus SET brand = (SELECT b.id FROM brands AS b WHERE b.name = skus.brand);
ALTER TABLE skus ADD COLUMN product TEXT;
ALTER TABLE skus ADD COLUMN unit_cost_minor INTEGER;
ALTER TABLE skus ADD COLUMN material_cost_per_kg_minor INTEGER;
ALTER TABLE skus ADD COLUMN conversion_cost_per_kg_minor INTEGER;
CREATE INDEX skus_by_brand ON skus (brand);
CREATE INDEX skus_by_product ON skus (product);

-- forecasts.version_label became a forecast version, created on the day of its first forecast
-- (the clock's upper 48 bits are Unix milliseconds).
INSERT INTO forecast_versions (id, code, label, status, created_on, _hlc, _device, _deleted)
SELECT ff_name_id('forecast_versions', d.version_label),
       'FV-' || (SELECT count(DISTINCT f2.version_label) FROM forecasts AS f2
                 WHERE f2.version_label <= d.version_label),
       d.version_label, 'draft', date((d.first_hlc >> 16) / 1000, 'unixepoch'), d.hlc,
       (SELECT f3._device FROM forecasts AS f3 WHERE f3.version_label = d.version_label
        ORDER BY f3._hlc DESC LIMIT 1),
       d.deleted
FROM (SELECT version_label, min(_hlc) AS first_hlc, max(_hlc) AS hlc, min(_deleted) AS deleted
      FROM forecasts GROUP BY version_label) AS d;

-- forecasts renames version_label -> version and sku_code -> sku (now ids), which SQLite 3.15
-- can only do by copying the table. A SKU code that names no SKU is kept as it was, so that no
-- forecast is lost; the reference shows as missing until someone fixes it. The per-field clocks
-- follow the renamed fields.
CREATE TABLE forecasts_new (
  id           TEXT PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  version      TEXT NOT NULL,
  sku          TEXT NOT NULL,
  location     TEXT NOT NULL,
  period_start TEXT NOT NULL,
  granularity  TEXT NOT NULL,
  quantity     REAL NOT NULL,
  unit         TEXT NOT NULL,
  method       TEXT NOT NULL,
  _hlc         INTEGER NOT NULL,
  _device      TEXT NOT NULL,
  _deleted     INTEGER NOT NULL DEFAULT 0,
  _fhlc        TEXT
);

INSERT INTO forecasts_new (id, code, version, sku, location, period_start, granularity, quantity,
                           unit, method, _hlc, _device, _deleted, _fhlc)
SELECT f.id, f.code,
       (SELECT v.id FROM forecast_versions AS v WHERE v.label = f.version_label),
       coalesce((SELECT k.id FROM skus AS k WHERE k.code = f.sku_code), f.sku_code),
       f.location, f.period_start, f.granularity, f.quantity, f.unit, f.method,
       f._hlc, f._device, f._deleted,
       replace(replace(f._fhlc, '"version_label":', '"version":'), '"sku_code":', '"sku":')
FROM forecasts AS f
ORDER BY f.rowid;
DROP TABLE forecasts;
ALTER TABLE forecasts_new RENAME TO forecasts;
CREATE INDEX forecasts_by_version ON forecasts (version);
CREATE INDEX forecasts_by_sku_period ON forecasts (sku, location, period_start);
