/* ff-store-rekey.c — re-encrypting a tenant database under a new key, crash-atomically. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "ff-error.h"
#include "ff-store-private.h"

/* Why a rollback journal: SQLCipher's rekey rewrites every page in one transaction. In
 * journal_mode=DELETE the journal holds each page as it was, encrypted with the old key, and
 * is synced (synchronous=FULL) before the database is written; the commit point is the
 * journal's removal (or, under locking_mode=EXCLUSIVE, the zeroing of its header). If the
 * process dies before that, the next opener finds a hot journal and writes its pages back
 * as they are, whatever key that opener holds, so the file is wholly the old one again; if
 * it dies after, the file is wholly the new one. The crash tests in test-vault kill removals
 * at random moments to check exactly this. */

static gint64
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The first column of @sql's first row as text, or NULL (with the error in @out_rc). */
static char *
pragma_text (sqlite3    *db,
             const char *sql,
             int        *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (out_rc != NULL)
    *out_rc = rc;
  return value;
}

static gboolean
set_busy_error (GError **error)
{
  g_set_error_literal (error, FF_STORE_ERROR, FF_STORE_ERROR_BUSY,
                       _("Another FoodFlow window or command has this tenant open. Close it "
                         "and try again"));
  return FALSE;
}

/* The rollback journal holds every page once, with its number and checksum. */
static guint64
journal_bytes (sqlite3 *db)
{
  gint64 pages = pragma_int (db, "PRAGMA page_count");
  gint64 page_size = pragma_int (db, "PRAGMA page_size");

  if (pages < 0 || page_size < 0)
    return 0;
  return (guint64) pages * (guint64) (page_size + 8) + 2 * 4096;
}

static gboolean
check_free_space (FfStore  *self,
                  GError  **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (ff_store_get_path (self));
  g_autoptr (GFile) dir = g_file_get_parent (file);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *needed_text = NULL;
  g_autofree char *free_text = NULL;
  /* The journal, and a little room for the registry and the WAL that follows. */
  guint64 needed = journal_bytes (ff_store_get_handle (self)) + 1024 * 1024;
  guint64 available;

  info = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL,
                                       &local_error);
  /* A file system that does not say lets the write itself tell. */
  if (info == NULL
      || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return TRUE;
  available = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  if (available >= needed)
    return TRUE;
  needed_text = g_format_size (needed);
  free_text = g_format_size (available);
  g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_NO_SPACE,
               /* Translators: the first %s is the free disk space needed, the second what is
                * free, as "1.2 GB". */
               _("Changing the tenant's key needs %s of free disk space next to its database, "
                 "but only %s is free. Free some space and try again"), needed_text, free_text);
  return FALSE;
}

