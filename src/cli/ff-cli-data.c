/* ff-cli-data.c — foodflow-cli demo | stats | overview | export | import | kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <unistd.h>

#include "ff-cli-private.h"
#include "ff-demo.h"
#include "ff-kind-catalog.h"
#include "ff-kind-csv.h"
#include "ff-kind-xlsx.h"
#include "ff-overview.h"
#include "ff-tenant-stats.h"

int
_ff_cli_demo (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfTenantInfo) info = NULL;
  const char *seed_s = _ff_cli_option (ctx, "--seed");
  const char *scale_s = _ff_cli_option (ctx, "--scale");
  guint64 seed = 1;
  double scale = 1.0;

  if (ctx->args->len > 1)
    return _ff_cli_usage_error (_("demo takes at most one NAME"));
  if (seed_s && !g_ascii_string_to_unsigned (seed_s, 10, 0, G_MAXUINT32, &seed, NULL))
    return _ff_cli_usage_error (_("--seed needs a whole number from 0 to %u"), G_MAXUINT32);
  if (scale_s)
    {
      char *end = NULL;
      scale = g_ascii_strtod (scale_s, &end);
      if (end == scale_s || *end != '\0' || !(scale > 0 && scale <= 100))
        return _ff_cli_usage_error (_("--scale needs a number above 0 and at most 100"));
    }
  vault = _ff_cli_open_vault (ctx, &error);
  if (vault == NULL)
    return _ff_cli_fail (error);
  info = ff_demo_create (vault, ctx->args->len ? g_ptr_array_index (ctx->args, 0) : NULL,
                         (guint32) seed, scale, NULL, &error);
  if (info == NULL)
    return _ff_cli_fail (error);
  printf ("%s\t%s\n", info->id, info->name);
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_stats (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (JsonNode) stats = NULL;

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("stats takes one TENANT"));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  stats = ff_tenant_stats_collect (ff_session_get_store (session), &error);
  if (stats == NULL)
    return _ff_cli_fail (error);
  return _ff_cli_print_json (stats);
}

int
_ff_cli_overview (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfOverview) overview = NULL;
  g_autoptr (JsonNode) json = NULL;
  const char *name;
  FfWorkspace workspace = FF_N_WORKSPACES;

  if (ctx->args->len != 2)
    return _ff_cli_usage_error (_("overview takes a TENANT and a WORKSPACE"));
  name = g_ptr_array_index (ctx->args, 1);
  if (!_ff_cli_parse_workspace (name, &workspace))
    return FF_CLI_EXIT_FAILURE;
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  overview = ff_overview_compute (ff_session_get_store (session), workspace, NULL, &error);
  if (overview == NULL)
    return _ff_cli_fail (error);
  json = ff_overview_to_json (overview);
  return _ff_cli_print_json (json);
}

int
_ff_cli_export (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GFile) file = NULL;
  const char *format = _ff_cli_option (ctx, "--format");
  const char *path = _ff_cli_option (ctx, "-o");
  const FfKind *kind;

  if (ctx->args->len != 2)
    return _ff_cli_usage_error (_("export takes TENANT and KIND"));
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    return _ff_cli_usage_error (_("“%s” is not an export format; use csv or xlsx"), format);
  if (g_strcmp0 (format, "xlsx") == 0 && (path == NULL || g_str_equal (path, "-")))
    return _ff_cli_usage_error (_("--format xlsx writes a file: give it with -o FILE"));
  kind = ff_kind_lookup (g_ptr_array_index (ctx->args, 1));
  if (kind == NULL)
    return _ff_cli_usage_error (_("“%s” is not a record kind; see foodflow-cli kinds"),
                                (const char *) g_ptr_array_index (ctx->args, 1));
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);

  if (g_strcmp0 (format, "xlsx") == 0)
    {
      if (!ff_kind_xlsx_export (ff_session_get_store (session), kind, path, NULL, NULL, &error))
        return _ff_cli_fail (error);
      return FF_CLI_EXIT_OK;
    }
  if (path != NULL && !g_str_equal (path, "-"))
    {
      /* Written to a temporary file that replaces the target only when complete. */
      file = g_file_new_for_commandline_arg (path);
      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        return _ff_cli_fail (error);
    }
  else
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (!ff_kind_csv_export (ff_session_get_store (session), kind, out, NULL, NULL, &error))
    {
      /* Closing with a cancelled cancellable drops the temporary file: no half export. */
      g_autoptr (GCancellable) abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (out, abort, NULL);
      return _ff_cli_fail (error);
    }
  if (!g_output_stream_close (out, NULL, &error))
    return _ff_cli_fail (error);
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_import (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_auto (FfKindCsvImport) report = { 0 };
  const char *path;
  const FfKind *kind;
  FfActor actor;

  if (ctx->args->len != 3)
    return _ff_cli_usage_error (_("import takes TENANT, KIND and FILE"));
  kind = ff_kind_lookup (g_ptr_array_index (ctx->args, 1));
  if (kind == NULL)
    return _ff_cli_usage_error (_("“%s” is not a record kind; see foodflow-cli kinds"),
                                (const char *) g_ptr_array_index (ctx->args, 1));
  path = g_ptr_array_index (ctx->args, 2);
  /* Read a piece at a time: a file of any size imports in bounded memory. */
  file = g_file_new_for_commandline_arg (path);
  in = g_file_read (file, NULL, &error);
  if (in == NULL)
    return _ff_cli_fail (error);
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);

  actor = ff_actor_from_session (session);
  if (!ff_kind_csv_import (ff_session_get_store (session), &actor, kind, G_INPUT_STREAM (in),
                           &report, NULL, &error))
    {
      /* Every bad row (up to a bound), then the verdict. */
      if (report.n_problems == 0)
        return _ff_cli_fail (error);
      for (guint i = 0; i < report.problems->len; i++)
        g_printerr ("foodflow-cli: %s: %s\n", path,
                    (const char *) g_ptr_array_index (report.problems, i));
      if (report.n_problems > report.problems->len)
        /* Translators: after the problems listed, how many more the file has. */
        g_printerr (g_dngettext (GETTEXT_PACKAGE, "foodflow-cli: %s: … and %'u more problem\n",
                                 "foodflow-cli: %s: … and %'u more problems\n",
                                 report.n_problems - report.problems->len),
                    path, report.n_problems - report.problems->len);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "foodflow-cli: %s: nothing was imported (%'u problem)\n",
                               "foodflow-cli: %s: nothing was imported (%'u problems)\n",
                               report.n_problems),
                  path, report.n_problems);
      return FF_CLI_EXIT_FAILURE;
    }
  printf ("%" G_GUINT64_FORMAT "\n", report.imported);
  if (report.unchanged > 0)
    {
      g_autofree char *n = g_strdup_printf ("%'" G_GUINT64_FORMAT, report.unchanged);
      /* Translators: rows of an imported CSV file whose records were there already. */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "foodflow-cli: %s: %s row was already recorded with the same "
                               "values and was left as it was\n",
                               "foodflow-cli: %s: %s rows were already recorded with the same "
                               "values and were left as they were\n",
                               (gulong) MIN (report.unchanged, G_MAXULONG)),
                  path, n);
    }
  return FF_CLI_EXIT_OK;
}

int
_ff_cli_kinds (FfCliContext *ctx)
{
  const FfKind *const *kinds;
  guint n;

  if (ctx->args->len != 0)
    return _ff_cli_usage_error (_("kinds takes no arguments"));
  kinds = ff_kinds_get_all (&n);
  for (guint i = 0; i < n; i++)
    printf ("%s\n", kinds[i]->name);
  return FF_CLI_EXIT_OK;
}
