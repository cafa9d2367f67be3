/* ff-brand-kpis.c — the Brand overview: SKUs, contracts, co-packers and their OTIF, and OTIF
 * per four weeks. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

static const FfKpiCount counts[] = {
  { "brand.active-skus", N_("Active SKUs"), "skus", "code", .ascending = TRUE,
    .facet_field = "status", .facet_value = "active",
    .method = N_("SKUs whose status is Active"),
    .detail_sql = "SELECT count(*) FROM skus WHERE _deleted = 0 AND status = 'development'",
    /* Translators: besides the active SKUs, how many are in development. */
    .detail_one = N_("%s in development") },
  { "brand.contracts-expiring", N_("Contracts expiring in 90 days"), "contracts", "ends_on",
    .ascending = TRUE, .facet_field = "status", .facet_value = "active",
    .range_field = "ends_on", .range_from = FF_KPI_TODAY, .range_to = FF_KPI_IN_90_DAYS,
    .method = N_("Active co-packer contracts that end from today to 90 days from today"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
  { "brand.copackers-attention", N_("Co-packers on probation or suspended"), "co_packers",
    "code", .ascending = TRUE, .condition = "attention",
    .method = N_("Co-packers whose status is not Approved"),
    .detail_sql = "SELECT count(*) FROM co_packers WHERE _deleted = 0",
    /* Translators: after the co-packers needing attention: "of 3 co-packers". */
    .detail_one = NP_("of %s co-packer", "of %s co-packers"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
};

static void
otif (FfKpiContext *ctx)
{
  double r[2];
  FfKpi *kpi;

  if (!ff_kpi_query (ctx, "SELECT sum(orders_otif), sum(orders) FROM copacker_performance "
                          "WHERE _deleted = 0 AND period_start >= ?", r, 2, ctx->month_ago, NULL))
    return;
  {
    g_autofree char *on_time = ff_kpi_count_text (r[0]);
    g_autofree char *orders = ff_kpi_count_text (r[1]);
    kpi = ff_kpi_add_share (ctx, "brand.otif", _("Co-packer OTIF, last 30 days"), r[0], r[1],
                            /* Translators: "41 of 44 orders on time in full". */
                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s of %s order on time in full",
                                                          "%s of %s orders on time in full",
                                                          (gulong) ff_kpi_nz (r[1])),
                                             on_time, orders),
                            0.95, NAN, "copacker_performance",
                            ff_kpi_list_range ("period_start", "period_start", ctx->month_ago,
                                               NULL));
  }
  kpi->method = g_strdup (_("Orders on time in full over all orders of the co-packer performance "
                            "periods that started in the last 30 days"));
}

void
ff_brand_kpis_compute (FfKpiContext *ctx)
{
  char first[11];

  ff_kpi_add_counts (ctx, counts, G_N_ELEMENTS (counts));
  otif (ctx);

  /* Twelve four-week periods, the last one ending today. */
  ff_kpi_day_add (ctx->today, -(12 * 28 - 1), first);
  ff_kpi_add_trend (ctx, _("Co-packer OTIF per 4 weeks, last 48 weeks"), _("%"), first, 12, 28,
                    "SELECT period_start, sum(orders_otif), sum(orders) FROM "
                    "copacker_performance WHERE _deleted = 0 AND period_start >= ?1 GROUP BY 1",
                    first, NULL);
}
