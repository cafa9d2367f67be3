/* ff-record-form.h — create or edit one record: a row per field, problems shown under it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_FORM (ff_record_form_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordForm, ff_record_form, FF, RECORD_FORM, AdwWindow)

/* @record NULL: a new record of @kind. Emits "saved" with the stored record, then closes. */
FfRecordForm *ff_record_form_new       (FfSession    *session,
                                        const FfKind *kind,
                                        FfRecord     *record);
/* A new record of the child kind @kind (an audit's response) that belongs to @parent: its
 * parent field is set and cannot be changed. */
FfRecordForm *ff_record_form_new_child (FfSession    *session,
                                        const FfKind *kind,
                                        FfRecord     *parent);
/* Sets the text a person would type into the row of @field (for tests and prefill). */
void          ff_record_form_set_input (FfRecordForm *self,
                                        const char   *field,
                                        const char   *text);
/* Runs what the Save button runs, in a worker (ff_record_form_is_busy() until it ends); the
 * reason is asked for regulated changes unless given. */
void          ff_record_form_save      (FfRecordForm *self,
                                        const char   *reason);
/* The problem shown beside @field's input, or NULL. */
const char   *ff_record_form_get_problem (FfRecordForm *self,
                                          const char   *field);
/* The row of @field (for tests). */
GtkWidget    *ff_record_form_get_row     (FfRecordForm *self,
                                          const char   *field);
/* TRUE while a save runs in a worker. */
gboolean      ff_record_form_is_busy     (FfRecordForm *self);
/* The last problem of the whole record said in a toast, or NULL. */
const char   *ff_record_form_get_message (FfRecordForm *self);

G_END_DECLS
