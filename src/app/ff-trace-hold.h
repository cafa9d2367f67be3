/* ff-trace-hold.h — putting the lots a trace or a mock recall reached on hold: one reason for
 * all, asked in a dialog, and every hold written in one transaction in a worker. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-session.h"

G_BEGIN_DECLS

/* Asks for the reason to hold the lots @codes, named in the body. The dialog is named
 * "hold-reached-dialog", its reason row "reason" and its hold response "hold"; read the
 * reason with ff_trace_hold_dialog_get_reason() in a "response" handler. */
AdwMessageDialog *ff_trace_hold_dialog_new        (GtkWindow          *parent,
                                                   const char * const *codes);
const char       *ff_trace_hold_dialog_get_reason (AdwMessageDialog   *dialog);

/* Puts each lot of @codes that is not shipped, rejected or already on hold on hold with
 * @reason, as the session's user, in one transaction on a connection of its own: all or none.
 * @source keeps the caller alive until the callback. */
void              ff_trace_hold_lots_async        (GObject             *source,
                                                   FfSession           *session,
                                                   const char * const  *codes,
                                                   const char          *reason,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* How many lots were put on hold, or -1 with @error set. */
int               ff_trace_hold_lots_finish       (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
