/* ff-brand-kpis.c — the Brand overview: SKUs, contracts, co-packers and their OTIF. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_brand_kpis_compute (FfKpiContext *ctx)
{
  double r[3];

  if (ff_kpi_query (ctx,
                    "SELECT sum(status = 'active'), sum(status = 'development') FROM skus "
                    "WHERE _deleted = 0",
                    r, 2, NULL))
    ff_kpi_add (ctx, "brand.active-skus", _("Active SKUs"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]),
                g_strdup_printf (_("%'.0f in development"), ff_kpi_nz (r[1])), FF_KPI_NEUTRAL,
                "skus", "status", "active");

  if (ff_kpi_query (ctx,
                    "SELECT count(*) FROM contracts WHERE _deleted = 0 AND status = 'active' "
                    "AND ends_on >= ?1 AND ends_on <= ?2",
                    r, 1, ctx->today, ctx->in_90_days, NULL))
    ff_kpi_add (ctx, "brand.contracts-expiring", _("Contracts expiring in 90 days"),
                ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]), NULL,
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "contracts", "status",
                "active");

  if (ff_kpi_query (ctx,
                    "SELECT sum(status <> 'approved'), count(*) FROM co_packers "
                    "WHERE _deleted = 0",
                    r, 2, NULL))
    ff_kpi_add (ctx, "brand.copackers-attention", _("Co-packers on probation or suspended"),
                ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
                g_strdup_printf (_("of %'.0f co-packers"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "co_packers", NULL, NULL);

  if (ff_kpi_query (ctx,
                    "SELECT sum(orders_otif), sum(orders) FROM copacker_performance "
                    "WHERE _deleted = 0 AND period_start >= ?",
                    r, 2, ctx->month_ago, NULL))
    {
      double otif = ff_kpi_nz (r[1]) > 0 ? ff_kpi_nz (r[0]) / r[1] : NAN;
      ff_kpi_add (ctx, "brand.otif", _("Co-packer OTIF, last month"), otif,
                  ff_kpi_percent_text (otif),
                  g_strdup_printf (_("%'.0f of %'.0f orders on time in full"), ff_kpi_nz (r[0]),
                                   ff_kpi_nz (r[1])),
                  !isnan (otif) && otif < 0.95 ? FF_KPI_WARNING : FF_KPI_NEUTRAL,
                  "copacker_performance", NULL, NULL);
    }
}
