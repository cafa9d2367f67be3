/* ff-record-save.h — saving a record as a form does, in a worker on a connection of its own:
 * references typed as codes looked up, the record checked, the reason a regulated change needs
 * asked for, then inserted or updated with its audit trail. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

typedef struct
{
  FfRecord  *record;       /* the stored record, when saved */
  GPtrArray *problems;     /* FfFieldError*: why it was not saved (may be empty) */
  gboolean   needs_reason; /* not saved: a regulated change and no reason given */
} FfRecordSaveResult;

void ff_record_save_result_free (FfRecordSaveResult *result);

/* Saves @record (a new one when it has no id) as the session's user. @codes maps field names
 * of references to the code typed for them (the record is found by its code, the field's
 * problem says so when there is none). @stored is the record as it was read, to tell a
 * regulated change; when it needs a reason and @reason is NULL or empty nothing is written
 * and the result says so. */
void                ff_record_save_async  (FfSession           *session,
                                           FfRecord            *record,
                                           FfRecord            *stored,
                                           GHashTable          *codes,
                                           const char          *reason,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* NULL with an error when the database could not be written (locked, full, ...). */
FfRecordSaveResult *ff_record_save_finish (GAsyncResult        *result,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfRecordSaveResult, ff_record_save_result_free)

G_END_DECLS
