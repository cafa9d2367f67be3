/* ff-signatures.c — signing a record, and whether a signature still covers it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-signatures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-clock.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-signatures.h"
#include "ff-signatures-private.h"
#include "ff-uuid.h"

static const struct
{
  const char *kind;
  const char *field;
} subjects[] = {
  { "audits", "audit" },
  { "lots", "lot" },
};

const char *
_ff_signature_subject_field (const FfKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (g_str_equal (kind->name, subjects[i].kind))
      return subjects[i].field;
  return NULL;
}

/* Meanings that vouch for a record someone else made: QA's. */
static gboolean
needs_qa (const char *meaning)
{
  return g_str_equal (meaning, "reviewed") || g_str_equal (meaning, "approved")
         || g_str_equal (meaning, "released");
}

static char *
new_code (GDateTime *now)
{
  g_autofree char *uuid = ff_uuid_v4_new ();
  g_autofree char *day = g_date_time_format (now, "%Y%m%d");
  g_autofree char *tail = g_ascii_strup (uuid, 8);

  return g_strdup_printf ("SIG-%s-%s", day, tail);
}

/* Builds and stores the signature of @subject once the signer is known. */
static FfRecord *
store_signature (FfStore       *store,
                 const FfActor *actor,
                 FfRecord      *subject,
                 const char    *meaning,
                 const char    *signer,
                 const char    *signer_name,
                 GBytes        *image,
                 const char    *reason,
                 GError       **error)
{
  const FfKind *kind = ff_record_get_kind (subject);
  const char *field = _ff_signature_subject_field (kind);
  g_autoptr (FfRecordRepository) subjects_repo = NULL;
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  ff_kind_lookup ("signatures"));
  g_autoptr (FfRecord) signature = ff_record_new (ff_kind_lookup ("signatures"));
  g_autoptr (GDateTime) now = ff_clock_now ();
  g_autofree char *hash = NULL, *code = NULL, *at = NULL;

  if (field == NULL || ff_record_get_id (subject) == NULL)
    {
      /* Translators: a record kind's command-line name ("lines") */
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("Records of %s are not signed"),
                   kind->name);
      return NULL;
    }
  subjects_repo = ff_record_repository_new (store, kind);
  hash = ff_record_repository_content_hash (subjects_repo, subject, error);
  if (hash == NULL)
    return NULL;
  code = new_code (now);
  at = ff_clock_format_utc (now);
  ff_record_set (signature, "code", code);
  ff_record_set (signature, field, ff_record_get_id (subject));
  ff_record_set (signature, "meaning", meaning);
  ff_record_set (signature, "signer", signer);
  ff_record_set (signature, "signer_name", signer_name);
  ff_record_set (signature, "external", signer == NULL ? "1" : "0");
  ff_record_set (signature, "signed_at", at);
  ff_record_set (signature, "reason", reason && *reason ? reason : NULL);
  ff_record_set (signature, "content_hash", hash);
  if (image != NULL)
    ff_record_set_blob (signature, (guint) ff_kind_get_field_index (ff_kind_lookup ("signatures"),
                                                                    "signature_image"), image);
  if (!ff_record_repository_insert (repo, actor, signature, reason && *reason ? reason
                                                                             : _("Signed"),
                                    error))
    return NULL;
  return g_steal_pointer (&signature);
}

FfRecord *
ff_signature_sign (FfVault     *vault,
                   FfSession   *session,
                   FfStore     *store,
                   const char  *signer,
                   const char  *password,
                   FfRecord    *subject,
                   const char  *meaning,
                   const char  *reason,
                   GError     **error)
{
  FfActor actor;
  FfRole role;

  g_return_val_if_fail (FF_IS_VAULT (vault) && FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (signer != NULL && password != NULL && meaning != NULL, NULL);
  g_return_val_if_fail (FF_IS_RECORD (subject), NULL);

  /* The password first: nothing else is said to whoever does not know it. */
  if (store == NULL)
    store = ff_session_get_store (session);
  if (!ff_vault_confirm_user (vault, session, store, signer, password, &role, error))
    return NULL;
  if (needs_qa (meaning) && role != FF_ROLE_QA && role != FF_ROLE_ADMIN)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION,
                   _("%s is not a QA user: only QA signs a record as reviewed, approved or "
                     "released"), signer);
      return NULL;
    }
  actor = (FfActor) { signer, role };
  return store_signature (store, &actor, subject, meaning, signer, signer, NULL, reason, error);
}

