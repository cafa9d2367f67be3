/* bench-foodflow.c — FoodFlow's figures on a demo tenant: generating it, opening it to its
 * first list, filtering lists of a million rows, CSV export and import of 100,000 rows, and the
 * repository's insert against a plain SQL insert of the same rows. Prints, never asserts. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-bench"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ff-demo.h"
#include "ff-epcis.h"
#include "ff-fsma204.h"
#include "ff-kind-catalog.h"
#include "ff-lot-trace.h"
#include "ff-mock-recall.h"
#include "bench-postgres.h"
#include "ff-kind-csv.h"
#include "ff-record-list-model.h"
#include "ff-record-repository.h"
#include "ff-tenant-stats.h"
#include "ff-uuid.h"

#define SEED 1
#define CSV_ROWS 100000
#define PEER_ROWS 100000

static double
now (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static void
check (GError     *error,
       const char *what)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-foodflow: %s: %s\n", what, error->message);
      exit (1);
    }
}

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static double
rate (double n,
      double seconds)
{
  return seconds > 0 ? n / seconds : 0;
}

/* (a) Generating the demo ------------------------------------------------------------------ */

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* Where the bytes go: the database, its write-ahead log, and the sync outbox in it. */
static void
print_sizes (FfStore *store)
{
  g_autofree char *wal = g_strconcat (ff_store_get_path (store), "-wal", NULL);
  sqlite3_stmt *stmt = NULL;

  printf ("demo.size.database: %.1f MB\n", file_size (ff_store_get_path (store)) / 1e6);
  printf ("demo.size.wal: %.1f MB\n", file_size (wal) / 1e6);
  if (sqlite3_prepare_v2 (ff_store_get_handle (store),
                          "SELECT count(*), total (length (fields)) FROM sync_outbox", -1, &stmt,
                          NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    printf ("demo.size.outbox: %" G_GINT64_FORMAT " entries, %.1f MB of field JSON\n",
            (gint64) sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) / 1e6);
  sqlite3_finalize (stmt);
  stmt = NULL;
  /* The widest raw material lot of the genealogy (a salt or oil lot), and the widest of the
   * packaging lots. */
  if (sqlite3_prepare_v2 (ff_store_get_handle (store),
                          "SELECT substr (i.code, 1, 2), i.code, count(*), "
                          "sum (o.lot_type = 'finished') FROM lot_links l "
                          "JOIN lots i ON i.id = l.input_lot JOIN lots o ON o.id = l.output_lot "
                          "WHERE i.lot_type = 'ingredient' GROUP BY l.input_lot "
                          "ORDER BY 1 DESC, 3 DESC", -1, &stmt, NULL) == SQLITE_OK)
    {
      g_autofree char *last = NULL;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *prefix = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (prefix, last) == 0)
            continue;
          g_free (last);
          last = g_strdup (prefix);
          printf ("demo.genealogy.widest_%s_lot: %s feeds %d lots (%d of them finished)\n",
                  g_str_equal (prefix, "RM") ? "raw_material" : "packaging",
                  sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2),
                  sqlite3_column_int (stmt, 3));
        }
    }
  sqlite3_finalize (stmt);
}

static FfTenantInfo *
bench_generate (FfVault *vault,
                double   scale)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (JsonNode) stats = NULL;
  JsonObject *counts;
  const FfKind *const *kinds;
  guint n_kinds;
  FfActor actor;
  double t0, t1, t2, total = 0;

  printf ("\n# (a) Demo generation at scale %.2f (seed %d), in one transaction\n", scale, SEED);
  t0 = now ();
  info = ff_vault_create_tenant (vault, FF_DEMO_TENANT_NAME, FF_DEMO_USERNAME, FF_DEMO_PASSWORD,
                                 FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD, NULL, NULL, NULL, &error);
  check (error, "creating the tenant");
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  check (error, "unlocking the tenant");
  actor = ff_actor_from_session (session);
  t1 = now ();
  ff_demo_populate (ff_session_get_store (session), &actor, SEED, scale, NULL, &error);
  check (error, "generating the demo");
  t2 = now ();

  stats = ff_tenant_stats_collect (ff_session_get_store (session), &error);
  check (error, "counting records");
  counts = json_node_get_object (stats);
  kinds = ff_kinds_get_all (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    total += (double) json_object_get_int_member (counts, kinds[k]->name);
  printf ("demo.generate: %.0f records in %.1f s = %.0f rows/s "
          "(plus %.1f s to create and unlock the tenant)\n",
          total, t2 - t1, rate (total, t2 - t1), t1 - t0);
  for (guint k = 0; k < n_kinds; k++)
    printf ("demo.count.%s: %" G_GINT64_FORMAT "\n", kinds[k]->name,
            json_object_get_int_member (counts, kinds[k]->name));
  print_sizes (ff_session_get_store (session));
  ff_session_lock (session);
  fflush (stdout);
  return g_steal_pointer (&info);
}

