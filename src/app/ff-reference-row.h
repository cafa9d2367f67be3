/* ff-reference-row.h — a form row that names another record: type a few letters of its code
 * or name and pick it from the records that match. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-kind.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_REFERENCE_ROW (ff_reference_row_get_type ())
G_DECLARE_FINAL_TYPE (FfReferenceRow, ff_reference_row, FF, REFERENCE_ROW, AdwEntryRow)

/* Matches are searched in a worker; a new search stops the one before. */
GtkWidget  *ff_reference_row_new           (FfSession      *session,
                                            const FfKind   *kind);
/* Shows the chosen record (its code in the text, its title beside it). @id NULL clears it. */
void        ff_reference_row_set_reference (FfReferenceRow *self,
                                            const char     *id,
                                            const char     *code,
                                            const char     *title);
/* The id of the record picked, or NULL while the text names none picked (a code typed by hand
 * is looked up when the form is saved). */
const char *ff_reference_row_get_id        (FfReferenceRow *self);
/* The records offered for the text typed so far (FfRecord; for tests). */
GListModel *ff_reference_row_get_matches   (FfReferenceRow *self);
/* Picks the match at @position, as a click on it does. */
void        ff_reference_row_pick          (FfReferenceRow *self,
                                            guint           position);

G_END_DECLS
