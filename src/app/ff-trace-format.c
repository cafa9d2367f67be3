/* ff-trace-format.c — quantities, dates and lot states for the Trace page and the mock-recall
 * result, figure tiles, and a lot's mass balance as a preferences group. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ff-kind-catalog.h"
#include "ff-number.h"
#include "ff-trace-format.h"

char *
ff_trace_format_quantity (double      value,
                          const char *unit)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  number = ff_number_format_auto (value);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* Translators: a quantity and its unit, e.g. "1,250 kg" */
  return g_strdup_printf (C_("quantity", "%s %s"), number, unit);
}

JsonArray *
ff_trace_json_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
ff_trace_json_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

double
ff_trace_json_number (JsonObject  *object,
                      const char  *member,
                      const char **out_unit)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  JsonObject *q;

  if (out_unit != NULL)
    *out_unit = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NAN;
  q = json_node_get_object (node);
  if (out_unit != NULL)
    *out_unit = json_object_get_string_member_with_default (q, "unit", NULL);
  if (!json_object_has_member (q, "value") || json_object_get_null_member (q, "value"))
    return NAN;
  return json_object_get_double_member (q, "value");
}

char *
ff_trace_format_json_quantity (JsonObject *object,
                               const char *member)
{
  const char *unit;
  double value = ff_trace_json_number (object, member, &unit);

  return ff_trace_format_quantity (value, unit);
}

char *
ff_trace_format_time (const char *iso)
{
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("—");
  if (strchr (iso, 'T') == NULL)
    return g_strdup (iso);
  utc = g_time_zone_new_utc ();
  at = g_date_time_new_from_iso8601 (iso, utc);
  local = at ? g_date_time_to_local (at) : NULL;
  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup (iso);
}

static const char *
enum_label (const char *kind,
            const char *field,
            const char *value)
{
  const FfField *f = ff_kind_get_field (ff_kind_lookup (kind), field);

  if (value == NULL)
    return "";
  return f ? ff_field_get_enum_label (f, value) : value;
}

const char *
ff_trace_lot_type_label (const char *lot_type)
{
  return enum_label ("lots", "lot_type", lot_type);
}

const char *
ff_trace_status_label (const char *status)
{
  return enum_label ("lots", "status", status);
}

const char *
ff_trace_recipient_type_label (const char *type)
{
  return enum_label ("shipments", "ship_to_type", type);
}

const char *
ff_trace_status_style (const char *status)
{
  if (g_strcmp0 (status, "released") == 0)
    return "success";
  if (g_strcmp0 (status, "hold") == 0 || g_strcmp0 (status, "quarantine") == 0)
    return "warning";
  if (g_strcmp0 (status, "rejected") == 0)
    return "error";
  if (g_strcmp0 (status, "shipped") == 0)
    return "dim-label";
  return NULL;
}

GtkWidget *
ff_trace_tile_new (const char *value,
                   const char *caption,
                   const char *name)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figure = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (tile, "card");
  gtk_widget_add_css_class (tile, "trace-tile");
  gtk_label_set_xalign (GTK_LABEL (figure), 0);
  gtk_label_set_ellipsize (GTK_LABEL (figure), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (figure, "title-3");
  gtk_widget_add_css_class (figure, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (tile), figure);
  gtk_box_append (GTK_BOX (tile), label);
  gtk_widget_set_tooltip_text (tile, caption);
  if (name != NULL)
    gtk_widget_set_name (figure, name);
  return tile;
}

/* The mass balance --------------------------------------------------------------------------- */

static GtkWidget *
figure_row (GtkWidget  *group,
            const char *title,
            const char *subtitle,
            const char *value,
            const char *style)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
quantity_row (GtkWidget  *group,
              JsonObject *balance,
              const char *member,
              const char *title,
              const char *subtitle)
{
  g_autofree char *value = ff_trace_format_json_quantity (balance, member);

  figure_row (group, title, subtitle, value, NULL);
}

GtkWidget *
ff_trace_balance_group_new (JsonObject *balance)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *lot = json_object_get_string_member_with_default (balance, "lot", "");
  gboolean produced = g_strcmp0 (json_object_get_string_member_with_default (balance,
                                                                             "start_kind", ""),
                                 "produced") == 0;
  const char *counted_at = json_object_get_string_member_with_default (balance, "counted_at",
                                                                        NULL);
  g_autofree char *title = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *accounted = NULL;
  g_autofree char *unexplained = NULL;
  JsonArray *gaps = ff_trace_json_array (balance, "gaps");
  const char *unit;
  double pct = ff_trace_json_number (balance, "accounted_pct", NULL);
  double left = ff_trace_json_number (balance, "unexplained", &unit);

  gtk_widget_set_name (group, "mass-balance");
  /* Translators: a group heading, with a lot code */
  title = g_strdup_printf (_("Mass Balance of %s"), lot);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where the lot’s quantity went, from its movements: "
                                           "used, shipped, scrapped, sampled and in stock "
                                           "should add up to what came in."));
  quantity_row (group, balance, "start", produced ? _("Produced") : _("Received"), NULL);
  quantity_row (group, balance, "consumed", _("Used in production"), NULL);
  quantity_row (group, balance, "shipped", _("Shipped"), NULL);
  quantity_row (group, balance, "scrapped", _("Scrapped"), NULL);
  quantity_row (group, balance, "sampled", _("Sampled"), NULL);
  quantity_row (group, balance, "adjusted", _("Adjusted"), _("Found (+) or lost (−)"));
  if (counted_at != NULL)
    {
      g_autofree char *when = ff_trace_format_time (counted_at);
      /* Translators: when the stock of a lot was last counted */
      counted = g_strdup_printf (_("Counted %s"), when);
    }
  quantity_row (group, balance, "in_stock", _("In stock"),
                counted ? counted : _("No stock count on record"));
  {
    g_autofree char *amount = ff_trace_format_json_quantity (balance, "accounted");
    g_autofree char *share = isfinite (pct) ? ff_number_format (pct, 1) : NULL;

    /* Translators: a quantity and the share of the lot it is, e.g. "985 kg · 98.5 %" */
    accounted = share ? g_strdup_printf (_("%s · %s %%"), amount, share) : g_strdup (amount);
    figure_row (group, _("Accounted for"), NULL, accounted,
                !isfinite (pct) ? NULL : pct >= 99.95 ? "success" : "warning");
  }
  unexplained = ff_trace_format_quantity (left, unit);
  figure_row (group, _("Unexplained"), NULL, unexplained,
              isfinite (left) && fabs (left) >= 0.0005 ? "warning" : NULL);

  for (guint i = 0; gaps != NULL && i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);
      const char *message = json_object_get_string_member_with_default (gap, "message", "");
      const char *movement = json_object_get_string_member_with_default (gap, "movement", NULL);
      g_autofree char *quantity = ff_trace_format_json_quantity (gap, "quantity");
      GtkWidget *row = figure_row (group, message, movement, quantity, "warning");
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, "balance-gap");
      /* A long message wraps instead of being cut. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
    }
  return group;
}
