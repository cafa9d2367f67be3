/* test-lot-trace.c — a lot traced forward and backward through a small genealogy computed by
 * hand: a lot split across outputs, a shared input, a diamond over two levels, shipments and
 * receipts, a loop; and the tools over the engine, with their parameters checked. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "config.h"

#include <math.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-lot-trace.h"
#include "ff-record-repository.h"
#include "ff-test-util.h"
#include "ff-tool-registry.h"

#define TENANT "Trace Foods"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;
  FfRecord  *a, *b, *x, *y, *z;
} Fixture;

static FfRecord *
lot (Fixture    *f,
     const char *code,
     const char *type,
     const char *quantity)
{
  return ff_test_insert (f->session, "lots", "code", code, "lot_type", type, "status",
                         "released", "quantity", quantity, "unit", "kg",
                         "produced_or_received_on", "2026-11-20", NULL);
}

static void
add_link (Fixture    *f,
          const char *code,
          FfRecord   *input,
          FfRecord   *output,
          const char *quantity,
          const char *at)
{
  g_autoptr (FfRecord) r = ff_test_insert (f->session, "lot_links", "code", code, "event_code",
                                           code, "input_lot", ff_record_get_id (input),
                                           "output_lot", ff_record_get_id (output), "quantity",
                                           quantity, "unit", "kg", "transformed_at", at,
                                           "location", "Plant Eindhoven", NULL);
}

/*   A (100 kg) --60--> X (110 kg) --30--> Z (70 kg) --35--> Shop 1
 *     \--40--> Y (40 kg) --40--------/
 *   B (50 kg)  --50--> X                                  A received from SUP-1 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfRecord) supplier = NULL, receipt = NULL, shipment = NULL;

  ff_test_tenant_make ("ff-test-lot-trace", TENANT, "alice", ADMIN_PASSWORD, &f->dir, &f->vault,
                       &f->session);
  f->store = ff_session_get_store (f->session);
  f->a = lot (f, "A", "ingredient", "100");
  f->b = lot (f, "B", "ingredient", "50");
  f->x = lot (f, "X", "wip", "110");
  f->y = lot (f, "Y", "wip", "40");
  f->z = lot (f, "Z", "finished", "70");
  add_link (f, "L1", f->a, f->x, "60", "2026-11-21T08:00:00Z");
  add_link (f, "L2", f->a, f->y, "40", "2026-11-21T09:00:00Z");
  add_link (f, "L3", f->b, f->x, "50", "2026-11-21T08:00:00Z");
  add_link (f, "L4", f->x, f->z, "30", "2026-11-22T10:00:00Z");
  add_link (f, "L5", f->y, f->z, "40", "2026-11-22T10:00:00Z");
  supplier = ff_test_insert (f->session, "suppliers", "code", "SUP-1", "name", "Nordic Oils",
                             "category", "ingredient", "approval_status", "approved",
                             "risk_level", "low", NULL);
  receipt = ff_test_insert (f->session, "receipts", "code", "GR-1", "lot", ff_record_get_id (f->a),
                            "supplier", ff_record_get_id (supplier), "quantity", "100", "unit",
                            "kg", "received_on", "2026-11-19", "receiving_location",
                            "Plant Eindhoven", "previous_source", "Nordic Oils, Oslo", NULL);
  shipment = ff_test_insert (f->session, "shipments", "code", "SH-1", "lot",
                             ff_record_get_id (f->z), "quantity", "35", "unit", "kg",
                             "ship_date", "2026-11-24", "ship_from", "Plant Eindhoven",
                             "ship_to", "Shop 1", "ship_to_type", "store", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->x);
  g_clear_object (&f->y);
  g_clear_object (&f->z);
  ff_test_tenant_remove (&f->dir, &f->vault, &f->session);
}

static FfTraceLot *
reached (FfTrace    *trace,
         const char *code)
{
  for (guint i = 0; i < trace->lots->len; i++)
    if (g_str_equal (((FfTraceLot *) trace->lots->pdata[i])->code, code))
      return trace->lots->pdata[i];
  return NULL;
}

static FfTrace *
trace_of (Fixture          *f,
          FfRecord         *start,
          FfTraceDirection  direction)
{
  g_autoptr (GError) error = NULL;
  FfTrace *trace = ff_lot_trace (f->store, ff_record_get_id (start), direction, &error);

  g_assert_no_error (error);
  g_assert_nonnull (trace);
  return trace;
}

static void
test_forward (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (FfTrace) trace = trace_of (f, f->a, FF_TRACE_FORWARD);
  FfTraceMovement *shipment;
  FfTraceCustomer *customer;
  FfTraceLot *z;

  g_assert_cmpuint (trace->lots->len, ==, 4);  /* A, X, Y, Z: B is not downstream of A */
  g_assert_null (reached (trace, "B"));
  g_assert_cmpstr (((FfTraceLot *) trace->lots->pdata[0])->code, ==, "A");
  g_assert_cmpfloat_with_epsilon (reached (trace, "A")->carried, 100, 1e-9);
  /* The split: 60 of 100 kg went into X, 40 into Y. */
  g_assert_cmpfloat_with_epsilon (reached (trace, "X")->carried, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (reached (trace, "Y")->carried, 40, 1e-9);
  /* The diamond: X passes on 30/110 of its 60 kg, Y all of its 40 kg. */
  z = reached (trace, "Z");
  g_assert_cmpfloat_with_epsilon (z->carried, 60.0 * 30 / 110 + 40, 1e-9);
  g_assert_cmpuint (z->depth, ==, 2);
  g_assert_cmpuint (g_strv_length (z->path), ==, 3);
  g_assert_cmpstr (z->path[0], ==, "A");
  g_assert_cmpstr (z->path[2], ==, "Z");
  g_assert_cmpuint (trace->n_links, ==, 4);
  /* Half of Z was shipped: half of what Z holds of A. */
  g_assert_cmpuint (trace->movements->len, ==, 1);
  shipment = trace->movements->pdata[0];
  g_assert_cmpstr (shipment->code, ==, "SH-1");
  g_assert_cmpfloat_with_epsilon (shipment->carried, z->carried / 2, 1e-9);
  g_assert_cmpuint (trace->customers->len, ==, 1);
  customer = trace->customers->pdata[0];
  g_assert_cmpstr (customer->name, ==, "Shop 1");
  g_assert_cmpstr (customer->type, ==, "store");
  g_assert_cmpuint (customer->n_shipments, ==, 1);
  g_assert_cmpstr (trace->from, ==, "2026-11-21");
  g_assert_cmpstr (trace->to, ==, "2026-11-24");
  g_assert_cmpuint (trace->cycles->len, ==, 0);
}

