/* ff-lot-trace.c — a lot traced through the genealogy, with quantities. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ff-error.h"
#include "ff-fsq-json-private.h"
#include "ff-lot-trace.h"
#include "ff-trace-graph-private.h"

typedef struct
{
  guint  from;  /* the lot whose material flows ... */
  guint  to;    /* ... into this one: input -> output forward, output -> input backward */
  double quantity;  /* of the input lot used, in the input lot's unit */
} Edge;

/* A lot's path array is the trace's; its strings, like every other, are the graph's. */
static void
trace_lot_clear (FfTraceLot *lot)
{
  g_free (lot->path);
}

void
ff_trace_free (FfTrace *trace)
{
  if (trace == NULL)
    return;
  g_clear_pointer (&trace->lots, g_ptr_array_unref);
  g_clear_pointer (&trace->movements, g_ptr_array_unref);
  g_clear_pointer (&trace->customers, g_ptr_array_unref);
  g_clear_pointer (&trace->cycles, g_ptr_array_unref);
  g_free (trace->_lot_block);
  g_free (trace->_move_block);
  if (trace->_graph != NULL)
    _ff_trace_graph_unref (trace->_graph);
  g_free (trace);
}

static void
widen_window (FfTrace    *trace,
              const char *date)
{
  if (date == NULL || *date == '\0')
    return;
  if (trace->from == NULL || strcmp (date, trace->from) < 0)
    trace->from = date;
  if (trace->to == NULL || strcmp (date, trace->to) > 0)
    trace->to = date;
}

/* The lots reached from @start in the graph, breadth first (the start lot first), into
 * @trace->lots; @position maps a graph lot to its place there (G_MAXUINT: not reached). */
static void
reach_lots (FfTraceGraph *graph,
            FfTrace      *trace,
            guint         start,
            guint        *position)
{
  const FfGraphLot *lots = (const FfGraphLot *) (const void *) graph->lots->data;
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  FfTraceLot *block;

  g_array_append_val (queue, start);
  position[start] = 0;
  for (guint head = 0; head < queue->len; head++)
    {
      const FfGraphLot *from = &lots[g_array_index (queue, guint, head)];
      guint n = trace->direction == FF_TRACE_FORWARD ? from->n_out : from->n_in;

      for (guint k = 0; k < n; k++)
        {
          const FfGraphLink *link = trace->direction == FF_TRACE_FORWARD
            ? &g_array_index (graph->links, FfGraphLink, from->first_out + k)
            : &g_array_index (graph->links, FfGraphLink, graph->by_output[from->first_in + k]);
          guint v = trace->direction == FF_TRACE_FORWARD ? link->output : link->input;

          if (position[v] != G_MAXUINT)
            continue;
          position[v] = queue->len;
          g_array_append_val (queue, v);
        }
    }
  block = g_new0 (FfTraceLot, queue->len);
  trace->_lot_block = block;
  for (guint i = 0; i < queue->len; i++)
    {
      const FfGraphLot *from = &lots[g_array_index (queue, guint, i)];
      FfTraceLot *lot = &block[i];

      lot->id = from->id;
      lot->code = from->code;
      lot->lot_type = from->lot_type;
      lot->status = from->status;
      lot->quantity = from->quantity;
      lot->unit = from->unit;
      lot->depth = G_MAXUINT;
      lot->_rank = from->rank;
      g_ptr_array_add (trace->lots, lot);
    }
}

/* Every link out of a reached lot (forward: as input; backward: as output), as an edge between
 * places in @trace->lots. */
static void
reach_edges (FfTraceGraph *graph,
             FfTrace      *trace,
             const guint  *position,
             GArray       *edges)
{
  const FfGraphLot *lots = (const FfGraphLot *) (const void *) graph->lots->data;

  for (guint i = 0; i < trace->lots->len; i++)
    {
      const FfGraphLot *from = &lots[_ff_trace_graph_lookup (graph,
                                                              ((FfTraceLot *) trace->lots->pdata[i])->id)];
      guint n = trace->direction == FF_TRACE_FORWARD ? from->n_out : from->n_in;

      for (guint k = 0; k < n; k++)
        {
          const FfGraphLink *link = trace->direction == FF_TRACE_FORWARD
            ? &g_array_index (graph->links, FfGraphLink, from->first_out + k)
            : &g_array_index (graph->links, FfGraphLink, graph->by_output[from->first_in + k]);
          Edge e;

          e.quantity = link->quantity;
          e.from = i;
          e.to = position[trace->direction == FF_TRACE_FORWARD ? link->output : link->input];
          g_array_append_val (edges, e);
          widen_window (trace, link->date);
        }
    }
  trace->n_links = edges->len;
}

