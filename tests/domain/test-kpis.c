/* test-kpis.c — the overview figures over a small demo: each one opens a list that holds what it
 * counts, the figures match an independent computation, and they read in the user's locale. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ff-clock.h"
#include "ff-demo.h"
#include "ff-kind-catalog.h"
#include "ff-kpi-context.h"
#include "ff-overview.h"
#include "ff-record-repository.h"
#include "ff-test-util.h"

#define SCALE 0.03

static char *dir;
static FfVault *vault;
static FfSession *session;
static FfOverview *overviews[FF_N_WORKSPACES];

static FfStore *
store (void)
{
  return ff_session_get_store (session);
}

static const FfKpi *
kpi_of (FfWorkspace  ws,
        const char  *id)
{
  for (guint i = 0; i < overviews[ws]->kpis->len; i++)
    {
      const FfKpi *kpi = g_ptr_array_index (overviews[ws]->kpis, i);
      if (g_str_equal (kpi->id, id))
        return kpi;
    }
  g_error ("no figure %s", id);
}

static double
query_double (const char *sql,
              ...)
{
  sqlite3_stmt *stmt = ff_store_prepare (store (), sql, NULL);
  const char *param;
  va_list args;
  double value;
  int i = 1;

  g_assert_nonnull (stmt);
  va_start (args, sql);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Every figure opens its kind's list with a query the list can run; a figure that counts records
 * counts exactly the rows that list shows. */
