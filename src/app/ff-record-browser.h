/* ff-record-browser.h — the records of one kind: search, a sortable list and the details. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-kind.h"
#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_BROWSER (ff_record_browser_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordBrowser, ff_record_browser, FF, RECORD_BROWSER, AdwBin)

FfRecordBrowser *ff_record_browser_new          (FfSession    *session,
                                                 const FfKind *kind);
const FfKind    *ff_record_browser_get_kind     (FfRecordBrowser *self);
/* The list's model (an FfRecordListModel). */
GListModel      *ff_record_browser_get_model    (FfRecordBrowser *self);
/* The record whose details are shown, or NULL. */
FfRecord        *ff_record_browser_get_selected (FfRecordBrowser *self);
void             ff_record_browser_select       (FfRecordBrowser *self,
                                                 guint            position);

G_END_DECLS
