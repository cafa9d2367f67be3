/* test-xlsx.c — the spreadsheet export for people: typed cells, labels, nothing that runs as a
 * formula, more sheets when one is full; read back by an independent reader (xlsx-cells.py). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-kind-catalog.h"
#include "ff-kind-csv.h"
#include "ff-kind-xlsx.h"
#include "ff-record-repository.h"
#include "ff-test-util.h"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;
  FfActor    admin;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  ff_test_tenant_make ("ff-test-xlsx", "Sheet Foods", "alice", "Grated-Carrot-Sky-41",
                       &fixture->dir, &fixture->vault, &fixture->session);
  fixture->store = ff_session_get_store (fixture->session);
  fixture->admin = ff_actor_from_session (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ff_test_tenant_remove (&fixture->dir, &fixture->vault, &fixture->session);
}

static void
import_ok (Fixture    *fixture,
           const char *kind,
           const char *text)
{
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_auto (FfKindCsvImport) report = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ff_kind_csv_import (fixture->store, &fixture->admin, ff_kind_lookup (kind), in,
                                     &report, NULL, &error));
  g_assert_no_error (error);
}

/* "SHEET\tREF" -> "TYPE\tVALUE" for every cell of @path. */
static GHashTable *
read_cells (const char *path,
            GPtrArray **out_sheets)
{
  g_autofree char *script = g_build_filename (g_getenv ("FOODFLOW_TEST_SRCDIR"), "tests",
                                              "records", "xlsx-cells.py", NULL);
  const char *argv[] = { g_getenv ("FOODFLOW_PYTHON"), script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_error ("xlsx-cells.py: %s", err);
  *out_sheets = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto (GStrv) part = g_strsplit (lines[i], "\t", 4);

      g_assert_cmpuint (g_strv_length (part), ==, 4);
      if (!g_ptr_array_find_with_equal_func (*out_sheets, part[0], g_str_equal, NULL))
        g_ptr_array_add (*out_sheets, g_strdup (part[0]));
      g_hash_table_insert (cells, g_strdup_printf ("%s\t%s", part[0], part[1]),
                           g_strdup_printf ("%s\t%s", part[2], part[3]));
    }
  return cells;
}

static void
assert_cell (GHashTable *cells,
             const char *sheet,
             const char *ref,
             const char *type_value)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", sheet, ref);
  g_assert_cmpstr (g_hash_table_lookup (cells, key), ==, type_value);
}

