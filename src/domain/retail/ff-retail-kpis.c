/* ff-retail-kpis.c — the Retail overview: stores, POS, OSA alerts, promotions, waste, and POS
 * units per day. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kpi-context.h"

static const FfKpiCount counts[] = {
  { "retail.open-stores", N_("Stores open"), "stores", "number", .ascending = TRUE,
    .facet_field = "status", .facet_value = "open",
    .method = N_("Stores whose status is Open"),
    .detail_sql = "SELECT count(*) FROM stores WHERE _deleted = 0",
    /* Translators: after the stores open: "of 405 stores". */
    .detail_one = NP_("of %s store", "of %s stores") },
  { "retail.open-osa", N_("Open OSA alerts"), "osa_alerts", "detected_on",
    .facet_field = "status", .facet_value = "open",
    .method = N_("On-shelf availability alerts whose status is Open, and the sales they are "
                 "estimated to lose"),
    .money_table = "osa_alerts", .money_column = "est_lost_sales_minor",
    .money_where = "_deleted = 0 AND status = 'open'",
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
  { "retail.active-promotions", N_("Promotions running"), "promotions", "starts_on",
    .condition = "running", .condition_arg = FF_KPI_TODAY,
    .method = N_("Promotions that started on or before today and end today or later") },
  { "retail.waste-30d", N_("Waste records, last 30 days"), "waste", "recorded_on",
    .range_field = "recorded_on", .range_from = FF_KPI_MONTH_AGO,
    .method = N_("Waste recorded in the last 30 days, and its cost"),
    .money_table = "waste", .money_column = "cost_minor",
    .money_where = "_deleted = 0 AND recorded_on >= ?1", .money_arg = FF_KPI_MONTH_AGO },
};

static void
pos (FfKpiContext *ctx)
{
  double r[1];
  FfKpi *kpi;

  if (!ff_kpi_query (ctx, "SELECT sum(units) FROM pos_sales WHERE sale_date >= ?", r, 1,
                     ctx->week_ago, NULL))
    return;
  kpi = ff_kpi_add (ctx, "retail.pos-7d", _("POS units, last 7 days"), ff_kpi_nz (r[0]),
                    ff_kpi_count_text (r[0]),
                    ff_kpi_money (ctx, "pos_sales", "net_sales_minor", "sale_date >= ?1",
                                  ctx->week_ago),
                    FF_KPI_NEUTRAL, "pos_sales",
                    ff_kpi_list_range ("sale_date", "sale_date", ctx->week_ago, NULL));
  kpi->method = g_strdup (_("Units sold in the last 7 days, today included, and their net sales "
                            "in the currency most stores report"));
}

void
ff_retail_kpis_compute (FfKpiContext *ctx)
{
  char first[11];

  ff_kpi_add_counts (ctx, counts, 1);
  pos (ctx);
  ff_kpi_add_counts (ctx, counts + 1, G_N_ELEMENTS (counts) - 1);

  ff_kpi_day_add (ctx->today, -27, first);
  ff_kpi_add_trend (ctx, _("POS units per day, last 4 weeks"), _("units"), first, 28, 1,
                    "SELECT sale_date, sum(units) FROM pos_sales WHERE sale_date >= ?1 "
                    "GROUP BY 1", first, NULL);
}
