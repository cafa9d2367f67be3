/* ff-lot-movements.c — the rules of lot movements, and the movements that a genealogy link (the
 * input lot used) and a shipment (the lot shipped) write in their own transaction, so a lot's
 * mass balance always agrees with its genealogy and shipments. Sync stores the movements
 * another device wrote as they come; these hooks run only on local writes. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-error.h"
#include "ff-kinds-private.h"
#include "ff-lot-movements-private.h"
#include "ff-record-repository.h"
#include "ff-record.h"

/* The one text row @sql gives for @arg (NULL when none), or FALSE on an error. */
static gboolean
query_text (FfStore     *store,
            const char  *sql,
            const char  *arg,
            char       **out,
            GError     **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store, sql, error);
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ff_store_set_error (store, rc, _("Could not read the lot’s movements"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ff_lot_movement_check_write (FfRecordRepository  *repo,
                              const FfActor       *actor,
                              FfRecord            *current,
                              FfRecord            *record,
                              GError             **error)
{
  FfStore *store = ff_record_repository_get_store (repo);
  const char *movement = ff_record_get (record, "movement");
  const char *lot = ff_record_get (record, "lot");
  double quantity = g_ascii_strtod (ff_record_get (record, "quantity"), NULL);
  const char *source_field = NULL;
  const char *sql = NULL;
  g_autofree char *source_lot = NULL;

  if (g_str_equal (movement, "adjusted"))
    {
      if (quantity == 0)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("An adjustment changes the quantity: give what was found (+) or lost (−)"));
          return FALSE;
        }
      if (ff_record_get (record, "reason") == NULL)
        {
          g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                       _("An adjustment needs a reason: say why the quantity was wrong"));
          return FALSE;
        }
      return TRUE;
    }
  if (quantity < 0)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   _("Quantity: only an adjustment is negative; record a loss as an adjustment"));
      return FALSE;
    }
  if (g_str_equal (movement, "consumed"))
    {
      source_field = "lot_link";
      sql = "SELECT input_lot FROM lot_links WHERE id = ? AND _deleted = 0";
    }
  else if (g_str_equal (movement, "shipped"))
    {
      source_field = "shipment";
      sql = "SELECT lot FROM shipments WHERE id = ? AND _deleted = 0";
    }
  if (source_field == NULL)
    return TRUE;
  if (ff_record_get (record, source_field) == NULL)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, g_str_equal (source_field, "lot_link")
                   ? _("A use in production names the genealogy link it went into; record the "
                       "link and its movement follows")
                   : _("A shipped movement names its shipment; record the shipment and its "
                       "movement follows"));
      return FALSE;
    }
  if (!query_text (store, sql, ff_record_get (record, source_field), &source_lot, error))
    return FALSE;
  if (g_strcmp0 (source_lot, lot) != 0)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, g_str_equal (source_field, "lot_link")
                   ? _("Lot: the genealogy link used another lot as its input")
                   : _("Lot: the shipment shipped another lot"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_ff_shipment_check_write (FfRecordRepository  *repo,
                          const FfActor       *actor,
                          FfRecord            *current,
                          FfRecord            *record,
                          GError             **error)
{
  FfStore *store = ff_record_repository_get_store (repo);
  const char *lot = ff_record_get (record, "lot");
  g_autofree char *origin = NULL;

  if (current != NULL && g_strcmp0 (ff_record_get (current, "lot"), lot) == 0)
    return TRUE;
  /* FSMA 204: a traceability lot code is assigned at initial packing, first receiving or a
   * transformation, never at shipping. A lot with none of those behind it would get its code
   * here. */
  if (!query_text (store,
                   "SELECT 'receipt' FROM receipts WHERE lot = ?1 AND _deleted = 0 "
                   "UNION ALL SELECT 'transformation' FROM lot_links "
                   "WHERE output_lot = ?1 AND _deleted = 0 "
                   "UNION ALL SELECT 'packing' FROM lots WHERE id = ?1 AND batch IS NOT NULL "
                   "LIMIT 1", lot, &origin, error))
    return FALSE;
  if (origin == NULL)
    {
      g_autofree char *code = NULL;

      if (!query_text (store, "SELECT code FROM lots WHERE id = ?", lot, &code, error))
        return FALSE;
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                   /* Translators: %s is a lot code */
                   _("Lot %s has no receipt, no transformation and no packing batch: FSMA 204 "
                     "assigns a traceability lot code only there, never at shipping. Record "
                     "where the lot came from first."), code ? code : lot);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the movement that follows the record @source_id of a link or shipment (@source_field)
 * as @values say, or deletes it when @values is NULL (the source was deleted). */
static gboolean
follow_source (FfRecordRepository  *source_repo,
               const FfActor       *actor,
               const char          *source_field,
               const char          *source_id,
               const char *const   *values,
               GError             **error)
{
  FfStore *store = ff_record_repository_get_store (source_repo);
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store, &ff_kind_lot_movements);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM lot_movements WHERE %s = ? "
                                          "AND _deleted = 0", source_field);
  g_autofree char *id = NULL;
  g_autoptr (FfRecord) movement = NULL;
  gboolean changed = FALSE;

  if (!query_text (store, sql, source_id, &id, error))
    return FALSE;
  if (values == NULL)
    return id == NULL || ff_record_repository_delete (repo, actor, id, NULL, error);
  if (id != NULL)
    {
      movement = ff_record_repository_get (repo, id, error);
      if (movement == NULL)
        return FALSE;
    }
  else
    movement = ff_record_new (&ff_kind_lot_movements);
  for (guint i = 0; values[i] != NULL; i += 2)
    if (g_strcmp0 (ff_record_get (movement, values[i]), values[i + 1]) != 0)
      {
        ff_record_set (movement, values[i], values[i + 1]);
        changed = TRUE;
      }
  ff_record_set (movement, source_field, source_id);
  if (id == NULL)
    return ff_record_repository_insert (repo, actor, movement, NULL, error);
  return !changed || ff_record_repository_update (repo, actor, movement, NULL, error);
}