/* Depth and path along the shortest route (breadth first from the start lot). */
static void
set_paths (FfTrace *trace,
           GArray  *edges,
           GPtrArray *out_edges)
{
  guint n = trace->lots->len;
  g_autofree guint *queue = g_new (guint, n);
  g_autofree guint *parent = g_new (guint, n);
  guint head = 0, tail = 0;

  ((FfTraceLot *) trace->lots->pdata[0])->depth = 0;
  parent[0] = G_MAXUINT;
  queue[tail++] = 0;
  while (head < tail)
    {
      guint u = queue[head++];
      GArray *out = out_edges->pdata[u];

      for (guint k = 0; out != NULL && k < out->len; k++)
        {
          Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, k));
          FfTraceLot *v = trace->lots->pdata[e->to];
          if (v->depth != G_MAXUINT)
            continue;
          v->depth = ((FfTraceLot *) trace->lots->pdata[u])->depth + 1;
          parent[e->to] = u;
          queue[tail++] = e->to;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      FfTraceLot *lot = trace->lots->pdata[i];
      g_autoptr (GPtrArray) codes = g_ptr_array_new ();

      for (guint p = i; p != G_MAXUINT && lot->depth != G_MAXUINT; p = parent[p])
        g_ptr_array_insert (codes, 0, (gpointer) ((FfTraceLot *) trace->lots->pdata[p])->code);
      g_ptr_array_add (codes, NULL);
      lot->path = (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
    }
}

/* A loop among the lots Kahn's order could not place, as codes in the direction of the trace.
 * Every such lot has a predecessor that could not be placed either, so walking predecessors
 * from @start must come back to a lot already seen: that stretch is a loop. */
static GStrv
find_cycle (FfTrace     *trace,
            GArray      *edges,
            const guint *indegree,
            guint        start)
{
  g_autoptr (GArray) walk = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *seen_at = g_new (int, trace->lots->len);
  g_autoptr (GStrvBuilder) loop = g_strv_builder_new ();
  guint u = start;
  int first;

  for (guint i = 0; i < trace->lots->len; i++)
    seen_at[i] = -1;
  while (seen_at[u] < 0)
    {
      guint previous = G_MAXUINT;

      seen_at[u] = (int) walk->len;
      g_array_append_val (walk, u);
      for (guint k = 0; k < edges->len && previous == G_MAXUINT; k++)
        {
          Edge *e = &g_array_index (edges, Edge, k);
          if (e->to == u && e->to != 0 && indegree[e->from] > 0)
            previous = e->from;
        }
      if (previous == G_MAXUINT)
        return NULL;
      u = previous;
    }
  /* The walk went backwards from seen_at[u] to its end; the loop reads the other way. */
  first = seen_at[u];
  for (int i = (int) walk->len - 1; i >= first; i--)
    g_strv_builder_add (loop, ((FfTraceLot *) trace->lots->pdata[g_array_index (walk, guint, i)])->code);
  g_strv_builder_add (loop, ((FfTraceLot *) trace->lots->pdata[g_array_index (walk, guint, walk->len - 1)])->code);
  return g_strv_builder_end (loop);
}

/* Proportional allocation in topological order (Kahn): forward, a lot gets its inputs' carried
 * quantity times the share of each input it used; backward, an input gets the quantity used
 * times the share of the lot it went into that ended up in the start lot. */
