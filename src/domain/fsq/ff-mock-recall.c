/* ff-mock-recall.c — a mock recall: the two traces and balances, the lots to hold and the
 * customers to call, timed, and kept as a recall exercise. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ff-clock.h"
#include "ff-error.h"
#include "ff-fsq-json-private.h"
#include "ff-kinds-private.h"
#include "ff-mock-recall.h"
#include "ff-record-repository.h"
#include "ff-record.h"

void
ff_mock_recall_free (FfMockRecall *recall)
{
  if (recall == NULL)
    return;
  g_free (recall->code);
  g_free (recall->exercise_id);
  g_free (recall->started_at);
  g_free (recall->finished_at);
  g_clear_pointer (&recall->forward, ff_trace_free);
  g_clear_pointer (&recall->backward, ff_trace_free);
  g_clear_pointer (&recall->forward_balance, ff_mass_balance_free);
  g_clear_pointer (&recall->backward_balance, ff_mass_balance_free);
  g_ptr_array_unref (recall->lots_to_hold);
  g_free (recall);
}

/* Lots still in the plant: not shipped, rejected or already held. */
static gboolean
needs_hold (const FfTraceLot *lot)
{
  return g_strcmp0 (lot->status, "shipped") != 0 && g_strcmp0 (lot->status, "rejected") != 0
         && g_strcmp0 (lot->status, "hold") != 0;
}

static void
count_reached (FfMockRecall *recall,
               FfTrace      *trace,
               GHashTable   *seen)
{
  for (guint i = 0; trace != NULL && i < trace->lots->len; i++)
    {
      FfTraceLot *lot = trace->lots->pdata[i];

      if (!g_hash_table_add (seen, (gpointer) lot->id))
        continue;
      if (needs_hold (lot))
        g_ptr_array_add (recall->lots_to_hold, g_strdup (lot->code));
    }
}

static double
lower_pct (double a,
           double b)
{
  if (!isfinite (a))
    return b;
  if (!isfinite (b))
    return a;
  return MIN (a, b);
}

/* A code no exercise has yet: MR-YYYYMMDD-HHMMSS, with -2, -3... for a second one that second. */
static char *
new_code (FfRecordRepository  *repo,
          GDateTime           *started,
          GError             **error)
{
  g_autofree char *base = g_date_time_format (started, "MR-%Y%m%d-%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *code = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autoptr (GError) local = NULL;
      g_autoptr (FfRecord) taken = ff_record_repository_find_by_code (repo, code, &local);

      if (taken == NULL && !g_error_matches (local, FF_ERROR, FF_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (taken == NULL)
        return g_steal_pointer (&code);
    }
}

static gboolean
save (FfStore        *store,
      const FfActor  *actor,
      FfMockRecall   *recall,
      GDateTime      *started,
      const char     *notes,
      GError        **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  &ff_kind_recall_exercises);
  g_autoptr (FfRecord) exercise = ff_record_new (&ff_kind_recall_exercises);
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *text = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!ff_store_begin (store, error))
    return FALSE;
  recall->code = new_code (repo, started, error);
  if (recall->code == NULL)
    goto fail;
  ff_record_set (exercise, "code", recall->code);
  if (recall->forward != NULL)
    ff_record_set (exercise, "forward_lot",
                   ((FfTraceLot *) recall->forward->lots->pdata[0])->id);
  if (recall->backward != NULL)
    ff_record_set (exercise, "backward_lot",
                   ((FfTraceLot *) recall->backward->lots->pdata[0])->id);
  ff_record_set (exercise, "started_at", recall->started_at);
  ff_record_set (exercise, "finished_at", recall->finished_at);
  ff_record_set (exercise, "duration_ms",
                 g_ascii_formatd (number, sizeof number, "%.3f", recall->duration_ms));
  g_snprintf (number, sizeof number, "%u", recall->lots_reached);
  ff_record_set (exercise, "lots_reached", number);
  g_snprintf (number, sizeof number, "%u", recall->n_customers);
  ff_record_set (exercise, "customers", number);
  if (isfinite (recall->accounted_pct))
    ff_record_set (exercise, "accounted_pct",
                   g_ascii_formatd (number, sizeof number, "%.3f", recall->accounted_pct));
  ff_record_set (exercise, "run_by", actor->username);
  ff_record_set (exercise, "notes", notes && *notes ? notes : NULL);
  json = ff_mock_recall_to_json (recall);
  text = json_to_string (json, FALSE);
  {
    gsize length = strlen (text);
    g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

    ff_record_set_blob (exercise, ff_kind_get_field_index (&ff_kind_recall_exercises, "result"),
                        bytes);
  }
  if (!ff_record_repository_insert (repo, actor, exercise, NULL, error))
    goto fail;
  recall->exercise_id = g_strdup (ff_record_get_id (exercise));
  return ff_store_commit (store, error);

fail:
  ff_store_rollback (store);
  g_clear_pointer (&recall->code, g_free);
  return FALSE;
}

