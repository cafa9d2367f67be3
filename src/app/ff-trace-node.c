/* ff-trace-node.c — one row of a lot's trace tree, and the tree built from a trace. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <math.h>

#include "ff-trace-node.h"

struct _FfTraceNode
{
  GObject          parent_instance;

  /* owned */
  FfTraceNodeKind  kind;
  char            *code;
  char            *lot_id;
  char            *lot_type;
  char            *status;
  char            *party;
  char            *party_type;
  char            *date;
  char            *reference;
  double           quantity;
  char            *unit;
  double           carried;
  char            *carried_unit;
  guint            depth;
  GListStore      *children;   /* FfTraceNode*, NULL until one is added */
};

G_DEFINE_FINAL_TYPE (FfTraceNode, ff_trace_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_LOT_ID,
  PROP_LOT_TYPE,
  PROP_STATUS,
  PROP_PARTY,
  PROP_PARTY_TYPE,
  PROP_DATE,
  PROP_REFERENCE,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_CARRIED,
  PROP_CARRIED_UNIT,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ff_trace_node_finalize (GObject *object)
{
  FfTraceNode *self = FF_TRACE_NODE (object);

  g_free (self->code);
  g_free (self->lot_id);
  g_free (self->lot_type);
  g_free (self->status);
  g_free (self->party);
  g_free (self->party_type);
  g_free (self->date);
  g_free (self->reference);
  g_free (self->unit);
  g_free (self->carried_unit);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ff_trace_node_parent_class)->finalize (object);
}

static char **
string_member (FfTraceNode *self,
               guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_CODE: return &self->code;
    case PROP_LOT_ID: return &self->lot_id;
    case PROP_LOT_TYPE: return &self->lot_type;
    case PROP_STATUS: return &self->status;
    case PROP_PARTY: return &self->party;
    case PROP_PARTY_TYPE: return &self->party_type;
    case PROP_DATE: return &self->date;
    case PROP_REFERENCE: return &self->reference;
    case PROP_UNIT: return &self->unit;
    case PROP_CARRIED_UNIT: return &self->carried_unit;
    default: return NULL;
    }
}

static void
ff_trace_node_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FfTraceNode *self = FF_TRACE_NODE (object);
  char **string = string_member (self, prop_id);

  if (string != NULL)
    {
      g_value_set_string (value, *string);
      return;
    }
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;
    case PROP_CARRIED:
      g_value_set_double (value, self->carried);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_trace_node_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FfTraceNode *self = FF_TRACE_NODE (object);
  char **string = string_member (self, prop_id);

  if (string != NULL)
    {
      g_free (*string);
      *string = g_value_dup_string (value);
      return;
    }
  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_DEPTH:
      self->depth = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                              | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
