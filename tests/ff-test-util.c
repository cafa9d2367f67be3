/* ff-test-util.c — what many test programs need: temporary directories and tenants made and
 * removed, one-value queries, files read. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <glib/gstdio.h>

#include "ff-test-util.h"
#include "ff-record-repository.h"
#include "ff-kind-catalog.h"
#include "ff-actor.h"

void
ff_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          ff_test_rm_rf (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
ff_test_tenant_make (const char  *prefix,
                     const char  *tenant,
                     const char  *admin,
                     const char  *password,
                     char       **out_dir,
                     FfVault    **out_vault,
                     FfSession  **out_session)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);

  *out_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  *out_vault = ff_vault_open (*out_dir, &error);
  g_assert_no_error (error);
  info = ff_vault_create_tenant (*out_vault, tenant, admin, password, FF_VAULT_CREATE_DEFAULT,
                                 NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  *out_session = ff_vault_unlock (*out_vault, tenant, admin, password, &error);
  g_assert_no_error (error);
}

FfStore *
ff_test_store_make (const char        *prefix,
                    const char        *tenant_id,
                    FfStoreOpenFlags   flags,
                    char             **out_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *path = NULL;
  guint8 key[FF_STORE_KEY_SIZE];
  FfStore *store;

  for (guint i = 0; i < FF_STORE_KEY_SIZE; i++)
    key[i] = (guint8) g_random_int_range (0, 256);
  *out_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*out_dir, "tenant.db", NULL);
  store = ff_store_open_for_tenant (path, tenant_id, key, flags | FF_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
ff_test_tenant_remove (char      **dir,
                       FfVault   **vault,
                       FfSession **session)
{
  g_clear_object (session);
  g_clear_object (vault);
  ff_test_rm_rf (*dir);
  g_clear_pointer (dir, g_free);
}

gint64
ff_test_query_int (FfStore    *store,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
ff_test_query_text (FfStore    *store,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

void
ff_test_exec (FfStore    *store,
              const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (ff_store_get_handle (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

GBytes *
ff_test_read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

gboolean
ff_test_file_exists (const char *path,
                     const char *suffix)
{
  g_autofree char *full = g_strconcat (path, suffix, NULL);
  return g_file_test (full, G_FILE_TEST_EXISTS);
}

FfRecord *
ff_test_insert (FfSession  *session,
                const char *kind_name,
                ...)
{
  const FfKind *kind = ff_kind_lookup (kind_name);
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (ff_session_get_store (session),
                                                                  kind);
  FfRecord *record = ff_record_new (kind);
  FfActor actor = ff_actor_from_session (session);
  g_autoptr (GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, kind_name);
  while ((field = va_arg (args, const char *)) != NULL)
    ff_record_set (record, field, va_arg (args, const char *));
  va_end (args);
  if (!ff_record_repository_insert (repo, &actor, record, NULL, &error))
    g_error ("Could not insert into %s: %s", kind_name, error->message);
  return record;
}
