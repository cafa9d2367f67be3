/* ff-related-records.h — the records of one kind that refer to a record, in its detail view. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-kind.h"
#include "ff-record-form.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_RELATED_RECORDS (ff_related_records_get_type ())
G_DECLARE_FINAL_TYPE (FfRelatedRecords, ff_related_records, FF, RELATED_RECORDS, GtkBox)

/* The records of @kind whose @field refers to @target. Loads in a worker; shows the count, the
 * first few (newest first for time series), and a row that opens them all in their list. When
 * @field is @kind's parent field (a child kind), shows them all, each opening its form, and an
 * add button. */
FfRelatedRecords *ff_related_records_new       (FfSession     *session,
                                                const FfKind  *kind,
                                                const FfField *field,
                                                FfRecord      *target);
/* A child kind: opens the form of a new child, as the add button does (tests). */
FfRecordForm     *ff_related_records_add       (FfRelatedRecords *self);
/* The number of related records once loaded, -1 before. */
int               ff_related_records_get_count (FfRelatedRecords *self);

G_END_DECLS
