-- 0001-core.sql — tables of src/core: users, sync state, outbox, audit trail.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on SQLite 3.15.2 (SQLCipher 3.4.1): no UPSERT, no window functions, no JSON1.

-- Device id, clock and sync cursors of this install.
CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- People who may open this tenant. Their wrapped data keys live in the tenant registry; the
-- role here, inside the encrypted file, is the one the services trust.
CREATE TABLE users (
  id           TEXT PRIMARY KEY,
  username     TEXT NOT NULL UNIQUE,
  role         TEXT NOT NULL CHECK (role IN ('admin', 'qa', 'operator', 'planner', 'brand',
                                             'retail', 'viewer')),
  display_name TEXT,
  created_at   TEXT NOT NULL,
  _hlc         INTEGER NOT NULL,
  _device      TEXT NOT NULL,
  _deleted     INTEGER NOT NULL DEFAULT 0,
  _fhlc        TEXT
);

-- Regulated changes: who, when, what changed and why. Append-only.
CREATE TABLE audit_trail (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  username  TEXT NOT NULL,
  tbl       TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  field     TEXT,
  old_value TEXT,
  new_value TEXT,
  reason    TEXT,
  _hlc      INTEGER NOT NULL,
  _device   TEXT NOT NULL,
  _deleted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_trail_by_row ON audit_trail (tbl, row_id, _hlc);

-- Local changes waiting to be pushed, written in the same transaction as the change.
CREATE TABLE sync_outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id TEXT NOT NULL UNIQUE,
  tbl         TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  fields      TEXT NOT NULL,
  base        TEXT,
  hlc         INTEGER NOT NULL
);
