/* ff-migrations.c — numbered SQL migrations, applied in order and recorded in user_version. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-error.h"
#include "ff-migrations.h"

typedef struct
{
  guint  version;
  char  *resource;
} Migration;

static void
migration_clear (gpointer data)
{
  g_free (((Migration *) data)->resource);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = a, *mb = b;
  return (ma->version > mb->version) - (ma->version < mb->version);
}

static GArray *
list_migrations (const char *resource_path)
{
  g_auto (GStrv) names = NULL;
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Migration));

  g_array_set_clear_func (list, migration_clear);
  names = g_resources_enumerate_children (resource_path, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration m;
      char *end = NULL;
      guint64 v = g_ascii_strtoull (names[i], &end, 10);

      if (v == 0 || end == names[i] || *end != '-' || !g_str_has_suffix (names[i], ".sql"))
        continue;
      m.version = (guint) v;
      m.resource = g_build_path ("/", resource_path, names[i], NULL);
      g_array_append_val (list, m);
    }
  g_array_sort (list, migration_compare);
  for (guint i = 0; i < list->len; i++)
    g_assert (g_array_index (list, Migration, i).version == i + 1);
  return list;
}

guint
ff_migrations_count (const char *resource_path)
{
  g_autoptr (GArray) list = list_migrations (resource_path);
  return list->len;
}

guint
ff_migrations_get_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return (guint) CLAMP (version, 0, G_MAXUINT);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *msg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &msg);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION, "%s",
                   msg ? msg : sqlite3_errstr (rc));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
too_new (sqlite3  *db,
         guint     version,
         guint     latest,
         GError  **error)
{
  const char *file = sqlite3_db_filename (db, "main");

  g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION,
               _("“%s” has schema version %u, newer than this FoodFlow understands (%u); "
                 "update FoodFlow"), file ? file : "", version, latest);
  return FALSE;
}

gboolean
ff_migrations_apply (sqlite3     *db,
                     const char  *resource_path,
                     guint        target,
                     GError     **error)
{
  g_autoptr (GArray) list = NULL;
  guint current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);

  list = list_migrations (resource_path);
  current = ff_migrations_get_version (db);
  if (current > list->len)
    return too_new (db, current, list->len, error);
  target = MIN (target, list->len);
  for (guint i = current; i < target; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      g_autoptr (GError) local_error = NULL;
      guint now;

      bytes = g_resources_lookup_data (m->resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %u", m->version);

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another connection may have migrated while this one waited for the lock. */
      now = ff_migrations_get_version (db);
      if (now >= m->version)
        {
          if (!exec_sql (db, "COMMIT", error))
            return FALSE;
          if (now > list->len)
            return too_new (db, now, list->len, error);
          continue;
        }
      if (!exec_sql (db, sql, &local_error) || !exec_sql (db, pragma, &local_error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION,
                       _("Migration %s failed: %s"), m->resource, local_error->message);
          return FALSE;
        }
      if (!exec_sql (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("applied migration %s", m->resource);
    }
  return TRUE;
}
