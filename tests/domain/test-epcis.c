/* test-epcis.c — the EPCIS 2.0 export of a small tenant built by hand: each event's type,
 * action, business step, quantities and units, places as GLNs with check digits, time zone
 * offsets in winter and summer, business transactions, what falls back and is reported as a
 * gap, and the lot and date filters. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ff-epcis.h"
#include "ff-error.h"
#include "ff-gtin.h"
#include "ff-test-util.h"

#define TENANT "EPCIS Foods"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define PLANT_GLN "8712345000011"
#define SUPPLIER_GLN "5703001000011"
#define DC_GLN "8712345991012"
#define INGREDIENT_GTIN "5703001010027"
#define SKU_GTIN "8712345001131"
#define DL "https://id.gs1.org/"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;
  char      *ours;      /* https://id.foodflow.example/{tenant}/ */
} Fixture;

static const char *
id_of (FfRecord *record)
{
  return ff_record_get_id (record);
}

/* PLANT-EHV (Europe/Amsterdam) with line L1; SUP-1 has a GLN, SUP-2 none; ING-1 has a GTIN,
 * ING-2 none; SKU-1 has one.
 *   A-1 (ING-1, 100 kg) received 19 Nov from SUP-1 on invoice INV-7
 *   "B 1/x" (ING-2, 50 kg) received 10 Jul (summer) from SUP-2 on PO-5, coded by us on receipt
 *   C-1 (ING-2, 3 bucket): no receipt
 *   TE-1, 21 Nov 08:00 UTC: 60.125 kg A-1 + 50 kg B + 3 bucket C-1 -> Z-1 (SKU-1, 400 ea)
 *   P-1 (SKU-1, 200 ea) packed on batch BATCH-1, ended 22 Nov 14:30 UTC, from no inputs
 *   TE-2, 23 Nov 08:00 UTC: 20 kg A-1 -> Y-1 (work in progress, 20 kg)
 *   SH-1: 300 ea Z-1 on 24 Nov to DC Tilburg (GLN), ASN-9; SH-2: 200 ea P-1 on 25 Nov to a
 *   corner shop without a GLN, BOL-3 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfRecord) plant = NULL, line = NULL, brand = NULL, sku = NULL, sup1 = NULL;
  g_autoptr (FfRecord) sup2 = NULL, ing1 = NULL, ing2 = NULL, a = NULL, b = NULL, c = NULL;
  g_autoptr (FfRecord) z = NULL, p = NULL, y = NULL, batch = NULL, r = NULL;

  ff_test_tenant_make ("ff-test-epcis", TENANT, "alice", ADMIN_PASSWORD, &f->dir, &f->vault,
                       &f->session);
  f->store = ff_session_get_store (f->session);
  f->ours = g_strconcat ("https://id.foodflow.example/", ff_session_get_tenant (f->session)->id,
                         "/", NULL);

  plant = ff_test_insert (f->session, "plants", "code", "PLANT-EHV", "name", "Plant Eindhoven",
                          "gln", PLANT_GLN, "timezone", "Europe/Amsterdam", NULL);
  line = ff_test_insert (f->session, "lines", "code", "L1", "name", "Bagger", "plant",
                         id_of (plant), "line_type", "packing", "status", "running",
                         "ideal_cycle_time_s", "0.8", NULL);
  brand = ff_test_insert (f->session, "brands", "code", "BR-1", "name", "Casa", NULL);
  sku = ff_test_insert (f->session, "skus", "code", "SKU-1", "gtin", SKU_GTIN, "description",
                        "Tortilla chips 200 g", "brand", id_of (brand), "pack_size", "200",
                        "pack_unit", "g", "case_pack", "12", "status", "active", NULL);
  sup1 = ff_test_insert (f->session, "suppliers", "code", "SUP-1", "name", "Nordic Oils",
                         "category", "ingredient", "approval_status", "approved", "risk_level",
                         "low", "gln", SUPPLIER_GLN, NULL);
  sup2 = ff_test_insert (f->session, "suppliers", "code", "SUP-2", "name", "Farm Fields",
                         "category", "ingredient", "approval_status", "approved", "risk_level",
                         "low", NULL);
  ing1 = ff_test_insert (f->session, "ingredients", "code", "ING-1", "name", "Sunflower oil",
                         "unit", "kg", "gtin", INGREDIENT_GTIN, "supplier", id_of (sup1), NULL);
  ing2 = ff_test_insert (f->session, "ingredients", "code", "ING-2", "name", "Fresh tomatoes",
                         "unit", "kg", "supplier", id_of (sup2), NULL);

  a = ff_test_insert (f->session, "lots", "code", "A-1", "lot_type", "ingredient", "status",
                      "released", "ingredient", id_of (ing1), "quantity", "100", "unit", "kg",
                      "produced_or_received_on", "2026-11-19", "supplier", id_of (sup1),
                      "tlc_source", "Nordic Oils, Aarhus, DK", NULL);
  b = ff_test_insert (f->session, "lots", "code", "B 1/x", "lot_type", "ingredient", "status",
                      "released", "ingredient", id_of (ing2), "quantity", "50", "unit", "kg",
                      "produced_or_received_on", "2026-07-10", "supplier", id_of (sup2),
                      "best_before", "2026-07-20", "tlc_source",
                      PLANT_GLN " (Plant Eindhoven)", NULL);
  c = ff_test_insert (f->session, "lots", "code", "C-1", "lot_type", "ingredient", "status",
                      "released", "ingredient", id_of (ing2), "quantity", "3", "unit", "bucket",
                      "produced_or_received_on", "2026-11-18", NULL);
  z = ff_test_insert (f->session, "lots", "code", "Z-1", "lot_type", "finished", "status",
                      "released", "sku", id_of (sku), "quantity", "400", "unit", "ea",
                      "produced_or_received_on", "2026-11-21", "best_before", "2027-01-01",
                      "line", id_of (line), "tlc_source", PLANT_GLN " (Plant Eindhoven)", NULL);
  batch = ff_test_insert (f->session, "batches", "code", "BATCH-1", "line", id_of (line), "sku",
                          id_of (sku), "status", "completed", "planned_start",
                          "2026-11-22T10:00:00Z", "actual_end", "2026-11-22T14:30:00Z", NULL);
  p = ff_test_insert (f->session, "lots", "code", "P-1", "lot_type", "finished", "status",
                      "released", "sku", id_of (sku), "quantity", "200", "unit", "ea",
                      "produced_or_received_on", "2026-11-22", "best_before", "2027-02-01",
                      "batch", id_of (batch), NULL);

  g_clear_object (&r);
  r = ff_test_insert (f->session, "receipts", "code", "GR-1", "lot", id_of (a), "supplier",
                      id_of (sup1), "quantity", "100", "unit", "kg", "received_on", "2026-11-19",
                      "receiving_location", "Plant Eindhoven goods in", "receiving_gln", PLANT_GLN,
                      "previous_source", "Nordic Oils, Aarhus", "reference_doc_type", "invoice",
                      "reference_doc_number", "INV-7", NULL);
  g_clear_object (&r);
  r = ff_test_insert (f->session, "receipts", "code", "GR-2", "lot", id_of (b), "supplier",
                      id_of (sup2), "quantity", "50", "unit", "kg", "received_on", "2026-07-10",
                      "receiving_location", "Plant Eindhoven goods in", "receiving_gln", PLANT_GLN,
                      "previous_source", "Farm Fields, Hoorn", "reference_doc_type",
                      "purchase_order", "reference_doc_number", "PO-5", NULL);
  for (guint i = 0; i < 3; i++)
    {
      FfRecord *inputs[] = { a, b, c };
      const char *quantities[] = { "60.125", "50", "3" };
      const char *units[] = { "kg", "kg", "bucket" };
      g_autofree char *code = g_strdup_printf ("TE-1-%u", i + 1);

      g_clear_object (&r);
      r = ff_test_insert (f->session, "lot_links", "code", code, "event_code", "TE-1",
                          "input_lot", id_of (inputs[i]), "output_lot", id_of (z), "quantity",
                          quantities[i], "unit", units[i], "transformed_at",
                          "2026-11-21T08:00:00Z", "location", "Plant Eindhoven",
                          "location_gln", PLANT_GLN, "reference_doc_type", "production_order",
                          "reference_doc_number", "B-1", NULL);
    }
  y = ff_test_insert (f->session, "lots", "code", "Y-1", "lot_type", "wip", "status",
                      "released", "sku", id_of (sku), "quantity", "20", "unit", "kg",
                      "produced_or_received_on", "2026-11-23", "line", id_of (line), NULL);
  g_clear_object (&r);
  r = ff_test_insert (f->session, "lot_links", "code", "TE-2-1", "event_code", "TE-2",
                      "input_lot", id_of (a), "output_lot", id_of (y), "quantity", "20", "unit",
                      "kg", "transformed_at", "2026-11-23T08:00:00Z", "location",
                      "Plant Eindhoven", NULL);
  g_clear_object (&r);
  r = ff_test_insert (f->session, "shipments", "code", "SH-1", "lot", id_of (z), "quantity",
                      "300", "unit", "ea", "ship_date", "2026-11-24", "ship_from",
                      "Plant Eindhoven", "ship_to", "DC Tilburg", "ship_to_gln", DC_GLN,
                      "ship_to_type", "dc", "reference_doc_type", "advance_ship_notice",
                      "reference_doc_number", "ASN-9", NULL);
  g_clear_object (&r);
  r = ff_test_insert (f->session, "shipments", "code", "SH-2", "lot", id_of (p), "quantity",
                      "200", "unit", "ea", "ship_date", "2026-11-25", "ship_from",
                      "Plant Eindhoven", "ship_to", "Corner shop, Main St", "ship_to_type",
                      "store", "reference_doc_type", "bill_of_lading", "reference_doc_number",
                      "BOL-3", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->ours);
  ff_test_tenant_remove (&f->dir, &f->vault, &f->session);
}

/* The export as text (in @out_text) and parsed; @out_summary may be NULL. */
static JsonNode *
export (Fixture         *f,
        const char      *from,
        const char      *to,
        const char      *lot,
        char           **out_text,
        FfEpcisSummary **out_summary)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  FfEpcisOptions options = { ff_session_get_tenant (f->session)->id, from, to, lot };
  g_autoptr (FfEpcisSummary) summary = ff_epcis_export (f->store, &options, out, NULL, &error);
  g_autofree char *text = NULL;
  JsonNode *root;

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  if (out_text != NULL)
    *out_text = g_steal_pointer (&text);
  if (out_summary != NULL)
    *out_summary = g_steal_pointer (&summary);
  return root;
}

