/* ff-record-repository.h — create, read, update and delete records of one kind, with
 * validation, role checks, sync metadata, the outbox and the audit trail in one transaction. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-actor.h"
#include "ff-record-query.h"
#include "ff-record.h"
#include "ff-store.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_REPOSITORY (ff_record_repository_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordRepository, ff_record_repository, FF, RECORD_REPOSITORY, GObject)

typedef struct
{
  char     *field;      /* NULL for a problem of the whole record */
  char     *message;    /* translated, without the field's label */
  gboolean  duplicate;  /* the record's natural key is taken (the kind's duplicate_message) */
} FfFieldError;

void                ff_field_error_free             (FfFieldError *error);

FfRecordRepository *ff_record_repository_new        (FfStore      *store,
                                                     const FfKind *kind);
const FfKind       *ff_record_repository_get_kind   (FfRecordRepository *self);
FfStore            *ff_record_repository_get_store  (FfRecordRepository *self);

FfRecord           *ff_record_repository_get        (FfRecordRepository  *self,
                                                     const char          *id,
                                                     GError             **error);
FfRecord           *ff_record_repository_find_by_code (FfRecordRepository  *self,
                                                       const char          *code,
                                                       GError             **error);

/* The live record with the same natural key as @record (whose values are normalised), or NULL
 * (with @error unset when there is none, or the kind has no natural key). */
FfRecord           *ff_record_repository_find_by_natural_key (FfRecordRepository  *self,
                                                              FfRecord            *record,
                                                              GError             **error);

/* Normalises @record's values in place and returns every problem found (an empty array when
 * there is none): per-field checks of the description and uniqueness among live records. */
GPtrArray          *ff_record_repository_validate   (FfRecordRepository  *self,
                                                     FfRecord            *record,
                                                     GError             **error);

/* Writes fail with FF_ERROR_PERMISSION when @actor's role may not write this kind, and with
 * FF_ERROR_INVALID (all problems in the message) when validation fails. Regulated kinds need a
 * @reason. */
gboolean            ff_record_repository_insert     (FfRecordRepository  *self,
                                                     const FfActor       *actor,
                                                     FfRecord            *record,
                                                     const char          *reason,
                                                     GError             **error);
gboolean            ff_record_repository_update     (FfRecordRepository  *self,
                                                     const FfActor       *actor,
                                                     FfRecord            *record,
                                                     const char          *reason,
                                                     GError             **error);
gboolean            ff_record_repository_delete     (FfRecordRepository  *self,
                                                     const FfActor       *actor,
                                                     const char          *id,
                                                     const char          *reason,
                                                     GError             **error);

/* Live records. */
gint64              ff_record_repository_count      (FfRecordRepository  *self,
                                                     GError             **error);
/* How many records @query selects (its sort aside): the list it opens has as many rows. -1 on
 * an error or a cancellation. */
gint64              ff_record_repository_count_matching (FfRecordRepository  *self,
                                                         const FfRecordQuery *query,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
/* The rowids of the records @query selects, in its order. A cancellation stops the query at
 * once (G_IO_ERROR_CANCELLED). */
GArray             *ff_record_repository_query_rowids (FfRecordRepository  *self,
                                                       const FfRecordQuery *query,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
/* Rows selected so far, in order: the first FF_RECORD_REPOSITORY_FIRST_ROWS, then at four times
 * as many each time, until the query is done. */
typedef void      (*FfRowidsFunc)                     (GArray   *rowids,
                                                       gpointer  user_data);
#define FF_RECORD_REPOSITORY_FIRST_ROWS 512
/* The same, calling @partial with the rows found so far while the query runs, so a view can
 * show the first page of a long list before the rest is read. */
GArray             *ff_record_repository_query_rowids_partial (FfRecordRepository  *self,
                                                               const FfRecordQuery *query,
                                                               FfRowidsFunc         partial,
                                                               gpointer             user_data,
                                                               GCancellable        *cancellable,
                                                               GError             **error);
/* The records with these rowids, in the same order (FfRecord*). */
GPtrArray          *ff_record_repository_load_rowids  (FfRecordRepository  *self,
                                                       const gint64        *rowids,
                                                       guint                n_rowids,
                                                       GError             **error);
/* What an e-signature covers: the SHA-256 (hex) of @record's kind, id and every field's value
 * as it would be stored (a blob by the SHA-256 of its content, the stored one when @record
 * holds none). The same values give the same hash on every device; any change gives another. */
char               *ff_record_repository_content_hash (FfRecordRepository  *self,
                                                       FfRecord            *record,
                                                       GError             **error);
/* The content of a FF_FIELD_BLOB field (lists carry only its size). */
GBytes             *ff_record_repository_load_blob  (FfRecordRepository  *self,
                                                     const char          *id,
                                                     const char          *field,
                                                     GError             **error);
typedef gboolean  (*FfRecordFunc)                   (FfRecord *record,
                                                     gpointer  user_data,
                                                     GError  **error);
/* Calls @func for every live record, in the order they were created; stops on FALSE. */
gboolean            ff_record_repository_foreach    (FfRecordRepository  *self,
                                                     FfRecordFunc         func,
                                                     gpointer             user_data,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfFieldError, ff_field_error_free)

G_END_DECLS
