/* ff-fsma204-write.c — the FSMA 204 sortable spreadsheet written as a workbook (libxlsxwriter)
 * or as a directory of CSV files (ff-csv.h). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ff-csv.h"
#include "ff-error.h"
#include "ff-fsma204.h"
#include "ff-kde-gaps.h"

static gboolean
is_number (FfFsmaColumn column)
{
  return column == FF_FSMA_COL_QUANTITY || column == FF_FSMA_COL_INPUT_QUANTITY;
}

/* The "KDE gaps" sheet: what the export could not fill, so nobody takes an empty cell for an
 * oversight of the export. In English, as the sheet is. */
static const char *const gap_headers[] = {
  "Critical tracking event", "Event ID", "Record", "Traceability lot code",
  "Missing key data element", "Enter it on",
};

/* @fix receives "Lot L-1": where the element is entered. */
static void
gap_values (const FfKdeGap  *gap,
            const char      *values[6],
            char           **fix)
{
  *fix = g_strdup_printf ("%s %s", gap->fix_kind->label_singular, gap->fix_code);
  values[0] = ff_fsma204_cte_name (gap->cte);
  values[1] = gap->event_id;
  values[2] = gap->record_code;
  values[3] = gap->lot_code;
  values[4] = ff_fsma204_column_header (gap->kde);
  values[5] = *fix;
}

