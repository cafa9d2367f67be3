/* ff-lot-trace-view-page.c — one direction of a lot's Trace page: the tree of reached lots
 * with their shipments or receipts and quantities, the figures, and beside them the customers
 * or sources, the loops found and the mass balance. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ff-lot-trace-view-private.h"
#include "ff-number.h"
#include "ff-trace-format.h"
#include "ff-trace-node.h"

/* Lot rows opened at first, at most: a busy ingredient lot reaches hundreds of lots. */
#define EXPAND_ROWS 150

/* The tree's cells -------------------------------------------------------------------------- */

typedef enum {
  COL_LOT,
  COL_WHAT,
  COL_STATE,
  COL_QUANTITY,
  COL_CARRIED,
} Column;

static const char *
node_icon (FfTraceNode *node)
{
  switch (ff_trace_node_get_kind (node))
    {
    case FF_TRACE_NODE_SHIPMENT:
      return "mail-send-symbolic";
    case FF_TRACE_NODE_RECEIPT:
      return "folder-download-symbolic";
    case FF_TRACE_NODE_LOT:
    default:
      return "package-x-generic-symbolic";
    }
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  const char *old = g_object_get_data (G_OBJECT (widget), "ff-style");

  if (old != NULL)
    gtk_widget_remove_css_class (widget, old);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
  g_object_set_data (G_OBJECT (widget), "ff-style", (gpointer) style);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COL_LOT)
    {
      GtkWidget *expander = gtk_tree_expander_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
      gtk_list_item_set_child (item, expander);
      return;
    }
  if (column == COL_QUANTITY || column == COL_CARRIED)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static char *
