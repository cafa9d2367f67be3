/* test-rules.c — the rules FfRecordRepository enforces: regulated changes need a reason and are
 * audited, append-only kinds stay as recorded, roles per kind and per field, tombstones. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-audit-trail.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-users.h"
#include "ff-vault.h"
#include "ff-test-util.h"

#define TENANT "Rules Test Foods"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;     /* borrowed from the session */
  FfActor    admin;
  FfActor    qa;
  FfActor    operator;
  FfActor    viewer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  ff_test_tenant_make ("ff-test-rules", TENANT, ADMIN, ADMIN_PASSWORD, &fixture->dir,
                       &fixture->vault, &fixture->session);
  fixture->store = ff_session_get_store (fixture->session);
  fixture->admin = ff_actor_from_session (fixture->session);
  fixture->qa = (FfActor) { "quinn", FF_ROLE_QA };
  fixture->operator = (FfActor) { "otto", FF_ROLE_OPERATOR };
  fixture->viewer = (FfActor) { "vera", FF_ROLE_VIEWER };
  g_assert_true (ff_users_add (fixture->store, "quinn", FF_ROLE_QA, NULL));
  g_assert_true (ff_users_add (fixture->store, "otto", FF_ROLE_OPERATOR, NULL));
  g_assert_true (ff_users_add (fixture->store, "vera", FF_ROLE_VIEWER, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ff_test_tenant_remove (&fixture->dir, &fixture->vault, &fixture->session);
}

static gint64
outbox_count (Fixture *fixture)
{
  return ff_test_query_int (fixture->store, "SELECT count(*) FROM sync_outbox");
}

static gint64
audit_count (Fixture *fixture)
{
  return ff_test_query_int (fixture->store, "SELECT count(*) FROM audit_trail");
}

static FfRecordRepository *
repo_of (Fixture    *fixture,
         const char *kind_name)
{
  const FfKind *kind = ff_kind_lookup (kind_name);

  g_assert_nonnull (kind);
  return ff_record_repository_new (fixture->store, kind);
}

/* A new, unsaved record of @kind_name with the field/value pairs that follow (NULL-ended). */
static FfRecord *
new_record_va (const char *kind_name,
               va_list     args)
{
  FfRecord *r = ff_record_new (ff_kind_lookup (kind_name));
  const char *field;

  while ((field = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpint (ff_kind_get_field_index (ff_kind_lookup (kind_name), field), >=, 0);
      ff_record_set (r, field, va_arg (args, const char *));
    }
  return r;
}

static FfRecord *
new_record (const char *kind_name,
            ...)
{
  FfRecord *r;
  va_list args;

  va_start (args, kind_name);
  r = new_record_va (kind_name, args);
  va_end (args);
  return r;
}

/* Inserts a record as @actor, which must work. */
static FfRecord *
insert_record (Fixture       *fixture,
               const FfActor *actor,
               const char    *kind_name,
               ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = repo_of (fixture, kind_name);
  FfRecord *r;
  va_list args;

  va_start (args, kind_name);
  r = new_record_va (kind_name, args);
  va_end (args);
  g_assert_true (ff_record_repository_insert (repo, actor, r, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ff_record_get_id (r));
  return r;
}

static FfRecord *
get_record (Fixture    *fixture,
            const char *kind_name,
            const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) repo = repo_of (fixture, kind_name);
  FfRecord *r = ff_record_repository_get (repo, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static GPtrArray *
audit_of (Fixture    *fixture,
          const char *table,
          const char *id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = ff_audit_trail_list (fixture->store, table, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static FfRecord *
insert_lot (Fixture    *fixture,
            const char *code)
{
  return insert_record (fixture, &fixture->qa, "lots", "code", code, "lot_type", "ingredient",
                        "status", "quarantine", "quantity", "1200", "unit", "kg",
                        "produced_or_received_on", "2026-03-01", "location", "Cold store 2",
                        NULL);
}

static FfRecord *
new_capa (const char *code,
          const char *status)
{
  return new_record ("capas", "code", code, "title", "Seal the dock door", "source", "audit",
                     "owner", "JdV", "due_on", "2026-04-01", "status", status, NULL);
}

/* Regulated fields ---------------------------------------------------------------------------- */

static void
test_regulated_field (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) lots = repo_of (fixture, "lots");
  g_autoptr (FfRecord) lot = insert_lot (fixture, "LOT-1");
  g_autoptr (FfRecord) edit = NULL;
  g_autoptr (FfRecord) got = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  FfAuditEntry *entry;
  gint64 outbox_before = outbox_count (fixture);

  /* A regulated field of a kind that is not regulated: its creation is not an audited change. */
  entries = audit_of (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* No reason, or an empty one: refused, and nothing changes. */
  edit = ff_record_copy (lot);
  ff_record_set (edit, "status", "released");
  ff_record_set (edit, "location", "Dispatch");
  g_assert_false (ff_record_repository_update (lots, &fixture->qa, edit, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ff_record_repository_update (lots, &fixture->qa, edit, "", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  got = get_record (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpstr (ff_record_get (got, "status"), ==, "quarantine");
  g_assert_cmpstr (ff_record_get (got, "location"), ==, "Cold store 2");
  g_assert_cmpuint (ff_record_get_hlc (got), ==, ff_record_get_hlc (lot));
  g_clear_object (&got);
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before);
  g_assert_cmpint (audit_count (fixture), ==, 0);

  /* A field that is not regulated needs no reason and is not audited. */
  g_clear_object (&edit);
  edit = ff_record_copy (lot);
  ff_record_set (edit, "location", "Dispatch");
  g_assert_true (ff_record_repository_update (lots, &fixture->qa, edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (fixture), ==, 0);

  /* With a reason it lands, and so does its entry in the audit trail. */
  ff_record_set (edit, "status", "released");
  g_assert_true (ff_record_repository_update (lots, &fixture->qa, edit, "Micro results OK",
                                              &error));
  g_assert_no_error (error);
  got = get_record (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpstr (ff_record_get (got, "status"), ==, "released");
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before + 2);

  entries = audit_of (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->table, ==, "lots");
  g_assert_cmpstr (entry->row_id, ==, ff_record_get_id (lot));
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->old_value, ==, "quarantine");
  g_assert_cmpstr (entry->new_value, ==, "released");
  g_assert_cmpstr (entry->reason, ==, "Micro results OK");
  g_assert_cmpstr (entry->username, ==, "quinn");
  g_assert_nonnull (entry->at);
  g_assert_true (g_str_has_suffix (entry->at, "Z"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A second change is a second entry, after the first. */
  ff_record_set (edit, "status", "hold");
  g_assert_true (ff_record_repository_update (lots, &fixture->admin, edit, "Customer complaint",
                                              &error));
  g_assert_no_error (error);
  entries = audit_of (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpuint (entries->len, ==, 2);
  entry = entries->pdata[1];
  g_assert_cmpstr (entry->old_value, ==, "released");
  g_assert_cmpstr (entry->new_value, ==, "hold");
  g_assert_cmpstr (entry->reason, ==, "Customer complaint");
  g_assert_cmpstr (entry->username, ==, ADMIN);
}

/* Regulated, append-only kinds ----------------------------------------------------------------- */

static FfRecord *
insert_ccp (Fixture *fixture)
{
  g_autoptr (FfRecord) plan = insert_record (fixture, &fixture->qa, "haccp_plans",
                                             "code", "HP-CHIPS", "name", "Tortilla chips",
                                             "product_scope", "Fried tortilla chips, L1-L2",
                                             "version", "3", "status", "draft", NULL);

  return insert_record (fixture, &fixture->qa, "ccps", "code", "HP-CHIPS-CCP1",
                        "haccp_plan", ff_record_get_id (plan), "process_step", "Frying",
                        "hazard", "Salmonella survival", "control_measure", "Oil at 175 °C",
                        "limit_min", "175", "limit_unit", "°C",
                        "monitoring_what", "Oil temperature", "monitoring_how", "Probe",
                        "frequency_minutes", "60", "responsible_role", "Line operator",
                        "corrective_action", "Hold product since the last good check", NULL);
}

static void
assert_append_only (Fixture       *fixture,
                    const char    *kind_name,
                    FfRecord      *record,
                    const char    *field,
                    const char    *new_value)
{
  g_autoptr (FfRecordRepository) repo = repo_of (fixture, kind_name);
  g_autoptr (FfRecord) edit = ff_record_copy (record);
  g_autoptr (FfRecord) got = NULL;
  const FfActor *const actors[] = { &fixture->admin, &fixture->qa, &fixture->operator };
  gint64 outbox_before = outbox_count (fixture);
  gint64 audit_before = audit_count (fixture);

  ff_record_set (edit, field, new_value);
  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (ff_record_repository_update (repo, actors[i], edit, "Typo", &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_false (ff_record_repository_delete (repo, actors[i], ff_record_get_id (record),
                                                   "Typo", &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    }
  got = get_record (fixture, kind_name, ff_record_get_id (record));
  g_assert_cmpstr (ff_record_get (got, field), ==, ff_record_get (record, field));
  g_assert_cmpint (ff_record_repository_count (repo, NULL), ==, 1);
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before);
  g_assert_cmpint (audit_count (fixture), ==, audit_before);
}

static void
test_regulated_kind_ccp_readings (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr (FfRecord) ccp = insert_ccp (fixture);
  g_autoptr (FfRecord) reading = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  FfAuditEntry *entry;

  g_assert_cmpint (audit_count (fixture), ==, 0);
  reading = insert_record (fixture, &fixture->operator, "ccp_readings",
                           "ccp", ff_record_get_id (ccp), "value", "178.5", "unit", "°C",
                           "observed_at", "2026-03-01T06:00:00Z", "observed_by", "otto", NULL);

  /* Its creation is logged, with the default reason since none was given. */
  entries = audit_of (fixture, "ccp_readings", ff_record_get_id (reading));
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->username, ==, "otto");
  g_assert_cmpstr (entry->table, ==, "ccp_readings");
  g_assert_null (entry->field);
  g_assert_null (entry->old_value);
  g_assert_nonnull (entry->reason);
  g_assert_cmpstr (entry->reason, !=, "");
  g_assert_cmpint (audit_count (fixture), ==, 1);

  assert_append_only (fixture, "ccp_readings", reading, "value", "190");
}

/* Signatures are written by QA (the engine signs with a password, ff-signatures.c); each signs
 * one record, names its user signer or is external without one, and stays as recorded. */
static void
test_regulated_kind_signatures (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) template = insert_record (fixture, &fixture->qa, "audit_templates",
                                                 "code", "TPL-GMP", "name", "GMP walk",
                                                 "standard", "internal", "version", "1",
                                                 "pass_threshold_pct", "80", "status", "active",
                                                 NULL);
  g_autoptr (FfRecord) audit = insert_record (fixture, &fixture->qa, "audits",
                                              "code", "AUD-1", "template",
                                              ff_record_get_id (template), "site", "Eindhoven",
                                              "auditor", "quinn", "scheduled_on", "2026-03-02",
                                              "status", "completed", NULL);
  g_autoptr (FfRecord) lot = insert_record (fixture, &fixture->qa, "lots", "code", "L-1",
                                            "lot_type", "finished", "status", "quarantine",
                                            "quantity", "10", "unit", "kg",
                                            "produced_or_received_on", "2026-03-01", NULL);
  g_autoptr (FfRecordRepository) signatures = repo_of (fixture, "signatures");
  g_autoptr (FfRecord) signature = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  FfAuditEntry *entry;
  struct
  {
    const FfActor *actor;
    const char    *subject_field;
    const char    *second_subject;
    const char    *signer;
    const char    *external;
    GQuark         domain;
    int            code;
  } refused[] = {
    /* An operator writes no signature. */
    { &fixture->operator, "audit", NULL, "quinn", "0", FF_ERROR, FF_ERROR_PERMISSION },
    /* One record, not two. */
    { &fixture->qa, "audit", "lot", "quinn", "0", FF_ERROR, FF_ERROR_INVALID },
    /* A signature that names no signer and is not external. */
    { &fixture->qa, "audit", NULL, NULL, "0", FF_ERROR, FF_ERROR_INVALID },
    /* An external signer has no user name. */
    { &fixture->qa, "audit", NULL, "quinn", "1", FF_ERROR, FF_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (FfRecord) r = new_record ("signatures", "code", "AUD-1/SIG-0", "audit",
                                           ff_record_get_id (audit), "signer_name", "Quinn",
                                           "meaning", "approved",
                                           "external", refused[i].external,
                                           "signed_at", "2026-03-02T16:00:00Z", NULL);
      ff_record_set (r, "signer", refused[i].signer);
      if (refused[i].second_subject != NULL)
        ff_record_set (r, refused[i].second_subject, ff_record_get_id (lot));
      g_assert_false (ff_record_repository_insert (signatures, refused[i].actor, r, NULL,
                                                   &error));
      g_assert_error (error, refused[i].domain, refused[i].code);
      g_clear_error (&error);
    }
  g_assert_cmpint (ff_record_repository_count (signatures, NULL), ==, 0);

  signature = new_record ("signatures", "code", "AUD-1/SIG-1", "audit",
                          ff_record_get_id (audit), "signer", "quinn", "signer_name", "Quinn",
                          "external", "0", "meaning", "approved",
                          "signed_at", "2026-03-02T16:05:00Z", NULL);
  g_assert_true (ff_record_repository_insert (signatures, &fixture->qa, signature,
                                              "Audit closed out", &error));
  g_assert_no_error (error);

  entries = audit_of (fixture, "signatures", ff_record_get_id (signature));
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->username, ==, "quinn");
  g_assert_null (entry->field);
  g_assert_cmpstr (entry->new_value, ==, "AUD-1/SIG-1");
  g_assert_cmpstr (entry->reason, ==, "Audit closed out");

  assert_append_only (fixture, "signatures", signature, "signer_name", "Someone else");
}

/* Field roles: CAPA status --------------------------------------------------------------------- */

static void
test_capa_status_roles (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) capas = repo_of (fixture, "capas");
  g_autoptr (FfRecord) opened = new_capa ("CAPA-1", "open");
  g_autoptr (FfRecord) closed = new_capa ("CAPA-2", "closed");
  g_autoptr (FfRecord) edit = NULL;
  g_autoptr (FfRecord) got = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  gint64 outbox_before;

  /* An operator opens a CAPA with the default status... */
  g_assert_true (ff_record_repository_insert (capas, &fixture->operator, opened, NULL, &error));
  g_assert_no_error (error);
  /* ...but may not create one already closed. */
  g_assert_false (ff_record_repository_insert (capas, &fixture->operator, closed, "Done",
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (ff_record_get_id (closed));
  g_assert_cmpint (ff_record_repository_count (capas, NULL), ==, 1);

  /* An operator may edit what is theirs to edit... */
  edit = ff_record_copy (opened);
  ff_record_set (edit, "root_cause", "Worn seal");
  g_assert_true (ff_record_repository_update (capas, &fixture->operator, edit, NULL, &error));
  g_assert_no_error (error);

  /* ...but not move the status on, reason or not. */
  outbox_before = outbox_count (fixture);
  ff_record_set (edit, "status", "in_progress");
  g_assert_false (ff_record_repository_update (capas, &fixture->operator, edit, "Started",
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  ff_record_set (edit, "status", "open");
  ff_record_set (edit, "closed_on", "2026-03-20");
  g_assert_false (ff_record_repository_update (capas, &fixture->operator, edit, "Started",
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  got = get_record (fixture, "capas", ff_record_get_id (opened));
  g_assert_cmpstr (ff_record_get (got, "status"), ==, "open");
  g_assert_null (ff_record_get (got, "closed_on"));
  g_assert_cmpstr (ff_record_get (got, "root_cause"), ==, "Worn seal");
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before);
  g_clear_object (&got);

  /* QA may, with a reason (the status is regulated). */
  g_clear_object (&edit);
  edit = get_record (fixture, "capas", ff_record_get_id (opened));
  ff_record_set (edit, "status", "closed");
  ff_record_set (edit, "closed_on", "2026-03-20");
  g_assert_false (ff_record_repository_update (capas, &fixture->qa, edit, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ff_record_repository_update (capas, &fixture->qa, edit, "Effective",
                                              &error));
  g_assert_no_error (error);
  got = get_record (fixture, "capas", ff_record_get_id (opened));
  g_assert_cmpstr (ff_record_get (got, "status"), ==, "closed");
  g_assert_cmpstr (ff_record_get (got, "closed_on"), ==, "2026-03-20");
  entries = audit_of (fixture, "capas", ff_record_get_id (opened));
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[0])->field, ==, "status");
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[0])->old_value, ==, "open");
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[0])->new_value, ==, "closed");
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[0])->username, ==, "quinn");

  /* And QA may create one closed. */
  g_assert_true (ff_record_repository_insert (capas, &fixture->qa, closed, NULL, &error));
  g_assert_no_error (error);
}

/* The default is a value, not a spelling: "Open" normalises to it. */
static void
test_capa_default_spelling (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) capas = repo_of (fixture, "capas");
  g_autoptr (FfRecord) capa = new_capa ("CAPA-1", " Open ");

  /* An operator may open a CAPA however "open" is spelled; only its value is compared. */
  g_assert_true (ff_record_repository_insert (capas, &fixture->operator, capa, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (capa, "status"), ==, "open");
  /* Any other status is still QA's to set. */
  {
    g_autoptr (FfRecord) closed = new_capa ("CAPA-2", "Closed");
    g_assert_false (ff_record_repository_insert (capas, &fixture->operator, closed, NULL, &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  }
}

/* Viewers -------------------------------------------------------------------------------------- */

static void
test_viewer_writes_nothing (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (FfRecord) lot = insert_lot (fixture, "LOT-1");
  g_autoptr (FfRecord) capa = new_capa ("CAPA-1", "open");
  g_autoptr (FfRecordRepository) capas = repo_of (fixture, "capas");
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) got = NULL;
  const char *const kinds[] = { "suppliers", "lots", "capas", "plants", "categories",
                                "ccp_readings" };
  gint64 outbox_before, audit_before;

  g_assert_true (ff_record_repository_insert (capas, &fixture->qa, capa, NULL, &error));
  g_assert_no_error (error);
  outbox_before = outbox_count (fixture);
  audit_before = audit_count (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_false (ff_kind_role_can_write (ff_kind_lookup (kinds[i]), FF_ROLE_VIEWER));

  {
    g_autoptr (FfRecordRepository) suppliers = repo_of (fixture, "suppliers");
    g_autoptr (FfRecord) supplier = new_record ("suppliers", "code", "SUP-1", "name", "Acme",
                                                "category", "ingredient",
                                                "approval_status", "approved",
                                                "risk_level", "low", NULL);
    g_assert_false (ff_record_repository_insert (suppliers, &fixture->viewer, supplier, "Why",
                                                 &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_null (ff_record_get_id (supplier));
    g_assert_cmpint (ff_record_repository_count (suppliers, NULL), ==, 0);
  }
  {
    g_autoptr (FfRecordRepository) lots = repo_of (fixture, "lots");
    g_autoptr (FfRecord) edit = ff_record_copy (lot);

    ff_record_set (edit, "location", "Elsewhere");
    g_assert_false (ff_record_repository_update (lots, &fixture->viewer, edit, "Why", &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_false (ff_record_repository_delete (lots, &fixture->viewer, ff_record_get_id (lot),
                                                 "Why", &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
    got = get_record (fixture, "lots", ff_record_get_id (lot));
    g_assert_cmpstr (ff_record_get (got, "location"), ==, "Cold store 2");
  }
  {
    g_autoptr (FfRecord) edit = ff_record_copy (capa);

    ff_record_set (edit, "title", "Renamed");
    g_assert_false (ff_record_repository_update (capas, &fixture->viewer, edit, NULL, &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_false (ff_record_repository_delete (capas, &fixture->viewer,
                                                 ff_record_get_id (capa), NULL, &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_cmpint (ff_record_repository_count (capas, NULL), ==, 1);
  }
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before);
  g_assert_cmpint (audit_count (fixture), ==, audit_before);
}

/* Read-only fields ----------------------------------------------------------------------------- */

static void
test_readonly_fields (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) lots = repo_of (fixture, "lots");
  g_autoptr (FfRecord) lot = insert_lot (fixture, "LOT-1");
  g_autoptr (FfRecord) edit = ff_record_copy (lot);
  g_autoptr (FfRecord) got = NULL;
  gint64 outbox_before = outbox_count (fixture);

  /* A lot code is set when the lot is recorded and never changed: even with a reason, even by
   * an administrator. */
  g_assert_true (ff_kind_get_field (ff_kind_lookup ("lots"), "code")->flags & FF_FIELD_READONLY);
  ff_record_set (edit, "code", "LOT-1B");
  g_assert_false (ff_record_repository_update (lots, &fixture->admin, edit, "Typo", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Lot code cannot be changed once recorded");
  g_clear_error (&error);
  got = get_record (fixture, "lots", ff_record_get_id (lot));
  g_assert_cmpstr (ff_record_get_code (got), ==, "LOT-1");
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before);

  /* The other fields of the same record still change. */
  g_clear_object (&edit);
  edit = ff_record_copy (lot);
  ff_record_set (edit, "location", "Cold store 3");
  g_assert_true (ff_record_repository_update (lots, &fixture->qa, edit, NULL, &error));
  g_assert_no_error (error);
}

/* Deletes and tombstones ----------------------------------------------------------------------- */

static void
test_delete_tombstone (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) lots = repo_of (fixture, "lots");
  g_autoptr (FfRecord) keep = insert_lot (fixture, "LOT-1");
  g_autoptr (FfRecord) lot = insert_lot (fixture, "LOT-2");
  g_autoptr (FfRecord) got = NULL;
  g_autoptr (FfRecord) again = NULL;
  gint64 outbox_before = outbox_count (fixture);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (ff_record_repository_count (lots, NULL), ==, 2);
  g_assert_true (ff_record_repository_delete (lots, &fixture->qa, ff_record_get_id (lot), NULL,
                                              &error));
  g_assert_no_error (error);

  /* Gone for reading... */
  g_assert_cmpint (ff_record_repository_count (lots, NULL), ==, 1);
  got = ff_record_repository_get (lots, ff_record_get_id (lot), &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  got = ff_record_repository_find_by_code (lots, "LOT-2", &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  got = get_record (fixture, "lots", ff_record_get_id (keep));
  g_clear_object (&got);

  /* ...but kept as a tombstone, and sent on as a delete. */
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM lots"), ==, 2);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM lots WHERE _deleted = 1"),
                   ==, 1);
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before + 1);
  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (fixture->store),
                                       "SELECT op, tbl, row_id, fields FROM sync_outbox "
                                       "ORDER BY seq DESC LIMIT 1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "lots");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, ff_record_get_id (lot));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "{}");
  sqlite3_finalize (stmt);

  /* A deleted record cannot be deleted or edited again. */
  g_assert_false (ff_record_repository_delete (lots, &fixture->qa, ff_record_get_id (lot), NULL,
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ff_record_set (lot, "location", "Ghost");
  g_assert_false (ff_record_repository_update (lots, &fixture->qa, lot, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (fixture), ==, outbox_before + 1);

  /* Its code stays taken: the tombstone may come back through sync. */
  again = new_record ("lots", "code", "LOT-2", "lot_type", "ingredient", "status", "quarantine",
                      "quantity", "5", "unit", "kg", "produced_or_received_on", "2026-03-02",
                      NULL);
  g_assert_false (ff_record_repository_insert (lots, &fixture->qa, again, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ff_record_repository_count (lots, NULL), ==, 1);
}

/* Who did something is a user of the tenant, by user name in any case; a name recorded before
 * the field named users stays as it was until someone changes it. */
static void
test_user_fields (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordRepository) lots = repo_of (fixture, "lots");
  g_autoptr (FfRecord) lot = insert_record (fixture, &fixture->qa, "lots", "code", "L-7",
                                            "lot_type", "finished", "status", "hold",
                                            "quantity", "5", "unit", "kg",
                                            "produced_or_received_on", "2026-03-02",
                                            "held_by", "Quinn", NULL);
  g_autoptr (FfRecord) stranger = new_record ("lots", "code", "L-8", "lot_type", "finished",
                                              "status", "hold", "quantity", "5", "unit", "kg",
                                              "produced_or_received_on", "2026-03-02",
                                              "held_by", "jdv", NULL);
  g_autoptr (FfRecord) legacy = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_cmpstr (ff_record_get (lot, "held_by"), ==, "quinn");

  problems = ff_record_repository_validate (lots, stranger, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->field, ==, "held_by");
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->message, ==,
                   "“jdv” is not a user of this tenant");
  g_assert_false (ff_record_repository_insert (lots, &fixture->qa, stranger, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);

  /* A value from before: kept when something else changes, refused when it is changed. */
  ff_test_exec (fixture->store, "UPDATE lots SET held_by = 'H. Verbeek' WHERE code = 'L-7'");
  legacy = get_record (fixture, "lots", ff_record_get_id (lot));
  ff_record_set (legacy, "quantity", "6");
  g_assert_true (ff_record_repository_update (lots, &fixture->qa, legacy, "Recounted", &error));
  g_assert_no_error (error);
  ff_record_set (legacy, "held_by", "I. Janssens");
  g_assert_false (ff_record_repository_update (lots, &fixture->qa, legacy, "Handed over",
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rules/regulated-field", test_regulated_field);
  ADD ("/rules/regulated-kind/ccp-readings", test_regulated_kind_ccp_readings);
  ADD ("/rules/regulated-kind/signatures", test_regulated_kind_signatures);
  ADD ("/rules/capa-status-roles", test_capa_status_roles);
  ADD ("/rules/capa-default-spelling", test_capa_default_spelling);
  ADD ("/rules/viewer-writes-nothing", test_viewer_writes_nothing);
  ADD ("/rules/readonly-fields", test_readonly_fields);
  ADD ("/rules/delete-tombstone", test_delete_tombstone);
  ADD ("/rules/user-fields", test_user_fields);
#undef ADD

  return g_test_run ();
}
