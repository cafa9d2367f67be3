/* ff-mass-balance.c — a lot's mass balance from its receipts and movements (DOMAIN.md,
 * Traceability): received or produced = used + shipped + scrapped + sampled + in stock −
 * adjusted + unexplained, each figure converted to the lot's unit. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>

#include "ff-error.h"
#include "ff-fsq-json-private.h"
#include "ff-mass-balance.h"
#include "ff-units.h"

/* What is left over or missing below this share of the start quantity is rounding. */
#define TOLERANCE 1e-6

static void
gap_free (FfBalanceGap *gap)
{
  g_free (gap->cause);
  g_free (gap->message);
  g_free (gap->movement);
  g_free (gap);
}

void
ff_mass_balance_free (FfMassBalance *balance)
{
  if (balance == NULL)
    return;
  g_free (balance->lot_id);
  g_free (balance->lot_code);
  g_free (balance->unit);
  g_free (balance->counted_at);
  g_free (balance->last_moved_at);
  g_ptr_array_unref (balance->gaps);
  g_free (balance);
}

static void
add_gap (FfMassBalance *balance,
         const char    *cause,
         double         quantity,
         const char    *movement,
         char          *message)
{
  FfBalanceGap *gap = g_new0 (FfBalanceGap, 1);

  gap->cause = g_strdup (cause);
  gap->quantity = quantity;
  gap->movement = g_strdup (movement);
  gap->message = message;
  g_ptr_array_add (balance->gaps, gap);
}

static char *
format_quantity (double      value,
                 const char *unit)
{
  return g_strdup_printf ("%.6g %s", value, unit);
}

/* The lot row and what it started with: the receipts of a bought lot, or its own quantity. */
static gboolean
load_start (FfStore        *store,
            FfMassBalance  *balance,
            GError        **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store,
                                         "SELECT code, lot_type, quantity, unit FROM lots "
                                         "WHERE id = ? AND _deleted = 0", error);
  gboolean bought;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, balance->lot_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no such lot"));
      else
        ff_store_set_error (store, rc, _("Could not read the lot"), error);
      return FALSE;
    }
  balance->lot_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  bought = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "ingredient") == 0;
  balance->start = sqlite3_column_double (stmt, 2);
  balance->unit = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  balance->start_kind = bought ? "received" : "produced";
  if (!bought)
    return TRUE;

  stmt = ff_store_prepare (store,
                           "SELECT code, quantity, unit FROM receipts WHERE lot = ? "
                           "AND _deleted = 0 ORDER BY received_on, rowid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, balance->lot_id, -1, SQLITE_TRANSIENT);
  {
    double received = 0;
    guint n = 0;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *code = (const char *) sqlite3_column_text (stmt, 0);
        const char *unit = (const char *) sqlite3_column_text (stmt, 2);
        double q = sqlite3_column_double (stmt, 1), converted;

        n++;
        if (ff_unit_convert (q, unit, balance->unit, &converted))
          received += converted;
        else
          {
            g_autofree char *amount = format_quantity (q, unit);

            add_gap (balance, "unit_mismatch", NAN, code,
                     /* Translators: a receipt's code, its quantity ("12 ea") and the lot's unit */
                     g_strdup_printf (_("Receipt %s of %s does not convert to %s: not counted"),
                                      code, amount, balance->unit));
          }
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return ff_store_set_error (store, rc, _("Could not read the lot’s receipts"), error);
    /* A bought lot recorded without its receipt started with its recorded quantity. */
    if (n > 0)
      balance->start = received;
  }
  return TRUE;
}

typedef struct
{
  char   *code;
  char   *type;
  double  quantity;   /* in the lot's unit */
  char   *moved_at;
} Movement;

static void
movement_clear (Movement *m)
{
  g_free (m->code);
  g_free (m->type);
  g_free (m->moved_at);
}

