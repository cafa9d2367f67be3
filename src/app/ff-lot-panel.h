/* ff-lot-panel.h — a lot's hold and release, in its detail view. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_LOT_PANEL (ff_lot_panel_get_type ())
G_DECLARE_FINAL_TYPE (FfLotPanel, ff_lot_panel, FF, LOT_PANEL, GtkBox)

/* Why @lot is held (read in a worker), and the buttons to hold or release it. */
GtkWidget *ff_lot_panel_new (FfSession *session,
                             FfRecord  *lot);

G_END_DECLS
