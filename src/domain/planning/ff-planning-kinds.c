/* ff-planning-kinds.c — descriptions of the Planning record kinds: forecast versions and
 * forecasts, production plans, safety stocks and inventory levels. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define PLANNER FF_ROLE_BIT (FF_ROLE_PLANNER)

static const FfEnumValue granularities[] = {
  { "day", N_("Day") },
  { "week", N_("Week") },
  { "month", N_("Month") },
  { NULL }
};

static const FfEnumValue methods[] = {
  { "manual", N_("Manual") },
  { "seasonal_naive", N_("Seasonal naive") },
  { "ets", N_("Exponential smoothing") },
  { "croston", N_("Croston") },
  { "sba", N_("Syntetos–Boylan") },
  { "tsb", N_("Teunter–Syntetos–Babai") },
  { NULL }
};

/* Forecast versions ------------------------------------------------------------------------- */

static const FfEnumValue version_states[] = {
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { "archived", N_("Archived") },
  { NULL }
};

static const FfField forecast_version_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. FV-2026-W14") },
  { "label", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64, .hint = N_("e.g. Consensus April") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = version_states, .default_value = "draft" },
  { "method", N_("Method"), FF_FIELD_ENUM, FF_FIELD_LIST, .enum_values = methods },
  { "created_on", N_("Created"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_forecast_versions = {
  .name = "forecast_versions",
  .table = "forecast_versions",
  .label = N_("Forecast versions"),
  .label_singular = N_("Forecast version"),
  .icon_name = "view-paged-symbolic",
  .workspace = FF_WORKSPACE_PLANNING,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = forecast_version_fields,
  .code_field = "code",
  .title_field = "label",
  .default_sort = "created_on",
  .write_roles = PLANNER,
  .nav_group = N_("Demand"),
  .new_label = N_("New Forecast Version"),
  .empty_label = N_("No Forecast Versions Yet"),
};

/* Forecasts --------------------------------------------------------------------------------- */

static const FfField forecast_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS,
    .max_length = 64, .hint = N_("Unique reference, e.g. FC-2026W14-SKU123-DC1") },
  { "version", N_("Version"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_forecast_versions },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "location", N_("Location"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64 },
  { "period_start", N_("Period start"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "granularity", N_("Period"), FF_FIELD_ENUM, FF_FIELD_REQUIRED, .enum_values = granularities },
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "method", N_("Method"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = methods },
  { NULL }
};

const FfKind ff_kind_forecasts = {
  .name = "forecasts",
  .table = "forecasts",
  .label = N_("Forecasts"),
  .label_singular = N_("Forecast"),
  .icon_name = "document-open-recent-symbolic",
  .workspace = FF_WORKSPACE_PLANNING,
  .sync_class = FF_SYNC_EDITABLE,
  .regulated = FALSE,
  .fields = forecast_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "period_start",
  .write_roles = PLANNER,
  .indexed_search = TRUE,
  .nav_group = N_("Demand"),
  .new_label = N_("New Forecast"),
  .empty_label = N_("No Forecasts Yet"),
};

/* Production plans -------------------------------------------------------------------------- */

static const FfEnumValue plan_states[] = {
  { "draft", N_("Draft") },
  { "firm", N_("Firm") },
  { "released", N_("Released to the floor") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

static const FfField production_plan_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("e.g. PP-2026W14-L3-01") },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "planned_start", N_("Planned start"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "planned_end", N_("Planned end"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED },
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = plan_states, .default_value = "draft" },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_production_plans = {
  .name = "production_plans",
  .table = "production_plans",
  .label = N_("Production plans"),
  .label_singular = N_("Production plan"),
  .icon_name = "x-office-calendar-symbolic",
  .workspace = FF_WORKSPACE_PLANNING,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = production_plan_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "planned_start",
  .write_roles = PLANNER,
  .indexed_search = TRUE,
  .nav_group = N_("Supply"),
  .new_label = N_("New Production Plan"),
  .empty_label = N_("No Production Plans Yet"),
};

/* Safety stocks: the inputs of SS = z·√(L·σd² + d²·σL²) are kept with the result. ---------- */

static const FfField safety_stock_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 64,
    .hint = N_("e.g. SS-SKU-10010-DC-Tilburg") },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "location", N_("Location"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64 },
  { "service_level_pct", N_("Cycle service level"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit = "%", .min = 50, .max = 99.99, .hint = N_("e.g. 95 (z = 1.645)") },
  { "safety_stock", N_("Safety stock"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "reorder_point", N_("Reorder point"), FF_FIELD_QUANTITY, FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity",
    .hint = N_("Average demand over the lead time plus safety stock") },
  { "avg_daily_demand", N_("Average daily demand"), FF_FIELD_QUANTITY, 0,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "daily_demand_sd", N_("Daily demand deviation"), FF_FIELD_QUANTITY, 0,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity",
    .hint = N_("Standard deviation of daily demand") },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "lead_time_days", N_("Lead time"), FF_FIELD_REAL, FF_FIELD_REQUIRED, .unit = N_("days"),
    .min = 0, .max = 365 },
  { "lead_time_sd_days", N_("Lead time deviation"), FF_FIELD_REAL, 0, .unit = N_("days"),
    .min = 0, .max = 365 },
  { "review_period_days", N_("Review period"), FF_FIELD_REAL, 0, .unit = N_("days"),
    .min = 0, .max = 365, .hint = N_("For periodic review; empty for continuous review") },
  { "computed_on", N_("Computed"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { NULL }
};

const FfKind ff_kind_safety_stocks = {
  .name = "safety_stocks",
  .table = "safety_stocks",
  .label = N_("Safety stocks"),
  .label_singular = N_("Safety stock"),
  .icon_name = "changes-prevent-symbolic",
  .workspace = FF_WORKSPACE_PLANNING,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = safety_stock_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "code",
  .write_roles = PLANNER,
  .nav_group = N_("Supply"),
  .new_label = N_("New Safety Stock"),
  .empty_label = N_("No Safety Stocks Yet"),
};

/* Inventory levels -------------------------------------------------------------------------- */

static const FfField inventory_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 64,
    .hint = N_("e.g. INV-2026-03-31-SKU-10010-DC-Tilburg") },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "location", N_("Location"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64 },
  { "as_of", N_("As of"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "on_hand", N_("On hand"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = -1e12, .max = 1e12, .group = "quantity" },
  { "on_order", N_("On order"), FF_FIELD_QUANTITY, FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "allocated", N_("Allocated"), FF_FIELD_QUANTITY, 0,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { NULL }
};

/* The latest count of a SKU at a location whose position (on hand + on order - allocated) is
 * below its reorder point: what a planner reorders. */
static const FfKindCondition inventory_conditions[] = {
  { "below-reorder", N_("Latest, below the reorder point"),
    "t.on_hand + coalesce (t.on_order, 0) - coalesce (t.allocated, 0) < (SELECT "
    "s.reorder_point FROM safety_stocks s WHERE s.sku = t.sku AND s.location = t.location "
    "AND s._deleted = 0) AND t.as_of = (SELECT max(j.as_of) FROM inventory_levels j "
    "WHERE j.sku = t.sku AND j.location = t.location AND j._deleted = 0)" },
  { NULL }
};

const FfKind ff_kind_inventory_levels = {
  .name = "inventory_levels",
  .table = "inventory_levels",
  .label = N_("Inventory levels"),
  .label_singular = N_("Inventory level"),
  .icon_name = "x-office-spreadsheet-symbolic",
  .workspace = FF_WORKSPACE_PLANNING,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = inventory_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "as_of",
  .write_roles = PLANNER,
  .indexed_search = TRUE,
  .nav_group = N_("Supply"),
  .new_label = N_("New Inventory Level"),
  .empty_label = N_("No Inventory Levels Yet"),
  .conditions = inventory_conditions,
};
