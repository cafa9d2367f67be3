/* ff-lot-trace-view.h — a lot's Trace page: backward and forward as expandable trees with
 * quantities, the shipments, receipts and customers reached, the mass balance; a mock
 * recall, holding the reached lots, and the FSMA 204 and EPCIS exports. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

#include "ff-lot-trace.h"
#include "ff-record.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_LOT_TRACE_VIEW (ff_lot_trace_view_get_type ())
G_DECLARE_FINAL_TYPE (FfLotTraceView, ff_lot_trace_view, FF, LOT_TRACE_VIEW, AdwBin)

/* The trace of @lot, read in a worker with a connection of its own. */
GtkWidget  *ff_lot_trace_view_new             (FfSession  *session,
                                               FfRecord   *lot);
/* Opens the trace of @lot in a window of its own ("trace-window") over @parent's. */
GtkWindow  *ff_lot_trace_view_present         (GtkWidget  *parent,
                                               FfSession  *session,
                                               FfRecord   *lot);
/* For a lot's detail: a row ("trace-row") that opens its trace. */
GtkWidget  *ff_lot_trace_view_entry_new       (FfSession  *session,
                                               FfRecord   *lot);

FfRecord   *ff_lot_trace_view_get_lot         (FfLotTraceView *self);
/* TRUE while the trace is being read. */
gboolean    ff_lot_trace_view_is_loading      (FfLotTraceView *self);
/* TRUE while an export or a hold runs. */
gboolean    ff_lot_trace_view_is_busy         (FfLotTraceView *self);
/* The tree shown for @direction (GtkTreeListRow items over FfTraceNode), NULL until read. */
GListModel *ff_lot_trace_view_get_tree        (FfLotTraceView   *self,
                                               FfTraceDirection  direction);
void        ff_lot_trace_view_show_direction  (FfLotTraceView   *self,
                                               FfTraceDirection  direction);
/* Reads the trace again. */
void        ff_lot_trace_view_reload          (FfLotTraceView *self);
/* Writes the lot's FSMA 204 sortable spreadsheet (.xlsx) or its EPCIS 2.0 document, in a
 * worker; what the file chooser of the menu does once a file is chosen. */
void        ff_lot_trace_view_export_fsma204  (FfLotTraceView *self,
                                               GFile          *file);
void        ff_lot_trace_view_export_epcis    (FfLotTraceView *self,
                                               GFile          *file);

G_END_DECLS
