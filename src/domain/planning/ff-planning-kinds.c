/* ff-planning-kinds.c — descriptions of the Planning record kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

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
  { NULL }
};

static const FfField forecast_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64, .hint = N_("Unique reference, e.g. FC-2026W14-SKU123-DC1") },
  { "version_label", N_("Version"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64 },
  { "sku_code", N_("SKU"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 32 },
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
  .write_roles = FF_ROLE_BIT (FF_ROLE_PLANNER),
};
