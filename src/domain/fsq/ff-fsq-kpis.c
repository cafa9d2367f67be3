/* ff-fsq-kpis.c — the FSQ overview: deviations, lots on hold, CCP readings out of limit, CAPAs,
 * certificates, and CCP readings out of limit per week. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kind-catalog.h"
#include "ff-kpi-context.h"

static const FfKpiCount counts[] = {
  { "fsq.open-deviations", N_("Open deviations"), "deviations", "raised_at",
    .condition = "open",
    .method = N_("Deviations whose status is not Closed"),
    .detail_sql = "SELECT count(*) FROM deviations WHERE _deleted = 0 AND status <> 'closed' "
                  "AND severity = 'critical'",
    /* Translators: of the open deviations, how many are critical. */
    .detail_one = N_("%s critical"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD,
    .detail_decides = TRUE, .when_detail = FF_KPI_CRITICAL },
  { "fsq.lots-on-hold", N_("Lots on hold"), "lots", "produced_or_received_on",
    .facet_field = "status", .facet_value = "hold",
    .method = N_("Lots whose status is On hold"),
    .detail_sql = "SELECT count(*) FROM lots WHERE _deleted = 0 AND status = 'quarantine'",
    /* Translators: besides the lots on hold, how many are in quarantine. */
    .detail_one = N_("%s in quarantine"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD },
  { "fsq.ccp-excursions-week", N_("CCP readings out of limit this week"), "ccp_readings",
    "observed_at",
    .condition = "out-of-limit", .range_field = "observed_at", .range_from = FF_KPI_SINCE_MONDAY,
    .method = N_("CCP monitoring readings since Monday 00:00 below the CCP's minimum or above "
                 "its maximum critical limit"),
    .detail_sql = "SELECT count(*) FROM ccp_readings WHERE observed_at >= ?1",
    .detail_arg = FF_KPI_SINCE_MONDAY,
    /* Translators: after the readings out of limit: "of 1,404 readings". */
    .detail_one = NP_("of %s reading", "of %s readings"),
    .when_some = FF_KPI_CRITICAL, .when_none = FF_KPI_GOOD },
  { "fsq.open-capas", N_("Open CAPAs"), "capas", "due_on", .ascending = TRUE,
    .condition = "open",
    .method = N_("CAPAs whose status is not Closed; overdue: due before today"),
    .detail_sql = "SELECT count(*) FROM capas WHERE _deleted = 0 AND status <> 'closed' "
                  "AND due_on < ?1",
    .detail_arg = FF_KPI_TODAY,
    /* Translators: of the open CAPAs, how many are past their due date. */
    .detail_one = N_("%s overdue"),
    .detail_decides = TRUE, .when_detail = FF_KPI_WARNING },
  { "fsq.certificates-expiring", N_("Certificates expiring in 60 days"),
    "supplier_certificates", "expires_on", .ascending = TRUE,
    .range_field = "expires_on", .range_from = FF_KPI_TODAY, .range_to = FF_KPI_IN_60_DAYS,
    .method = N_("Supplier certificates that expire from today to 60 days from today"),
    .detail_sql = "SELECT count(*) FROM supplier_certificates WHERE _deleted = 0 "
                  "AND expires_on < ?1",
    .detail_arg = FF_KPI_TODAY,
    /* Translators: besides the certificates expiring soon, how many have expired. */
    .detail_one = N_("%s already expired"),
    .when_some = FF_KPI_WARNING, .when_none = FF_KPI_GOOD,
    .detail_decides = TRUE, .when_detail = FF_KPI_CRITICAL },
};

void
ff_fsq_kpis_compute (FfKpiContext *ctx)
{
  const FfKindCondition *out_of_limit = ff_kind_get_condition (ff_kind_lookup ("ccp_readings"),
                                                               "out-of-limit");
  g_autofree char *sql = NULL;
  char first[11], before[11];

  ff_kpi_add_counts (ctx, counts, G_N_ELEMENTS (counts));

  /* Twelve weeks, Monday to Sunday, the last one this week. */
  ff_kpi_day_add (ctx->monday, -7 * 11, first);
  ff_kpi_day_add (first, -1, before);
  sql = g_strdup_printf ("SELECT date(t.observed_at, 'localtime'), count(*) FROM ccp_readings t "
                         "WHERE t.observed_at >= ?1 AND (%s) GROUP BY 1", out_of_limit->where);
  ff_kpi_add_trend (ctx, _("CCP readings out of limit per week, last 12 weeks"), _("readings"),
                    first, 12, 7, sql, before, NULL);
}
