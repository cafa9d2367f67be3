-- 0004-natural-keys.sql — keys that make records unique as people and files know them: codes
-- regardless of case, GTINs in one form, and the natural keys of the time series.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on SQLite 3.15.2 (SQLCipher 3.4.1). FF_CODE is a collation FfStore registers on every
-- connection: codes compare with Unicode case folding ("L3" and "l3" are one code).

-- Time series: the same POS row or reading imported twice is the same record. Exact copies of
-- POS rows and sensor readings made before this migration are dropped (the earliest row stays);
-- rows that share a key but differ make the migration fail rather than lose one of them.
DELETE FROM pos_sales WHERE rowid NOT IN (
  SELECT min(rowid) FROM pos_sales
  GROUP BY store, sku, sale_date, units, net_sales_minor, currency, on_promo, on_hand_units);
DROP INDEX pos_sales_by_store_sku_date;
CREATE UNIQUE INDEX pos_sales_natural_key ON pos_sales (store, sku, sale_date);

DELETE FROM sensor_readings WHERE rowid NOT IN (
  SELECT min(rowid) FROM sensor_readings GROUP BY sensor, observed_at, value);
DROP INDEX sensor_readings_by_sensor_time;
CREATE UNIQUE INDEX sensor_readings_natural_key ON sensor_readings (sensor, observed_at);

-- CCP readings are regulated records and are never deleted, not even exact copies.
DROP INDEX ccp_readings_by_ccp_time;
CREATE UNIQUE INDEX ccp_readings_natural_key ON ccp_readings (ccp, observed_at);

-- A GTIN-13 and the same number as a GTIN-14 with a leading zero are one article: GTINs are
-- kept as 14 digits, as GS1 does.
UPDATE skus SET gtin = substr('00000000000000' || gtin, -14, 14) WHERE length(gtin) < 14;

-- Codes are unique regardless of case (tombstones keep theirs reserved, as before).
CREATE UNIQUE INDEX plants_code_key ON plants (code COLLATE FF_CODE);
CREATE UNIQUE INDEX lines_code_key ON lines (code COLLATE FF_CODE);
CREATE UNIQUE INDEX shifts_code_key ON shifts (code COLLATE FF_CODE);
CREATE UNIQUE INDEX suppliers_code_key ON suppliers (code COLLATE FF_CODE);
CREATE UNIQUE INDEX documents_code_key ON documents (code COLLATE FF_CODE);
CREATE UNIQUE INDEX brands_code_key ON brands (code COLLATE FF_CODE);
CREATE UNIQUE INDEX products_code_key ON products (code COLLATE FF_CODE);
CREATE UNIQUE INDEX skus_code_key ON skus (code COLLATE FF_CODE);
CREATE UNIQUE INDEX sensors_code_key ON sensors (code COLLATE FF_CODE);
CREATE UNIQUE INDEX batches_code_key ON batches (code COLLATE FF_CODE);
CREATE UNIQUE INDEX trials_code_key ON trials (code COLLATE FF_CODE);
CREATE UNIQUE INDEX downtime_events_code_key ON downtime_events (code COLLATE FF_CODE);
CREATE UNIQUE INDEX money_leaks_code_key ON money_leaks (code COLLATE FF_CODE);
CREATE UNIQUE INDEX supplier_certificates_code_key ON supplier_certificates (code COLLATE FF_CODE);
CREATE UNIQUE INDEX ingredients_code_key ON ingredients (code COLLATE FF_CODE);
CREATE UNIQUE INDEX allergens_code_key ON allergens (code COLLATE FF_CODE);
CREATE UNIQUE INDEX ingredient_allergens_code_key ON ingredient_allergens (code COLLATE FF_CODE);
CREATE UNIQUE INDEX lots_code_key ON lots (code COLLATE FF_CODE);
CREATE UNIQUE INDEX lot_links_code_key ON lot_links (code COLLATE FF_CODE);
CREATE UNIQUE INDEX shipments_code_key ON shipments (code COLLATE FF_CODE);
CREATE UNIQUE INDEX receipts_code_key ON receipts (code COLLATE FF_CODE);
CREATE UNIQUE INDEX haccp_plans_code_key ON haccp_plans (code COLLATE FF_CODE);
CREATE UNIQUE INDEX ccps_code_key ON ccps (code COLLATE FF_CODE);
CREATE UNIQUE INDEX deviations_code_key ON deviations (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_templates_code_key ON audit_templates (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_template_sections_code_key ON audit_template_sections (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_template_items_code_key ON audit_template_items (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audits_code_key ON audits (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_responses_code_key ON audit_responses (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_photos_code_key ON audit_photos (code COLLATE FF_CODE);
CREATE UNIQUE INDEX audit_signatures_code_key ON audit_signatures (code COLLATE FF_CODE);
CREATE UNIQUE INDEX capas_code_key ON capas (code COLLATE FF_CODE);
CREATE UNIQUE INDEX forecast_versions_code_key ON forecast_versions (code COLLATE FF_CODE);
CREATE UNIQUE INDEX forecasts_code_key ON forecasts (code COLLATE FF_CODE);
CREATE UNIQUE INDEX production_plans_code_key ON production_plans (code COLLATE FF_CODE);
CREATE UNIQUE INDEX safety_stocks_code_key ON safety_stocks (code COLLATE FF_CODE);
CREATE UNIQUE INDEX inventory_levels_code_key ON inventory_levels (code COLLATE FF_CODE);
CREATE UNIQUE INDEX co_packers_code_key ON co_packers (code COLLATE FF_CODE);
CREATE UNIQUE INDEX contracts_code_key ON contracts (code COLLATE FF_CODE);
CREATE UNIQUE INDEX copacker_performance_code_key ON copacker_performance (code COLLATE FF_CODE);
CREATE UNIQUE INDEX banners_code_key ON banners (code COLLATE FF_CODE);
CREATE UNIQUE INDEX stores_code_key ON stores (number COLLATE FF_CODE);
CREATE UNIQUE INDEX categories_code_key ON categories (code COLLATE FF_CODE);
CREATE UNIQUE INDEX waste_code_key ON waste (code COLLATE FF_CODE);
CREATE UNIQUE INDEX osa_alerts_code_key ON osa_alerts (code COLLATE FF_CODE);
CREATE UNIQUE INDEX promotions_code_key ON promotions (code COLLATE FF_CODE);
