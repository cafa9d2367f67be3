/* ff-record-detail.h — every field of one record, as a person reads it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_DETAIL (ff_record_detail_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordDetail, ff_record_detail, FF, RECORD_DETAIL, AdwBin)

/* The kind whose records this shows: the empty state names it. */
void      ff_record_detail_set_kind   (FfRecordDetail *self,
                                       const FfKind   *kind);
/* @record may be NULL: the empty state is shown. */
void      ff_record_detail_set_record (FfRecordDetail *self,
                                       FfRecord       *record);
FfRecord *ff_record_detail_get_record (FfRecordDetail *self);

G_END_DECLS