static JsonArray *
events_of (JsonNode *root)
{
  JsonObject *body = json_object_get_object_member (json_node_get_object (root), "epcisBody");
  return json_object_get_array_member (body, "eventList");
}

/* The event whose ff:recordCode, ff:transformationCode or ff:traceabilityLotCode (for a
 * commissioning) is @code. */
static JsonObject *
event (JsonNode   *root,
       const char *bizstep,
       const char *code)
{
  JsonArray *events = events_of (root);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      const char *key = json_object_has_member (e, "ff:recordCode")
                          ? json_object_get_string_member (e, "ff:recordCode")
                        : json_object_has_member (e, "ff:transformationCode")
                          ? json_object_get_string_member (e, "ff:transformationCode")
                          : json_object_get_string_member (e, "ff:traceabilityLotCode");
      if (g_str_equal (json_object_get_string_member (e, "bizStep"), bizstep)
          && g_strcmp0 (key, code) == 0)
        return e;
    }
  g_error ("no %s event for %s", bizstep, code);
  return NULL;
}

static JsonObject *
nth (JsonObject *e,
     const char *list,
     guint       n)
{
  return json_array_get_object_element (json_object_get_array_member (e, list), n);
}

static guint
n_members (JsonObject *o,
           const char *list)
{
  return json_array_get_length (json_object_get_array_member (o, list));
}

