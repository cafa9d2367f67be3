/* ff-record-browser.h — the records of one kind: search, a sortable list and the details. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-kind.h"
#include "ff-record-form.h"
#include "ff-record-query.h"
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
/* Shows only the records whose @field holds @value (a related-records view); @label names the
 * scope in the list's header. NULL @field shows all again. */
void             ff_record_browser_set_scope    (FfRecordBrowser *self,
                                                 const char      *field,
                                                 const char      *value,
                                                 const char      *label);
/* Shows what @query selects in its order (an overview figure's records), the scope named by
 * @label in the list's header; clearing the scope shows all again. */
void             ff_record_browser_show_query   (FfRecordBrowser     *self,
                                                 const FfRecordQuery *query,
                                                 const char          *label);
/* Shows only the records whose status-like field (the list's drop-down) is @value; NULL: all. */
void             ff_record_browser_set_facet    (FfRecordBrowser *self,
                                                 const char      *value);
/* Selects the record with @id, clearing search and filters so it is surely listed. */
void             ff_record_browser_reveal       (FfRecordBrowser *self,
                                                 const char      *id);
/* TRUE while the details replace the list (a narrow window): going back shows the list. */
gboolean         ff_record_browser_get_showing_detail (FfRecordBrowser *self);
void             ff_record_browser_show_list    (FfRecordBrowser *self);
/* Shows the list and puts the focus in its search box (Ctrl+F). */
void             ff_record_browser_focus_search (FfRecordBrowser *self);
/* Opens the form for a new record (@record NULL) or to edit @record. */
FfRecordForm    *ff_record_browser_open_form    (FfRecordBrowser *self,
                                                 FfRecord        *record);
/* Imports or exports CSV in a worker; the outcome shows as a toast or a dialog of problems. */
/* TRUE while an import or export runs in a worker. */
gboolean         ff_record_browser_is_busy      (FfRecordBrowser *self);
void             ff_record_browser_import_file  (FfRecordBrowser *self,
                                                 GFile           *file);
void             ff_record_browser_export_file  (FfRecordBrowser *self,
                                                 GFile           *file);

G_END_DECLS
