/* ff-cli-recall.c — foodflow-cli recall: a mock recall of a raw-material lot (traced forward)
 * and a finished lot (traced backward), kept as a recall exercise and printed as JSON. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-cli-private.h"
#include "ff-kind-catalog.h"
#include "ff-mock-recall.h"
#include "ff-record-repository.h"

int
_ff_cli_recall (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfRecordRepository) lots = NULL;
  g_autoptr (FfRecord) forward = NULL;
  g_autoptr (FfRecord) backward = NULL;
  g_autoptr (FfMockRecall) recall = NULL;
  g_autoptr (JsonNode) json = NULL;
  const char **codes = NULL;
  guint n_lots = _ff_cli_option_values (ctx, "--lot", &codes);
  FfActor actor;

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("recall takes TENANT"));
  if (n_lots < 1 || n_lots > 2)
    return _ff_cli_usage_error (_("recall takes one or two --lot: a raw-material lot to trace "
                                  "forward, a finished lot to trace backward"));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  lots = ff_record_repository_new (ff_session_get_store (session), ff_kind_lookup ("lots"));
  for (guint i = 0; i < n_lots; i++)
    {
      g_autoptr (FfRecord) lot = ff_record_repository_find_by_code (lots, codes[i], &error);
      FfRecord **side;

      if (lot == NULL)
        return _ff_cli_fail (error);
      /* An ingredient goes forward (where did it go?); what was made goes backward. */
      side = g_strcmp0 (ff_record_get (lot, "lot_type"), "ingredient") == 0 ? &forward
                                                                              : &backward;
      if (*side != NULL)
        return _ff_cli_usage_error (g_strcmp0 (ff_record_get (lot, "lot_type"), "ingredient") == 0
                                      ? _("Give one raw-material lot, traced forward; %s and %s "
                                          "are both ingredient lots")
                                      : _("Give one finished or work-in-progress lot, traced "
                                          "backward; %s and %s are both made lots"),
                                    codes[0], codes[1]);
      *side = g_steal_pointer (&lot);
    }
  actor = ff_actor_from_session (session);
  recall = ff_mock_recall_run (ff_session_get_store (session), &actor,
                               forward ? ff_record_get_id (forward) : NULL,
                               backward ? ff_record_get_id (backward) : NULL,
                               _ff_cli_option (ctx, "--notes"), TRUE, &error);
  if (recall == NULL)
    return _ff_cli_fail (error);
  json = ff_mock_recall_to_json (recall);
  return _ff_cli_print_json (json);
}
