/* ff-fsq-tools.c — the FSQ tools: a lot's details, and its trace forward and backward. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-copilot"

#include "config.h"

#include "ff-lot-release.h"
#include "ff-lot-trace.h"
#include "ff-mass-balance.h"
#include "ff-tools-private.h"

#define LOT_PARAMETERS \
  "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"lot\"]," \
  " \"properties\": {\"lot\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 64," \
  " \"description\": \"The lot's code (traceability lot code), e.g. RM1003-261023-E01\"}}}"

static void
add_string (JsonObject *o,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, member, value);
  else
    json_object_set_null_member (o, member);
}

static JsonNode *
get_lot_details (FfSession   *session,
                 FfStore     *store,
                 JsonObject  *params,
                 JsonArray   *actions,
                 GError     **error)
{
  g_autoptr (FfRecord) lot = _ff_tool_find_record (store, "lots", params, "lot", error);
  g_autoptr (FfLotHold) hold = NULL;
  g_autoptr (GPtrArray) blockers = NULL;
  g_autoptr (FfMassBalance) balance = NULL;
  JsonObject *o, *quantity;
  JsonArray *list;

  if (lot == NULL)
    return NULL;
  hold = ff_lot_hold_explain (store, ff_record_get_id (lot), error);
  blockers = hold ? ff_lot_release_blockers (store, ff_record_get_id (lot), error) : NULL;
  if (blockers == NULL)
    return NULL;
  balance = ff_mass_balance_compute (store, ff_record_get_id (lot), error);
  if (balance == NULL)
    return NULL;

  o = json_object_new ();
  add_string (o, "lot", ff_record_get_code (lot));
  add_string (o, "type", ff_record_get (lot, "lot_type"));
  add_string (o, "status", ff_record_get (lot, "status"));
  add_string (o, "description", ff_record_get (lot, "description"));
  quantity = json_object_new ();
  json_object_set_double_member (quantity, "value",
                                 g_ascii_strtod (ff_record_get (lot, "quantity"), NULL));
  add_string (quantity, "unit", ff_record_get (lot, "unit"));
  json_object_set_object_member (o, "quantity", quantity);
  add_string (o, "produced_or_received_on", ff_record_get (lot, "produced_or_received_on"));
  add_string (o, "best_before", ff_record_get (lot, "best_before"));
  add_string (o, "ingredient", ff_record_get_ref_code (lot, ff_kind_get_field_index (
                                 ff_record_get_kind (lot), "ingredient")));
  add_string (o, "sku", ff_record_get_ref_code (lot, ff_kind_get_field_index (
                          ff_record_get_kind (lot), "sku")));
  add_string (o, "supplier", ff_record_get_ref_code (lot, ff_kind_get_field_index (
                               ff_record_get_kind (lot), "supplier")));
  add_string (o, "location", ff_record_get (lot, "location"));
  add_string (o, "tlc_source", ff_record_get (lot, "tlc_source"));
  add_string (o, "held_by", hold->held_by);
  add_string (o, "held_at", hold->held_at);
  add_string (o, "hold_reason", hold->reason);
  list = json_array_new ();
  for (guint i = 0; i < hold->deviations->len; i++)
    json_array_add_string_element (list, hold->deviations->pdata[i]);
  json_object_set_array_member (o, "open_deviations", list);
  list = json_array_new ();
  for (guint i = 0; i < blockers->len; i++)
    {
      FfReleaseBlocker *blocker = blockers->pdata[i];
      JsonObject *b = json_object_new ();
      add_string (b, "deviation", blocker->deviation_code);
      add_string (b, "lot", blocker->lot_code);
      json_object_set_boolean_member (b, "on_input", blocker->on_input);
      add_string (b, "description", blocker->description);
      json_array_add_object_element (list, b);
    }
  json_object_set_array_member (o, "release_blockers", list);
  json_object_set_member (o, "mass_balance", ff_mass_balance_to_json (balance));
  add_string (o, "method",
              "The lot record; open deviations on it; release blockers are the open critical "
              "deviations on it and on every lot upstream of it in the genealogy; the mass "
              "balance from its receipts and movements (its own method says how).");

  _ff_tool_add_action (actions, "open_record", "lots", ff_record_get_code (lot));
  _ff_tool_add_action (actions, "trace_lot_backward", "lots", ff_record_get_code (lot));
  _ff_tool_add_action (actions, "trace_lot_forward", "lots", ff_record_get_code (lot));
  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);
    json_node_take_object (node, o);
    return node;
  }
}

static JsonNode *
trace (FfStore           *store,
       JsonObject        *params,
       JsonArray         *actions,
       FfTraceDirection   direction,
       GError           **error)
{
  g_autoptr (FfRecord) lot = _ff_tool_find_record (store, "lots", params, "lot", error);
  g_autoptr (FfTrace) result = NULL;

  if (lot == NULL)
    return NULL;
  result = ff_lot_trace (store, ff_record_get_id (lot), direction, error);
  if (result == NULL)
    return NULL;
  _ff_tool_add_action (actions, "open_record", "lots", ff_record_get_code (lot));
  return ff_trace_to_json (result);
}

static JsonNode *
trace_forward (FfSession   *session,
               FfStore     *store,
               JsonObject  *params,
               JsonArray   *actions,
               GError     **error)
{
  return trace (store, params, actions, FF_TRACE_FORWARD, error);
}

static JsonNode *
trace_backward (FfSession   *session,
                FfStore     *store,
                JsonObject  *params,
                JsonArray   *actions,
                GError     **error)
{
  return trace (store, params, actions, FF_TRACE_BACKWARD, error);
}

const FfTool ff_tool_get_lot_details = {
  .name = "get_lot_details",
  .workspace = FF_WORKSPACE_FSQ,
  .description = "A lot's record: type, status, quantity, dates, supplier, SKU or ingredient, "
                 "who held it and why, its open deviations and what blocks its release.",
  .parameters = LOT_PARAMETERS,
  .handler = get_lot_details,
};

const FfTool ff_tool_trace_lot_forward = {
  .name = "trace_lot_forward",
  .workspace = FF_WORKSPACE_FSQ,
  .description = "Where a lot went: every lot made from it to any depth with the quantity of "
                 "it each carries, the shipments of those lots, the customers to notify and the "
                 "time window covered; loops in the genealogy are reported.",
  .parameters = LOT_PARAMETERS,
  .handler = trace_forward,
};

const FfTool ff_tool_trace_lot_backward = {
  .name = "trace_lot_backward",
  .workspace = FF_WORKSPACE_FSQ,
  .description = "What a lot was made from: every input lot to any depth with the quantity of "
                 "it that went into this lot, their receipts and suppliers, and the time window "
                 "covered; loops in the genealogy are reported.",
  .parameters = LOT_PARAMETERS,
  .handler = trace_backward,
};
