/* ff-users.c — the users table inside a tenant database. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-users"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-clock.h"
#include "ff-error.h"
#include "ff-users.h"
#include "ff-uuid.h"

void
ff_user_info_free (FfUserInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->username);
  g_free (info->created_at);
  g_free (info);
}

gboolean
ff_users_name_is_valid (const char *username)
{
  gsize len;

  if (username == NULL)
    return FALSE;
  len = strlen (username);
  if (len == 0 || len > 64)
    return FALSE;
  for (const char *p = username; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

gboolean
ff_users_add (FfStore     *store,
              const char  *username,
              FfRole       role,
              GError     **error)
{
  g_autofree char *id = ff_uuid_v7_new ();
  g_autofree char *now = NULL;
  g_autoptr (GDateTime) dt = ff_clock_now ();
  sqlite3_stmt *stmt;
  FfHlcTimestamp ts;

  if (!ff_users_name_is_valid (username))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("“%s” is not a valid user name: use 1 to 64 lower-case letters, digits, "
                     "dots, dashes or underscores"), username);
      return FALSE;
    }
  if (!ff_store_begin (store, error))
    return FALSE;
  ts = ff_store_tick (store);
  now = g_date_time_format_iso8601 (dt);

  stmt = ff_store_prepare (store, "SELECT _deleted FROM users WHERE username = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean deleted = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      if (!deleted)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_EXISTS,
                       _("A user named “%s” already exists"), username);
          goto fail;
        }
      stmt = ff_store_prepare (store, "UPDATE users SET role = ?, _deleted = 0, _hlc = ?, "
                                      "_device = ? WHERE username = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, ff_role_to_string (role), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) ts);
      sqlite3_bind_text (stmt, 3, ff_store_get_device_id (store), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, username, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_reset (stmt);
      stmt = ff_store_prepare (store, "INSERT INTO users (id, username, role, created_at, _hlc, "
                                      "_device) VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, username, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, ff_role_to_string (role), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) ts);
      sqlite3_bind_text (stmt, 6, ff_store_get_device_id (store), -1, SQLITE_TRANSIENT);
    }
  if (!ff_store_step_done (store, stmt, error))
    goto fail;
  return ff_store_commit (store, error);

fail:
  ff_store_rollback (store);
  return FALSE;
}

gboolean
ff_users_remove (FfStore     *store,
                 const char  *username,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (!ff_store_begin (store, error))
    return FALSE;
  stmt = ff_store_prepare (store, "UPDATE users SET _deleted = 1, _hlc = ?, _device = ? "
                                  "WHERE username = ? AND _deleted = 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) ff_store_tick (store));
  sqlite3_bind_text (stmt, 2, ff_store_get_device_id (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, username, -1, SQLITE_TRANSIENT);
  if (!ff_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (ff_store_get_handle (store)) == 0)
    {
      g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER,
                   _("There is no user named “%s”"), username);
      goto fail;
    }
  return ff_store_commit (store, error);

fail:
  ff_store_rollback (store);
  return FALSE;
}

gboolean
ff_users_set_role (FfStore     *store,
                   const char  *username,
                   FfRole       role,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!ff_store_begin (store, error))
    return FALSE;
  stmt = ff_store_prepare (store, "UPDATE users SET role = ?, _hlc = ?, _device = ? "
                                  "WHERE username = ? AND _deleted = 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, ff_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) ff_store_tick (store));
  sqlite3_bind_text (stmt, 3, ff_store_get_device_id (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, username, -1, SQLITE_TRANSIENT);
  if (!ff_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (ff_store_get_handle (store)) == 0)
    {
      g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER,
                   _("There is no user named “%s”"), username);
      goto fail;
    }
  return ff_store_commit (store, error);

fail:
  ff_store_rollback (store);
  return FALSE;
}

gboolean
ff_users_get_role (FfStore     *store,
                   const char  *username,
                   FfRole      *out_role,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = ff_store_prepare (store, "SELECT role FROM users WHERE username = ? AND _deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = ff_role_from_string ((const char *) sqlite3_column_text (stmt, 0), out_role);
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_NO_USER,
                 _("There is no user named “%s”"), username);
  return found;
}

guint
ff_users_count_role (FfStore     *store,
                     FfRole       role,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = ff_store_prepare (store, "SELECT count(*) FROM users WHERE role = ? AND _deleted = 0",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, ff_role_to_string (role), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

GPtrArray *
ff_users_list (FfStore     *store,
               GError     **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_user_info_free);
  sqlite3_stmt *stmt;

  stmt = ff_store_prepare (store, "SELECT username, role, created_at FROM users "
                                  "WHERE _deleted = 0 ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FfUserInfo *u = g_new0 (FfUserInfo, 1);
      u->username = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (!ff_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &u->role))
        u->role = FF_ROLE_VIEWER;
      u->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, u);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}