/* (b) Opening the tenant to its first list --------------------------------------------------- */

static double
first_page (FfRecordListModel *model,
            guint              n)
{
  double t0 = now ();

  n = MIN (n, g_list_model_get_n_items (G_LIST_MODEL (model)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FfRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert (record != NULL);
    }
  return now () - t0;
}

static void
bench_open (const char         *dir,
            const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfRecordListModel) lines = NULL;
  g_autoptr (FfRecordListModel) pos = NULL;
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  double t0, t1, t2, t3, t4, t5, t6;

  printf ("\n# (b) Opening the demo tenant to its first list (the data path; the window adds "
          "rendering)\n");
  t0 = now ();
  vault = ff_vault_open (dir, &error);
  check (error, "opening the vault");
  t1 = now ();
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  check (error, "unlocking");
  t2 = now ();
  lines = ff_record_list_model_new (session, ff_kind_lookup ("lines"));
  ff_record_list_model_reload (lines, query, &error);
  check (error, "listing lines");
  t3 = now ();
  t4 = t3 + first_page (lines, 50);
  printf ("open.vault: %.3f s\n", t1 - t0);
  printf ("open.unlock: %.3f s (key derivation with Argon2id, opening, schema check)\n", t2 - t1);
  printf ("open.lines.reload: %.4f s (%u rows)\n", t3 - t2,
          g_list_model_get_n_items (G_LIST_MODEL (lines)));
  printf ("open.lines.first_page: %.4f s\n", t4 - t3);
  printf ("open.total_to_first_list: %.3f s\n", t4 - t0);

  /* The largest list, as when a person opens POS sales. */
  t5 = now ();
  pos = ff_record_list_model_new (session, ff_kind_lookup ("pos_sales"));
  ff_record_list_model_reload (pos, query, &error);
  check (error, "listing POS sales");
  t6 = now ();
  printf ("open.pos_sales.reload: %.3f s (%u rows, default sort by date)\n", t6 - t5,
          g_list_model_get_n_items (G_LIST_MODEL (pos)));
  printf ("open.pos_sales.first_page: %.4f s\n", first_page (pos, 50));
  ff_session_lock (session);
  fflush (stdout);
}

/* (c) Filtering lists of a million rows ------------------------------------------------------ */

static void
time_query (FfSession     *session,
            const FfKind  *kind,
            const char    *what,
            FfRecordQuery *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordListModel) model = ff_record_list_model_new (session, kind);
  double t0 = now (), t1, t2;

  ff_record_list_model_reload (model, query, &error);
  check (error, what);
  t1 = now ();
  t2 = t1 + first_page (model, 50);
  printf ("filter.%s.%s: %.3f s for %u rows (+ %.4f s for the first page)\n", kind->name, what,
          t1 - t0, g_list_model_get_n_items (G_LIST_MODEL (model)), t2 - t1);
}

static const char *
id_of (FfSession  *session,
       const char *kind,
       const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (ff_session_get_store (session),
                                                                  ff_kind_lookup (kind));
  g_autoptr (FfRecord) record = ff_record_repository_find_by_code (repo, code, &error);

  check (error, code);
  return g_intern_string (ff_record_get_id (record));
}

