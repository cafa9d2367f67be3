/* ff-cli-tool.c — foodflow-cli tools | tool: the copilot's tools, listed and run. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n.h>

#include "ff-cli-private.h"
#include "ff-error.h"
#include "ff-tool-registry.h"

int
_ff_cli_tools (FfCliContext *ctx)
{
  const char *workspace = _ff_cli_option (ctx, "--workspace");
  g_autoptr (JsonNode) tools = NULL;
  FfWorkspace ignored;

  if (ctx->args->len != 0)
    return _ff_cli_usage_error (_("tools takes no arguments"));
  if (workspace != NULL && !_ff_cli_parse_workspace (workspace, &ignored))
    return FF_CLI_EXIT_FAILURE;
  tools = ff_tools_describe (workspace);
  return _ff_cli_print_json (tools);
}

int
_ff_cli_tool (FfCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FfVault) vault = NULL;
  g_autoptr (FfSession) session = NULL;
  g_autoptr (JsonNode) params = NULL;
  g_autoptr (JsonNode) result = NULL;
  const FfTool *tool;
  const char *name;

  if (ctx->args->len < 2 || ctx->args->len > 3)
    return _ff_cli_usage_error (_("tool takes TENANT, NAME and optionally its parameters as a "
                                  "JSON object"));
  name = g_ptr_array_index (ctx->args, 1);
  tool = ff_tool_lookup (name);
  if (tool == NULL)
    return _ff_cli_usage_error (_("“%s” is not a tool; see foodflow-cli tools"), name);
  if (ctx->args->len == 3)
    {
      params = json_from_string (g_ptr_array_index (ctx->args, 2), &error);
      if (params == NULL)
        {
          /* Translators: the tool parameters given on the command line are not JSON */
          g_autofree char *message = g_strdup_printf (_("The parameters are not JSON: %s"),
                                                      error ? error->message : "");
          return _ff_cli_usage_error ("%s", message);
        }
    }
  session = _ff_cli_sign_in (ctx, &vault, &error);
  if (session == NULL)
    return _ff_cli_fail (error);
  result = ff_tool_run (tool, session, ff_session_get_store (session), params, &error);
  if (result == NULL)
    return _ff_cli_fail (error);
  return _ff_cli_print_json (result);
}