what_text (FfTraceNode *node)
{
  const char *party = ff_trace_node_get_party (node);
  const char *type = ff_trace_node_get_party_type (node);

  switch (ff_trace_node_get_kind (node))
    {
    case FF_TRACE_NODE_SHIPMENT:
      if (type != NULL)
        /* Translators: a shipment's recipient and its type, e.g. "FreshMart DC · Distribution centre" */
        return g_strdup_printf (_("%s · %s"), party ? party : "—",
                                ff_trace_recipient_type_label (type));
      return g_strdup (party ? party : "—");
    case FF_TRACE_NODE_RECEIPT:
      return g_strdup (party ? party : "—");
    case FF_TRACE_NODE_LOT:
    default:
      return g_strdup (ff_trace_lot_type_label (ff_trace_node_get_lot_type (node)));
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr (FfTraceNode) node = gtk_tree_list_row_get_item (row);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean lot = ff_trace_node_get_kind (node) == FF_TRACE_NODE_LOT;
  g_autofree char *text = NULL;
  GtkWidget *label = child;

  g_assert (FF_IS_TRACE_NODE (node));
  switch (column)
    {
    case COL_LOT:
      {
        GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
        GtkWidget *icon = gtk_widget_get_first_child (box);

        label = gtk_widget_get_last_child (box);
        gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
        gtk_image_set_from_icon_name (GTK_IMAGE (icon), node_icon (node));
        set_style (icon, lot ? NULL : "dim-label");
        text = g_strdup (ff_trace_node_get_code (node));
        /* The start lot stands out. */
        set_style (label, gtk_tree_list_row_get_depth (row) == 0 ? "heading" : NULL);
      }
      break;
    case COL_WHAT:
      text = what_text (node);
      break;
    case COL_STATE:
      if (lot)
        {
          text = g_strdup (ff_trace_status_label (ff_trace_node_get_status (node)));
          set_style (label, ff_trace_status_style (ff_trace_node_get_status (node)));
        }
      else
        {
          text = g_strdup (ff_trace_node_get_date (node));
          set_style (label, NULL);
        }
      break;
    case COL_QUANTITY:
      text = ff_trace_format_quantity (ff_trace_node_get_quantity (node),
                                       ff_trace_node_get_unit (node));
      break;
    case COL_CARRIED:
      text = ff_trace_format_quantity (ff_trace_node_get_carried (node),
                                       ff_trace_node_get_carried_unit (node));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  if (column == COL_LOT || column == COL_WHAT)
    gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = ff_trace_node_get_children (FF_TRACE_NODE (item));
  return children ? g_object_ref (children) : NULL;
}

/* Opens the lots (not the shipments) as far as a few screens show: every lot for a small
 * trace, the first levels of a big one. */
static void
expand_first_rows (GtkTreeListModel *tree)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr (FfTraceNode) node = gtk_tree_list_row_get_item (row);
      GListModel *children = ff_trace_node_get_children (node);
      gboolean has_lots = FALSE;

      if (children == NULL)
        continue;
      if (i > 0 && g_list_model_get_n_items (G_LIST_MODEL (tree))
                     + g_list_model_get_n_items (children) > EXPAND_ROWS)
        break;
      for (guint c = 0; c < g_list_model_get_n_items (children) && !has_lots; c++)
        {
          g_autoptr (FfTraceNode) child = g_list_model_get_item (children, c);
          has_lots = ff_trace_node_get_kind (child) == FF_TRACE_NODE_LOT;
        }
      /* The start lot always; a lot whose only children are shipments stays shut, so the
       * tree reads as lots first. */
      if (i == 0 || has_lots || g_list_model_get_n_items (children) <= 3)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
row_activated_cb (GtkColumnView  *view,
                  guint           position,
                  FfLotTraceView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr (FfTraceNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  g_assert (FF_IS_LOT_TRACE_VIEW (self));
  /* A lot opens in the main window; a shipment or receipt is read here. */
  if (node != NULL && ff_trace_node_get_lot_id (node) != NULL)
    _ff_lot_trace_view_open_record (self, "lots", ff_trace_node_get_lot_id (node));
}

static GtkWidget *
tree_new (FfLotTraceView   *self,
          FfTraceDirection  direction)
{
  gboolean forward = direction == FF_TRACE_FORWARD;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  GtkWidget *view, *scrolled, *frame;

  tree = gtk_tree_list_model_new (g_object_ref (self->result->trees[direction]), FALSE, FALSE,
                                  create_children_cb, NULL, NULL);
  expand_first_rows (tree);
  g_clear_object (&self->trees[direction]);
  self->trees[direction] = g_object_ref (tree);
  selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_widget_set_name (view, forward ? "trace-forward" : "trace-backward");
  gtk_widget_add_css_class (view, "data-table");
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (view), FALSE);
  /* The codes keep their room, indented three levels deep; the names take what is left. */
  add_column (GTK_COLUMN_VIEW (view), forward ? _("Lot or shipment") : _("Lot or receipt"),
              COL_LOT, 300);
  add_column (GTK_COLUMN_VIEW (view), forward ? _("Type or recipient") : _("Type or source"),
              COL_WHAT, 0);
  add_column (GTK_COLUMN_VIEW (view), _("Status or date"), COL_STATE, 115);
  add_column (GTK_COLUMN_VIEW (view), _("Quantity"), COL_QUANTITY, 105);
  add_column (GTK_COLUMN_VIEW (view),
              forward
                /* Translators: a column: how much of the traced lot each reached row holds */
                ? _("From this lot")
                /* Translators: a column: how much of each reached lot went into the traced lot */
                : _("Into this lot"),
              COL_CARRIED, 115);
  g_signal_connect_object (view, "activate", G_CALLBACK (row_activated_cb), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  /* As tall as its rows: a small trace leaves no empty frame. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  return frame;
}

/* The tree and, under it, how to read it. */
static GtkWidget *
tree_box_new (FfLotTraceView   *self,
              FfTraceDirection  direction)
{
  const FfTraceLot *start = self->result->traces[direction]->lots->pdata[0];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *frame = tree_new (self, direction);
  GtkWidget *caption;
  g_autofree char *text = NULL;

  if (direction == FF_TRACE_FORWARD)
    /* Translators: under the forward trace; %s is the lot code */
    text = g_strdup_printf (_("“From this lot” is how much of %s each lot or shipment holds, "
                              "shared out in proportion through every transformation. "
                              "Double-click a lot to open it."), start->code);
  else
    /* Translators: under the backward trace; %s is the lot code */
    text = g_strdup_printf (_("“Into this lot” is how much of each lot went into %s, through "
                              "every transformation. Double-click a lot to open it."),
                            start->code);
  caption = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (caption), GTK_NATURAL_WRAP_WORD);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_vexpand (frame, FALSE);
  gtk_widget_set_valign (frame, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), caption);
  /* As tall as the rows, up to the room there is. */
  gtk_widget_set_vexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  return box;
}

/* The figures and groups beside the tree ----------------------------------------------------- */

static GtkWidget *
count_tile (guint       n,
            const char *caption,
            const char *name)
{
  g_autofree char *value = ff_count_format (n);
  return ff_trace_tile_new (value, caption, name);
}

static guint
n_parties (const FfTrace *trace)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < trace->movements->len; i++)
    {
      const FfTraceMovement *m = trace->movements->pdata[i];
      if (m->party != NULL)
        g_hash_table_add (seen, (gpointer) m->party);
    }
  return g_hash_table_size (seen);
}

