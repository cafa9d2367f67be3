/* test-lot-release.c — a lot on hold says why; a release is refused while an open critical
 * deviation is on the lot or upstream of it, unless a QA user signs it; a signature covers the
 * lot as released and shows when the lot changed since. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-audit-trail.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-lot-release.h"
#include "ff-record-repository.h"
#include "ff-signatures.h"
#include "ff-test-util.h"

#define TENANT "Release Foods"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define QA_PASSWORD "Quiet-Quince-Tree-58"
#define OPERATOR_PASSWORD "Orange-Otter-Lamp-17"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;   /* the operator's, at whose screen QA overrides */
  FfSession *admin;
  FfStore   *store;
  FfActor    qa;
  FfRecord  *raw;       /* RM-1 -> WIP-1 -> FG-1 */
  FfRecord  *wip;
  FfRecord  *finished;
} Fixture;

static FfRecord *
insert (Fixture    *f,
        const char *kind,
        ...)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (f->store,
                                                                  ff_kind_lookup (kind));
  g_autoptr (GError) error = NULL;
  FfRecord *record = ff_record_new (ff_kind_lookup (kind));
  const char *name;
  va_list args;

  va_start (args, kind);
  while ((name = va_arg (args, const char *)) != NULL)
    ff_record_set (record, name, va_arg (args, const char *));
  va_end (args);
  ff_record_repository_insert (repo, &f->qa, record, "Test", &error);
  g_assert_no_error (error);
  return record;
}

static FfRecord *
lot (Fixture    *f,
     const char *code,
     const char *type)
{
  return insert (f, "lots", "code", code, "lot_type", type, "status", "hold", "quantity", "100",
                 "unit", "kg", "produced_or_received_on", "2026-11-20", NULL);
}

static void
add_link (Fixture  *f,
          FfRecord *input,
          FfRecord *output,
          guint     n)
{
  g_autofree char *code = g_strdup_printf ("LINK-%u", n);
  g_autoptr (FfRecord) l = insert (f, "lot_links", "code", code, "event_code", code,
                                   "input_lot", ff_record_get_id (input), "output_lot",
                                   ff_record_get_id (output), "quantity", "10", "unit", "kg",
                                   "transformed_at", "2026-11-21T08:00:00Z",
                                   "location", "Plant Eindhoven", NULL);
}

static FfRecord *
deviation (Fixture    *f,
           const char *code,
           FfRecord   *on,
           const char *severity,
           const char *status)
{
  return insert (f, "deviations", "code", code, "raised_at", "2026-11-21T09:00:00Z",
                 "severity", severity, "category", "foreign_body", "description",
                 "Metal detector test piece not rejected", "lot", ff_record_get_id (on),
                 "status", status, NULL);
}

static FfRecord *
reload (Fixture  *f,
        FfRecord *record)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (f->store,
                                                                  ff_record_get_kind (record));
  g_autoptr (GError) error = NULL;
  FfRecord *now = ff_record_repository_get (repo, ff_record_get_id (record), &error);

  g_assert_no_error (error);
  return now;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return ff_test_query_int (f->store, sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  ff_test_tenant_make ("ff-test-lot-release", TENANT, "alice", ADMIN_PASSWORD, &f->dir,
                       &f->vault, &f->admin);
  g_assert_true (ff_vault_add_user (f->vault, f->admin, "quinn", FF_ROLE_QA, QA_PASSWORD,
                                    &error));
  g_assert_true (ff_vault_add_user (f->vault, f->admin, "otto", FF_ROLE_OPERATOR,
                                    OPERATOR_PASSWORD, &error));
  g_assert_no_error (error);
  f->session = ff_vault_unlock (f->vault, TENANT, "otto", OPERATOR_PASSWORD, &error);
  g_assert_no_error (error);
  f->store = ff_session_get_store (f->session);
  f->qa = (FfActor) { "quinn", FF_ROLE_QA };
  f->raw = lot (f, "RM-1", "ingredient");
  f->wip = lot (f, "WIP-1", "wip");
  f->finished = lot (f, "FG-1", "finished");
  add_link (f, f->raw, f->wip, 1);
  add_link (f, f->wip, f->finished, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->raw);
  g_clear_object (&f->wip);
  g_clear_object (&f->finished);
  g_clear_object (&f->session);
  ff_test_tenant_remove (&f->dir, &f->vault, &f->admin);
}

