-- 0003-tenant-state.sql — a tenant is registered while it is being made ('creating'), by a
-- process holding the lock file next to its database, and shown only once 'ready'.
-- SPDX-License-Identifier: GPL-3.0-or-later
ALTER TABLE tenants ADD COLUMN state TEXT NOT NULL DEFAULT 'ready'
  CHECK (state IN ('creating', 'ready'));
