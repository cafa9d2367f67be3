/* test-migration-0007.c — audit signatures become signatures with their ids, clocks, images and
 * history; changes not yet sent are queued again under the new table; lots gain why they are
 * held. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ff-store.h"
#include "ff-test-util.h"

#define TENANT_ID "01963a3c-0000-7000-8000-00000000a007"

/* Rows as version 6 let them be: a member's signature already sent, an external one not yet
 * (its outbox entry still there), and its audit-trail entry. */
static const char v6_rows[] =
  "INSERT INTO audit_signatures (id, code, audit, signer_name, signer_username, meaning, "
  "  signed_at, signature_image, _hlc, _device) VALUES "
  "  ('s1', 'AUD-1/SIG-1', 'a1', 'Ingrid Janssens', 'ijanssens', 'performed', "
  "   '2026-03-02T16:00:00Z', X'89504E47', 11, 'd'),"
  "  ('s2', 'AUD-1/SIG-2', 'a1', 'Supplier QM', NULL, 'reviewed', '2026-03-02T16:10:00Z', "
  "   X'89504E4701', 12, 'd');"
  "INSERT INTO sync_outbox (mutation_id, tbl, row_id, op, fields, hlc) VALUES "
  "  ('m2', 'audit_signatures', 's2', 'insert', '{\"code\":\"AUD-1/SIG-2\"}', 12);"
  "INSERT INTO audit_trail (id, at, username, tbl, row_id, new_value, reason, _hlc, _device) "
  "  VALUES ('t2', '2026-03-02T16:10:00Z', 'quinn', 'audit_signatures', 's2', 'AUD-1/SIG-2', "
  "  'Signed', 12, 'd');"
  "INSERT INTO lots (id, code, lot_type, status, quantity, unit, produced_or_received_on, _hlc, "
  "  _device) VALUES ('l1', 'L-1', 'finished', 'hold', 10, 'kg', '2026-03-01', 13, 'd');";

static void
test_forward (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (FfStore) store = ff_test_store_make ("ff-test-migration", TENANT_ID,
                                                  FF_STORE_OPEN_NO_MIGRATE, &dir);
  g_autofree char *fields = NULL, *mutation = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_true (ff_store_migrate (store, 6, &error));
  g_assert_no_error (error);
  ff_test_exec (store, v6_rows);
  g_assert_true (ff_store_migrate (store, 7, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM sqlite_master "
                                             "WHERE name = 'audit_signatures'"), ==, 0);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM signatures WHERE id = 's1' "
                                             "AND audit = 'a1' AND signer = 'ijanssens' "
                                             "AND external = 0 AND meaning = 'performed' "
                                             "AND _hlc = 11 AND hex (signature_image) = "
                                             "'89504E47' AND content_hash IS NULL"), ==, 1);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM signatures WHERE id = 's2' "
                                             "AND signer IS NULL AND external = 1"), ==, 1);
  /* Only the unsent one is queued again, whole, under the new table, with a name-based id. */
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM sync_outbox"), ==, 1);
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM sync_outbox WHERE "
                                             "tbl = 'signatures' AND row_id = 's2' "
                                             "AND op = 'insert'"), ==, 1);
  mutation = ff_test_query_text (store, "SELECT mutation_id FROM sync_outbox");
  g_assert_cmpuint (strlen (mutation), ==, 36);
  fields = ff_test_query_text (store, "SELECT fields FROM sync_outbox");
  g_assert_true (json_parser_load_from_data (parser, fields, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "AUD-1/SIG-2");
  g_assert_cmpstr (json_object_get_string_member (object, "external"), ==, "1");
  g_assert_true (json_object_get_null_member (object, "signer"));
  /* Blobs travel as base64, as the repository sends them. */
  g_assert_cmpstr (json_object_get_string_member (object, "signature_image"), ==, "iVBORwE=");
  /* Its history follows it. */
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM audit_trail WHERE "
                                             "tbl = 'signatures' AND row_id = 's2'"), ==, 1);
  /* A held lot has room for why; old ones say nothing yet. */
  g_assert_cmpint (ff_test_query_int (store, "SELECT count(*) FROM lots WHERE id = 'l1' "
                                             "AND hold_reason IS NULL AND held_by IS NULL"), ==, 1);

  g_clear_object (&store);
  ff_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migration-0007/forward", test_forward);
  return g_test_run ();
}
