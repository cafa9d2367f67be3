/* test-mass-balance.c — lot movements written with the genealogy and shipments that cause them,
 * the rules of movements (and of the lot code at shipping), a mass balance with known gaps
 * computed by hand, and a mock recall kept as a recall exercise. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-mass-balance.h"
#include "ff-mock-recall.h"
#include "ff-record-repository.h"
#include "ff-test-util.h"
#include "ff-tool-registry.h"

#define TENANT "Balance Foods"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;
  FfActor    actor;
  FfRecord  *a, *x, *z, *link, *shipment;
} Fixture;

static FfRecord *
lot (Fixture    *f,
     const char *code,
     const char *type,
     const char *quantity,
     const char *unit)
{
  return ff_test_insert (f->session, "lots", "code", code, "lot_type", type, "status",
                         "released", "quantity", quantity, "unit", unit,
                         "produced_or_received_on", "2026-11-20", NULL);
}

static FfRecord *
movement (Fixture    *f,
          FfRecord   *on,
          const char *code,
          const char *type,
          const char *quantity,
          const char *unit,
          const char *at,
          const char *reason)
{
  return ff_test_insert (f->session, "lot_movements", "code", code, "lot", ff_record_get_id (on),
                         "movement", type, "quantity", quantity, "unit", unit, "moved_at", at,
                         "reason", reason, NULL);
}

/* A (bought, 100 kg: receipts of 60 + 40) --30 kg--> X (wip, 30 kg) --30 kg--> Z (finished,
 * 120 ea) --100 ea--> Shop 1. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfRecord) r1 = NULL, r2 = NULL, l2 = NULL;

  ff_test_tenant_make ("ff-test-mass-balance", TENANT, "alice", ADMIN_PASSWORD, &f->dir,
                       &f->vault, &f->session);
  f->store = ff_session_get_store (f->session);
  f->actor = ff_actor_from_session (f->session);
  f->a = lot (f, "A", "ingredient", "100", "kg");
  f->x = lot (f, "X", "wip", "30", "kg");
  f->z = lot (f, "Z", "finished", "120", "ea");
  r1 = ff_test_insert (f->session, "receipts", "code", "GR-1", "lot", ff_record_get_id (f->a),
                       "quantity", "60", "unit", "kg", "received_on", "2026-11-19",
                       "receiving_location", "Plant Eindhoven", "previous_source", "Nordic Oils",
                       NULL);
  r2 = ff_test_insert (f->session, "receipts", "code", "GR-2", "lot", ff_record_get_id (f->a),
                       "quantity", "40000", "unit", "g", "received_on", "2026-11-19",
                       "receiving_location", "Plant Eindhoven", "previous_source", "Nordic Oils",
                       NULL);
  f->link = ff_test_insert (f->session, "lot_links", "code", "L1", "event_code", "TE-1",
                            "input_lot", ff_record_get_id (f->a), "output_lot",
                            ff_record_get_id (f->x), "quantity", "30", "unit", "kg",
                            "transformed_at", "2026-11-21T08:00:00Z", "location", "Plant", NULL);
  l2 = ff_test_insert (f->session, "lot_links", "code", "L2", "event_code", "TE-2", "input_lot",
                       ff_record_get_id (f->x), "output_lot", ff_record_get_id (f->z),
                       "quantity", "30", "unit", "kg", "transformed_at", "2026-11-22T08:00:00Z",
                       "location", "Plant", NULL);
  f->shipment = ff_test_insert (f->session, "shipments", "code", "SH-1", "lot",
                                ff_record_get_id (f->z), "quantity", "100", "unit", "ea",
                                "ship_date", "2026-11-24", "ship_from", "Plant",
                                "ship_to", "Shop 1", "ship_to_type", "store", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->x);
  g_clear_object (&f->z);
  g_clear_object (&f->link);
  g_clear_object (&f->shipment);
  ff_test_tenant_remove (&f->dir, &f->vault, &f->session);
}

static gint64
count_movements (Fixture    *f,
                 const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM lot_movements WHERE _deleted = 0 "
                                          "AND %s", where);
  return ff_test_query_int (f->store, sql);
}

static FfBalanceGap *
gap_of (FfMassBalance *balance,
        const char    *cause)
{
  for (guint i = 0; i < balance->gaps->len; i++)
    if (g_str_equal (((FfBalanceGap *) balance->gaps->pdata[i])->cause, cause))
      return balance->gaps->pdata[i];
  return NULL;
}

/* The link and the shipment wrote their movements, and keep them as they change. */
static void
test_movements_follow (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (FfRecordRepository) links = ff_record_repository_new (f->store,
                                                                   ff_kind_lookup ("lot_links"));
  g_autoptr (FfRecordRepository) shipments = ff_record_repository_new (f->store,
                                                                       ff_kind_lookup ("shipments"));
  g_autoptr (GError) error = NULL;
  g_autofree char *q = NULL;

  g_assert_cmpint (count_movements (f, "movement = 'consumed' AND code = 'USE-L1' "
                                       "AND quantity = 30 AND unit = 'kg' "
                                       "AND moved_at = '2026-11-21T08:00:00Z'"), ==, 1);
  g_assert_cmpint (count_movements (f, "movement = 'shipped' AND code = 'SHIP-SH-1' "
                                       "AND quantity = 100 AND moved_at = '2026-11-24T12:00:00Z'"),
                   ==, 1);
  /* Each travels to other devices as a record of its own. */
  g_assert_cmpint (ff_test_query_int (f->store, "SELECT count(*) FROM sync_outbox "
                                                "WHERE tbl = 'lot_movements'"), ==, 3);

  ff_record_set (f->link, "quantity", "25");
  g_assert_true (ff_record_repository_update (links, &f->actor, f->link, NULL, &error));
  g_assert_no_error (error);
  q = ff_test_query_text (f->store, "SELECT quantity FROM lot_movements WHERE code = 'USE-L1'");
  g_assert_cmpfloat (g_ascii_strtod (q, NULL), ==, 25);

  g_assert_true (ff_record_repository_delete (shipments, &f->actor,
                                              ff_record_get_id (f->shipment), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_movements (f, "movement = 'shipped'"), ==, 0);
}

static void
assert_refused (Fixture    *f,
                const char *kind,
                FfRecord   *record,
                const char *expected)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (f->store, ff_kind_lookup (kind));
  g_autoptr (GError) error = NULL;
  gint64 before = ff_test_query_int (f->store, "SELECT count(*) FROM sync_outbox");

  g_assert_false (ff_record_repository_insert (repo, &f->actor, record, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  /* Nothing was written. */
  g_assert_cmpint (ff_test_query_int (f->store, "SELECT count(*) FROM sync_outbox"), ==, before);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (FfRecord) loss = ff_record_new (ff_kind_lookup ("lot_movements"));
  g_autoptr (FfRecord) use = ff_record_new (ff_kind_lookup ("lot_movements"));
  g_autoptr (FfRecord) ship = ff_record_new (ff_kind_lookup ("shipments"));
  g_autoptr (FfRecord) orphan = lot (f, "NEW-AT-DOCK", "finished", "10", "ea");

  ff_record_set (loss, "code", "MV-1");
  ff_record_set (loss, "lot", ff_record_get_id (f->a));
  ff_record_set (loss, "movement", "adjusted");
  ff_record_set (loss, "quantity", "-2");
  ff_record_set (loss, "unit", "kg");
  ff_record_set (loss, "moved_at", "2026-11-23T08:00:00Z");
  assert_refused (f, "lot_movements", loss, "needs a reason");

  /* A use names the link it follows, of the same lot. */
  ff_record_set (use, "code", "MV-2");
  ff_record_set (use, "lot", ff_record_get_id (f->x));
  ff_record_set (use, "movement", "consumed");
  ff_record_set (use, "quantity", "1");
  ff_record_set (use, "unit", "kg");
  ff_record_set (use, "moved_at", "2026-11-23T08:00:00Z");
  assert_refused (f, "lot_movements", use, "names the genealogy link");
  ff_record_set (use, "lot_link", ff_record_get_id (f->link));
  assert_refused (f, "lot_movements", use, "another lot as its input");

  /* FSMA 204: no lot code is given at shipping. */
  ff_record_set (ship, "code", "SH-9");
  ff_record_set (ship, "lot", ff_record_get_id (orphan));
  ff_record_set (ship, "quantity", "10");
  ff_record_set (ship, "unit", "ea");
  ff_record_set (ship, "ship_date", "2026-11-24");
  ff_record_set (ship, "ship_from", "Plant");
  ff_record_set (ship, "ship_to", "Shop 2");
  ff_record_set (ship, "ship_to_type", "store");
  assert_refused (f, "shipments", ship, "Lot NEW-AT-DOCK has no receipt");
}

/* A: received 60 kg + 40,000 g = 100 kg; used 30; sampled 500 g; scrapped 5; a loss of 2 found
 * at the count of 60 (adjusted −2, before it); then 10 more used... counted as 60 - 10 = 50 in
 * stock. Accounted = 30 + 10 + 0.5 + 5 + 50 + 2 = 97.5: 2.5 kg unexplained, the count found
 * less than the movements leave. A movement in ea is listed, not counted. */
static void
test_balance (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (FfRecord) m1 = movement (f, f->a, "MV-1", "sampled", "500", "g",
                                      "2026-11-19T10:00:00Z", "Lab");
  g_autoptr (FfRecord) m2 = movement (f, f->a, "MV-2", "scrapped", "5", "kg",
                                      "2026-11-22T10:00:00Z", "Torn bags");
  g_autoptr (FfRecord) m3 = movement (f, f->a, "MV-3", "adjusted", "-2", "kg",
                                      "2026-11-23T07:59:00Z", "Moisture loss");
  g_autoptr (FfRecord) m4 = movement (f, f->a, "MV-4", "counted", "60", "kg",
                                      "2026-11-23T08:00:00Z", NULL);
  g_autoptr (FfRecord) m5 = movement (f, f->a, "MV-5", "sampled", "3", "ea",
                                      "2026-11-23T09:00:00Z", "Bags for the lab");
  g_autoptr (FfRecord) y = lot (f, "Y", "wip", "10", "kg");
  g_autoptr (FfRecord) l3 = ff_test_insert (f->session, "lot_links", "code", "L3", "event_code",
                                            "TE-3", "input_lot", ff_record_get_id (f->a),
                                            "output_lot", ff_record_get_id (y), "quantity", "10",
                                            "unit", "kg", "transformed_at",
                                            "2026-11-24T08:00:00Z", "location", "Plant", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfMassBalance) b = ff_mass_balance_compute (f->store, ff_record_get_id (f->a),
                                                         &error);
  g_autoptr (JsonNode) json = NULL;
  FfBalanceGap *gap;

  g_assert_no_error (error);
  g_assert_cmpstr (b->start_kind, ==, "received");
  g_assert_cmpstr (b->unit, ==, "kg");
  g_assert_cmpfloat_with_epsilon (b->start, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->consumed, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->sampled, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->scrapped, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->adjusted, -2, 1e-9);
  g_assert_true (b->counted);
  g_assert_cmpstr (b->counted_at, ==, "2026-11-23T08:00:00Z");
  g_assert_cmpfloat_with_epsilon (b->in_stock, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->accounted, 97.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->unexplained, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->accounted_pct, 97.5, 1e-9);
  g_assert_cmpuint (b->n_movements, ==, 7);
  g_assert_cmpuint (b->gaps->len, ==, 2);
  gap = gap_of (b, "unexplained");
  g_assert_nonnull (gap);
  g_assert_cmpfloat_with_epsilon (gap->quantity, 2.5, 1e-9);
  gap = gap_of (b, "unit_mismatch");
  g_assert_nonnull (gap);
  g_assert_cmpstr (gap->movement, ==, "MV-5");
  g_assert_true (isnan (gap->quantity));

  json = ff_mass_balance_to_json (b);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (
                       json_node_get_object (json), "accounted_pct"), "value"), ==, 97.5);
}

