/* test-search.c — list searches: regardless of case in any script, through references, through
 * the search tables that triggers keep for kinds that grow, cancelled when superseded, and
 * delivered a first page at a time, the same whichever way the query runs. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-kind-csv.h"
#include "ff-record-list-model.h"
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
import_ok (Fixture    *fixture,
           const char *kind,
           const char *text)
{
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_auto (FfKindCsvImport) report = { 0 };
  g_autoptr (GError) error = NULL;

  if (!ff_kind_csv_import (fixture->store, &fixture->admin, ff_kind_lookup (kind), in, &report,
                           NULL, &error))
    g_error ("%s: %s", kind, error->message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  ff_test_tenant_make ("ff-test-search", "Search Foods", "alice", "Grated-Carrot-Sky-41",
                       &fixture->dir, &fixture->vault, &fixture->session);
  fixture->store = ff_session_get_store (fixture->session);
  fixture->admin = ff_actor_from_session (fixture->session);
  import_ok (fixture, "suppliers",
             "code,name,category,approval_status,risk_level\r\n"
             "SUP-1,Mühle Großmann GmbH,ingredient,approved,low\r\n"
             "SUP-2,Acme Mills,ingredient,approved,low\r\n");
  import_ok (fixture, "lots",
             "code,lot_type,status,description,quantity,unit,produced_or_received_on,supplier,"
             "location\r\n"
             "RM-001,ingredient,released,Weizenmehl Type 550,1000,kg,2026-03-01,SUP-1,"
             "Kühlhaus Nord\r\n"
             "RM-002,ingredient,released,Rapeseed oil,800,kg,2026-03-02,SUP-2,Tank farm\r\n"
             "RM-003,ingredient,quarantine,Sea salt,200,kg,2026-03-03,SUP-2,Dry store\r\n");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ff_test_tenant_remove (&fixture->dir, &fixture->vault, &fixture->session);
}

/* The codes of the @kind records a search finds, in list order, joined by spaces. */
static char *
found (Fixture    *fixture,
       const char *kind,
       const char *search)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup (kind));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GArray) rowids = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GString) codes = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  query->search = g_strdup (search);
  rowids = ff_record_repository_query_rowids (repo, query, NULL, &error);
  g_assert_no_error (error);
  records = ff_record_repository_load_rowids (repo, (gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (codes, "%s%s", i ? " " : "",
                            ff_record_get_code (g_ptr_array_index (records, i)));
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
assert_found (Fixture    *fixture,
              const char *kind,
              const char *search,
              const char *codes)
{
  g_autofree char *got = found (fixture, kind, search);
  g_assert_cmpstr (got, ==, codes);
}

static void
test_any_case_any_script (Fixture       *fixture,
                          gconstpointer  user_data)
{
  /* The lot's own text, from its search table. */
  assert_found (fixture, "lots", "weizenmehl", "RM-001");
  assert_found (fixture, "lots", "KÜHLHAUS", "RM-001");
  assert_found (fixture, "lots", "rm-00", "RM-001 RM-002 RM-003");
  /* Through the reference: the supplier's name, whatever the case; ß folds to ss. */
  assert_found (fixture, "lots", "MÜHLE", "RM-001");
  assert_found (fixture, "lots", "grossmann", "RM-001");
  assert_found (fixture, "lots", "acme", "RM-002 RM-003");
  /* A kind without a search table folds the same way. */
  assert_found (fixture, "suppliers", "GROSSMANN", "SUP-1");
  assert_found (fixture, "suppliers", "mühle", "SUP-1");
  /* Nothing else matches, and wildcards are literal. */
  assert_found (fixture, "lots", "flour", "");
  assert_found (fixture, "lots", "%", "");
}

/* The search table follows every write, whoever makes it. */
static void
test_search_table_follows_writes (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("lots"));
  g_autoptr (FfRecord) lot = ff_record_repository_find_by_code (lots, "RM-002", NULL);
  g_autoptr (GError) error = NULL;

  ff_record_set (lot, "location", "Silo 4");
  g_assert_true (ff_record_repository_update (lots, &fixture->admin, lot, NULL, &error));
  g_assert_no_error (error);
  assert_found (fixture, "lots", "silo", "RM-002");
  assert_found (fixture, "lots", "tank farm", "");

  g_assert_true (ff_record_repository_delete (lots, &fixture->admin, ff_record_get_id (lot),
                                              "Entered twice", &error));
  g_assert_no_error (error);
  assert_found (fixture, "lots", "silo", "");
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM lots_search"), ==,
                   ff_test_query_int (fixture->store, "SELECT count(*) FROM lots"));
}

