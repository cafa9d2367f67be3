/* ff-store.h — one open connection to a tenant's SQLCipher database. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "ff-hlc.h"

G_BEGIN_DECLS

#define FF_TYPE_STORE (ff_store_get_type ())
G_DECLARE_FINAL_TYPE (FfStore, ff_store, FF, STORE, GObject)

#define FF_STORE_KEY_SIZE 32
#define FF_STORE_MIGRATIONS_PATH "/org/foodflow/FoodFlow/migrations"
/* The UUIDv5 namespace of the ids migrations derive from (tenant, kind, natural key). */
#define FF_STORE_NAME_ID_NAMESPACE "62a72ebd-8d6b-46b4-9e4b-35a8a6a79aac"

typedef enum {
  FF_STORE_OPEN_DEFAULT = 0,
  FF_STORE_OPEN_CREATE = 1 << 0,  /* create the file when missing */
  FF_STORE_OPEN_NO_MIGRATE = 1 << 1, /* leave the schema as it is (tests) */
} FfStoreOpenFlags;

/* Opens @path keyed with the raw 256-bit @key, checks the key really opens it, switches on WAL
 * and foreign keys and applies pending migrations. A wrong key fails with
 * FF_STORE_ERROR_NOT_A_DATABASE and writes nothing. */
FfStore      *ff_store_open                 (const char       *path,
                                             const guint8     *key,
                                             FfStoreOpenFlags  flags,
                                             GError          **error);
/* The same for a tenant of the registry: @tenant_id is the namespace of the name-based ids
 * that migrations give the records they make (SQL function ff_name_id(kind, key)). */
FfStore      *ff_store_open_for_tenant      (const char       *path,
                                             const char       *tenant_id,
                                             const guint8     *key,
                                             FfStoreOpenFlags  flags,
                                             GError          **error);
const char   *ff_store_get_path             (FfStore *self);
sqlite3      *ff_store_get_handle           (FfStore *self);

/* Migrations: numbered SQL resources under FF_STORE_MIGRATIONS_PATH ("0001-core.sql", ...),
 * each applied in one transaction and recorded in PRAGMA user_version. */
guint         ff_store_get_schema_version   (FfStore *self);
guint         ff_store_get_latest_version   (void);
gboolean      ff_store_migrate              (FfStore  *self,
                                             guint     target,
                                             GError  **error);
/* "type name sql" of every schema object, sorted: two schemas are equal when these are. */
char         *ff_store_dump_schema          (FfStore  *self,
                                             GError  **error);


gboolean      ff_store_exec                 (FfStore     *self,
                                             const char  *sql,
                                             GError     **error);
/* A prepared statement owned by the store's cache, reset and with bindings cleared. Do not
 * finalize it; call sqlite3_reset() when done if you stopped stepping early. */
sqlite3_stmt *ff_store_prepare              (FfStore     *self,
                                             const char  *sql,
                                             GError     **error);
/* Steps @stmt to completion (for statements that return no rows) and resets it. */
gboolean      ff_store_step_done            (FfStore       *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
/* Sets @error from the connection's last error, prefixed with @what. Returns FALSE. */
gboolean      ff_store_set_error            (FfStore     *self,
                                             int          rc,
                                             const char  *what,
                                             GError     **error);

/* Write transactions (BEGIN IMMEDIATE). They nest: only the outermost begin/commit reach the
 * database, and a rollback at any depth makes the outermost commit fail. The clock state and
 * the device id are loaded on begin and the clock persisted on commit, in the same
 * transaction as the writes it stamped. */
gboolean      ff_store_begin                (FfStore  *self,
                                             GError  **error);
gboolean      ff_store_commit               (FfStore  *self,
                                             GError  **error);
void          ff_store_rollback             (FfStore  *self);
gboolean      ff_store_in_transaction       (FfStore  *self);
/* After a bulk write (a demo, a large import): copies the write-ahead log into the database
 * and empties it, so the disk it took is free again. Best effort: a reader still holding an
 * old snapshot leaves part of the log for later (FALSE, nothing lost). */
gboolean      ff_store_checkpoint           (FfStore  *self);

/* Inside a write transaction: a new hybrid-logical-clock timestamp for a change. */
FfHlcTimestamp ff_store_tick                (FfStore *self);
/* Inside a write transaction: merge a timestamp seen from elsewhere (sync pull). */
void          ff_store_observe_hlc          (FfStore        *self,
                                             FfHlcTimestamp  remote);
/* The device id of this install for this tenant (stable; made on first write). */
const char   *ff_store_get_device_id        (FfStore *self);

/* Re-keying (ff-store-rekey.c) ------------------------------------------------------------- */

/* @fraction runs from 0 to 1. */
typedef void (*FfStoreProgressFunc) (double   fraction,
                                     gpointer user_data);

/* Prepares this connection for ff_store_rekey(): checks that the disk has room for the
 * rollback journal (about the size of the database; FF_STORE_ERROR_NO_SPACE says how much is
 * needed and free), then checkpoints and leaves WAL for a rollback journal, with
 * synchronous=FULL and an exclusive lock that keeps every other connection out until
 * ff_store_rekey_end(). If another connection has the file open this fails with
 * FF_STORE_ERROR_BUSY and changes nothing. Not inside a transaction. */
gboolean      ff_store_rekey_begin          (FfStore  *self,
                                             GError  **error);
/* Re-encrypts every page with @key in one rollback-journal transaction: a crash at any point
 * leaves the file whole under either the old key or @key (an opener with either key plays a
 * hot journal back, which restores the old pages). Ends the re-key (as ff_store_rekey_end())
 * and checks with a new connection that @key opens the file. Calls @progress (if not NULL)
 * on this thread while the pages are written. On failure this connection may no longer read
 * the file: drop it. Slow for a large tenant (tens of seconds). */
gboolean      ff_store_rekey                (FfStore              *self,
                                             const guint8         *key,
                                             FfStoreProgressFunc   progress,
                                             gpointer              progress_data,
                                             GError              **error);
/* Back to WAL, synchronous=NORMAL and normal locking. Harmless when already done. */
void          ff_store_rekey_end            (FfStore *self);

/* The little key/value table of sync and clock state. */
char         *ff_store_get_state            (FfStore     *self,
                                             const char  *key,
                                             GError     **error);
gboolean      ff_store_set_state            (FfStore     *self,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);

G_END_DECLS
