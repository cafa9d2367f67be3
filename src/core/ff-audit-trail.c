/* ff-audit-trail.c — the writer and reader of the audit trail of regulated changes. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-clock.h"
#include "ff-audit-trail.h"
#include "ff-error.h"
#include "ff-uuid.h"

void
ff_audit_entry_free (FfAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->at);
  g_free (entry->username);
  g_free (entry->table);
  g_free (entry->row_id);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->reason);
  g_free (entry);
}

gboolean
ff_audit_trail_record (FfStore     *store,
                       const char  *username,
                       const char  *table,
                       const char  *row_id,
                       const char  *field,
                       const char  *old_value,
                       const char  *new_value,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *at = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr (GDateTime) now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (ff_store_in_transaction (store), FALSE);
  g_return_val_if_fail (username != NULL && table != NULL && row_id != NULL, FALSE);

  trimmed = reason ? g_strstrip (g_strdup (reason)) : NULL;
  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("A regulated change needs a reason"));
      return FALSE;
    }

  stmt = ff_store_prepare (store,
                           "INSERT INTO audit_trail (id, at, username, tbl, row_id, field, "
                           "old_value, new_value, reason, _hlc, _device) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  id = ff_uuid_v7_new ();
  now = ff_clock_now ();
  at = g_date_time_format_iso8601 (now);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, (sqlite3_int64) ff_store_tick (store));
  sqlite3_bind_text (stmt, 11, ff_store_get_device_id (store), -1, SQLITE_TRANSIENT);
  return ff_store_step_done (store, stmt, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);
  return text ? g_strdup ((const char *) text) : NULL;
}

GPtrArray *
ff_audit_trail_list (FfStore     *store,
                     const char  *table,
                     const char  *row_id,
                     GError     **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);

  stmt = ff_store_prepare (store,
                           "SELECT id, at, username, tbl, row_id, field, old_value, new_value, "
                           "reason FROM audit_trail WHERE tbl = ? AND row_id = ? "
                           "ORDER BY _hlc", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfAuditEntry *e = g_new0 (FfAuditEntry, 1);
      e->id = column_dup (stmt, 0);
      e->at = column_dup (stmt, 1);
      e->username = column_dup (stmt, 2);
      e->table = column_dup (stmt, 3);
      e->row_id = column_dup (stmt, 4);
      e->field = column_dup (stmt, 5);
      e->old_value = column_dup (stmt, 6);
      e->new_value = column_dup (stmt, 7);
      e->reason = column_dup (stmt, 8);
      g_ptr_array_add (list, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (store, rc, _("Could not read the audit trail"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
