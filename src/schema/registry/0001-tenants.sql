-- 0001-tenants.sql — the tenant registry as the first FoodFlow made it: tenants and, per user,
-- the wrapped data key.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The registry holds no business data. Registries made before the registry had migrations
-- have these tables at user_version 0, so this first step creates them only where missing.
CREATE TABLE IF NOT EXISTS tenants (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  file       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- kek = BLAKE2b(Argon2id(password, salt, opslimit, memlimit), "tenant-id/username");
-- wrapped = crypto_secretbox(data key, nonce, kek). Binding the user and tenant into the
-- key-encryption key means a slot copied to another row opens nothing.
CREATE TABLE IF NOT EXISTS key_slots (
  tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  username  TEXT NOT NULL,
  opslimit  INTEGER NOT NULL,
  memlimit  INTEGER NOT NULL,
  salt      BLOB NOT NULL,
  nonce     BLOB NOT NULL,
  wrapped   BLOB NOT NULL,
  PRIMARY KEY (tenant_id, username)
);
