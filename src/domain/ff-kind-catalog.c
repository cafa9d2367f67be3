/* ff-kind-catalog.c — every record kind of the product, in import order, and lookups over
 * them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-kind-catalog.h"
#include "ff-kinds-private.h"

/* Importing in this order into an empty tenant works: every kind comes after the kinds it
 * refers to (a kind may refer to itself: categories.parent, audit_template_items.follow_up_of).
 * Workspaces list their kinds in this order too. */
static const FfKind *const all_kinds[] = {
  /* masters */
  &ff_kind_plants,
  &ff_kind_lines,
  &ff_kind_shifts,
  &ff_kind_suppliers,
  &ff_kind_documents,
  &ff_kind_brands,
  &ff_kind_products,
  &ff_kind_skus,
  /* PlantOps */
  &ff_kind_sensors,
  &ff_kind_sensor_readings,
  &ff_kind_batches,
  &ff_kind_trials,
  &ff_kind_downtime_events,
  &ff_kind_money_leaks,
  /* FSQ */
  &ff_kind_supplier_certificates,
  &ff_kind_ingredients,
  &ff_kind_allergens,
  &ff_kind_ingredient_allergens,
  &ff_kind_lots,
  &ff_kind_lot_links,
  /* A shipment needs the receipt of a bought lot (ff-lot-movements.c). */
  &ff_kind_receipts,
  &ff_kind_shipments,
  &ff_kind_lot_movements,
  &ff_kind_recall_exercises,
  &ff_kind_haccp_plans,
  &ff_kind_ccps,
  &ff_kind_ccp_readings,
  &ff_kind_deviations,
  &ff_kind_audit_templates,
  &ff_kind_audit_template_sections,
  &ff_kind_audit_template_items,
  &ff_kind_audits,
  &ff_kind_audit_responses,
  &ff_kind_audit_photos,
  &ff_kind_signatures,
  &ff_kind_capas,
  /* Planning */
  &ff_kind_forecast_versions,
  &ff_kind_forecasts,
  &ff_kind_production_plans,
  &ff_kind_safety_stocks,
  &ff_kind_inventory_levels,
  /* Brand */
  &ff_kind_co_packers,
  &ff_kind_contracts,
  &ff_kind_copacker_performance,
  /* Retail */
  &ff_kind_banners,
  &ff_kind_stores,
  &ff_kind_categories,
  &ff_kind_pos_sales,
  &ff_kind_waste,
  &ff_kind_osa_alerts,
  &ff_kind_promotions,
};

const FfKind *const *
ff_kinds_get_all (guint *n_kinds)
{
  if (n_kinds)
    *n_kinds = G_N_ELEMENTS (all_kinds);
  return all_kinds;
}

const FfKind *
ff_kind_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    if (g_str_equal (all_kinds[i]->name, name))
      return all_kinds[i];
  return NULL;
}

guint
ff_kind_get_referrers (const FfKind    *kind,
                       const FfKind   **out_kinds,
                       const FfField  **out_fields,
                       guint            max)
{
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (const FfField *f = all_kinds[k]->fields; f->name != NULL; f++)
      if (f->type == FF_FIELD_REF && f->ref_kind == kind && n < max)
        {
          out_kinds[n] = all_kinds[k];
          out_fields[n] = f;
          n++;
        }
  return n;
}
