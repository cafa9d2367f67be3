/* ff-planning-kpis.c — the Planning overview: forecast versions, plan coverage, reorder points,
 * safety stocks, and the approved forecast per week. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

static const FfKpiCount counts[] = {
  { "planning.forecast-versions", N_("Forecast versions"), "forecast_versions", "created_on",
    .method = N_("All forecast versions; approved ones drive the plan"),
    .detail_sql = "SELECT count(*) FROM forecast_versions WHERE _deleted = 0 "
                  "AND status = 'approved'",
    /* Translators: of the forecast versions, how many are approved. */
    .detail_one = N_("%s approved") },
};

static const FfKpiCount stock_counts[] = {
  { "planning.below-reorder", N_("Below reorder point"), "inventory_levels", "as_of",
    .condition = "below-reorder",
    .method = N_("The latest inventory count of each SKU at each location whose position (on "
                 "hand + on order − allocated) is below its reorder point"),
    .detail_one = N_("SKU and location pairs to reorder"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
  { "planning.safety-stocks", N_("Safety stocks"), "safety_stocks", "code", .ascending = TRUE,
    .method = N_("Safety stocks set, and their average target service level"),
    .detail_sql = "SELECT avg(service_level_pct) FROM safety_stocks WHERE _deleted = 0",
    /* Translators: the average target service level, formatted: "average service level
     * 95.0 %". */
    .detail_one = N_("average service level %s %%"), .detail_decimals = 1 },
};

/* Production planned against the demand forecast of the approved versions for the next four
 * weekly periods (from next Monday: this week's was planned last week), both in cases (plans
 * are often in kg or units: converted by the SKU's pack). */
static void
plan_coverage (FfKpiContext *ctx)
{
  double planned[1], demand[1];
  FfKpi *kpi;

  if (!ff_kpi_query (ctx,
                     "SELECT sum(" FF_KPI_CASES_OF ("p") ") FROM production_plans p "
                     "JOIN skus s ON s.id = p.sku WHERE p._deleted = 0 "
                     "AND p.status <> 'cancelled' AND p.planned_start >= ?1 "
                     "AND p.planned_start < ?2",
                     planned, 1, ctx->next_monday_start, ctx->next_monday_28_start, NULL)
      || !ff_kpi_query (ctx,
                        "SELECT sum(" FF_KPI_CASES_OF ("f") ") FROM forecasts f "
                        "JOIN forecast_versions v ON v.id = f.version JOIN skus s "
                        "ON s.id = f.sku WHERE f._deleted = 0 AND v.status = 'approved' "
                        "AND f.period_start >= ?1 AND f.period_start < ?2",
                        demand, 1, ctx->next_monday, ctx->next_monday_28, NULL))
    return;
  {
    g_autofree char *cases = ff_kpi_count_text (planned[0]);
    g_autofree char *forecast = ff_kpi_count_text (demand[0]);
    FfRecordQuery *query = ff_kpi_list_range ("planned_start", "planned_start",
                                              ctx->next_monday_start, ctx->next_monday_28_start);

    query->descending = FALSE;
    kpi = ff_kpi_add_share (ctx, "planning.plan-coverage",
                            _("Plan coverage, 4 weeks from next Monday"), planned[0], demand[0],
                            /* Translators: cases in the production plan against cases
                             * forecast. */
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s case planned of %s forecast",
                                                          "%s cases planned of %s forecast",
                                                          (gulong) ff_kpi_nz (planned[0])),
                                             cases, forecast),
                            0.9, 1.2, "production_plans", query);
  }
  kpi->method = g_strdup (_("Cases of the production plans (not cancelled) of the four weeks "
                            "from next Monday over the cases the approved forecast versions "
                            "expect in those weeks"));
}

void
ff_planning_kpis_compute (FfKpiContext *ctx)
{
  ff_kpi_add_counts (ctx, counts, G_N_ELEMENTS (counts));
  plan_coverage (ctx);
  ff_kpi_add_counts (ctx, stock_counts, G_N_ELEMENTS (stock_counts));

  /* Twelve weeks from next Monday's (this week's was planned last week). */
  ff_kpi_add_trend (ctx, _("Approved forecast per week, next 12 weeks"), _("cases"),
                    ctx->next_monday,
                    12, 7,
                    "SELECT f.period_start, sum(" FF_KPI_CASES_OF ("f") ") FROM forecasts f "
                    "JOIN forecast_versions v ON v.id = f.version JOIN skus s ON s.id = f.sku "
                    "WHERE f._deleted = 0 AND v.status = 'approved' AND f.period_start >= ?1 "
                    "GROUP BY 1",
                    ctx->next_monday, NULL);
}
