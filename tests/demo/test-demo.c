/* test-demo.c — the demo generator is deterministic, fills every kind consistently (genealogy,
 * phantom stock, CCP failures with deviations, sensor excursions with downtime...), runs in one
 * transaction, and exports as CSV. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-clock.h"
#include "ff-demo.h"
#include "ff-lot-release.h"
#include "ff-lot-trace.h"
#include "ff-mass-balance.h"
#include "ff-mock-recall.h"
#include "ff-tool-registry.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-kind-csv.h"
#include "ff-record-repository.h"
#include "ff-signatures.h"
#include "ff-tenant-stats.h"
#include "ff-test-util.h"

#define SEED 7
/* Small, so that each demo takes a second or two (a few under AddressSanitizer). */
#define SCALE 0.01

typedef struct
{
  char      *dir;
  char      *day;      /* the local date before it was made */
  FfVault   *vault;
  FfSession *session;
} Demo;

static char *
local_date (void)
{
  g_autoptr (GDateTime) now = ff_clock_now_local ();

  return ff_clock_format_date (now);
}

static Demo *
demo_new (const char *name,
          guint32     seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  Demo *demo = g_new0 (Demo, 1);

  demo->day = local_date ();
  demo->dir = g_dir_make_tmp ("ff-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo->vault = ff_vault_open (demo->dir, &error);
  g_assert_no_error (error);
  info = ff_demo_create (demo->vault, name, seed, SCALE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->name, ==, name ? name : FF_DEMO_TENANT_NAME);
  demo->session = ff_vault_unlock (demo->vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo->session);
  return demo;
}

static void
demo_free (Demo *demo)
{
  g_clear_object (&demo->session);
  g_clear_object (&demo->vault);
  ff_test_rm_rf (demo->dir);
  g_free (demo->dir);
  g_free (demo->day);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* The demo of SEED most tests read, made once: each demo takes a few seconds. */
static Demo *shared_demo;

static Demo *
shared (void)
{
  if (shared_demo == NULL)
    shared_demo = demo_new (NULL, SEED);
  return shared_demo;
}

static FfStore *
demo_store (Demo *demo)
{
  return ff_session_get_store (demo->session);
}

static char *
stats_json (Demo *demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) stats = ff_tenant_stats_collect (demo_store (demo), &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (stats));
  return json_to_string (stats, FALSE);
}

static char *
export_csv (Demo         *demo,
            const FfKind *kind,
            guint64      *out_count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (ff_kind_csv_export (demo_store (demo), kind, out, out_count, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Records (CRLF-terminated) in @csv; a CRLF inside a quoted field does not end a record. */
static guint
count_records (const char *csv)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (const char *p = csv; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        n++;
    }
  g_assert_false (quoted);
  return n;
}

static void
test_deterministic (void)
{
  Demo *a = shared ();
  g_autoptr (Demo) b = demo_new (NULL, SEED);
  g_autofree char *day_after = local_date ();
  g_autofree char *stats_a = stats_json (a);
  g_autofree char *stats_b = stats_json (b);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  g_test_message ("stats: %s", stats_a);
  /* Demo dates count from the day they are made. */
  if (g_strcmp0 (a->day, day_after) != 0)
    {
      g_test_skip ("the demos straddled midnight; their records cannot be compared");
      return;
    }
  g_assert_cmpstr (stats_a, ==, stats_b);

  g_assert_true (json_parser_load_from_data (parser, stats_a, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *csv_a = NULL;
      g_autofree char *csv_b = NULL;
      guint64 count_a = 0, count_b = 0;

      g_assert_true (json_object_has_member (object, kinds[k]->name));
      /* Every kind has records, at any scale. */
      g_assert_cmpint (json_object_get_int_member (object, kinds[k]->name), >=, 1);

      /* The same records, field by field (ids and clocks are not exported). */
      csv_a = export_csv (a, kinds[k], &count_a);
      csv_b = export_csv (b, kinds[k], &count_b);
      g_assert_cmpuint (count_a, ==, (guint64) json_object_get_int_member (object, kinds[k]->name));
      g_assert_cmpuint (count_a, ==, count_b);
      /* A signature's hash covers the signed record's ids (random) too: compared as present. */
      if (ff_kind_get_field (kinds[k], "content_hash") != NULL)
        {
          g_autoptr (GRegex) hash = g_regex_new ("[0-9a-f]{64}", 0, 0, NULL);
          g_autofree char *masked_a = g_regex_replace_literal (hash, csv_a, -1, 0, "HASH", 0,
                                                               NULL);
          g_autofree char *masked_b = g_regex_replace_literal (hash, csv_b, -1, 0, "HASH", 0,
                                                               NULL);
          g_assert_cmpstr (masked_a, ==, masked_b);
        }
      /* A mock recall took as long as it took: the same exercise, timed anew (its duration,
       * and the result that holds it, are compared as present). */
      else if (kinds[k] == ff_kind_lookup ("recall_exercises"))
        {
          g_autoptr (GRegex) timing = g_regex_new (",[0-9.]+,([0-9]+,[0-9]+,)", 0, 0, NULL);
          g_autoptr (GRegex) result = g_regex_new (",eyJ[A-Za-z0-9+/=]+", 0, 0, NULL);
          g_autofree char *timed_a = g_regex_replace (timing, csv_a, -1, 0, ",MS,\\1", 0, NULL);
          g_autofree char *timed_b = g_regex_replace (timing, csv_b, -1, 0, ",MS,\\1", 0, NULL);
          g_autofree char *masked_a = g_regex_replace_literal (result, timed_a, -1, 0, ",RESULT",
                                                               0, NULL);
          g_autofree char *masked_b = g_regex_replace_literal (result, timed_b, -1, 0, ",RESULT",
                                                               0, NULL);

          g_assert_cmpuint (count_a, >=, 1);
          g_assert_nonnull (strstr (masked_a, ",MS,"));
          g_assert_nonnull (strstr (masked_a, ",RESULT"));
          g_assert_cmpstr (masked_a, ==, masked_b);
        }
      else
        g_assert_cmpstr (csv_a, ==, csv_b);
    }
}

static void
test_seed_matters (void)
{
  Demo *a = shared ();
  g_autoptr (Demo) b = demo_new ("Seed Eight", SEED + 1);
  g_autofree char *csv_a = NULL;
  g_autofree char *csv_b = NULL;
  const FfKind *suppliers = ff_kind_lookup ("suppliers");

  csv_a = export_csv (a, suppliers, NULL);
  csv_b = export_csv (b, suppliers, NULL);
  g_assert_cmpstr (csv_a, !=, csv_b);
}

static void
test_csv_export (void)
{
  Demo *demo = shared ();
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      const FfKind *kind = kinds[k];
      g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo_store (demo), kind);
      g_autoptr (GString) header = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *csv = NULL;
      guint64 count = 0;
      gint64 live;

      g_test_message ("kind %s", kind->name);
      /* Every field is a column, binary content (photos, attachments) as base64. */
      for (const FfField *f = kind->fields; f->name != NULL; f++)
        g_string_append_printf (header, "%s%s", header->len ? "," : "", f->name);
      g_string_append (header, "\r\n");

      csv = export_csv (demo, kind, &count);
      live = ff_record_repository_count (repo, &error);
      g_assert_no_error (error);
      g_assert_cmpint (live, >=, 1);
      g_assert_cmpuint (count, ==, (guint64) live);
      g_assert_true (g_str_has_prefix (csv, header->str));
      g_assert_true (g_str_has_suffix (csv, "\r\n"));
      g_assert_cmpuint (count_records (csv), ==, count + 1);
      /* The export promises UTF-8. */
      {
        const char *bad = NULL;

        if (!g_utf8_validate (csv, -1, &bad))
          {
            const char *line = bad;
            const char *end = strstr (bad, "\r\n");
            g_autofree char *text = NULL;
            g_autofree char *shown = NULL;

            while (line > csv && line[-1] != '\n')
              line--;
            text = g_strndup (line, end ? (gsize) (end - line) : strlen (line));
            shown = g_strescape (text, NULL);
            g_test_fail_printf ("%s: invalid UTF-8 at byte %" G_GSIZE_FORMAT " of the export, "
                                "in the record %s", kind->name, (gsize) (bad - csv), shown);
          }
      }
    }
}

/* Consistency -------------------------------------------------------------------------------- */

static gint64
query_int (Demo       *demo,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (demo_store (demo)), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The genealogy is whole: inputs and outputs resolve, an ingredient lot such as a salt or oil
 * lot feeds many transformations, and finished lots are shipped to DCs and stores. */
static void
check_genealogy (Demo *demo)
{
  gint64 links = query_int (demo, "SELECT count(*) FROM lot_links");
  gint64 fan_out;

  g_assert_cmpint (links, >, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lot_links l "
                                    "LEFT JOIN lots i ON i.id = l.input_lot "
                                    "LEFT JOIN lots o ON o.id = l.output_lot "
                                    "WHERE i.id IS NULL OR o.id IS NULL"), ==, 0);
  /* Three levels: ingredient -> WIP -> finished. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lot_links l "
                                    "JOIN lots i ON i.id = l.input_lot "
                                    "JOIN lots o ON o.id = l.output_lot "
                                    "WHERE i.lot_type = 'ingredient' AND o.lot_type = 'wip'"), >, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lot_links l "
                                    "JOIN lots i ON i.id = l.input_lot "
                                    "JOIN lots o ON o.id = l.output_lot "
                                    "WHERE i.lot_type = 'wip' AND o.lot_type = 'finished'"), >, 0);
  fan_out = query_int (demo, "SELECT max(n) FROM (SELECT count(*) AS n FROM lot_links l "
                             "JOIN lots i ON i.id = l.input_lot "
                             "WHERE i.lot_type = 'ingredient' GROUP BY l.input_lot)");
  g_test_message ("largest ingredient fan-out: %" G_GINT64_FORMAT " links", fan_out);
  g_assert_cmpint (fan_out, >=, 20);
  /* A link's unit is its input lot's. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lot_links l JOIN lots i ON "
                                    "i.id = l.input_lot WHERE l.unit <> i.unit"), ==, 0);

  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM shipments s JOIN lots l ON "
                                    "l.id = s.lot WHERE l.lot_type = 'finished'"), >, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM shipments s JOIN lots l ON "
                                    "l.id = s.lot WHERE l.lot_type <> 'finished'"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM shipments WHERE ship_to_type = 'dc'"), >, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM shipments WHERE ship_to_type = 'store'"), >, 0);
  /* Never more shipped than made, and nothing on hold shipped. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lots l WHERE l.quantity + 0.5 < "
                                    "(SELECT total (s.quantity) FROM shipments s WHERE s.lot = l.id)"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM shipments s JOIN lots l ON "
                                    "l.id = s.lot WHERE l.status IN ('hold', 'rejected')"), ==, 0);
  /* Every ingredient lot was received. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM lots l WHERE l.lot_type = 'ingredient' "
                                    "AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.lot = l.id)"), ==, 0);
}

/* At least one run of three or more days without sales while the store's book says there is
 * stock: phantom stock for the OSA detector. */
static void
check_phantom_stock (Demo *demo)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GDate) previous = g_date_new ();
  guint run = 0, longest = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (demo_store (demo)),
                                       "SELECT store || '/' || sku, sale_date, units, on_hand_units "
                                       "FROM pos_sales ORDER BY store, sku, sale_date",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *k = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr (GDate) date = g_date_new ();
      gboolean zero = sqlite3_column_double (stmt, 2) == 0 && sqlite3_column_double (stmt, 3) > 0;

      g_date_set_parse (date, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_true (g_date_valid (date));
      if (g_strcmp0 (k, key) != 0 || !g_date_valid (previous)
          || g_date_days_between (previous, date) != 1)
        run = 0;
      run = zero ? run + 1 : 0;
      longest = MAX (longest, run);
      g_free (key);
      key = g_strdup (k);
      *previous = *date;
    }
  sqlite3_finalize (stmt);
  g_test_message ("longest phantom run: %u days", longest);
  g_assert_cmpuint (longest, >=, 3);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM osa_alerts"), >, 0);
}

static void
check_fsq (Demo *demo)
{
  /* Certificates: some expire within 60 days, one has expired. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM supplier_certificates WHERE "
                                    "expires_on >= date ('now', 'localtime') AND "
                                    "expires_on <= date ('now', 'localtime', '+60 days')"), >=, 1);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM supplier_certificates WHERE "
                                    "expires_on < date ('now', 'localtime')"), >=, 1);

  /* CCP readings outside their limits, each with a deviation on its CCP raised within the
   * hour. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM ccp_readings r JOIN ccps c ON c.id = r.ccp "
                                    "WHERE r.value < c.limit_min OR r.value > c.limit_max"), >=, 1);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM ccp_readings r JOIN ccps c ON c.id = r.ccp "
                                    "WHERE (r.value < c.limit_min OR r.value > c.limit_max) "
                                    "AND NOT EXISTS (SELECT 1 FROM deviations d WHERE d.ccp = c.id "
                                    "AND d.raised_at >= r.observed_at AND d.raised_at <= "
                                    "strftime ('%Y-%m-%dT%H:%M:%SZ', r.observed_at, '+1 hour'))"), ==, 0);
  /* CAPAs: some open, some closed with root cause and actions. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM capas WHERE status <> 'closed'"), >=, 1);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM capas WHERE status = 'closed' AND "
                                    "root_cause IS NOT NULL AND corrective_action IS NOT NULL AND "
                                    "preventive_action IS NOT NULL"), >=, 1);
  /* Failed audit items became CAPAs. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM audit_responses WHERE is_failure = 1"), >=, 1);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM capas WHERE source = 'audit' AND audit "
                                    "IS NOT NULL"), >=, 1);
  /* Every response type is in the templates, and photos and signatures are PNG images. */
  g_assert_cmpint (query_int (demo, "SELECT count(DISTINCT response_type) FROM audit_template_items"), ==, 7);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM audit_photos WHERE "
                                    "hex (substr (image, 1, 8)) <> '89504E470D0A1A0A'"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM signatures WHERE audit IS NOT NULL "
                                    "AND hex (substr (signature_image, 1, 8)) <> '89504E470D0A1A0A'"), ==, 0);
  /* Staff sign as members of the tenant, a supplier's quality manager as external; each
   * signature still covers the audit as it was signed. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM signatures s WHERE s.external = 0 AND "
                                    "NOT EXISTS (SELECT 1 FROM users u WHERE u.username = s.signer)"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM signatures WHERE external = 1 "
                                    "AND signer IS NULL"), >=, 1);
  {
    g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo_store (demo),
                                                                    ff_kind_lookup ("signatures"));
    g_autoptr (GArray) rows = ff_record_repository_query_rowids (repo, NULL, NULL, NULL);
    g_autoptr (GPtrArray) all = ff_record_repository_load_rowids (repo, (gint64 *) rows->data,
                                                                  rows->len, NULL);

    g_assert_cmpuint (all->len, >=, 3);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpint (ff_signature_check (demo_store (demo), g_ptr_array_index (all, i), NULL),
                       ==, FF_SIGNATURE_COVERS);
  }
}

/* A key sensor leaving its limits while a batch runs: a downtime event on the same line within
 * the hour, and that batch scraps more than the line usually does. */
