/* ff-tool-registry.h — the tools, as one list the copilot, the offline router, foodflow-cli
 * and the tests all use: described as JSON, run with their parameters checked first. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-tool.h"

G_BEGIN_DECLS

/* Every tool, by workspace then name. */
const FfTool *const *ff_tools_get_all  (guint        *n_tools);
/* The tool called @name, or NULL. */
const FfTool        *ff_tool_lookup    (const char   *name);
/* A JSON array of {name, workspace, description, parameters, role}: the tools of
 * @workspace, or all of them when @workspace is NULL. */
JsonNode            *ff_tools_describe (const char   *workspace);
/* Runs @tool as the session's user on @store (the caller's connection: a worker's own, or
 * the session's in a command-line program). @params is a JSON object (NULL: none). Returns
 * {"name": NAME, "result": {...}, "actions": [...]}, or NULL with FF_ERROR_INVALID naming the
 * bad parameter, FF_ERROR_PERMISSION for a role that may not run it, or the engine's error. */
JsonNode            *ff_tool_run       (const FfTool *tool,
                                        FfSession    *session,
                                        FfStore      *store,
                                        JsonNode     *params,
                                        GError      **error);

G_END_DECLS