static GtkWidget *
tiles_new (const FfTrace *trace)
{
  gboolean forward = trace->direction == FF_TRACE_FORWARD;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *window = NULL;
  GtkWidget *tile;

  gtk_box_append (GTK_BOX (box), count_tile (trace->lots->len - 1, _("Lots reached"),
                                             forward ? "forward-lots" : "backward-lots"));
  gtk_box_append (GTK_BOX (box), count_tile (trace->n_links, _("Genealogy links"), NULL));
  gtk_box_append (GTK_BOX (box),
                  count_tile (trace->movements->len, forward ? _("Shipments") : _("Receipts"),
                              NULL));
  gtk_box_append (GTK_BOX (box),
                  count_tile (forward ? trace->customers->len : n_parties (trace),
                              forward ? _("Customers") : _("Sources"),
                              forward ? "forward-customers" : NULL));
  if (trace->from != NULL && trace->to != NULL && g_strcmp0 (trace->from, trace->to) != 0)
    /* Translators: a span of dates, e.g. "2026-11-20 – 2026-12-01" */
    window = g_strdup_printf (_("%s – %s"), trace->from, trace->to);
  else
    window = g_strdup (trace->from ? trace->from : "—");
  tile = ff_trace_tile_new (window, _("Period covered"), NULL);
  gtk_box_append (GTK_BOX (box), tile);
  /* Each tile as wide as its figure needs, the rest shared. */
  for (GtkWidget *t = gtk_widget_get_first_child (box); t; t = gtk_widget_get_next_sibling (t))
    gtk_widget_set_hexpand (t, TRUE);
  return box;
}

static GtkWidget *
heading_new (const FfTrace *trace)
{
  const FfTraceLot *start = trace->lots->pdata[0];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *subtitle;
  g_autofree char *heading = NULL;
  g_autofree char *quantity = ff_trace_format_quantity (start->quantity, start->unit);
  g_autofree char *about = NULL;

  if (trace->direction == FF_TRACE_FORWARD)
    /* Translators: the heading of a forward trace, with the lot code */
    heading = g_strdup_printf (_("Where %s Went"), start->code);
  else if (g_strcmp0 (start->lot_type, "ingredient") == 0)
    /* Translators: the heading of a bought lot's backward trace, with the lot code */
    heading = g_strdup_printf (_("Where %s Came From"), start->code);
  else
    /* Translators: the heading of a backward trace, with the lot code */
    heading = g_strdup_printf (_("What %s Was Made From"), start->code);
  /* Translators: a lot's type, status and quantity, e.g. "Ingredient · Released · 1,000 kg" */
  about = g_strdup_printf (_("%s · %s · %s"), ff_trace_lot_type_label (start->lot_type),
                           ff_trace_status_label (start->status), quantity);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  subtitle = gtk_label_new (about);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  return box;
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  return label;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
customers_group_new (const FfTrace *trace)
{
  const FfTraceLot *start = trace->lots->pdata[0];
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;

  gtk_widget_set_name (group, "trace-customers");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Customers"));
  /* Translators: %s is a lot code */
  description = g_strdup_printf (_("Whom to call in a recall: everyone a reached lot was "
                                   "shipped to, with how much of %s they got."), start->code);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < trace->customers->len; i++)
    {
      const FfTraceCustomer *c = trace->customers->pdata[i];
      g_autofree char *shipments = NULL, *subtitle = NULL, *carried = NULL;
      GtkWidget *row;

      /* Translators: how many shipments went to a customer */
      shipments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shipment", "%u shipments",
                                                c->n_shipments), c->n_shipments);
      if (g_strcmp0 (c->first_date, c->last_date) != 0)
        /* Translators: a customer's type, shipments and dates, e.g.
         * "Store · 2 shipments · 2026-11-25 – 2026-11-28" */
        subtitle = g_strdup_printf (_("%s · %s · %s – %s"), ff_trace_recipient_type_label (c->type),
                                    shipments, c->first_date, c->last_date);
      else
        /* Translators: a customer's type, shipments and date, e.g. "Store · 1 shipment · 2026-11-25" */
        subtitle = g_strdup_printf (_("%s · %s · %s"), ff_trace_recipient_type_label (c->type),
                                    shipments, c->first_date ? c->first_date : "—");
      row = text_row (c->name, subtitle);
      carried = ff_trace_format_quantity (c->carried, start->unit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label (carried));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (trace->customers->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               text_row (_("No shipment reached"),
                                         _("Nothing made from this lot has been shipped.")));
  return group;
}