static void
allocate (FfTrace   *trace,
          GArray    *edges,
          GPtrArray *out_edges)
{
  guint n = trace->lots->len;
  g_autofree guint *indegree = g_new0 (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree gboolean *reported = g_new0 (gboolean, n);
  guint head = 0, tail = 0;
  FfTraceLot *start = trace->lots->pdata[0];

  for (guint k = 0; k < edges->len; k++)
    {
      Edge *e = &g_array_index (edges, Edge, k);
      /* A link back into the start lot closes a loop: reported, never followed. */
      if (e->to == 0)
        {
          FfTraceLot *from = trace->lots->pdata[e->from];
          g_autoptr (GStrvBuilder) loop = g_strv_builder_new ();
          g_strv_builder_addv (loop, (const char **) from->path);
          g_strv_builder_add (loop, start->code);
          g_ptr_array_add (trace->cycles, g_strv_builder_end (loop));
          continue;
        }
      indegree[e->to]++;
    }
  start->carried = start->quantity;
  for (guint i = 0; i < n; i++)
    if (indegree[i] == 0)
      queue[tail++] = i;
  while (head < tail)
    {
      guint u = queue[head++];
      FfTraceLot *from = trace->lots->pdata[u];
      GArray *out = out_edges->pdata[u];

      for (guint k = 0; out != NULL && k < out->len; k++)
        {
          Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, k));
          FfTraceLot *to = trace->lots->pdata[e->to];

          if (e->to == 0)
            continue;
          if (trace->direction == FF_TRACE_FORWARD)
            /* The share of @from that went into @to, of what @from holds of the start lot. */
            to->carried += from->quantity > 0 ? from->carried * e->quantity / from->quantity
                                              : NAN;
          else
            /* Of the input used in @from, the share of @from that is in the start lot. */
            to->carried += from->quantity > 0 ? e->quantity * from->carried / from->quantity
                                              : NAN;
          if (--indegree[e->to] == 0)
            queue[tail++] = e->to;
        }
    }
  /* What Kahn's order could not place lies on or after a loop. */
  for (guint i = 0; i < n; i++)
    if (indegree[i] > 0)
      {
        GStrv cycle;
        ((FfTraceLot *) trace->lots->pdata[i])->carried = NAN;
        if (reported[i])
          continue;
        cycle = find_cycle (trace, edges, indegree, i);
        if (cycle == NULL)
          continue;
        for (guint c = 0; cycle[c] != NULL; c++)
          for (guint j = 0; j < n; j++)
            if (g_str_equal (((FfTraceLot *) trace->lots->pdata[j])->code, cycle[c]))
              reported[j] = TRUE;
        g_ptr_array_add (trace->cycles, cycle);
      }
}

static int
compare_lots (gconstpointer a,
              gconstpointer b)
{
  const FfTraceLot *x = *(FfTraceLot **) a, *y = *(FfTraceLot **) b;

  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  return x->_rank < y->_rank ? -1 : x->_rank > y->_rank;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const FfGraphMove *x = *(const FfGraphMove **) a, *y = *(const FfGraphMove **) b;
  int by_date = g_strcmp0 (x->date, y->date);

  return by_date != 0 ? by_date : g_strcmp0 (x->code, y->code);
}

/* The shipments (forward) or receipts (backward) of the reached lots, by date and code, and
 * forward the customers they went to. */