static void
check_excursions (Demo *demo)
{
  g_assert_cmpint (query_int (demo,
                              "SELECT count(*) FROM sensor_readings r JOIN sensors s ON s.id = r.sensor "
                              "WHERE (r.value < s.lower_spec_limit OR r.value > s.upper_spec_limit) "
                              "AND EXISTS (SELECT 1 FROM downtime_events d WHERE d.line = s.line "
                              "AND d.started_at >= strftime ('%Y-%m-%dT%H:%M:%SZ', r.observed_at, '-1 hour') "
                              "AND d.started_at <= strftime ('%Y-%m-%dT%H:%M:%SZ', r.observed_at, '+1 hour'))"),
                   >=, 1);
  g_assert_cmpint (query_int (demo,
                              "SELECT count(*) FROM downtime_events d JOIN batches b ON b.id = d.batch "
                              "WHERE d.reason_code IN ('FRYER-BURNER', 'STEAM-SUPPLY', 'WEIGHER-HOPPER') "
                              "AND b.scrap_kg / b.produced_quantity > (SELECT avg (o.scrap_kg / "
                              "o.produced_quantity) FROM batches o WHERE o.line = b.line)"), >=, 1);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static void
check_documents (Demo *demo)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (demo_store (demo)),
                                       "SELECT code, body FROM documents", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *body = (const char *) sqlite3_column_text (stmt, 1);
      guint words = body ? count_words (body) : 0;

      g_test_message ("%s: %u words", sqlite3_column_text (stmt, 0), words);
      g_assert_cmpuint (words, >=, 300);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpint (query_int (demo, "SELECT count(DISTINCT doc_type) FROM documents"), >=, 5);
}

