/* ff-planning-kpis.c — the Planning overview: forecast versions, plan coverage, reorder
 * points, safety stocks. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_planning_kpis_compute (FfKpiContext *ctx)
{
  double r[3], demand[1];

  if (ff_kpi_query (ctx,
                    "SELECT count(*), sum(status = 'approved') FROM forecast_versions "
                    "WHERE _deleted = 0",
                    r, 2, NULL))
    ff_kpi_add (ctx, "planning.forecast-versions", _("Forecast versions"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]), g_strdup_printf (_("%'.0f approved"), ff_kpi_nz (r[1])),
                FF_KPI_NEUTRAL, "forecast_versions", NULL, NULL);

  /* Coverage: production planned against the demand forecast of the approved versions, next
   * 4 weeks, both in cases (plans are often in kg or units: converted by the SKU's pack). */
  if (ff_kpi_query (ctx,
                    "SELECT sum(" FF_KPI_CASES_OF ("p") ") FROM production_plans p "
                    "JOIN skus s ON s.id = p.sku WHERE p._deleted = 0 "
                    "AND p.status <> 'cancelled' AND p.planned_start >= ?1 "
                    "AND p.planned_start < ?2",
                    r, 1, ctx->today, ctx->in_28_days, NULL)
      && ff_kpi_query (ctx,
                       "SELECT sum(" FF_KPI_CASES_OF ("f") ") FROM forecasts f "
                       "JOIN forecast_versions v ON v.id = f.version JOIN skus s "
                       "ON s.id = f.sku WHERE f._deleted = 0 AND v.status = 'approved' "
                       "AND f.period_start >= ?1 AND f.period_start < ?2",
                       demand, 1, ctx->today, ctx->in_28_days, NULL))
    {
      double coverage = ff_kpi_nz (demand[0]) > 0 ? ff_kpi_nz (r[0]) / demand[0] : NAN;
      ff_kpi_add (ctx, "planning.plan-coverage", _("Plan coverage, next 4 weeks"), coverage,
                  ff_kpi_percent_text (coverage),
                  g_strdup_printf (_("%'.0f cases planned of %'.0f forecast"), ff_kpi_nz (r[0]),
                                   ff_kpi_nz (demand[0])),
                  !isnan (coverage) && coverage < 0.9 ? FF_KPI_WARNING : FF_KPI_NEUTRAL,
                  "production_plans", NULL, NULL);
    }

  /* The latest inventory position (on hand + on order - allocated) per SKU and location
   * against its reorder point: what a planner reorders on. */
  if (ff_kpi_query (ctx,
                    "SELECT count(*) FROM inventory_levels i JOIN safety_stocks s "
                    "ON s.sku = i.sku AND s.location = i.location AND s._deleted = 0 "
                    "WHERE i._deleted = 0 AND i.on_hand + coalesce (i.on_order, 0) "
                    "- coalesce (i.allocated, 0) < s.reorder_point AND i.as_of = "
                    "(SELECT max(as_of) FROM inventory_levels j WHERE j.sku = i.sku "
                    "AND j.location = i.location AND j._deleted = 0)",
                    r, 1, NULL))
    ff_kpi_add (ctx, "planning.below-reorder", _("Below reorder point"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]), g_strdup (_("SKU and location pairs to reorder")),
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "inventory_levels", NULL,
                NULL);

  if (ff_kpi_query (ctx,
                    "SELECT count(*), avg(service_level_pct) FROM safety_stocks "
                    "WHERE _deleted = 0",
                    r, 2, NULL))
    ff_kpi_add (ctx, "planning.safety-stocks", _("Safety stocks"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]),
                isnan (r[1]) ? NULL : g_strdup_printf (_("average service level %.1f %%"), r[1]),
                FF_KPI_NEUTRAL, "safety_stocks", NULL, NULL);
}
