/* test-migration-0004.c — a tenant at schema version 3 moves to natural keys: exact copies of
 * time-series rows go, GTINs become 14 digits, codes become unique regardless of case. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "ff-error.h"
#include "ff-store.h"
#include "ff-test-util.h"

typedef struct
{
  char    *dir;
  FfStore *store;
} Fixture;

/* Rows as version 3 let them be: a POS day and a sensor reading imported twice, a GTIN-13. */
static const char v3_rows[] =
  "INSERT INTO pos_sales (id, store, sku, sale_date, units, on_promo, _hlc, _device) VALUES "
  "  ('p1', 's1', 'k1', '2026-03-01', 12, 0, 1, 'd'),"
  "  ('p2', 's1', 'k1', '2026-03-01', 12, 0, 2, 'd'),"
  "  ('p3', 's1', 'k1', '2026-03-02', 9, 0, 3, 'd');"
  "INSERT INTO sensor_readings (id, sensor, observed_at, value, _hlc, _device) VALUES "
  "  ('r1', 'x', '2026-03-01T06:00:00Z', 180.5, 1, 'd'),"
  "  ('r2', 'x', '2026-03-01T06:00:00Z', 180.5, 2, 'd');"
  "INSERT INTO skus (id, code, gtin, description, brand, pack_size, pack_unit, case_pack, status,"
  "  _hlc, _device) VALUES ('k1', 'SKU-1', '4006381333931', 'Chips', 'b', 200, 'g', 12, 'active',"
  "  1, 'd'), ('k2', 'SKU-2', '96385074', 'Dip', 'b', 200, 'g', 8, 'active', 1, 'd');";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->store = ff_test_store_make ("ff-test-migration", NULL, FF_STORE_OPEN_NO_MIGRATE,
                                       &fixture->dir);
  g_assert_true (ff_store_migrate (fixture->store, 3, &error));
  g_assert_no_error (error);
  ff_test_exec (fixture->store, v3_rows);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_forward (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  FfStore *store = fixture->store;

  g_assert_true (ff_store_migrate (store, 4, &error));
  g_assert_no_error (error);
  /* The earliest of two identical rows stays. */
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM pos_sales"), ==, 2);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM pos_sales WHERE id = 'p1'"),
                   ==, 1);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM sensor_readings"), ==, 1);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM skus WHERE gtin IN "
                                             "('04006381333931', '00000096385074')"), ==, 2);

  /* The keys hold from now on. */
  g_assert_cmpint (sqlite3_exec (ff_store_get_handle (store),
                                 "INSERT INTO pos_sales (id, store, sku, sale_date, units, "
                                 "on_promo, _hlc, _device) VALUES ('p9', 's1', 'k1', "
                                 "'2026-03-02', 1, 0, 9, 'd')", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_UNIQUE);
  g_assert_cmpint (sqlite3_exec (ff_store_get_handle (store),
                                 "INSERT INTO skus (id, code, gtin, description, brand, pack_size, "
                                 "pack_unit, case_pack, status, _hlc, _device) VALUES ('k3', "
                                 "'sku-1', '05012345678900', 'x', 'b', 1, 'g', 1, 'active', 1, "
                                 "'d')", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
}

/* Two rows that share a key but say different things are not guessed between: the migration
 * fails and the tenant stays at version 3, whole. */
static void
test_conflict_kept (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  ff_test_exec (fixture->store, "INSERT INTO pos_sales (id, store, sku, sale_date, units, "
                                "on_promo, _hlc, _device) VALUES ('p4', 's1', 'k1', '2026-03-02', "
                                "10, 0, 4, 'd')");
  g_assert_false (ff_store_migrate (fixture->store, 4, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_MIGRATION);
  g_assert_cmpuint (ff_store_get_schema_version (fixture->store), ==, 3);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM pos_sales"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/migration-0004/forward", Fixture, NULL, fixture_set_up, test_forward,
              fixture_tear_down);
  g_test_add ("/migration-0004/conflict-kept", Fixture, NULL, fixture_set_up,
              test_conflict_kept, fixture_tear_down);

  return g_test_run ();
}
