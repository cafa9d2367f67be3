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

/* Imports CSV @text (UTF-8, with or without a byte-order mark, header by field name, columns
 * in any order, optional columns may be left out). All or nothing: when any row is bad nothing
 * is written, @error says how many rows failed and @out_problems (if not NULL) gets one
 * "line N, column C: reason" message per problem, in file order ("line N: reason" when no single
 * column is at fault: a row with the wrong number of fields, a required column missing from the
 * header). */
gboolean   ff_kind_csv_import  (FfStore        *store,
                                const FfActor  *actor,
                                const FfKind   *kind,
                                const char     *text,
                                gsize           length,
                                guint64        *out_count,
                                GPtrArray     **out_problems,
                                GCancellable   *cancellable,
                                GError        **error);

G_END_DECLS