FfRecord *
ff_signature_sign_external (FfSession   *session,
                            const char  *signer_name,
                            GBytes      *image,
                            FfRecord    *subject,
                            const char  *meaning,
                            const char  *reason,
                            GError     **error)
{
  FfActor actor;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (signer_name != NULL && meaning != NULL && FF_IS_RECORD (subject), NULL);

  if (needs_qa (meaning))
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_PERMISSION,
                           _("An external signer does not review, approve or release records"));
      return NULL;
    }
  actor = ff_actor_from_session (session);
  return store_signature (ff_session_get_store (session), &actor, subject, meaning, NULL,
                          signer_name, image, reason, error);
}

FfSignatureState
ff_signature_check (FfStore   *store,
                    FfRecord  *signature,
                    GError   **error)
{
  const char *hash = ff_record_get (signature, "content_hash");

  g_return_val_if_fail (FF_IS_STORE (store) && FF_IS_RECORD (signature), FF_SIGNATURE_GONE);

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      const char *id = ff_record_get (signature, subjects[i].field);
      g_autoptr (FfRecordRepository) repo = NULL;
      g_autoptr (FfRecord) subject = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *now = NULL;

      if (id == NULL)
        continue;
      repo = ff_record_repository_new (store, ff_kind_lookup (subjects[i].kind));
      subject = ff_record_repository_get (repo, id, &local_error);
      if (subject == NULL)
        {
          if (!g_error_matches (local_error, FF_ERROR, FF_ERROR_NOT_FOUND))
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FF_SIGNATURE_GONE;
        }
      if (hash == NULL)
        return FF_SIGNATURE_UNHASHED;
      now = ff_record_repository_content_hash (repo, subject, error);
      if (now == NULL)
        return FF_SIGNATURE_GONE;
      return g_str_equal (now, hash) ? FF_SIGNATURE_COVERS : FF_SIGNATURE_CHANGED;
    }
  return FF_SIGNATURE_GONE;
}

GPtrArray *
ff_signatures_of (FfStore   *store,
                  FfRecord  *subject,
                  GError   **error)
{
  const char *field = _ff_signature_subject_field (ff_record_get_kind (subject));
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (store,
                                                                  ff_kind_lookup ("signatures"));
  g_autoptr (FfRecordQuery) query = ff_record_query_new ();
  g_autoptr (GArray) rows = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  query->filter_field = g_strdup (field);
  query->filter_value = g_strdup (ff_record_get_id (subject));
  query->sort_field = g_strdup ("signed_at");
  rows = ff_record_repository_query_rowids (repo, query, NULL, error);
  if (rows == NULL)
    return NULL;
  return ff_record_repository_load_rowids (repo, (const gint64 *) rows->data, rows->len, error);
}

gboolean
_ff_signature_check_write (FfRecordRepository  *repo,
                           const FfActor       *actor,
                           FfRecord            *current,
                           FfRecord            *record,
                           GError             **error)
{
  const char *signer = ff_record_get (record, "signer");
  guint n_subjects = 0;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    n_subjects += ff_record_get (record, subjects[i].field) != NULL;
  if (n_subjects != 1)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("A signature signs exactly one audit or one lot"));
      return FALSE;
    }
  if (g_strcmp0 (ff_record_get (record, "external"), "1") == 0)
    {
      if (signer != NULL)
        {
          g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                               _("An external signer is not a user of the tenant: leave the "
                                 "user empty"));
          return FALSE;
        }
      return TRUE;
    }
  /* Whether the signer knew their password is the engine's to check when signing; history
   * restored from another copy of the tenant may name members this one does not have. */
  if (signer == NULL)
    {
      g_set_error_literal (error, FF_ERROR, FF_ERROR_INVALID,
                           _("A signature names the user who signed, or is marked external"));
      return FALSE;
    }
  return TRUE;
}
