/* ff-record-list-model.h — a GListModel of the records of one kind that a query selects.
 * Only the rowids of the selection are held; records are read a page at a time as a view asks
 * for them and a bounded number of pages is kept, so a list of a million rows stays small. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-kind.h"
#include "ff-record-query.h"
#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_RECORD_LIST_MODEL (ff_record_list_model_get_type ())
G_DECLARE_FINAL_TYPE (FfRecordListModel, ff_record_list_model, FF, RECORD_LIST_MODEL, GObject)

/* Empty until the first reload. Use the model from the thread that made it (its main context
 * gets the results). After ff_record_list_model_reload_async() a row not read yet is a
 * placeholder (ff_record_list_model_is_placeholder()) while a worker reads its page, and the
 * model then says the items changed; after the blocking ff_record_list_model_reload() pages are
 * read in place through the session's own connection. */
FfRecordListModel   *ff_record_list_model_new           (FfSession    *session,
                                                         const FfKind *kind);
const FfKind        *ff_record_list_model_get_kind      (FfRecordListModel *self);
const FfRecordQuery *ff_record_list_model_get_query     (FfRecordListModel *self);
gboolean             ff_record_list_model_get_loading   (FfRecordListModel *self);

/* Runs @query in a worker thread on a connection of its own. The first rows found show at once
 * (a million-row list opens on its first page), more follow while "loading" is TRUE. A reload
 * started while another runs stops and supersedes it (the older one finishes with
 * G_IO_ERROR_CANCELLED). */
void                 ff_record_list_model_reload_async  (FfRecordListModel   *self,
                                                         const FfRecordQuery *query,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean             ff_record_list_model_reload_finish (FfRecordListModel  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
/* The same, blocking (CLI, tests). */
gboolean             ff_record_list_model_reload        (FfRecordListModel    *self,
                                                         const FfRecordQuery  *query,
                                                         GError              **error);
/* TRUE for a row whose record is still being read (it has a rowid but no id). */
gboolean             ff_record_list_model_is_placeholder (FfRecord *record);
/* The position of the record with @id in the current selection, or -1. Reads no records. */
int                  ff_record_list_model_find_rowid    (FfRecordListModel *self,
                                                         gint64             rowid);

G_END_DECLS
