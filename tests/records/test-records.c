/* test-records.c — the record repository and list model against a real encrypted tenant. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-list-model.h"
#include "ff-record-repository.h"
#include "ff-vault.h"
#include "ff-test-util.h"

#define TENANT "Records Test Foods"
#define ADMIN "alice"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define N_MANY 300

typedef struct
{
  char               *dir;
  FfVault            *vault;
  FfSession          *session;
  FfStore            *store;      /* borrowed from the session */
  FfRecordRepository *suppliers;
  FfActor             admin;
  FfActor             qa;
} Fixture;

typedef struct
{
  gint64          seq;
  char           *table;
  char           *row_id;
  char           *op;
  JsonObject     *fields;
  JsonObject     *base;   /* NULL when the column is NULL */
  FfHlcTimestamp  hlc;
} OutboxRow;

static void
outbox_row_free (OutboxRow *row)
{
  g_free (row->table);
  g_free (row->row_id);
  g_free (row->op);
  g_clear_pointer (&row->fields, json_object_unref);
  g_clear_pointer (&row->base, json_object_unref);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutboxRow, outbox_row_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfTenantInfo) info = NULL;

  fixture->dir = g_dir_make_tmp ("ff-test-records-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->vault = ff_vault_open (fixture->dir, &error);
  g_assert_no_error (error);
  info = ff_vault_create_tenant (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD,
                                 FF_VAULT_CREATE_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->session = ff_vault_unlock (fixture->vault, TENANT, ADMIN, ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  fixture->store = ff_session_get_store (fixture->session);
  fixture->suppliers = ff_record_repository_new (fixture->store, ff_kind_lookup ("suppliers"));
  fixture->admin = ff_actor_from_session (fixture->session);
  fixture->qa = (FfActor) { "quinn", FF_ROLE_QA };
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->suppliers);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->vault);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static FfRecord *
new_supplier (const char *code,
              const char *name,
              const char *risk)
{
  FfRecord *r = ff_record_new (ff_kind_lookup ("suppliers"));

  ff_record_set (r, "code", code);
  ff_record_set (r, "name", name);
  ff_record_set (r, "category", "ingredient");
  ff_record_set (r, "approval_status", "approved");
  ff_record_set (r, "risk_level", risk);
  ff_record_set (r, "country", "NL");
  return r;
}

static FfRecord *
insert_supplier (Fixture    *fixture,
                 const char *code,
                 const char *name,
                 const char *risk)
{
  g_autoptr (GError) error = NULL;
  FfRecord *r = new_supplier (code, name, risk);

  g_assert_true (ff_record_repository_insert (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);
  return r;
}

/* Inserts a record of @kind with the field/value pairs that follow (NULL-terminated) as
 * @actor; returns the new record. */
static FfRecord *
insert_record (Fixture       *fixture,
               const FfActor *actor,
               const char    *kind_name,
               ...)
{
  g_autoptr (GError) error = NULL;
  const FfKind *kind = ff_kind_lookup (kind_name);
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store, kind);
  FfRecord *r = ff_record_new (kind);
  const char *field;
  va_list args;

  va_start (args, kind_name);
  while ((field = va_arg (args, const char *)) != NULL)
    ff_record_set (r, field, va_arg (args, const char *));
  va_end (args);
  g_assert_true (ff_record_repository_insert (repo, actor, r, NULL, &error));
  g_assert_no_error (error);
  return r;
}

static gint64
outbox_count (Fixture *fixture)
{
  return ff_test_query_int (fixture->store, "SELECT count(*) FROM sync_outbox");
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The newest outbox entry. */
static OutboxRow *
outbox_last (Fixture *fixture)
{
  sqlite3_stmt *stmt = NULL;
  OutboxRow *row = g_new0 (OutboxRow, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (fixture->store),
                                       "SELECT seq, tbl, row_id, op, fields, base, hlc, "
                                       "mutation_id FROM sync_outbox ORDER BY seq DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row->seq = sqlite3_column_int64 (stmt, 0);
  row->table = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->row_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->op = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->fields = parse_object ((const char *) sqlite3_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    row->base = parse_object ((const char *) sqlite3_column_text (stmt, 5));
  row->hlc = (FfHlcTimestamp) sqlite3_column_int64 (stmt, 6);
  g_assert_cmpuint (strlen ((const char *) sqlite3_column_text (stmt, 7)), ==, 36);
  sqlite3_finalize (stmt);
  return row;
}

/* The member names of @object, sorted and joined with commas. */
static char *
member_names (JsonObject *object)
{
  g_autoptr (GList) names = json_object_get_members (object);
  g_autoptr (GString) out = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (out, "%s%s", out->len ? "," : "", (const char *) l->data);
  return g_strdup (out->str);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

/* CRUD --------------------------------------------------------------------------------------- */

static void
test_insert_get_find (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) r = new_supplier ("  SUP-0042 ", "Fresh Farms", "LOW");
  g_autoptr (FfRecord) got = NULL;
  g_autoptr (FfRecord) found = NULL;
  g_autoptr (FfRecord) missing = NULL;

  ff_record_set (r, "category", "Packaging");
  ff_record_set (r, "contact_email", " qa@freshfarms.example ");
  ff_record_set (r, "next_audit_due", "2026-09-30");
  g_assert_null (ff_record_get_id (r));
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, &error), ==, 0);

  g_assert_true (ff_record_repository_insert (fixture->suppliers, &fixture->admin, r, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_nonnull (ff_record_get_id (r));
  g_assert_cmpuint (strlen (ff_record_get_id (r)), ==, 36);
  g_assert_cmpint (ff_record_get_rowid (r), >, 0);
  g_assert_cmpuint (ff_record_get_hlc (r), >, 0);
  /* Normalised in place. */
  g_assert_cmpstr (ff_record_get (r, "code"), ==, "SUP-0042");
  g_assert_cmpstr (ff_record_get (r, "category"), ==, "packaging");
  g_assert_cmpstr (ff_record_get (r, "risk_level"), ==, "low");
  g_assert_cmpstr (ff_record_get (r, "contact_email"), ==, "qa@freshfarms.example");

  got = ff_record_repository_get (fixture->suppliers, ff_record_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpstr (ff_record_get_id (got), ==, ff_record_get_id (r));
  g_assert_cmpint (ff_record_get_rowid (got), ==, ff_record_get_rowid (r));
  g_assert_cmpuint (ff_record_get_hlc (got), ==, ff_record_get_hlc (r));
  for (guint i = 0; i < ff_kind_get_n_fields (ff_record_get_kind (r)); i++)
    g_assert_cmpstr (ff_record_get_nth (got, i), ==, ff_record_get_nth (r, i));
  g_assert_null (ff_record_get (got, "gfsi_scheme"));
  g_assert_cmpstr (ff_record_get_code (got), ==, "SUP-0042");
  g_assert_cmpstr (ff_record_get_title (got), ==, "Fresh Farms");

  found = ff_record_repository_find_by_code (fixture->suppliers, "SUP-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get_id (found), ==, ff_record_get_id (r));

  missing = ff_record_repository_find_by_code (fixture->suppliers, "SUP-9999", &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  missing = ff_record_repository_get (fixture->suppliers, "0190a8a4-0000-7000-8000-000000000000",
                                      &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) r = insert_supplier (fixture, "SUP-1", "Fresh Farms", "low");
  g_autoptr (FfRecord) edit = NULL;
  g_autoptr (FfRecord) got = NULL;
  FfHlcTimestamp before = ff_record_get_hlc (r);

  edit = ff_record_copy (r);
  ff_record_set (edit, "name", "Fresh Farms B.V.");
  ff_record_set (edit, "approval_status", "SUSPENDED");
  ff_record_set (edit, "country", NULL);
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, edit, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ff_record_get_hlc (edit), >, before);
  g_assert_cmpstr (ff_record_get_id (edit), ==, ff_record_get_id (r));

  got = ff_record_repository_get (fixture->suppliers, ff_record_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (got, "name"), ==, "Fresh Farms B.V.");
  g_assert_cmpstr (ff_record_get (got, "approval_status"), ==, "suspended");
  g_assert_null (ff_record_get (got, "country"));
  g_assert_cmpstr (ff_record_get (got, "code"), ==, "SUP-1");
  g_assert_cmpuint (ff_record_get_hlc (got), ==, ff_record_get_hlc (edit));
  g_clear_object (&got);

  /* An invalid edit changes nothing. */
  ff_record_set (edit, "name", "");
  ff_record_set (edit, "next_audit_due", "2026-02-30");
  g_assert_false (ff_record_repository_update (fixture->suppliers, &fixture->qa, edit, NULL,
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  got = ff_record_repository_get (fixture->suppliers, ff_record_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (got, "name"), ==, "Fresh Farms B.V.");
  g_assert_null (ff_record_get (got, "next_audit_due"));
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 1);
}

static void
test_validation_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) r = new_supplier ("SUP-1", NULL, "LOW");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autoptr (FfRecordRepository) skus = NULL;
  g_autoptr (FfRecord) sku = NULL;
  g_autoptr (FfRecord) brand = NULL;

  ff_record_set (r, "category", "fish");
  ff_record_set (r, "country", "NLD");
  ff_record_set (r, "contact_email", "not an address");
  ff_record_set (r, "next_audit_due", "2026-02-30");

  problems = ff_record_repository_validate (fixture->suppliers, r, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      FfFieldError *e = problems->pdata[i];
      g_assert_nonnull (e->field);
      g_assert_nonnull (e->message);
      g_assert_cmpstr (e->message, !=, "");
      g_string_append_printf (fields, "%s%s", i ? "," : "", e->field);
    }
  /* Each problem once, in the kind's field order. */
  g_assert_cmpstr (fields->str, ==, "name,category,country,contact_email,next_audit_due");
  /* Valid values were normalised even though others failed. */
  g_assert_cmpstr (ff_record_get (r, "risk_level"), ==, "low");

  g_assert_false (ff_record_repository_insert (fixture->suppliers, &fixture->admin, r, NULL,
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_assert_nonnull (strstr (error->message, "Category"));
  g_assert_nonnull (strstr (error->message, "Next audit due"));
  g_clear_error (&error);
  g_assert_null (ff_record_get_id (r));
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 0);
  g_assert_cmpint (outbox_count (fixture), ==, 0);

  /* An amount needs its unit. */
  brand = insert_record (fixture, &fixture->admin, "brands", "code", "BR-CASA", "name",
                         "Casa Crunch", NULL);
  skus = ff_record_repository_new (fixture->store, ff_kind_lookup ("skus"));
  sku = ff_record_new (ff_kind_lookup ("skus"));
  ff_record_set (sku, "code", "SKU-1");
  ff_record_set (sku, "gtin", "4006381333931");
  ff_record_set (sku, "description", "Tortilla Chips 200 g");
  ff_record_set (sku, "brand", ff_record_get_id (brand));
  ff_record_set (sku, "pack_size", "200");
  ff_record_set (sku, "pack_unit", "g");
  ff_record_set (sku, "case_pack", "12");
  ff_record_set (sku, "list_price_minor", "189");
  ff_record_set (sku, "status", "active");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ff_record_repository_validate (skus, sku, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->field, ==, "currency");

  ff_record_set (sku, "currency", "eur");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ff_record_repository_validate (skus, sku, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (ff_record_get (sku, "currency"), ==, "EUR");
  g_assert_true (ff_record_repository_insert (skus, &fixture->admin, sku, NULL, &error));
  g_assert_no_error (error);
}

static void
test_unique_code (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) first = insert_supplier (fixture, "SUP-1", "First", "low");
  g_autoptr (FfRecord) second = new_supplier ("SUP-1", "Second", "low");
  g_autoptr (FfRecord) third = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  problems = ff_record_repository_validate (fixture->suppliers, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->field, ==, "code");

  g_assert_false (ff_record_repository_insert (fixture->suppliers, &fixture->qa, second, NULL,
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 1);
  g_assert_cmpint (outbox_count (fixture), ==, 1);

  /* Unique among other records: a record keeps its own code on update... */
  ff_record_set (first, "name", "First, renamed");
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, first, NULL,
                                              &error));
  g_assert_no_error (error);

  /* ...but may not take another's. */
  third = insert_supplier (fixture, "SUP-3", "Third", "low");
  ff_record_set (third, "code", "SUP-1");
  g_assert_false (ff_record_repository_update (fixture->suppliers, &fixture->qa, third, NULL,
                                               &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&third);
  third = ff_record_repository_find_by_code (fixture->suppliers, "SUP-3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (third, "name"), ==, "Third");
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) existing = NULL;
  g_autoptr (FfRecord) got = NULL;
  const FfActor refused[] = {
    { "vera", FF_ROLE_VIEWER },
    { "paul", FF_ROLE_PLANNER },
    { "otto", FF_ROLE_OPERATOR },
    { "bea", FF_ROLE_BRAND },
    { "rita", FF_ROLE_RETAIL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (FfRecord) r = new_supplier ("SUP-1", "Fresh Farms", "low");

      g_assert_false (ff_record_repository_insert (fixture->suppliers, &refused[i], r, NULL,
                                                   &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (ff_record_get_id (r));
    }
  {
    g_autoptr (FfRecord) r = new_supplier ("SUP-1", "Fresh Farms", "low");
    g_assert_false (ff_record_repository_insert (fixture->suppliers, NULL, r, NULL, &error));
    g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 0);
  g_assert_cmpint (outbox_count (fixture), ==, 0);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM suppliers"), ==, 0);

  /* QA owns suppliers. */
  existing = insert_supplier (fixture, "SUP-1", "Fresh Farms", "low");
  g_assert_cmpint (outbox_count (fixture), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (FfRecord) edit = ff_record_copy (existing);

      ff_record_set (edit, "name", "Hijacked");
      g_assert_false (ff_record_repository_update (fixture->suppliers, &refused[i], edit, NULL,
                                                   &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_false (ff_record_repository_delete (fixture->suppliers, &refused[i],
                                                   ff_record_get_id (existing), NULL, &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  got = ff_record_repository_get (fixture->suppliers, ff_record_get_id (existing), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (got, "name"), ==, "Fresh Farms");
  g_assert_cmpuint (ff_record_get_hlc (got), ==, ff_record_get_hlc (existing));
  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 1);
  g_assert_cmpint (outbox_count (fixture), ==, 1);
}

/* Outbox ------------------------------------------------------------------------------------- */

static void
test_outbox (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) r = NULL;
  g_autoptr (OutboxRow) row = NULL;
  g_autofree char *names = NULL;
  g_autofree char *h0_text = NULL, *h1_text = NULL;
  g_autoptr (JsonObject) clocks = NULL;
  FfHlcTimestamp h0, h1, h2;
  gint64 last_seq;
  guint n_fields = ff_kind_get_n_fields (ff_kind_lookup ("suppliers"));

  /* Insert: every field, no base. */
  r = insert_supplier (fixture, "SUP-1", "Fresh Farms", "low");
  h0 = ff_record_get_hlc (r);
  g_assert_cmpint (outbox_count (fixture), ==, 1);
  row = outbox_last (fixture);
  g_assert_cmpstr (row->op, ==, "insert");
  g_assert_cmpstr (row->table, ==, "suppliers");
  g_assert_cmpstr (row->row_id, ==, ff_record_get_id (r));
  g_assert_cmpuint (row->hlc, ==, h0);
  g_assert_null (row->base);
  g_assert_cmpuint (json_object_get_size (row->fields), ==, n_fields);
  g_assert_cmpstr (string_member (row->fields, "name"), ==, "Fresh Farms");
  g_assert_cmpstr (string_member (row->fields, "code"), ==, "SUP-1");
  g_assert_null (string_member (row->fields, "gfsi_scheme"));
  last_seq = row->seq;
  g_clear_pointer (&row, outbox_row_free);

  /* Update: only the changed fields, based on the clocks they were edited from. */
  ff_record_set (r, "name", "Fresh Farms B.V.");
  ff_record_set (r, "risk_level", "HIGH");
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);
  h1 = ff_record_get_hlc (r);
  g_assert_cmpuint (h1, >, h0);
  g_assert_cmpint (outbox_count (fixture), ==, 2);
  row = outbox_last (fixture);
  g_assert_cmpint (row->seq, >, last_seq);
  g_assert_cmpstr (row->op, ==, "update");
  g_assert_cmpstr (row->row_id, ==, ff_record_get_id (r));
  g_assert_cmpuint (row->hlc, ==, h1);
  names = member_names (row->fields);
  g_assert_cmpstr (names, ==, "name,risk_level");
  g_clear_pointer (&names, g_free);
  g_assert_cmpstr (string_member (row->fields, "name"), ==, "Fresh Farms B.V.");
  g_assert_cmpstr (string_member (row->fields, "risk_level"), ==, "high");
  g_assert_nonnull (row->base);
  names = member_names (row->base);
  g_assert_cmpstr (names, ==, "name,risk_level");
  g_clear_pointer (&names, g_free);
  h0_text = ff_hlc_to_string (h0);
  g_assert_cmpstr (string_member (row->base, "name"), ==, h0_text);
  g_assert_cmpstr (string_member (row->base, "risk_level"), ==, h0_text);
  last_seq = row->seq;
  g_clear_pointer (&row, outbox_row_free);

  /* The per-field clocks in the row moved for exactly those fields. */
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (fixture->store),
                                         "SELECT _fhlc FROM suppliers WHERE id = ?", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, ff_record_get_id (r), -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    clocks = parse_object ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    g_assert_true (json_object_has_member (clocks, "name"));
    g_assert_true (json_object_has_member (clocks, "risk_level"));
    g_assert_cmpint (json_object_get_int_member (clocks, "name"), ==, (gint64) h1);
    g_assert_cmpint (json_object_get_int_member (clocks, "risk_level"), ==, (gint64) h1);
    /* An untouched field has no clock of its own yet, or still the insert's. */
    if (json_object_has_member (clocks, "code"))
      g_assert_cmpint (json_object_get_int_member (clocks, "code"), ==, (gint64) h0);
  }

  /* An update that changes nothing writes nothing. */
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_count (fixture), ==, 2);

  /* The same field again: its base is now the first update's clock. A cleared field is null. */
  ff_record_set (r, "name", "Fresh Farms Holding");
  ff_record_set (r, "country", "");
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);
  h2 = ff_record_get_hlc (r);
  g_assert_cmpuint (h2, >, h1);
  g_assert_cmpint (outbox_count (fixture), ==, 3);
  row = outbox_last (fixture);
  names = member_names (row->fields);
  g_assert_cmpstr (names, ==, "country,name");
  g_clear_pointer (&names, g_free);
  g_assert_null (string_member (row->fields, "country"));
  h1_text = ff_hlc_to_string (h1);
  g_assert_cmpstr (string_member (row->base, "name"), ==, h1_text);
  g_clear_pointer (&row, outbox_row_free);

  /* Delete: one tombstone entry. */
  g_assert_true (ff_record_repository_delete (fixture->suppliers, &fixture->qa,
                                              ff_record_get_id (r), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_count (fixture), ==, 4);
  row = outbox_last (fixture);
  g_assert_cmpstr (row->op, ==, "delete");
  g_assert_cmpstr (row->row_id, ==, ff_record_get_id (r));
  g_assert_cmpuint (row->hlc, >, h2);
  g_assert_cmpuint (json_object_get_size (row->fields), ==, 0);
  g_assert_null (row->base);
  g_clear_pointer (&row, outbox_row_free);

  /* Mutation ids are unique and the clocks strictly increase with seq. */
  g_assert_cmpint (ff_test_query_int (fixture->store,
                                      "SELECT count(DISTINCT mutation_id) FROM sync_outbox"), ==, 4);
  g_assert_cmpint (ff_test_query_int (fixture->store,
                                      "SELECT count(*) FROM sync_outbox a JOIN sync_outbox b "
                                      "ON b.seq > a.seq WHERE b.hlc <= a.hlc"), ==, 0);
}

static void
test_outbox_base_of_untouched_field (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) r = insert_supplier (fixture, "SUP-1", "Fresh Farms", "low");
  g_autoptr (OutboxRow) row = NULL;
  g_autofree char *h0_text = NULL;
  FfHlcTimestamp h0 = ff_record_get_hlc (r);

  ff_record_set (r, "name", "Fresh Farms B.V.");
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);

  /* The country was last changed by the insert, whatever happened to other fields since: the
   * base of an edit of it is the insert's clock. */
  ff_record_set (r, "country", "BE");
  g_assert_true (ff_record_repository_update (fixture->suppliers, &fixture->qa, r, NULL, &error));
  g_assert_no_error (error);
  row = outbox_last (fixture);
  g_assert_cmpstr (row->op, ==, "update");
  h0_text = ff_hlc_to_string (h0);
  g_assert_nonnull (row->base);
  /* A field missing from _fhlc must not be taken to have changed at the row's _hlc once an
   * update has moved _hlc on without touching that field. */
  if (g_strcmp0 (string_member (row->base, "country"), h0_text) != 0)
    g_test_fail_printf ("base of country is %s, but country last changed at %s (the insert)",
                        string_member (row->base, "country"), h0_text);
}

static gboolean
collect_cb (FfRecord  *record,
            gpointer   user_data,
            GError   **error)
{
  g_ptr_array_add (user_data, g_strdup (ff_record_get_code (record)));
  return TRUE;
}

static void
test_tombstones (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecord) a = insert_supplier (fixture, "SUP-A", "Alpha", "low");
  g_autoptr (FfRecord) b = insert_supplier (fixture, "SUP-B", "Beta", "low");
  g_autoptr (FfRecord) c = insert_supplier (fixture, "SUP-C", "Gamma", "low");
  g_autoptr (FfRecord) gone = NULL;
  g_autoptr (FfRecord) again = NULL;
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) rowids = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  gint64 n_outbox;

  g_assert_true (ff_record_repository_delete (fixture->suppliers, &fixture->qa,
                                              ff_record_get_id (b), NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ff_record_repository_count (fixture->suppliers, &error), ==, 2);
  gone = ff_record_repository_get (fixture->suppliers, ff_record_get_id (b), &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  gone = ff_record_repository_find_by_code (fixture->suppliers, "SUP-B", &error);
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_true (ff_record_repository_foreach (fixture->suppliers, collect_cb, codes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 2);
  g_assert_cmpstr (codes->pdata[0], ==, "SUP-A");
  g_assert_cmpstr (codes->pdata[1], ==, "SUP-C");

  rowids = ff_record_repository_query_rowids (fixture->suppliers, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rowids->len, ==, 2);
  loaded = ff_record_repository_load_rowids (fixture->suppliers,
                                             &g_array_index (rowids, gint64, 0), rowids->len,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get_code (loaded->pdata[0]), ==, "SUP-A");
  g_assert_cmpstr (ff_record_get_code (loaded->pdata[1]), ==, "SUP-C");

  /* A tombstone, not a hard delete: the row stays for sync. */
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM suppliers"), ==, 3);
  g_assert_cmpint (ff_test_query_int (fixture->store, "SELECT count(*) FROM suppliers WHERE _deleted = 1"),
                   ==, 1);

  /* A deleted record can be neither edited nor deleted again, and that writes nothing. */
  n_outbox = outbox_count (fixture);
  ff_record_set (b, "name", "Beta revived");
  g_assert_false (ff_record_repository_update (fixture->suppliers, &fixture->qa, b, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ff_record_repository_delete (fixture->suppliers, &fixture->qa,
                                               ff_record_get_id (b), NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (fixture), ==, n_outbox);

  /* Whatever the rule for reusing a deleted record's code, it must not leave a half-write. */
  again = new_supplier ("SUP-B", "Beta again", "low");
  if (ff_record_repository_insert (fixture->suppliers, &fixture->qa, again, NULL, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 3);
      g_assert_cmpint (outbox_count (fixture), ==, n_outbox + 1);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpint (ff_record_repository_count (fixture->suppliers, NULL), ==, 2);
      g_assert_cmpint (outbox_count (fixture), ==, n_outbox);
    }
}

/* List model --------------------------------------------------------------------------------- */

static const char *const risks[] = { "low", "medium", "high" };

static char *
many_name (guint i)
{
  if (i % 10 == 0)
    return g_strdup_printf ("Acme Mills %03u", i);
  if (i % 7 == 0)
    return g_strdup_printf ("supplier %03u", i);
  return g_strdup_printf ("Supplier %03u", i);
}

/* Inserts N_MANY suppliers SUP-0001.. in a shuffled order, so rowid order is not code order. */
static void
insert_many (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  guint order[N_MANY];

  for (guint i = 0; i < N_MANY; i++)
    order[i] = i + 1;
  for (guint i = N_MANY - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint t = order[i];
      order[i] = order[j];
      order[j] = t;
    }

  g_assert_true (ff_store_begin (fixture->store, &error));
  for (guint k = 0; k < N_MANY; k++)
    {
      guint i = order[k];
      g_autofree char *code = g_strdup_printf ("SUP-%04u", i);
      g_autofree char *name = many_name (i);
      g_autoptr (FfRecord) r = new_supplier (code, name, risks[i % 3]);

      g_assert_true (ff_record_repository_insert (fixture->suppliers, &fixture->qa, r, NULL,
                                                  &error));
      g_assert_no_error (error);
    }
  g_assert_true (ff_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static FfRecord *
item (GListModel *model,
      guint       position)
{
  FfRecord *r = g_list_model_get_item (model, position);

  g_assert_nonnull (r);
  g_assert_true (FF_IS_RECORD (r));
  return r;
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordListModel) model = NULL;
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  GListModel *list;
  ItemsChanged seen = { 0 };
  guint expected;

  insert_many (fixture);
  model = ff_record_list_model_new (fixture->session, ff_kind_lookup ("suppliers"));
  list = G_LIST_MODEL (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_assert_true (g_list_model_get_item_type (list) == FF_TYPE_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (g_list_model_get_item (list, 0));

  /* The default query: everything, by code. Reading all of it crosses several pages. */
  g_assert_true (ff_record_list_model_reload (model, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, N_MANY);
  {
    /* Jump into the third page first, then walk everything. */
    g_autoptr (FfRecord) r = item (list, 200);
    g_assert_cmpstr (ff_record_get_code (r), ==, "SUP-0201");
  }
  for (guint i = 0; i < N_MANY; i++)
    {
      g_autoptr (FfRecord) r = item (list, i);
      g_autofree char *code = g_strdup_printf ("SUP-%04u", i + 1);
      g_autofree char *name = many_name (i + 1);

      g_assert_cmpstr (ff_record_get_code (r), ==, code);
      g_assert_cmpstr (ff_record_get (r, "name"), ==, name);
      g_assert_nonnull (ff_record_get_id (r));
      g_assert_cmpint (ff_record_list_model_find_rowid (model, ff_record_get_rowid (r)), ==,
                       (int) i);
    }
  g_assert_null (g_list_model_get_item (list, N_MANY));
  g_assert_cmpint (ff_record_list_model_find_rowid (model, -5), ==, -1);

  /* Descending by code. */
  query->descending = TRUE;
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.removed, ==, N_MANY);
  g_assert_cmpuint (seen.added, ==, N_MANY);
  {
    g_autoptr (FfRecord) first = item (list, 0);
    g_autoptr (FfRecord) last = item (list, N_MANY - 1);
    g_assert_cmpstr (ff_record_get_code (first), ==, "SUP-0300");
    g_assert_cmpstr (ff_record_get_code (last), ==, "SUP-0001");
  }
  g_assert_true (ff_record_query_equal (ff_record_list_model_get_query (model), query));

  /* By name, both ways, ignoring case. */
  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *prev = NULL;

      g_free (query->sort_field);
      query->sort_field = g_strdup ("name");
      query->descending = d == 1;
      g_assert_true (ff_record_list_model_reload (model, query, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY);
      for (guint i = 0; i < N_MANY; i++)
        {
          g_autoptr (FfRecord) r = item (list, i);
          const char *name = ff_record_get (r, "name");

          if (prev != NULL)
            {
              int cmp = g_ascii_strcasecmp (prev, name);
              g_assert_cmpint (d == 0 ? cmp : -cmp, <=, 0);
            }
          g_free (prev);
          prev = g_strdup (name);
        }
      {
        g_autoptr (FfRecord) first = item (list, 0);
        g_assert_cmpstr (ff_record_get (first, "name"), ==, d == 0 ? "Acme Mills 010"
                                                                   : "Supplier 299");
      }
    }

  /* Search: case-insensitive substring over the search fields. */
  g_clear_pointer (&query, ff_record_query_free);
  query = ff_record_query_new ();
  query->search = g_strdup ("acme");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY / 10);
  for (guint i = 0; i < N_MANY / 10; i++)
    {
      g_autoptr (FfRecord) r = item (list, i);
      g_autofree char *code = g_strdup_printf ("SUP-%04u", (i + 1) * 10);
      g_assert_nonnull (strstr (ff_record_get (r, "name"), "Acme"));
      g_assert_cmpstr (ff_record_get_code (r), ==, code);
    }

  g_free (query->search);
  query->search = g_strdup ("sup-000");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);

  /* LIKE wildcards in the search text are taken literally. */
  g_free (query->search);
  query->search = g_strdup ("%");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_free (query->search);
  query->search = g_strdup ("SUP_0001");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* Filter, alone and with a search. */
  g_clear_pointer (&query->search, g_free);
  query->filter_field = g_strdup ("risk_level");
  query->filter_value = g_strdup ("high");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY / 3);
  for (guint i = 0; i < N_MANY / 3; i++)
    {
      g_autoptr (FfRecord) r = item (list, i);
      g_assert_cmpstr (ff_record_get (r, "risk_level"), ==, "high");
    }
  query->search = g_strdup ("ACME");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  expected = 0;
  for (guint i = 1; i <= N_MANY; i++)
    if (i % 10 == 0 && i % 3 == 2)
      expected++;
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected);

  /* A filter on a field the kind does not have is an error and leaves the list alone. */
  g_free (query->filter_field);
  query->filter_field = g_strdup ("no_such_field");
  g_assert_false (ff_record_list_model_reload (model, query, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected);

  /* Deleted records drop out on the next reload. */
  {
    g_autoptr (FfRecord) victim = ff_record_repository_find_by_code (fixture->suppliers,
                                                                     "SUP-0150", &error);
    g_assert_no_error (error);
    g_assert_true (ff_record_repository_delete (fixture->suppliers, &fixture->qa,
                                                ff_record_get_id (victim), NULL, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&query, ff_record_query_free);
  query = ff_record_query_new ();
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY - 1);
  {
    g_autoptr (FfRecord) r149 = item (list, 148);
    g_autoptr (FfRecord) r151 = item (list, 149);
    g_assert_cmpstr (ff_record_get_code (r149), ==, "SUP-0149");
    g_assert_cmpstr (ff_record_get_code (r151), ==, "SUP-0151");
  }
}

static void
test_list_model_numeric_sort (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  const FfKind *lines = ff_kind_lookup ("lines");
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (fixture->store, lines);
  g_autoptr (FfRecordListModel) model = ff_record_list_model_new (fixture->session, lines);
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  const FfActor operator = { "otto", FF_ROLE_OPERATOR };
  const char *const cycles[] = { "10", "9", "100", "0.75" };
  const char *const expected[] = { "L4", "L2", "L1", "L3" };
  g_autoptr (FfRecord) plant = insert_record (fixture, &operator, "plants", "code", "PLANT-EHV",
                                              "name", "Plant Eindhoven", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    {
      g_autoptr (FfRecord) r = ff_record_new (lines);
      g_autofree char *code = g_strdup_printf ("L%u", i + 1);

      ff_record_set (r, "code", code);
      ff_record_set (r, "name", code);
      ff_record_set (r, "plant", ff_record_get_id (plant));
      ff_record_set (r, "line_type", "packing");
      ff_record_set (r, "status", "running");
      ff_record_set (r, "ideal_cycle_time_s", cycles[i]);
      g_assert_true (ff_record_repository_insert (repo, &operator, r, NULL, &error));
      g_assert_no_error (error);
    }

  /* A number column sorts by value, not as text ("100" < "9"). */
  query->sort_field = g_strdup ("ideal_cycle_time_s");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (cycles));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (FfRecord) r = item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (ff_record_get_code (r), ==, expected[i]);
    }
  query->descending = TRUE;
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  {
    g_autoptr (FfRecord) first = item (G_LIST_MODEL (model), 0);
    g_autoptr (FfRecord) last = item (G_LIST_MODEL (model), G_N_ELEMENTS (cycles) - 1);
    g_assert_cmpstr (ff_record_get_code (first), ==, "L3");
    g_assert_cmpstr (ff_record_get_code (last), ==, "L4");
  }
}

static void
test_references_and_time_series (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  const FfActor operator = { "otto", FF_ROLE_OPERATOR };
  const FfKind *readings_kind = ff_kind_lookup ("sensor_readings");
  g_autoptr (FfRecordRepository) lines = ff_record_repository_new (fixture->store,
                                                                   ff_kind_lookup ("lines"));
  g_autoptr (FfRecordRepository) readings = ff_record_repository_new (fixture->store,
                                                                      readings_kind);
  g_autoptr (FfRecord) plant = insert_record (fixture, &operator, "plants", "code", "PLANT-GNT",
                                              "name", "Plant Gent", NULL);
  g_autoptr (FfRecord) line = NULL;
  g_autoptr (FfRecord) sensor = NULL;
  g_autoptr (FfRecord) reading = NULL;
  g_autoptr (FfRecord) got = NULL;
  g_autoptr (FfRecord) bad = ff_record_new (ff_kind_lookup ("lines"));
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (FfRecordListModel) model = NULL;
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  int plant_index = ff_kind_get_field_index (ff_kind_lookup ("lines"), "plant");

  /* A reference holds the id; reading it back brings the referenced code and label along. */
  line = insert_record (fixture, &operator, "lines", "code", "L7", "name", "Hummus mixer",
                        "plant", ff_record_get_id (plant), "line_type", "mixing",
                        "status", "running", "ideal_cycle_time_s", "2.4", NULL);
  got = ff_record_repository_find_by_code (lines, "L7", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get (got, "plant"), ==, ff_record_get_id (plant));
  g_assert_cmpstr (ff_record_get_ref_code (got, (guint) plant_index), ==, "PLANT-GNT");
  g_assert_cmpstr (ff_record_get_ref_label (got, (guint) plant_index), ==, "Plant Gent");
  {
    g_autofree char *shown = ff_record_format (got, "plant");
    g_assert_cmpstr (shown, ==, "Plant Gent");
  }

  /* A reference to nothing is refused, naming the kind it should have been. */
  ff_record_set (bad, "code", "L8");
  ff_record_set (bad, "name", "Nowhere");
  ff_record_set (bad, "plant", "no-such-plant");
  ff_record_set (bad, "line_type", "mixing");
  ff_record_set (bad, "status", "idle");
  ff_record_set (bad, "ideal_cycle_time_s", "1");
  problems = ff_record_repository_validate (lines, bad, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->field, ==, "plant");
  g_assert_cmpstr (((FfFieldError *) problems->pdata[0])->message, ==,
                   "refers to a record that does not exist");

  /* Search finds a record by the referenced record's name. */
  model = ff_record_list_model_new (fixture->session, ff_kind_lookup ("lines"));
  query->search = g_strdup ("gent");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* A time series has no code: nothing to find it by, and nothing breaks for it. */
  sensor = insert_record (fixture, &operator, "sensors", "code", "L7-TT-1", "name",
                          "Mixer temperature", "line", ff_record_get_id (line),
                          "measure", "temperature", "unit", "°C", NULL);
  reading = insert_record (fixture, &operator, "sensor_readings",
                           "sensor", ff_record_get_id (sensor),
                           "observed_at", "2026-03-01T06:00:00+01:00", "value", "4.5", NULL);
  g_assert_null (ff_record_get_code (reading));
  g_assert_null (ff_record_repository_find_by_code (readings, "anything", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&got);
  got = ff_record_repository_get (readings, ff_record_get_id (reading), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ff_record_get_ref_code (got, 0), ==, "L7-TT-1");
  /* Named by what it measured and when (in local time: Amsterdam in the tests), never by a bare
   * time; the sensor by code and name. */
  g_assert_cmpstr (ff_record_get_title (got), ==, "L7-TT-1 · Mixer temperature · 2026-03-01 06:00");
  g_clear_object (&model);
  model = ff_record_list_model_new (fixture->session, readings_kind);
  g_free (query->search);
  query->search = g_strdup ("TT-1");
  g_assert_true (ff_record_list_model_reload (model, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Kept as measured. */
  ff_record_set (got, "value", "5");
  g_assert_false (ff_record_repository_update (readings, &operator, got, "typo", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ff_record_repository_delete (readings, &operator, ff_record_get_id (got),
                                               "typo", &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_PERMISSION);
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   ok;
  gboolean   done;
} ReloadResult;

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ReloadResult *out = user_data;

  out->ok = ff_record_list_model_reload_finish (FF_RECORD_LIST_MODEL (object), result,
                                                &out->error);
  out->done = TRUE;
  g_main_loop_quit (out->loop);
}

static void
reload_result_init (ReloadResult *result,
                    GMainLoop    *loop)
{
  g_clear_error (&result->error);
  result->loop = loop;
  result->ok = FALSE;
  result->done = FALSE;
}

static void
wait_for (ReloadResult *result)
{
  while (!result->done)
    g_main_loop_run (result->loop);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Item @i of @list once its page has been read in the model's worker. */
static FfRecord *
loaded_item (GListModel *list,
             GMainLoop  *loop,
             guint       i)
{
  FfRecord *r = item (list, i);

  if (ff_record_list_model_is_placeholder (r))
    {
      gulong id = g_signal_connect_swapped (r, "loaded", G_CALLBACK (g_main_loop_quit), loop);
      g_main_loop_run (loop);
      g_signal_handler_disconnect (r, id);
    }
  g_assert_false (ff_record_list_model_is_placeholder (r));
  return r;
}

static void
test_list_model_async (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (FfRecordListModel) model = NULL;
  g_autoptr (FfRecordQuery) first = ff_record_query_new ();
  g_autoptr (FfRecordQuery) second = ff_record_query_new ();
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GListModel *list;
  ReloadResult a = { 0 }, b = { 0 }, c = { 0 };

  reload_result_init (&a, loop);
  reload_result_init (&b, loop);
  reload_result_init (&c, loop);
  insert_many (fixture);
  model = ff_record_list_model_new (fixture->session, ff_kind_lookup ("suppliers"));
  list = G_LIST_MODEL (model);

  /* One reload, run to completion in a worker. */
  first->search = g_strdup ("acme");
  ff_record_list_model_reload_async (model, first, NULL, reload_done_cb, &a);
  g_assert_true (ff_record_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  wait_for (&a);
  g_assert_no_error (a.error);
  g_assert_true (a.ok);
  g_assert_false (ff_record_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY / 10);
  {
    /* The first page is read with the result: the list opens on real rows. */
    g_autoptr (FfRecord) r = item (list, 0);

    g_assert_false (ff_record_list_model_is_placeholder (r));
    g_assert_cmpstr (ff_record_get_code (r), ==, "SUP-0010");
  }

  /* Further rows are read in a worker as a view asks for them: first a placeholder, then the
   * same object, filled, so a selection on it stays. */
  reload_result_init (&a, loop);
  {
    g_autoptr (FfRecordQuery) all = ff_record_query_new ();
    ff_record_list_model_reload_async (model, all, NULL, reload_done_cb, &a);
  }
  wait_for (&a);
  g_assert_true (a.ok);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY);
  {
    g_autoptr (FfRecord) r = item (list, 200);
    gboolean loaded = FALSE;

    g_assert_true (ff_record_list_model_is_placeholder (r));
    g_assert_cmpint (ff_record_get_rowid (r), >, 0);
    g_signal_connect_swapped (r, "loaded", G_CALLBACK (set_true), &loaded);
    g_clear_object (&r);
    r = loaded_item (list, loop, 200);
    g_assert_true (loaded);
    g_assert_cmpstr (ff_record_get_code (r), ==, "SUP-0201");
    {
      g_autoptr (FfRecord) again = item (list, 200);
      g_assert_true (again == r);
    }
  }

  /* A second reload supersedes one still running: only the newer one lands. */
  reload_result_init (&a, loop);
  g_free (first->search);
  first->search = g_strdup ("supplier");
  second->filter_field = g_strdup ("risk_level");
  second->filter_value = g_strdup ("low");
  second->descending = TRUE;
  ff_record_list_model_reload_async (model, first, NULL, reload_done_cb, &a);
  ff_record_list_model_reload_async (model, second, NULL, reload_done_cb, &b);
  wait_for (&a);
  wait_for (&b);
  g_assert_false (a.ok);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&a.error);
  g_assert_no_error (b.error);
  g_assert_true (b.ok);
  g_assert_false (ff_record_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY / 3);
  g_assert_true (ff_record_query_equal (ff_record_list_model_get_query (model), second));
  {
    g_autoptr (FfRecord) r = loaded_item (list, loop, 0);
    g_assert_cmpstr (ff_record_get_code (r), ==, "SUP-0300");
  }

  /* A cancelled reload reports it and leaves the list as it was. */
  g_cancellable_cancel (cancellable);
  ff_record_list_model_reload_async (model, first, cancellable, reload_done_cb, &c);
  wait_for (&c);
  g_assert_false (c.ok);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c.error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY / 3);

  /* A locked session cannot reload. */
  ff_session_lock (fixture->session);
  reload_result_init (&c, loop);
  ff_record_list_model_reload_async (model, NULL, NULL, reload_done_cb, &c);
  wait_for (&c);
  g_assert_false (c.ok);
  g_assert_error (c.error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED);
  g_clear_error (&c.error);
  g_assert_false (ff_record_list_model_get_loading (model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/records/insert-get-find", test_insert_get_find);
  ADD ("/records/update", test_update);
  ADD ("/records/validation-errors", test_validation_errors);
  ADD ("/records/unique-code", test_unique_code);
  ADD ("/records/permissions", test_permissions);
  ADD ("/records/outbox", test_outbox);
  ADD ("/records/tombstones", test_tombstones);
  ADD ("/records/list-model", test_list_model);
  ADD ("/records/list-model-numeric-sort", test_list_model_numeric_sort);
  ADD ("/records/list-model-async", test_list_model_async);
  ADD ("/records/references-and-time-series", test_references_and_time_series);
  ADD ("/records/regressions/outbox-base-of-untouched-field",
       test_outbox_base_of_untouched_field);
#undef ADD

  return g_test_run ();
}
