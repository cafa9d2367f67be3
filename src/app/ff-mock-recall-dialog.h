/* ff-mock-recall-dialog.h — a mock recall run in a worker and its result: start and stop, the
 * lots reached, the customers with quantities, the lots to hold (and holding them), and the
 * share of each traced lot accounted for with its gaps; or the result of one kept before. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_MOCK_RECALL_DIALOG (ff_mock_recall_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FfMockRecallDialog, ff_mock_recall_dialog, FF, MOCK_RECALL_DIALOG,
                      AdwWindow)

/* FfMockRecallDialog::lots-held (int n): the lots to hold were put on hold from the result. */

/* Ready to run a mock recall of the lot @forward_lot_id traced forward and @backward_lot_id
 * traced backward (either may be NULL, not both); @plan says so in words. */
FfMockRecallDialog *ff_mock_recall_dialog_new              (GtkWindow  *parent,
                                                            FfSession  *session,
                                                            const char *forward_lot_id,
                                                            const char *backward_lot_id,
                                                            const char *plan);
/* The result kept with the recall exercise @exercise, read in a worker. */
FfMockRecallDialog *ff_mock_recall_dialog_new_for_exercise (GtkWindow  *parent,
                                                            FfSession  *session,
                                                            FfRecord   *exercise);
/* For a recall exercise's detail: a row ("recall-result-row") that opens its result. */
GtkWidget          *ff_mock_recall_dialog_entry_new        (FfSession  *session,
                                                            FfRecord   *exercise);

/* Runs the recall with @notes (may be NULL), as the Start button does. */
void                ff_mock_recall_dialog_start            (FfMockRecallDialog *self,
                                                            const char         *notes);
/* The result shown (ff_mock_recall_to_json()), NULL before there is one. */
JsonObject         *ff_mock_recall_dialog_get_result       (FfMockRecallDialog *self);
/* The id of the recall exercise kept, NULL before. */
const char         *ff_mock_recall_dialog_get_exercise_id  (FfMockRecallDialog *self);

G_END_DECLS