static const char *
str (JsonObject *o,
     const char *member)
{
  return json_object_get_string_member (o, member);
}

static void
assert_quantity (JsonObject *q,
                 const char *epc_class,
                 double      quantity,
                 const char *uom)
{
  g_assert_cmpstr (str (q, "epcClass"), ==, epc_class);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (q, "quantity"), quantity, 1e-9);
  if (uom != NULL)
    g_assert_cmpstr (str (q, "uom"), ==, uom);
  else
    /* A count of the class's items: EPCIS writes no unit. */
    g_assert_false (json_object_has_member (q, "uom"));
}

static gboolean
has_gap (FfEpcisSummary *summary,
         const char     *text)
{
  for (guint i = 0; i < summary->gaps->len; i++)
    if (strstr (g_ptr_array_index (summary->gaps, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* Every GS1 key in @text has a valid check digit. */
static void
assert_check_digits (const char *text)
{
  g_autoptr (GRegex) keys = g_regex_new ("https://id\\.gs1\\.org/(01|414)/([0-9]+)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (keys, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n++)
    {
      g_autofree char *ai = g_match_info_fetch (match, 1);
      g_autofree char *key = g_match_info_fetch (match, 2);

      g_assert_cmpuint (strlen (key), ==, g_str_equal (ai, "01") ? 14 : 13);
      g_assert_true (ff_gtin_is_valid (key));
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;
  g_autoptr (JsonNode) root = export (f, NULL, NULL, NULL, &text, &summary);
  g_autofree char *a_class = g_strconcat (DL "01/0" INGREDIENT_GTIN "/10/A-1", NULL);
  g_autofree char *b_class = g_strconcat (f->ours, "class/ING-2/lot/B%201%2Fx", NULL);
  g_autofree char *z_class = g_strconcat (DL "01/0" SKU_GTIN "/10/Z-1", NULL);
  g_autofree char *p_class = g_strconcat (DL "01/0" SKU_GTIN "/10/P-1", NULL);
  g_autofree char *sup2 = g_strconcat (f->ours, "location/SUP-2", NULL);
  g_autofree char *shop = g_strconcat (f->ours, "location/Corner%20shop%2C%20Main%20St", NULL);
  JsonObject *doc = json_node_get_object (root);
  JsonArray *events = events_of (root);
  JsonArray *context;
  JsonObject *e, *ilmd;

  g_assert_cmpstr (str (doc, "type"), ==, "EPCISDocument");
  g_assert_cmpstr (str (doc, "schemaVersion"), ==, "2.0");
  /* FOODFLOW_NOW */
  g_assert_cmpstr (str (doc, "creationDate"), ==, "2026-12-02T09:30:00Z");
  context = json_object_get_array_member (doc, "@context");
  g_assert_cmpstr (json_array_get_string_element (context, 0), ==,
                   "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
  g_assert_cmpstr (str (json_array_get_object_element (context, 1), "ff"), ==,
                   "https://foodflow.example/epcis/");

  g_assert_cmpuint (json_array_get_length (events), ==, 8);
  g_assert_cmpuint (summary->n_events, ==, 8);
  g_assert_cmpuint (summary->n_receiving, ==, 2);
  g_assert_cmpuint (summary->n_commissioning, ==, 2);
  g_assert_cmpuint (summary->n_transformation, ==, 2);
  g_assert_cmpuint (summary->n_shipping, ==, 2);
  /* By time: B's receipt and the code we gave it, A's receipt, the transformation, P's
   * packing, the second transformation, the shipments. */
  {
    const char *const times[] = { "2026-07-10T12:00:00+02:00", "2026-07-10T12:00:00+02:00",
                                  "2026-11-19T12:00:00+01:00", "2026-11-21T09:00:00+01:00",
                                  "2026-11-22T15:30:00+01:00", "2026-11-23T09:00:00+01:00",
                                  "2026-11-24T12:00:00+01:00", "2026-11-25T12:00:00+01:00" };
    const char *const steps[] = { "receiving", "commissioning", "receiving", "commissioning",
                                  "commissioning", "commissioning", "shipping", "shipping" };

    for (guint i = 0; i < G_N_ELEMENTS (times); i++)
      {
        e = json_array_get_object_element (events, i);
        g_assert_cmpstr (str (e, "eventTime"), ==, times[i]);
        g_assert_cmpstr (str (e, "eventTimeZoneOffset"), ==, times[i] + 19);
        g_assert_cmpstr (str (e, "bizStep"), ==, steps[i]);
        g_assert_true (g_str_has_prefix (str (e, "eventID"), "urn:uuid:"));
      }
  }

  /* Receiving, from a supplier with a GLN, on its invoice. */
  e = event (root, "receiving", "GR-1");
  g_assert_cmpstr (str (e, "type"), ==, "ObjectEvent");
  g_assert_cmpstr (str (e, "action"), ==, "OBSERVE");
  g_assert_cmpstr (str (e, "disposition"), ==, "in_progress");
  assert_quantity (nth (e, "quantityList", 0), a_class, 100, "KGM");
  g_assert_cmpstr (str (json_object_get_object_member (e, "bizLocation"), "id"), ==,
                   DL "414/" PLANT_GLN);
  g_assert_cmpstr (str (json_object_get_object_member (e, "readPoint"), "id"), ==,
                   DL "414/" PLANT_GLN);
  g_assert_cmpstr (str (nth (e, "sourceList", 0), "type"), ==, "location");
  g_assert_cmpstr (str (nth (e, "sourceList", 0), "source"), ==, DL "414/" SUPPLIER_GLN);
  g_assert_cmpstr (str (nth (e, "destinationList", 0), "destination"), ==, DL "414/" PLANT_GLN);
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "type"), ==, "inv");
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "bizTransaction"), ==,
                   "urn:epcglobal:cbv:bt:" SUPPLIER_GLN ":INV-7");
  g_assert_cmpstr (str (e, "ff:traceabilityLotCode"), ==, "A-1");
  g_assert_cmpstr (str (e, "ff:tlcSource"), ==, "Nordic Oils, Aarhus, DK");
  g_assert_cmpstr (str (e, "ff:productDescription"), ==, "Sunflower oil");
  g_assert_false (json_object_has_member (e, "ilmd"));

  /* In summer, from a supplier without a GLN, on our purchase order; no GTIN: our class. */
  e = event (root, "receiving", "GR-2");
  g_assert_cmpstr (str (e, "eventTimeZoneOffset"), ==, "+02:00");
  assert_quantity (nth (e, "quantityList", 0), b_class, 50, "KGM");
  g_assert_cmpstr (str (nth (e, "sourceList", 0), "source"), ==, sup2);
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "type"), ==, "po");
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "bizTransaction"), ==,
                   "urn:epcglobal:cbv:bt:" PLANT_GLN ":PO-5");

  /* We gave B its lot code on receipt: it starts there. */
  e = event (root, "commissioning", "B 1/x");
  g_assert_cmpstr (str (e, "type"), ==, "ObjectEvent");
  g_assert_cmpstr (str (e, "action"), ==, "ADD");
  g_assert_cmpstr (str (e, "disposition"), ==, "active");
  assert_quantity (nth (e, "quantityList", 0), b_class, 50, "KGM");
  g_assert_cmpstr (str (json_object_get_object_member (e, "bizLocation"), "id"), ==,
                   DL "414/" PLANT_GLN);
  ilmd = json_object_get_object_member (e, "ilmd");
  g_assert_cmpstr (str (ilmd, "cbvmda:bestBeforeDate"), ==, "2026-07-20");
  g_assert_cmpstr (str (ilmd, "ff:tlcSource"), ==, PLANT_GLN " (Plant Eindhoven)");

  /* The transformation: inputs as used, the output as made. */
  e = event (root, "commissioning", "TE-1");
  g_assert_cmpstr (str (e, "type"), ==, "TransformationEvent");
  g_assert_false (json_object_has_member (e, "action"));
  g_assert_cmpuint (n_members (e, "inputQuantityList"), ==, 3);
  assert_quantity (nth (e, "inputQuantityList", 0), a_class, 60.125, "KGM");
  assert_quantity (nth (e, "inputQuantityList", 1), b_class, 50, "KGM");
  /* A unit without a UN/CEFACT code: the class without a quantity, and a gap. */
  g_assert_false (json_object_has_member (nth (e, "inputQuantityList", 2), "quantity"));
  g_assert_cmpuint (n_members (e, "outputQuantityList"), ==, 1);
  assert_quantity (nth (e, "outputQuantityList", 0), z_class, 400, NULL);
  g_assert_cmpstr (str (json_object_get_object_member (e, "bizLocation"), "id"), ==,
                   DL "414/" PLANT_GLN);
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "type"), ==, "prodorder");
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "bizTransaction"), ==,
                   "urn:epcglobal:cbv:bt:" PLANT_GLN ":B-1");
  g_assert_cmpuint (n_members (e, "bizTransactionList"), ==, 1);
  g_assert_cmpstr (str (json_object_get_object_member (e, "ilmd"), "cbvmda:bestBeforeDate"), ==,
                   "2027-01-01");
  /* Numbers as written, not as "%.17g" would print them. */
  g_assert_nonnull (strstr (text, "60.125"));
  g_assert_null (strstr (text, "60.12500"));

  /* Work in progress is no trade item: our class, without a gap; the place from the GLN in
   * the link's location text... here there is none, so that of the plant of the lot's line. */
  e = event (root, "commissioning", "TE-2");
  {
    g_autofree char *y_class = g_strconcat (f->ours, "wip/SKU-1/lot/Y-1", NULL);
    assert_quantity (nth (e, "outputQuantityList", 0), y_class, 20, "KGM");
  }
  g_assert_cmpstr (str (json_object_get_object_member (e, "bizLocation"), "id"), ==,
                   DL "414/" PLANT_GLN);
  g_assert_false (json_object_has_member (e, "bizTransactionList"));
  g_assert_false (json_object_has_member (e, "ilmd"));

  /* Initial packing: a batch's lot made from no recorded inputs, at the batch's end. */
  e = event (root, "commissioning", "P-1");
  g_assert_cmpstr (str (e, "action"), ==, "ADD");
  assert_quantity (nth (e, "quantityList", 0), p_class, 200, NULL);
  g_assert_cmpstr (str (e, "eventTime"), ==, "2026-11-22T15:30:00+01:00");
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "bizTransaction"), ==,
                   "urn:epcglobal:cbv:bt:" PLANT_GLN ":BATCH-1");
  g_assert_cmpstr (str (json_object_get_object_member (e, "ilmd"), "cbvmda:bestBeforeDate"), ==,
                   "2027-02-01");

  /* Shipping: from the plant, on the way (no business location), to the DC's GLN. */
  e = event (root, "shipping", "SH-1");
  g_assert_cmpstr (str (e, "action"), ==, "OBSERVE");
  g_assert_cmpstr (str (e, "disposition"), ==, "in_transit");
  assert_quantity (nth (e, "quantityList", 0), z_class, 300, NULL);
  g_assert_cmpstr (str (json_object_get_object_member (e, "readPoint"), "id"), ==,
                   DL "414/" PLANT_GLN);
  g_assert_false (json_object_has_member (e, "bizLocation"));
  g_assert_cmpstr (str (nth (e, "sourceList", 0), "source"), ==, DL "414/" PLANT_GLN);
  g_assert_cmpstr (str (nth (e, "destinationList", 0), "destination"), ==, DL "414/" DC_GLN);
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "type"), ==, "desadv");
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "bizTransaction"), ==,
                   "urn:epcglobal:cbv:bt:" PLANT_GLN ":ASN-9");
  g_assert_cmpstr (str (e, "ff:shipTo"), ==, "DC Tilburg");
  g_assert_cmpstr (str (e, "ff:shipToType"), ==, "dc");

  /* A recipient without a GLN: named in our namespace. */
  e = event (root, "shipping", "SH-2");
  g_assert_cmpstr (str (nth (e, "destinationList", 0), "destination"), ==, shop);
  g_assert_cmpstr (str (nth (e, "bizTransactionList", 0), "type"), ==, "bol");

  assert_check_digits (text);

  /* What had to be made up or left out, each once. */
  g_assert_true (has_gap (summary, "Ingredient ING-2 has no GTIN"));
  g_assert_true (has_gap (summary, "Supplier SUP-2 (Farm Fields) has no GLN"));
  g_assert_true (has_gap (summary, "Recipient “Corner shop, Main St” has no GLN"));
  g_assert_true (has_gap (summary, "Unit “bucket”"));
  g_assert_true (has_gap (summary, "Lot C-1 has no receipt"));
  g_assert_false (has_gap (summary, "ING-1"));
  g_assert_false (has_gap (summary, "SUP-1"));
  g_assert_cmpuint (summary->gaps->len, ==, 5);

  /* Master data: the lots' descriptions and the places' names. */
  {
    JsonObject *header = json_object_get_object_member (doc, "epcisHeader");
    JsonArray *vocabularies = json_object_get_array_member (
      json_object_get_object_member (header, "epcisMasterData"), "vocabularyList");
    JsonObject *classes = json_array_get_object_element (vocabularies, 0);
    JsonObject *places = json_array_get_object_element (vocabularies, 1);
    gboolean found_z = FALSE, found_plant = FALSE;
    JsonArray *list;

    g_assert_cmpstr (str (classes, "type"), ==, "urn:epcglobal:epcis:vtype:EPCClass");
    list = json_object_get_array_member (classes, "vocabularyElementList");
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *element = json_array_get_object_element (list, i);
        if (g_str_equal (str (element, "id"), z_class))
          {
            g_assert_cmpstr (str (nth (element, "attributes", 0), "attribute"), ==,
                             "Tortilla chips 200 g");
            found_z = TRUE;
          }
      }
    g_assert_cmpstr (str (places, "type"), ==, "urn:epcglobal:epcis:vtype:BusinessLocation");
    list = json_object_get_array_member (places, "vocabularyElementList");
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *element = json_array_get_object_element (list, i);
        if (g_str_equal (str (element, "id"), DL "414/" PLANT_GLN))
          {
            g_assert_cmpstr (str (nth (element, "attributes", 0), "attribute"), ==,
                             "Plant Eindhoven");
            found_plant = TRUE;
          }
      }
    g_assert_true (found_z);
    g_assert_true (found_plant);
  }
}

