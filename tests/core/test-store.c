/* test-store.c — the SQLCipher store: keys, migrations, transactions, clock and device state. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-error.h"
#include "ff-store.h"
#include "ff-test-util.h"

typedef struct
{
  char   *dir;
  char   *path;
  guint8  key[FF_STORE_KEY_SIZE];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ff-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "tenant.db", NULL);
  for (guint i = 0; i < FF_STORE_KEY_SIZE; i++)
    fixture->key[i] = (guint8) g_random_int_range (0, 256);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static FfStore *
open_store (const char       *path,
            const guint8     *key,
            FfStoreOpenFlags  flags)
{
  g_autoptr (GError) error = NULL;
  FfStore *store = ff_store_open (path, key, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* One committed write, so the store has its device id and a persisted clock. */
static FfHlcTimestamp
write_once (FfStore    *store,
            const char *key,
            const char *value)
{
  g_autoptr (GError) error = NULL;
  FfHlcTimestamp ts;

  g_assert_true (ff_store_begin (store, &error));
  g_assert_no_error (error);
  ts = ff_store_tick (store);
  g_assert_true (ff_store_set_state (store, key, value, &error));
  g_assert_no_error (error);
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);
  return ts;
}

static void
test_migrations_stepwise (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr (FfStore) store = NULL;
  g_autoptr (FfStore) fresh = NULL;
  g_autofree char *stepwise_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *empty_schema = NULL;
  guint latest = ff_store_get_latest_version ();

  g_assert_cmpuint (latest, >=, 2);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE | FF_STORE_OPEN_NO_MIGRATE);
  g_assert_cmpuint (ff_store_get_schema_version (store), ==, 0);
  empty_schema = ff_store_dump_schema (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty_schema, ==, "");

  for (guint v = 1; v <= latest; v++)
    {
      g_assert_true (ff_store_migrate (store, v, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ff_store_get_schema_version (store), ==, v);
      g_clear_object (&store);

      /* The version is in the file, not only in this connection. */
      store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_NO_MIGRATE);
      g_assert_cmpuint (ff_store_get_schema_version (store), ==, v);
      g_assert_cmpint (ff_test_query_int (store, "PRAGMA user_version"), ==, v);
    }
  /* Asking for more than exists is capped at the latest. */
  g_assert_true (ff_store_migrate (store, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_store_get_schema_version (store), ==, latest);
  stepwise_schema = ff_store_dump_schema (store, &error);
  g_assert_no_error (error);

  fresh = open_store (fresh_path, fixture->key, FF_STORE_OPEN_CREATE);
  g_assert_cmpuint (ff_store_get_schema_version (fresh), ==, latest);
  g_assert_cmpint (ff_test_query_int (fresh, "PRAGMA user_version"), ==, latest);
  fresh_schema = ff_store_dump_schema (fresh, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (fresh_schema, "table sync_outbox "));
  g_assert_nonnull (strstr (fresh_schema, "table users "));
  g_assert_cmpstr (stepwise_schema, ==, fresh_schema);
}

static void
test_migration_newer_schema (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) again = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u",
                                             ff_store_get_latest_version () + 1);

  /* A file written by a newer FoodFlow is refused, not migrated or damaged. */
  g_assert_true (ff_store_exec (store, pragma, &error));
  g_assert_no_error (error);
  g_assert_false (ff_store_migrate (store, G_MAXUINT, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION);
  g_clear_error (&error);
  g_clear_object (&store);

  again = ff_store_open (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION);
  g_assert_null (again);
}

