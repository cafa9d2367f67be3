-- 0002-first-records.sql — the first record kind of each workspace.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Columns follow the kind descriptions in src/domain/*/ff-*-kinds.c (a test checks they agree).
-- Every table carries the sync columns: _hlc (last change), _device, _deleted (tombstone) and,
-- for editable kinds, _fhlc (per-field clocks, "field=hlc" pairs).

CREATE TABLE lines (
  id                 TEXT PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL,
  plant              TEXT NOT NULL,
  line_type          TEXT NOT NULL,
  status             TEXT NOT NULL,
  ideal_cycle_time_s REAL NOT NULL,
  rated_speed_per_h  REAL,
  commissioned_on    TEXT,
  notes              TEXT,
  _hlc               INTEGER NOT NULL,
  _device            TEXT NOT NULL,
  _deleted           INTEGER NOT NULL DEFAULT 0,
  _fhlc              TEXT
);

CREATE TABLE suppliers (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  category        TEXT NOT NULL,
  approval_status TEXT NOT NULL,
  risk_level      TEXT NOT NULL,
  gfsi_scheme     TEXT,
  country         TEXT,
  contact_email   TEXT,
  next_audit_due  TEXT,
  notes           TEXT,
  _hlc            INTEGER NOT NULL,
  _device         TEXT NOT NULL,
  _deleted        INTEGER NOT NULL DEFAULT 0,
  _fhlc           TEXT
);

CREATE TABLE skus (
  id               TEXT PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  gtin             TEXT NOT NULL UNIQUE,
  description      TEXT NOT NULL,
  brand            TEXT NOT NULL,
  pack_size        REAL NOT NULL,
  pack_unit        TEXT NOT NULL,
  case_pack        INTEGER NOT NULL,
  list_price_minor INTEGER,
  currency         TEXT,
  status           TEXT NOT NULL,
  launch_date      TEXT,
  _hlc             INTEGER NOT NULL,
  _device          TEXT NOT NULL,
  _deleted         INTEGER NOT NULL DEFAULT 0,
  _fhlc            TEXT
);

CREATE TABLE forecasts (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  version_label TEXT NOT NULL,
  sku_code      TEXT NOT NULL,
  location      TEXT NOT NULL,
  period_start  TEXT NOT NULL,
  granularity   TEXT NOT NULL,
  quantity      REAL NOT NULL,
  unit          TEXT NOT NULL,
  method        TEXT NOT NULL,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
CREATE INDEX forecasts_by_sku_period ON forecasts (sku_code, location, period_start);

CREATE TABLE stores (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  banner        TEXT NOT NULL,
  format        TEXT NOT NULL,
  city          TEXT NOT NULL,
  region        TEXT,
  country       TEXT NOT NULL,
  sales_area_m2 REAL,
  status        TEXT NOT NULL,
  opened_on     TEXT,
  _hlc          INTEGER NOT NULL,
  _device       TEXT NOT NULL,
  _deleted      INTEGER NOT NULL DEFAULT 0,
  _fhlc         TEXT
);
