/* ff-cli-epcis.c — foodflow-cli epcis: the tenant's traceability events as a GS1 EPCIS 2.0
 * JSON-LD document, for a period or for the lots traced from one lot. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "ff-cli-private.h"
#include "ff-epcis.h"
#include "ff-error.h"

int
_ff_cli_epcis (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;
  const char *path = _ff_cli_option (ctx, "-o");
  FfEpcisOptions options = { 0 };

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("epcis takes TENANT"));
  options.from = _ff_cli_option (ctx, "--from");
  options.to = _ff_cli_option (ctx, "--to");
  options.lot_code = _ff_cli_option (ctx, "--lot");
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  options.tenant_id = ff_session_get_tenant (session)->id;

  if (path == NULL || g_str_equal (path, "-"))
    {
      g_autoptr (GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      fflush (stdout);
      summary = ff_epcis_export (ff_session_get_store (session), &options, out, NULL, &error);
    }
  else
    summary = ff_epcis_export_to_file (ff_session_get_store (session), &options, path, NULL,
                                       &error);
  if (summary == NULL)
    return _ff_cli_fail (error);

  for (guint i = 0; i < summary->gaps->len; i++)
    /* Translators: something the EPCIS export had to make up or leave out */
    g_printerr (_("foodflow-cli: gap: %s\n"), (const char *) g_ptr_array_index (summary->gaps, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           /* Translators: the counts of an EPCIS export, by business step */
                           "%u EPCIS event: %u commissioning, %u receiving, %u transformation, "
                           "%u shipping\n",
                           "%u EPCIS events: %u commissioning, %u receiving, %u transformation, "
                           "%u shipping\n", summary->n_events),
              summary->n_events, summary->n_commissioning, summary->n_receiving,
              summary->n_transformation, summary->n_shipping);
  return FF_CLI_EXIT_OK;
}
