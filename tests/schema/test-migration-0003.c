/* test-migration-0003.c — a tenant made at schema version 2 keeps its records through 0003,
 * with the text it kept for plants, banners, brands, versions and SKUs turned into references. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-store.h"
#include "ff-test-util.h"
#include "ff-uuid.h"

#define TENANT_ID "0190f00d-0000-7000-8000-000000000003"

typedef struct
{
  char    *dir;
  FfStore *store;
} Fixture;

/* Rows as 0002 shaped them: names where 0003 has references. */
static const char old_rows[] =
  "INSERT INTO lines VALUES ('line-1', 'L1', 'Fryer', 'Plant Eindhoven', 'processing', "
  "  'running', 0.4, 9000, NULL, NULL, 100 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO lines VALUES ('line-2', 'L2', 'Bagger', 'Plant Eindhoven', 'packing', "
  "  'running', 0.7, NULL, NULL, NULL, 300 << 16, 'dev-b', 0, '{\"name\":196608}');"
  "INSERT INTO lines VALUES ('line-3', 'L3', 'Oven', 'Plant Gent', 'baking', 'idle', 1.2, "
  "  NULL, '2019-05-01', 'old oven', 150 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO lines VALUES ('line-4', 'L4', 'Gone', 'Plant Closed', 'baking', 'idle', 1.2, "
  "  NULL, NULL, NULL, 50 << 16, 'dev-a', 1, NULL);"
  "INSERT INTO skus VALUES ('sku-1', 'SKU-1', '4006381333931', 'Casa Crunch Chips 200 g', "
  "  'Casa Crunch', 200, 'g', 12, 189, 'EUR', 'active', NULL, 10 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO skus VALUES ('sku-2', 'SKU-2', '96385074', 'Levant Kitchen Hummus 200 g', "
  "  'Levant Kitchen', 200, 'g', 8, 199, 'EUR', 'active', NULL, 20 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO skus VALUES ('sku-3', 'SKU-3', '5012345678900', 'Casa Crunch Salsa 300 g', "
  "  'Casa Crunch', 300, 'g', 6, 229, 'EUR', 'active', NULL, 30 << 16, 'dev-c', 0, NULL);"
  "INSERT INTO forecasts VALUES ('fc-1', 'FC-1', 'Consensus v1', 'SKU-1', 'DC-Tilburg', "
  "  '2026-03-02', 'week', 100, 'case', 'manual', 1772400000000 << 16, 'dev-a', 0, "
  "  '{\"version_label\":5,\"sku_code\":6,\"quantity\":7}');"
  "INSERT INTO forecasts VALUES ('fc-2', 'FC-2', 'Consensus v1', 'SKU-2', 'DC-Tilburg', "
  "  '2026-03-02', 'week', 80, 'case', 'ets', 1772500000000 << 16, 'dev-b', 0, NULL);"
  "INSERT INTO forecasts VALUES ('fc-3', 'FC-3', 'Statistical v2', 'SKU-404', 'DC-Gent', "
  "  '2026-03-09', 'week', 50, 'case', 'ets', 1772600000000 << 16, 'dev-b', 0, NULL);"
  "INSERT INTO stores VALUES ('store-1', '101', 'FreshMart Amsterdam 1', 'FreshMart', "
  "  'supermarket', 'Amsterdam', NULL, 'NL', 1000, 'open', NULL, 5 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO stores VALUES ('store-2', '102', 'FreshMart Antwerpen 2', 'FreshMart', "
  "  'supermarket', 'Antwerpen', NULL, 'BE', 1200, 'open', NULL, 6 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO stores VALUES ('store-3', '103', 'FreshMart Utrecht 3', 'FreshMart', "
  "  'supermarket', 'Utrecht', NULL, 'NL', 900, 'open', NULL, 7 << 16, 'dev-a', 0, NULL);"
  "INSERT INTO stores VALUES ('store-4', '201', 'CornerGo York 1', 'CornerGo', "
  "  'convenience', 'York', NULL, 'GB', 150, 'open', NULL, 8 << 16, 'dev-c', 0, NULL);";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->store = ff_test_store_make ("ff-test-migration", user_data ? user_data : TENANT_ID,
                                       FF_STORE_OPEN_NO_MIGRATE, &fixture->dir);
  g_assert_true (ff_store_migrate (fixture->store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_store_get_schema_version (fixture->store), ==, 2);
  ff_test_exec (fixture->store, old_rows);

  g_assert_true (ff_store_migrate (fixture->store, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_store_get_schema_version (fixture->store), ==,
                    ff_store_get_latest_version ());
  g_assert_cmpuint (ff_store_get_schema_version (fixture->store), >=, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

/* (Table-valued pragma functions came with SQLite 3.16; SQLCipher 3.4 has 3.15.) */
static gboolean
has_column (FfStore    *store,
            const char *table,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found = found || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), column) == 0;
  sqlite3_finalize (stmt);
  return found;
}

/* The id a device gives the parent record it makes from @name: the same on every device of
 * the tenant (DESIGN.md section 3). */
static char *
name_id (const char *tenant_id,
         const char *kind,
         const char *name)
{
  g_autofree char *key = g_strconcat (tenant_id, "/", kind, "/", name, NULL);
  return ff_uuid_v5_new (FF_STORE_NAME_ID_NAMESPACE, key);
}

/* Every row of @table came through, and each @column holds the id of a @parent row whose
 * @name_column is what the column held before. */
static void
assert_resolves (FfStore    *store,
                 const char *table,
                 const char *column,
                 const char *parent,
                 const char *name_column,
                 const char *const expected[][2],
                 guint       n_expected)
{
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", table);

  g_assert_cmpint (ff_test_query_int (store, count), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autofree char *id_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = '%s'", column,
                                                 table, expected[i][0]);
      g_autofree char *ref = ff_test_query_text (store, id_sql);
      g_autofree char *name_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = '%s'",
                                                   name_column, parent, ref);
      g_autofree char *name = ff_test_query_text (store, name_sql);

      g_autofree char *expected_id = name_id (TENANT_ID, parent, expected[i][1]);

      g_test_message ("%s %s: %s -> %s", table, expected[i][0], ref, name);
      g_assert_cmpstr (ref, ==, expected_id);
      g_assert_cmpstr (name, ==, expected[i][1]);
    }
}