static void
test_wrong_key (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) wrong = NULL;
  g_autoptr (FfStore) right = NULL;
  g_autoptr (GBytes) before = NULL, after = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.db", NULL);
  guint8 other[FF_STORE_KEY_SIZE];

  write_once (store, "probe", "1");
  g_clear_object (&store);
  g_assert_false (ff_test_file_exists (fixture->path, "-wal"));
  before = ff_test_read_file (fixture->path);

  memcpy (other, fixture->key, sizeof other);
  other[FF_STORE_KEY_SIZE - 1] ^= 0x01;
  wrong = ff_store_open (fixture->path, other, FF_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (wrong);
  g_clear_error (&error);

  wrong = ff_store_open (fixture->path, other, FF_STORE_OPEN_CREATE, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (wrong);
  g_clear_error (&error);

  after = ff_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (ff_test_file_exists (fixture->path, "-wal"));

  /* The right key still opens it, with what was written. */
  right = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  {
    g_autofree char *value = ff_store_get_state (right, "probe", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "1");
  }

  wrong = ff_store_open (missing, fixture->key, FF_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED);
  g_assert_null (wrong);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (plain, "This is not a database, just some text that is "
                                      "long enough to look like a page header.", -1, NULL));
  wrong = ff_store_open (plain, fixture->key, FF_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (wrong);
}

static void
test_nested_transactions (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) reader = NULL;
  g_autofree char *value = NULL;

  write_once (store, "setup", "done");
  reader = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);

  /* An inner rollback dooms the whole transaction. */
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_set_state (store, "outer", "1", &error));
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_set_state (store, "inner", "1", &error));
  ff_store_rollback (store);
  g_assert_true (ff_store_in_transaction (store));
  g_assert_true (ff_store_set_state (store, "after-inner", "1", &error));
  g_assert_no_error (error);
  g_assert_false (ff_store_commit (store, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ff_store_in_transaction (store));

  for (guint i = 0; i < 2; i++)
    {
      FfStore *s = i == 0 ? store : reader;
      const char *const keys[] = { "outer", "inner", "after-inner" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          value = ff_store_get_state (s, keys[k], &error);
          g_assert_no_error (error);
          g_assert_null (value);
        }
    }

  /* The failure does not stick: the next transaction commits. */
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_set_state (store, "next", "2", &error));
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);
  value = ff_store_get_state (reader, "next", &error);
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);

  /* Only the outermost commit reaches the database. */
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_set_state (store, "nested", "3", &error));
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (ff_store_in_transaction (store));
  value = ff_store_get_state (reader, "nested", &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_false (ff_store_in_transaction (store));
  value = ff_store_get_state (reader, "nested", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "3");
  g_clear_pointer (&value, g_free);

  /* An outermost rollback discards everything. */
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_set_state (store, "discarded", "4", &error));
  ff_store_rollback (store);
  g_assert_false (ff_store_in_transaction (store));
  value = ff_store_get_state (store, "discarded", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

static void
test_constraint_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  sqlite3_stmt *a, *b;

  g_assert_true (ff_store_exec (store, "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                "CREATE TABLE child (p INTEGER NOT NULL REFERENCES parent (id));"
                                "INSERT INTO parent (id) VALUES (1)", &error));
  g_assert_no_error (error);
  g_assert_true (ff_store_exec (store, "INSERT INTO child (p) VALUES (1)", &error));
  g_assert_no_error (error);
  /* foreign_keys = ON is enforced, not only reported. */
  g_assert_false (ff_store_exec (store, "INSERT INTO child (p) VALUES (42)", &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM child"), ==, 1);

  g_assert_false (ff_store_exec (store, "SELEKT nothing", &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_null (ff_store_prepare (store, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_SQL);
  g_clear_error (&error);

  /* Prepared statements are cached and come back reset, without bindings. */
  a = ff_store_prepare (store, "SELECT ?1 IS NULL", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (a, 1, 5);
  b = ff_store_prepare (store, "SELECT ?1 IS NULL", &error);
  g_assert_true (a == b);
  g_assert_cmpint (sqlite3_step (b), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (b, 0), ==, 1);
  sqlite3_reset (b);
}

static void
test_hlc_across_reopen (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autofree char *persisted = NULL;
  g_autofree char *future_text = NULL;
  g_autofree char *sql = NULL;
  FfHlcTimestamp t1, t2, t3, parsed = 0, future;

  g_assert_true (ff_store_begin (store, &error));
  t1 = ff_store_tick (store);
  t2 = ff_store_tick (store);
  g_assert_cmpuint (t2, >, t1);
  g_assert_true (ff_store_commit (store, &error));
  g_assert_no_error (error);

  /* The clock is persisted with the commit. */
  persisted = ff_store_get_state (store, "hlc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (persisted);
  g_assert_true (ff_hlc_parse (persisted, &parsed));
  g_assert_cmpuint (parsed, >=, t2);
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_true (ff_store_begin (store, &error));
  t3 = ff_store_tick (store);
  g_assert_cmpuint (t3, >, t2);
  g_assert_true (ff_store_commit (store, &error));

  /* Put the persisted clock a minute ahead of the wall clock, as if an earlier session had
   * observed a peer running fast: after a restart the clock must still move past it, which
   * the wall clock alone would not do. */
  future = ff_hlc_pack (g_get_real_time () / 1000 + 60 * 1000, 7);
  future_text = ff_hlc_to_string (future);
  sql = g_strdup_printf ("UPDATE sync_state SET value = '%s' WHERE key = 'hlc'", future_text);
  g_assert_true (ff_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_changes (ff_store_get_handle (store)), ==, 1);
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_true (ff_store_begin (store, &error));
  t1 = ff_store_tick (store);
  t2 = ff_store_tick (store);
  g_assert_cmpuint (t1, >, future);
  g_assert_cmpuint (t2, >, t1);
  g_assert_true (ff_store_commit (store, &error));
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_true (ff_store_begin (store, &error));
  t3 = ff_store_tick (store);
  g_assert_cmpuint (t3, >, t2);
  /* A remote timestamp seen inside the transaction moves the clock past it too. */
  ff_store_observe_hlc (store, future + 1000);
  g_assert_cmpuint (ff_store_tick (store), >, future + 1000);
  ff_store_rollback (store);
}

static void
test_device_id (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) other = NULL;
  g_autofree char *device = NULL;
  g_autofree char *stored = NULL;

  write_once (store, "k", "v");
  device = g_strdup (ff_store_get_device_id (store));
  g_assert_nonnull (device);
  g_assert_cmpuint (strlen (device), ==, 36);
  stored = ff_store_get_state (store, "device_id", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, device);

  /* A second connection and a reopened one see the same device. */
  other = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (ff_store_get_device_id (other), ==, device);
  g_clear_object (&other);
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (ff_store_get_device_id (store), ==, device);
  write_once (store, "k", "w");
  g_assert_cmpstr (ff_store_get_device_id (store), ==, device);
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (ff_store_get_device_id (store), ==, device);
}

static void
test_device_id_after_rollback (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autofree char *device = NULL;

  /* The very first transaction of a new store fails; the next one commits. The device id the
   * committed write was stamped with must be the one the file keeps. */
  g_assert_true (ff_store_begin (store, &error));
  ff_store_rollback (store);
  write_once (store, "k", "v");
  device = g_strdup (ff_store_get_device_id (store));
  g_assert_nonnull (device);
  g_clear_object (&store);

  store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  /* ff_store_begin() makes the device id inside the first transaction; if that transaction
   * rolls back, an id cached in memory would go on stamping writes without ever being stored. */
  if (g_strcmp0 (ff_store_get_device_id (store), device) != 0)
    g_test_fail_printf ("writes were stamped with device %s, but the reopened store has %s",
                        device, ff_store_get_device_id (store) ? ff_store_get_device_id (store)
                                                               : "no device id");
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) second = NULL;
  g_autofree char *mode = NULL;

  g_assert_cmpint (ff_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  mode = ff_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);
  g_assert_cmpstr (ff_store_get_path (store), ==, fixture->path);

  second = open_store (fixture->path, fixture->key, FF_STORE_OPEN_NO_MIGRATE);
  g_assert_cmpint (ff_test_query_int (second, "PRAGMA foreign_keys"), ==, 1);
  mode = ff_test_query_text (second, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  /* Every connection is SQLCipher's, never a plain SQLite that another library brought in
   * (plain SQLite answers this pragma with no row at all). */
  for (FfStore *s = store; s != NULL; s = s == store ? second : NULL)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (s), "PRAGMA cipher_version", -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "3.")
                     || g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "4."));
      sqlite3_finalize (stmt);
    }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : -1;
}

/* A bulk write's log gives its disk back when checkpointed, and nothing of it is lost. */
static void
test_checkpoint (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) reopened = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (ff_test_query_int (store, "PRAGMA journal_size_limit"), ==, 64 * 1024 * 1024);
  g_assert_true (ff_store_begin (store, &error));
  g_assert_true (ff_store_exec (store, "CREATE TABLE filler (data BLOB); "
                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                "WHERE i < 4000) INSERT INTO filler SELECT randomblob (2000) "
                                "FROM n", &error));
  g_assert_no_error (error);
  g_assert_true (ff_store_commit (store, &error));
  g_assert_cmpint (file_size (wal), >, 8 * 1000 * 1000);
  g_assert_true (ff_store_checkpoint (store));
  g_assert_cmpint (file_size (wal), ==, 0);
  g_clear_object (&store);

  reopened = open_store (fixture->path, fixture->key, FF_STORE_OPEN_NO_MIGRATE);
  g_assert_cmpint (ff_test_query_int (reopened, "SELECT count(*) FROM filler"), ==, 4000);
}

static void
test_state (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autofree char *value = NULL;

  value = ff_store_get_state (store, "cursor", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  write_once (store, "cursor", "17");
  write_once (store, "cursor", "18");
  value = ff_store_get_state (store, "cursor", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "18");
  g_assert_cmpint (ff_test_query_int (store,
                                      "SELECT count(*) FROM sync_state WHERE key = 'cursor'"),
                   ==, 1);
}

/* A re-key: the new key opens the file, the old one no longer does, the data stay, and the
 * connection is back in WAL mode with nothing left of the rollback journal. */
static void
test_rekey (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) reopened = NULL;
  g_autoptr (FfStore) old = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *sync = NULL;
  guint8 next[FF_STORE_KEY_SIZE];

  for (guint i = 0; i < FF_STORE_KEY_SIZE; i++)
    next[i] = fixture->key[i] ^ 0x5a;
  write_once (store, "cursor", "41");
  g_assert_true (ff_store_rekey_begin (store, &error));
  g_assert_no_error (error);
  mode = ff_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_clear_pointer (&mode, g_free);
  g_assert_true (ff_store_rekey (store, next, NULL, NULL, &error));
  g_assert_no_error (error);
  mode = ff_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  sync = ff_test_query_text (store, "PRAGMA synchronous");
  g_assert_cmpstr (sync, ==, "1");
  g_assert_false (ff_test_file_exists (fixture->path, "-journal"));
  /* The connection carries on, with the new key. */
  write_once (store, "cursor", "42");
  g_clear_object (&store);

  old = ff_store_open (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (old);
  g_clear_error (&error);
  reopened = open_store (fixture->path, next, FF_STORE_OPEN_DEFAULT);
  g_clear_pointer (&mode, g_free);
  mode = ff_store_get_state (reopened, "cursor", &error);
  g_assert_cmpstr (mode, ==, "42");
}

/* With another connection open a re-key cannot start, and nothing changes. */
static void
test_rekey_busy (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfStore) store = open_store (fixture->path, fixture->key, FF_STORE_OPEN_CREATE);
  g_autoptr (FfStore) other = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
  g_autofree char *mode = NULL;

  write_once (store, "cursor", "41");
  g_assert_false (ff_store_rekey_begin (store, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_BUSY);
  g_clear_error (&error);
  mode = ff_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  write_once (other, "cursor", "43");
  write_once (store, "cursor", "44");

  /* Once the other connection is gone it can; ending it puts WAL back. */
  g_clear_object (&other);
  g_assert_true (ff_store_rekey_begin (store, &error));
  g_assert_no_error (error);
  ff_store_rekey_end (store);
  g_clear_pointer (&mode, g_free);
  mode = ff_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  other = open_store (fixture->path, fixture->key, FF_STORE_OPEN_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/migrations/stepwise-equals-fresh", test_migrations_stepwise);
  ADD ("/store/migrations/newer-schema-refused", test_migration_newer_schema);
  ADD ("/store/wrong-key", test_wrong_key);
  ADD ("/store/nested-transactions", test_nested_transactions);
  ADD ("/store/constraint-errors", test_constraint_errors);
  ADD ("/store/hlc-across-reopen", test_hlc_across_reopen);
  ADD ("/store/device-id", test_device_id);
  ADD ("/store/pragmas", test_pragmas);
  ADD ("/store/state", test_state);
  ADD ("/store/checkpoint", test_checkpoint);
  ADD ("/store/regressions/device-id-after-rollback", test_device_id_after_rollback);
  ADD ("/store/rekey", test_rekey);
  ADD ("/store/rekey-busy", test_rekey_busy);
#undef ADD

  return g_test_run ();
}
