/* ff-kde-gap-banner.h — in a traceability record's detail and form: the key data elements FSMA
 * 204 requires that the record (or what its events want of a lot) lacks. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_KDE_GAP_BANNER (ff_kde_gap_banner_get_type ())
G_DECLARE_FINAL_TYPE (FfKdeGapBanner, ff_kde_gap_banner, FF, KDE_GAP_BANNER, GtkBox)

/* TRUE for the kinds whose records can lack a key data element (lots, genealogy, shipments,
 * receipts): only those get a banner. */
gboolean    ff_kde_gap_banner_covers  (const FfKind *kind);
/* Hidden until the gaps of @record (read in a worker) show there are some. A card, for a
 * detail view. */
GtkWidget  *ff_kde_gap_banner_new     (FfSession *session,
                                       FfRecord  *record);
/* The same as a row of a boxed list (a form's fields), shown only while the banner is. */
GtkWidget  *ff_kde_gap_banner_new_row (FfSession *session,
                                       FfRecord  *record);
/* The text shown, or NULL while there are no gaps (tests). */
const char *ff_kde_gap_banner_get_text (FfKdeGapBanner *self);

G_END_DECLS
