/* ff-cli-lot.c — foodflow-cli lot hold | release | why: holds with a reason, and releases
 * guarded by open critical deviations (a QA user's e-signature overrides). */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ff-cli-private.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-lot-release.h"
#include "ff-record-repository.h"

/* The id of the lot whose code is the second argument. */
static char *
find_lot (FfSession  *session,
          const char *code,
          GError    **error)
{
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (ff_session_get_store (session),
                                                                  ff_kind_lookup ("lots"));
  g_autoptr (FfRecord) lot = ff_record_repository_find_by_code (lots, code, error);

  return lot ? g_strdup (ff_record_get_id (lot)) : NULL;
}

static int
lot_hold (FfCliContext *ctx,
          FfSession    *session,
          const char   *lot_id)
{
  g_autoptr (GError) error = NULL;
  FfActor actor = ff_actor_from_session (session);
  const char *status = _ff_cli_option (ctx, "--status");

  if (status != NULL && !g_str_equal (status, "hold") && !g_str_equal (status, "quarantine"))
    return _ff_cli_usage_error (_("--status is hold or quarantine"));
  if (!ff_lot_hold (ff_session_get_store (session), &actor, lot_id, status ? status : "hold",
                    _ff_cli_option (ctx, "--reason"), &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

static int
lot_release (FfCliContext *ctx,
             FfVault      *vault,
             FfSession    *session,
             const char   *lot_id)
{
  g_autoptr (GError) error = NULL;
  const char *qa = _ff_cli_option (ctx, "--override-by");
  g_autofree char *qa_password = NULL;

  if (qa != NULL)
    {
      /* The QA user's own password: their e-signature. */
      qa_password = _ff_cli_read_password ("FOODFLOW_SIGNER_PASSWORD", _("Password of the QA user "
                                                                         "who signs"), &error);
      if (qa_password == NULL)
        return _ff_cli_fail (error);
    }
  if (!ff_lot_release (vault, session, NULL, lot_id, _ff_cli_option (ctx, "--reason"), qa, qa_password,
                       &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

static int
lot_why (FfSession  *session,
         const char *lot_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfLotHold) hold = ff_lot_hold_explain (ff_session_get_store (session), lot_id,
                                                    &error);
  g_autoptr (GPtrArray) blockers = NULL;

  if (hold == NULL)
    return _ff_cli_fail (error);
  printf ("%s\n", hold->status);
  if (hold->held_by != NULL)
    /* Translators: who put a lot on hold and when ("by quinn since 2026-12-02 10:30"). */
    printf (_("held by %s since %s\n"), hold->held_by, hold->held_at);
  if (hold->reason != NULL)
    printf ("%s\n", hold->reason);
  for (guint i = 0; i < hold->deviations->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (hold->deviations, i));
  for (guint i = 0; i < hold->readings->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (hold->readings, i));
  blockers = ff_lot_release_blockers (ff_session_get_store (session), lot_id, &error);
  if (blockers == NULL)
    return _ff_cli_fail (error);
  for (guint i = 0; i < blockers->len; i++)
    {
      FfReleaseBlocker *b = g_ptr_array_index (blockers, i);
      if (b->on_input)
        /* Translators: an open critical deviation on a lot this one was made from: code,
         * input lot code, description */
        printf (_("Release blocked by %s on input lot %s: %s\n"), b->deviation_code,
                b->lot_code, b->description);
      else
        /* Translators: an open critical deviation on the lot: code, description */
        printf (_("Release blocked by %s: %s\n"), b->deviation_code, b->description);
    }
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_lot (FfCliContext *ctx,
             const char   *verb)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autofree char *lot_id = NULL;

  if (!g_str_equal (verb, "hold") && !g_str_equal (verb, "release") && !g_str_equal (verb, "why"))
    return _ff_cli_usage_error (_("Unknown lot command “%s”; use hold, release or why"), verb);
  if (ctx->args->len != 2)
    return _ff_cli_usage_error (_("lot %s takes TENANT and LOT"), verb);
  if (!g_str_equal (verb, "why") && _ff_cli_option (ctx, "--reason") == NULL)
    return _ff_cli_usage_error (_("Say why with --reason TEXT: it is kept with the lot"));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  lot_id = find_lot (session, g_ptr_array_index (ctx->args, 1), &error);
  if (lot_id == NULL)
    return _ff_cli_fail (error);
  if (g_str_equal (verb, "hold"))
    return lot_hold (ctx, session, lot_id);
  if (g_str_equal (verb, "release"))
    return lot_release (ctx, vault, session, lot_id);
  return lot_why (session, lot_id);
}