gboolean
_ff_lot_link_after_write (FfRecordRepository  *repo,
                          const FfActor       *actor,
                          FfRecord            *current,
                          FfRecord            *record,
                          GError             **error)
{
  g_autofree char *code = NULL;
  const char *id = ff_record_get_id (record ? record : current);

  if (record == NULL)
    return follow_source (repo, actor, "lot_link", id, NULL, error);
  code = g_strconcat ("USE-", ff_record_get_code (record), NULL);
  {
    const char *values[] = {
      "code", code, "lot", ff_record_get (record, "input_lot"), "movement", "consumed",
      "quantity", ff_record_get (record, "quantity"), "unit", ff_record_get (record, "unit"),
      "moved_at", ff_record_get (record, "transformed_at"), NULL
    };
    return follow_source (repo, actor, "lot_link", id, values, error);
  }
}

gboolean
_ff_shipment_after_write (FfRecordRepository  *repo,
                          const FfActor       *actor,
                          FfRecord            *current,
                          FfRecord            *record,
                          GError             **error)
{
  g_autofree char *code = NULL;
  g_autofree char *moved_at = NULL;
  const char *id = ff_record_get_id (record ? record : current);

  if (record == NULL)
    return follow_source (repo, actor, "shipment", id, NULL, error);
  code = g_strconcat ("SHIP-", ff_record_get_code (record), NULL);
  /* A shipment has a date; its movement counts from midday UTC of it (as migration 0008). */
  moved_at = g_strconcat (ff_record_get (record, "ship_date"), "T12:00:00Z", NULL);
  {
    const char *values[] = {
      "code", code, "lot", ff_record_get (record, "lot"), "movement", "shipped",
      "quantity", ff_record_get (record, "quantity"), "unit", ff_record_get (record, "unit"),
      "moved_at", moved_at, NULL
    };
    return follow_source (repo, actor, "shipment", id, values, error);
  }
}
