/* ff-tool-params.h — tool parameters checked against the subset of JSON Schema the tools use:
 * type, properties, required, additionalProperties false, enum, minimum, maximum, minLength,
 * maxLength, pattern, items, minItems, format "date". */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* FALSE with FF_ERROR_INVALID naming the parameter ("lot: is required", "depth: must be at
 * least 1") when @params does not satisfy @schema. */
gboolean ff_tool_params_check (JsonNode  *schema,
                               JsonNode  *params,
                               GError   **error);

G_END_DECLS
