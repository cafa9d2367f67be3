/* ff-tools-private.h — the tools each workspace module defines, and what their handlers share. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-record.h"
#include "ff-tool.h"

G_BEGIN_DECLS

/* FSQ (ff-fsq-tools.c) */
extern const FfTool ff_tool_get_lot_details;
extern const FfTool ff_tool_trace_lot_forward;
extern const FfTool ff_tool_trace_lot_backward;

/* The record of @kind_name whose code is the string parameter @param; FF_ERROR_INVALID naming
 * the parameter when there is none. */
FfRecord *_ff_tool_find_record (FfStore     *store,
                                const char  *kind_name,
                                JsonObject  *params,
                                const char  *param,
                                GError     **error);
/* Appends {"action": @action, "kind": @kind, "code": @code} to @actions. */
void      _ff_tool_add_action  (JsonArray   *actions,
                                const char  *action,
                                const char  *kind,
                                const char  *code);

G_END_DECLS
