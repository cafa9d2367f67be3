/* ff-audit-kpis.c — the audits figure of the FSQ overview: audits done and their score. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kpi-context.h"

static const FfKpiCount counts[] = {
  { "fsq.audits-30d", N_("Audits, last 30 days"), "audits", "completed_at",
    .condition = "done", .range_field = "completed_at", .range_from = FF_KPI_MONTH_AGO,
    .method = N_("Audits completed or signed in the last 30 days, and the average of their "
                 "scores"),
    .detail_sql = "SELECT avg(score_pct) FROM audits WHERE _deleted = 0 "
                  "AND status IN ('completed', 'signed') AND completed_at >= ?1",
    .detail_arg = FF_KPI_MONTH_AGO,
    /* Translators: the average score of the audits, formatted: "average score 91.5 %". */
    .detail_one = N_("average score %s %%"), .detail_decimals = 1 },
};

void
ff_audit_kpis_compute (FfKpiContext *ctx)
{
  ff_kpi_add_counts (ctx, counts, G_N_ELEMENTS (counts));
}
