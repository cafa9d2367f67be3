/* ff-workspace-kpis.c — the key figures of each workspace's overview: each context computes
 * its own (src/domain/<context>/ff-*-kpis.c) over one shared set of dates. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include "ff-kpi-context.h"
#include "ff-workspace-kpis.h"

GPtrArray *
ff_workspace_kpis_compute (FfStore      *store,
                           FfWorkspace   workspace,
                           const char   *today,
                           GError      **error)
{
  g_autoptr (GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kpi_free);
  FfKpiContext ctx;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);

  if (!ff_kpi_context_init (&ctx, store, kpis, today, error))
    return NULL;
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
  return g_steal_pointer (&kpis);
}
