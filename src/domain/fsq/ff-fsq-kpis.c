/* ff-fsq-kpis.c — the FSQ overview: deviations, lots on hold, CCP excursions, CAPAs,
 * certificates. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_fsq_kpis_compute (FfKpiContext *ctx)
{
  double r[3];

  if (ff_kpi_query (ctx,
                    "SELECT count(*), sum(severity = 'critical') FROM deviations "
                    "WHERE _deleted = 0 AND status <> 'closed'",
                    r, 2, NULL))
    ff_kpi_add (ctx, "fsq.open-deviations", _("Open deviations"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]), g_strdup_printf (_("%'.0f critical"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[1]) > 0   ? FF_KPI_CRITICAL
                : ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING
                                       : FF_KPI_GOOD,
                "deviations", NULL, NULL);

  if (ff_kpi_query (ctx,
                    "SELECT sum(status = 'hold'), sum(status = 'quarantine') FROM lots "
                    "WHERE _deleted = 0",
                    r, 2, NULL))
    ff_kpi_add (ctx, "fsq.lots-on-hold", _("Lots on hold"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]),
                g_strdup_printf (_("%'.0f in quarantine"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "lots", "status", "hold");

  if (ff_kpi_query (ctx,
                    "SELECT sum((c.limit_min IS NOT NULL AND r.value < c.limit_min) OR "
                    "(c.limit_max IS NOT NULL AND r.value > c.limit_max)), count(*) "
                    "FROM ccp_readings r JOIN ccps c ON c.id = r.ccp WHERE r.observed_at >= ?",
                    r, 2, ctx->monday, NULL))
    ff_kpi_add (ctx, "fsq.ccp-excursions-week", _("CCP readings out of limit this week"),
                ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
                g_strdup_printf (_("of %'.0f readings"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[0]) > 0 ? FF_KPI_CRITICAL : FF_KPI_GOOD, "ccp_readings", NULL, NULL);

  if (ff_kpi_query (ctx,
                    "SELECT count(*), sum(due_on < ?) FROM capas WHERE _deleted = 0 "
                    "AND status <> 'closed'",
                    r, 2, ctx->today, NULL))
    ff_kpi_add (ctx, "fsq.open-capas", _("Open CAPAs"), ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
                g_strdup_printf (_("%'.0f overdue"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[1]) > 0 ? FF_KPI_WARNING : FF_KPI_NEUTRAL, "capas", NULL, NULL);

  if (ff_kpi_query (ctx,
                    "SELECT sum(expires_on >= ?1 AND expires_on <= ?2), sum(expires_on < ?1) "
                    "FROM supplier_certificates WHERE _deleted = 0",
                    r, 2, ctx->today, ctx->in_60_days, NULL))
    ff_kpi_add (ctx, "fsq.certificates-expiring", _("Certificates expiring in 60 days"),
                ff_kpi_nz (r[0]), ff_kpi_count_text (r[0]),
                g_strdup_printf (_("%'.0f already expired"), ff_kpi_nz (r[1])),
                ff_kpi_nz (r[1]) > 0   ? FF_KPI_CRITICAL
                : ff_kpi_nz (r[0]) > 0 ? FF_KPI_WARNING
                                       : FF_KPI_GOOD,
                "supplier_certificates", NULL, NULL);
}