/* A search superseded by the next keystroke stops at once, even mid-sort. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("lots"));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = NULL;

  query->search = g_strdup ("rm");
  g_cancellable_cancel (cancellable);
  rowids = ff_record_repository_query_rowids (repo, query, cancellable, &error);
  g_assert_null (rowids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The connection is fine for the next query. */
  assert_found (fixture, "lots", "rm-003", "RM-003");
}

typedef struct
{
  GArray *first;
  guint   calls;
} Partial;

static void
partial_cb (GArray   *rowids,
            gpointer  user_data)
{
  Partial *partial = user_data;

  if (partial->calls++ == 0)
    partial->first = g_array_copy (rowids);
}

/* A long list comes a first page at a time, in the order of the whole. */
static void
test_partial (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr (GString) csv = g_string_new ("code,name,category,approval_status,risk_level\r\n");
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store,
                                                                  ff_kind_lookup ("suppliers"));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) all = NULL;
  Partial partial = { NULL, 0 };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "S-%04u,Supplier %u,service,approved,low\r\n", i, i);
  import_ok (fixture, "suppliers", csv->str);
  query->descending = TRUE;
  all = ff_record_repository_query_rowids_partial (repo, query, partial_cb, &partial, NULL,
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3002);
  /* After 512 rows, then 2048: two partial deliveries before the end. */
  g_assert_cmpuint (partial.calls, ==, 2);
  g_assert_cmpuint (partial.first->len, ==, FF_RECORD_REPOSITORY_FIRST_ROWS);
  for (guint i = 0; i < partial.first->len; i++)
    g_assert_cmpint (g_array_index (partial.first, gint64, i), ==, g_array_index (all, gint64, i));
  g_array_unref (partial.first);
}

/* When a search names more referenced records than a query should list (here 250 suppliers),
 * they are matched by a subquery instead: the same answer. */
static void
test_many_matching_references (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr (GString) csv = g_string_new ("code,name,category,approval_status,risk_level\r\n");

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (csv, "MILL-%03u,Northern Mill %u,ingredient,approved,low\r\n", i, i);
  import_ok (fixture, "suppliers", csv->str);
  import_ok (fixture, "lots",
             "code,lot_type,status,quantity,unit,produced_or_received_on,supplier\r\n"
             "RM-240,ingredient,released,10,kg,2026-03-04,MILL-240\r\n");
  assert_found (fixture, "lots", "northern mill", "RM-240");
  assert_found (fixture, "lots", "Northern Mill 240", "RM-240");
  assert_found (fixture, "lots", "mill-24", "RM-240");
}

/* A SKU is found by its description too, not only its code. */
static void
test_reference_by_title (Fixture       *fixture,
                         gconstpointer  user_data)
{
  import_ok (fixture, "brands", "code,name\r\nBR-1,Levant Kitchen\r\n");
  import_ok (fixture, "skus",
             "code,gtin,description,brand,pack_size,pack_unit,case_pack,status\r\n"
             "SKU-1,4006381333931,Levant Kitchen Hummus Classic 200 g,BR-1,200,g,8,active\r\n");
  import_ok (fixture, "lots",
             "code,lot_type,status,quantity,unit,produced_or_received_on,sku\r\n"
             "FG-1,finished,released,100,case,2026-03-05,SKU-1\r\n");
  assert_found (fixture, "lots", "hummus classic", "FG-1");
  assert_found (fixture, "lots", "sku-1", "FG-1");
}

/* POS sales of four stores, three of them in Utrecht, two SKUs, 150 days: 1,200 rows whose
 * rowids follow neither store nor date (imported in a scattered order), six to a day. */
