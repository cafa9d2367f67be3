/* ff-trace-graph.c — the genealogy in memory: read in four queries, kept on the connection
 * while trace_changes keeps its tag (migration 0008), so a trace walks arrays instead of
 * running recursive queries. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ff-lot-trace.h"
#include "ff-trace-graph-private.h"

#define GRAPH_KEY "ff-trace-graph"

static void
graph_free (FfTraceGraph *graph)
{
  if (graph == NULL || !g_atomic_ref_count_dec (&graph->ref_count))
    return;
  g_string_chunk_free (graph->strings);
  g_array_unref (graph->lots);
  g_hash_table_unref (graph->by_id);
  g_array_unref (graph->links);
  g_free (graph->by_output);
  g_array_unref (graph->moves[0]);
  g_array_unref (graph->moves[1]);
  g_free (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfTraceGraph, graph_free)

FfTraceGraph *
_ff_trace_graph_ref (FfTraceGraph *graph)
{
  g_atomic_ref_count_inc (&graph->ref_count);
  return graph;
}

void
_ff_trace_graph_unref (FfTraceGraph *graph)
{
  graph_free (graph);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const FfGraphLot *lots = user_data;

  return g_strcmp0 (lots[*(const guint *) a].code, lots[*(const guint *) b].code);
}

/* Each lot's place in code order, so a trace sorts its lots on numbers. */
static void
rank_lots (FfTraceGraph *graph)
{
  FfGraphLot *lots = (FfGraphLot *) (void *) graph->lots->data;
  g_autofree guint *order = g_new (guint, MAX (graph->lots->len, 1));

  for (guint i = 0; i < graph->lots->len; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) graph->lots->len, sizeof (guint), compare_codes, lots);
  for (guint i = 0; i < graph->lots->len; i++)
    lots[order[i]].rank = i;
}

/* A column as a string kept in the graph (the same text once), or NULL. */
static const char *
text (FfTraceGraph *graph,
      sqlite3_stmt *stmt,
      int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value ? g_string_chunk_insert_const (graph->strings, value) : NULL;
}

guint
_ff_trace_graph_lookup (FfTraceGraph *graph,
                        const char   *id)
{
  guint position = id ? GPOINTER_TO_UINT (g_hash_table_lookup (graph->by_id, id)) : 0;

  return position > 0 ? position - 1 : G_MAXUINT;
}

static gboolean
read_tag (FfStore  *store,
          gint64   *tag,
          GError  **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store, "SELECT tag FROM trace_changes", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *tag = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return ff_store_set_error (store, rc, _("Could not trace the lot"), error);
  return TRUE;
}

static gboolean
read_lots (FfStore       *store,
           FfTraceGraph  *graph,
           GError       **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store,
                                         "SELECT id, code, lot_type, status, quantity, unit "
                                         "FROM lots WHERE _deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfGraphLot lot = { 0 };

      lot.id = text (graph, stmt, 0);
      lot.code = text (graph, stmt, 1);
      lot.lot_type = text (graph, stmt, 2);
      lot.status = text (graph, stmt, 3);
      lot.quantity = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN
                                                                    : sqlite3_column_double (stmt, 4);
      lot.unit = text (graph, stmt, 5);
      g_array_append_val (graph->lots, lot);
      g_hash_table_insert (graph->by_id, (gpointer) lot.id, GUINT_TO_POINTER (graph->lots->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not trace the lot"), error);
  return TRUE;
}

static int
compare_by_input (gconstpointer a,
                  gconstpointer b)
{
  const FfGraphLink *x = a, *y = b;

  return x->input != y->input ? (x->input < y->input ? -1 : 1)
                              : (x->output < y->output ? -1 : x->output > y->output);
}

static int
compare_by_output (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const FfGraphLink *links = user_data;
  const FfGraphLink *x = &links[*(const guint *) a], *y = &links[*(const guint *) b];

  return x->output != y->output ? (x->output < y->output ? -1 : 1)
                                : (x->input < y->input ? -1 : x->input > y->input);
}

/* Links between live lots; a link to a deleted lot leads nowhere. */
static gboolean
read_links (FfStore       *store,
            FfTraceGraph  *graph,
            GError       **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (store,
                                         "SELECT input_lot, output_lot, quantity, "
                                         "substr (transformed_at, 1, 10) FROM lot_links "
                                         "WHERE _deleted = 0", error);
  FfGraphLot *lots;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfGraphLink link;

      link.input = _ff_trace_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 0));
      link.output = _ff_trace_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 1));
      if (link.input == G_MAXUINT || link.output == G_MAXUINT)
        continue;
      link.quantity = sqlite3_column_double (stmt, 2);
      link.date = text (graph, stmt, 3);
      g_array_append_val (graph->links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not trace the lot"), error);

  g_array_sort (graph->links, compare_by_input);
  graph->by_output = g_new (guint, MAX (graph->links->len, 1));
  for (guint k = 0; k < graph->links->len; k++)
    graph->by_output[k] = k;
  g_qsort_with_data (graph->by_output, (gint) graph->links->len, sizeof (guint),
                     compare_by_output, graph->links->data);

  lots = (FfGraphLot *) (void *) graph->lots->data;
  for (guint k = graph->links->len; k-- > 0;)
    {
      FfGraphLot *in = &lots[g_array_index (graph->links, FfGraphLink, k).input];
      in->first_out = k;
      in->n_out++;
    }
  for (guint k = graph->links->len; k-- > 0;)
    {
      FfGraphLot *out = &lots[g_array_index (graph->links, FfGraphLink,
                                             graph->by_output[k]).output];
      out->first_in = k;
      out->n_in++;
    }
  return TRUE;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const FfGraphMove *x = a, *y = b;

  return x->lot != y->lot ? (x->lot < y->lot ? -1 : 1) : g_strcmp0 (x->code, y->code);
}

