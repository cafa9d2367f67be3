/* ff-trace-node.h — one row of a lot's trace tree: a reached lot, or a shipment or receipt of
 * one; a lot's children are the lots it leads to and its own shipments or receipts. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-lot-trace.h"

G_BEGIN_DECLS

typedef enum {
  FF_TRACE_NODE_LOT,
  FF_TRACE_NODE_SHIPMENT,
  FF_TRACE_NODE_RECEIPT,
} FfTraceNodeKind;

#define FF_TYPE_TRACE_NODE (ff_trace_node_get_type ())
G_DECLARE_FINAL_TYPE (FfTraceNode, ff_trace_node, FF, TRACE_NODE, GObject)

/* The trace as a tree: a list holding the start lot, whose children are the lots reached from
 * it along the shortest path, each with its shipments (forward) or receipts (backward). Safe
 * to call in a worker: nothing is connected to the models yet. */
GListModel     *ff_trace_node_build_tree    (const FfTrace *trace);

FfTraceNodeKind ff_trace_node_get_kind      (FfTraceNode *self);
/* The lot code, or the shipment's or receipt's code. */
const char     *ff_trace_node_get_code      (FfTraceNode *self);
/* A lot's id; NULL for a shipment or receipt. */
const char     *ff_trace_node_get_lot_id    (FfTraceNode *self);
/* A lot's type and status ("finished", "hold"); NULL for a shipment or receipt. */
const char     *ff_trace_node_get_lot_type  (FfTraceNode *self);
const char     *ff_trace_node_get_status    (FfTraceNode *self);
/* The recipient (a shipment) or the supplier or previous source (a receipt), its type, the
 * ship or receipt date and the reference document; NULL for a lot. */
const char     *ff_trace_node_get_party     (FfTraceNode *self);
const char     *ff_trace_node_get_party_type (FfTraceNode *self);
const char     *ff_trace_node_get_date      (FfTraceNode *self);
const char     *ff_trace_node_get_reference (FfTraceNode *self);
/* The lot's own quantity, or the quantity shipped or received, in @unit. */
double          ff_trace_node_get_quantity  (FfTraceNode *self);
const char     *ff_trace_node_get_unit      (FfTraceNode *self);
/* Forward: of the start lot, in its unit; backward: of this lot, into the start lot. NAN when
 * unknown. */
double          ff_trace_node_get_carried   (FfTraceNode *self);
const char     *ff_trace_node_get_carried_unit (FfTraceNode *self);
/* Transformations from the start lot (a shipment or receipt: its lot's). */
guint           ff_trace_node_get_depth     (FfTraceNode *self);
/* The lots and movements under this one, or NULL when there are none. */
GListModel     *ff_trace_node_get_children  (FfTraceNode *self);

G_END_DECLS