/* Without a count, what is left is a gap of its own; more out than in is another. */
static void
test_balance_gaps (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfMassBalance) z = ff_mass_balance_compute (f->store, ff_record_get_id (f->z),
                                                         &error);
  g_autoptr (FfMassBalance) x = NULL;
  g_autoptr (FfRecord) more = NULL;
  FfBalanceGap *gap;

  g_assert_no_error (error);
  g_assert_cmpstr (z->start_kind, ==, "produced");
  g_assert_cmpfloat_with_epsilon (z->shipped, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (z->unexplained, 20, 1e-9);
  gap = gap_of (z, "no_stock_count");
  g_assert_nonnull (gap);
  g_assert_cmpfloat_with_epsilon (gap->quantity, 20, 1e-9);

  more = movement (f, f->x, "MV-9", "scrapped", "4", "kg", "2026-11-23T08:00:00Z", "Spill");
  x = ff_mass_balance_compute (f->store, ff_record_get_id (f->x), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (x->unexplained, -4, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->accounted_pct, 100, 1e-9);
  g_assert_nonnull (gap_of (x, "over_accounted"));

  g_clear_pointer (&x, ff_mass_balance_free);
  x = ff_mass_balance_compute (f->store, "no-such-lot", &error);
  g_assert_null (x);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
}

/* A mock recall of A forward and Z backward, kept as an exercise with its whole result. */
static void
test_mock_recall (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (FfRecord) count = movement (f, f->a, "MV-1", "counted", "70", "kg",
                                         "2026-11-23T08:00:00Z", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfMockRecall) recall = ff_mock_recall_run (f->store, &f->actor,
                                                        ff_record_get_id (f->a),
                                                        ff_record_get_id (f->z),
                                                        "Quarterly", TRUE, &error);
  g_autoptr (FfRecordRepository) exercises = NULL;
  g_autoptr (FfRecord) saved = NULL;
  g_autoptr (JsonNode) kept = NULL;
  g_autoptr (GBytes) blob = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (recall);
  /* A, X, Z: A forward reaches X and Z; Z backward reaches X and A. */
  g_assert_cmpuint (recall->lots_reached, ==, 3);
  g_assert_cmpuint (recall->n_customers, ==, 1);
  g_assert_cmpuint (recall->lots_to_hold->len, ==, 3);
  /* A balances (30 used + 70 counted); Z has 20 ea not counted: 100 / 120. */
  g_assert_cmpfloat_with_epsilon (recall->forward_balance->accounted_pct, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (recall->accounted_pct, 100.0 * 100 / 120, 1e-9);
  g_assert_cmpfloat (recall->duration_ms, >=, 0);
  g_assert_nonnull (recall->code);
  g_assert_true (g_str_has_prefix (recall->code, "MR-"));

  exercises = ff_record_repository_new (f->store, ff_kind_lookup ("recall_exercises"));
  saved = ff_record_repository_get (exercises, recall->exercise_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (saved, "forward_lot"), ==, ff_record_get_id (f->a));
  g_assert_cmpstr (ff_record_get (saved, "backward_lot"), ==, ff_record_get_id (f->z));
  g_assert_cmpstr (ff_record_get (saved, "run_by"), ==, "alice");
  g_assert_cmpstr (ff_record_get (saved, "lots_reached"), ==, "3");
  g_assert_cmpstr (ff_record_get (saved, "notes"), ==, "Quarterly");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (ff_record_get (saved, "accounted_pct"), NULL),
                                  83.333, 1e-3);
  blob = ff_record_repository_load_blob (exercises, recall->exercise_id, "result", &error);
  g_assert_no_error (error);
  g_assert_nonnull (blob);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob));
    kept = json_from_string (text, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (kept), "exercise"), ==,
                   recall->code);

  /* A second one in the same second gets a code of its own. */
  {
    g_autoptr (FfMockRecall) again = ff_mock_recall_run (f->store, &f->actor,
                                                         ff_record_get_id (f->a), NULL, NULL,
                                                         TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->code, !=, recall->code);
    g_assert_null (again->backward);
  }
}