static void
reach_movements (FfTraceGraph *graph,
                 FfTrace      *trace,
                 const guint  *position)
{
  const FfGraphLot *lots = (const FfGraphLot *) (const void *) graph->lots->data;
  GArray *moves = graph->moves[trace->direction];
  g_autoptr (GPtrArray) reached = g_ptr_array_new ();
  g_autoptr (GHashTable) customers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < trace->lots->len; i++)
    {
      const FfGraphLot *lot = &lots[_ff_trace_graph_lookup (graph,
                                                             ((FfTraceLot *) trace->lots->pdata[i])->id)];

      for (guint k = 0; k < lot->n_move[trace->direction]; k++)
        g_ptr_array_add (reached, &g_array_index (moves, FfGraphMove,
                                                  lot->first_move[trace->direction] + k));
    }
  g_ptr_array_sort (reached, compare_moves);
  trace->_move_block = g_new0 (FfTraceMovement, MAX (reached->len, 1));
  for (guint i = 0; i < reached->len; i++)
    {
      const FfGraphMove *g = reached->pdata[i];
      FfTraceLot *lot = trace->lots->pdata[position[g->lot]];
      FfTraceMovement *m = &((FfTraceMovement *) trace->_move_block)[i];

      m->code = g->code;
      m->lot_code = lot->code;
      m->party = g->party;
      m->party_type = g->party_type;
      m->date = g->date;
      m->quantity = g->quantity;
      m->unit = g->unit;
      m->reference = g->reference;
      m->carried = trace->direction == FF_TRACE_FORWARD && lot->quantity > 0
                     ? lot->carried * m->quantity / lot->quantity : NAN;
      widen_window (trace, m->date);
      g_ptr_array_add (trace->movements, m);

      if (trace->direction == FF_TRACE_FORWARD && m->party != NULL)
        {
          FfTraceCustomer *c = g_hash_table_lookup (customers, m->party);
          if (c == NULL)
            {
              c = g_new0 (FfTraceCustomer, 1);
              c->name = m->party;
              c->type = m->party_type;
              c->first_date = m->date;
              g_hash_table_insert (customers, (gpointer) c->name, c);
              g_ptr_array_add (trace->customers, c);
            }
          c->n_shipments++;
          c->carried += m->carried;
          c->last_date = m->date;
        }
    }
}

static int
compare_customers (gconstpointer a,
                   gconstpointer b)
{
  return g_utf8_collate ((*(FfTraceCustomer **) a)->name, (*(FfTraceCustomer **) b)->name);
}

static void
array_unref0 (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

FfTrace *
ff_lot_trace (FfStore           *store,
              const char        *lot_id,
              FfTraceDirection   direction,
              GError           **error)
{
  g_autoptr (FfTrace) trace = g_new0 (FfTrace, 1);
  g_autoptr (GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autoptr (GPtrArray) out_edges = NULL;
  g_autofree guint *position = NULL;
  FfTraceGraph *graph;
  guint start;

  g_return_val_if_fail (store != NULL && lot_id != NULL, NULL);

  trace->direction = direction;
  trace->lots = g_ptr_array_new_with_free_func ((GDestroyNotify) trace_lot_clear);
  trace->movements = g_ptr_array_new ();
  trace->customers = g_ptr_array_new_with_free_func (g_free);
  trace->cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  graph = _ff_trace_graph_get (store, error);
  if (graph == NULL)
    return NULL;
  trace->_graph = _ff_trace_graph_ref (graph);
  start = _ff_trace_graph_lookup (graph, lot_id);
  if (start == G_MAXUINT)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no lot with the id %s"),
                   lot_id);
      return NULL;
    }
  position = g_new (guint, graph->lots->len);
  memset (position, 0xff, graph->lots->len * sizeof (guint));
  reach_lots (graph, trace, start, position);
  reach_edges (graph, trace, position, edges);
  out_edges = g_ptr_array_new_full (trace->lots->len, array_unref0);
  g_ptr_array_set_size (out_edges, trace->lots->len);
  for (guint k = 0; k < edges->len; k++)
    {
      guint from = g_array_index (edges, Edge, k).from;
      if (out_edges->pdata[from] == NULL)
        out_edges->pdata[from] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val ((GArray *) out_edges->pdata[from], k);
    }
  set_paths (trace, edges, out_edges);
  allocate (trace, edges, out_edges);
  reach_movements (graph, trace, position);
  g_ptr_array_sort (trace->lots, compare_lots);
  g_ptr_array_sort (trace->customers, compare_customers);
  return g_steal_pointer (&trace);
}

/* JSON ---------------------------------------------------------------------------------------- */

static void
add_codes (JsonBuilder  *b,
           const char   *member,
           const GStrv   codes)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; codes && codes[i]; i++)
    json_builder_add_string_value (b, codes[i]);
  json_builder_end_array (b);
}

