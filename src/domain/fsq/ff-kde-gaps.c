/* ff-kde-gaps.c — the key data elements FSMA 204 requires of each critical tracking event, and
 * the traceability records of foods on the Food Traceability List that lack one. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include "ff-kde-gaps.h"
#include "ff-kinds-private.h"

/* DOMAIN.md, "Traceability": what each event must record. The initial packing of a food
 * FoodFlow knows nothing of the harvest of keeps the packed food's elements. */
static const FfFsmaColumn receiving_kdes[] = {
  FF_FSMA_COL_TLC, FF_FSMA_COL_QUANTITY, FF_FSMA_COL_UNIT, FF_FSMA_COL_PRODUCT,
  FF_FSMA_COL_PREVIOUS_SOURCE, FF_FSMA_COL_RECEIVING_LOCATION, FF_FSMA_COL_DATE,
  FF_FSMA_COL_TLC_SOURCE, FF_FSMA_COL_REFERENCE_TYPE, FF_FSMA_COL_REFERENCE_NUMBER,
};

static const FfFsmaColumn transformation_kdes[] = {
  FF_FSMA_COL_INPUT_TLC, FF_FSMA_COL_INPUT_PRODUCT, FF_FSMA_COL_INPUT_QUANTITY,
  FF_FSMA_COL_INPUT_UNIT, FF_FSMA_COL_TLC, FF_FSMA_COL_TRANSFORMATION_LOCATION,
  FF_FSMA_COL_DATE, FF_FSMA_COL_PRODUCT, FF_FSMA_COL_QUANTITY, FF_FSMA_COL_UNIT,
  FF_FSMA_COL_REFERENCE_TYPE, FF_FSMA_COL_REFERENCE_NUMBER,
};

static const FfFsmaColumn shipping_kdes[] = {
  FF_FSMA_COL_TLC, FF_FSMA_COL_QUANTITY, FF_FSMA_COL_UNIT, FF_FSMA_COL_PRODUCT,
  FF_FSMA_COL_RECIPIENT, FF_FSMA_COL_SHIP_FROM, FF_FSMA_COL_DATE, FF_FSMA_COL_TLC_SOURCE,
  FF_FSMA_COL_REFERENCE_TYPE, FF_FSMA_COL_REFERENCE_NUMBER,
};

static const FfFsmaColumn packing_kdes[] = {
  FF_FSMA_COL_TLC, FF_FSMA_COL_PRODUCT, FF_FSMA_COL_QUANTITY, FF_FSMA_COL_UNIT,
  FF_FSMA_COL_TLC_SOURCE, FF_FSMA_COL_DATE, FF_FSMA_COL_REFERENCE_TYPE,
  FF_FSMA_COL_REFERENCE_NUMBER,
};

static const struct {
  const FfFsmaColumn *columns;
  guint               n;
} required[FF_FSMA_N_CTES] = {
  [FF_FSMA_RECEIVING] = { receiving_kdes, G_N_ELEMENTS (receiving_kdes) },
  [FF_FSMA_TRANSFORMATION] = { transformation_kdes, G_N_ELEMENTS (transformation_kdes) },
  [FF_FSMA_SHIPPING] = { shipping_kdes, G_N_ELEMENTS (shipping_kdes) },
  [FF_FSMA_INITIAL_PACKING] = { packing_kdes, G_N_ELEMENTS (packing_kdes) },
};

void
ff_kde_gap_free (FfKdeGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->record_id);
  g_free (gap->record_code);
  g_free (gap->event_id);
  g_free (gap->lot_code);
  g_free (gap->fix_id);
  g_free (gap->fix_code);
  g_free (gap);
}

guint
ff_kde_required (FfFsmaCte            cte,
                 const FfFsmaColumn **out_columns)
{
  g_return_val_if_fail (cte < FF_FSMA_N_CTES, 0);
  if (out_columns != NULL)
    *out_columns = required[cte].columns;
  return required[cte].n;
}

gboolean
ff_kde_gaps_covers (const FfKind *kind)
{
  return kind == &ff_kind_lots || kind == &ff_kind_lot_links || kind == &ff_kind_shipments
         || kind == &ff_kind_receipts;
}

static gboolean
is_input (FfFsmaColumn kde)
{
  return kde >= FF_FSMA_COL_INPUT_TLC && kde <= FF_FSMA_COL_INPUT_UNIT;
}

