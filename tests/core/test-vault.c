/* test-vault.c — tenant registry and keys: create, unlock, users, locking, encryption at rest. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-users.h"
#include "ff-vault.h"
#include "ff-test-util.h"
#include "test-vault-rekey.h"

#define TENANT "Acme Foods"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define BOB_PASSWORD "Blue-Cheese-Window-73"
#define MARKER "PLAINTEXT-MARKER-7731"

typedef struct
{
  char    *dir;
  FfVault *vault;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ff-test-vault-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = ff_vault_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->vault);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->vault);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static FfTenantInfo *
create_tenant (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  FfTenantInfo *info;

  info = ff_vault_create_tenant (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_files (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static void
test_create_and_unlock (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfTenantInfo) found = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autoptr (FfSession) session = NULL;
  g_auto (GStrv) users = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  FfRole role;

  g_assert_cmpstr (info->name, ==, TENANT);
  g_assert_true (g_str_has_prefix (info->path, tenants_dir));
  g_assert_true (g_file_test (info->path, G_FILE_TEST_IS_REGULAR));

  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
  g_assert_cmpstr (((FfTenantInfo *) tenants->pdata[0])->id, ==, info->id);

  /* Names are found case-insensitively; ids work too. */
  found = ff_vault_find_tenant (fixture->vault, "ACME foods", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, info->id);
  g_clear_pointer (&found, ff_tenant_info_free);
  found = ff_vault_find_tenant (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, TENANT);
  g_clear_pointer (&found, ff_tenant_info_free);
  found = ff_vault_find_tenant (fixture->vault, "Nobody Foods", &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT);
  g_assert_null (found);
  g_clear_error (&error);

  users = ff_vault_list_usernames (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 1);
  g_assert_cmpstr (users[0], ==, ADMIN);

  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpint (ff_session_get_role (session), ==, FF_ROLE_ADMIN);
  g_assert_cmpstr (ff_session_get_username (session), ==, ADMIN);
  g_assert_cmpstr (ff_session_get_tenant (session)->id, ==, info->id);
  g_assert_false (ff_session_is_locked (session));
  g_assert_nonnull (ff_session_get_store (session));
  g_assert_cmpuint (ff_store_get_schema_version (ff_session_get_store (session)), ==,
                    ff_store_get_latest_version ());

  /* The role the services trust is the one inside the encrypted file. */
  g_assert_true (ff_users_get_role (ff_session_get_store (session), ADMIN, &role, &error));
  g_assert_no_error (error);
  g_assert_cmpint (role, ==, FF_ROLE_ADMIN);
}