static void
import_pos_sales (Fixture *fixture)
{
  g_autoptr (GString) csv = g_string_new ("store,sku,sale_date,units,net_sales_minor,currency\r\n");
  const guint n = 4 * 2 * 150;

  import_ok (fixture, "banners", "code,name,country\r\nBN-1,FreshMart,NL\r\n");
  import_ok (fixture, "stores",
             "number,name,banner,format,city,country,status\r\n"
             "101,FreshMart Utrecht 1,BN-1,supermarket,Utrecht,NL,open\r\n"
             "102,FreshMart Utrecht 2,BN-1,supermarket,Utrecht,NL,open\r\n"
             "103,FreshMart Tilburg 1,BN-1,supermarket,Tilburg,NL,open\r\n"
             "104,FreshMart Utrecht 3,BN-1,supermarket,Utrecht,NL,open\r\n");
  import_ok (fixture, "brands", "code,name\r\nBR-1,Brand one\r\n");
  import_ok (fixture, "skus",
             "code,gtin,description,brand,pack_size,pack_unit,case_pack,status\r\n"
             "SKU-1,4006381333931,Chips 200 g,BR-1,200,g,12,active\r\n"
             "SKU-2,5901234123457,Chips 400 g,BR-1,400,g,6,active\r\n");
  for (guint i = 0; i < n; i++)
    {
      guint j = i * 7919 % n;  /* 7919 is prime: every row once, scattered */
      g_autoptr (GDateTime) day = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
      g_autoptr (GDateTime) sale = g_date_time_add_days (day, (int) (j / 8));
      g_autofree char *date = g_date_time_format (sale, "%Y-%m-%d");

      g_string_append_printf (csv, "%u,SKU-%u,%s,%u,%u,EUR\r\n", 101 + j % 4, 1 + j / 4 % 2, date,
                              j * 37 % 23, j * 37 % 23 * 189);
    }
  import_ok (fixture, "pos_sales", csv->str);
}

/* The rowids @sql selects, in its order. */
static GArray *
query_rowids_sql (FfStore    *store,
                  const char *sql)
{
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);
  return rowids;
}

static void
assert_same_rowids (GArray *got,
                    GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static int
count_limited_cb (unsigned  type,
                  void     *user_data,
                  void     *stmt,
                  void     *sql)
{
  /* The list's own query, not the look-up of the matching stores (LIMIT 201) */
  if (g_str_has_prefix (sql, "SELECT t.rowid ") && strstr (sql, " LIMIT ") != NULL)
    (*(guint *) user_data)++;
  return 0;
}

typedef struct
{
  GArray  *first;
  guint    calls;
  FfStore *writer;   /* when set, the first delivery is followed by a new first row */
} SnapshotPartial;

static void
snapshot_partial_cb (GArray   *rowids,
                     gpointer  user_data)
{
  SnapshotPartial *partial = user_data;

  if (partial->calls++ > 0)
    return;
  partial->first = g_array_copy (rowids);
  /* Another connection writes a sale that sorts before all others while the query goes on. */
  if (partial->writer != NULL)
    ff_test_exec (partial->writer,
                  "INSERT INTO pos_sales (id, store, sku, sale_date, units, _hlc, _device) "
                  "SELECT 'late-sale', store, sku, '2025-12-31', 1, 1, 'test' FROM pos_sales "
                  "WHERE rowid = (SELECT min(rowid) FROM pos_sales)");
}

/* A search through a reference (the stores of a city) returns the same rows in the same order
 * whichever way the query runs: in one statement, or (with the first rows delivered early) a
 * look for the first rows alone, then the rest. The first rows are the first of the whole, even
 * when another connection writes in between. */
static void
test_reference_search_paths (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const struct
  {
    const char *sort_field;
    gboolean    descending;
    const char *order;
    gboolean    first_rows_alone;  /* sorted, and an index gives each store's rows in order */
  } orders[] = {
    { NULL, FALSE, "p.sale_date, p.rowid", TRUE },
    { NULL, TRUE, "p.sale_date DESC, p.rowid DESC", TRUE },
    { "units", FALSE, "p.units, p.rowid", TRUE },
  };
  g_autoptr (FfRecordRepository) repo = NULL;
  sqlite3 *db = ff_store_get_handle (fixture->store);

  import_pos_sales (fixture);
  repo = ff_record_repository_new (fixture->store, ff_kind_lookup ("pos_sales"));
  for (guint k = 0; k < G_N_ELEMENTS (orders); k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT p.rowid FROM pos_sales AS p "
                                              "JOIN stores AS s ON s.id = p.store "
                                              "WHERE s.city = 'Utrecht' ORDER BY %s",
                                              orders[k].order);
      g_autoptr (GArray) expected = query_rowids_sql (fixture->store, sql);
      g_autoptr (FfRecordQuery) query = ff_record_query_new ();
      g_autoptr (GArray) whole = NULL;
      g_autoptr (GArray) delivered = NULL;
      g_autoptr (GError) error = NULL;
      SnapshotPartial partial = { NULL, 0, NULL };
      guint limited = 0;

      g_test_message ("order by %s", orders[k].order);
      g_assert_cmpuint (expected->len, ==, 900);
      query->search = g_strdup ("utrecht");
      query->sort_field = g_strdup (orders[k].sort_field);
      query->descending = orders[k].descending;

      sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_limited_cb, &limited);
      whole = ff_record_repository_query_rowids (repo, query, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (limited, ==, 0);
      delivered = ff_record_repository_query_rowids_partial (repo, query, snapshot_partial_cb,
                                                             &partial, NULL, &error);
      sqlite3_trace_v2 (db, 0, NULL, NULL);
      g_assert_no_error (error);
      g_assert_cmpuint (limited, ==, orders[k].first_rows_alone ? 1 : 0);

      assert_same_rowids (whole, expected);
      assert_same_rowids (delivered, expected);
      g_assert_cmpuint (partial.calls, ==, 1);
      g_assert_cmpuint (partial.first->len, ==, FF_RECORD_REPOSITORY_FIRST_ROWS);
      for (guint i = 0; i < partial.first->len; i++)
        g_assert_cmpint (g_array_index (partial.first, gint64, i), ==,
                         g_array_index (expected, gint64, i));
      g_array_unref (partial.first);
    }

  /* A write between the first rows and the rest: the list is the one the first rows began. */
  {
    g_autoptr (GArray) expected = query_rowids_sql (fixture->store,
                                                    "SELECT p.rowid FROM pos_sales AS p "
                                                    "JOIN stores AS s ON s.id = p.store "
                                                    "WHERE s.city = 'Utrecht' "
                                                    "ORDER BY p.sale_date, p.rowid");
    g_autoptr (FfStore) writer = ff_session_open_store (fixture->session, NULL);
    g_autoptr (FfRecordQuery) query = ff_record_query_new ();
    g_autoptr (GArray) delivered = NULL;
    g_autoptr (GArray) after = NULL;
    g_autoptr (GError) error = NULL;
    SnapshotPartial partial = { NULL, 0, writer };

    g_assert_nonnull (writer);
    query->search = g_strdup ("utrecht");
    delivered = ff_record_repository_query_rowids_partial (repo, query, snapshot_partial_cb,
                                                           &partial, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < partial.first->len; i++)
      g_assert_cmpint (g_array_index (partial.first, gint64, i), ==,
                       g_array_index (expected, gint64, i));
    assert_same_rowids (delivered, expected);
    g_array_unref (partial.first);
    /* The next search sees the new sale, first. */
    after = ff_record_repository_query_rowids (repo, query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, expected->len + 1);
    g_assert_cmpint (g_array_index (after, gint64, 0), ==,
                     ff_test_query_int (fixture->store,
                                        "SELECT rowid FROM pos_sales WHERE id = 'late-sale'"));
  }
}

