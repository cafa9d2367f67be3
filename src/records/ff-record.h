/* ff-record.h — one record of any kind: its id and its field values as stored text. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib-object.h>

#include "ff-hlc.h"
#include "ff-kind.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD (ff_record_get_type ())
G_DECLARE_FINAL_TYPE (FfRecord, ff_record, FF, RECORD, GObject)

/* A new, unsaved record (no id yet). */
FfRecord     *ff_record_new        (const FfKind *kind);
FfRecord     *ff_record_copy       (FfRecord *self);

const FfKind *ff_record_get_kind   (FfRecord *self);
/* NULL until the record is saved. */
const char   *ff_record_get_id     (FfRecord *self);
gint64        ff_record_get_rowid  (FfRecord *self);
FfHlcTimestamp ff_record_get_hlc   (FfRecord *self);

/* The stored value of a field (NULL when empty). */
const char   *ff_record_get        (FfRecord   *self,
                                    const char *field);
const char   *ff_record_get_nth    (FfRecord *self,
                                    guint     index);
void          ff_record_set        (FfRecord   *self,
                                    const char *field,
                                    const char *value);
void          ff_record_set_nth    (FfRecord   *self,
                                    guint       index,
                                    const char *value);
/* How a field reads to a person (enum labels, money with currency, units). */
char         *ff_record_format     (FfRecord   *self,
                                    const char *field);
char         *ff_record_format_nth (FfRecord *self,
                                    guint     index);
/* The human code and the title of the record, per its kind. */
const char   *ff_record_get_code   (FfRecord *self);
const char   *ff_record_get_title  (FfRecord *self);

/* The referenced record's code and label, for a FF_FIELD_REF field (read by repositories). */
const char   *ff_record_get_ref_code  (FfRecord *self,
                                       guint     index);
const char   *ff_record_get_ref_label (FfRecord *self,
                                       guint     index);
/* Binary content of a FF_FIELD_BLOB field, when set or loaded (NULL otherwise). Setting it
 * also sets the field's value to the size in bytes. */
GBytes       *ff_record_get_blob      (FfRecord *self,
                                       guint     index);
void          ff_record_set_blob      (FfRecord *self,
                                       guint     index,
                                       GBytes   *bytes);

/* For repositories. */
void          _ff_record_set_ref   (FfRecord   *self,
                                    guint       index,
                                    const char *code,
                                    const char *label);
/* Takes the values and meta data of @source (of the same kind) and emits "loaded". */
void          _ff_record_fill      (FfRecord       *self,
                                    FfRecord       *source);
void          _ff_record_set_meta  (FfRecord       *self,
                                    const char     *id,
                                    gint64          rowid,
                                    FfHlcTimestamp  hlc);

G_END_DECLS
