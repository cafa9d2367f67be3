/* test-audit-trail.c — the audit trail: written in the change's transaction, reasons, order. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>

#include "ff-audit-trail.h"
#include "ff-clock.h"
#include "ff-error.h"
#include "ff-test-util.h"

typedef struct
{
  char    *dir;
  FfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = ff_test_store_make ("ff-test-audit", NULL, FF_STORE_OPEN_DEFAULT,
                                       &fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
record_ok (FfStore    *store,
           const char *row_id,
           const char *field,
           const char *old_value,
           const char *new_value,
           const char *reason)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ff_audit_trail_record (store, "qa.lead", "lots", row_id, field, old_value,
                                        new_value, reason, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list (FfStore    *store,
      const char *row_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = ff_audit_trail_list (store, "lots", row_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) others = NULL;
  g_autoptr (GPtrArray) none = NULL;
  FfAuditEntry *e;

  g_assert_true (ff_store_begin (fixture->store, &error));
  record_ok (fixture->store, "row-1", NULL, NULL, "LOT-001", "Received from supplier");
  record_ok (fixture->store, "row-1", "status", "released", "hold", "  Metal detector failed  ");
  record_ok (fixture->store, "row-2", NULL, NULL, "LOT-002", "Received");
  record_ok (fixture->store, "row-1", "quantity", "100", NULL, "Quantity unknown after spill");
  g_assert_true (ff_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  entries = list (fixture->store, "row-1");
  g_assert_cmpuint (entries->len, ==, 3);

  e = entries->pdata[0];
  g_assert_cmpstr (e->username, ==, "qa.lead");
  g_assert_cmpstr (e->table, ==, "lots");
  g_assert_cmpstr (e->row_id, ==, "row-1");
  g_assert_null (e->field);
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "LOT-001");
  g_assert_cmpstr (e->reason, ==, "Received from supplier");
  g_assert_nonnull (e->id);
  g_assert_nonnull (e->at);
  {
    g_autoptr (GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
    g_autoptr (GDateTime) now = ff_clock_now ();
    g_assert_nonnull (at);
    g_assert_cmpint (g_date_time_get_utc_offset (at), ==, 0);
    g_assert_cmpint (ABS (g_date_time_difference (now, at)), <, 10 * G_TIME_SPAN_MINUTE);
  }

  e = entries->pdata[1];
  g_assert_cmpstr (e->field, ==, "status");
  g_assert_cmpstr (e->old_value, ==, "released");
  g_assert_cmpstr (e->new_value, ==, "hold");
  /* Stored trimmed. */
  g_assert_cmpstr (e->reason, ==, "Metal detector failed");

  e = entries->pdata[2];
  g_assert_cmpstr (e->field, ==, "quantity");
  g_assert_cmpstr (e->old_value, ==, "100");
  g_assert_null (e->new_value);

  /* Ids are distinct. */
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[0])->id, !=,
                   ((FfAuditEntry *) entries->pdata[1])->id);
  g_assert_cmpstr (((FfAuditEntry *) entries->pdata[1])->id, !=,
                   ((FfAuditEntry *) entries->pdata[2])->id);

  others = list (fixture->store, "row-2");
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpstr (((FfAuditEntry *) others->pdata[0])->new_value, ==, "LOT-002");

  none = list (fixture->store, "row-3");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_reason_required (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  const char *const reasons[] = { NULL, "", " ", "\t\n  \r" };

  g_assert_true (ff_store_begin (fixture->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_assert_false (ff_audit_trail_record (fixture->store, "qa.lead", "lots", "row-1",
                                             "status", "released", "hold", reasons[i], &error));
      g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* The refusals wrote nothing; the transaction itself is still good. */
  g_assert_true (ff_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  entries = list (fixture->store, "row-1");
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_rolled_back_with_change (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  /* The entry belongs to the change's transaction: gone when it is rolled back. */
  g_assert_true (ff_store_begin (fixture->store, &error));
  record_ok (fixture->store, "row-1", "status", "released", "hold", "Pest sighting");
  entries = list (fixture->store, "row-1");
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  ff_store_rollback (fixture->store);

  entries = list (fixture->store, "row-1");
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Also when an inner part of a nested transaction fails. */
  g_assert_true (ff_store_begin (fixture->store, &error));
  record_ok (fixture->store, "row-1", "status", "released", "hold", "Pest sighting");
  g_assert_true (ff_store_begin (fixture->store, &error));
  ff_store_rollback (fixture->store);
  g_assert_false (ff_store_commit (fixture->store, &error));
  g_assert_error (error, FF_STORE_ERROR, FF_STORE_ERROR_FAILED);
  g_clear_error (&error);

  entries = list (fixture->store, "row-1");
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_order_across_transactions (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  const guint n = 25;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *old_value = g_strdup_printf ("%u", i);
      g_autofree char *new_value = g_strdup_printf ("%u", i + 1);
      g_autofree char *reason = g_strdup_printf ("Recount %u", i);

      g_assert_true (ff_store_begin (fixture->store, &error));
      record_ok (fixture->store, "row-9", "quantity", old_value, new_value, reason);
      g_assert_true (ff_store_commit (fixture->store, &error));
      g_assert_no_error (error);
    }

  entries = list (fixture->store, "row-9");
  g_assert_cmpuint (entries->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      FfAuditEntry *e = entries->pdata[i];
      g_autofree char *expected = g_strdup_printf ("Recount %u", i);

      g_assert_cmpstr (e->reason, ==, expected);
      if (i > 0)
        g_assert_cmpstr (((FfAuditEntry *) entries->pdata[i - 1])->new_value, ==, e->old_value);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit-trail/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/audit-trail/reason-required", Fixture, NULL, fixture_set_up,
              test_reason_required, fixture_tear_down);
  g_test_add ("/audit-trail/rolled-back-with-change", Fixture, NULL, fixture_set_up,
              test_rolled_back_with_change, fixture_tear_down);
  g_test_add ("/audit-trail/order-across-transactions", Fixture, NULL, fixture_set_up,
              test_order_across_transactions, fixture_tear_down);

  return g_test_run ();
}
