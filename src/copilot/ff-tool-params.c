/* ff-tool-params.c — tool parameters checked against a JSON Schema subset. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-copilot"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ff-error.h"
#include "ff-tool-params.h"

static gboolean check (JsonObject  *schema,
                       JsonNode    *value,
                       const char  *where,
                       GError     **error);

static gboolean
refuse (GError     **error,
        const char  *where,
        const char  *message)
{
  /* Translators: a tool parameter's problem: "lot: is required" */
  g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("%s: %s"), where, message);
  return FALSE;
}

static const char *
type_of (JsonNode *value)
{
  if (JSON_NODE_HOLDS_OBJECT (value))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (value))
    return "array";
  if (JSON_NODE_HOLDS_NULL (value))
    return "null";
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_BOOLEAN:
      return "boolean";
    case G_TYPE_INT64:
      return "integer";
    default:
      return "number";
    }
}

static gboolean
type_matches (const char *wanted,
              JsonNode   *value)
{
  const char *actual = type_of (value);

  if (g_str_equal (wanted, actual))
    return TRUE;
  if (g_str_equal (wanted, "number") && g_str_equal (actual, "integer"))
    return TRUE;
  /* 2.0 is an integer to JSON Schema. */
  if (g_str_equal (wanted, "integer") && g_str_equal (actual, "number"))
    {
      double d = json_node_get_double (value);
      return isfinite (d) && d == floor (d);
    }
  return FALSE;
}

static gboolean
is_date (const char *text)
{
  g_autoptr (GDate) date = NULL;
  int y, m, d;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
check_string (JsonObject  *schema,
              const char  *text,
              const char  *where,
              GError     **error)
{
  glong length = g_utf8_strlen (text, -1);

  if (json_object_has_member (schema, "minLength")
      && length < json_object_get_int_member (schema, "minLength"))
    return refuse (error, where, length == 0 ? _("must not be empty") : _("is too short"));
  if (json_object_has_member (schema, "maxLength")
      && length > json_object_get_int_member (schema, "maxLength"))
    return refuse (error, where, _("is too long"));
  if (json_object_has_member (schema, "pattern")
      && !g_regex_match_simple (json_object_get_string_member (schema, "pattern"), text, 0, 0))
    return refuse (error, where, _("is not in the expected form"));
  if (g_strcmp0 (json_object_get_string_member_with_default (schema, "format", NULL), "date") == 0
      && !is_date (text))
    return refuse (error, where, _("is not a date like 2026-03-31"));
  return TRUE;
}

static gboolean
check_number (JsonObject  *schema,
              double       d,
              const char  *where,
              GError     **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *msg = NULL;

  if (json_object_has_member (schema, "minimum")
      && d < json_object_get_double_member (schema, "minimum"))
    {
      /* Translators: a tool parameter below its minimum; %s is the minimum */
      msg = g_strdup_printf (_("must be at least %s"),
                             g_ascii_formatd (buf, sizeof buf, "%g",
                                              json_object_get_double_member (schema, "minimum")));
      return refuse (error, where, msg);
    }
  if (json_object_has_member (schema, "maximum")
      && d > json_object_get_double_member (schema, "maximum"))
    {
      /* Translators: a tool parameter above its maximum; %s is the maximum */
      msg = g_strdup_printf (_("must be at most %s"),
                             g_ascii_formatd (buf, sizeof buf, "%g",
                                              json_object_get_double_member (schema, "maximum")));
      return refuse (error, where, msg);
    }
  return TRUE;
}

static gboolean
check_object (JsonObject  *schema,
              JsonObject  *object,
              const char  *where,
              GError     **error)
{
  JsonObject *properties = json_object_has_member (schema, "properties")
                             ? json_object_get_object_member (schema, "properties") : NULL;
  g_autoptr (GList) members = json_object_get_members (object);

  if (json_object_has_member (schema, "required"))
    {
      JsonArray *required = json_object_get_array_member (schema, "required");
      for (guint i = 0; i < json_array_get_length (required); i++)
        {
          const char *name = json_array_get_string_element (required, i);
          if (!json_object_has_member (object, name))
            {
              g_autofree char *path = where ? g_strconcat (where, ".", name, NULL)
                                            : g_strdup (name);
              return refuse (error, path, _("is required"));
            }
        }
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *path = where ? g_strconcat (where, ".", name, NULL) : g_strdup (name);
      JsonObject *property = properties && json_object_has_member (properties, name)
                               ? json_object_get_object_member (properties, name) : NULL;

      if (property == NULL)
        {
          if (json_object_has_member (schema, "additionalProperties")
              && !json_object_get_boolean_member (schema, "additionalProperties"))
            return refuse (error, path, _("is not a parameter of this tool"));
          continue;
        }
      if (!check (property, json_object_get_member (object, name), path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check (JsonObject  *schema,
       JsonNode    *value,
       const char  *where,
       GError     **error)
{
  const char *label = where ? where : _("parameters");
  const char *type = json_object_get_string_member_with_default (schema, "type", NULL);

  if (type != NULL && !type_matches (type, value))
    {
      /* Translators: a tool parameter of the wrong JSON type; %s is "string", "integer", ... */
      g_autofree char *msg = g_strdup_printf (_("must be of type %s"), type);
      return refuse (error, label, msg);
    }
  if (json_object_has_member (schema, "enum"))
    {
      JsonArray *allowed = json_object_get_array_member (schema, "enum");
      gboolean found = FALSE;
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (allowed); i++)
        {
          JsonNode *option = json_array_get_element (allowed, i);
          found = found || json_node_equal (option, value);
          if (JSON_NODE_HOLDS_VALUE (option) && json_node_get_value_type (option) == G_TYPE_STRING)
            g_string_append_printf (list, "%s%s", list->len ? ", " : "",
                                    json_node_get_string (option));
        }
      if (!found)
        {
          /* Translators: a tool parameter not among the allowed values, listed */
          g_autofree char *msg = g_strdup_printf (_("must be one of: %s"), list->str);
          return refuse (error, label, msg);
        }
    }
  if (JSON_NODE_HOLDS_OBJECT (value))
    return check_object (schema, json_node_get_object (value), where, error);
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      JsonObject *items = json_object_has_member (schema, "items")
                            ? json_object_get_object_member (schema, "items") : NULL;

      if (json_object_has_member (schema, "minItems")
          && json_array_get_length (array) < (guint) json_object_get_int_member (schema, "minItems"))
        return refuse (error, label, _("has too few items"));
      for (guint i = 0; items != NULL && i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", label, i);
          if (!check (items, json_array_get_element (array, i), path, error))
            return FALSE;
        }
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return check_string (schema, json_node_get_string (value), label, error);
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) != G_TYPE_BOOLEAN)
    return check_number (schema, json_node_get_double (value), label, error);
  return TRUE;
}

gboolean
ff_tool_params_check (JsonNode  *schema,
                      JsonNode  *params,
                      GError   **error)
{
  g_return_val_if_fail (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  return check (json_node_get_object (schema), params, NULL, error);
}