/* Only open critical deviations stand in the way, on the lot or anywhere upstream. */
static void
test_blockers (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = NULL, blockers = NULL;
  g_autoptr (FfRecord) minor = deviation (f, "DEV-1", f->raw, "minor", "open");
  g_autoptr (FfRecord) closed = deviation (f, "DEV-2", f->raw, "critical", "closed");
  g_autoptr (FfRecord) upstream = NULL, own = NULL;
  FfReleaseBlocker *b;

  none = ff_lot_release_blockers (f->store, ff_record_get_id (f->finished), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  upstream = deviation (f, "DEV-3", f->raw, "critical", "investigating");
  own = deviation (f, "DEV-4", f->finished, "critical", "open");
  blockers = ff_lot_release_blockers (f->store, ff_record_get_id (f->finished), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blockers->len, ==, 2);
  b = g_ptr_array_index (blockers, 0);
  g_assert_cmpstr (b->deviation_code, ==, "DEV-4");
  g_assert_false (b->on_input);
  b = g_ptr_array_index (blockers, 1);
  g_assert_cmpstr (b->deviation_code, ==, "DEV-3");
  g_assert_cmpstr (b->lot_code, ==, "RM-1");
  g_assert_true (b->on_input);
  /* Downstream deviations do not hold an input. */
  g_clear_pointer (&blockers, g_ptr_array_unref);
  blockers = ff_lot_release_blockers (f->store, ff_record_get_id (f->wip), &error);
  g_assert_cmpuint (blockers->len, ==, 1);
}

/* Refused without a QA signature, by an operator's signature and with a wrong password; each
 * refusal writes nothing. Signed by QA, the lot is released and the signature covers it. */
static void
test_guarded_release (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) dev = deviation (f, "DEV-9", f->raw, "critical", "open");
  g_autoptr (FfRecord) released = NULL;
  g_autoptr (GPtrArray) signatures = NULL;
  g_autoptr (GPtrArray) trail = NULL;
  gint64 trail_before = count (f, "SELECT count(*) FROM audit_trail");
  FfRecord *signature;

  g_assert_false (ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->finished),
                                  "Micro results OK", NULL, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "DEV-9 on input lot RM-1"));
  g_clear_error (&error);
  g_assert_false (ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->finished),
                                  "Micro results OK", "otto", OPERATOR_PASSWORD, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->finished),
                                  "Micro results OK", "quinn", OPERATOR_PASSWORD, &error));
  g_assert_error (error, FF_VAULT_ERROR, FF_VAULT_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM signatures"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM lots WHERE status = 'released'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_trail"), ==, trail_before);

  ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->finished),
                  "Deviation on the salt lot does not reach the product", "quinn", QA_PASSWORD,
                  &error);
  g_assert_no_error (error);
  released = reload (f, f->finished);
  g_assert_cmpstr (ff_record_get (released, "status"), ==, "released");
  signatures = ff_signatures_of (f->store, released, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_cmpstr (ff_record_get (signature, "meaning"), ==, "released");
  g_assert_cmpstr (ff_record_get (signature, "signer"), ==, "quinn");
  g_assert_cmpstr (ff_record_get (signature, "external"), ==, "0");
  g_assert_cmpstr (ff_record_get (signature, "reason"), ==,
                   "Deviation on the salt lot does not reach the product");
  g_assert_cmpuint (strlen (ff_record_get (signature, "content_hash")), ==, 64);
  g_assert_cmpint (ff_signature_check (f->store, signature, NULL), ==, FF_SIGNATURE_COVERS);
  /* The status change is the QA user's who signed it, at the operator's screen. */
  trail = ff_audit_trail_list (f->store, "lots", ff_record_get_id (f->finished), NULL);
  g_assert_cmpstr (((FfAuditEntry *) g_ptr_array_index (trail, trail->len - 1))->username, ==,
                   "quinn");
  g_assert_cmpstr (((FfAuditEntry *) g_ptr_array_index (trail, trail->len - 1))->new_value, ==,
                   "released");

  /* A change after the release: the signature no longer covers the lot. */
  {
    g_autoptr (FfRecordRepository) lots = ff_record_repository_new (f->store,
                                                                    ff_kind_lookup ("lots"));
    ff_record_set (released, "location", "EHV cold store 2");
    g_assert_true (ff_record_repository_update (lots, &f->qa, released, "Moved", &error));
    g_assert_no_error (error);
    g_assert_cmpint (ff_signature_check (f->store, signature, NULL), ==, FF_SIGNATURE_CHANGED);
  }
}

/* The rule holds whoever writes: a form's update is refused while blocked, and a signature of
 * an earlier release of the same content releases nothing once the lot was held again. */
