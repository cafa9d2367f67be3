/* test-registry-migration.c — a tenant registry made before the registry had migrations moves
 * forward: its tenants stay listed and its users can still unlock them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-migrations.h"
#include "ff-users.h"
#include "ff-vault.h"
#include "ff-test-keys.h"
#include "ff-test-util.h"

#define TENANT_ID "0190a0b0-0000-7000-8000-000000000001"
#define TENANT "Old Foods"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define BOB_PASSWORD "Blue-Cheese-Window-73"

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
registry_int (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A data directory as FoodFlow 0.1 left it: registry.db at user_version 0 with its two
 * tables, one tenant whose admin alice and user bob have slots of the first format. */
static char *
make_old_data_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ff-test-registry-XXXXXX", &error);
  g_autofree char *tenants = g_build_filename (dir, "tenants", NULL);
  g_autofree char *registry_path = g_build_filename (dir, "registry.db", NULL);
  g_autofree char *file = g_strdup_printf ("tenants/%s.db", TENANT_ID);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *insert = NULL;
  g_autoptr (FfStore) store = NULL;
  guint8 key[FF_STORE_KEY_SIZE];
  sqlite3 *registry = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (tenants, 0700), ==, 0);
  randombytes_buf (key, sizeof key);
  store = ff_store_open (path, key, FF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ff_users_add (store, ADMIN, FF_ROLE_ADMIN, &error));
  g_assert_true (ff_users_add (store, "bob", FF_ROLE_QA, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (registry_path, &registry), ==, SQLITE_OK);
  exec_sql (registry, ff_test_registry_v0_sql);
  insert = g_strdup_printf ("INSERT INTO tenants VALUES ('%s', '%s', '%s', "
                            "'2025-01-02T03:04:05Z')", TENANT_ID, TENANT, file);
  exec_sql (registry, insert);
  ff_test_write_old_slot (registry, TENANT_ID, ADMIN, ADMIN_PASSWORD, key);
  ff_test_write_old_slot (registry, TENANT_ID, "bob", BOB_PASSWORD, key);
  sqlite3_close (registry);
  sodium_memzero (key, sizeof key);
  return g_steal_pointer (&dir);
}

static void
test_unversioned_registry (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = make_old_data_dir ();
  g_autofree char *registry_path = g_build_filename (dir, "registry.db", NULL);
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfSession) wrong = NULL;
  guint latest = ff_migrations_count (FF_VAULT_REGISTRY_MIGRATIONS_PATH);

  g_assert_cmpuint (latest, >=, 1);
  g_assert_cmpint (registry_int (registry_path, "PRAGMA user_version"), ==, 0);

  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (registry_path, "PRAGMA user_version"), ==, latest);

  tenants = ff_vault_list_tenants (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
  info = ff_vault_find_tenant (vault, "old foods", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->id, ==, TENANT_ID);
  g_assert_cmpstr (info->name, ==, TENANT);
  g_assert_cmpstr (info->created_at, ==, "2025-01-02T03:04:05Z");

  wrong = ff_vault_unlock (vault, TENANT, ADMIN, BOB_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_clear_error (&error);
  session = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ff_session_get_role (session), ==, FF_ROLE_ADMIN);
  g_clear_object (&session);
  /* That unlock turned alice's slot into a key pair; bob's waits for his. */
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM key_slots "
                                                "WHERE username = 'alice'"), ==, 0);
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM user_keys "
                                                "WHERE username = 'alice'"), ==, 1);
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM key_slots "
                                                "WHERE username = 'bob'"), ==, 1);
  session = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_clear_object (&session);

  /* Opening again finds nothing left to do. */
  g_clear_object (&vault);
  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (registry_path, "PRAGMA user_version"), ==, latest);
  session = ff_vault_unlock (vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ff_session_get_role (session), ==, FF_ROLE_QA);
  g_clear_object (&session);
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM key_slots"), ==, 0);
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM sealed_slots"), ==, 2);

  /* With everyone upgraded a removal re-keys. */
  session = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_remove_user (vault, session, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (registry_int (registry_path, "SELECT key_generation FROM tenants"), ==, 2);
  g_clear_object (&session);
  g_clear_object (&vault);
  ff_test_rm_rf (dir);
}

/* A registry written by a newer FoodFlow is refused and left as it is. */
static void
test_newer_registry (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = make_old_data_dir ();
  g_autofree char *registry_path = g_build_filename (dir, "registry.db", NULL);
  g_autofree char *pragma = NULL;
  g_autoptr (FfVault) vault = NULL;
  guint newer = ff_migrations_count (FF_VAULT_REGISTRY_MIGRATIONS_PATH) + 1;
  sqlite3 *registry = NULL;

  g_assert_cmpint (sqlite3_open (registry_path, &registry), ==, SQLITE_OK);
  pragma = g_strdup_printf ("PRAGMA user_version = %u", newer);
  exec_sql (registry, pragma);
  sqlite3_close (registry);

  vault = ff_vault_open (dir, &error);
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION);
  g_assert_null (vault);
  g_assert_cmpint (registry_int (registry_path, "PRAGMA user_version"), ==, newer);
  g_assert_cmpint (registry_int (registry_path, "SELECT count(*) FROM key_slots"), ==, 2);
  ff_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry-migration/unversioned", test_unversioned_registry);
  g_test_add_func ("/registry-migration/newer-refused", test_newer_registry);

  return g_test_run ();
}