static gboolean
load_movements (FfStore        *store,
                FfMassBalance  *balance,
                GArray         *movements,
                GError        **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store,
                                         "SELECT code, movement, quantity, unit, moved_at "
                                         "FROM lot_movements WHERE lot = ? AND _deleted = 0 "
                                         "ORDER BY moved_at, rowid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, balance->lot_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *unit = (const char *) sqlite3_column_text (stmt, 3);
      double q = sqlite3_column_double (stmt, 2);
      Movement m = { 0 };

      m.code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      m.type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      m.moved_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      balance->n_movements++;
      g_free (balance->last_moved_at);
      balance->last_moved_at = g_strdup (m.moved_at);
      if (!ff_unit_convert (q, unit, balance->unit, &m.quantity))
        {
          g_autofree char *amount = format_quantity (q, unit);

          /* Translators: a movement's code, its quantity ("12 ea") and the lot's unit */
          add_gap (balance, "unit_mismatch", NAN, m.code,
                   g_strdup_printf (_("Movement %s of %s does not convert to %s: not counted"),
                                    m.code, amount, balance->unit));
          movement_clear (&m);
          continue;
        }
      g_array_append_val (movements, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not read the lot’s movements"), error);
  return TRUE;
}

FfMassBalance *
ff_mass_balance_compute (FfStore     *store,
                         const char  *lot_id,
                         GError     **error)
{
  g_autoptr (FfMassBalance) balance = g_new0 (FfMassBalance, 1);
  g_autoptr (GArray) movements = g_array_new (FALSE, TRUE, sizeof (Movement));
  double after_count = 0;   /* what left, less what was found, after the last count */
  gint last_count = -1;
  double tolerance;

  g_return_val_if_fail (FF_IS_STORE (store) && lot_id != NULL, NULL);

  g_array_set_clear_func (movements, (GDestroyNotify) movement_clear);
  balance->lot_id = g_strdup (lot_id);
  balance->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) gap_free);
  if (!load_start (store, balance, error) || !load_movements (store, balance, movements, error))
    return NULL;

  for (guint i = 0; i < movements->len; i++)
    if (g_str_equal (g_array_index (movements, Movement, i).type, "counted"))
      last_count = (gint) i;
  for (guint i = 0; i < movements->len; i++)
    {
      Movement *m = &g_array_index (movements, Movement, i);
      gboolean after = last_count >= 0 && (gint) i > last_count;

      if (g_str_equal (m->type, "consumed"))
        balance->consumed += m->quantity;
      else if (g_str_equal (m->type, "shipped"))
        balance->shipped += m->quantity;
      else if (g_str_equal (m->type, "scrapped"))
        balance->scrapped += m->quantity;
      else if (g_str_equal (m->type, "sampled"))
        balance->sampled += m->quantity;
      else if (g_str_equal (m->type, "adjusted"))
        {
          balance->adjusted += m->quantity;
          if (after)
            after_count -= m->quantity;
          continue;
        }
      else
        continue;
      if (after)
        after_count += m->quantity;
    }
  if (last_count >= 0)
    {
      Movement *count = &g_array_index (movements, Movement, last_count);

      balance->counted = TRUE;
      balance->counted_at = g_strdup (count->moved_at);
      balance->in_stock = MAX (count->quantity - after_count, 0);
    }
  balance->accounted = balance->consumed + balance->shipped + balance->scrapped
                       + balance->sampled + balance->in_stock - balance->adjusted;
  balance->unexplained = balance->start - balance->accounted;
  tolerance = TOLERANCE * MAX (balance->start, 1);
  if (fabs (balance->unexplained) <= tolerance)
    balance->unexplained = 0;
  balance->accounted_pct = balance->start > 0
                           ? 100 * MIN (balance->accounted, balance->start) / balance->start
                           : NAN;

  if (balance->unexplained != 0)
    {
      g_autofree char *amount = format_quantity (fabs (balance->unexplained), balance->unit);

      if (balance->unexplained > 0 && !balance->counted)
        add_gap (balance, "no_stock_count", balance->unexplained, NULL,
                 /* Translators: %s is a quantity with its unit, "12.5 kg" */
                 g_strdup_printf (_("%s not used, shipped, scrapped or sampled, and no stock "
                                    "count was recorded: count what is left of the lot"),
                                  amount));
      else if (balance->unexplained > 0)
        add_gap (balance, "unexplained", balance->unexplained, NULL,
                 /* Translators: %s is a quantity with its unit, "12.5 kg" */
                 g_strdup_printf (_("%s missing: the last stock count found less than the "
                                    "movements leave; record the loss as an adjustment with its "
                                    "reason"), amount));
      else
        add_gap (balance, "over_accounted", balance->unexplained, NULL,
                 /* Translators: %s is a quantity with its unit, "12.5 kg" */
                 g_strdup_printf (_("%s more used, shipped or counted than was received or "
                                    "produced: a movement is recorded twice, or the lot’s "
                                    "quantity is wrong"), amount));
    }
  return g_steal_pointer (&balance);
}

JsonNode *
ff_mass_balance_to_json (const FfMassBalance *balance)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const char *unit;

  g_return_val_if_fail (balance != NULL, NULL);
  unit = balance->unit;
  json_builder_begin_object (b);
  _ff_json_add_string (b, "lot", balance->lot_code);
  _ff_json_add_string (b, "start_kind", balance->start_kind);
  _ff_json_add_quantity (b, "start", balance->start, unit);
  _ff_json_add_quantity (b, "consumed", balance->consumed, unit);
  _ff_json_add_quantity (b, "shipped", balance->shipped, unit);
  _ff_json_add_quantity (b, "scrapped", balance->scrapped, unit);
  _ff_json_add_quantity (b, "sampled", balance->sampled, unit);
  _ff_json_add_quantity (b, "adjusted", balance->adjusted, unit);
  _ff_json_add_quantity (b, "in_stock", balance->in_stock, unit);
  _ff_json_add_string (b, "counted_at", balance->counted_at);
  _ff_json_add_string (b, "last_moved_at", balance->last_moved_at);
  _ff_json_add_quantity (b, "accounted", balance->accounted, unit);
  _ff_json_add_quantity (b, "unexplained", balance->unexplained, unit);
  _ff_json_add_quantity (b, "accounted_pct", balance->accounted_pct, "%");
  json_builder_set_member_name (b, "movements");
  json_builder_add_int_value (b, balance->n_movements);
  json_builder_set_member_name (b, "gaps");
  json_builder_begin_array (b);
  for (guint i = 0; i < balance->gaps->len; i++)
    {
      const FfBalanceGap *gap = balance->gaps->pdata[i];

      json_builder_begin_object (b);
      _ff_json_add_string (b, "cause", gap->cause);
      _ff_json_add_string (b, "message", gap->message);
      _ff_json_add_quantity (b, "quantity", gap->quantity, unit);
      _ff_json_add_string (b, "movement", gap->movement);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  _ff_json_add_string (b, "method",
                       "start = the lot's receipts (a bought lot) or its recorded quantity (a "
                       "lot made here); accounted = consumed + shipped + scrapped + sampled + "
                       "in_stock - adjusted, from the lot's movements converted to the lot's "
                       "unit; in_stock = the last stock count less what left after it (0 "
                       "without a count); unexplained = start - accounted; accounted_pct = 100 "
                       "x min(accounted, start) / start.");
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
