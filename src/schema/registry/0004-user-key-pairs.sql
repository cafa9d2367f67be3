-- 0004-user-key-pairs.sql — key slots that a re-key can refill without anyone's password.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each user has an X25519 key pair per tenant: the secret half is wrapped with
-- crypto_secretbox under the key derived from their password (as key_slots.wrapped is, same
-- derivation and binding to tenant and user). The tenant's data key changes whenever a user
-- is removed (a new generation); each generation's key is sealed (crypto_box_seal) to every
-- member's public key, so an old copy of this file opens nothing written after a removal.
-- key_slots stays for slots of the first format until each user's next unlock upgrades them.
ALTER TABLE tenants ADD COLUMN key_generation INTEGER NOT NULL DEFAULT 1;
-- Set while a re-key is between its two registry steps: the new generation, already sealed
-- for the members, that the tenant file may or may not use yet.
ALTER TABLE tenants ADD COLUMN pending_generation INTEGER;

CREATE TABLE user_keys (
  tenant_id          TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  username           TEXT NOT NULL,
  public_key         BLOB NOT NULL,
  opslimit           INTEGER NOT NULL,
  memlimit           INTEGER NOT NULL,
  salt               BLOB NOT NULL,
  nonce              BLOB NOT NULL,
  wrapped_secret_key BLOB NOT NULL,
  PRIMARY KEY (tenant_id, username)
);

CREATE TABLE sealed_slots (
  tenant_id  TEXT NOT NULL,
  username   TEXT NOT NULL,
  generation INTEGER NOT NULL,
  sealed     BLOB NOT NULL,
  PRIMARY KEY (tenant_id, username, generation),
  FOREIGN KEY (tenant_id, username) REFERENCES user_keys (tenant_id, username)
    ON DELETE CASCADE
);
