/* ff-trace-graph-private.h — the genealogy of a tenant in memory, for traces: every live lot,
 * its links both ways, its shipments and receipts. One per connection, read again when
 * trace_changes says what it holds has changed (ff-trace-graph.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *code;
  const char *lot_type;
  const char *status;
  const char *unit;
  double      quantity;   /* NAN when the lot has none */
  guint       rank;       /* its place among the lots in code order */
  guint       first_out;  /* its links as input: links[first_out .. + n_out] */
  guint       n_out;
  guint       first_in;   /* its links as output: by_output[first_in .. + n_in] */
  guint       n_in;
  guint       first_move[2]; /* [FF_TRACE_FORWARD] shipments, [FF_TRACE_BACKWARD] receipts */
  guint       n_move[2];
} FfGraphLot;

typedef struct
{
  guint       input;      /* lot indices */
  guint       output;
  double      quantity;   /* of the input lot used, in its unit */
  const char *date;       /* YYYY-MM-DD of the transformation */
} FfGraphLink;

typedef struct
{
  guint       lot;
  const char *code;
  const char *party;      /* ship-to; a receipt's supplier code, or its previous source */
  const char *party_type; /* a shipment's recipient type; NULL for a receipt */
  const char *date;
  double      quantity;
  const char *unit;
  const char *reference;
} FfGraphMove;

typedef struct
{
  gatomicrefcount ref_count; /* the connection's, and one per trace that points into it */
  gint64        tag;       /* trace_changes.tag when it was read */
  GStringChunk *strings;
  GArray       *lots;      /* FfGraphLot */
  GHashTable   *by_id;     /* lot id -> index + 1 */
  GArray       *links;     /* FfGraphLink, by input lot */
  guint        *by_output; /* link indices, by output lot */
  GArray       *moves[2];  /* FfGraphMove, by lot: shipments, receipts */
} FfTraceGraph;

/* The graph of @store as it is now: the one kept on @store while nothing it holds changed,
 * else read again. Owned by @store. */
FfTraceGraph *_ff_trace_graph_get    (FfStore      *store,
                                      GError      **error);
FfTraceGraph *_ff_trace_graph_ref    (FfTraceGraph *graph);
void          _ff_trace_graph_unref  (FfTraceGraph *graph);
/* The index of the live lot @id, or G_MAXUINT. */
guint         _ff_trace_graph_lookup (FfTraceGraph *graph,
                                      const char   *id);

G_END_DECLS
