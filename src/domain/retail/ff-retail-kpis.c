/* ff-retail-kpis.c — the Retail overview: stores, POS, OSA alerts, promotions, waste. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_retail_kpis_compute (FfKpiContext *ctx)
{
  double r[2];

  if (ff_kpi_query (ctx, "SELECT sum(status = 'open'), count(*) FROM stores WHERE _deleted = 0", r,
                    2, NULL))
    ff_kpi_add (ctx, "retail.open-stores", _("Stores open"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]), g_strdup_printf (_("of %'.0f stores"), ff_kpi_nz (r[1])),
                FF_KPI_NEUTRAL, "stores", "status", "open");

  if (ff_kpi_query (ctx, "SELECT sum(units) FROM pos_sales WHERE sale_date >= ?", r, 1,
                    ctx->week_ago, NULL))
    ff_kpi_add (
        ctx, "retail.pos-7d", _("POS units, last 7 days"), ff_kpi_nz (r[0]),
        ff_kpi_count_text (r[0]),
        ff_kpi_money (ctx, "pos_sales", "net_sales_minor", "sale_date >= ?1", ctx->week_ago),
        FF_KPI_NEUTRAL, "pos_sales", NULL, NULL);

  if (ff_kpi_query (ctx, "SELECT count(*) FROM osa_alerts WHERE _deleted = 0 AND status = 'open'",
                    r, 1, NULL))
    ff_kpi_add (
        ctx, "retail.open-osa", _("Open OSA alerts"), ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
        ff_kpi_money (ctx, "osa_alerts", "est_lost_sales_minor", "_deleted = 0 AND status = 'open'",
                      NULL),
        ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "osa_alerts", "status", "open");

  if (ff_kpi_query (ctx,
                    "SELECT count(*) FROM promotions WHERE _deleted = 0 AND starts_on <= ?1 "
                    "AND ends_on >= ?1",
                    r, 1, ctx->today, NULL))
    ff_kpi_add (ctx, "retail.active-promotions", _("Promotions running"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]), NULL, FF_KPI_NEUTRAL, "promotions", NULL, NULL);

  if (ff_kpi_query (ctx, "SELECT count(*) FROM waste WHERE _deleted = 0 AND recorded_on >= ?", r, 1,
                    ctx->month_ago, NULL))
    ff_kpi_add (ctx, "retail.waste-30d", _("Waste records, last 30 days"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]),
                ff_kpi_money (ctx, "waste", "cost_minor", "_deleted = 0 AND recorded_on >= ?1",
                              ctx->month_ago),
                FF_KPI_NEUTRAL, "waste", NULL, NULL);
}
