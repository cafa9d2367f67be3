/* ff-kpi-context.c — what the overview figures of every context share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ff-error.h"
#include "ff-kpi-context.h"

static void
date_add (const char *iso,
          int         days,
          char        out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, iso);
  if (days > 0)
    g_date_add_days (&d, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  g_date_strftime (out, 11, "%Y-%m-%d", &d);
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

double
ff_kpi_nz (double v)
{
  return isnan (v) ? 0 : v;
}

FfKpi *
ff_kpi_add (FfKpiContext *ctx,
            const char   *id,
            const char   *label,
            double        number,
            char         *value,
            char         *detail,
            FfKpiState    state,
            const char   *kind,
            const char   *facet_field,
            const char   *facet_value)
{
  FfKpi *kpi = ff_kpi_new (id, label, number, value);

  kpi->detail = detail;
  kpi->state = state;
  kpi->kind = g_strdup (kind);
  kpi->facet_field = g_strdup (facet_field);
  kpi->facet_value = g_strdup (facet_value);
  g_ptr_array_add (ctx->kpis, kpi);
  g_free (value);
  return kpi;
}

char *
ff_kpi_count_text (double n)
{
  return g_strdup_printf ("%'.0f", ff_kpi_nz (n));
}

char *
ff_kpi_percent_text (double fraction)
{
  return isnan (fraction) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", fraction * 100);
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
      text = g_strdup_printf ("%'.0f %s", sqlite3_column_double (stmt, 1) / 100.0,
                              currency ? currency : "");
    }
  sqlite3_reset (stmt);
  return text ? text : g_strdup_printf ("%d", 0);
}

gboolean
ff_kpi_context_init (FfKpiContext  *ctx,
                     FfStore       *store,
                     GPtrArray     *kpis,
                     const char    *today,
                     GError       **error)
{
  GDate d;

  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->kpis = kpis;
  ctx->error = error;
  g_date_clear (&d, 1);
  if (today != NULL)
    g_date_set_parse (&d, today);
  else
    g_date_set_time_t (&d, time (NULL));
  if (!g_date_valid (&d))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("“%s” is not a date like 2026-03-31"),
                   today);
      return FALSE;
    }
  g_date_strftime (ctx->today, sizeof ctx->today, "%Y-%m-%d", &d);
  date_add (ctx->today, -7, ctx->week_ago);
  date_add (ctx->today, -30, ctx->month_ago);
  date_add (ctx->today, -1, ctx->yesterday);
  date_add (ctx->today, 60, ctx->in_60_days);
  date_add (ctx->today, 90, ctx->in_90_days);
  date_add (ctx->today, 28, ctx->in_28_days);
  date_add (ctx->today, -(int) (g_date_get_weekday (&d) - G_DATE_MONDAY), ctx->monday);
  return TRUE;
}