static void
test_plants (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const char *const lines[][2] = {
    { "line-1", "Plant Eindhoven" }, { "line-2", "Plant Eindhoven" }, { "line-3", "Plant Gent" },
    { "line-4", "Plant Closed" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("lines"));
  g_autoptr (FfRecord) l2 = NULL;
  g_autofree char *device = NULL;
  g_autofree char *notes = NULL;

  assert_resolves (fixture->store, "lines", "plant", "plants", "name", lines,
                   G_N_ELEMENTS (lines));
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM plants"), ==, 3);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(DISTINCT code) FROM plants"), ==, 3);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM plants WHERE code IS NULL "
                                              "OR code = ''"), ==, 0);
  /* The plant only a deleted line had is deleted too; the others live. */
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT _deleted FROM plants "
                                              "WHERE name = 'Plant Closed'"), ==, 1);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM plants WHERE _deleted = 0"),
                   ==, 2);
  /* Clock and device come from the newest line of the plant. */
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT _hlc FROM plants "
                                              "WHERE name = 'Plant Eindhoven'"), ==,
                   (gint64) 300 << 16);
  device = ff_test_query_text (fixture->store, "SELECT _device FROM plants "
                                               "WHERE name = 'Plant Eindhoven'");
  g_assert_cmpstr (device, ==, "dev-b");
  /* Nothing else about the lines changed. */
  notes = ff_test_query_text (fixture->store, "SELECT notes FROM lines WHERE id = 'line-3'");
  g_assert_cmpstr (notes, ==, "old oven");
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT _hlc FROM lines WHERE id = 'line-2'"), ==,
                   (gint64) 300 << 16);

  /* The repository reads them as references. */
  l2 = ff_record_repository_find_by_code (repo, "L2", &error);
  g_assert_no_error (error);
  {
    g_autofree char *plant = ff_record_format (l2, "plant");
    g_assert_cmpstr (plant, ==, "Plant Eindhoven");
  }
  g_assert_null (ff_record_get (l2, "margin_per_minute_minor"));
}

static void
test_banners_and_brands (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char *const stores[][2] = {
    { "store-1", "FreshMart" }, { "store-2", "FreshMart" }, { "store-3", "FreshMart" },
    { "store-4", "CornerGo" },
  };
  static const char *const skus[][2] = {
    { "sku-1", "Casa Crunch" }, { "sku-2", "Levant Kitchen" }, { "sku-3", "Casa Crunch" },
  };
  g_autofree char *country = NULL;

  assert_resolves (fixture->store, "stores", "banner", "banners", "name", stores,
                   G_N_ELEMENTS (stores));
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM banners"), ==, 2);
  /* A banner's country is the one most of its stores are in. */
  country = ff_test_query_text (fixture->store,
                                "SELECT country FROM banners WHERE name = 'FreshMart'");
  g_assert_cmpstr (country, ==, "NL");

  assert_resolves (fixture->store, "skus", "brand", "brands", "name", skus,
                   G_N_ELEMENTS (skus));
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM brands"), ==, 2);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(DISTINCT code) FROM brands"), ==, 2);
  /* Products are new and optional. */
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM skus "
                                              "WHERE product IS NOT NULL"), ==, 0);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM products"), ==, 0);
}

