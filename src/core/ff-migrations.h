/* ff-migrations.h — numbered SQL migrations, applied in order and recorded in user_version. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A set of migrations is a resource folder of "NNNN-what.sql" files numbered 1, 2, 3, ... with
 * no gaps. The tenant databases (FF_STORE_MIGRATIONS_PATH) and the tenant registry
 * (FF_VAULT_REGISTRY_MIGRATIONS_PATH) each have one. */

/* How many migrations @resource_path holds: the latest schema version. */
guint    ff_migrations_count       (const char *resource_path);
/* The schema version recorded in @db (PRAGMA user_version). */
guint    ff_migrations_get_version (sqlite3 *db);
/* Applies the migrations of @resource_path above @db's version, up to @target (capped at the
 * latest). Each runs in its own BEGIN IMMEDIATE transaction that re-reads the version first,
 * so two processes opening the same file at once apply each migration once. A file newer
 * than the latest fails with FF_STORE_ERROR_MIGRATION and is left alone. */
gboolean ff_migrations_apply       (sqlite3     *db,
                                    const char  *resource_path,
                                    guint        target,
                                    GError     **error);

G_END_DECLS