static void
test_wrong_password_writes_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autofree char *registry_path = g_build_filename (fixture->dir, "registry.db", NULL);
  g_autoptr (GBytes) tenant_before = NULL, tenant_after = NULL;
  g_autoptr (GBytes) registry_before = NULL, registry_after = NULL;
  g_autoptr (FfSession) session = NULL;

  /* The creating connection is closed, so the WAL has been checkpointed away. */
  g_assert_false (ff_test_file_exists (info->path, "-wal"));
  tenant_before = ff_test_read_file (info->path);
  registry_before = ff_test_read_file (registry_path);

  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, "Grated-Carrot-Sky-42", &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (session);
  g_clear_error (&error);

  session = ff_vault_unlock (fixture->vault, TENANT, "mallory", ADMIN_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (session);
  g_clear_error (&error);

  /* The admin's password under another (valid) user name opens nothing either. */
  session = ff_vault_unlock (fixture->vault, TENANT, "Alice", ADMIN_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (session);
  g_clear_error (&error);

  session = ff_vault_unlock (fixture->vault, "Nobody Foods", ADMIN, ADMIN_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT);
  g_assert_null (session);
  g_clear_error (&error);

  tenant_after = ff_test_read_file (info->path);
  registry_after = ff_test_read_file (registry_path);
  g_assert_true (g_bytes_equal (tenant_before, tenant_after));
  g_assert_true (g_bytes_equal (registry_before, registry_after));
  g_assert_false (ff_test_file_exists (info->path, "-wal"));
  g_assert_false (ff_test_file_exists (info->path, "-shm"));
  g_assert_false (ff_test_file_exists (registry_path, "-journal"));
}

static void
test_users (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autofree char *registry_path = g_build_filename (fixture->dir, "registry.db", NULL);
  g_autoptr (FfSession) admin = NULL;
  g_autoptr (FfSession) bob = NULL;
  g_autoptr (FfSession) again = NULL;
  g_autoptr (GBytes) registry_before = NULL, registry_after = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_auto (GStrv) users = NULL;
  FfRole role;

  admin = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_true (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_QA, BOB_PASSWORD,
                                    &error));
  g_assert_no_error (error);
  users = ff_vault_list_usernames (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 2);
  g_assert_cmpstr (users[0], ==, ADMIN);
  g_assert_cmpstr (users[1], ==, "bob");
  g_clear_pointer (&users, g_strfreev);

  list = ff_users_list (ff_session_get_store (admin), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Bob opens the tenant with his own password and gets his own role. */
  bob = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bob);
  g_assert_cmpint (ff_session_get_role (bob), ==, FF_ROLE_QA);
  g_assert_cmpstr (ff_session_get_username (bob), ==, "bob");

  /* Refusals that must leave the registry exactly as it was. */
  registry_before = ff_test_read_file (registry_path);

  g_assert_false (ff_vault_add_user (fixture->vault, bob, "carol", FF_ROLE_VIEWER,
                                     "Purple-Onion-Lamp-58", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ff_vault_remove_user (fixture->vault, bob, ADMIN, NULL, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_false (ff_vault_add_user (fixture->vault, admin, "carol", FF_ROLE_VIEWER, "short",
                                     &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);
  g_assert_false (ff_vault_add_user (fixture->vault, admin, "carol", FF_ROLE_VIEWER, "12345678",
                                     &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
  g_clear_error (&error);

  /* An existing user cannot be added again (their key slot stays theirs). */
  g_assert_false (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_ADMIN,
                                     "Another-Password-99", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (ff_vault_add_user (fixture->vault, admin, "Not Valid", FF_ROLE_VIEWER,
                                     "Purple-Onion-Lamp-58", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);

  /* The last admin cannot be removed. */
  g_assert_false (ff_vault_remove_user (fixture->vault, admin, ADMIN, NULL, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ff_vault_remove_user (fixture->vault, admin, "nobody", NULL, NULL, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER);
  g_clear_error (&error);

  registry_after = ff_test_read_file (registry_path);
  g_assert_true (g_bytes_equal (registry_before, registry_after));
  g_assert_true (ff_users_get_role (ff_session_get_store (admin), "bob", &role, &error));
  g_assert_cmpint (role, ==, FF_ROLE_QA);
  g_assert_false (ff_users_get_role (ff_session_get_store (admin), "carol", &role, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER);
  g_clear_error (&error);

  /* Removing bob takes his key slot and his access. */
  g_clear_object (&bob);
  g_assert_true (ff_vault_remove_user (fixture->vault, admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  users = ff_vault_list_usernames (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 1);
  g_assert_cmpstr (users[0], ==, ADMIN);
  g_clear_pointer (&users, g_strfreev);
  g_assert_false (ff_users_get_role (ff_session_get_store (admin), "bob", &role, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER);
  g_clear_error (&error);

  again = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (again);
  g_clear_error (&error);

  /* A removed user can be brought back, with a new role and a new password. */
  g_assert_true (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_VIEWER,
                                    "Second-Life-Bob-88", &error));
  g_assert_no_error (error);
  again = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_assert_null (again);
  g_clear_error (&error);
  again = ff_vault_unlock (fixture->vault, TENANT, "bob", "Second-Life-Bob-88", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ff_session_get_role (again), ==, FF_ROLE_VIEWER);
  g_clear_object (&again);
  g_assert_true (ff_vault_remove_user (fixture->vault, admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);

  /* With a second admin, one admin may be removed. */
  g_assert_true (ff_vault_add_user (fixture->vault, admin, "dora", FF_ROLE_ADMIN,
                                    "Second-Admin-Pass-12", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_users_count_role (ff_session_get_store (admin), FF_ROLE_ADMIN, NULL), ==, 2);
  g_assert_true (ff_vault_remove_user (fixture->vault, admin, "dora", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_users_count_role (ff_session_get_store (admin), FF_ROLE_ADMIN, NULL), ==, 1);
  users = ff_vault_list_usernames (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 1);
}

/* A member of the tenant without keys here (what a crash after the user's row leaves, or a user
 * added on another device) is given keys and the role by adding them again. */
/* A password re-entered for an e-signature: another member's at the same screen too, with the
 * role the tenant gives them; a wrong one, an unknown or removed user fail alike and write
 * nothing. */
static void
test_confirm_user (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autofree char *registry_path = g_build_filename (fixture->dir, "registry.db", NULL);
  g_autoptr (FfSession) admin = NULL;
  g_autoptr (GBytes) before = NULL, after = NULL;
  FfRole role = FF_ROLE_VIEWER;

  admin = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_QA, BOB_PASSWORD,
                                    &error));
  g_assert_true (ff_vault_confirm_user (fixture->vault, admin, NULL, ADMIN, ADMIN_PASSWORD, &role,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (role, ==, FF_ROLE_ADMIN);
  g_assert_true (ff_vault_confirm_user (fixture->vault, admin, NULL, "bob", BOB_PASSWORD, &role,
                                        &error));
  g_assert_cmpint (role, ==, FF_ROLE_QA);

  before = ff_test_read_file (registry_path);
  g_assert_false (ff_vault_confirm_user (fixture->vault, admin, NULL, "bob", ADMIN_PASSWORD, &role,
                                         &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_false (ff_vault_confirm_user (fixture->vault, admin, NULL, "mallory", BOB_PASSWORD, &role,
                                         &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_clear_error (&error);
  after = ff_test_read_file (registry_path);
  g_assert_true (g_bytes_equal (before, after));

  /* Removed, bob confirms nothing any more. */
  g_assert_true (ff_vault_remove_user (fixture->vault, admin, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ff_vault_confirm_user (fixture->vault, admin, NULL, "bob", BOB_PASSWORD, &role,
                                         &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
}

static void
test_add_member_without_keys (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfSession) admin = NULL;
  g_autoptr (FfSession) bob = NULL;
  FfRole role;

  admin = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_users_add (ff_session_get_store (admin), "bob", FF_ROLE_QA, &error));
  g_assert_no_error (error);
  bob = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_clear_error (&error);

  g_assert_true (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_PLANNER, BOB_PASSWORD,
                                    &error));
  g_assert_no_error (error);
  g_assert_true (ff_users_get_role (ff_session_get_store (admin), "bob", &role, &error));
  g_assert_cmpint (role, ==, FF_ROLE_PLANNER);
  bob = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ff_session_get_role (bob), ==, FF_ROLE_PLANNER);

  /* Now that the keys are here too, the user exists. */
  g_assert_false (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_VIEWER,
                                     "Another-Password-99", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
}

typedef struct
{
  Fixture  *fixture;
  gboolean  fail;
  guint     calls;
} Populate;

static gboolean
populate_cb (FfStore        *store,
             const FfActor  *actor,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  Populate *populate = user_data;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autoptr (FfTenantInfo) found = NULL;
  g_autoptr (FfVault) other = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) record = NULL;
  const FfKind *kind = ff_kind_lookup ("suppliers");
  g_autofree char *tenants_dir = g_build_filename (populate->fixture->dir, "tenants", NULL);
  guint files;

  populate->calls++;
  g_assert_cmpstr (actor->username, ==, ADMIN);
  g_assert_cmpint (actor->role, ==, FF_ROLE_ADMIN);

  /* Nobody sees the tenant while it is being made... */
  tenants = ff_vault_list_tenants (populate->fixture->vault, &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (tenants->len, ==, 0);
  found = ff_vault_find_tenant (populate->fixture->vault, TENANT, &local_error);
  g_assert_error (local_error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT);
  g_clear_error (&local_error);
  /* ...and another opener, which sweeps up what dead creators left, leaves it alone. */
  files = count_files (tenants_dir);
  g_assert_cmpuint (files, >=, 2);
  other = ff_vault_open (populate->fixture->dir, &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (count_files (tenants_dir), ==, files);

  repo = ff_record_repository_new (store, kind);
  record = ff_record_new (kind);
  ff_record_set (record, "code", "SUP-1");
  ff_record_set (record, "name", "Made while creating");
  ff_record_set (record, "category", "ingredient");
  ff_record_set (record, "approval_status", "approved");
  ff_record_set (record, "risk_level", "low");
  g_assert_true (ff_record_repository_insert (repo, actor, record, NULL, &local_error));
  g_assert_no_error (local_error);
  if (populate->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
      return FALSE;
    }
  return TRUE;
}

static void
test_create_populate (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) record = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  Populate populate = { fixture, TRUE, 0 };

  /* A populate that fails leaves nothing. */
  info = ff_vault_create_tenant (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, populate_cb, &populate, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  g_clear_error (&error);
  g_assert_cmpuint (populate.calls, ==, 1);
  g_assert_cmpuint (count_files (tenants_dir), ==, 0);
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 0);

  populate.fail = FALSE;
  info = ff_vault_create_tenant (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, populate_cb, &populate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (populate.calls, ==, 2);
  /* The database, nothing else (the lock file has gone). */
  g_assert_cmpuint (count_files (tenants_dir), ==, 1);
  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  repo = ff_record_repository_new (ff_session_get_store (session), ff_kind_lookup ("suppliers"));
  record = ff_record_repository_find_by_code (repo, "SUP-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (record, "name"), ==, "Made while creating");
}

static void
test_weak_password (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  const char *const weak[] = { "", "short", "1234567", "password1", "PASSWORD", "foodflow" };

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      info = ff_vault_create_tenant (fixture->vault, TENANT, ADMIN, weak[i],
                                     FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
      g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_WEAK_PASSWORD);
      g_assert_null (info);
      g_clear_error (&error);
    }
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 0);
  g_clear_pointer (&tenants, g_ptr_array_unref);
  g_assert_cmpuint (count_files (tenants_dir), ==, 0);

  /* Bad names are refused before anything is made. */
  info = ff_vault_create_tenant (fixture->vault, "   ", ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  info = ff_vault_create_tenant (fixture->vault, TENANT, "Alice Smith", ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (tenants_dir), ==, 0);

  /* The demo's public password passes only with the explicit flag. */
  info = ff_vault_create_tenant (fixture->vault, TENANT, "demo", "demo",
                                 FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
  g_assert_cmpuint (count_files (tenants_dir), ==, 1);
}

static void
test_duplicate_name (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfTenantInfo) other = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  const char *const names[] = { TENANT, "acme foods", "  ACME FOODS  " };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      other = ff_vault_create_tenant (fixture->vault, names[i], "bob", BOB_PASSWORD,
                                      FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
      g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
      g_assert_null (other);
      g_clear_error (&error);
    }
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
  g_assert_cmpuint (count_files (tenants_dir), ==, 1);
}

/* One name however it is spelled: case, composed or decomposed accents, compatibility forms
 * and white space at the ends. */
static void
test_unicode_names (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) cafe = NULL;
  g_autoptr (FfTenantInfo) office = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  /* "Cafe" + COMBINING ACUTE ACCENT: stored composed. */
  const char *decomposed = "Cafe\xcc\x81";
  const char *const same_cafe[] = {
    "Caf\xc3\xa9", "CAF\xc3\x89", "caf\xc3\xa9", "CAFE\xcc\x81", "  Caf\xc3\xa9\t",
    "\xc2\xa0" "Caf\xc3\xa9\xe3\x80\x80", "\xef\xbc\xa3" "af\xc3\xa9" /* FULLWIDTH C */,
  };

  cafe = ff_vault_create_tenant (fixture->vault, decomposed, ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cafe->name, ==, "Caf\xc3\xa9");
  for (guint i = 0; i < G_N_ELEMENTS (same_cafe); i++)
    {
      g_autoptr (FfTenantInfo) found = ff_vault_find_tenant (fixture->vault, same_cafe[i],
                                                             &error);
      g_autoptr (FfTenantInfo) again = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (found->id, ==, cafe->id);
      again = ff_vault_create_tenant (fixture->vault, same_cafe[i], ADMIN, ADMIN_PASSWORD,
                                      FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
      g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
      g_assert_null (again);
      g_assert_nonnull (strstr (error->message, "Caf\xc3\xa9"));
      g_clear_error (&error);
    }

  /* The LATIN SMALL LIGATURE FFI is "ffi" under NFKC. */
  office = ff_vault_create_tenant (fixture->vault, "O\xef\xac\x83" "ce Snacks", ADMIN,
                                   ADMIN_PASSWORD, FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  {
    g_autoptr (FfTenantInfo) found = ff_vault_find_tenant (fixture->vault, "OFFICE snacks",
                                                           &error);
    g_assert_no_error (error);
    g_assert_cmpstr (found->id, ==, office->id);
  }
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 2);
}

/* Control and format characters are refused: a name shows as what it is. */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  const char *const bad[] = {
    "Acme\nFoods", "Acme\rFoods", "Acme\tFoods", "Acme\x1b[31mFoods",
    "Acme\xc2\x85" "Foods" /* NEL */, "Acme\xe2\x80\xae" "Foods" /* RIGHT-TO-LEFT OVERRIDE */,
    "Acme\xe2\x81\xa6" "Foods" /* LEFT-TO-RIGHT ISOLATE */, "Acme\xe2\x80\x8b" "Foods" /* ZWSP */,
    "Acme\xef\xbb\xbf" "Foods" /* BOM */, "Acme\xe2\x80\xa8" "Foods" /* LINE SEPARATOR */,
    "Acme\xc2\xad" "Foods" /* SOFT HYPHEN */, "Acme\xff Foods" /* not UTF-8 */,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (FfTenantInfo) info = ff_vault_create_tenant (fixture->vault, bad[i], ADMIN,
                                                              ADMIN_PASSWORD,
                                                              FF_VAULT_CREATE_DEFAULT, NULL,
                                                              NULL, NULL, &error);
      g_autoptr (FfTenantInfo) found = NULL;

      g_test_message ("name %u", i);
      g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
      g_assert_null (info);
      g_clear_error (&error);
      found = ff_vault_find_tenant (fixture->vault, bad[i], &error);
      g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT);
      g_clear_error (&error);
    }
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 0);
  g_assert_cmpuint (count_files (tenants_dir), ==, 0);
}

typedef struct
{
  const char   *dir;
  const char   *name;
  GMutex        mutex;
  GCond         cond;
  guint         ready;
  gboolean      go;
} Race;

typedef struct
{
  Race         *race;
  FfTenantInfo *info;
  GError       *error;
} Racer;

static gpointer
race_thread (gpointer data)
{
  Racer *racer = data;
  Race *race = racer->race;
  g_autoptr (FfVault) vault = ff_vault_open (race->dir, &racer->error);

  g_mutex_lock (&race->mutex);
  race->ready++;
  g_cond_broadcast (&race->cond);
  while (!race->go)
    g_cond_wait (&race->cond, &race->mutex);
  g_mutex_unlock (&race->mutex);
  if (vault != NULL)
    racer->info = ff_vault_create_tenant (vault, race->name, ADMIN, ADMIN_PASSWORD,
                                          FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &racer->error);
  return NULL;
}

/* Two creators of one name at the same moment, each with its own registry connection: one
 * wins, the other is told the name is taken, in our words. */
static void
test_create_race (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *const names[] = { "Race Foods", "Relay Foods", "Rally Foods", "Rush Foods" };
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);

  for (guint round = 0; round < G_N_ELEMENTS (names); round++)
    {
      Race race = { fixture->dir, names[round] };
      Racer racers[2] = { { &race }, { &race } };
      GThread *threads[2];
      guint won = 0;

      g_mutex_init (&race.mutex);
      g_cond_init (&race.cond);
      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("racer", race_thread, &racers[i]);
      g_mutex_lock (&race.mutex);
      while (race.ready < 2)
        g_cond_wait (&race.cond, &race.mutex);
      race.go = TRUE;
      g_cond_broadcast (&race.cond);
      g_mutex_unlock (&race.mutex);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);

      for (guint i = 0; i < 2; i++)
        {
          if (racers[i].info != NULL)
            {
              g_assert_no_error (racers[i].error);
              won++;
            }
          else
            {
              g_test_message ("loser: %s", racers[i].error->message);
              g_assert_error (racers[i].error, FF_ERROR, FF_ERROR_EXISTS);
              g_assert_nonnull (strstr (racers[i].error->message, "already exists"));
              g_assert_nonnull (strstr (racers[i].error->message, names[round]));
            }
          g_clear_error (&racers[i].error);
          g_clear_pointer (&racers[i].info, ff_tenant_info_free);
        }
      g_assert_cmpuint (won, ==, 1);
      g_mutex_clear (&race.mutex);
      g_cond_clear (&race.cond);
    }
  /* The losers left no files behind. */
  g_assert_cmpuint (count_files (tenants_dir), ==, G_N_ELEMENTS (names));
}

static void
test_delete_tenant (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfTenantInfo) other = NULL;
  g_autoptr (FfTenantInfo) found = NULL;
  g_autoptr (FfSession) admin = NULL;
  g_autoptr (FfSession) bob = NULL;
  g_autoptr (FfSession) other_admin = NULL;
  g_autoptr (GPtrArray) tenants = NULL;
  g_autofree char *tenants_dir = g_build_filename (fixture->dir, "tenants", NULL);
  g_auto (GStrv) users = NULL;

  other = ff_vault_create_tenant (fixture->vault, "Other Foods", ADMIN, ADMIN_PASSWORD,
                                  FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  admin = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (fixture->vault, admin, "bob", FF_ROLE_QA, BOB_PASSWORD,
                                    &error));
  g_assert_no_error (error);
  /* The admin's session is open, so the tenant has its -wal and -shm now. */
  g_assert_true (ff_test_file_exists (info->path, "-wal"));

  /* Only an admin may. */
  bob = ff_vault_unlock (fixture->vault, TENANT, "bob", BOB_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (ff_vault_delete_tenant (fixture->vault, bob, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ff_session_is_locked (bob));
  g_assert_true (g_file_test (info->path, G_FILE_TEST_EXISTS));
  g_clear_object (&bob);

  g_assert_true (ff_vault_delete_tenant (fixture->vault, admin, &error));
  g_assert_no_error (error);
  g_assert_true (ff_session_is_locked (admin));
  g_assert_false (g_file_test (info->path, G_FILE_TEST_EXISTS));
  g_assert_false (ff_test_file_exists (info->path, "-wal"));
  g_assert_false (ff_test_file_exists (info->path, "-shm"));
  g_assert_false (ff_test_file_exists (info->path, "-journal"));
  g_assert_false (ff_test_file_exists (info->path, ".lock"));
  found = ff_vault_find_tenant (fixture->vault, TENANT, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_TENANT);
  g_clear_error (&error);
  tenants = ff_vault_list_tenants (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
  users = ff_vault_list_usernames (fixture->vault, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 0);
  /* The other tenant is untouched. */
  g_assert_cmpuint (count_files (tenants_dir), ==, 1);
  other_admin = ff_vault_unlock (fixture->vault, "Other Foods", ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_false (ff_vault_delete_tenant (fixture->vault, admin, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED);
}

static void
test_encrypted_at_rest (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autofree char *registry_path = g_build_filename (fixture->dir, "registry.db", NULL);
  g_autofree char *wal_path = g_strconcat (info->path, "-wal", NULL);
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) record = NULL;
  g_autoptr (FfRecord) read_back = NULL;
  g_autoptr (GBytes) contents = NULL;
  const FfKind *kind = ff_kind_lookup ("suppliers");
  FfActor actor;

  g_assert_nonnull (kind);
  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  actor = ff_actor_from_session (session);

  repo = ff_record_repository_new (ff_session_get_store (session), kind);
  record = ff_record_new (kind);
  ff_record_set (record, "code", "SUP-7731");
  ff_record_set (record, "name", MARKER);
  ff_record_set (record, "category", "ingredient");
  ff_record_set (record, "approval_status", "approved");
  ff_record_set (record, "risk_level", "low");
  ff_record_set (record, "notes", "Notes with the marker " MARKER " inside");
  g_assert_true (ff_record_repository_insert (repo, &actor, record, NULL, &error));
  g_assert_no_error (error);

  read_back = ff_record_repository_find_by_code (repo, "SUP-7731", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (read_back, "name"), ==, MARKER);

  /* While the connection is open the change sits in the WAL, which is encrypted too. */
  if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      contents = ff_test_read_file (wal_path);
      g_assert_false (bytes_contain (contents, MARKER));
      g_clear_pointer (&contents, g_bytes_unref);
    }

  g_clear_object (&repo);
  ff_session_lock (session);
  g_clear_object (&session);
  g_clear_object (&fixture->vault);

  contents = ff_test_read_file (info->path);
  g_assert_cmpuint (g_bytes_get_size (contents), >, 0);
  g_assert_false (bytes_contain (contents, MARKER));
  g_assert_false (bytes_contain (contents, "SUP-7731"));
  g_assert_false (bytes_contain (contents, "SQLite format 3"));
  g_assert_false (bytes_contain (contents, "CREATE TABLE"));
  g_clear_pointer (&contents, g_bytes_unref);
  if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      contents = ff_test_read_file (wal_path);
      g_assert_false (bytes_contain (contents, MARKER));
      g_clear_pointer (&contents, g_bytes_unref);
    }

  /* The registry holds no business data. */
  contents = ff_test_read_file (registry_path);
  g_assert_false (bytes_contain (contents, MARKER));

  /* The record really is in the file the scan looked at: reopen and read it back. */
  fixture->vault = ff_vault_open (fixture->dir, &error);
  g_assert_no_error (error);
  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  repo = ff_record_repository_new (ff_session_get_store (session), kind);
  g_clear_object (&read_back);
  read_back = ff_record_repository_find_by_code (repo, "SUP-7731", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (read_back, "name"), ==, MARKER);
}

typedef struct
{
  int         fd;
  GHashTable *dirs;      /* watch descriptor -> directory path */
  GMutex      mutex;
  gboolean    stop;
  GPtrArray  *seen;      /* "path mode" of every file seen at its creation */
  GPtrArray  *exposed;   /* the same, for those others could read */
} Watch;

static void
watch_check (Watch      *watch,
             const char *path)
{
  struct stat st;
  g_autofree char *line = NULL;

  /* Gone already (a deleted journal): nobody can read it any more either. */
  if (stat (path, &st) != 0)
    return;
  line = g_strdup_printf ("%s %04o", path, (unsigned) (st.st_mode & 07777));
  g_ptr_array_add (watch->seen, g_strdup (line));
  if ((st.st_mode & 077) != 0)
    g_ptr_array_add (watch->exposed, g_steal_pointer (&line));
}

static gpointer
watch_thread (gpointer data)
{
  Watch *watch = data;
  struct pollfd pfd = { watch->fd, POLLIN, 0 };
  char buf[8192] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

  for (;;)
    {
      ssize_t len;

      g_mutex_lock (&watch->mutex);
      if (watch->stop)
        {
          g_mutex_unlock (&watch->mutex);
          break;
        }
      g_mutex_unlock (&watch->mutex);
      if (poll (&pfd, 1, 5) <= 0)
        continue;
      len = read (watch->fd, buf, sizeof buf);
      for (char *p = buf; len > 0 && p < buf + len;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          g_mutex_lock (&watch->mutex);
          if (event->len > 0)
            {
              const char *dir = g_hash_table_lookup (watch->dirs, GINT_TO_POINTER (event->wd));
              g_autofree char *path = dir ? g_build_filename (dir, event->name, NULL) : NULL;

              if (path != NULL)
                watch_check (watch, path);
            }
          g_mutex_unlock (&watch->mutex);
          p += sizeof *event + event->len;
        }
    }
  return NULL;
}

static void
watch_add (Watch      *watch,
           const char *dir)
{
  int wd = inotify_add_watch (watch->fd, dir, IN_CREATE | IN_MOVED_TO);

  g_assert_cmpint (wd, >=, 0);
  g_mutex_lock (&watch->mutex);
  g_hash_table_insert (watch->dirs, GINT_TO_POINTER (wd), g_strdup (dir));
  g_mutex_unlock (&watch->mutex);
}

static gboolean
seen_suffix (GPtrArray  *seen,
             const char *suffix)
{
  g_autofree char *needle = g_strconcat (suffix, " ", NULL);

  for (guint i = 0; i < seen->len; i++)
    if (strstr (g_ptr_array_index (seen, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* With a umask that lets others read, no file FoodFlow makes is ever readable by them, not even
 * for the moment between its creation and a chmod. */
static void
test_files_private (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ff-test-vault-XXXXXX", &error);
  g_autofree char *tenants_dir = g_build_filename (dir, "tenants", NULL);
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  Watch watch = { 0 };
  GThread *thread;
  mode_t saved_umask = umask (022);

  g_assert_no_error (error);
  watch.fd = inotify_init1 (IN_CLOEXEC | IN_NONBLOCK);
  g_assert_cmpint (watch.fd, >=, 0);
  watch.dirs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  watch.seen = g_ptr_array_new_with_free_func (g_free);
  watch.exposed = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&watch.mutex);
  watch_add (&watch, dir);
  thread = g_thread_new ("watch", watch_thread, &watch);

  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  watch_add (&watch, tenants_dir);
  info = ff_vault_create_tenant (vault, TENANT, ADMIN, ADMIN_PASSWORD, FF_VAULT_CREATE_DEFAULT,
                                 NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  session = ff_vault_unlock (vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ff_vault_add_user (vault, session, "bob", FF_ROLE_QA, BOB_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (ff_vault_remove_user (vault, session, "bob", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&session);
  g_clear_object (&vault);

  /* Let the watcher drain what is queued. */
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  g_mutex_lock (&watch.mutex);
  watch.stop = TRUE;
  g_mutex_unlock (&watch.mutex);
  g_thread_join (thread);
  umask (saved_umask);

  for (guint i = 0; i < watch.seen->len; i++)
    g_test_message ("created: %s", (const char *) g_ptr_array_index (watch.seen, i));
  /* The watch saw what it is there to see. */
  g_assert_true (seen_suffix (watch.seen, "registry.db"));
  g_assert_true (seen_suffix (watch.seen, "/tenants"));
  g_assert_true (seen_suffix (watch.seen, ".db"));
  g_assert_true (seen_suffix (watch.seen, ".db-wal"));
  for (guint i = 0; i < watch.exposed->len; i++)
    g_test_message ("readable by others: %s", (const char *) g_ptr_array_index (watch.exposed, i));
  g_assert_cmpuint (watch.exposed->len, ==, 0);

  close (watch.fd);
  g_hash_table_unref (watch.dirs);
  g_ptr_array_unref (watch.seen);
  g_ptr_array_unref (watch.exposed);
  g_mutex_clear (&watch.mutex);
  ff_test_rm_rf (dir);
}

static void
locked_cb (FfSession *session,
           guint     *count)
{
  (*count)++;
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfStore) worker = NULL;
  g_autoptr (FfStore) after = NULL;
  guint n_locked = 0;

  session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  g_signal_connect (session, "locked", G_CALLBACK (locked_cb), &n_locked);

  worker = ff_session_open_store (session, &error);
  g_assert_no_error (error);
  g_assert_nonnull (worker);
  g_assert_true (worker != ff_session_get_store (session));

  ff_session_lock (session);
  g_assert_cmpuint (n_locked, ==, 1);
  g_assert_true (ff_session_is_locked (session));
  g_assert_null (ff_session_get_store (session));

  after = ff_session_open_store (session, &error);
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED);
  g_assert_null (after);
  g_clear_error (&error);

  g_assert_false (ff_vault_add_user (fixture->vault, session, "bob", FF_ROLE_QA, BOB_PASSWORD,
                                     &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  /* Locking twice is harmless and does not signal again. */
  ff_session_lock (session);
  g_assert_cmpuint (n_locked, ==, 1);

  /* A connection handed out before the lock keeps working until its owner drops it. */
  g_assert_cmpuint (ff_store_get_schema_version (worker), ==, ff_store_get_latest_version ());
}

static void
unlock_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfSession **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ff_vault_unlock_finish (FF_VAULT (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
test_unlock_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr (FfTenantInfo) info = create_tenant (fixture);
  g_autoptr (FfSession) session = NULL;

  ff_vault_unlock_async (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, NULL, unlock_done_cb,
                         &session);
  while (session == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ff_session_get_role (session), ==, FF_ROLE_ADMIN);
  g_assert_cmpstr (ff_session_get_tenant (session)->id, ==, info->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vault/create-and-unlock", Fixture, NULL, fixture_set_up, test_create_and_unlock,
              fixture_tear_down);
  g_test_add ("/vault/wrong-password-writes-nothing", Fixture, NULL, fixture_set_up,
              test_wrong_password_writes_nothing, fixture_tear_down);
  g_test_add ("/vault/users", Fixture, NULL, fixture_set_up, test_users, fixture_tear_down);
  g_test_add ("/vault/users/confirm", Fixture, NULL, fixture_set_up, test_confirm_user,
              fixture_tear_down);
  g_test_add ("/vault/users/add-member-without-keys", Fixture, NULL, fixture_set_up,
              test_add_member_without_keys, fixture_tear_down);
  g_test_add ("/vault/create-populate", Fixture, NULL, fixture_set_up, test_create_populate,
              fixture_tear_down);
  g_test_add ("/vault/weak-password", Fixture, NULL, fixture_set_up, test_weak_password,
              fixture_tear_down);
  g_test_add ("/vault/duplicate-name", Fixture, NULL, fixture_set_up, test_duplicate_name,
              fixture_tear_down);
  g_test_add ("/vault/names/unicode", Fixture, NULL, fixture_set_up, test_unicode_names,
              fixture_tear_down);
  g_test_add ("/vault/names/control-characters", Fixture, NULL, fixture_set_up,
              test_control_characters, fixture_tear_down);
  g_test_add ("/vault/names/create-race", Fixture, NULL, fixture_set_up, test_create_race,
              fixture_tear_down);
  g_test_add ("/vault/delete-tenant", Fixture, NULL, fixture_set_up, test_delete_tenant,
              fixture_tear_down);
  g_test_add ("/vault/encrypted-at-rest", Fixture, NULL, fixture_set_up, test_encrypted_at_rest,
              fixture_tear_down);
  g_test_add_func ("/vault/files-private", test_files_private);
  g_test_add ("/vault/lock", Fixture, NULL, fixture_set_up, test_lock, fixture_tear_down);
  g_test_add ("/vault/unlock-async", Fixture, NULL, fixture_set_up, test_unlock_async,
              fixture_tear_down);

  test_vault_rekey_register ();

  return g_test_run ();
}
