/* ff-lot-release.c — holds with a reason, and releases guarded by open critical deviations on
 * the lot and everything it was made from. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-lots"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-clock.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-lot-release.h"
#include "ff-lot-release-private.h"
#include "ff-record-repository.h"
#include "ff-signatures.h"
#include "ff-users.h"

void
ff_release_blocker_free (FfReleaseBlocker *blocker)
{
  if (blocker == NULL)
    return;
  g_free (blocker->deviation_id);
  g_free (blocker->deviation_code);
  g_free (blocker->description);
  g_free (blocker->lot_id);
  g_free (blocker->lot_code);
  g_free (blocker);
}

void
ff_lot_hold_free (FfLotHold *hold)
{
  if (hold == NULL)
    return;
  g_free (hold->status);
  g_free (hold->held_by);
  g_free (hold->held_at);
  g_free (hold->reason);
  g_clear_pointer (&hold->deviations, g_ptr_array_unref);
  g_clear_pointer (&hold->readings, g_ptr_array_unref);
  g_free (hold);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
ff_lot_release_blockers (FfStore     *store,
                         const char  *lot_id,
                         GError     **error)
{
  g_autoptr (GPtrArray) blockers = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_release_blocker_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FF_IS_STORE (store) && lot_id != NULL, NULL);

  /* The lot and every lot upstream of it: what it was made from, and what that was made from
   * (UNION, not UNION ALL: a genealogy with a loop ends). */
  stmt = ff_store_prepare (store,
                           "WITH RECURSIVE up (id) AS (SELECT ?1 UNION SELECT l.input_lot "
                           "FROM lot_links l JOIN up ON l.output_lot = up.id "
                           "WHERE l._deleted = 0) "
                           "SELECT d.id, d.code, d.description, t.id, t.code FROM deviations d "
                           "JOIN up ON d.lot = up.id JOIN lots t ON t.id = d.lot "
                           "WHERE d._deleted = 0 AND d.status <> 'closed' "
                           "AND d.severity = 'critical' ORDER BY t.id <> ?1, t.code, d.raised_at",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lot_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfReleaseBlocker *b = g_new0 (FfReleaseBlocker, 1);

      b->deviation_id = column_text (stmt, 0);
      b->deviation_code = column_text (stmt, 1);
      b->description = column_text (stmt, 2);
      b->lot_id = column_text (stmt, 3);
      b->lot_code = column_text (stmt, 4);
      b->on_input = g_strcmp0 (b->lot_id, lot_id) != 0;
      g_ptr_array_add (blockers, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ff_store_set_error (store, rc, _("Could not read the deviations of a lot"), error);
      return NULL;
    }
  return g_steal_pointer (&blockers);
}

/* "DEV-2026-0117 on this lot, DEV-2026-0120 on input lot RM1003-260902-G05". */
static char *
describe_blockers (GPtrArray *blockers)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < blockers->len; i++)
    {
      FfReleaseBlocker *b = g_ptr_array_index (blockers, i);

      if (i > 0)
        g_string_append (text, _(", "));
      if (b->on_input)
        /* Translators: a deviation and the input lot it is on. */
        g_string_append_printf (text, _("%s on input lot %s"), b->deviation_code, b->lot_code);
      else
        /* Translators: a deviation on the lot being released. */
        g_string_append_printf (text, _("%s on this lot"), b->deviation_code);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
refuse_release (const char  *lot_code,
                GPtrArray   *blockers,
                GError     **error)
{
  g_autofree char *what = describe_blockers (blockers);

  g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
               /* Translators: the lot, then the deviations in the way ("DEV-1 on input lot
                * RM-1"). */
               g_dngettext (GETTEXT_PACKAGE,
                            "Lot %s cannot be released: open critical deviation %s. A QA user "
                            "can release it anyway with an e-signature.",
                            "Lot %s cannot be released: open critical deviations %s. A QA user "
                            "can release it anyway with an e-signature.", blockers->len),
               lot_code, what);
  return FALSE;
}