void
ff_kde_gaps_check_row (const FfFsmaRow *row,
                       GHashTable      *seen,
                       GPtrArray       *gaps)
{
  g_return_if_fail (row != NULL && row->cte < FF_FSMA_N_CTES && gaps != NULL);

  for (guint i = 0; i < required[row->cte].n; i++)
    {
      FfFsmaColumn kde = required[row->cte].columns[i];
      gboolean input = is_input (kde);
      /* What a lot says of itself is entered on the lot; the rest on the event's record. */
      gboolean on_lot = kde == FF_FSMA_COL_PRODUCT || kde == FF_FSMA_COL_TLC_SOURCE
                        || kde == FF_FSMA_COL_INPUT_PRODUCT
                        || (row->cte == FF_FSMA_TRANSFORMATION
                            && (kde == FF_FSMA_COL_QUANTITY || kde == FF_FSMA_COL_UNIT));
      const char *lot_id = input ? row->input_lot_id : row->lot_id;
      const char *lot_code = row->values[input ? FF_FSMA_COL_INPUT_TLC : FF_FSMA_COL_TLC];
      FfKdeGap *gap;

      if (!(input ? row->input_ftl : row->ftl) || row->values[kde] != NULL)
        continue;
      if (on_lot && lot_id == NULL)
        on_lot = FALSE;
      if (seen != NULL)
        {
          char *key = g_strdup_printf ("%d\x1f%d\x1f%s\x1f%s", row->cte, kde,
                                       row->values[FF_FSMA_COL_EVENT_ID],
                                       on_lot ? lot_id : row->record_id);
          if (!g_hash_table_add (seen, key))
            continue;
        }
      gap = g_new0 (FfKdeGap, 1);
      gap->cte = row->cte;
      gap->kde = kde;
      gap->kind = row->kind;
      gap->record_id = g_strdup (row->record_id);
      gap->record_code = g_strdup (row->record_code);
      gap->event_id = g_strdup (row->values[FF_FSMA_COL_EVENT_ID]);
      gap->lot_code = g_strdup (lot_code);
      gap->fix_kind = on_lot ? &ff_kind_lots : row->kind;
      gap->fix_id = g_strdup (on_lot ? lot_id : row->record_id);
      gap->fix_code = g_strdup (on_lot ? lot_code : row->record_code);
      g_ptr_array_add (gaps, gap);
    }
}

typedef struct
{
  GHashTable   *seen;
  GPtrArray    *gaps;
  const char   *only_record;  /* keep the gaps of this record, or */
  const char   *only_fix;     /* ... those entered on this one */
} Gather;

static void
gather_cb (const FfFsmaRow *row,
           gpointer         user_data)
{
  Gather *g = user_data;
  guint first = g->gaps->len;

  ff_kde_gaps_check_row (row, g->seen, g->gaps);
  for (guint i = g->gaps->len; i-- > first;)
    {
      FfKdeGap *gap = g->gaps->pdata[i];
      if ((g->only_record != NULL && g_strcmp0 (gap->record_id, g->only_record) != 0)
          || (g->only_fix != NULL && g_strcmp0 (gap->fix_id, g->only_fix) != 0))
        g_ptr_array_remove_index (g->gaps, i);
    }
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const FfKdeGap *x = *(FfKdeGap **) a, *y = *(FfKdeGap **) b;
  int d = (int) x->cte - (int) y->cte;

  if (d == 0)
    d = g_strcmp0 (x->event_id, y->event_id);
  if (d == 0)
    d = g_strcmp0 (x->record_code, y->record_code);
  if (d == 0)
    d = (int) x->kde - (int) y->kde;
  return d;
}

static GPtrArray *
gather (FfStore       *store,
        const FfKind  *kind,
        const char    *record_id,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kde_gap_free);
  Gather g = { seen, gaps, NULL, NULL };

  if (kind == &ff_kind_lots)
    g.only_fix = record_id;
  else if (kind != NULL)
    g.only_record = record_id;
  if (!_ff_fsma204_foreach_row (store, kind, record_id, gather_cb, &g, cancellable, error))
    return NULL;
  g_ptr_array_sort (gaps, compare_gaps);
  return g_steal_pointer (&gaps);
}

GPtrArray *
ff_kde_gaps_list (FfStore       *store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  return gather (store, NULL, NULL, cancellable, error);
}

GPtrArray *
ff_kde_gaps_for_record (FfStore       *store,
                        const FfKind  *kind,
                        const char    *record_id,
                        GError       **error)
{
  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && record_id != NULL, NULL);

  if (!ff_kde_gaps_covers (kind))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kde_gap_free);
  return gather (store, kind, record_id, NULL, error);
}
