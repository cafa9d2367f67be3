/* ff-cli-fsma204.c — foodflow-cli fsma204: the FSMA 204 sortable spreadsheet of a date range,
 * for one lot and what was made from it or one product, as a workbook or CSV files, and the
 * key data elements it could not fill. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ff-cli-private.h"
#include "ff-fsma204.h"
#include "ff-kde-gaps.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"

static void
print_summary (FfFsma204  *export,
               const char *path)
{
  for (FfFsmaCte cte = 0; cte < FF_FSMA_N_CTES; cte++)
    {
      /* Translators: a count of spreadsheet rows, after the event's name */
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows",
                                                            export->n_rows[cte]),
                                               export->n_rows[cte]);

      printf ("%-16s %s", ff_fsma204_cte_label (cte), rows);
      if (cte == FF_FSMA_TRANSFORMATION)
        /* Translators: after the rows of transformations, how many transformations they are */
        printf (g_dngettext (GETTEXT_PACKAGE, ", %u event", ", %u events",
                             export->n_events[cte]), export->n_events[cte]);
      printf ("\n");
    }
  printf ("%-16s %u\n", _("KDE gaps"), export->gaps->len);
  for (guint i = 0; i < export->gaps->len; i++)
    {
      FfKdeGap *gap = g_ptr_array_index (export->gaps, i);
      /* Translators: a key data element a record lacks: the record's code, the event, the lot,
       * the element, and the kind and code of the record where it is entered */
      printf (_("  %s (%s, lot %s): %s, to be entered on %s %s\n"), gap->record_code,
              ff_fsma204_cte_label (gap->cte), gap->lot_code ? gap->lot_code : "—",
              ff_fsma204_column_label (gap->kde), ff_kind_get_label_singular (gap->fix_kind),
              gap->fix_code);
    }
  /* Translators: %s is the file or directory written */
  printf (_("Wrote %s\n"), path);
}

int
_ff_cli_fsma204 (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (FfFsma204) export = NULL;
  g_autofree char *lot_id = NULL;
  const char *path = _ff_cli_option (ctx, "-o");
  const char *lot_code = _ff_cli_option (ctx, "--lot");
  const char **lots;
  FfFsmaFilter filter = { 0 };
  gboolean workbook;

  if (ctx->args->len != 1)
    return _ff_cli_usage_error (_("fsma204 takes TENANT"));
  filter.from = _ff_cli_option (ctx, "--from");
  filter.to = _ff_cli_option (ctx, "--to");
  filter.product = _ff_cli_option (ctx, "--product");
  if (filter.from == NULL || filter.to == NULL)
    return _ff_cli_usage_error (_("Give the days FDA asks for with --from DATE and --to DATE"));
  if (path == NULL || *path == '\0' || g_str_equal (path, "-"))
    return _ff_cli_usage_error (_("fsma204 writes files: give a workbook (-o FILE.xlsx) or a "
                                  "directory for CSV files (-o DIR)"));
  if (_ff_cli_option_values (ctx, "--lot", &lots) > 1)
    return _ff_cli_usage_error (_("fsma204 takes one --lot"));
  workbook = g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX");

  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  if (lot_code != NULL)
    {
      g_autoptr (FfRecordRepository) repo = ff_record_repository_new (ff_session_get_store (session),
                                                                      ff_kind_lookup ("lots"));
      g_autoptr (FfRecord) lot = ff_record_repository_find_by_code (repo, lot_code, &error);

      if (lot == NULL)
        return _ff_cli_fail (error);
      lot_id = g_strdup (ff_record_get_id (lot));
      filter.lot_id = lot_id;
    }
  export = ff_fsma204_collect (ff_session_get_store (session), &filter, NULL, &error);
  if (export == NULL)
    return _ff_cli_fail (error);
  if (workbook ? !ff_fsma204_write_xlsx (export, path, &error)
               : !ff_fsma204_write_csv_dir (export, path, &error))
    return _ff_cli_fail (error);
  print_summary (export, path);
  return FF_CLI_EXIT_OK;
}
