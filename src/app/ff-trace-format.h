/* ff-trace-format.h — what the Trace page and the mock-recall result share: quantities, dates
 * and lot states as people read them, figure tiles, and a lot's mass balance as a group. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "1,250 kg" in the user's locale; "—" for an unknown (NAN) quantity. */
char      *ff_trace_format_quantity      (double      value,
                                          const char *unit);
/* The same for a {"value", "unit"} member of an engine's JSON; "—" for null or missing. */
char      *ff_trace_format_json_quantity (JsonObject *object,
                                          const char *member);
/* An array, an object or a {"value", "unit"} quantity member of an engine's JSON, or NULL
 * (NAN) when it is missing or null. */
JsonArray *ff_trace_json_array           (JsonObject  *object,
                                          const char  *member);
JsonObject *ff_trace_json_object         (JsonObject  *object,
                                          const char  *member);
double     ff_trace_json_number          (JsonObject  *object,
                                          const char  *member,
                                          const char **out_unit);
/* A UTC ISO 8601 time as "2026-12-02 10:30" in the local zone; a date stays as it is. */
char      *ff_trace_format_time          (const char *iso);
/* The translated label of a lot's type, status, or a shipment's recipient type. */
const char *ff_trace_lot_type_label      (const char *lot_type);
const char *ff_trace_status_label        (const char *status);
const char *ff_trace_recipient_type_label (const char *type);
/* A style class for a lot status: "success", "warning", "error", "dim-label" or NULL. */
const char *ff_trace_status_style        (const char *status);

/* A figure over its caption, in a card. */
GtkWidget *ff_trace_tile_new             (const char *value,
                                          const char *caption,
                                          const char *name);
/* A lot's mass balance (ff_mass_balance_to_json()) as a preferences group: where its
 * quantity went, the share accounted for, and every gap. */
GtkWidget *ff_trace_balance_group_new    (JsonObject *balance);

G_END_DECLS