double_pspec (const char *name)
{
  /* Read only: NAN (unknown) is no value a GParamSpecDouble accepts. */
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
ff_trace_node_class_init (FfTraceNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ff_trace_node_finalize;
  object_class->get_property = ff_trace_node_get_property;
  object_class->set_property = ff_trace_node_set_property;

  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, FF_TRACE_NODE_LOT,
                                             FF_TRACE_NODE_RECEIPT, FF_TRACE_NODE_LOT,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                             | G_PARAM_STATIC_STRINGS
                                             | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CODE] = string_pspec ("code");
  properties[PROP_LOT_ID] = string_pspec ("lot-id");
  properties[PROP_LOT_TYPE] = string_pspec ("lot-type");
  properties[PROP_STATUS] = string_pspec ("status");
  properties[PROP_PARTY] = string_pspec ("party");
  properties[PROP_PARTY_TYPE] = string_pspec ("party-type");
  properties[PROP_DATE] = string_pspec ("date");
  properties[PROP_REFERENCE] = string_pspec ("reference");
  properties[PROP_QUANTITY] = double_pspec ("quantity");
  properties[PROP_UNIT] = string_pspec ("unit");
  properties[PROP_CARRIED] = double_pspec ("carried");
  properties[PROP_CARRIED_UNIT] = string_pspec ("carried-unit");
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                              | G_PARAM_STATIC_STRINGS
                                              | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ff_trace_node_init (FfTraceNode *self)
{
  self->quantity = NAN;
  self->carried = NAN;
}

/* Building the tree -------------------------------------------------------------------------- */

static void
add_child (FfTraceNode *parent,
           FfTraceNode *child)
{
  if (parent->children == NULL)
    parent->children = g_list_store_new (FF_TYPE_TRACE_NODE);
  g_list_store_append (parent->children, child);
}

static FfTraceNode *
lot_node_new (const FfTraceLot *lot,
              const char       *carried_unit)
{
  FfTraceNode *node = g_object_new (FF_TYPE_TRACE_NODE,
                                    "kind", FF_TRACE_NODE_LOT,
                                    "code", lot->code,
                                    "lot-id", lot->id,
                                    "lot-type", lot->lot_type,
                                    "status", lot->status,
                                    "unit", lot->unit,
                                    "carried-unit", carried_unit,
                                    "depth", lot->depth,
                                    NULL);
  node->quantity = lot->quantity;
  node->carried = lot->carried;
  return node;
}

static FfTraceNode *
movement_node_new (const FfTraceMovement *m,
                   gboolean               forward,
                   const char            *carried_unit,
                   guint                  depth)
{
  FfTraceNode *node = g_object_new (FF_TYPE_TRACE_NODE,
                                    "kind", forward ? FF_TRACE_NODE_SHIPMENT : FF_TRACE_NODE_RECEIPT,
                                    "code", m->code,
                                    "party", m->party,
                                    "party-type", m->party_type,
                                    "date", m->date,
                                    "reference", m->reference,
                                    "unit", m->unit,
                                    "carried-unit", carried_unit,
                                    "depth", depth,
                                    NULL);
  node->quantity = m->quantity;
  node->carried = m->carried;
  return node;
}

GListModel *
ff_trace_node_build_tree (const FfTrace *trace)
{
  g_autoptr (GHashTable) by_code = NULL;
  GListStore *root;
  const FfTraceLot *start;
  gboolean forward;

  g_return_val_if_fail (trace != NULL && trace->lots->len > 0, NULL);

  root = g_list_store_new (FF_TYPE_TRACE_NODE);
  forward = trace->direction == FF_TRACE_FORWARD;
  start = trace->lots->pdata[0];
  by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  /* The lots come by depth, so a lot's parent on its path is always made before it. */
  for (guint i = 0; i < trace->lots->len; i++)
    {
      const FfTraceLot *lot = trace->lots->pdata[i];
      FfTraceNode *node = lot_node_new (lot, forward ? start->unit : lot->unit);
      guint n_path = lot->path ? g_strv_length (lot->path) : 0;
      FfTraceNode *parent = n_path >= 2 ? g_hash_table_lookup (by_code, lot->path[n_path - 2])
                                        : NULL;

      if (i == 0)
        g_list_store_append (root, node);
      else if (parent != NULL)
        add_child (parent, node);
      else
        /* Not expected from the engine; shown under the start lot rather than lost. */
        add_child (g_hash_table_lookup (by_code, start->code), node);
      g_hash_table_insert (by_code, node->code, node);
    }
  /* A lot's shipments or receipts come after the lots it leads to. */
  for (guint i = 0; i < trace->movements->len; i++)
    {
      const FfTraceMovement *m = trace->movements->pdata[i];
      FfTraceNode *lot = g_hash_table_lookup (by_code, m->lot_code);
      g_autoptr (FfTraceNode) node = NULL;

      if (lot == NULL)
        lot = g_hash_table_lookup (by_code, start->code);
      node = movement_node_new (m, forward, start->unit, lot->depth);
      add_child (lot, node);
    }
  return G_LIST_MODEL (root);
}

/* Getters -------------------------------------------------------------------------------------- */

FfTraceNodeKind
ff_trace_node_get_kind (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), FF_TRACE_NODE_LOT);
  return self->kind;
}

const char *
ff_trace_node_get_code (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->code;
}

const char *
ff_trace_node_get_lot_id (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->lot_id;
}

const char *
ff_trace_node_get_lot_type (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->lot_type;
}

const char *
ff_trace_node_get_status (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->status;
}

const char *
ff_trace_node_get_party (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->party;
}

const char *
ff_trace_node_get_party_type (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->party_type;
}

const char *
ff_trace_node_get_date (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->date;
}

const char *
ff_trace_node_get_reference (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->reference;
}

double
ff_trace_node_get_quantity (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NAN);
  return self->quantity;
}

const char *
ff_trace_node_get_unit (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->unit;
}

double
ff_trace_node_get_carried (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NAN);
  return self->carried;
}

const char *
ff_trace_node_get_carried_unit (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->carried_unit;
}

guint
ff_trace_node_get_depth (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), 0);
  return self->depth;
}

GListModel *
ff_trace_node_get_children (FfTraceNode *self)
{
  g_return_val_if_fail (FF_IS_TRACE_NODE (self), NULL);
  return self->children ? G_LIST_MODEL (self->children) : NULL;
}