static void
test_backward (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (FfTrace) trace = trace_of (f, f->z, FF_TRACE_BACKWARD);
  FfTraceMovement *receipt;

  g_assert_cmpuint (trace->lots->len, ==, 5);
  g_assert_cmpfloat_with_epsilon (reached (trace, "X")->carried, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (reached (trace, "Y")->carried, 40, 1e-9);
  /* A reaches Z both ways: 60 kg into X, of which 30/110 went on; all 40 kg of Y. */
  g_assert_cmpfloat_with_epsilon (reached (trace, "A")->carried, 60.0 * 30 / 110 + 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (reached (trace, "B")->carried, 50.0 * 30 / 110, 1e-9);
  g_assert_cmpuint (reached (trace, "B")->depth, ==, 2);
  g_assert_cmpuint (trace->movements->len, ==, 1);
  receipt = trace->movements->pdata[0];
  g_assert_cmpstr (receipt->code, ==, "GR-1");
  g_assert_cmpstr (receipt->lot_code, ==, "A");
  g_assert_cmpstr (receipt->party, ==, "SUP-1");
  g_assert_cmpstr (trace->from, ==, "2026-11-19");
  g_assert_cmpstr (trace->to, ==, "2026-11-22");
}

/* A loop (Z back into X) is reported, never followed; what lies on it has no quantity. */
static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (FfTrace) trace = NULL;
  g_autoptr (FfTrace) back = NULL;
  GStrv loop;

  add_link (f, "L6", f->z, f->x, "5", "2026-11-23T10:00:00Z");
  trace = trace_of (f, f->a, FF_TRACE_FORWARD);
  g_assert_cmpuint (trace->lots->len, ==, 4);
  g_assert_cmpuint (trace->cycles->len, ==, 1);
  loop = trace->cycles->pdata[0];
  g_assert_cmpuint (g_strv_length (loop), ==, 3);
  g_assert_cmpstr (loop[0], ==, loop[2]);
  g_assert_true (g_strv_contains ((const char *const *) loop, "X"));
  g_assert_true (g_strv_contains ((const char *const *) loop, "Z"));
  g_assert_true (isnan (reached (trace, "X")->carried));
  g_assert_cmpfloat_with_epsilon (reached (trace, "Y")->carried, 40, 1e-9);

  /* A loop through the start lot itself. */
  add_link (f, "L7", f->z, f->a, "1", "2026-11-23T11:00:00Z");
  back = trace_of (f, f->a, FF_TRACE_BACKWARD);
  g_assert_cmpuint (back->cycles->len, >=, 1);
}

static void
test_unknown_lot (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTrace) trace = ff_lot_trace (f->store, "no-such-id", FF_TRACE_FORWARD, &error);

  g_assert_null (trace);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
}

/* The genealogy kept in memory between traces follows every change: a new link, a deleted one,
 * a lot's status, a write rolled back. */
