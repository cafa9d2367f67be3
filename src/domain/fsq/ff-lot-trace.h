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

typedef struct
{
  char    *id;
  char    *code;
  char    *lot_type;
  char    *status;
  double   quantity;   /* the lot's own, in @unit */
  char    *unit;
  /* Forward: how much of the start lot (in its unit) is in this lot. Backward: how much of this
   * lot (in its own unit) went into the start lot. Proportional allocation through every
   * transformation; NAN when a cycle or a lot without quantity leaves it unknown. */
  double   carried;
  guint    depth;      /* transformations from the start lot, along the shortest path */
  GStrv    path;       /* lot codes from the start lot to this one */
} FfTraceLot;

typedef struct
{
  char    *code;       /* shipment or receipt code */
  char    *lot_code;
  char    *party;      /* forward: ship-to; backward: supplier code, or the previous source */
  char    *party_type; /* forward: dc, store, customer; backward: NULL */
  char    *date;       /* ship date or receipt date */
  double   quantity;   /* as shipped or received, in @unit */
  char    *unit;
  double   carried;    /* forward: of the start lot, in its unit; backward: NAN */
  char    *reference;  /* reference document number, or NULL */
} FfTraceMovement;

typedef struct
{
  char    *name;
  char    *type;
  guint    n_shipments;
  double   carried;    /* of the start lot, in its unit */
  char    *first_date;
  char    *last_date;
} FfTraceCustomer;

typedef struct
{
  FfTraceDirection  direction;
  GPtrArray        *lots;       /* FfTraceLot*, the start lot first, then by depth and code */
  GPtrArray        *movements;  /* FfTraceMovement*: shipments (forward) or receipts (backward) */
  GPtrArray        *customers;  /* FfTraceCustomer*, forward only: whom to notify, by name */
  GPtrArray        *cycles;     /* GStrv: lot codes of a loop in the genealogy */
  guint             n_links;    /* genealogy links followed */
  char             *from;       /* the time window the reached records cover (dates) */
  char             *to;
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