static lxw_error
write_sheet (lxw_workbook *workbook,
             const char   *name,
             guint         n_columns,
             const char *const *names,
             lxw_format   *header,
             lxw_worksheet **out)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_error rc = LXW_NO_ERROR;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (guint col = 0; col < n_columns && rc == LXW_NO_ERROR; col++)
    {
      rc = worksheet_write_string (sheet, 0, (lxw_col_t) col, names[col], header);
      worksheet_set_column (sheet, (lxw_col_t) col, (lxw_col_t) col,
                            MAX (12, MIN (40, strlen (names[col]) + 2)), NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  *out = sheet;
  return rc;
}

gboolean
ff_fsma204_write_xlsx (FfFsma204    *export,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_format *header, *date;
  lxw_error rc = LXW_NO_ERROR;
  int fd;

  g_return_val_if_fail (export != NULL && path != NULL, FALSE);

  /* Written next to the target and renamed over it when complete: no half export. */
  dir = g_path_get_dirname (path);
  temp = g_build_filename (dir, ".foodflow-fsma204-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (temp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  workbook = workbook_new_opt (temp, &options);
  if (workbook == NULL)
    {
      g_unlink (temp);
      g_set_error (error, FF_ERROR, FF_ERROR_FAILED, _("Could not start the workbook “%s”"), path);
      return FALSE;
    }
  workbook_set_properties (workbook, &(lxw_doc_properties) {
                             .title = (char *) "FSMA 204 traceability records",
                             .comments = (char *) "FoodFlow" });
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");

  /* Each event's sheet, in the order, when it has rows; then all events. */
  for (guint s = 0; s <= FF_FSMA_N_CTES && rc == LXW_NO_ERROR; s++)
    {
      const FfFsmaColumn *columns;
      const char *const *names;
      guint n = ff_fsma204_sheet_columns (s, &columns, &names);
      lxw_worksheet *sheet = NULL;
      lxw_row_t r = 1;
      guint part = 1;

      if (s < FF_FSMA_N_CTES && export->n_rows[s] == 0)
        continue;
      rc = write_sheet (workbook, ff_fsma204_cte_name (s), n, names, header, &sheet);
      for (guint i = 0; i < export->rows->len && rc == LXW_NO_ERROR; i++)
        {
          FfFsmaRow *row = export->rows->pdata[i];

          if (s < FF_FSMA_N_CTES && row->cte != s)
            continue;
          if (r > LXW_ROW_MAX - 1)
            {
              /* A sheet is full at a million rows: the rest goes on the next. */
              g_autofree char *name = g_strdup_printf ("%s (%u)", ff_fsma204_cte_name (s), ++part);
              worksheet_autofilter (sheet, 0, 0, r - 1, (lxw_col_t) n - 1);
              rc = write_sheet (workbook, name, n, names, header, &sheet);
              r = 1;
            }
          for (guint k = 0; k < n && rc == LXW_NO_ERROR; k++)
            {
              const char *value = row->values[columns[k]];
              lxw_datetime d = { 0 };

              if (value == NULL)
                continue;
              if (is_number (columns[k]))
                rc = worksheet_write_number (sheet, r, (lxw_col_t) k, g_ascii_strtod (value, NULL),
                                             NULL);
              else if (columns[k] == FF_FSMA_COL_DATE
                       && sscanf (value, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
                rc = worksheet_write_datetime (sheet, r, (lxw_col_t) k, &d, date);
              else
                rc = worksheet_write_string (sheet, r, (lxw_col_t) k, value, NULL);
            }
          r++;
        }
      if (rc == LXW_NO_ERROR)
        worksheet_autofilter (sheet, 0, 0, MAX (r - 1, 1), (lxw_col_t) n - 1);
    }
  if (rc == LXW_NO_ERROR)
    {
      lxw_worksheet *sheet = NULL;

      rc = write_sheet (workbook, "KDE gaps", G_N_ELEMENTS (gap_headers), gap_headers, header,
                        &sheet);
      for (guint i = 0; i < export->gaps->len && rc == LXW_NO_ERROR && i < LXW_ROW_MAX - 1; i++)
        {
          const char *values[6];
          g_autofree char *fix = NULL;

          gap_values (export->gaps->pdata[i], values, &fix);
          for (guint k = 0; k < G_N_ELEMENTS (values) && rc == LXW_NO_ERROR; k++)
            if (values[k] != NULL)
              rc = worksheet_write_string (sheet, (lxw_row_t) i + 1, (lxw_col_t) k, values[k],
                                           NULL);
        }
      if (rc == LXW_NO_ERROR)
        worksheet_autofilter (sheet, 0, 0, MAX (export->gaps->len, 1), G_N_ELEMENTS (gap_headers) - 1);
    }
  {
    lxw_error closed = workbook_close (workbook);
    if (rc == LXW_NO_ERROR)
      rc = closed;
  }
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_set_error (error, FF_ERROR, FF_ERROR_FAILED, _("Could not write the workbook “%s”: %s"),
                   path, lxw_strerror (rc));
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            GString     *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents_full (path, text->str, (gssize) text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
ff_fsma204_write_csv_dir (FfFsma204    *export,
                          const char   *dir,
                          GError      **error)
{
  g_autoptr (GString) gaps = g_string_new (NULL);

  g_return_val_if_fail (export != NULL && dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the directory “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  for (guint s = 0; s <= FF_FSMA_N_CTES; s++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      const FfFsmaColumn *columns;
      const char *const *names;
      guint n = ff_fsma204_sheet_columns (s, &columns, &names);

      ff_csv_append_record (text, names, n);
      for (guint i = 0; i < export->rows->len; i++)
        {
          FfFsmaRow *row = export->rows->pdata[i];
          const char *fields[FF_FSMA_N_COLUMNS];

          if (s < FF_FSMA_N_CTES && row->cte != s)
            continue;
          for (guint k = 0; k < n; k++)
            fields[k] = row->values[columns[k]];
          ff_csv_append_record (text, fields, n);
        }
      if (!write_file (dir, ff_fsma204_cte_file_name (s), text, error))
        return FALSE;
    }
  ff_csv_append_record (gaps, gap_headers, G_N_ELEMENTS (gap_headers));
  for (guint i = 0; i < export->gaps->len; i++)
    {
      const char *values[6];
      g_autofree char *fix = NULL;

      gap_values (export->gaps->pdata[i], values, &fix);
      ff_csv_append_record (gaps, values, G_N_ELEMENTS (values));
    }
  return write_file (dir, "kde_gaps.csv", gaps, error);
}