/* get_lot_details carries the engine's balance. */
static void
test_tool (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) params = json_from_string ("{\"lot\": \"Z\"}", NULL);
  g_autoptr (JsonNode) out = ff_tool_run (ff_tool_lookup ("get_lot_details"), f->session,
                                          f->store, params, &error);
  JsonObject *balance;

  g_assert_no_error (error);
  balance = json_object_get_object_member (json_object_get_object_member (
                                             json_node_get_object (out), "result"),
                                           "mass_balance");
  g_assert_nonnull (balance);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (
                       balance, "unexplained"), "value"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (json_object_get_array_member (balance, "gaps"),
                                                    0), "quantity"), "unit"), ==, "ea");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/mass-balance/movements-follow", Fixture, NULL, fixture_set_up,
              test_movements_follow, fixture_tear_down);
  g_test_add ("/mass-balance/rules", Fixture, NULL, fixture_set_up, test_rules,
              fixture_tear_down);
  g_test_add ("/mass-balance/balance", Fixture, NULL, fixture_set_up, test_balance,
              fixture_tear_down);
  g_test_add ("/mass-balance/gaps", Fixture, NULL, fixture_set_up, test_balance_gaps,
              fixture_tear_down);
  g_test_add ("/mass-balance/mock-recall", Fixture, NULL, fixture_set_up, test_mock_recall,
              fixture_tear_down);
  g_test_add ("/mass-balance/tool", Fixture, NULL, fixture_set_up, test_tool,
              fixture_tear_down);
  return g_test_run ();
}