typedef struct
{
  GString   *changes;
  GMainLoop *loop;
  gboolean   loading_seen;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  g_string_append_printf (changes->changes, "%s%u-%u+%u", changes->changes->len ? " " : "",
                          position, removed, added);
  changes->loading_seen = changes->loading_seen
                          || ff_record_list_model_get_loading (FF_RECORD_LIST_MODEL (model));
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Changes *changes = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (object), result,
                                                     &error));
  g_assert_no_error (error);
  g_main_loop_quit (changes->loop);
}

/* A list model shows the first rows while the rest are still being found: the items grow in
 * steps, in order, while it says it is loading. */
static void
test_list_model_first_rows (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GString) csv = g_string_new ("code,name,category,approval_status,risk_level\r\n");
  g_autoptr (FfRecordListModel) model = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Changes changes = { g_string_new (NULL), loop, FALSE };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "S-%04u,Supplier %u,service,approved,low\r\n", i, i);
  import_ok (fixture, "suppliers", csv->str);
  model = ff_record_list_model_new (fixture->session, ff_kind_lookup ("suppliers"));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  ff_record_list_model_reload_async (model, NULL, NULL, reload_done_cb, &changes);
  g_main_loop_run (loop);
  g_assert_cmpstr (changes.changes->str, ==, "0-0+512 512-0+1536 2048-0+954");
  g_assert_true (changes.loading_seen);
  g_assert_false (ff_record_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3002);
  g_string_free (changes.changes, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/any-case-any-script", test_any_case_any_script);
  ADD ("/search/search-table-follows-writes", test_search_table_follows_writes);
  ADD ("/search/cancelled", test_cancelled);
  ADD ("/search/partial", test_partial);
  ADD ("/search/many-matching-references", test_many_matching_references);
  ADD ("/search/reference-by-title", test_reference_by_title);
  ADD ("/search/list-model-first-rows", test_list_model_first_rows);
  ADD ("/search/reference-search-paths", test_reference_search_paths);
#undef ADD

  return g_test_run ();
}
