/* ff-workspace-kpis.c — the key figures of each workspace's overview, from real aggregates. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-kpis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ff-workspace-kpis.h"

typedef struct
{
  FfStore   *store;
  GPtrArray *kpis;
  GError   **error;
  gboolean   failed;
  char       today[11];
  char       week_ago[11];
  char       month_ago[11];
  char       yesterday[11];
  char       monday[11];
  char       in_60_days[11];
  char       in_90_days[11];
  char       in_28_days[11];
} Ctx;

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

/* Runs @sql with the text parameters (NULL-terminated) and returns the first row's columns as
 * doubles in @out (NaN for NULL). FALSE when the query failed (the error is kept). */
static gboolean
query (Ctx        *ctx,
       const char *sql,
       double     *out,
       int         n_out,
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

static double
nz (double v)
{
  return isnan (v) ? 0 : v;
}

static FfKpi *
add (Ctx        *ctx,
     const char *id,
     const char *label,
     double      number,
     char       *value,
     char       *detail,
     FfKpiState  state,
     const char *kind,
     const char *facet_field,
     const char *facet_value)
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

static char *
count_text (double n)
{
  return g_strdup_printf ("%'.0f", nz (n));
}

static char *
percent_text (double fraction)
{
  return isnan (fraction) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", fraction * 100);
}

/* The amount in major units with its currency; the currency most used by the rows. */
static char *
money_text (Ctx        *ctx,
            const char *table,
            const char *amount_column,
            const char *where,
            const char *param)
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
    text = g_strdup_printf ("%'.0f %s", sqlite3_column_double (stmt, 1) / 100.0,
                            sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  return text ? text : g_strdup_printf ("%d", 0);
}

/* A quantity of @t (with columns quantity, unit) in cases of its SKU s: case as is, units (ea)
 * by the case pack, weights by pack size times case pack. NULL when it cannot be converted. */
#define CASES_OF(t) \
  "CASE " t ".unit WHEN 'case' THEN " t ".quantity " \
  "WHEN 'ea' THEN " t ".quantity / s.case_pack " \
  "WHEN 'kg' THEN " t ".quantity / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 0.001 WHEN 'kg' THEN 1.0 END)) " \
  "WHEN 'g' THEN " t ".quantity / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 1.0 WHEN 'kg' THEN 1000.0 END)) END"

/* PlantOps ---------------------------------------------------------------------------------- */

static void
plant_ops (Ctx *ctx)
{
  double r[4];

  if (query (ctx, "SELECT sum(status = 'running'), count(*), sum(status = 'down') FROM lines "
                  "WHERE _deleted = 0", r, 3, NULL))
    add (ctx, "plant-ops.lines-running", _("Lines running"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("of %'.0f lines; %'.0f down"), nz (r[1]), nz (r[2])),
         nz (r[2]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "lines", "status", "running");

  if (query (ctx, "SELECT count(*), sum(produced_quantity), sum(good_quantity) FROM batches "
                  "WHERE _deleted = 0 AND actual_start >= ?", r, 3, ctx->week_ago, NULL))
    {
      double quality = nz (r[1]) > 0 ? nz (r[2]) / r[1] : NAN;
      add (ctx, "plant-ops.batches-7d", _("Batches, last 7 days"), nz (r[0]), count_text (r[0]),
           g_strdup_printf (_("%'.0f units produced"), nz (r[1])), FF_KPI_NEUTRAL, "batches",
           NULL, NULL);
      add (ctx, "plant-ops.quality-7d", _("Quality yield, last 7 days"), quality,
           percent_text (quality), g_strdup (_("good units of units produced")),
           !isnan (quality) && quality < 0.97 ? FF_KPI_WARNING : FF_KPI_NEUTRAL, "batches", NULL,
           NULL);
    }

  if (query (ctx, "SELECT sum(minutes), count(*) FROM downtime_events WHERE _deleted = 0 "
                  "AND started_at >= ?", r, 2, ctx->week_ago, NULL))
    add (ctx, "plant-ops.downtime-7d", _("Downtime, last 7 days"), nz (r[0]),
         g_strdup_printf (_("%'.0f h %02.0f min"), floor (nz (r[0]) / 60), fmod (nz (r[0]), 60)),
         g_strdup_printf (_("%'.0f stops"), nz (r[1])), FF_KPI_NEUTRAL, "downtime_events",
         NULL, NULL);

  if (query (ctx, "SELECT count(*) FROM sensors s JOIN sensor_readings r ON r.sensor = s.id "
                  "AND r.observed_at >= ? WHERE s._deleted = 0 AND ((s.lower_spec_limit IS NOT "
                  "NULL AND r.value < s.lower_spec_limit) OR (s.upper_spec_limit IS NOT NULL "
                  "AND r.value > s.upper_spec_limit))", r, 1, ctx->yesterday, NULL))
    add (ctx, "plant-ops.excursions-24h", _("Sensor excursions, last 24 h"), nz (r[0]),
         count_text (r[0]), g_strdup (_("readings outside specification limits")),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "sensors", NULL, NULL);

  if (query (ctx, "SELECT count(*) FROM money_leaks WHERE _deleted = 0 AND status = 'open'", r,
             1, NULL))
    add (ctx, "plant-ops.money-leaks", _("Open money leaks"), nz (r[0]), count_text (r[0]),
         money_text (ctx, "money_leaks", "amount_minor", "_deleted = 0 AND status = 'open'",
                     NULL),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "money_leaks", "status", "open");
}

/* FSQ --------------------------------------------------------------------------------------- */

static void
fsq (Ctx *ctx)
{
  double r[3];

  if (query (ctx, "SELECT count(*), sum(severity = 'critical') FROM deviations "
                  "WHERE _deleted = 0 AND status <> 'closed'", r, 2, NULL))
    add (ctx, "fsq.open-deviations", _("Open deviations"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("%'.0f critical"), nz (r[1])),
         nz (r[1]) > 0 ? FF_KPI_CRITICAL : nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD,
         "deviations", NULL, NULL);

  if (query (ctx, "SELECT sum(status = 'hold'), sum(status = 'quarantine') FROM lots "
                  "WHERE _deleted = 0", r, 2, NULL))
    add (ctx, "fsq.lots-on-hold", _("Lots on hold"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("%'.0f in quarantine"), nz (r[1])),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "lots", "status", "hold");

  if (query (ctx, "SELECT sum((c.limit_min IS NOT NULL AND r.value < c.limit_min) OR "
                  "(c.limit_max IS NOT NULL AND r.value > c.limit_max)), count(*) "
                  "FROM ccp_readings r JOIN ccps c ON c.id = r.ccp WHERE r.observed_at >= ?",
             r, 2, ctx->monday, NULL))
    add (ctx, "fsq.ccp-excursions-week", _("CCP readings out of limit this week"), nz (r[0]),
         count_text (r[0]), g_strdup_printf (_("of %'.0f readings"), nz (r[1])),
         nz (r[0]) > 0 ? FF_KPI_CRITICAL : FF_KPI_GOOD, "ccp_readings", NULL, NULL);

  if (query (ctx, "SELECT count(*), sum(due_on < ?) FROM capas WHERE _deleted = 0 "
                  "AND status <> 'closed'", r, 2, ctx->today, NULL))
    add (ctx, "fsq.open-capas", _("Open CAPAs"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("%'.0f overdue"), nz (r[1])),
         nz (r[1]) > 0 ? FF_KPI_WARNING : FF_KPI_NEUTRAL, "capas", NULL, NULL);

  if (query (ctx, "SELECT sum(expires_on >= ?1 AND expires_on <= ?2), sum(expires_on < ?1) "
                  "FROM supplier_certificates WHERE _deleted = 0", r, 2, ctx->today,
             ctx->in_60_days, NULL))
    add (ctx, "fsq.certificates-expiring", _("Certificates expiring in 60 days"), nz (r[0]),
         count_text (r[0]), g_strdup_printf (_("%'.0f already expired"), nz (r[1])),
         nz (r[1]) > 0 ? FF_KPI_CRITICAL : nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD,
         "supplier_certificates", NULL, NULL);

  if (query (ctx, "SELECT count(*), avg(score_pct) FROM audits WHERE _deleted = 0 "
                  "AND status IN ('completed', 'signed') AND completed_at >= ?", r, 2,
             ctx->month_ago, NULL))
    add (ctx, "fsq.audits-30d", _("Audits, last 30 days"), nz (r[0]), count_text (r[0]),
         isnan (r[1]) ? NULL : g_strdup_printf (_("average score %.1f %%"), r[1]),
         FF_KPI_NEUTRAL, "audits", NULL, NULL);
}

/* Planning ---------------------------------------------------------------------------------- */

static void
planning (Ctx *ctx)
{
  double r[3], demand[1];

  if (query (ctx, "SELECT count(*), sum(status = 'approved') FROM forecast_versions "
                  "WHERE _deleted = 0", r, 2, NULL))
    add (ctx, "planning.forecast-versions", _("Forecast versions"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("%'.0f approved"), nz (r[1])), FF_KPI_NEUTRAL, "forecast_versions",
         NULL, NULL);

  /* Coverage: production planned against the demand forecast of the approved versions, next
   * 4 weeks, both in cases (plans are often in kg or units: converted by the SKU's pack). */
  if (query (ctx, "SELECT sum(" CASES_OF ("p") ") FROM production_plans p JOIN skus s "
                  "ON s.id = p.sku WHERE p._deleted = 0 AND p.status <> 'cancelled' "
                  "AND p.planned_start >= ?1 AND p.planned_start < ?2",
             r, 1, ctx->today, ctx->in_28_days, NULL)
      && query (ctx, "SELECT sum(" CASES_OF ("f") ") FROM forecasts f JOIN forecast_versions v "
                     "ON v.id = f.version JOIN skus s ON s.id = f.sku WHERE f._deleted = 0 "
                     "AND v.status = 'approved' AND f.period_start >= ?1 AND f.period_start < ?2",
                demand, 1, ctx->today, ctx->in_28_days, NULL))
    {
      double coverage = nz (demand[0]) > 0 ? nz (r[0]) / demand[0] : NAN;
      add (ctx, "planning.plan-coverage", _("Plan coverage, next 4 weeks"), coverage,
           percent_text (coverage),
           g_strdup_printf (_("%'.0f cases planned of %'.0f forecast"), nz (r[0]),
                            nz (demand[0])),
           !isnan (coverage) && coverage < 0.9 ? FF_KPI_WARNING : FF_KPI_NEUTRAL,
           "production_plans", NULL, NULL);
    }

  /* The latest inventory position (on hand + on order - allocated) per SKU and location
   * against its reorder point: what a planner reorders on. */
  if (query (ctx, "SELECT count(*) FROM inventory_levels i JOIN safety_stocks s "
                  "ON s.sku = i.sku AND s.location = i.location AND s._deleted = 0 "
                  "WHERE i._deleted = 0 AND i.on_hand + coalesce (i.on_order, 0) "
                  "- coalesce (i.allocated, 0) < s.reorder_point AND i.as_of = "
                  "(SELECT max(as_of) FROM inventory_levels j WHERE j.sku = i.sku "
                  "AND j.location = i.location AND j._deleted = 0)", r, 1, NULL))
    add (ctx, "planning.below-reorder", _("Below reorder point"), nz (r[0]), count_text (r[0]),
         g_strdup (_("SKU and location pairs to reorder")),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD,
         "inventory_levels", NULL, NULL);

  if (query (ctx, "SELECT count(*), avg(service_level_pct) FROM safety_stocks "
                  "WHERE _deleted = 0", r, 2, NULL))
    add (ctx, "planning.safety-stocks", _("Safety stocks"), nz (r[0]), count_text (r[0]),
         isnan (r[1]) ? NULL : g_strdup_printf (_("average service level %.1f %%"), r[1]),
         FF_KPI_NEUTRAL, "safety_stocks", NULL, NULL);
}

/* Brand ------------------------------------------------------------------------------------- */

static void
brand (Ctx *ctx)
{
  double r[3];

  if (query (ctx, "SELECT sum(status = 'active'), sum(status = 'development') FROM skus "
                  "WHERE _deleted = 0", r, 2, NULL))
    add (ctx, "brand.active-skus", _("Active SKUs"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("%'.0f in development"), nz (r[1])), FF_KPI_NEUTRAL, "skus",
         "status", "active");

  if (query (ctx, "SELECT count(*) FROM contracts WHERE _deleted = 0 AND status = 'active' "
                  "AND ends_on >= ?1 AND ends_on <= ?2", r, 1, ctx->today, ctx->in_90_days,
             NULL))
    add (ctx, "brand.contracts-expiring", _("Contracts expiring in 90 days"), nz (r[0]),
         count_text (r[0]), NULL, nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "contracts",
         "status", "active");

  if (query (ctx, "SELECT sum(status <> 'approved'), count(*) FROM co_packers "
                  "WHERE _deleted = 0", r, 2, NULL))
    add (ctx, "brand.copackers-attention", _("Co-packers on probation or suspended"),
         nz (r[0]), count_text (r[0]), g_strdup_printf (_("of %'.0f co-packers"), nz (r[1])),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "co_packers", NULL, NULL);

  if (query (ctx, "SELECT sum(orders_otif), sum(orders) FROM copacker_performance "
                  "WHERE _deleted = 0 AND period_start >= ?", r, 2, ctx->month_ago, NULL))
    {
      double otif = nz (r[1]) > 0 ? nz (r[0]) / r[1] : NAN;
      add (ctx, "brand.otif", _("Co-packer OTIF, last month"), otif, percent_text (otif),
           g_strdup_printf (_("%'.0f of %'.0f orders on time in full"), nz (r[0]), nz (r[1])),
           !isnan (otif) && otif < 0.95 ? FF_KPI_WARNING : FF_KPI_NEUTRAL,
           "copacker_performance", NULL, NULL);
    }
}

/* Retail ------------------------------------------------------------------------------------ */

static void
retail (Ctx *ctx)
{
  double r[2];

  if (query (ctx, "SELECT sum(status = 'open'), count(*) FROM stores WHERE _deleted = 0", r, 2,
             NULL))
    add (ctx, "retail.open-stores", _("Stores open"), nz (r[0]), count_text (r[0]),
         g_strdup_printf (_("of %'.0f stores"), nz (r[1])), FF_KPI_NEUTRAL, "stores", "status",
         "open");

  if (query (ctx, "SELECT sum(units) FROM pos_sales WHERE sale_date >= ?", r, 1, ctx->week_ago,
             NULL))
    add (ctx, "retail.pos-7d", _("POS units, last 7 days"), nz (r[0]), count_text (r[0]),
         money_text (ctx, "pos_sales", "net_sales_minor", "sale_date >= ?1", ctx->week_ago),
         FF_KPI_NEUTRAL, "pos_sales", NULL, NULL);

  if (query (ctx, "SELECT count(*) FROM osa_alerts WHERE _deleted = 0 AND status = 'open'", r,
             1, NULL))
    add (ctx, "retail.open-osa", _("Open OSA alerts"), nz (r[0]), count_text (r[0]),
         money_text (ctx, "osa_alerts", "est_lost_sales_minor",
                     "_deleted = 0 AND status = 'open'", NULL),
         nz (r[0]) > 0 ? FF_KPI_WARNING : FF_KPI_GOOD, "osa_alerts", "status", "open");

  if (query (ctx, "SELECT count(*) FROM promotions WHERE _deleted = 0 AND starts_on <= ?1 "
                  "AND ends_on >= ?1", r, 1, ctx->today, NULL))
    add (ctx, "retail.active-promotions", _("Promotions running"), nz (r[0]), count_text (r[0]),
         NULL, FF_KPI_NEUTRAL, "promotions", NULL, NULL);

  if (query (ctx, "SELECT count(*) FROM waste WHERE _deleted = 0 AND recorded_on >= ?", r, 1,
             ctx->month_ago, NULL))
    add (ctx, "retail.waste-30d", _("Waste records, last 30 days"), nz (r[0]), count_text (r[0]),
         money_text (ctx, "waste", "cost_minor", "_deleted = 0 AND recorded_on >= ?1",
                     ctx->month_ago),
         FF_KPI_NEUTRAL, "waste", NULL, NULL);
}

GPtrArray *
ff_workspace_kpis_compute (FfStore      *store,
                           FfWorkspace   workspace,
                           const char   *today,
                           GError      **error)
{
  g_autoptr (GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kpi_free);
  Ctx ctx = { store, kpis, error, FALSE };
  GDate d;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);

  g_date_clear (&d, 1);
  if (today != NULL)
    g_date_set_parse (&d, today);
  else
    g_date_set_time_t (&d, time (NULL));
  g_return_val_if_fail (g_date_valid (&d), NULL);
  g_date_strftime (ctx.today, sizeof ctx.today, "%Y-%m-%d", &d);
  date_add (ctx.today, -7, ctx.week_ago);
  date_add (ctx.today, -30, ctx.month_ago);
  date_add (ctx.today, -1, ctx.yesterday);
  date_add (ctx.today, 60, ctx.in_60_days);
  date_add (ctx.today, 90, ctx.in_90_days);
  date_add (ctx.today, 28, ctx.in_28_days);
  date_add (ctx.today, -(int) (g_date_get_weekday (&d) - G_DATE_MONDAY), ctx.monday);

  switch (workspace)
    {
    case FF_WORKSPACE_PLANT_OPS:
      plant_ops (&ctx);
      break;
    case FF_WORKSPACE_FSQ:
      fsq (&ctx);
      break;
    case FF_WORKSPACE_PLANNING:
      planning (&ctx);
      break;
    case FF_WORKSPACE_BRAND:
      brand (&ctx);
      break;
    case FF_WORKSPACE_RETAIL:
      retail (&ctx);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (ctx.failed)
    return NULL;
  return g_steal_pointer (&kpis);
}
