-- 0007-signatures-and-holds.sql — e-signatures become one kind of record, and a lot on hold
-- says why.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Runs on SQLite 3.15.2 (SQLCipher 3.4.1). ff_name_id() and ff_json_object() are functions
-- FfStore registers on every connection.

-- One kind for every e-signature (DOMAIN.md, E-signatures): what it signs (an audit or a lot),
-- the meaning, the signer (a user of the tenant, or an external person by name),
-- the UTC time, the reason, and the SHA-256 of the signed record's content. Append-only.
CREATE TABLE signatures (
  id              TEXT PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  audit           TEXT,
  lot             TEXT,
  meaning         TEXT NOT NULL,
  signer          TEXT,
  signer_name     TEXT NOT NULL,
  external        INTEGER,
  signed_at       TEXT NOT NULL,
  reason          TEXT,
  content_hash    TEXT,
  signature_image BLOB,
  _hlc            INTEGER NOT NULL,
  _device         TEXT NOT NULL,
  _deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX signatures_code_key ON signatures (code COLLATE FF_CODE);
CREATE INDEX signatures_by_audit ON signatures (audit);
CREATE INDEX signatures_by_lot ON signatures (lot);

-- The audit signatures, kept as they are: same ids, same clocks (another device migrating the
-- same rows makes the same records). They were made before signatures covered content, so they
-- carry no hash; the one who signed without a user name was an external signer.
INSERT INTO signatures (id, code, audit, meaning, signer, signer_name, external, signed_at,
                        signature_image, _hlc, _device, _deleted)
SELECT id, code, audit, meaning, signer_username, signer_name,
       CASE WHEN signer_username IS NULL THEN 1 ELSE 0 END, signed_at, signature_image, _hlc,
       _device, _deleted
FROM audit_signatures;

-- Changes not yet sent travel as the new kind's.
INSERT INTO sync_outbox (mutation_id, tbl, row_id, op, fields, base, hlc)
SELECT ff_name_id('sync_outbox', 'signatures/' || s.id), 'signatures', s.id, 'insert',
       ff_json_object('code', s.code, 'audit', s.audit, 'lot', NULL,
                      'meaning', s.meaning, 'signer', s.signer, 'signer_name', s.signer_name,
                      'external', CAST (s.external AS TEXT), 'signed_at', s.signed_at,
                      'reason', NULL, 'content_hash', NULL, 'signature_image', s.signature_image),
       NULL, s._hlc
FROM signatures s
WHERE s.id IN (SELECT row_id FROM sync_outbox WHERE tbl = 'audit_signatures');
DELETE FROM sync_outbox WHERE tbl = 'audit_signatures';
-- Their history stays theirs under the new table's name.
UPDATE audit_trail SET tbl = 'signatures' WHERE tbl = 'audit_signatures';
DROP TABLE audit_signatures;

-- Why a lot is on hold: who put it there, when, and the reason they gave. The deviations and CCP
-- readings that refer to the lot say the rest (ff-lot-release.c).
ALTER TABLE lots ADD COLUMN hold_reason TEXT;
ALTER TABLE lots ADD COLUMN held_by TEXT;
ALTER TABLE lots ADD COLUMN held_at TEXT;
