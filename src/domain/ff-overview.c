/* ff-overview.c — a workspace's overview: each context computes its own figures and trends
 * (src/domain/<context>/ff-*-kpis.c) over one shared set of dates. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include "ff-kpi-context.h"
#include "ff-overview.h"

#include <math.h>

void
ff_overview_free (FfOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->kpis, g_ptr_array_unref);
  g_clear_pointer (&overview->trends, g_ptr_array_unref);
  g_free (overview);
}

FfOverview *
ff_overview_compute (FfStore      *store,
                     FfWorkspace   workspace,
                     GDateTime    *now,
                     GError      **error)
{
  g_autoptr (FfOverview) overview = g_new0 (FfOverview, 1);
  FfKpiContext ctx;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);

  overview->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kpi_free);
  overview->trends = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_series_free);
  ff_kpi_context_init (&ctx, store, overview->kpis, overview->trends, now, error);
  switch (workspace)
    {
    case FF_WORKSPACE_PLANT_OPS:
      ff_plant_ops_kpis_compute (&ctx);
      break;
    case FF_WORKSPACE_FSQ:
      ff_fsq_kpis_compute (&ctx);
      ff_audit_kpis_compute (&ctx);
      break;
    case FF_WORKSPACE_PLANNING:
      ff_planning_kpis_compute (&ctx);
      break;
    case FF_WORKSPACE_BRAND:
      ff_brand_kpis_compute (&ctx);
      break;
    case FF_WORKSPACE_RETAIL:
      ff_retail_kpis_compute (&ctx);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (ctx.failed)
    return NULL;
  return g_steal_pointer (&overview);
}

static void
add_text (JsonBuilder *b,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

JsonNode *
ff_overview_to_json (const FfOverview *overview)
{
  static const char *const states[] = { "neutral", "good", "warning", "critical" };
  g_autoptr (JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (overview != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kpis");
  json_builder_begin_array (b);
  for (guint i = 0; i < overview->kpis->len; i++)
    {
      const FfKpi *kpi = g_ptr_array_index (overview->kpis, i);

      json_builder_begin_object (b);
      add_text (b, "id", kpi->id);
      add_text (b, "label", kpi->label);
      add_text (b, "value", kpi->value);
      json_builder_set_member_name (b, "number");
      if (isnan (kpi->number))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, kpi->number);
      add_text (b, "detail", kpi->detail);
      add_text (b, "method", kpi->method);
      add_text (b, "state", states[kpi->state]);
      add_text (b, "kind", kpi->kind);
      json_builder_set_member_name (b, "query");
      if (kpi->query != NULL)
        {
          g_autoptr (GVariant) query = g_variant_ref_sink (ff_record_query_to_variant (kpi->query));
          json_builder_add_value (b, json_gvariant_serialize (query));
        }
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "trends");
  json_builder_begin_array (b);
  for (guint i = 0; i < overview->trends->len; i++)
    {
      const FfSeries *series = g_ptr_array_index (overview->trends, i);

      json_builder_begin_object (b);
      add_text (b, "title", series->title);
      add_text (b, "unit", series->unit);
      json_builder_set_member_name (b, "points");
      json_builder_begin_array (b);
      for (guint p = 0; p < series->values->len; p++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "label");
          json_builder_add_string_value (b, g_ptr_array_index (series->labels, p));
          json_builder_set_member_name (b, "value");
          json_builder_add_double_value (b, g_array_index (series->values, double, p));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