static void
test_typed_cells (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "lines.xlsx", NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint64 count = 0;

  import_ok (fixture, "plants", "code,name\r\nPLANT-EHV,Eindhoven\r\n");
  import_ok (fixture, "lines",
             "code,name,plant,line_type,status,ideal_cycle_time_s,margin_per_minute_minor,"
             "currency,commissioned_on,notes\r\n"
             "L1,Fryer,PLANT-EHV,processing,running,2.4,1250,EUR,2019-05-01,"
             "\"=HYPERLINK(\"\"http://attacker.example/\"\",\"\"open\"\")\"\r\n"
             "L2,+44 bagger,PLANT-EHV,packing,idle,0.8,,,,@SUM(A1:A9)\r\n"
             "L3,-1 oven,PLANT-EHV,baking,down,1.3,90000,JPY,,=1+1\r\n");
  g_assert_true (ff_kind_xlsx_export (fixture->store, ff_kind_lookup ("lines"), path, &count,
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);

  cells = read_cells (path, &sheets);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sheets, 0), ==, "Lines");
  /* Headers are the labels people read. */
  assert_cell (cells, "Lines", "A1", "s\tCode");
  assert_cell (cells, "Lines", "F1", "s\tIdeal cycle time");
  /* Text stays text, references by code, enums by label, numbers are numbers, money in major
   * units, dates as dates (Excel's day 43586 is 2019-05-01). */
  assert_cell (cells, "Lines", "A2", "s\tL1");
  assert_cell (cells, "Lines", "C2", "s\tPLANT-EHV");
  assert_cell (cells, "Lines", "D2", "s\tProcessing");
  assert_cell (cells, "Lines", "E2", "s\tRunning");
  assert_cell (cells, "Lines", "F2", "n\t2.4");
  assert_cell (cells, "Lines", "H2", "n\t12.5");
  assert_cell (cells, "Lines", "I2", "s\tEUR");
  assert_cell (cells, "Lines", "J2", "n\t43586");
  assert_cell (cells, "Lines", "H4", "n\t90000");
  /* What a spreadsheet would run is a text cell. */
  assert_cell (cells, "Lines", "K2", "s\t=HYPERLINK(\"http://attacker.example/\",\"open\")");
  assert_cell (cells, "Lines", "B3", "s\t+44 bagger");
  assert_cell (cells, "Lines", "K3", "s\t@SUM(A1:A9)");
  assert_cell (cells, "Lines", "K4", "s\t=1+1");
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (value, "f\t"))
      g_test_fail_printf ("%s holds a formula: %s", (char *) key, (char *) value);
  /* Empty values are empty cells. */
  assert_cell (cells, "Lines", "H3", NULL);

  /* CSV stays lossless: the same text goes out as it is, for an import to bring it back. */
  {
    g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autofree char *csv = NULL;

    g_assert_true (ff_kind_csv_export (fixture->store, ff_kind_lookup ("lines"), out, NULL, NULL,
                                       &error));
    g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
    g_assert_true (g_output_stream_close (out, NULL, &error));
    csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
    g_assert_nonnull (strstr (csv, ",\"=HYPERLINK(\"\"http://attacker.example/\"\",\"\"open\"\")\"\r\n"));
    g_assert_nonnull (strstr (csv, ",@SUM(A1:A9)\r\n"));
  }
}

/* A kind larger than a sheet continues on more sheets, each with its header. */
static void
test_more_sheets (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GString) csv = g_string_new ("code,name,category,approval_status,risk_level\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "suppliers.xlsx", NULL);
  guint64 count = 0;

  for (guint i = 1; i <= 25; i++)
    g_string_append_printf (csv, "SUP-%02u,Supplier %u,ingredient,approved,low\r\n", i, i);
  import_ok (fixture, "suppliers", csv->str);
  g_assert_true (_ff_kind_xlsx_export_sheets (fixture->store, ff_kind_lookup ("suppliers"), path,
                                              10, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 25);
  cells = read_cells (path, &sheets);
  g_assert_cmpuint (sheets->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (sheets, 1), ==, "Suppliers (2)");
  assert_cell (cells, "Suppliers", "A11", "s\tSUP-10");
  assert_cell (cells, "Suppliers", "A12", NULL);
  assert_cell (cells, "Suppliers (2)", "A1", "s\tCode");
  assert_cell (cells, "Suppliers (2)", "A2", "s\tSUP-11");
  assert_cell (cells, "Suppliers (3)", "A6", "s\tSUP-25");
}

/* A failed export leaves what was there before. */
static void
test_failure_keeps_target (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GString) csv = g_string_new ("code,name,category,approval_status,risk_level\r\n");
  g_autofree char *path = g_build_filename (fixture->dir, "kept.xlsx", NULL);
  g_autofree char *contents = NULL;

  for (guint i = 1; i <= 2100; i++)
    g_string_append_printf (csv, "S-%u,Supplier %u,ingredient,approved,low\r\n", i, i);
  import_ok (fixture, "suppliers", csv->str);
  g_assert_true (g_file_set_contents (path, "before", -1, &error));
  g_cancellable_cancel (cancelled);
  g_assert_false (ff_kind_xlsx_export (fixture->store, ff_kind_lookup ("suppliers"), path, NULL,
                                       cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "before");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/typed-cells", Fixture, NULL, fixture_set_up, test_typed_cells,
              fixture_tear_down);
  g_test_add ("/xlsx/more-sheets", Fixture, NULL, fixture_set_up, test_more_sheets,
              fixture_tear_down);
  g_test_add ("/xlsx/failure-keeps-target", Fixture, NULL, fixture_set_up,
              test_failure_keeps_target, fixture_tear_down);

  return g_test_run ();
}