gboolean
ff_store_rekey_begin (FfStore  *self,
                      GError  **error)
{
  sqlite3 *db;
  g_autofree char *mode = NULL;
  int rc = SQLITE_OK;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  g_return_val_if_fail (!ff_store_in_transaction (self), FALSE);

  db = ff_store_get_handle (self);
  if (!check_free_space (self, error))
    return FALSE;

  /* Leaving WAL needs the only connection; with another one the mode stays 'wal' (or the
   * pragma fails as busy). */
  if (pragma_int (db, "PRAGMA wal_checkpoint(TRUNCATE)") != 0)
    return set_busy_error (error);
  mode = pragma_text (db, "PRAGMA journal_mode = DELETE", &rc);
  if (g_strcmp0 (mode, "delete") != 0)
    {
      ff_store_rekey_end (self);
      return set_busy_error (error);
    }
  /* Hold the file exclusively from now on, so that nobody switches it back to WAL or reads
   * it half re-keyed. */
  if (!ff_store_exec (self, "PRAGMA locking_mode = EXCLUSIVE", error)
      || sqlite3_exec (db, "BEGIN EXCLUSIVE; COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      ff_store_rekey_end (self);
      return set_busy_error (error);
    }
  if (!ff_store_exec (self, "PRAGMA synchronous = FULL", error))
    {
      ff_store_rekey_end (self);
      return FALSE;
    }
  return TRUE;
}

void
ff_store_rekey_end (FfStore *self)
{
  sqlite3 *db;
  g_autofree char *mode = NULL;

  g_return_if_fail (FF_IS_STORE (self));

  db = ff_store_get_handle (self);
  sqlite3_exec (db, "PRAGMA locking_mode = NORMAL", NULL, NULL, NULL);
  /* The exclusive lock is let go when the next read ends. */
  pragma_int (db, "SELECT count(*) FROM sqlite_master");
  mode = pragma_text (db, "PRAGMA journal_mode = WAL", NULL);
  sqlite3_exec (db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
  /* Under the exclusive lock the committed journal was zeroed, not removed. In WAL mode
   * nothing reads a rollback journal, and a zeroed one is never hot. */
  if (g_strcmp0 (mode, "wal") == 0)
    {
      g_autofree char *journal = g_strconcat (ff_store_get_path (self), "-journal", NULL);
      g_unlink (journal);
    }
}

typedef struct
{
  sqlite3 *db;
  char    *raw;
  gsize    len;
  GMutex   mutex;
  GCond    cond;
  gboolean done;
} RekeyJob;

static gpointer
rekey_thread (gpointer data)
{
  RekeyJob *job = data;

  /* SQLCipher answers SQLITE_OK even when the commit failed: the caller checks the file. */
  sqlite3_rekey (job->db, job->raw, (int) job->len);
  g_mutex_lock (&job->mutex);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
  return NULL;
}

gboolean
ff_store_rekey (FfStore              *self,
                const guint8         *key,
                FfStoreProgressFunc   progress,
                gpointer              progress_data,
                GError              **error)
{
  g_autofree char *journal = NULL;
  g_autoptr (FfStore) check = NULL;
  g_autoptr (GError) local_error = NULL;
  RekeyJob job = { 0 };
  GThread *thread;
  guint64 total;
  double reported = 0;

  g_return_val_if_fail (FF_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (!ff_store_in_transaction (self), FALSE);

  job.db = ff_store_get_handle (self);
  job.raw = _ff_store_format_key (key, &job.len, error);
  if (job.raw == NULL)
    return FALSE;
  total = journal_bytes (job.db);
  journal = g_strconcat (ff_store_get_path (self), "-journal", NULL);
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);

  if (progress != NULL)
    progress (0, progress_data);
  /* The rekey runs on a thread of its own so that this one can report progress: the journal
   * grows by a page for every page re-encrypted. */
  thread = g_thread_new ("ff-rekey", rekey_thread, &job);
  g_mutex_lock (&job.mutex);
  while (!job.done)
    {
      gint64 until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;
      GStatBuf st;

      if (g_cond_wait_until (&job.cond, &job.mutex, until) || job.done)
        continue;
      if (progress == NULL || total == 0 || g_stat (journal, &st) != 0)
        continue;
      g_mutex_unlock (&job.mutex);
      /* The pages still have to reach the database after the journal is full. */
      if (MIN ((double) st.st_size / (double) total, 1.0) * 0.9 > reported)
        {
          reported = MIN ((double) st.st_size / (double) total, 1.0) * 0.9;
          progress (reported, progress_data);
        }
      g_mutex_lock (&job.mutex);
    }
  g_mutex_unlock (&job.mutex);
  g_thread_join (thread);
  sodium_free (job.raw);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);

  ff_store_rekey_end (self);
  check = ff_store_open (ff_store_get_path (self), key, FF_STORE_OPEN_NO_MIGRATE, &local_error);
  if (check == NULL)
    {
      g_set_error (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED,
                   _("The tenant's key could not be changed: %s"), local_error->message);
      return FALSE;
    }
  if (progress != NULL)
    progress (1, progress_data);
  return TRUE;
}