/* A held finished lot whose release an open critical deviation upstream blocks, and the
 * tenant's users behind every "who" of the FSQ records. */
static void
check_release_scenario (Demo *demo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;
  g_autoptr (GPtrArray) blockers = NULL;

  held = ff_test_query_text (demo_store (demo),
                             "SELECT o.id FROM deviations d JOIN lot_links k ON k.input_lot = d.lot "
                             "JOIN lots o ON o.id = k.output_lot WHERE d.severity = 'critical' "
                             "AND d.status IN ('open', 'investigating') "
                             "AND o.status IN ('hold', 'quarantine') LIMIT 1");
  g_assert_nonnull (held);
  blockers = ff_lot_release_blockers (demo_store (demo), held, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blockers->len, >=, 1);
  g_assert_true (((FfReleaseBlocker *) blockers->pdata[0])->on_input);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM ccp_readings WHERE observed_by NOT IN "
                                    "(SELECT username FROM users)"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM deviations WHERE raised_by NOT IN "
                                    "(SELECT username FROM users)"), ==, 0);
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM audits WHERE auditor NOT IN "
                                    "(SELECT username FROM users)"), ==, 0);
}

/* The FSQ tools on the demo give their engines' results; the busiest ingredient lot reaches
 * finished lots and their customers, and never passes on more than it holds. */
