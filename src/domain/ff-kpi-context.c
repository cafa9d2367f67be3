/* ff-kpi-context.c — what the overview figures of every context share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ff-clock.h"
#include "ff-kind-catalog.h"
#include "ff-kind.h"
#include "ff-kpi-context.h"
#include "ff-number.h"
#include "ff-record-repository.h"

void
ff_kpi_day_add (const char *day,
                int         days,
                char        out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, day);
  g_return_if_fail (g_date_valid (&d));
  if (days > 0)
    g_date_add_days (&d, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  g_date_strftime (out, 11, "%Y-%m-%d", &d);
}

static void
format_utc (GDateTime *time,
            char       out[21])
{
  g_autofree char *text = ff_clock_format_utc (time);

  g_strlcpy (out, text, 21);
}

void
ff_kpi_context_init (FfKpiContext  *ctx,
                     FfStore       *store,
                     GPtrArray     *kpis,
                     GPtrArray     *trends,
                     GDateTime     *now,
                     GError       **error)
{
  g_autoptr (GDateTime) utc = now ? g_date_time_to_utc (now) : ff_clock_now ();
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) monday = NULL;
  g_autoptr (GDateTime) t = NULL;
  g_autofree char *today = ff_clock_format_date (local);
  int weekday = g_date_time_get_day_of_week (local); /* 1 = Monday */

  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->kpis = kpis;
  ctx->trends = trends;
  ctx->error = error;
  g_strlcpy (ctx->today, today, sizeof ctx->today);
  ff_kpi_day_add (ctx->today, -1, ctx->yesterday);
  ff_kpi_day_add (ctx->today, -6, ctx->week_ago);
  ff_kpi_day_add (ctx->today, -29, ctx->month_ago);
  ff_kpi_day_add (ctx->today, -(weekday - 1), ctx->monday);
  ff_kpi_day_add (ctx->monday, 7, ctx->next_monday);
  ff_kpi_day_add (ctx->monday, 35, ctx->next_monday_28);
  ff_kpi_day_add (ctx->today, 60, ctx->in_60_days);
  ff_kpi_day_add (ctx->today, 90, ctx->in_90_days);

  format_utc (utc, ctx->now);
  t = g_date_time_add_hours (utc, -24);
  format_utc (t, ctx->since_24h);
  g_clear_pointer (&t, g_date_time_unref);
  t = g_date_time_add_days (utc, -7);
  format_utc (t, ctx->since_7d);
  /* Midnights of the local calendar, whatever the daylight-saving shifts between. */
  midnight = g_date_time_new (g_date_time_get_timezone (local), g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);
  monday = g_date_time_add_days (midnight, -(weekday - 1));
  format_utc (monday, ctx->since_monday);
  g_clear_pointer (&t, g_date_time_unref);
  t = g_date_time_add_days (monday, 7);
  format_utc (t, ctx->next_monday_start);
  g_clear_pointer (&t, g_date_time_unref);
  t = g_date_time_add_days (monday, 35);
  format_utc (t, ctx->next_monday_28_start);
}

