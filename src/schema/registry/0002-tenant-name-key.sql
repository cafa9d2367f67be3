-- 0002-tenant-name-key.sql — tenants are looked up by a key of their name that ignores case
-- and Unicode spelling differences (see ff-tenant-name.c), unique across the registry.
-- SPDX-License-Identifier: GPL-3.0-or-later
-- ff_tenant_name_key() is registered by the vault on its registry connection.
ALTER TABLE tenants ADD COLUMN name_key TEXT;
UPDATE tenants SET name_key = ff_tenant_name_key (name);
-- The first registry folded ASCII case only, so it could hold two names that are one name
-- now ("Café" and "CAFÉ"). The oldest keeps the key; the others stay reachable by id.
UPDATE tenants SET name_key = name_key || char (31) || id
  WHERE EXISTS (SELECT 1 FROM tenants AS t
                WHERE t.name_key = tenants.name_key AND t.rowid < tenants.rowid);
CREATE UNIQUE INDEX tenants_by_name_key ON tenants (name_key);
