/* ff-kind-xlsx.h — the records of one kind as an Excel workbook for people: typed cells
 * (numbers, dates, yes/no), labels instead of stored codes, and no cell that runs as a formula. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-kind.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* Rows a worksheet holds below its header; a larger export continues on further sheets. */
#define FF_KIND_XLSX_ROWS_PER_SHEET 1048575

/* Writes every live record of @kind to the workbook @path (replaced only when complete), in
 * creation order: a header of field labels, then one row per record. Text is always a text cell,
 * so a value such as "=HYPERLINK(...)" stays text. */
gboolean ff_kind_xlsx_export (FfStore       *store,
                              const FfKind  *kind,
                              const char    *path,
                              guint64       *out_count,
                              GCancellable  *cancellable,
                              GError       **error);

/* The same with another sheet size (tests). */
gboolean _ff_kind_xlsx_export_sheets (FfStore       *store,
                                      const FfKind  *kind,
                                      const char    *path,
                                      guint          rows_per_sheet,
                                      guint64       *out_count,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
