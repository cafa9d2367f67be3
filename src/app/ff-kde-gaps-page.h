/* ff-kde-gaps-page.h — in the FSQ workspace: every traceability record of a food on the Food
 * Traceability List that lacks a key data element FSMA 204 requires, each opening the record
 * where it is entered. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_KDE_GAPS_PAGE (ff_kde_gaps_page_get_type ())
G_DECLARE_FINAL_TYPE (FfKdeGapsPage, ff_kde_gaps_page, FF, KDE_GAPS_PAGE, AdwBin)

/* The list is read in a worker each time the page is shown. */
GtkWidget *ff_kde_gaps_page_new     (FfSession     *session);
/* Reads the list again. */
void       ff_kde_gaps_page_refresh (FfKdeGapsPage *self);
/* TRUE while a read runs (tests). */
gboolean   ff_kde_gaps_page_is_loading (FfKdeGapsPage *self);

G_END_DECLS