typedef struct
{
  guint    n;
  GString *lots;
  char    *first;
} Source;

static void
source_free (Source *s)
{
  g_string_free (s->lots, TRUE);
  g_free (s->first);
  g_free (s);
}

static GtkWidget *
sources_group_new (const FfTrace *trace)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) source_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  gtk_widget_set_name (group, "trace-sources");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sources"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Whom the lots it was made from came from, by their "
                                           "receipts."));
  for (guint i = 0; i < trace->movements->len; i++)
    {
      const FfTraceMovement *m = trace->movements->pdata[i];
      const char *party = m->party ? m->party : "—";
      Source *s = g_hash_table_lookup (sources, party);

      if (s == NULL)
        {
          s = g_new0 (Source, 1);
          s->lots = g_string_new (NULL);
          g_hash_table_insert (sources, (gpointer) party, s);
          g_ptr_array_add (order, (gpointer) party);
        }
      s->n++;
      if (m->lot_code != NULL && strstr (s->lots->str, m->lot_code) == NULL)
        g_string_append_printf (s->lots, "%s%s", s->lots->len ? ", " : "", m->lot_code);
      if (m->date != NULL && (s->first == NULL || g_strcmp0 (m->date, s->first) < 0))
        {
          g_free (s->first);
          s->first = g_strdup (m->date);
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      Source *s = g_hash_table_lookup (sources, order->pdata[i]);
      g_autofree char *receipts = NULL, *subtitle = NULL;

      /* Translators: how many receipts came from a source */
      receipts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt", "%u receipts",
                                               s->n), s->n);
      /* Translators: a source's receipts, their lots and the first receipt date, e.g.
       * "2 receipts · RM-FLOUR, RM-SALT · 2026-11-18" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), receipts, s->lots->str,
                                  s->first ? s->first : "—");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (order->pdata[i], subtitle));
    }
  if (order->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               text_row (_("No receipt on record"),
                                         _("None of the lots reached was received from a "
                                           "supplier.")));
  return group;
}

static GtkWidget *
cycles_group_new (const FfTrace *trace)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Loops in the Genealogy"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A lot that is made, through its inputs, from itself: "
                                           "the quantities along a loop are unknown. Correct "
                                           "the genealogy links."));
  for (guint i = 0; i < trace->cycles->len; i++)
    {
      g_autofree char *path = g_strjoinv (" → ", trace->cycles->pdata[i]);
      GtkWidget *row = text_row (path, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

GtkWidget *
_ff_lot_trace_view_page_new (FfLotTraceView   *self,
                             FfTraceDirection  direction)
{
  const FfTrace *trace = self->result->traces[direction];
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *clamp;

  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_margin_top (left, 18);
  gtk_widget_set_margin_bottom (left, 18);
  gtk_widget_set_margin_start (left, 18);
  gtk_widget_set_margin_end (left, 18);
  gtk_box_append (GTK_BOX (left), heading_new (trace));
  gtk_box_append (GTK_BOX (left), tiles_new (trace));
  gtk_box_append (GTK_BOX (left), tree_box_new (self, direction));
  gtk_box_append (GTK_BOX (page), left);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  gtk_widget_set_margin_top (side, 18);
  gtk_widget_set_margin_bottom (side, 18);
  gtk_widget_set_margin_start (side, 18);
  gtk_widget_set_margin_end (side, 18);
  gtk_box_append (GTK_BOX (side), direction == FF_TRACE_FORWARD ? customers_group_new (trace)
                                                                : sources_group_new (trace));
  if (trace->cycles->len > 0)
    gtk_box_append (GTK_BOX (side), cycles_group_new (trace));
  gtk_box_append (GTK_BOX (side),
                  ff_trace_balance_group_new (json_node_get_object (self->result->balance)));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* One width on both pages, however long the groups' descriptions. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 380);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 380);
  adw_clamp_set_child (ADW_CLAMP (clamp), side);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_size_request (scrolled, 380, -1);
  /* Its rows ask to expand; the tree is what takes the room. */
  gtk_widget_set_hexpand (scrolled, FALSE);
  gtk_box_append (GTK_BOX (page), scrolled);
  return page;
}