FfMockRecall *
ff_mock_recall_run (FfStore        *store,
                    const FfActor  *actor,
                    const char     *forward_lot_id,
                    const char     *backward_lot_id,
                    const char     *notes,
                    gboolean        save_it,
                    GError        **error)
{
  g_autoptr (FfMockRecall) recall = g_new0 (FfMockRecall, 1);
  g_autoptr (GDateTime) started = ff_clock_now ();
  g_autoptr (GDateTime) finished = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 t0 = g_get_monotonic_time ();

  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (forward_lot_id != NULL || backward_lot_id != NULL, NULL);

  recall->lots_to_hold = g_ptr_array_new_with_free_func (g_free);
  recall->accounted_pct = NAN;
  if (forward_lot_id != NULL)
    {
      recall->forward = ff_lot_trace (store, forward_lot_id, FF_TRACE_FORWARD, error);
      if (recall->forward == NULL)
        return NULL;
      recall->forward_balance = ff_mass_balance_compute (store, forward_lot_id, error);
      if (recall->forward_balance == NULL)
        return NULL;
      recall->n_customers = recall->forward->customers->len;
      recall->accounted_pct = recall->forward_balance->accounted_pct;
    }
  if (backward_lot_id != NULL)
    {
      recall->backward = ff_lot_trace (store, backward_lot_id, FF_TRACE_BACKWARD, error);
      if (recall->backward == NULL)
        return NULL;
      recall->backward_balance = ff_mass_balance_compute (store, backward_lot_id, error);
      if (recall->backward_balance == NULL)
        return NULL;
      recall->accounted_pct = lower_pct (recall->accounted_pct,
                                         recall->backward_balance->accounted_pct);
    }
  count_reached (recall, recall->forward, seen);
  count_reached (recall, recall->backward, seen);
  recall->lots_reached = g_hash_table_size (seen);

  recall->duration_ms = (g_get_monotonic_time () - t0) / 1000.0;
  finished = g_date_time_add (started, (GTimeSpan) (recall->duration_ms * 1000));
  recall->started_at = ff_clock_format_utc (started);
  recall->finished_at = ff_clock_format_utc (finished);
  if (save_it && !save (store, actor, recall, started, notes, error))
    return NULL;
  return g_steal_pointer (&recall);
}

static void
add_side (JsonBuilder   *b,
          const char    *member,
          FfTrace       *trace,
          FfMassBalance *balance)
{
  json_builder_set_member_name (b, member);
  if (trace == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "trace");
  json_builder_add_value (b, ff_trace_to_json (trace));
  json_builder_set_member_name (b, "mass_balance");
  json_builder_add_value (b, ff_mass_balance_to_json (balance));
  json_builder_end_object (b);
}

JsonNode *
ff_mock_recall_to_json (const FfMockRecall *recall)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (recall != NULL, NULL);
  json_builder_begin_object (b);
  _ff_json_add_string (b, "exercise", recall->code);
  _ff_json_add_string (b, "started_at", recall->started_at);
  _ff_json_add_string (b, "finished_at", recall->finished_at);
  _ff_json_add_quantity (b, "duration", recall->duration_ms, "ms");
  json_builder_set_member_name (b, "lots_reached");
  json_builder_add_int_value (b, recall->lots_reached);
  json_builder_set_member_name (b, "customers");
  json_builder_add_int_value (b, recall->n_customers);
  _ff_json_add_quantity (b, "accounted_pct", recall->accounted_pct, "%");
  json_builder_set_member_name (b, "lots_to_hold");
  json_builder_begin_array (b);
  for (guint i = 0; i < recall->lots_to_hold->len; i++)
    json_builder_add_string_value (b, recall->lots_to_hold->pdata[i]);
  json_builder_end_array (b);
  add_side (b, "forward", recall->forward, recall->forward_balance);
  add_side (b, "backward", recall->backward, recall->backward_balance);
  _ff_json_add_string (b, "method",
                       "BRCGS 3.9 / SQF 2.6 mock recall: the raw-material lot traced forward "
                       "and the finished lot traced backward through the genealogy, each with "
                       "its mass balance. lots_reached counts distinct lots of both traces, the "
                       "start lots too; lots_to_hold are those not shipped, rejected or already "
                       "on hold; customers are the forward trace's recipients; accounted_pct is "
                       "the lower of the two balances'. duration is the time the trace and "
                       "balances took.");
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
