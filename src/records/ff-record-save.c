/* ff-record-save.c — saving a record as a form does, in a worker. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "ff-actor.h"
#include "ff-error.h"
#include "ff-record-repository.h"
#include "ff-record-save.h"

#define SAVE_BUSY_TIMEOUT_MS (15 * 60 * 1000)

typedef struct
{
  FfSession  *session;
  FfRecord   *record;
  FfRecord   *stored;
  GHashTable *codes;
  char       *reason;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->session);
  g_clear_object (&job->record);
  g_clear_object (&job->stored);
  g_clear_pointer (&job->codes, g_hash_table_unref);
  g_free (job->reason);
  g_free (job);
}

void
ff_record_save_result_free (FfRecordSaveResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->record);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  FfFieldError *e = g_new0 (FfFieldError, 1);
  e->field = g_strdup (field);
  e->message = message;
  g_ptr_array_add (problems, e);
}

/* TRUE when saving @record over @stored changes something regulated. */
static gboolean
needs_reason (FfRecord *record,
              FfRecord *stored)
{
  const FfKind *kind = ff_record_get_kind (record);

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; kind->fields[i].name != NULL; i++)
    if (ff_field_is_regulated (kind, &kind->fields[i])
        && g_strcmp0 (ff_record_get_nth (record, i), ff_record_get_nth (stored, i)) != 0)
      return TRUE;
  return FALSE;
}

/* Looks up the references typed as codes; a code that names nothing is a problem. */
static gboolean
resolve_codes (FfStore    *store,
               Job        *job,
               GPtrArray  *problems,
               GError    **error)
{
  const FfKind *kind = ff_record_get_kind (job->record);
  GHashTableIter iter;
  gpointer name, code;

  if (job->codes == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, job->codes);
  while (g_hash_table_iter_next (&iter, &name, &code))
    {
      int index = ff_kind_get_field_index (kind, name);
      const FfField *field = index >= 0 ? &kind->fields[index] : NULL;
      g_autoptr (FfRecordRepository) repository = NULL;
      g_autoptr (FfRecord) target = NULL;
      g_autoptr (GError) local_error = NULL;

      g_return_val_if_fail (field != NULL && field->type == FF_FIELD_REF, FALSE);
      repository = ff_record_repository_new (store, ff_field_get_ref_kind (field));
      target = ff_record_repository_find_by_code (repository, code, &local_error);
      if (target != NULL)
        ff_record_set_nth (job->record, (guint) index, ff_record_get_id (target));
      else if (g_error_matches (local_error, FF_ERROR, FF_ERROR_NOT_FOUND))
        /* Translators: a reference field's problem; %s is the code typed */
        add_problem (problems, name, g_strdup_printf (_("“%s” is the code of no record; pick "
                                                        "one from the list"), (char *) code));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (FfRecordRepository) repository = NULL;
  g_autoptr (FfRecordSaveResult) result = g_new0 (FfRecordSaveResult, 1);
  GError *error = NULL;
  FfActor actor;
  gboolean ok;

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_field_error_free);
  store = ff_session_open_store (job->session, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An import writes its file in one transaction (all or nothing); a save made meanwhile waits
   * for it here, in the worker, rather than failing after the usual few seconds. */
  sqlite3_busy_timeout (ff_store_get_handle (store), SAVE_BUSY_TIMEOUT_MS);
  if (!resolve_codes (store, job, result->problems, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  repository = ff_record_repository_new (store, ff_record_get_kind (job->record));
  {
    g_autoptr (GPtrArray) problems = ff_record_repository_validate (repository, job->record,
                                                                    &error);
    if (problems == NULL)
      {
        g_task_return_error (task, error);
        return;
      }
    for (guint i = 0; i < problems->len; i++)
      {
        FfFieldError *e = g_ptr_array_index (problems, i);
        /* A reference already reported as a code that names nothing. */
        if (e->field == NULL || job->codes == NULL || !g_hash_table_contains (job->codes, e->field)
            || ff_record_get (job->record, e->field) != NULL)
          g_ptr_array_add (result->problems, g_steal_pointer (&problems->pdata[i]));
      }
  }
  if (result->problems->len > 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&result),
                             (GDestroyNotify) ff_record_save_result_free);
      return;
    }
  if (needs_reason (job->record, job->stored) && (job->reason == NULL || *job->reason == '\0'))
    {
      result->needs_reason = TRUE;
      g_task_return_pointer (task, g_steal_pointer (&result),
                             (GDestroyNotify) ff_record_save_result_free);
      return;
    }
  actor = ff_actor_from_session (job->session);
  if (ff_record_get_id (job->record) == NULL)
    ok = ff_record_repository_insert (repository, &actor, job->record, job->reason, &error);
  else
    ok = ff_record_repository_update (repository, &actor, job->record, job->reason, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  result->record = g_object_ref (job->record);
  g_task_return_pointer (task, g_steal_pointer (&result),
                         (GDestroyNotify) ff_record_save_result_free);
}

void
ff_record_save_async (FfSession           *session,
                      FfRecord            *record,
                      FfRecord            *stored,
                      GHashTable          *codes,
                      const char          *reason,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (FF_IS_SESSION (session));
  g_return_if_fail (FF_IS_RECORD (record));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ff_record_save_async);
  job = g_new0 (Job, 1);
  job->session = g_object_ref (session);
  job->record = ff_record_copy (record);
  job->stored = stored ? g_object_ref (stored) : NULL;
  job->codes = codes ? g_hash_table_ref (codes) : NULL;
  job->reason = g_strdup (reason);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, save_thread);
}

FfRecordSaveResult *
ff_record_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
