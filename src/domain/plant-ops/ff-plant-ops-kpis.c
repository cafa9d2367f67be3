/* ff-plant-ops-kpis.c — the PlantOps overview: lines running, batches and yield, downtime,
 * sensor excursions, open money leaks. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_plant_ops_kpis_compute (FfKpiContext *ctx)
{
  double r[4];

  if (ff_kpi_query (ctx,
                    "SELECT sum(status = 'running'), count(*), sum(status = 'down') FROM lines "
                    "WHERE _deleted = 0",
                    r, 3, NULL))
    ff_kpi_add (
        ctx, "plant-ops.lines-running", _("Lines running"), ff_kpi_nz (r[0]),
        ff_kpi_count_text (r[0]),
        g_strdup_printf (_("of %'.0f lines; %'.0f down"), ff_kpi_nz (r[1]), ff_kpi_nz (r[2])),
        ff_kpi_nz (r[2]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "lines", "status", "running");

  if (ff_kpi_query (ctx,
                    "SELECT count(*), sum(produced_quantity), sum(good_quantity) FROM batches "
                    "WHERE _deleted = 0 AND actual_start >= ?",
                    r, 3, ctx->week_ago, NULL))
    {
      double quality = ff_kpi_nz (r[1]) > 0 ? ff_kpi_nz (r[2]) / r[1] : NAN;
      ff_kpi_add (ctx, "plant-ops.batches-7d", _("Batches, last 7 days"), ff_kpi_nz (r[0]),
                  ff_kpi_count_text (r[0]),
                  g_strdup_printf (_("%'.0f units produced"), ff_kpi_nz (r[1])), FF_KPI_NEUTRAL,
                  "batches", NULL, NULL);
      ff_kpi_add (ctx, "plant-ops.quality-7d", _("Quality yield, last 7 days"), quality,
                  ff_kpi_percent_text (quality), g_strdup (_("good units of units produced")),
                  !isnan (quality) && quality < 0.97 ? FF_KPI_WARNING : FF_KPI_NEUTRAL, "batches",
                  NULL, NULL);
    }

  if (ff_kpi_query (ctx,
                    "SELECT sum(minutes), count(*) FROM downtime_events WHERE _deleted = 0 "
                    "AND started_at >= ?",
                    r, 2, ctx->week_ago, NULL))
    ff_kpi_add (ctx, "plant-ops.downtime-7d", _("Downtime, last 7 days"), ff_kpi_nz (r[0]),
                g_strdup_printf (_("%'.0f h %02.0f min"), floor (ff_kpi_nz (r[0]) / 60),
                                 fmod (ff_kpi_nz (r[0]), 60)),
                g_strdup_printf (_("%'.0f stops"), ff_kpi_nz (r[1])), FF_KPI_NEUTRAL,
                "downtime_events", NULL, NULL);

  if (ff_kpi_query (ctx,
                    "SELECT count(*) FROM sensors s JOIN sensor_readings r ON r.sensor = s.id "
                    "AND r.observed_at >= ? WHERE s._deleted = 0 AND ((s.lower_spec_limit IS NOT "
                    "NULL AND r.value < s.lower_spec_limit) OR (s.upper_spec_limit IS NOT NULL "
                    "AND r.value > s.upper_spec_limit))",
                    r, 1, ctx->yesterday, NULL))
    ff_kpi_add (ctx, "plant-ops.excursions-24h", _("Sensor excursions, last 24 h"),
                ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
                g_strdup (_("readings outside specification limits")),
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "sensors", NULL, NULL);

  if (ff_kpi_query (ctx, "SELECT count(*) FROM money_leaks WHERE _deleted = 0 AND status = 'open'",
                    r, 1, NULL))
    ff_kpi_add (
        ctx, "plant-ops.money-leaks", _("Open money leaks"), ff_kpi_nz (r[0]),
        ff_kpi_count_text (r[0]),
        ff_kpi_money (ctx, "money_leaks", "amount_minor", "_deleted = 0 AND status = 'open'", NULL),
        ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "money_leaks", "status", "open");
}