static gboolean
has_transformation (JsonNode   *root,
                    const char *code)
{
  JsonArray *events = events_of (root);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      if (json_object_has_member (e, "ff:transformationCode")
          && g_str_equal (str (e, "ff:transformationCode"), code))
        return TRUE;
    }
  return FALSE;
}

static guint
n_events (JsonNode *root)
{
  return json_array_get_length (events_of (root));
}

static void
test_lot (Fixture       *f,
          gconstpointer  data)
{
  /* its receipt, the transformations it went into, the shipment of what they made. */
  g_autoptr (JsonNode) a = export (f, NULL, NULL, "A-1", NULL, NULL);
  /* Z-1: what made it (A-1, B, C-1) backward, and where it went; not A-1's other use. */
  g_autoptr (JsonNode) z = export (f, NULL, NULL, "z-1", NULL, NULL);
  g_autoptr (JsonNode) p = export (f, NULL, NULL, "P-1", NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  FfEpcisOptions unknown = { "t", NULL, NULL, "NO-SUCH-LOT" };
  g_autoptr (FfEpcisSummary) none = NULL;

  g_assert_cmpuint (n_events (a), ==, 4);
  event (a, "receiving", "GR-1");
  event (a, "commissioning", "TE-1");
  event (a, "commissioning", "TE-2");
  event (a, "shipping", "SH-1");
  g_assert_cmpuint (n_events (z), ==, 5);
  event (z, "receiving", "GR-2");
  event (z, "commissioning", "B 1/x");
  g_assert_true (has_transformation (z, "TE-1"));
  g_assert_false (has_transformation (z, "TE-2"));
  g_assert_cmpuint (n_events (p), ==, 2);
  event (p, "commissioning", "P-1");
  event (p, "shipping", "SH-2");

  none = ff_epcis_export (f->store, &unknown, out, NULL, &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  /* Local dates, inclusive: 21 Nov 09:00 and 22 Nov 15:30 in Eindhoven. */
  g_autoptr (JsonNode) two = export (f, "2026-11-21", "2026-11-22", NULL, NULL, NULL);
  g_autoptr (JsonNode) from = export (f, "2026-11-24", NULL, NULL, NULL, NULL);
  g_autoptr (JsonNode) to = export (f, NULL, "2026-07-10", NULL, NULL, NULL);
  g_autoptr (JsonNode) empty = export (f, "2026-12-01", "2026-12-01", NULL, NULL, NULL);
  g_autoptr (JsonNode) both = export (f, "2026-11-01", "2026-11-30", "A-1", NULL, NULL);
  const char *const bad[][2] = { { "2026-13-01", NULL }, { NULL, "26-11-01" },
                                 { "2026-11-02", "2026-11-01" }, { "2026-11-01x", NULL } };

  g_assert_cmpuint (n_events (two), ==, 2);
  event (two, "commissioning", "TE-1");
  event (two, "commissioning", "P-1");
  g_assert_cmpuint (n_events (from), ==, 2);
  g_assert_cmpuint (n_events (to), ==, 2);
  g_assert_cmpuint (n_events (empty), ==, 0);
  /* The master data is that of the events written. */
  g_assert_false (json_object_has_member (json_node_get_object (empty), "epcisHeader"));
  g_assert_cmpuint (n_events (both), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
      FfEpcisOptions options = { "t", bad[i][0], bad[i][1], NULL };
      g_autoptr (FfEpcisSummary) summary = ff_epcis_export (f->store, &options, out, NULL, &error);

      g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
      g_assert_null (summary);
    }
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = NULL, *second = NULL, *path = NULL, *contents = NULL;
  g_autoptr (JsonNode) a = export (f, NULL, NULL, NULL, &first, NULL);
  g_autoptr (JsonNode) b = export (f, NULL, NULL, NULL, &second, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;
  FfEpcisOptions options = { ff_session_get_tenant (f->session)->id, NULL, NULL, NULL };

  g_assert_cmpstr (first, ==, second);
  path = g_build_filename (f->dir, "export.jsonld", NULL);
  summary = ff_epcis_export_to_file (f->store, &options, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, first);
}

/* The small tenant's export, commissioning events with ILMD among them (the demo has none),
 * validates against GS1's schema (ajv-cli, as tests/cli/test-epcis-schema.py runs it). */
static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  const char *ajv = g_getenv ("FOODFLOW_AJV");
  g_autofree char *schema = g_build_filename (g_getenv ("FOODFLOW_TEST_SRCDIR"), "tests", "data",
                                              "epcis", "EPCIS-JSON-Schema.json", NULL);
  /* ajv-cli picks its parser by extension and knows no .jsonld. */
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;
  FfEpcisOptions options = { ff_session_get_tenant (f->session)->id, NULL, NULL, NULL };
  int status = -1;

  if (ajv == NULL || !g_file_test (ajv, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("ajv-cli is not installed: run tools/bootstrap BUILD_DIR");
      return;
    }
  summary = ff_epcis_export_to_file (f->store, &options, path, NULL, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "-s", schema,
                           "-d", path, NULL };
    g_autofree char *cwd = g_path_get_dirname (ajv);

    g_assert_true (g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ajv refused the export:\n%s%s", out, err);
}

static void
test_units (void)
{
  const char *const units[][2] = {
    { "kg", "KGM" }, { "KG", "KGM" }, { "g", "GRM" }, { "mg", "MGM" }, { "t", "TNE" },
    { "l", "LTR" }, { "ml", "MLT" }, { "cl", "CLT" }, { "hl", "HLT" }, { "m", "MTR" },
    { "case", "XCS" },
  };
  gboolean count = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_assert_cmpstr (ff_epcis_uom_for_unit (units[i][0], &count), ==, units[i][1]);
      g_assert_false (count);
    }
  g_assert_null (ff_epcis_uom_for_unit ("ea", &count));
  g_assert_true (count);
  g_assert_null (ff_epcis_uom_for_unit ("pcs", &count));
  g_assert_true (count);
  g_assert_null (ff_epcis_uom_for_unit ("bucket", &count));
  g_assert_false (count);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/epcis/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("events", test_events);
  ADD ("lot", test_lot);
  ADD ("dates", test_dates);
  ADD ("deterministic", test_deterministic);
  ADD ("schema", test_schema);
#undef ADD
  g_test_add_func ("/epcis/units", test_units);
  return g_test_run ();
}