static void
check_tools (Demo *demo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *busiest_id = ff_test_query_text (demo_store (demo),
    "SELECT input_lot FROM lot_links l JOIN lots t ON t.id = l.input_lot "
    "WHERE t.lot_type = 'ingredient' GROUP BY input_lot ORDER BY count(*) DESC, input_lot LIMIT 1");
  g_autofree char *busiest = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *params = NULL;
  g_autoptr (FfTrace) engine = NULL;
  g_autoptr (JsonNode) expected = NULL, args = NULL, ran = NULL;
  double passed_on = 0;

  g_assert_nonnull (busiest_id);
  sql = g_strdup_printf ("SELECT code FROM lots WHERE id = '%s'", busiest_id);
  busiest = ff_test_query_text (demo_store (demo), sql);
  engine = ff_lot_trace (demo_store (demo), busiest_id, FF_TRACE_FORWARD, &error);
  g_assert_no_error (error);
  g_test_message ("%s reaches %u lots over %u links, %u shipments, %u customers", busiest,
                  engine->lots->len - 1, engine->n_links, engine->movements->len,
                  engine->customers->len);
  g_assert_cmpuint (engine->lots->len, >, 2);
  g_assert_cmpuint (engine->customers->len, >=, 1);
  g_assert_cmpuint (engine->cycles->len, ==, 0);
  for (guint i = 0; i < engine->lots->len; i++)
    if (((FfTraceLot *) engine->lots->pdata[i])->depth == 1)
      passed_on += ((FfTraceLot *) engine->lots->pdata[i])->carried;
  g_assert_cmpfloat (passed_on, <=, ((FfTraceLot *) engine->lots->pdata[0])->quantity + 1e-6);

  expected = ff_trace_to_json (engine);
  params = g_strdup_printf ("{\"lot\": \"%s\"}", busiest);
  args = json_from_string (params, NULL);
  ran = ff_tool_run (ff_tool_lookup ("trace_lot_forward"), demo->session, demo_store (demo), args,
                     &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (ran), "result"),
                                  expected));

  /* trace_lot_backward gives the engine's backward trace of the busiest finished lot. */
  {
    g_autofree char *finished_id = ff_test_query_text (demo_store (demo),
      "SELECT output_lot FROM lot_links l JOIN lots t ON t.id = l.output_lot "
      "WHERE t.lot_type = 'finished' GROUP BY output_lot ORDER BY count(*) DESC, output_lot "
      "LIMIT 1");
    g_autofree char *code_sql = g_strdup_printf ("SELECT code FROM lots WHERE id = '%s'",
                                                 finished_id);
    g_autofree char *finished = ff_test_query_text (demo_store (demo), code_sql);
    g_autofree char *backward_params = g_strdup_printf ("{\"lot\": \"%s\"}", finished);
    g_autoptr (JsonNode) backward_args = json_from_string (backward_params, NULL);
    g_autoptr (FfTrace) backward = ff_lot_trace (demo_store (demo), finished_id,
                                                 FF_TRACE_BACKWARD, &error);
    g_autoptr (JsonNode) backward_expected = NULL, backward_ran = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (backward->lots->len, >, 2);
    g_assert_cmpuint (backward->movements->len, >=, 1);
    backward_expected = ff_trace_to_json (backward);
    backward_ran = ff_tool_run (ff_tool_lookup ("trace_lot_backward"), demo->session,
                                demo_store (demo), backward_args, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (backward_ran),
                                                            "result"), backward_expected));
  }

  /* get_lot_details carries the engine's mass balance. */
  {
    g_autoptr (FfMassBalance) balance = ff_mass_balance_compute (demo_store (demo), busiest_id,
                                                                 &error);
    g_autoptr (JsonNode) mine = NULL, details = NULL;

    g_assert_no_error (error);
    mine = ff_mass_balance_to_json (balance);
    details = ff_tool_run (ff_tool_lookup ("get_lot_details"), demo->session, demo_store (demo),
                           args, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (json_object_get_member (json_object_get_object_member (
                                      json_node_get_object (details), "result"), "mass_balance"),
                                    mine));
  }
}

