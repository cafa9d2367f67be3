/* ff-production-kinds.c — descriptions of the PlantOps kinds of production: batches, trials,
 * downtime events and money leaks (what OEE, the six big losses and scrap costs read). */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

/* Batches (production runs) ----------------------------------------------------------------- */

static const FfEnumValue batch_states[] = {
  { "planned", N_("Planned") },
  { "running", N_("Running") },
  { "on_hold", N_("On hold") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

static const FfField batch_fields[] = {
  { "code", N_("Batch"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Batch or work-order number, e.g. B-2026-004512") },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "shift", N_("Shift"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_shifts },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = batch_states, .default_value = "planned" },
  { "planned_start", N_("Planned start"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "planned_end", N_("Planned end"), FF_FIELD_TIMESTAMP, 0,
    .hint = N_("With the planned start: the OEE planned busy time") },
  { "actual_start", N_("Actual start"), FF_FIELD_TIMESTAMP, 0 },
  { "actual_end", N_("Actual end"), FF_FIELD_TIMESTAMP, 0 },
  { "planned_quantity", N_("Planned quantity"), FF_FIELD_QUANTITY, 0,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "produced_quantity", N_("Produced"), FF_FIELD_QUANTITY, FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity",
    .hint = N_("Everything the line made, good or not (OEE performance)") },
  { "good_quantity", N_("Good"), FF_FIELD_QUANTITY, 0,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity",
    .hint = N_("Right first time, without rework (OEE quality)") },
  { "unit", N_("Unit"), FF_FIELD_UNIT, 0, .max_length = 12, .group = "quantity" },
  { "scrap_kg", N_("Scrap"), FF_FIELD_REAL, 0, .unit = "kg", .min = 0, .max = 1e9 },
  { "giveaway_g_per_unit", N_("Giveaway per unit"), FF_FIELD_REAL, 0, .unit = "g",
    .min = -1e6, .max = 1e6,
    .hint = N_("Average filled weight minus declared weight") },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_batches = {
  .name = "batches",
  .table = "batches",
  .label = N_("Batches"),
  .label_singular = N_("Batch"),
  .icon_name = "system-run-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = batch_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "planned_start",
  .write_roles = OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Production"),
  .new_label = N_("New Batch"),
  .empty_label = N_("No Batches Yet"),
};

/* Trials ------------------------------------------------------------------------------------ */

static const FfEnumValue trial_states[] = {
  { "proposed", N_("Proposed") },
  { "approved", N_("Approved") },
  { "running", N_("Running") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

static const FfEnumValue trial_outcomes[] = {
  { "adopted", N_("Adopted") },
  { "rejected", N_("Rejected") },
  { "inconclusive", N_("Inconclusive") },
  { NULL }
};

static const FfField trial_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Unique code, e.g. TR-2026-07") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_skus },
  { "hypothesis", N_("Hypothesis"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_MULTILINE,
    .max_length = 4000,
    .hint = N_("What should change and by how much, e.g. 5 °C lower fryer oil cuts scrap by "
               "1 point") },
  { "parameter", N_("Parameter"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120, .hint = N_("The setting that is changed, e.g. fryer oil temperature") },
  { "baseline_value", N_("Baseline"), FF_FIELD_QUANTITY, 0,
    .unit_field = "parameter_unit", .group = "parameter" },
  { "trial_value", N_("Trial value"), FF_FIELD_QUANTITY, 0,
    .unit_field = "parameter_unit", .group = "parameter" },
  { "parameter_unit", N_("Unit"), FF_FIELD_UNIT, 0, .max_length = 12, .group = "parameter" },
  { "start_date", N_("Starts"), FF_FIELD_DATE, FF_FIELD_LIST },
  { "end_date", N_("Ends"), FF_FIELD_DATE, 0 },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = trial_states, .default_value = "proposed" },
  { "outcome", N_("Outcome"), FF_FIELD_ENUM, FF_FIELD_LIST, .enum_values = trial_outcomes },
  { "conclusion", N_("Conclusion"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { "owner", N_("Owner"), FF_FIELD_TEXT, 0, .max_length = 120 },
  { NULL }
};

const FfKind ff_kind_trials = {
  .name = "trials",
  .table = "trials",
  .label = N_("Trials"),
  .label_singular = N_("Trial"),
  .icon_name = "applications-science-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = trial_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = OPERATOR,
  .nav_group = N_("Production"),
  .new_label = N_("New Trial"),
  .empty_label = N_("No Trials Yet"),
};

/* Downtime events --------------------------------------------------------------------------- */

/* The six big losses (availability, performance, quality), and planned stops outside them. */
static const FfEnumValue loss_categories[] = {
  { "breakdown", N_("Breakdown") },
  { "setup_adjustment", N_("Setup and adjustment") },
  { "minor_stop", N_("Minor stop") },
  { "reduced_speed", N_("Reduced speed") },
  { "process_defect", N_("Process defect") },
  { "startup_reject", N_("Start-up reject") },
  { "planned_stop", N_("Planned stop") },
  { NULL }
};

static const FfField downtime_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Unique reference, e.g. DT-L3-20260301-0612") },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "batch", N_("Batch"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_batches },
  { "started_at", N_("Started"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "ended_at", N_("Ended"), FF_FIELD_TIMESTAMP, 0 },
  { "minutes", N_("Duration"), FF_FIELD_REAL, FF_FIELD_LIST, .unit = "min",
    .min = 0, .max = 1e6, .hint = N_("Minutes lost; for speed losses, the equivalent stop time") },
  { "loss_category", N_("Loss"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = loss_categories },
  { "reason_code", N_("Reason"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 32, .hint = N_("Your reason code, e.g. JAM-FILM") },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_downtime_events = {
  .name = "downtime_events",
  .table = "downtime_events",
  .label = N_("Downtime events"),
  .label_singular = N_("Downtime event"),
  .icon_name = "media-playback-pause-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = downtime_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "started_at",
  .write_roles = OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Production"),
  .new_label = N_("New Downtime Event"),
  .empty_label = N_("No Downtime Events Yet"),
};

/* Money leaks ------------------------------------------------------------------------------- */

static const FfEnumValue leak_categories[] = {
  { "downtime", N_("Downtime") },
  { "scrap", N_("Scrap") },
  { "giveaway", N_("Giveaway") },
  { "rework", N_("Rework") },
  { NULL }
};

static const FfEnumValue leak_granularities[] = {
  { "day", N_("Day") },
  { "week", N_("Week") },
  { "month", N_("Month") },
  { NULL }
};

static const FfEnumValue leak_states[] = {
  { "open", N_("Open") },
  { "acknowledged", N_("Acknowledged") },
  { "action_planned", N_("Action planned") },
  { "resolved", N_("Resolved") },
  { NULL }
};

static const FfField money_leak_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Unique reference, e.g. ML-L3-2026-03-SCRAP") },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "period_start", N_("Period start"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "granularity", N_("Period"), FF_FIELD_ENUM, FF_FIELD_REQUIRED,
    .enum_values = leak_granularities, .default_value = "week" },
  { "category", N_("Category"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = leak_categories },
  { "amount_minor", N_("Amount"), FF_FIELD_MONEY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "currency", .min = 0, .max = 1e15, .group = "amount",
    .hint = N_("In minor units: 125000 means 1,250.00") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, FF_FIELD_REQUIRED, .max_length = 3,
    .group = "amount" },
  { "basis", N_("Basis"), FF_FIELD_TEXT, FF_FIELD_SEARCH, .max_length = 400,
    .hint = N_("How it was priced, e.g. 42 min × 18.00 EUR/min at the bottleneck") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = leak_states, .default_value = "open" },
  { NULL }
};

static const FfKindCondition money_leak_conditions[] = {
  { "unresolved", N_("Not resolved"), "t.status <> 'resolved'" },
  { NULL }
};

const FfKind ff_kind_money_leaks = {
  .name = "money_leaks",
  .table = "money_leaks",
  .label = N_("Money leaks"),
  .label_singular = N_("Money leak"),
  .icon_name = "dialog-warning-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = money_leak_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "period_start",
  .write_roles = OPERATOR,
  .nav_group = N_("Costs"),
  .new_label = N_("New Money Leak"),
  .empty_label = N_("No Money Leaks Yet"),
  .conditions = money_leak_conditions,
};