JsonNode *
ff_trace_to_json (FfTrace *trace)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  FfTraceLot *start;
  gboolean forward;

  g_return_val_if_fail (trace != NULL && trace->lots->len > 0, NULL);
  start = trace->lots->pdata[0];
  forward = trace->direction == FF_TRACE_FORWARD;

  json_builder_begin_object (b);
  _ff_json_add_string (b, "lot", start->code);
  _ff_json_add_string (b, "direction", forward ? "forward" : "backward");
  _ff_json_add_quantity (b, "quantity", start->quantity, start->unit);
  _ff_json_add_string (b, "method",
              forward
                ? "Every lot made from the start lot, to any depth, through the genealogy links "
                  "(lot_links). 'carried' is the quantity of the start lot in each lot, in the "
                  "start lot's unit: proportional allocation, each link passing on the share of "
                  "its input lot it used (quantity used / input lot quantity). Shipments are those "
                  "of every reached lot; customers are their recipients."
                : "Every lot the start lot was made from, to any depth, through the genealogy "
                  "links (lot_links). 'carried' is the quantity of each input lot that went into "
                  "the start lot, in that lot's unit: the quantity used, times the share of the "
                  "lot it went into that ended up in the start lot. Receipts are those of every "
                  "reached lot.");
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "lots");
  json_builder_add_int_value (b, trace->lots->len - 1);
  json_builder_set_member_name (b, "links");
  json_builder_add_int_value (b, trace->n_links);
  json_builder_set_member_name (b, forward ? "shipments" : "receipts");
  json_builder_add_int_value (b, trace->movements->len);
  if (forward)
    {
      json_builder_set_member_name (b, "customers");
      json_builder_add_int_value (b, trace->customers->len);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "window");
  json_builder_begin_object (b);
  _ff_json_add_string (b, "from", trace->from);
  _ff_json_add_string (b, "to", trace->to);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "lots");
  json_builder_begin_array (b);
  for (guint i = 1; i < trace->lots->len; i++)
    {
      FfTraceLot *lot = trace->lots->pdata[i];
      json_builder_begin_object (b);
      _ff_json_add_string (b, "lot", lot->code);
      _ff_json_add_string (b, "type", lot->lot_type);
      _ff_json_add_string (b, "status", lot->status);
      json_builder_set_member_name (b, "depth");
      json_builder_add_int_value (b, lot->depth);
      add_codes (b, "path", lot->path);
      _ff_json_add_quantity (b, "quantity", lot->quantity, lot->unit);
      _ff_json_add_quantity (b, "carried", lot->carried, forward ? start->unit : lot->unit);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, forward ? "shipments" : "receipts");
  json_builder_begin_array (b);
  for (guint i = 0; i < trace->movements->len; i++)
    {
      FfTraceMovement *m = trace->movements->pdata[i];
      json_builder_begin_object (b);
      _ff_json_add_string (b, forward ? "shipment" : "receipt", m->code);
      _ff_json_add_string (b, "lot", m->lot_code);
      _ff_json_add_string (b, forward ? "ship_to" : "source", m->party);
      if (forward)
        _ff_json_add_string (b, "ship_to_type", m->party_type);
      _ff_json_add_string (b, "date", m->date);
      _ff_json_add_quantity (b, "quantity", m->quantity, m->unit);
      if (forward)
        _ff_json_add_quantity (b, "carried", m->carried, start->unit);
      _ff_json_add_string (b, "reference", m->reference);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (forward)
    {
      json_builder_set_member_name (b, "customers");
      json_builder_begin_array (b);
      for (guint i = 0; i < trace->customers->len; i++)
        {
          FfTraceCustomer *c = trace->customers->pdata[i];
          json_builder_begin_object (b);
          _ff_json_add_string (b, "name", c->name);
          _ff_json_add_string (b, "type", c->type);
          json_builder_set_member_name (b, "shipments");
          json_builder_add_int_value (b, c->n_shipments);
          _ff_json_add_quantity (b, "carried", c->carried, start->unit);
          _ff_json_add_string (b, "first_date", c->first_date);
          _ff_json_add_string (b, "last_date", c->last_date);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "cycles");
  json_builder_begin_array (b);
  for (guint i = 0; i < trace->cycles->len; i++)
    {
      GStrv cycle = trace->cycles->pdata[i];
      json_builder_begin_array (b);
      for (guint c = 0; cycle[c]; c++)
        json_builder_add_string_value (b, cycle[c]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
