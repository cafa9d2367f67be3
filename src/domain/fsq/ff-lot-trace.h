/* ff-lot-trace.h — a lot traced through the genealogy to any depth, forward (where it went)
 * or backward (what it was made from), with the quantity of the start lot each reached lot
 * carries, the shipments or receipts reached, and the cycles found. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-store.h"

G_BEGIN_DECLS

typedef enum {
  FF_TRACE_FORWARD,   /* from an ingredient lot to what it went into and who got it */
  FF_TRACE_BACKWARD,  /* from a finished lot to what it was made from and who supplied it */
} FfTraceDirection;

/* The strings of a trace are the tenant's, kept while the trace lives (it holds the genealogy
 * it was read from): read them, never free them. */
typedef struct
{
  const char *id;
  const char *code;
  const char *lot_type;
  const char *status;
  double   quantity;   /* the lot's own, in @unit */
  const char *unit;
  /* Forward: how much of the start lot (in its unit) is in this lot. Backward: how much of this
   * lot (in its own unit) went into the start lot. Proportional allocation through every
   * transformation; NAN when a cycle or a lot without quantity leaves it unknown. */
  double   carried;
  guint    depth;      /* transformations from the start lot, along the shortest path */
  GStrv    path;       /* lot codes from the start lot to this one (the array is the trace's,
                        * the codes are not) */
  guint    _rank;      /* private: the lot's place in code order */
} FfTraceLot;

typedef struct
{
  const char *code;       /* shipment or receipt code */
  const char *lot_code;
  const char *party;      /* forward: ship-to; backward: supplier code, or the previous source */
  const char *party_type; /* forward: dc, store, customer; backward: NULL */
  const char *date;       /* ship date or receipt date */
  double   quantity;   /* as shipped or received, in @unit */
  const char *unit;
  double   carried;    /* forward: of the start lot, in its unit; backward: NAN */
  const char *reference;  /* reference document number, or NULL */
} FfTraceMovement;

typedef struct
{
  const char *name;
  const char *type;
  guint    n_shipments;
  double   carried;    /* of the start lot, in its unit */
  const char *first_date;
  const char *last_date;
} FfTraceCustomer;

typedef struct
{
  FfTraceDirection  direction;
  GPtrArray        *lots;       /* FfTraceLot*, the start lot first, then by depth and code */
  GPtrArray        *movements;  /* FfTraceMovement*: shipments (forward) or receipts (backward) */
  GPtrArray        *customers;  /* FfTraceCustomer*, forward only: whom to notify, by name */
  GPtrArray        *cycles;     /* GStrv: lot codes of a loop in the genealogy */
  guint             n_links;    /* genealogy links followed */
  const char       *from;       /* the time window the reached records cover (dates) */
  const char       *to;
  gpointer          _graph;     /* private: the genealogy the strings belong to */
  gpointer          _lot_block; /* private: the lots and movements, in one allocation each */
  gpointer          _move_block;
} FfTrace;

void     ff_trace_free (FfTrace *trace);

/* Traces the lot with id @lot_id. FF_ERROR_NOT_FOUND when there is none. Reads only. */
FfTrace *ff_lot_trace  (FfStore           *store,
                        const char        *lot_id,
                        FfTraceDirection   direction,
                        GError           **error);

/* The trace as a JSON object: codes, quantities with units, and how they were computed. */
JsonNode *ff_trace_to_json (FfTrace *trace);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfTrace, ff_trace_free)

G_END_DECLS