static void
test_follows_changes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTrace) before = ff_lot_trace (f->store, ff_record_get_id (f->a), FF_TRACE_FORWARD,
                                             &error);
  g_autoptr (FfTrace) grown = NULL, shrunk = NULL, held = NULL, rolled = NULL;
  g_autoptr (FfRecord) w = lot (f, "W", "finished", "10");
  g_autoptr (FfRecordRepository) links = ff_record_repository_new (f->store,
                                                                   ff_kind_lookup ("lot_links"));
  g_autofree char *link_id = NULL;
  FfActor actor = ff_actor_from_session (f->session);

  g_assert_no_error (error);
  g_assert_null (reached (before, "W"));
  add_link (f, "L6", f->y, w, "5", "2026-11-23T10:00:00Z");
  grown = ff_lot_trace (f->store, ff_record_get_id (f->a), FF_TRACE_FORWARD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reached (grown, "W"));
  g_assert_cmpuint (grown->lots->len, ==, before->lots->len + 1);

  link_id = ff_test_query_text (f->store, "SELECT id FROM lot_links WHERE code = 'L6'");
  g_assert_true (ff_record_repository_delete (links, &actor, link_id, NULL, &error));
  g_assert_no_error (error);
  shrunk = ff_lot_trace (f->store, ff_record_get_id (f->a), FF_TRACE_FORWARD, &error);
  g_assert_no_error (error);
  g_assert_null (reached (shrunk, "W"));

  ff_test_exec (f->store, "UPDATE lots SET status = 'hold' WHERE code = 'Z'");
  held = ff_lot_trace (f->store, ff_record_get_id (f->a), FF_TRACE_FORWARD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reached (held, "Z")->status, ==, "hold");

  /* A change undone leaves what a trace reads as it was. */
  g_assert_true (ff_store_begin (f->store, &error));
  ff_test_exec (f->store, "UPDATE lots SET status = 'rejected' WHERE code = 'Z'");
  {
    g_autoptr (FfTrace) inside = ff_lot_trace (f->store, ff_record_get_id (f->a),
                                               FF_TRACE_FORWARD, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (reached (inside, "Z")->status, ==, "rejected");
  }
  ff_store_rollback (f->store);
  rolled = ff_lot_trace (f->store, ff_record_get_id (f->a), FF_TRACE_FORWARD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reached (rolled, "Z")->status, ==, "hold");
}

static JsonNode *
run_tool (Fixture     *f,
          const char  *name,
          const char  *params,
          GError     **error)
{
  g_autoptr (JsonNode) node = params ? json_from_string (params, NULL) : NULL;
  const FfTool *tool = ff_tool_lookup (name);

  g_assert_nonnull (tool);
  return ff_tool_run (tool, f->session, f->store, node, error);
}

/* The tools give the engine's results; a bad parameter is refused by name. */
static void
test_tools (Fixture       *f,
            gconstpointer  data)
{
  static const struct { const char *params; const char *message; } bad[] = {
    { NULL, "lot: is required" },
    { "{\"lot\": 7}", "lot: must be of type string" },
    { "{\"lot\": \"\"}", "lot: must not be empty" },
    { "{\"lot\": \"NOPE\"}", "lot: no record has the code “NOPE”" },
    { "{\"lot\": \"A\", \"colour\": \"red\"}", "colour: is not a parameter of this tool" },
    { "[1]", "The parameters must be a JSON object" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) forward = run_tool (f, "trace_lot_forward", "{\"lot\": \"a\"}", &error);
  g_autoptr (FfTrace) engine = trace_of (f, f->a, FF_TRACE_FORWARD);
  g_autoptr (JsonNode) expected = ff_trace_to_json (engine);
  g_autoptr (JsonNode) details = NULL;
  JsonObject *result;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (forward), "name"), ==,
                   "trace_lot_forward");
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (forward),
                                                          "result"), expected));
  result = json_object_get_object_member (json_node_get_object (forward), "result");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (result, "counts"),
                                               "customers"), ==, 1);

  details = run_tool (f, "get_lot_details", "{\"lot\": \"Z\"}", &error);
  g_assert_no_error (error);
  result = json_object_get_object_member (json_node_get_object (details), "result");
  g_assert_cmpstr (json_object_get_string_member (result, "type"), ==, "finished");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (result,
                                                                                   "quantity"),
                                                    "value"), ==, 70);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) refused = run_tool (f, "trace_lot_backward", bad[i].params, &error);
      g_assert_null (refused);
      g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lot-trace/forward", test_forward);
  ADD ("/lot-trace/backward", test_backward);
  ADD ("/lot-trace/cycle", test_cycle);
  ADD ("/lot-trace/unknown-lot", test_unknown_lot);
  ADD ("/lot-trace/follows-changes", test_follows_changes);
  ADD ("/lot-trace/tools", test_tools);
#undef ADD

  return g_test_run ();
}
