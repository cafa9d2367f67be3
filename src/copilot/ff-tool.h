/* ff-tool.h — a tool the copilot, the CLI and the tests call: a name, what it does, the JSON
 * Schema of its parameters, its workspace, who may run it, and a thin handler over an engine. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-role.h"
#include "ff-session.h"
#include "ff-workspace.h"

G_BEGIN_DECLS

/* Runs the tool with parameters already checked against its schema. Returns the result object;
 * may append suggested next steps to @actions ({"action": ..., ...}). */
typedef JsonNode *(*FfToolHandler) (FfSession   *session,
                                    FfStore     *store,
                                    JsonObject  *params,
                                    JsonArray   *actions,
                                    GError     **error);

typedef struct
{
  const char    *name;         /* snake_case verb phrase: "trace_lot_forward" */
  FfWorkspace    workspace;
  const char    *description;  /* for people and models: what it answers, what it returns */
  const char    *parameters;   /* JSON Schema (the subset ff-tool-params.h checks) */
  guint          roles;        /* bit (1 << FfRole) per role that may run it; 0: everyone */
  FfToolHandler  handler;
} FfTool;

G_END_DECLS
