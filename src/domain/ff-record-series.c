/* ff-record-series.c — the trend a detail view shows for a record. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-series"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-record-series.h"

#define POS_DAYS 90
#define SENSOR_POINTS 1440
#define CCP_POINTS 100

gboolean
ff_record_series_available (const FfKind *kind)
{
  static const char *const kinds[] = { "stores", "skus", "sensors", "ccps", NULL };
  return kind != NULL && g_strv_contains (kinds, kind->name);
}

/* Fills @series from a query returning (label, value) rows, oldest first. */
static gboolean
fill (FfStore     *store,
      FfSeries    *series,
      const char  *sql,
      const char  *id,
      GError     **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ff_series_add (series, (const char *) sqlite3_column_text (stmt, 0),
                   sqlite3_column_double (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not read the trend"), error);
  return TRUE;
}

/* The limits of a sensor or CCP, when set. */
static gboolean
load_limits (FfStore     *store,
             FfSeries    *series,
             const char  *sql,
             const char  *id,
             GError     **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      series->has_lower = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      series->lower = sqlite3_column_double (stmt, 0);
      series->has_upper = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      series->upper = sqlite3_column_double (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          g_free (series->unit);
          series->unit = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not read the limits"), error);
  return TRUE;
}

FfSeries *
ff_record_series_load (FfStore       *store,
                       const FfKind  *kind,
                       const char    *id,
                       GError       **error)
{
  g_autoptr (FfSeries) series = NULL;
  gboolean ok;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!ff_record_series_available (kind))
    return NULL;

  /* Each trend ends at the record's latest data, so it shows even when the data is old. */
  if (g_str_equal (kind->name, "stores") || g_str_equal (kind->name, "skus"))
    {
      const char *column = g_str_equal (kind->name, "stores") ? "store" : "sku";
      g_autofree char *sql = g_strdup_printf (
        "SELECT sale_date, sum(units) FROM pos_sales WHERE %s = ?1 AND sale_date > "
        "date((SELECT max(sale_date) FROM pos_sales WHERE %s = ?1), '-%d days') "
        "GROUP BY sale_date ORDER BY sale_date", column, column, POS_DAYS);
      series = ff_series_new (_("Point-of-sale units per day"), _("units"));
      ok = fill (store, series, sql, id, error);
    }
  else if (g_str_equal (kind->name, "sensors"))
    {
      series = ff_series_new (_("Readings, last 24 hours of data"), NULL);
      ok = load_limits (store, series, "SELECT lower_spec_limit, upper_spec_limit, unit "
                                       "FROM sensors WHERE id = ?1", id, error)
           && fill (store, series,
                    "SELECT substr(observed_at, 12, 5), value FROM (SELECT observed_at, value "
                    "FROM sensor_readings WHERE sensor = ?1 ORDER BY observed_at DESC LIMIT "
                    G_STRINGIFY (SENSOR_POINTS) ") ORDER BY observed_at", id, error);
    }
  else
    {
      series = ff_series_new (_("Monitoring readings"), NULL);
      ok = load_limits (store, series, "SELECT limit_min, limit_max, limit_unit FROM ccps "
                                       "WHERE id = ?1", id, error)
           && fill (store, series,
                    "SELECT substr(observed_at, 1, 10), value FROM (SELECT observed_at, value "
                    "FROM ccp_readings WHERE ccp = ?1 ORDER BY observed_at DESC LIMIT "
                    G_STRINGIFY (CCP_POINTS) ") ORDER BY observed_at", id, error);
    }
  if (!ok)
    return NULL;
  if (series->values->len == 0)
    return NULL;
  return g_steal_pointer (&series);
}