/* The records of @kind_name that refer to the lot through "lot" and match @condition. */
static GPtrArray *
load_on_lot (FfStore     *store,
             const char  *kind_name,
             const char  *lot_id,
             const char  *condition,
             const char  *sort_field,
             GError     **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  ff_kind_lookup (kind_name));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GArray) rows = NULL;

  query->filter_field = g_strdup ("lot");
  query->filter_value = g_strdup (lot_id);
  query->condition = g_strdup (condition);
  query->sort_field = g_strdup (sort_field);
  query->descending = TRUE;
  rows = ff_record_repository_query_rowids (repo, query, NULL, error);
  if (rows == NULL)
    return NULL;
  return ff_record_repository_load_rowids (repo, (const gint64 *) rows->data, MIN (rows->len, 20),
                                           error);
}

FfLotHold *
ff_lot_hold_explain (FfStore     *store,
                     const char  *lot_id,
                     GError     **error)
{
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (store, ff_kind_lookup ("lots"));
  g_autoptr (FfRecord) lot = ff_record_repository_get (lots, lot_id, error);
  g_autoptr (FfLotHold) hold = NULL;
  g_autoptr (GPtrArray) deviations = NULL, readings = NULL;

  if (lot == NULL)
    return NULL;
  deviations = load_on_lot (store, "deviations", lot_id, "open", "raised_at", error);
  if (deviations == NULL)
    return NULL;
  readings = load_on_lot (store, "ccp_readings", lot_id, "out-of-limit", "observed_at", error);
  if (readings == NULL)
    return NULL;

  hold = g_new0 (FfLotHold, 1);
  hold->status = g_strdup (ff_record_get (lot, "status"));
  hold->held_by = g_strdup (ff_record_get (lot, "held_by"));
  hold->held_at = ff_record_get (lot, "held_at") ? ff_record_format (lot, "held_at") : NULL;
  hold->reason = g_strdup (ff_record_get (lot, "hold_reason"));
  hold->deviations = g_ptr_array_new_with_free_func (g_free);
  hold->readings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < deviations->len; i++)
    {
      FfRecord *d = g_ptr_array_index (deviations, i);
      g_autofree char *severity = ff_record_format (d, "severity");
      g_autofree char *status = ff_record_format (d, "status");

      /* Translators: a deviation on a held lot: code, severity, status, description. */
      g_ptr_array_add (hold->deviations,
                       g_strdup_printf (_("%s (%s, %s): %s"), ff_record_get_code (d), severity,
                                        status, ff_record_get (d, "description")));
    }
  for (guint i = 0; i < readings->len; i++)
    {
      FfRecord *r = g_ptr_array_index (readings, i);
      g_autofree char *value = ff_record_format (r, "value");

      /* Translators: a CCP reading out of limit on a held lot: what and when, then the value. */
      g_ptr_array_add (hold->readings, g_strdup_printf (_("%s: %s"), ff_record_get_title (r),
                                                        value));
    }
  return g_steal_pointer (&hold);
}

gboolean
ff_lot_hold (FfStore        *store,
             const FfActor  *actor,
             const char     *lot_id,
             const char     *status,
             const char     *reason,
             GError        **error)
{
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (store, ff_kind_lookup ("lots"));
  g_autoptr (FfRecord) lot = NULL;
  g_autoptr (GDateTime) now = ff_clock_now ();
  g_autofree char *at = ff_clock_format_utc (now);

  g_return_val_if_fail (g_strcmp0 (status, "hold") == 0 || g_strcmp0 (status, "quarantine") == 0,
                        FALSE);

  if (reason == NULL || *reason == '\0')
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("Say why the lot is held: the reason is kept with it"));
      return FALSE;
    }
  lot = ff_record_repository_get (lots, lot_id, error);
  if (lot == NULL)
    return FALSE;
  ff_record_set (lot, "status", status);
  ff_record_set (lot, "hold_reason", reason);
  ff_record_set (lot, "held_by", actor->username);
  ff_record_set (lot, "held_at", at);
  return ff_record_repository_update (lots, actor, lot, reason, error);
}