gboolean
ff_kpi_query (FfKpiContext *ctx,
              const char   *sql,
              double       *out,
              int           n_out,
              ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  const char *param;
  int i = 1, rc;

  if (ctx->failed)
    return FALSE;
  stmt = ff_store_prepare (ctx->store, sql, ctx->error);
  if (stmt == NULL)
    {
      ctx->failed = TRUE;
      return FALSE;
    }
  va_start (args, n_out);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  rc = sqlite3_step (stmt);
  for (int c = 0; c < n_out; c++)
    out[c] = (rc == SQLITE_ROW && sqlite3_column_type (stmt, c) != SQLITE_NULL)
               ? sqlite3_column_double (stmt, c) : NAN;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ff_store_set_error (ctx->store, rc, _("Could not compute the overview"), ctx->error);
      ctx->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

FfRecordQuery *
ff_kpi_list (const char *sort_field)
{
  FfRecordQuery *query = ff_record_query_new ();

  query->sort_field = g_strdup (sort_field);
  query->descending = TRUE;
  return query;
}

FfRecordQuery *
ff_kpi_list_range (const char *sort_field,
                   const char *range_field,
                   const char *from,
                   const char *to)
{
  FfRecordQuery *query = ff_kpi_list (sort_field);

  query->range_field = g_strdup (range_field);
  query->range_from = g_strdup (from);
  query->range_to = g_strdup (to);
  return query;
}

FfKpi *
ff_kpi_add_share (FfKpiContext  *ctx,
                  const char    *id,
                  const char    *label,
                  double         part,
                  double         whole,
                  char          *detail,
                  double         warn_below,
                  double         warn_above,
                  const char    *kind,
                  FfRecordQuery *query)
{
  double share = ff_kpi_nz (whole) > 0 ? ff_kpi_nz (part) / whole : NAN;
  gboolean warn = !isnan (share) && ((!isnan (warn_below) && share < warn_below)
                                     || (!isnan (warn_above) && share > warn_above));

  return ff_kpi_add (ctx, id, label, share, ff_kpi_percent_text (share), detail,
                     warn ? FF_KPI_WARNING : isnan (warn_above) ? FF_KPI_NEUTRAL : FF_KPI_GOOD,
                     kind, query);
}

double
ff_kpi_nz (double v)
{
  return isnan (v) ? 0 : v;
}

FfKpi *
ff_kpi_add (FfKpiContext  *ctx,
            const char    *id,
            const char    *label,
            double         number,
            char          *value,
            char          *detail,
            FfKpiState     state,
            const char    *kind,
            FfRecordQuery *query)
{
  FfKpi *kpi = ff_kpi_new (id, label, number, value);

  g_return_val_if_fail (query == NULL || kind != NULL, NULL);

  kpi->detail = detail;
  kpi->state = state;
  kpi->kind = g_strdup (kind);
  kpi->query = query;
  g_ptr_array_add (ctx->kpis, kpi);
  g_free (value);
  return kpi;
}

FfKpi *
ff_kpi_add_count (FfKpiContext  *ctx,
                  const char    *id,
                  const char    *label,
                  const char    *kind,
                  FfRecordQuery *query)
{
  g_autoptr (FfRecordQuery) owned = query;
  g_autoptr (FfRecordRepository) repo = NULL;
  const FfKind *k = ff_kind_lookup (kind);
  FfKpi *kpi;
  gint64 n;

  g_return_val_if_fail (k != NULL && query != NULL, NULL);

  if (ctx->failed)
    return NULL;
  repo = ff_record_repository_new (ctx->store, k);
  n = ff_record_repository_count_matching (repo, query, NULL, ctx->error);
  if (n < 0)
    {
      ctx->failed = TRUE;
      return NULL;
    }
  kpi = ff_kpi_add (ctx, id, label, (double) n, ff_kpi_count_text ((double) n), NULL,
                    FF_KPI_NEUTRAL, kind, g_steal_pointer (&owned));
  kpi->counts_query = TRUE;
  return kpi;
}

void
ff_kpi_add_trend (FfKpiContext *ctx,
                  const char   *title,
                  const char   *unit,
                  const char   *first_day,
                  guint         n_buckets,
                  guint         step_days,
                  const char   *sql,
                  ...)
{
  g_autoptr (FfSeries) series = ff_series_new (title, unit);
  g_autofree double *sums = g_new0 (double, n_buckets);
  g_autofree double *weights = g_new0 (double, n_buckets);
  gboolean ratio = FALSE;
  sqlite3_stmt *stmt;
  va_list args;
  const char *param;
  GDate first, day;
  int i = 1, rc;

  g_return_if_fail (step_days > 0);

  if (ctx->failed)
    return;
  g_date_clear (&first, 1);
  g_date_set_parse (&first, first_day);
  g_return_if_fail (g_date_valid (&first));
  stmt = ff_store_prepare (ctx->store, sql, ctx->error);
  if (stmt == NULL)
    {
      ctx->failed = TRUE;
      return;
    }
  va_start (args, sql);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  g_date_clear (&day, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      gint64 offset;

      if (text == NULL)
        continue;
      g_date_set_parse (&day, text);
      if (!g_date_valid (&day))
        continue;
      offset = (gint64) g_date_get_julian (&day) - (gint64) g_date_get_julian (&first);
      ratio = sqlite3_column_count (stmt) >= 3;
      if (offset >= 0 && offset / step_days < n_buckets)
        {
          sums[offset / step_days] += sqlite3_column_double (stmt, 1);
          if (ratio)
            weights[offset / step_days] += sqlite3_column_double (stmt, 2);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (ctx->store, rc, _("Could not compute the overview"), ctx->error);
      ctx->failed = TRUE;
      return;
    }
  /* Counts and amounts read against zero; a share (OTIF 89 to 97 %) by its own range. */
  series->from_zero = !ratio;
  for (guint b = 0; b < n_buckets; b++)
    {
      char label[11];

      ff_kpi_day_add (first_day, (int) (b * step_days), label);
      /* A share per bucket; a bucket without any rows has none, and no point. */
      if (ratio && weights[b] > 0)
        ff_series_add (series, label, 100 * sums[b] / weights[b]);
      else if (!ratio)
        ff_series_add (series, label, sums[b]);
    }
  g_ptr_array_add (ctx->trends, g_steal_pointer (&series));
}

char *
ff_kpi_count_text (double n)
{
  return ff_number_format (round (ff_kpi_nz (n)), 0);
}

char *
ff_kpi_percent_text (double fraction)
{
  g_autofree char *number = NULL;

  if (isnan (fraction))
    return g_strdup ("—");
  number = ff_number_format (fraction * 100, 1);
  /* Translators: a share, e.g. "87.5 %"; the number is formatted already. */
  return g_strdup_printf (_("%s %%"), number);
}

char *
ff_kpi_money (FfKpiContext *ctx,
              const char   *table,
              const char   *amount_column,
              const char   *where,
              const char   *param)
{
  g_autofree char *sql = g_strdup_printf ("SELECT currency, sum(%s) FROM \"%s\" WHERE %s "
                                          "GROUP BY currency ORDER BY 2 DESC LIMIT 1",
                                          amount_column, table, where);
  sqlite3_stmt *stmt = ff_store_prepare (ctx->store, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return g_strdup ("—");
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      const char *currency = (const char *) sqlite3_column_text (stmt, 0);
      int exponent = ff_currency_get_exponent (currency);
      g_autofree char *amount = ff_number_format (sqlite3_column_double (stmt, 1)
                                                    / pow (10, exponent), exponent);

      /* Translators: an amount of money and its ISO 4217 currency, "20,398.56 EUR". */
      text = g_strdup_printf (_("%s %s"), amount, currency ? currency : "");
    }
  sqlite3_reset (stmt);
  return text ? text : ff_number_format (0, 0);
}

const char *
ff_kpi_moment (FfKpiContext *ctx,
               FfKpiMoment   moment)
{
  switch (moment)
    {
    case FF_KPI_NO_MOMENT:
      return NULL;
    case FF_KPI_TODAY:
      return ctx->today;
    case FF_KPI_WEEK_AGO:
      return ctx->week_ago;
    case FF_KPI_MONTH_AGO:
      return ctx->month_ago;
    case FF_KPI_IN_60_DAYS:
      return ctx->in_60_days;
    case FF_KPI_IN_90_DAYS:
      return ctx->in_90_days;
    case FF_KPI_SINCE_24H:
      return ctx->since_24h;
    case FF_KPI_SINCE_7D:
      return ctx->since_7d;
    case FF_KPI_SINCE_MONDAY:
      return ctx->since_monday;
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
count_detail (FfKpiContext     *ctx,
              const FfKpiCount *c,
              double            r[2])
{
  g_autofree char *a = NULL, *b = NULL;
  const char *format;

  if (c->money_table != NULL)
    return ff_kpi_money (ctx, c->money_table, c->money_column, c->money_where,
                         ff_kpi_moment (ctx, c->money_arg));
  if (c->detail_one == NULL)
    return NULL;
  if (c->detail_sql == NULL)
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, c->detail_one));
  if (!ff_kpi_query (ctx, c->detail_sql, r, 2, ff_kpi_moment (ctx, c->detail_arg), NULL))
    return NULL;
  /* An average of nothing is no figure. */
  if (isnan (r[0]) && c->detail_decimals > 0)
    return NULL;
  a = c->detail_decimals > 0 ? ff_number_format (r[0], c->detail_decimals)
                             : ff_kpi_count_text (r[0]);
  b = ff_kpi_count_text (r[1]);
  format = c->detail_other != NULL
    ? g_dngettext (GETTEXT_PACKAGE, c->detail_one, c->detail_other, (gulong) ff_kpi_nz (r[0]))
    : g_dgettext (GETTEXT_PACKAGE, c->detail_one);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, a, b);
#pragma GCC diagnostic pop
}

void
ff_kpi_add_counts (FfKpiContext     *ctx,
                   const FfKpiCount *table,
                   guint             n)
{
  for (guint i = 0; i < n; i++)
    {
      const FfKpiCount *c = &table[i];
      FfRecordQuery *query = ff_kpi_list (c->sort_field);
      double detail[2] = { NAN, NAN };
      FfKpi *kpi;

      query->descending = !c->ascending;
      query->facet_field = g_strdup (c->facet_field);
      query->facet_value = g_strdup (c->facet_value);
      query->condition = g_strdup (c->condition);
      query->condition_arg = g_strdup (ff_kpi_moment (ctx, c->condition_arg));
      query->range_field = g_strdup (c->range_field);
      query->range_from = g_strdup (ff_kpi_moment (ctx, c->range_from));
      query->range_to = g_strdup (ff_kpi_moment (ctx, c->range_to));
      kpi = ff_kpi_add_count (ctx, c->id, g_dgettext (GETTEXT_PACKAGE, c->label), c->kind, query);
      if (kpi == NULL)
        return;
      kpi->detail = count_detail (ctx, c, detail);
      if (ctx->failed)
        return;
      kpi->method = g_strdup (g_dgettext (GETTEXT_PACKAGE, c->method));
      kpi->state = c->detail_decides && ff_kpi_nz (detail[c->decide_column]) > 0
                     ? c->when_detail
                 : kpi->number > 0                              ? c->when_some
                                                                : c->when_none;
    }
}