static void
test_lists_agree (void)
{
  for (FfWorkspace ws = 0; ws < FF_N_WORKSPACES; ws++)
    {
      g_assert_cmpuint (overviews[ws]->kpis->len, >=, 4);
      for (guint i = 0; i < overviews[ws]->kpis->len; i++)
        {
          const FfKpi *kpi = g_ptr_array_index (overviews[ws]->kpis, i);
          const FfKind *kind = ff_kind_lookup (kpi->kind);
          g_autoptr (FfRecordRepository) repo = NULL;
          g_autoptr (GArray) rows = NULL;
          g_autoptr (GError) error = NULL;
          gint64 n;

          g_test_message ("%s = %s (%s)", kpi->id, kpi->value, kpi->detail);
          g_assert_nonnull (kind);
          g_assert_cmpint (kind->workspace, ==, ws);
          g_assert_nonnull (kpi->query);
          g_assert_nonnull (kpi->method);
          g_assert_nonnull (ff_kind_get_field (kind, kpi->query->sort_field));
          repo = ff_record_repository_new (store (), kind);
          n = ff_record_repository_count_matching (repo, kpi->query, NULL, &error);
          g_assert_no_error (error);
          rows = ff_record_repository_query_rowids (repo, kpi->query, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (n, ==, (gint64) rows->len);
          if (kpi->counts_query)
            g_assert_cmpfloat (kpi->number, ==, (double) n);
        }
    }
}

/* "Open money leaks" once counted status 'open' only, 0 while the list had many unresolved. */
static void
test_unresolved_money_leaks (void)
{
  const FfKpi *kpi = kpi_of (FF_WORKSPACE_PLANT_OPS, "plant-ops.money-leaks");
  double unresolved = query_double ("SELECT count(*) FROM money_leaks WHERE _deleted = 0 "
                                    "AND status IN ('open', 'acknowledged', 'action_planned')",
                                    NULL);

  g_assert_cmpfloat (unresolved, >, 0);
  g_assert_cmpfloat (kpi->number, ==, unresolved);
}

/* Cases of @quantity @unit of SKU @sku_id, computed here from the SKU's pack, not by the SQL the
 * figures use. */
static double
cases_of (const char *sku_id,
          double      quantity,
          const char *unit)
{
  g_autoptr (FfRecordRepository) skus = ff_record_repository_new (store (), ff_kind_lookup ("skus"));
  g_autoptr (FfRecord) sku = ff_record_repository_get (skus, sku_id, NULL);
  double case_pack = g_ascii_strtod (ff_record_get (sku, "case_pack"), NULL);
  double pack = g_ascii_strtod (ff_record_get (sku, "pack_size"), NULL);
  const char *pack_unit = ff_record_get (sku, "pack_unit");
  double pack_kg = g_str_equal (pack_unit, "kg") ? pack : g_str_equal (pack_unit, "g")
                                                          ? pack / 1000 : NAN;

  if (g_str_equal (unit, "case"))
    return quantity;
  if (g_str_equal (unit, "ea"))
    return quantity / case_pack;
  if (g_str_equal (unit, "kg"))
    return quantity / (pack_kg * case_pack);
  g_error ("a batch in %s", unit);
}

/* "Units produced" once added kg and each; the batches are counted in cases of their SKU. */
static void
test_cases_produced (void)
{
  g_autoptr (GDateTime) now = ff_clock_now ();
  g_autoptr (GDateTime) since = g_date_time_add_days (now, -7);
  g_autofree char *since_text = ff_clock_format_utc (since);
  g_autoptr (FfRecordRepository) batches = ff_record_repository_new (store (), ff_kind_lookup ("batches"));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *expected = NULL, *count = NULL;
  const FfKpi *kpi = kpi_of (FF_WORKSPACE_PLANT_OPS, "plant-ops.batches-7d");
  double cases = 0, good = 0;
  gboolean kg = FALSE, ea = FALSE;

  query->range_field = g_strdup ("actual_start");
  query->range_from = g_strdup (since_text);
  rows = ff_record_repository_query_rowids (batches, query, NULL, NULL);
  records = ff_record_repository_load_rowids (batches, (gint64 *) rows->data, rows->len, NULL);
  for (guint i = 0; i < records->len; i++)
    {
      FfRecord *b = g_ptr_array_index (records, i);
      const char *unit = ff_record_get (b, "unit");

      if (ff_record_get (b, "produced_quantity") == NULL)
        continue;
      kg = kg || g_str_equal (unit, "kg");
      ea = ea || g_str_equal (unit, "ea");
      cases += cases_of (ff_record_get (b, "sku"),
                         g_ascii_strtod (ff_record_get (b, "produced_quantity"), NULL), unit);
      good += cases_of (ff_record_get (b, "sku"),
                        g_ascii_strtod (ff_record_get (b, "good_quantity"), NULL), unit);
    }
  /* The week holds batches counted both ways, or the test would prove nothing. */
  g_assert_true (kg && ea);
  g_assert_cmpfloat (kpi->number, ==, (double) records->len);
  count = ff_kpi_count_text (cases);
  expected = g_strdup_printf ("%s cases produced", count);
  g_assert_cmpstr (kpi->detail, ==, expected);
  g_assert_cmpfloat_with_epsilon (kpi_of (FF_WORKSPACE_PLANT_OPS, "plant-ops.quality-7d")->number,
                                  good / cases, 1e-9);
}

/* The demo's plans are sized from demand: about what the approved forecast expects, short where
 * a line lacks the capacity. */
static void
test_plan_coverage (void)
{
  const FfKpi *kpi = kpi_of (FF_WORKSPACE_PLANNING, "planning.plan-coverage");

  g_assert_cmpfloat (kpi->number, >, 0.85);
  g_assert_cmpfloat (kpi->number, <, 1.1);
}

/* Each overview has a trend; POS units per day add up to the POS rows of those days. */
static void
test_trends (void)
{
  const FfSeries *pos;
  double sum = 0;
  char first[11];

  for (FfWorkspace ws = 0; ws < FF_N_WORKSPACES; ws++)
    g_assert_cmpuint (overviews[ws]->trends->len, >=, 1);
  pos = g_ptr_array_index (overviews[FF_WORKSPACE_RETAIL]->trends, 0);
  g_assert_cmpuint (pos->values->len, ==, 28);
  g_assert_cmpstr (g_ptr_array_index (pos->labels, 27), ==, "2026-12-02");
  ff_kpi_day_add ("2026-12-02", -27, first);
  g_assert_cmpstr (g_ptr_array_index (pos->labels, 0), ==, first);
  for (guint i = 0; i < pos->values->len; i++)
    sum += g_array_index (pos->values, double, i);
  g_assert_cmpfloat (sum, >, 0);
  g_assert_cmpfloat (sum, ==, query_double ("SELECT sum(units) FROM pos_sales WHERE sale_date "
                                            ">= ? AND sale_date <= '2026-12-02'", first, NULL));
}

/* Counts are grouped and shares use the locale's decimal sign: "6,200", "93.5 %" in English,
 * "93,5 %" in German. */
static void
test_locale (void)
{
  const FfKpi *pos = kpi_of (FF_WORKSPACE_RETAIL, "retail.pos-7d");
  g_autofree char *german = NULL;

  g_assert_cmpfloat (pos->number, >=, 1000);
  g_assert_nonnull (strchr (pos->value, ','));
  g_assert_true (g_str_has_suffix (kpi_of (FF_WORKSPACE_PLANNING, "planning.plan-coverage")->value,
                                   " %"));
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale (locales-all)");
      return;
    }
  german = ff_kpi_percent_text (0.935);
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_cmpstr (german, ==, "93,5 %");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (GDateTime) now = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* Wednesday 2 December 2026, 10:30 in Amsterdam (the test environment's zone). */
  g_assert_cmpstr (g_getenv ("FOODFLOW_NOW"), ==, "2026-12-02T09:30:00Z");
  now = ff_clock_now ();
  dir = g_dir_make_tmp ("ff-test-kpis-XXXXXX", &error);
  g_assert_no_error (error);
  vault = ff_vault_open (dir, &error);
  g_assert_no_error (error);
  info = ff_demo_create (vault, NULL, 3, SCALE, NULL, &error);
  g_assert_no_error (error);
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  for (FfWorkspace ws = 0; ws < FF_N_WORKSPACES; ws++)
    {
      overviews[ws] = ff_overview_compute (store (), ws, now, &error);
      g_assert_no_error (error);
    }

  g_test_add_func ("/kpis/lists-agree", test_lists_agree);
  g_test_add_func ("/kpis/unresolved-money-leaks", test_unresolved_money_leaks);
  g_test_add_func ("/kpis/cases-produced", test_cases_produced);
  g_test_add_func ("/kpis/plan-coverage", test_plan_coverage);
  g_test_add_func ("/kpis/trends", test_trends);
  g_test_add_func ("/kpis/locale", test_locale);
  status = g_test_run ();

  for (FfWorkspace ws = 0; ws < FF_N_WORKSPACES; ws++)
    ff_overview_free (overviews[ws]);
  ff_session_lock (session);
  g_object_unref (session);
  g_object_unref (vault);
  ff_test_rm_rf (dir);
  g_free (dir);
  return status;
}