gboolean
ff_lot_release (FfVault      *vault,
                FfSession    *session,
                FfStore      *store,
                const char   *lot_id,
                const char   *reason,
                const char   *override_user,
                const char   *override_password,
                GError      **error)
{
  g_autoptr (FfRecordRepository) lots = NULL;
  g_autoptr (FfRecord) lot = NULL;
  g_autoptr (GPtrArray) blockers = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (FfRecord) signature = NULL;
  FfActor actor;

  g_return_val_if_fail (FF_IS_SESSION (session) && lot_id != NULL, FALSE);

  if (store == NULL)
    store = ff_session_get_store (session);
  if (store == NULL)
    {
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED,
                           _("The tenant is locked; unlock it first"));
      return FALSE;
    }
  if (reason == NULL || *reason == '\0')
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("Say why the lot may be released: the reason is kept with it"));
      return FALSE;
    }
  actor = ff_actor_from_session (session);
  lots = ff_record_repository_new (store, ff_kind_lookup ("lots"));
  if (!ff_store_begin (store, error))
    return FALSE;
  lot = ff_record_repository_get (lots, lot_id, error);
  if (lot == NULL)
    goto fail;
  if (g_strcmp0 (ff_record_get (lot, "status"), "released") == 0)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("Lot %s is released already"),
                   ff_record_get_code (lot));
      goto fail;
    }
  ff_record_set (lot, "status", "released");
  ff_record_set (lot, "hold_reason", NULL);
  ff_record_set (lot, "held_by", NULL);
  ff_record_set (lot, "held_at", NULL);
  /* As it will be stored: that is what a signature covers. */
  problems = ff_record_repository_validate (lots, lot, error);
  if (problems == NULL)
    goto fail;
  blockers = ff_lot_release_blockers (store, lot_id, error);
  if (blockers == NULL)
    goto fail;
  if (blockers->len > 0 && override_user == NULL)
    {
      refuse_release (ff_record_get_code (lot), blockers, error);
      goto fail;
    }
  if (override_user != NULL)
    {
      signature = ff_signature_sign (vault, session, store, override_user,
                                     override_password ? override_password : "", lot,
                                     "released", reason, error);
      if (signature == NULL)
        goto fail;
      /* The QA user who signed releases it, at whoever's screen. */
      actor.username = override_user;
      if (!ff_users_get_role (store, override_user, &actor.role, error))
        goto fail;
    }
  if (!ff_record_repository_update (lots, &actor, lot, reason, error)
      || !ff_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  if (ff_store_in_transaction (store))
    ff_store_rollback (store);
  return FALSE;
}

gboolean
_ff_lot_check_write (FfRecordRepository  *repo,
                     const FfActor       *actor,
                     FfRecord            *current,
                     FfRecord            *record,
                     GError             **error)
{
  FfStore *store = ff_record_repository_get_store (repo);
  g_autoptr (GPtrArray) blockers = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  gboolean signed_by_qa = FALSE;
  const char *status = ff_record_get (record, "status");
  int rc;

  /* Releasing or rejecting is QA's decision, whoever else may record and hold lots. */
  if ((g_strcmp0 (status, "released") == 0 || g_strcmp0 (status, "rejected") == 0)
      && (current == NULL || g_strcmp0 (ff_record_get (current, "status"), status) != 0)
      && actor->role != FF_ROLE_QA && actor->role != FF_ROLE_ADMIN)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
                   _("Only a QA user releases or rejects a lot; %s is not one"), actor->username);
      return FALSE;
    }
  if (current == NULL || g_strcmp0 (status, "released") != 0
      || g_strcmp0 (ff_record_get (current, "status"), "released") == 0)
    return TRUE;
  blockers = ff_lot_release_blockers (store, ff_record_get_id (record), error);
  if (blockers == NULL)
    return FALSE;
  if (blockers->len == 0)
    return TRUE;

  /* A QA user's signature of this release: over the lot exactly as it is being stored, made
   * since the lot last changed (an old signature of the same content releases nothing). */
  hash = ff_record_repository_content_hash (repo, record, error);
  if (hash == NULL)
    return FALSE;
  stmt = ff_store_prepare (store,
                           "SELECT s.signer FROM signatures s WHERE s.lot = ?1 "
                           "AND s.meaning = 'released' AND s.content_hash = ?2 "
                           "AND s._hlc > (SELECT _hlc FROM lots WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ff_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  while (!signed_by_qa && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfRole role;
      const char *signer = (const char *) sqlite3_column_text (stmt, 0);

      signed_by_qa = signer != NULL && ff_users_get_role (store, signer, &role, NULL)
                     && (role == FF_ROLE_QA || role == FF_ROLE_ADMIN);
    }
  sqlite3_reset (stmt);
  if (signed_by_qa)
    return TRUE;
  return refuse_release (ff_record_get_code (record), blockers, error);
}
