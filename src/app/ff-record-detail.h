/* ff-record-detail.h — one record as a person reads it: its fields, the records that refer to
 * it and, for regulated records, its history from the audit trail. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_DETAIL (ff_record_detail_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordDetail, ff_record_detail, FF, RECORD_DETAIL, AdwBin)

/* The session and the kind whose records this shows. */
void      ff_record_detail_setup      (FfRecordDetail *self,
                                       FfSession      *session,
                                       const FfKind   *kind);
/* @record may be NULL: the empty state is shown. */
void      ff_record_detail_set_record (FfRecordDetail *self,
                                       FfRecord       *record);
FfRecord *ff_record_detail_get_record (FfRecordDetail *self);

G_END_DECLS
