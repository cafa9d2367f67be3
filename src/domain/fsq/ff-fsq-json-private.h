/* ff-fsq-json-private.h — how the FSQ engines write their results as JSON: quantities with
 * their unit, strings or null (ff-fsq-json.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @member: {"value": @value rounded to a thousandth, "unit": @unit}, or null when not finite. */
void _ff_json_add_quantity (JsonBuilder *b,
                            const char  *member,
                            double       value,
                            const char  *unit);
/* @member: @value, or null. */
void _ff_json_add_string   (JsonBuilder *b,
                            const char  *member,
                            const char  *value);

G_END_DECLS