static void
test_forecasts (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char *const versions[][2] = {
    { "fc-1", "Consensus v1" }, { "fc-2", "Consensus v1" }, { "fc-3", "Statistical v2" },
  };
  static const char *const skus[][2] = {
    { "fc-1", "SKU-1" }, { "fc-2", "SKU-2" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("forecasts"));
  g_autoptr (FfRecord) fc1 = NULL;
  g_autoptr (JsonNode) clocks = NULL;
  g_autofree char *fhlc = NULL;
  g_autofree char *created = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *order = NULL;
  const FfActor planner = { "paula", FF_ROLE_PLANNER };

  assert_resolves (fixture->store, "forecasts", "version", "forecast_versions", "label",
                   versions, G_N_ELEMENTS (versions));
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM forecast_versions"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (skus); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT k.code FROM forecasts AS f JOIN skus AS k "
                                              "ON k.id = f.sku WHERE f.id = '%s'", skus[i][0]);
      g_autofree char *code = ff_test_query_text (fixture->store, sql);
      g_assert_cmpstr (code, ==, skus[i][1]);
    }
  /* A SKU code that named no SKU is kept rather than the forecast lost. */
  dangling = ff_test_query_text (fixture->store, "SELECT sku FROM forecasts WHERE id = 'fc-3'");
  g_assert_cmpstr (dangling, ==, "SKU-404");
  /* The version dates from its first forecast (2026-03-01T21:20Z). */
  created = ff_test_query_text (fixture->store, "SELECT created_on FROM forecast_versions "
                                                "WHERE label = 'Consensus v1'");
  g_assert_cmpstr (created, ==, "2026-03-01");
  /* Rows keep their order, values and field clocks, under the new field names. */
  order = ff_test_query_text (fixture->store, "SELECT group_concat(id) FROM "
                                              "(SELECT id FROM forecasts ORDER BY rowid)");
  g_assert_cmpstr (order, ==, "fc-1,fc-2,fc-3");
  fhlc = ff_test_query_text (fixture->store, "SELECT _fhlc FROM forecasts WHERE id = 'fc-1'");
  g_assert_cmpstr (fhlc, ==, "{\"version\":5,\"sku\":6,\"quantity\":7}");
  g_assert_false (has_column (fixture->store, "forecasts", "version_label"));
  g_assert_false (has_column (fixture->store, "forecasts", "sku_code"));
  g_assert_true (has_column (fixture->store, "forecasts", "version"));

  /* And the repository works with them: read, update, clocks. */
  fc1 = ff_record_repository_find_by_code (repo, "FC-1", &error);
  g_assert_no_error (error);
  {
    g_autofree char *version = ff_record_format (fc1, "version");
    g_autofree char *sku = ff_record_format (fc1, "sku");
    g_assert_cmpstr (version, ==, "Consensus v1");
    /* A SKU shows its description beside its code. */
    g_assert_cmpstr (sku, ==, "SKU-1 · Casa Crunch Chips 200 g");
  }
  ff_record_set (fc1, "quantity", "120");
  g_assert_true (ff_record_repository_update (repo, &planner, fc1, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fhlc, g_free);
  fhlc = ff_test_query_text (fixture->store, "SELECT _fhlc FROM forecasts WHERE id = 'fc-1'");
  clocks = json_from_string (fhlc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (clocks), "version"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (clocks), "sku"), ==, 6);
  g_assert_false (json_object_has_member (json_node_get_object (clocks), "version_label"));
}

/* Two devices that migrate the same data make the same parent records, ids and all, so sync
 * can tell they are one; another tenant's are its own. */
static char *
parent_ids (FfStore *store)
{
  return ff_test_query_text (store, "SELECT group_concat(id, ' ') FROM (SELECT id FROM plants "
                                    "UNION ALL SELECT id FROM banners UNION ALL SELECT id FROM "
                                    "brands UNION ALL SELECT id FROM forecast_versions ORDER BY 1)");
}

static void
test_devices_agree (Fixture       *fixture,
                    gconstpointer  user_data)
{
  Fixture second = { 0 }, other_tenant = { 0 };
  g_autofree char *first_ids = parent_ids (fixture->store);
  g_autofree char *second_ids = NULL, *other_ids = NULL;
  g_auto (GStrv) ids = g_strsplit (first_ids, " ", -1);

  fixture_set_up (&second, TENANT_ID);
  fixture_set_up (&other_tenant, "0190f00d-0000-7000-8000-0000000000ff");
  second_ids = parent_ids (second.store);
  other_ids = parent_ids (other_tenant.store);
  g_assert_cmpstr (first_ids, ==, second_ids);
  g_assert_cmpstr (first_ids, !=, other_ids);
  /* 3 plants, 2 banners, 2 brands, 2 versions. */
  g_assert_cmpuint (g_strv_length (ids), ==, 9);
  fixture_tear_down (&second, NULL);
  fixture_tear_down (&other_tenant, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/migration-0003/plants", test_plants);
  ADD ("/migration-0003/banners-and-brands", test_banners_and_brands);
  ADD ("/migration-0003/forecasts", test_forecasts);
  ADD ("/migration-0003/devices-agree", test_devices_agree);

  return g_test_run ();
}
