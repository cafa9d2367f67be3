/* ff-record-repository-private.h — what the repository's read and write halves share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-record-repository.h"

G_BEGIN_DECLS

struct _FfRecordRepository
{
  GObject       parent_instance;

  /* borrowed */
  const FfKind *kind;

  /* owned */
  FfStore      *store;
  guint         n_fields;
  char         *from_sql;    /* FROM t LEFT JOIN the referenced tables AS r<i> */
  char         *select_sql;  /* SELECT rowid, id, _hlc, the fields, ref code/label pairs */
  char         *insert_sql;
  char         *update_sql;  /* every field but blobs */
  int          *ref_column;  /* per field: the select column of its ref code, or -1 */
  char        **unique_sql;  /* per field: whether another row holds the value, or NULL */
  char        **ref_sql;     /* per field: whether the referenced record lives, or NULL */
  char         *natural_key_sql; /* the row with the record's natural key, or NULL */
};

#define FF_RECORD_META_COLUMNS 3  /* rowid, id, _hlc come before the fields */

/* The select expression of field @i ("t.\"code\"", "r4.\"name\"" for the label of a ref). */
char      *_ff_record_repository_sort_expr (FfRecordRepository *self,
                                            const FfField      *field);
FfRecord  *_ff_record_repository_from_row  (FfRecordRepository *self,
                                            sqlite3_stmt       *stmt);
/* TRUE with *exists set when the query ran; @index is the reference field's. */
gboolean   _ff_record_repository_ref_exists (FfRecordRepository  *self,
                                             guint                index,
                                             const char          *id,
                                             gboolean            *exists,
                                             GError             **error);
/* Binds a normalised stored value with the column's type (NULL for NULL). */
/* Whether @username may stand in the user field @index of @record: a user of the tenant (one
 * removed since included), or the value the stored record already holds (a name recorded
 * before the field named users). */
gboolean   _ff_record_repository_user_known (FfRecordRepository  *self,
                                             guint                index,
                                             FfRecord            *record,
                                             const char          *username,
                                             gboolean            *known,
                                             GError             **error);
void       _ff_record_repository_bind_value (sqlite3_stmt  *stmt,
                                             int            index,
                                             const FfField *field,
                                             const char    *value);

G_END_DECLS
