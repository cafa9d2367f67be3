/* ff-audit-kpis.c — the audits figure of the FSQ overview: audits done and their score. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-kpi-context.h"

void
ff_audit_kpis_compute (FfKpiContext *ctx)
{
  double r[2];

  if (ff_kpi_query (ctx,
                    "SELECT count(*), avg(score_pct) FROM audits WHERE _deleted = 0 "
                    "AND status IN ('completed', 'signed') AND completed_at >= ?",
                    r, 2, ctx->month_ago, NULL))
    ff_kpi_add (ctx, "fsq.audits-30d", _("Audits, last 30 days"), ff_kpi_nz (r[0]),
                ff_kpi_count_text (r[0]),
                isnan (r[1]) ? NULL : g_strdup_printf (_("average score %.1f %%"), r[1]),
                FF_KPI_NEUTRAL, "audits", NULL, NULL);
}
