/* ff-plant-ops-kpis.c — the PlantOps overview: lines running, batches and their yield in cases,
 * downtime, sensor excursions, unresolved money leaks, and cases produced per day. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

/* Batches started in the last 7 days, in cases of their SKU (a kg batch and an each batch add
 * up only so). */
#define BATCH_CASES_7D \
  "SELECT count(*), sum(" FF_KPI_IN_CASES ("b.produced_quantity", "b.unit") "), " \
  "sum(" FF_KPI_IN_CASES ("b.good_quantity", "b.unit") "), " \
  "sum(b.produced_quantity IS NOT NULL AND (" FF_KPI_IN_CASES ("b.produced_quantity", \
  "b.unit") ") IS NULL) FROM batches b JOIN skus s ON s.id = b.sku " \
  "WHERE b._deleted = 0 AND b.actual_start >= ?"

static FfRecordQuery *
batches_since (FfKpiContext *ctx)
{
  return ff_kpi_list_range ("actual_start", "actual_start", ctx->since_7d, NULL);
}

static const FfKpiCount lines_counts[] = {
  { "plant-ops.lines-running", N_("Lines running"), "lines", "code", .ascending = TRUE,
    .facet_field = "status", .facet_value = "running",
    .method = N_("Lines whose status is Running, of all lines"),
    .detail_sql = "SELECT count(*), sum(status = 'down') FROM lines WHERE _deleted = 0",
    /* Translators: after the number of lines running: "of 12 lines; 1 down". */
    .detail_one = NP_("of %s line; %s down", "of %s lines; %s down"),
    /* A line down is a warning, however many run. */
    .when_some = FF_KPI_GOOD, .when_none = FF_KPI_GOOD,
    .detail_decides = TRUE, .decide_column = 1, .when_detail = FF_KPI_WARNING },
};

static const FfKpiCount loss_counts[] = {
  { "plant-ops.excursions-24h", N_("Sensor excursions, last 24 h"), "sensor_readings",
    "observed_at", .condition = "out-of-spec", .range_field = "observed_at",
    .range_from = FF_KPI_SINCE_24H,
    .method = N_("Sensor readings of the last 24 hours below the sensor's lower or above its "
                 "upper specification limit"),
    .detail_one = N_("readings outside specification limits"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
  { "plant-ops.money-leaks", N_("Unresolved money leaks"), "money_leaks", "period_start",
    .condition = "unresolved",
    .method = N_("Money leaks whose status is not Resolved, and the sum of their amounts in the "
                 "currency most of them use"),
    .money_table = "money_leaks", .money_column = "amount_minor",
    .money_where = "_deleted = 0 AND status <> 'resolved'",
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
};

static void
batches (FfKpiContext *ctx)
{
  double r[4];
  FfKpi *kpi;

  kpi = ff_kpi_add_count (ctx, "plant-ops.batches-7d", _("Batches, last 7 days"), "batches",
                          batches_since (ctx));
  if (kpi == NULL || !ff_kpi_query (ctx, BATCH_CASES_7D, r, 4, ctx->since_7d, NULL))
    return;
  {
    g_autofree char *cases = ff_kpi_count_text (r[1]);
    /* Translators: what the batches of the last 7 days made, in cases of their SKUs. */
    kpi->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case produced",
                                                "%s cases produced", (gulong) ff_kpi_nz (r[1])),
                                   cases);
  }
  if (ff_kpi_nz (r[3]) > 0)
    {
      g_autofree char *left_out = ff_kpi_count_text (r[3]);
      kpi->method = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Batches started in the last 7 days; quantities "
                                                  "in cases of their SKU (%s batch in a unit its "
                                                  "SKU cannot convert is left out)",
                                                  "Batches started in the last 7 days; quantities "
                                                  "in cases of their SKU (%s batches in a unit "
                                                  "their SKU cannot convert are left out)",
                                                  (gulong) r[3]), left_out);
    }
  else
    kpi->method = g_strdup (_("Batches started in the last 7 days; quantities in cases of their "
                              "SKU (units by the case pack, weights by pack size times case "
                              "pack)"));

  kpi = ff_kpi_add_share (ctx, "plant-ops.quality-7d", _("Quality yield, last 7 days"), r[2],
                          r[1], g_strdup (_("good cases of cases produced")), 0.97, NAN,
                          "batches", batches_since (ctx));
  kpi->method = g_strdup (_("Good quantity over produced quantity of the batches started in the "
                            "last 7 days, both in cases"));
}

static void
downtime (FfKpiContext *ctx)
{
  double r[2];
  FfKpi *kpi;

  if (!ff_kpi_query (ctx, "SELECT sum(minutes), count(*) FROM downtime_events "
                          "WHERE _deleted = 0 AND started_at >= ?",
                     r, 2, ctx->since_7d, NULL))
    return;
  {
    g_autofree char *hours = ff_kpi_count_text (floor (ff_kpi_nz (r[0]) / 60));
    g_autofree char *stops = ff_kpi_count_text (r[1]);
    /* Translators: hours (formatted) and minutes of downtime, "12 h 05 min". */
    kpi = ff_kpi_add (ctx, "plant-ops.downtime-7d", _("Downtime, last 7 days"), ff_kpi_nz (r[0]),
                      g_strdup_printf (_("%s h %02.0f min"), hours, fmod (ff_kpi_nz (r[0]), 60)),
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s stop", "%s stops",
                                                    (gulong) ff_kpi_nz (r[1])), stops),
                      FF_KPI_NEUTRAL, "downtime_events",
                      ff_kpi_list_range ("started_at", "started_at", ctx->since_7d, NULL));
  }
  kpi->method = g_strdup (_("Minutes of the downtime events that started in the last 7 days"));
}

void
ff_plant_ops_kpis_compute (FfKpiContext *ctx)
{
  char first[11], before[11];

  ff_kpi_add_counts (ctx, lines_counts, G_N_ELEMENTS (lines_counts));
  batches (ctx);
  downtime (ctx);
  ff_kpi_add_counts (ctx, loss_counts, G_N_ELEMENTS (loss_counts));

  ff_kpi_day_add (ctx->today, -27, first);
  /* Times are kept in UTC: a day early, so the first local day is whole. */
  ff_kpi_day_add (first, -1, before);
  ff_kpi_add_trend (ctx, _("Cases produced per day, last 4 weeks"), _("cases"), first, 28, 1,
                    "SELECT date(b.actual_start, 'localtime'), "
                    "sum(" FF_KPI_IN_CASES ("b.produced_quantity", "b.unit") ") "
                    "FROM batches b JOIN skus s ON s.id = b.sku WHERE b._deleted = 0 "
                    "AND b.actual_start >= ?1 GROUP BY 1",
                    before, NULL);
}
