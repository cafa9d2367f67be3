/* ff-tool-registry.c — the tools, described and run with their parameters checked first. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-copilot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-tool-params.h"
#include "ff-tool-registry.h"
#include "ff-tools-private.h"

static const FfTool *const tools[] = {
  &ff_tool_get_lot_details,
  &ff_tool_trace_lot_backward,
  &ff_tool_trace_lot_forward,
};

const FfTool *const *
ff_tools_get_all (guint *n_tools)
{
  if (n_tools != NULL)
    *n_tools = G_N_ELEMENTS (tools);
  return tools;
}

const FfTool *
ff_tool_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (g_strcmp0 (tools[i]->name, name) == 0)
      return tools[i];
  return NULL;
}

static JsonNode *
parse_schema (const FfTool *tool)
{
  g_autoptr (GError) error = NULL;
  JsonNode *schema = json_from_string (tool->parameters, &error);

  /* The schemas are part of the program: a broken one is a bug, found by the tests. */
  if (schema == NULL)
    g_error ("The parameters of %s are not JSON: %s", tool->name, error->message);
  return schema;
}

/* The roles that may run @tool, lowest first ("qa"), or "any". */
static char *
roles_of (const FfTool *tool)
{
  g_autoptr (GString) roles = g_string_new (NULL);

  if (tool->roles == 0)
    return g_strdup ("any");
  for (int r = 0; r < FF_N_ROLES; r++)
    if (tool->roles & (1u << r))
      g_string_append_printf (roles, "%s%s", roles->len ? "," : "", ff_role_to_string (r));
  return g_string_free (g_steal_pointer (&roles), FALSE);
}

JsonNode *
ff_tools_describe (const char *workspace)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      const FfTool *tool = tools[i];
      g_autofree char *roles = roles_of (tool);

      if (workspace != NULL && g_strcmp0 (ff_workspace_get_id (tool->workspace), workspace) != 0)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, tool->name);
      json_builder_set_member_name (b, "workspace");
      json_builder_add_string_value (b, ff_workspace_get_id (tool->workspace));
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, tool->description);
      json_builder_set_member_name (b, "parameters");
      json_builder_add_value (b, parse_schema (tool));
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, roles);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
ff_tool_run (const FfTool *tool,
             FfSession    *session,
             FfStore      *store,
             JsonNode     *params,
             GError      **error)
{
  g_autoptr (JsonNode) schema = NULL;
  g_autoptr (JsonNode) empty = NULL;
  g_autoptr (JsonArray) actions = json_array_new ();
  g_autoptr (JsonBuilder) b = NULL;
  JsonNode *result;
  FfRole role;

  g_return_val_if_fail (tool != NULL, NULL);
  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (store != NULL, NULL);

  role = ff_session_get_role (session);
  if (tool->roles != 0 && role != FF_ROLE_ADMIN && !(tool->roles & (1u << role)))
    {
      /* Translators: a role ("Viewer") and a tool's name ("trace_lot_forward") */
      g_set_error (error, FF_ERROR, FF_ERROR_PERMISSION, _("Your role (%s) may not run %s"),
                   ff_role_get_label (role), tool->name);
      return NULL;
    }
  if (params == NULL)
    {
      params = empty = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (empty, json_object_new ());
    }
  if (!JSON_NODE_HOLDS_OBJECT (params))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, "%s",
                   _("The parameters must be a JSON object"));
      return NULL;
    }
  schema = parse_schema (tool);
  if (!ff_tool_params_check (schema, params, error))
    return NULL;
  result = tool->handler (session, store, json_node_get_object (params), actions, error);
  if (result == NULL)
    return NULL;

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, tool->name);
  json_builder_set_member_name (b, "result");
  json_builder_add_value (b, result);
  json_builder_set_member_name (b, "actions");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), actions));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Shared by the handlers ----------------------------------------------------------------------- */

FfRecord *
_ff_tool_find_record (FfStore     *store,
                      const char  *kind_name,
                      JsonObject  *params,
                      const char  *param,
                      GError     **error)
{
  g_autoptr (FfRecordRepository) repository = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *code = json_object_get_string_member (params, param);
  FfRecord *record;

  repository = ff_record_repository_new (store, ff_kind_lookup (kind_name));
  record = ff_record_repository_find_by_code (repository, code, &local_error);
  if (record == NULL && g_error_matches (local_error, FF_ERROR, FF_ERROR_NOT_FOUND))
    {
      /* Translators: a tool parameter naming no record: "lot: no record has the code “X”" */
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("%s: no record has the code “%s”"),
                   param, code);
      return NULL;
    }
  if (record == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record;
}

void
_ff_tool_add_action (JsonArray  *actions,
                     const char *action,
                     const char *kind,
                     const char *code)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "action", action);
  json_object_set_string_member (o, "kind", kind);
  json_object_set_string_member (o, "code", code);
  json_array_add_object_element (actions, o);
}