static void
test_rule_on_every_write (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (f->store,
                                                                  ff_kind_lookup ("lots"));
  g_autoptr (FfRecord) dev = deviation (f, "DEV-5", f->finished, "critical", "open");
  g_autoptr (FfRecord) edited = reload (f, f->finished);
  g_autoptr (FfRecord) again = NULL;
  FfActor operator = ff_actor_from_session (f->session);

  ff_record_set (edited, "status", "released");
  g_assert_false (ff_record_repository_update (lots, &f->qa, edited, "Looks fine", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_true (ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->finished),
                                 "Reviewed", "quinn", QA_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (ff_lot_hold (f->store, &operator, ff_record_get_id (f->finished), "hold",
                              "Customer complaint", &error));
  g_assert_no_error (error);
  /* The same content as the signed release, but after the hold. */
  again = reload (f, f->finished);
  ff_record_set (again, "status", "released");
  ff_record_set (again, "hold_reason", NULL);
  ff_record_set (again, "held_by", NULL);
  ff_record_set (again, "held_at", NULL);
  g_assert_false (ff_record_repository_update (lots, &f->qa, again, "Again", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
}

/* A hold records who, when and why; its explanation adds the deviations and CCP readings out
 * of limit on the lot; a release without blockers needs no signature and clears the hold. */
static void
test_hold_and_explain (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfLotHold) hold = NULL;
  g_autoptr (FfRecord) dev = deviation (f, "DEV-7", f->wip, "major", "open");
  g_autoptr (FfRecord) plan = insert (f, "haccp_plans", "code", "HP-1", "name", "Chips",
                                      "product_scope", "Tortilla chips, fryer L1",
                                      "version", "1", "status", "approved", NULL);
  g_autoptr (FfRecord) ccp = insert (f, "ccps", "code", "CCP-1", "haccp_plan",
                                     ff_record_get_id (plan), "process_step", "Frying",
                                     "hazard", "Pathogens", "control_measure", "Fryer set point",
                                     "limit_min", "170", "limit_max", "185", "limit_unit", "°C",
                                     "monitoring_what", "Oil temperature",
                                     "monitoring_how", "Probe", "frequency_minutes", "60",
                                     "responsible_role", "Line operator", "corrective_action",
                                     "Hold since the last good check", NULL);
  g_autoptr (FfRecord) reading = insert (f, "ccp_readings", "ccp", ff_record_get_id (ccp),
                                         "lot", ff_record_get_id (f->wip), "value", "160",
                                         "unit", "°C", "observed_at", "2026-11-21T10:00:00Z",
                                         "observed_by", "otto", NULL);
  g_autoptr (FfRecord) held = NULL, released = NULL;
  FfActor operator = ff_actor_from_session (f->session);

  g_assert_false (ff_lot_hold (f->store, &operator, ff_record_get_id (f->wip), "hold", "",
                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ff_lot_hold (f->store, &operator, ff_record_get_id (f->wip), "hold",
                              "Frying temperature below the critical limit", &error));
  g_assert_no_error (error);
  held = reload (f, f->wip);
  g_assert_cmpstr (ff_record_get (held, "held_by"), ==, "otto");
  g_assert_cmpstr (ff_record_get (held, "held_at"), ==, "2026-12-02T09:30:00Z");

  hold = ff_lot_hold_explain (f->store, ff_record_get_id (f->wip), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hold->reason, ==, "Frying temperature below the critical limit");
  g_assert_cmpstr (hold->held_by, ==, "otto");
  g_assert_cmpuint (hold->deviations->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (hold->deviations, 0), "DEV-7 (Major, Open)"));
  g_assert_cmpuint (hold->readings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (hold->readings, 0), "CCP-1"));

  /* Nothing critical: QA releases it without a signature, the hold cleared; an operator may
   * hold a lot but not release one. */
  g_assert_false (ff_lot_release (f->vault, f->session, NULL, ff_record_get_id (f->wip),
                                  "Re-fried; core temperature confirmed", NULL, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (ff_lot_release (f->vault, f->admin, NULL, ff_record_get_id (f->wip),
                                 "Re-fried; core temperature confirmed", NULL, NULL, &error));
  g_assert_no_error (error);
  released = reload (f, f->wip);
  g_assert_cmpstr (ff_record_get (released, "status"), ==, "released");
  g_assert_null (ff_record_get (released, "hold_reason"));
  g_assert_null (ff_record_get (released, "held_by"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM signatures"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lot-release/blockers", test_blockers);
  ADD ("/lot-release/guarded", test_guarded_release);
  ADD ("/lot-release/rule-on-every-write", test_rule_on_every_write);
  ADD ("/lot-release/hold-and-explain", test_hold_and_explain);
#undef ADD
  return g_test_run ();
}