static gboolean
read_moves (FfStore           *store,
            FfTraceGraph      *graph,
            FfTraceDirection   direction,
            GError           **error)
{
  static const char *const sql[] = {
    [FF_TRACE_FORWARD] = "SELECT code, lot, ship_to, ship_to_type, ship_date, quantity, unit, "
                         "reference_doc_number FROM shipments WHERE _deleted = 0",
    [FF_TRACE_BACKWARD] = "SELECT c.code, c.lot, coalesce (p.code, c.previous_source), NULL, "
                          "c.received_on, c.quantity, c.unit, c.reference_doc_number "
                          "FROM receipts c LEFT JOIN suppliers p ON p.id = c.supplier "
                          "WHERE c._deleted = 0",
  };
  sqlite3_stmt *stmt = ff_store_prepare (store, sql[direction], error);
  GArray *moves = graph->moves[direction];
  FfGraphLot *lots;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FfGraphMove m;

      m.lot = _ff_trace_graph_lookup (graph, (const char *) sqlite3_column_text (stmt, 1));
      if (m.lot == G_MAXUINT)
        continue;
      m.code = text (graph, stmt, 0);
      m.party = text (graph, stmt, 2);
      m.party_type = text (graph, stmt, 3);
      m.date = text (graph, stmt, 4);
      m.quantity = sqlite3_column_double (stmt, 5);
      m.unit = text (graph, stmt, 6);
      m.reference = text (graph, stmt, 7);
      g_array_append_val (moves, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (store, rc, _("Could not trace the lot"), error);
  g_array_sort (moves, compare_moves);
  lots = (FfGraphLot *) (void *) graph->lots->data;
  for (guint k = moves->len; k-- > 0;)
    {
      FfGraphLot *lot = &lots[g_array_index (moves, FfGraphMove, k).lot];
      lot->first_move[direction] = k;
      lot->n_move[direction]++;
    }
  return TRUE;
}

FfTraceGraph *
_ff_trace_graph_get (FfStore  *store,
                     GError  **error)
{
  FfTraceGraph *kept = g_object_get_data (G_OBJECT (store), GRAPH_KEY);
  g_autoptr (FfTraceGraph) graph = NULL;
  gint64 tag;

  if (!read_tag (store, &tag, error))
    return NULL;
  if (kept != NULL && kept->tag == tag)
    return kept;

  graph = g_new0 (FfTraceGraph, 1);
  g_atomic_ref_count_init (&graph->ref_count);
  graph->tag = tag;
  graph->strings = g_string_chunk_new (64 * 1024);
  graph->lots = g_array_new (FALSE, TRUE, sizeof (FfGraphLot));
  graph->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  graph->links = g_array_new (FALSE, FALSE, sizeof (FfGraphLink));
  graph->moves[FF_TRACE_FORWARD] = g_array_new (FALSE, FALSE, sizeof (FfGraphMove));
  graph->moves[FF_TRACE_BACKWARD] = g_array_new (FALSE, FALSE, sizeof (FfGraphMove));
  if (!read_lots (store, graph, error) || !read_links (store, graph, error)
      || !read_moves (store, graph, FF_TRACE_FORWARD, error)
      || !read_moves (store, graph, FF_TRACE_BACKWARD, error))
    return NULL;
  rank_lots (graph);
  g_debug ("Trace graph: %u lots, %u links, %u shipments, %u receipts", graph->lots->len,
           graph->links->len, graph->moves[0]->len, graph->moves[1]->len);
  g_object_set_data_full (G_OBJECT (store), GRAPH_KEY, g_steal_pointer (&graph),
                          (GDestroyNotify) graph_free);
  return g_object_get_data (G_OBJECT (store), GRAPH_KEY);
}
