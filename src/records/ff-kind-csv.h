/* ff-kind-csv.h — CSV export and import of the records of one kind (header = field names;
 * references by the referenced record's code; binary content (photos, signatures) as base64). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-actor.h"
#include "ff-kind.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* The columns a CSV file of @kind has, in order (field names; borrowed strings). */
GPtrArray *ff_kind_csv_columns (const FfKind *kind);

/* Writes every live record of @kind to @out as RFC 4180 CSV in UTF-8: a header row of field
 * names, then one row per record in creation order. */
gboolean   ff_kind_csv_export  (FfStore        *store,
                                const FfKind   *kind,
                                GOutputStream  *out,
                                guint64        *out_count,
                                GCancellable   *cancellable,
                                GError        **error);

/* At most this many problems of a file are kept (in line order); the count covers all. */
#define FF_KIND_CSV_MAX_PROBLEMS 100

typedef struct
{
  guint64    imported;    /* new records written */
  guint64    unchanged;   /* rows whose record was already there with the same values */
  guint      n_problems;  /* problems found in the file, of which... */
  GPtrArray *problems;    /* ...the first FF_KIND_CSV_MAX_PROBLEMS, in file order (char*) */
} FfKindCsvImport;

void       ff_kind_csv_import_clear (FfKindCsvImport *report);

/* Imports CSV read from @in (UTF-8, with or without a byte-order mark, header by field name,
 * columns in any order, optional columns may be left out), a piece at a time. All or nothing:
 * when any row is bad nothing is written, @error says how many problems there are and the
 * first, and @report->problems holds "line N, column C: reason" per problem in file order
 * ("line N: reason" when no single column is at fault: a row with the wrong number of fields, a
 * required column missing from the header). A row may refer to a record of its own kind further
 * down the file. A row whose natural key (a time series) is recorded with the same values is
 * counted as unchanged; with other values it is a problem. A file with only a header writes
 * nothing and succeeds. */
gboolean   ff_kind_csv_import  (FfStore          *store,
                                const FfActor    *actor,
                                const FfKind     *kind,
                                GInputStream     *in,
                                FfKindCsvImport  *report,
                                GCancellable     *cancellable,
                                GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FfKindCsvImport, ff_kind_csv_import_clear)

G_END_DECLS