/* The demo's movements agree with its genealogy and shipments: no lot has more going out than
 * came in, nearly every lot balances to the gram, and each one that does not says why. A mock
 * recall of the busiest ingredient lot accounts for all of it or lists the gaps. */
static void
check_mass_balances (Demo *demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint balanced = 0, explained = 0, counted = 0;
  sqlite3_stmt *stmt = ff_store_prepare (demo_store (demo),
                                         "SELECT id FROM lots WHERE _deleted = 0", &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (FfMassBalance) b = ff_mass_balance_compute (demo_store (demo), ids->pdata[i],
                                                             &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (b->unexplained, >=, 0);
      counted += b->counted;
      if (b->unexplained == 0 && b->gaps->len == 0)
        balanced++;
      else
        {
          g_assert_cmpuint (b->gaps->len, >=, 1);
          explained++;
        }
    }
  g_test_message ("mass balance: %u of %u lots at 100 %%, %u with their gaps listed, %u counted",
                  balanced, ids->len, explained, counted);
  g_assert_cmpuint (balanced, >=, ids->len * 9 / 10);
  g_assert_cmpuint (counted, >, 0);
  g_assert_cmpuint (explained, >, 0);

  {
    g_autofree char *busiest = ff_test_query_text (demo_store (demo),
      "SELECT input_lot FROM lot_links l JOIN lots t ON t.id = l.input_lot "
      "WHERE t.lot_type = 'ingredient' GROUP BY input_lot ORDER BY count(*) DESC, input_lot LIMIT 1");
    FfActor actor = ff_actor_from_session (demo->session);
    g_autoptr (FfMockRecall) recall = ff_mock_recall_run (demo_store (demo), &actor, busiest, NULL,
                                                          NULL, FALSE, &error);

    g_assert_no_error (error);
    g_assert_null (recall->code);
    g_assert_true (recall->accounted_pct == 100 || recall->forward_balance->gaps->len > 0);
    g_assert_cmpuint (recall->lots_reached, ==, recall->forward->lots->len);
  }
}

static void
test_consistency (void)
{
  Demo *demo = shared ();

  check_tools (demo);
  check_mass_balances (demo);
  check_release_scenario (demo);
  check_genealogy (demo);
  check_phantom_stock (demo);
  check_fsq (demo);
  check_excursions (demo);
  check_documents (demo);
  /* Some inventory below the reorder point. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM inventory_levels i JOIN safety_stocks s "
                                    "ON s.sku = i.sku AND s.location = i.location "
                                    "WHERE i.as_of = (SELECT max (as_of) FROM inventory_levels) "
                                    "AND i.on_hand < s.reorder_point"), >=, 1);
  /* Contracts that end within 90 days. */
  g_assert_cmpint (query_int (demo, "SELECT count(*) FROM contracts WHERE status = 'active' AND "
                                    "ends_on <= date ('now', 'localtime', '+90 days')"), >=, 1);
}

/* Any reference date works: a Monday after New Year, and the Sunday clocks go forward. */
static void
test_reference_dates (void)
{
  static const int dates[][3] = { { 2034, 1, 2 }, { 2030, 3, 31 } };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("ff-test-demo-XXXXXX", &error);
      g_autoptr (FfVault) vault = ff_vault_open (dir, &error);
      g_autoptr (FfTenantInfo) info = NULL;
      g_autoptr (FfSession) session = NULL;
      g_autoptr (JsonNode) stats = NULL;
      g_autoptr (GDate) today = g_date_new_dmy (dates[i][2], dates[i][1], dates[i][0]);
      JsonObject *counts;
      GList *members;
      FfActor actor;

      g_assert_no_error (error);
      info = ff_vault_create_tenant (vault, "Dated Foods", FF_DEMO_USERNAME, FF_DEMO_PASSWORD,
                                     FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
      g_assert_no_error (error);
      actor = ff_actor_from_session (session);
      g_assert_true (ff_demo_populate_at (ff_session_get_store (session), &actor, SEED, 0.01,
                                          today, NULL, &error));
      g_assert_no_error (error);
      stats = ff_tenant_stats_collect (ff_session_get_store (session), &error);
      g_assert_no_error (error);
      counts = json_node_get_object (stats);
      members = json_object_get_members (counts);
      for (GList *l = members; l != NULL; l = l->next)
        g_assert_cmpint (json_object_get_int_member (counts, l->data), >=, 1);
      g_list_free (members);
      g_clear_object (&session);
      g_clear_object (&vault);
      ff_test_rm_rf (dir);
    }
}

/* A cancelled demo writes nothing: it is one transaction. */
static void
test_cancelled (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ff-test-demo-XXXXXX", &error);
  g_autoptr (FfVault) vault = ff_vault_open (dir, &error);
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (JsonNode) stats = NULL;
  JsonObject *counts;
  FfActor actor;
  GList *members;

  g_assert_no_error (error);
  info = ff_vault_create_tenant (vault, "Cancelled Foods", FF_DEMO_USERNAME, FF_DEMO_PASSWORD,
                                 FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  actor = ff_actor_from_session (session);
  g_cancellable_cancel (cancellable);
  g_assert_false (ff_demo_populate (ff_session_get_store (session), &actor, SEED, SCALE,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ff_store_in_transaction (ff_session_get_store (session)));

  g_clear_error (&error);
  stats = ff_tenant_stats_collect (ff_session_get_store (session), &error);
  g_assert_no_error (error);
  counts = json_node_get_object (stats);
  members = json_object_get_members (counts);
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_cmpint (json_object_get_int_member (counts, l->data), ==, 0);
  g_list_free (members);

  g_clear_object (&session);
  g_clear_object (&vault);
  ff_test_rm_rf (dir);
}

static void
test_name_taken (void)
{
  Demo *demo = shared ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) again = NULL;
  g_autoptr (GPtrArray) tenants = NULL;

  again = ff_demo_create (demo->vault, NULL, SEED, SCALE, NULL, &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);
  tenants = ff_vault_list_tenants (demo->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tenants->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/seed-matters", test_seed_matters);
  g_test_add_func ("/demo/name-taken", test_name_taken);
  g_test_add_func ("/demo/csv-export", test_csv_export);
  g_test_add_func ("/demo/consistency", test_consistency);
  g_test_add_func ("/demo/reference-dates", test_reference_dates);
  g_test_add_func ("/demo/cancelled", test_cancelled);

  ret = g_test_run ();
  g_clear_pointer (&shared_demo, demo_free);
  return ret;
}