static void
bench_filter (FfVault            *vault,
              const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME,
                                                   FF_DEMO_PASSWORD, &error);
  const FfKind *pos = ff_kind_lookup ("pos_sales");
  const FfKind *readings = ff_kind_lookup ("sensor_readings");

  check (error, "unlocking");
  printf ("\n# (c) Filtering the largest lists (ff_record_list_model_reload)\n");
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    time_query (session, pos, "all", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->search = g_strdup ("Utrecht");
    time_query (session, pos, "search_store_city", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->filter_field = g_strdup ("sku");
    q->filter_value = g_strdup (id_of (session, "skus", "SKU-10010"));
    time_query (session, pos, "filter_sku", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->filter_field = g_strdup ("sku");
    q->filter_value = g_strdup (id_of (session, "skus", "SKU-10010"));
    q->facet_field = g_strdup ("on_promo");
    q->facet_value = g_strdup ("1");
    time_query (session, pos, "filter_sku_facet_on_promo", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->facet_field = g_strdup ("on_promo");
    q->facet_value = g_strdup ("1");
    q->sort_field = g_strdup ("units");
    q->descending = TRUE;
    time_query (session, pos, "facet_on_promo_by_units", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    time_query (session, readings, "all", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->search = g_strdup ("L1-TT-101");
    time_query (session, readings, "search_sensor", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->filter_field = g_strdup ("sensor");
    q->filter_value = g_strdup (id_of (session, "sensors", "L2-WT-201"));
    time_query (session, readings, "filter_sensor", q);
  }
  {
    g_autoptr (FfRecordQuery) q = ff_record_query_new ();
    q->filter_field = g_strdup ("sensor");
    q->filter_value = g_strdup (id_of (session, "sensors", "L2-WT-201"));
    q->sort_field = g_strdup ("value");
    time_query (session, readings, "filter_sensor_by_value", q);
  }
  ff_session_lock (session);
  fflush (stdout);
}

/* (c2) Search latency: what a person typing in the search box waits for ------------------- */

typedef struct
{
  FfRecordListModel *model;
  GMainLoop         *loop;
  double             start;
  double             first;   /* the first page on screen: rows there and read */
  double             done;
} SearchTiming;

static void
search_progress (SearchTiming *t)
{
  GListModel *list = G_LIST_MODEL (t->model);

  if (t->first == 0 && g_list_model_get_n_items (list) > 0)
    {
      g_autoptr (FfRecord) record = g_list_model_get_item (list, 0);
      if (!ff_record_list_model_is_placeholder (record))
        t->first = now ();
    }
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchTiming *t = user_data;
  g_autoptr (GError) error = NULL;

  ff_record_list_model_reload_finish (t->model, result, &error);
  check (error, "searching");
  t->done = now ();
  search_progress (t);
  if (t->first == 0)
    t->first = t->done;  /* nothing found: the empty list is the answer */
  g_main_loop_quit (t->loop);
}

/* Times a search as the app runs it: the query in a worker, the first rows handed over while it
 * goes on, the first page read with them. */
static void
time_search (FfSession    *session,
             const char   *kind_name,
             const char   *what,
             const char   *text)
{
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (FfRecordListModel) model = ff_record_list_model_new (session,
                                                                  ff_kind_lookup (kind_name));
  SearchTiming t = { model, loop, 0, 0, 0 };

  query->search = g_strdup (text);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (search_progress), &t);
  t.start = now ();
  ff_record_list_model_reload_async (model, query, NULL, search_done_cb, &t);
  g_main_loop_run (loop);
  printf ("search.%s.%s: first page on screen %.0f ms (goal 100 ms: %s), all %u rows %.0f ms "
          "(\"%s\")\n", kind_name, what, (t.first - t.start) * 1000,
          t.first - t.start <= 0.1 ? "met" : "missed",
          g_list_model_get_n_items (G_LIST_MODEL (model)), (t.done - t.start) * 1000, text);
}

/* The code of the first record of @kind in its default order. */
static char *
first_code (FfSession  *session,
            const char *kind_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordListModel) model = ff_record_list_model_new (session,
                                                                  ff_kind_lookup (kind_name));
  g_autoptr (FfRecord) record = NULL;

  ff_record_list_model_reload (model, NULL, &error);
  check (error, kind_name);
  record = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return g_strdup (ff_record_get_code (record));
}

static void
bench_search (FfVault            *vault,
              const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME,
                                                   FF_DEMO_PASSWORD, &error);
  g_autofree char *lot = NULL;

  check (error, "unlocking");
  lot = first_code (session, "lots");
  printf ("\n# (c2) Search latency of the big kinds, as typed in a list's search box\n");
  time_search (session, "pos_sales", "store_city", "Utrecht");
  time_search (session, "pos_sales", "store_name", "FreshMart Tilburg 1");
  time_search (session, "pos_sales", "sku_code", "SKU-10020");
  time_search (session, "pos_sales", "product_name", "Hummus Classic");
  time_search (session, "sensor_readings", "sensor_code", "L1-TT-101");
  time_search (session, "lots", "lot_code", lot);
  time_search (session, "lots", "supplier_name", "Agro");
  time_search (session, "lot_links", "lot_code", lot);
  time_search (session, "ccp_readings", "ccp_code", "HP-CHIPS-CCP1-L2");
  time_search (session, "ccp_readings", "observed_by", "jdevries");
  ff_session_lock (session);
  fflush (stdout);
}

/* (c3) Lot trace ------------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The median of 20 runs of a trace, and of the bare recursive query that only finds the lots. */
static void
time_trace (FfStore          *store,
            BenchPostgres    *pg,
            const char       *lot_type,
            FfTraceDirection  direction)
{
  static const char *const busiest[] = {
    [FF_TRACE_FORWARD] = "SELECT l.input_lot FROM lot_links l JOIN lots t ON t.id = l.input_lot "
                         "WHERE t.lot_type = ?1 GROUP BY l.input_lot ORDER BY count(*) DESC LIMIT 1",
    [FF_TRACE_BACKWARD] = "SELECT l.output_lot FROM lot_links l JOIN lots t ON t.id = l.output_lot "
                          "WHERE t.lot_type = ?1 GROUP BY l.output_lot ORDER BY count(*) DESC LIMIT 1",
  };
  static const char *const bare[] = {
    [FF_TRACE_FORWARD] = "WITH RECURSIVE r(id) AS (SELECT ?1 UNION SELECT l.output_lot FROM "
                         "lot_links l JOIN r ON l.input_lot = r.id) SELECT count(*) FROM r",
    [FF_TRACE_BACKWARD] = "WITH RECURSIVE r(id) AS (SELECT ?1 UNION SELECT l.input_lot FROM "
                          "lot_links l JOIN r ON l.output_lot = r.id) SELECT count(*) FROM r",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *lot_id = NULL;
  double ours[20], plain[20];
  sqlite3_stmt *stmt = ff_store_prepare (store, busiest[direction], &error);
  guint reached = 0, links = 0;

  check (error, "the busiest lot");
  sqlite3_bind_text (stmt, 1, lot_type, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    lot_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (lot_id == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      double t0 = now ();
      g_autoptr (FfTrace) trace = ff_lot_trace (store, lot_id, direction, &error);
      check (error, "tracing");
      ours[i] = now () - t0;
      reached = trace->lots->len - 1;
      links = trace->n_links;
      stmt = ff_store_prepare (store, bare[direction], &error);
      check (error, "the bare query");
      sqlite3_bind_text (stmt, 1, lot_id, -1, SQLITE_STATIC);
      t0 = now ();
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      plain[i] = now () - t0;
      sqlite3_reset (stmt);
    }
  qsort (ours, G_N_ELEMENTS (ours), sizeof (double), compare_doubles);
  qsort (plain, G_N_ELEMENTS (plain), sizeof (double), compare_doubles);
  printf ("| %s, busiest %s lot | %u lots, %u links | %.2f ms | %.2f ms | %.1f× |",
          direction == FF_TRACE_FORWARD ? "forward" : "backward", lot_type, reached, links,
          ours[10] * 1e3, plain[10] * 1e3, ours[10] / plain[10]);
#ifdef HAVE_LIBPQ
  if (pg != NULL)
    {
      guint pg_reached = 0;
      double peer = bench_postgres_trace (pg, lot_id, direction == FF_TRACE_FORWARD,
                                          G_N_ELEMENTS (ours), &pg_reached);

      /* The CTE counts the start lot too. */
      printf (" %.2f ms (%u lots) | %.2f× |", peer * 1e3, pg_reached - 1, ours[10] / peer);
    }
  else
#endif
    printf (" — | — |");
  printf ("\n");
}

/* A mock recall end to end (both traces, both mass balances, saved as an exercise) of the
 * busiest ingredient lot forward and the busiest finished lot backward: median of 5. */
static void
time_recall (FfSession *session)
{
  static const char *const busiest =
    "SELECT l.input_lot FROM lot_links l JOIN lots t ON t.id = l.input_lot WHERE t.lot_type = "
    "'ingredient' GROUP BY l.input_lot ORDER BY count(*) DESC LIMIT 1";
  static const char *const busiest_finished =
    "SELECT l.output_lot FROM lot_links l JOIN lots t ON t.id = l.output_lot WHERE t.lot_type = "
    "'finished' GROUP BY l.output_lot ORDER BY count(*) DESC LIMIT 1";
  FfStore *store = ff_session_get_store (session);
  FfActor actor = ff_actor_from_session (session);
  g_autoptr (GError) error = NULL;
  g_autofree char *forward = NULL, *backward = NULL;
  double runs[5];
  guint reached = 0;
  double pct = 0;

  for (guint k = 0; k < 2; k++)
    {
      sqlite3_stmt *stmt = ff_store_prepare (store, k == 0 ? busiest : busiest_finished, &error);

      check (error, "the busiest lots");
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *(k == 0 ? &forward : &backward) = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (forward == NULL || backward == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      double t0 = now ();
      g_autoptr (FfMockRecall) recall = ff_mock_recall_run (store, &actor, forward, backward,
                                                            "Benchmark", TRUE, &error);

      check (error, "the mock recall");
      runs[i] = now () - t0;
      reached = recall->lots_reached;
      pct = recall->accounted_pct;
    }
  qsort (runs, G_N_ELEMENTS (runs), sizeof (double), compare_doubles);
  printf ("\nmock_recall.busiest: %.1f ms end to end, saved (median of 5; goal well under 1 s), "
          "%u lots reached, %.1f %% accounted for\n", runs[2] * 1e3, reached, pct);
}

static void
bench_trace (FfVault            *vault,
             const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME,
                                                   FF_DEMO_PASSWORD, &error);

  BenchPostgres *pg = NULL;
  const char *peer_name = "PostgreSQL (not found)";

  check (error, "unlocking");
#ifdef HAVE_LIBPQ
  {
    /* The peer: the same genealogy in PostgreSQL, with an index on each lot column. */
    g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
    sqlite3_stmt *stmt = ff_store_prepare (ff_session_get_store (session),
                                           "SELECT input_lot, output_lot FROM lot_links "
                                           "WHERE _deleted = 0", &error);
    check (error, "reading the genealogy");
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (links, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (links, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
    sqlite3_reset (stmt);
    pg = bench_postgres_start (links);
    if (pg != NULL)
      peer_name = bench_postgres_version (pg);
  }
#endif
  printf ("\n# (c3) Lot trace with quantities and shipments (median of 20) beside the bare "
          "recursive query, in SQLite and in %s (its own execution time)\n",
          peer_name);
  printf ("| trace | reached | ours | bare CTE, SQLite | ratio | bare CTE, PostgreSQL | ratio |\n"
          "|---|---|---|---|---|---|---|\n");
  time_trace (ff_session_get_store (session), pg, "ingredient", FF_TRACE_FORWARD);
  time_trace (ff_session_get_store (session), pg, "finished", FF_TRACE_BACKWARD);
#ifdef HAVE_LIBPQ
  bench_postgres_stop (pg);
#endif
  time_recall (session);
  ff_session_lock (session);
  fflush (stdout);
}

/* (d) CSV export and import ------------------------------------------------------------------ */

static char *
export_kind (FfStore      *store,
             const FfKind *kind,
             guint64      *count,
             gsize        *length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  ff_kind_csv_export (store, kind, out, count, NULL, &error);
  check (error, kind->name);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  check (error, kind->name);
  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Cuts @csv after the header and @n records (CRLF outside quotes ends a record). */
static gsize
truncate_records (char  *csv,
                  guint  n)
{
  gboolean quoted = FALSE;
  guint seen = 0;

  for (char *p = csv; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n' && seen++ == n)
        {
          p[2] = '\0';
          return (gsize) (p + 2 - csv);
        }
    }
  return strlen (csv);
}

static void
import_kind (FfSession    *session,
             const FfKind *kind,
             const char   *csv,
             gsize         length,
             guint64      *count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_data (csv, (gssize) length, NULL);
  g_auto (FfKindCsvImport) report = { 0 };
  FfActor actor = ff_actor_from_session (session);

  ff_kind_csv_import (ff_session_get_store (session), &actor, kind, in, &report, NULL, &error);
  if (error && report.n_problems > 0)
    fprintf (stderr, "bench-foodflow: %s\n", (const char *) g_ptr_array_index (report.problems, 0));
  check (error, kind->name);
  *count = report.imported;
}

static FfSession *
empty_tenant (FfVault    *vault,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = ff_vault_create_tenant (vault, name, FF_DEMO_USERNAME,
                                                          FF_DEMO_PASSWORD,
                                                          FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD,
                                                          NULL, NULL, NULL, &error);
  FfSession *session;

  check (error, "creating a tenant");
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  check (error, "unlocking a tenant");
  return session;
}

/* The kinds POS sales refer to, copied so that their references resolve. */
static void
copy_masters (FfSession *from,
              FfSession *to)
{
  static const char *const masters[] = { "brands", "products", "skus", "banners", "stores", NULL };

  for (guint i = 0; masters[i]; i++)
    {
      const FfKind *kind = ff_kind_lookup (masters[i]);
      guint64 n = 0;
      gsize length = 0;
      g_autofree char *csv = export_kind (ff_session_get_store (from), kind, &n, &length);

      import_kind (to, kind, csv, length, &n);
    }
}

static void
bench_csv (FfVault            *vault,
           const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) demo = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME,
                                                FF_DEMO_PASSWORD, &error);
  g_autoptr (FfSession) target = NULL;
  const FfKind *pos = ff_kind_lookup ("pos_sales");
  g_autofree char *csv = NULL;
  guint64 exported = 0, imported = 0;
  gsize length = 0, cut;
  double t0, t1, t2, t3;

  check (error, "unlocking");
  printf ("\n# (d) CSV export of every POS sale, and import of the first %d into an empty tenant "
          "(ff_kind_csv_export / _import)\n", CSV_ROWS);
  t0 = now ();
  csv = export_kind (ff_session_get_store (demo), pos, &exported, &length);
  t1 = now ();
  printf ("csv.export: %" G_GUINT64_FORMAT " rows, %.1f MB in %.2f s = %.0f rows/s\n", exported,
          length / 1e6, t1 - t0, rate ((double) exported, t1 - t0));
  cut = truncate_records (csv, CSV_ROWS);

  target = empty_tenant (vault, "Bench Import Foods");
  copy_masters (demo, target);
  t2 = now ();
  import_kind (target, pos, csv, cut, &imported);
  t3 = now ();
  printf ("csv.import: %" G_GUINT64_FORMAT " rows, %.1f MB in %.2f s = %.0f rows/s "
          "(into an empty tenant, all or nothing)\n", imported, cut / 1e6, t3 - t2,
          rate ((double) imported, t3 - t2));
  ff_session_lock (target);
  ff_session_lock (demo);
  fflush (stdout);
}

/* (e) The repository's insert against a plain SQL insert of the same rows --------------------- */

static void
bench_insert_peer (FfVault            *vault,
                   const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) demo = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME,
                                                FF_DEMO_PASSWORD, &error);
  g_autoptr (FfSession) target = NULL;
  g_autoptr (FfRecordRepository) stores = NULL;
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (FfRecord) store = NULL;
  g_autoptr (FfRecord) sku = NULL;
  const FfKind *pos = ff_kind_lookup ("pos_sales");
  FfStore *db;
  FfActor actor;
  sqlite3_stmt *stmt = NULL;
  double t0, t1, t2, t3;

  check (error, "unlocking");
  target = empty_tenant (vault, "Bench Insert Foods");
  copy_masters (demo, target);
  ff_session_lock (demo);
  db = ff_session_get_store (target);
  actor = ff_actor_from_session (target);
  stores = ff_record_repository_new (db, ff_kind_lookup ("stores"));
  store = ff_record_repository_find_by_code (stores, "101", &error);
  check (error, "store 101");
  {
    g_autoptr (FfRecordRepository) skus = ff_record_repository_new (db, ff_kind_lookup ("skus"));
    sku = ff_record_repository_find_by_code (skus, "SKU-10010", &error);
    check (error, "SKU-10010");
  }

  printf ("\n# (e) Inserting %d POS sales in one transaction: the repository (validation, "
          "references, outbox) against a plain prepared INSERT\n", PEER_ROWS);
  repo = ff_record_repository_new (db, pos);
  t0 = now ();
  ff_store_begin (db, &error);
  check (error, "begin");
  for (guint i = 0; i < PEER_ROWS; i++)
    {
      g_autoptr (FfRecord) r = ff_record_new (pos);
      char date[16], units[16];

      g_snprintf (date, sizeof date, "%04u-%02u-%02u", 2000 + i / 336, 1 + i / 28 % 12, 1 + i % 28);
      g_snprintf (units, sizeof units, "%u", i % 17);
      ff_record_set (r, "store", ff_record_get_id (store));
      ff_record_set (r, "sku", ff_record_get_id (sku));
      ff_record_set (r, "sale_date", date);
      ff_record_set (r, "units", units);
      ff_record_set (r, "net_sales_minor", units);
      ff_record_set (r, "currency", "EUR");
      ff_record_set (r, "on_promo", "0");
      ff_record_set (r, "on_hand_units", units);
      ff_record_repository_insert (repo, &actor, r, NULL, &error);
      check (error, "repository insert");
    }
  ff_store_commit (db, &error);
  check (error, "commit");
  t1 = now ();

  t2 = now ();
  ff_store_begin (db, &error);
  check (error, "begin");
  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (db),
                                       "INSERT INTO pos_sales (id, _hlc, _device, store, sku, "
                                       "sale_date, units, net_sales_minor, currency, on_promo, "
                                       "on_hand_units) VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, 'EUR', 0, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < PEER_ROWS; i++)
    {
      g_autofree char *id = ff_uuid_v7_new ();
      char date[16];

      /* Other days than the repository's rows: a POS row is one store, SKU and day. */
      g_snprintf (date, sizeof date, "%04u-%02u-%02u", 2400 + i / 336, 1 + i / 28 % 12, 1 + i % 28);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) ff_store_tick (db));
      sqlite3_bind_text (stmt, 3, ff_record_get_id (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, ff_record_get_id (sku), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 6, i % 17);
      sqlite3_bind_int64 (stmt, 7, i % 17);
      sqlite3_bind_double (stmt, 8, i % 17);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fprintf (stderr, "bench-foodflow: plain insert: %s\n",
                   sqlite3_errmsg (ff_store_get_handle (db)));
          exit (1);
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  ff_store_commit (db, &error);
  check (error, "commit");
  t3 = now ();

  printf ("insert.repository: %.2f s = %.0f rows/s\n", t1 - t0, rate (PEER_ROWS, t1 - t0));
  printf ("insert.plain_sql: %.2f s = %.0f rows/s\n", t3 - t2, rate (PEER_ROWS, t3 - t2));
  printf ("insert.ratio: the repository takes %.1f times as long as the plain insert\n",
          (t1 - t0) / MAX (t3 - t2, 1e-9));
  ff_session_lock (target);
  fflush (stdout);
}

static gboolean
section_wanted (const char *name)
{
  const char *only = g_getenv ("FOODFLOW_BENCH_ONLY");
  g_auto (GStrv) names = only && *only ? g_strsplit (only, ",", -1) : NULL;

  return names == NULL || g_strv_contains ((const char *const *) names, name);
}

/* (f) The FSMA 204 sortable spreadsheet of the last 180 days, beside the bare queries that read
 * the same events ------------------------------------------------------------------------ */

static void
bench_fsma204 (FfVault            *vault,
               const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfFsma204) export = NULL;
  g_autofree char *to = NULL, *from = NULL, *tmp = NULL, *book = NULL, *csv = NULL;
  g_autoptr (GDateTime) last = NULL, first = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  FfFsmaFilter filter = { 0 };
  sqlite3_stmt *stmt;
  double t0, t1, t2, t3, t4, t5;
  gint64 bare = 0;
  int y, m, d;

  if (!section_wanted ("fsma204"))
    return;
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  check (error, "unlocking");
  stmt = ff_store_prepare (ff_session_get_store (session),
                           "SELECT max (ship_date) FROM shipments WHERE _deleted = 0", &error);
  check (error, "the last ship date");
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    to = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (to == NULL || sscanf (to, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return;
  last = g_date_time_new (utc, y, m, d, 0, 0, 0);
  first = g_date_time_add_days (last, -179);
  from = g_date_time_format (first, "%Y-%m-%d");
  filter.from = from;
  filter.to = to;

  t0 = now ();
  export = ff_fsma204_collect (ff_session_get_store (session), &filter, NULL, &error);
  check (error, "collecting the FSMA 204 rows");
  t1 = now ();
  tmp = g_dir_make_tmp ("ff-bench-fsma204-XXXXXX", &error);
  check (error, "a temporary directory");
  book = g_build_filename (tmp, "fsma204.xlsx", NULL);
  csv = g_build_filename (tmp, "csv", NULL);
  t2 = now ();
  ff_fsma204_write_xlsx (export, book, &error);
  check (error, "writing the workbook");
  t3 = now ();
  ff_fsma204_write_csv_dir (export, csv, &error);
  check (error, "writing the CSV files");
  t4 = now ();
  {
    /* The columns the spreadsheet reads of each event, stepped through and nothing more. */
    static const char *const sql[] = {
      "SELECT id, code, lot, quantity, unit, received_on, receiving_location, receiving_gln, "
      "previous_source, previous_source_gln, reference_doc_type, reference_doc_number "
      "FROM receipts WHERE received_on >= ?1 AND received_on <= ?2 AND _deleted = 0",
      "SELECT id, code, event_code, input_lot, output_lot, quantity, unit, transformed_at, "
      "location, location_gln, reference_doc_type, reference_doc_number FROM lot_links "
      "WHERE transformed_at >= ?1 AND transformed_at < ?2 || 'Z' AND _deleted = 0",
      "SELECT id, code, lot, quantity, unit, ship_date, ship_from, ship_from_gln, ship_to, "
      "ship_to_gln, reference_doc_type, reference_doc_number FROM shipments "
      "WHERE ship_date >= ?1 AND ship_date <= ?2 AND _deleted = 0",
    };
    for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
      {
        stmt = ff_store_prepare (ff_session_get_store (session), sql[i], &error);
        check (error, "the bare query");
        sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          bare++;
        sqlite3_reset (stmt);
      }
  }
  t5 = now ();

  printf ("\n# (f) FSMA 204 sortable spreadsheet, %s to %s (180 days)\n", from, to);
  printf ("| step | figure |\n|---|---|\n");
  printf ("| rows: receiving / transformation (events) / shipping / initial packing | "
          "%u / %u (%u) / %u / %u |\n", export->n_rows[FF_FSMA_RECEIVING],
          export->n_rows[FF_FSMA_TRANSFORMATION], export->n_events[FF_FSMA_TRANSFORMATION],
          export->n_rows[FF_FSMA_SHIPPING], export->n_rows[FF_FSMA_INITIAL_PACKING]);
  printf ("| KDE gaps | %u |\n", export->gaps->len);
  printf ("| collecting the rows | %.2f s |\n", t1 - t0);
  printf ("| writing the workbook | %.2f s (%.1f MB) |\n", t3 - t2, file_size (book) / 1e6);
  printf ("| writing the CSV files | %.2f s |\n", t4 - t3);
  printf ("| bare queries stepping the same %" G_GINT64_FORMAT " event rows | %.3f s "
          "(collecting: %.1f×) |\n",
          bare, t5 - t4, (t1 - t0) / MAX (t5 - t4, 1e-9));
  rm_rf (tmp);
  ff_session_lock (session);
  fflush (stdout);
}

/* (g) The whole tenant as a GS1 EPCIS 2.0 JSON-LD document ------------------------------------ */

static void
bench_epcis (FfVault            *vault,
             const FfTenantInfo *info)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;
  g_autofree char *tmp = NULL, *path = NULL;
  FfEpcisOptions options = { info->id, NULL, NULL, NULL };
  double t0, t1;

  if (!section_wanted ("epcis"))
    return;
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  check (error, "unlocking");
  tmp = g_dir_make_tmp ("ff-bench-epcis-XXXXXX", &error);
  check (error, "a temporary directory");
  path = g_build_filename (tmp, "export.jsonld", NULL);
  t0 = now ();
  summary = ff_epcis_export_to_file (ff_session_get_store (session), &options, path, NULL, &error);
  check (error, "the EPCIS export");
  t1 = now ();
  printf ("\n# (g) EPCIS 2.0 JSON-LD export of the whole tenant\n");
  printf ("| events: commissioning / receiving / transformation / shipping | gaps | time | "
          "events/s | size |\n|---|---|---|---|---|\n");
  printf ("| %u: %u / %u / %u / %u | %u | %.2f s | %.0f | %.1f MB |\n", summary->n_events,
          summary->n_commissioning, summary->n_receiving, summary->n_transformation,
          summary->n_shipping, summary->gaps->len, t1 - t0, rate (summary->n_events, t1 - t0),
          file_size (path) / 1e6);
  rm_rf (tmp);
  ff_session_lock (session);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  const char *kept;
  const char *scale_s = g_getenv ("FOODFLOW_BENCH_SCALE");
  double scale = scale_s ? g_ascii_strtod (scale_s, NULL) : 1.0;
  double t0 = now ();

  if (!(scale > 0 && scale <= 100))
    {
      fprintf (stderr, "bench-foodflow: FOODFLOW_BENCH_SCALE must be a number above 0\n");
      return 1;
    }
  /* FOODFLOW_BENCH_DATA_DIR: the demo tenant of an earlier run (or of `foodflow-cli demo`),
   * kept; FOODFLOW_BENCH_ONLY: a comma-separated list of the sections to run (search,trace). */
  kept = g_getenv ("FOODFLOW_BENCH_DATA_DIR");
  dir = kept ? g_strdup (kept) : g_dir_make_tmp ("ff-bench-XXXXXX", &error);
  check (error, "making a temporary directory");
  vault = ff_vault_open (dir, &error);
  check (error, "opening the vault");

  printf ("# FoodFlow benchmarks: figures only, nothing is asserted (data in %s)\n", dir);
  if (kept)
    {
      g_autoptr (GPtrArray) tenants = ff_vault_list_tenants (vault, &error);

      check (error, "listing the tenants");
      if (tenants->len == 0)
        {
          fprintf (stderr, "bench-foodflow: %s holds no tenant\n", dir);
          return 1;
        }
      info = ff_tenant_info_copy (tenants->pdata[0]);
    }
  else
    info = bench_generate (vault, scale);
  if (section_wanted ("open"))
    bench_open (dir, info);
  if (section_wanted ("filter"))
    bench_filter (vault, info);
  if (section_wanted ("search"))
    bench_search (vault, info);
  if (section_wanted ("trace"))
    bench_trace (vault, info);
  if (section_wanted ("csv"))
    bench_csv (vault, info);
  if (section_wanted ("insert"))
    bench_insert_peer (vault, info);
  bench_fsma204 (vault, info);
  bench_epcis (vault, info);
  printf ("\n# all benchmarks: %.1f s\n", now () - t0);

  g_clear_object (&vault);
  if (!kept)
    rm_rf (dir);
  return 0;
}
