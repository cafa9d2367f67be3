/* ff-kind-xlsx.c — the records of one kind as an Excel workbook for people, with libxlsxwriter. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ff-error.h"
#include "ff-gtin.h"
#include "ff-kind-xlsx.h"
#include "ff-record-repository.h"

typedef struct
{
  const FfKind       *kind;
  FfRecordRepository *repo;
  GCancellable       *cancellable;
  lxw_workbook       *workbook;
  lxw_worksheet      *sheet;
  lxw_format         *header;
  lxw_format         *date;
  lxw_format         *datetime;
  lxw_format         *money[2];  /* by currency exponent: 0 or 2 digits */
  guint               n_sheets;
  guint               rows_per_sheet;
  lxw_row_t           row;       /* next row of the current sheet */
  guint64             count;
  lxw_error           failed;
} XlsxData;

/* Worksheet names may not hold []:*?/\ and have at most 31 characters. */
static char *
sheet_name (const FfKind *kind,
            guint         n)
{
  g_autoptr (GString) name = g_string_new (ff_kind_get_label (kind));

  for (gsize i = 0; i < name->len; i++)
    if (strchr ("[]:*?/\\", name->str[i]) != NULL)
      name->str[i] = ' ';
  if (n > 1)
    g_string_append_printf (name, " (%u)", n);
  while (g_utf8_strlen (name->str, -1) > 31)
    g_string_truncate (name, (gsize) (g_utf8_offset_to_pointer (name->str, 31) - name->str));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
start_sheet (XlsxData *data)
{
  g_autofree char *name = sheet_name (data->kind, ++data->n_sheets);
  lxw_col_t col = 0;

  data->sheet = workbook_add_worksheet (data->workbook, name);
  data->row = 0;
  for (const FfField *f = data->kind->fields; f->name != NULL; f++, col++)
    {
      double width = f->type == FF_FIELD_TIMESTAMP ? 18
                     : (f->flags & FF_FIELD_MULTILINE) ? 40
                     : f->type == FF_FIELD_TEXT && f->max_length > 32 ? 28 : 14;

      worksheet_write_string (data->sheet, 0, col, ff_field_get_label (f), data->header);
      worksheet_set_column (data->sheet, col, col, width, NULL);
    }
  worksheet_freeze_panes (data->sheet, 1, 0);
  worksheet_autofilter (data->sheet, 0, 0, data->rows_per_sheet, col - 1);
  data->row = 1;
}

static lxw_datetime
to_lxw (GDateTime *dt)
{
  lxw_datetime out = { g_date_time_get_year (dt), g_date_time_get_month (dt),
                       g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                       g_date_time_get_minute (dt), g_date_time_get_second (dt) };
  return out;
}

static lxw_error
write_cell (XlsxData      *data,
            FfRecord      *record,
            guint          i,
            lxw_col_t      col)
{
  const FfField *field = &data->kind->fields[i];
  const char *value = ff_record_get_nth (record, i);
  lxw_worksheet *ws = data->sheet;
  lxw_row_t row = data->row;

  if (value == NULL)
    return LXW_NO_ERROR;
  switch (field->type)
    {
    case FF_FIELD_INTEGER:
    case FF_FIELD_REAL:
    case FF_FIELD_QUANTITY:
      return worksheet_write_number (ws, row, col, g_ascii_strtod (value, NULL), NULL);

    case FF_FIELD_MONEY:
      {
        /* In major units, as people read prices; the currency is its own column. */
        const char *currency = field->unit_field ? ff_record_get (record, field->unit_field) : NULL;
        int exponent = ff_currency_get_exponent (currency);
        double major = (double) g_ascii_strtoll (value, NULL, 10) / pow (10, exponent);

        return worksheet_write_number (ws, row, col, major, data->money[exponent > 0]);
      }

    case FF_FIELD_BOOLEAN:
      return worksheet_write_boolean (ws, row, col, g_str_equal (value, "1"), NULL);

    case FF_FIELD_DATE:
      {
        lxw_datetime d = { 0 };
        if (sscanf (value, "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
          break;
        return worksheet_write_datetime (ws, row, col, &d, data->date);
      }

    case FF_FIELD_TIMESTAMP:
      {
        g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
        g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (value, utc);
        g_autoptr (GDateTime) local = dt ? g_date_time_to_local (dt) : NULL;
        lxw_datetime d;

        if (local == NULL)
          break;
        d = to_lxw (local);
        return worksheet_write_datetime (ws, row, col, &d, data->datetime);
      }

    case FF_FIELD_REF:
      {
        const char *code = ff_record_get_ref_code (record, i);
        return worksheet_write_string (ws, row, col, code ? code : value, NULL);
      }

    default:
      break;
    }
  {
    /* Labels for enums, the printed form of a GTIN, sizes of attachments: what people see in
     * the app. Always a text cell. */
    g_autofree char *shown = ff_record_format_nth (record, i);
    return worksheet_write_string (ws, row, col, shown, NULL);
  }
}

static gboolean
write_record_cb (FfRecord  *record,
                 gpointer   user_data,
                 GError   **error)
{
  XlsxData *data = user_data;
  lxw_col_t col = 0;

  if (data->row > data->rows_per_sheet)
    start_sheet (data);
  for (guint i = 0; data->kind->fields[i].name != NULL; i++, col++)
    {
      lxw_error rc = write_cell (data, record, i, col);
      if (rc != LXW_NO_ERROR)
        {
          data->failed = rc;
          g_set_error (error, FF_ERROR, FF_ERROR_FAILED, _("Could not write the workbook: %s"),
                       lxw_strerror (rc));
          return FALSE;
        }
    }
  data->row++;
  data->count++;
  if ((data->count & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (data->cancellable,
                                                                          error))
    return FALSE;
  return TRUE;
}

gboolean
ff_kind_xlsx_export (FfStore       *store,
                     const FfKind  *kind,
                     const char    *path,
                     guint64       *out_count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return _ff_kind_xlsx_export_sheets (store, kind, path, FF_KIND_XLSX_ROWS_PER_SHEET, out_count,
                                      cancellable, error);
}

gboolean
_ff_kind_xlsx_export_sheets (FfStore       *store,
                             const FfKind  *kind,
                             const char    *path,
                             guint          rows_per_sheet,
                             guint64       *out_count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };
  XlsxData data = { 0 };
  gboolean ok;
  lxw_error rc;
  int fd;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && path != NULL, FALSE);

  /* Written next to the target and renamed over it when complete: no half export. */
  dir = g_path_get_dirname (path);
  temp = g_build_filename (dir, ".foodflow-export-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (temp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  data.kind = kind;
  data.cancellable = cancellable;
  data.rows_per_sheet = MIN (rows_per_sheet, FF_KIND_XLSX_ROWS_PER_SHEET);
  data.workbook = workbook_new_opt (temp, &options);
  if (data.workbook == NULL)
    {
      g_unlink (temp);
      g_set_error (error, FF_ERROR, FF_ERROR_FAILED, _("Could not start the workbook “%s”"), path);
      return FALSE;
    }
  workbook_set_properties (data.workbook,
                           &(lxw_doc_properties) { .title = (char *) ff_kind_get_label (kind),
                                                   .comments = (char *) "FoodFlow" });
  data.header = workbook_add_format (data.workbook);
  format_set_bold (data.header);
  format_set_bottom (data.header, LXW_BORDER_THIN);
  data.date = workbook_add_format (data.workbook);
  format_set_num_format (data.date, "yyyy-mm-dd");
  data.datetime = workbook_add_format (data.workbook);
  format_set_num_format (data.datetime, "yyyy-mm-dd hh:mm:ss");
  data.money[0] = workbook_add_format (data.workbook);
  format_set_num_format (data.money[0], "#,##0");
  data.money[1] = workbook_add_format (data.workbook);
  format_set_num_format (data.money[1], "#,##0.00");
  start_sheet (&data);

  repo = ff_record_repository_new (store, kind);
  data.repo = repo;
  ok = ff_record_repository_foreach (repo, write_record_cb, &data, error);
  rc = workbook_close (data.workbook);
  if (ok && rc != LXW_NO_ERROR)
    {
      ok = FALSE;
      g_set_error (error, FF_ERROR, FF_ERROR_FAILED, _("Could not write the workbook “%s”: %s"),
                   path, lxw_strerror (rc));
    }
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;
      ok = FALSE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
    }
  if (!ok)
    g_unlink (temp);
  else if (out_count)
    *out_count = data.count;
  return ok;
}
