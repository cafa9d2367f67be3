/* ff-retail-kinds.c — descriptions of the Retail record kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

static const FfEnumValue store_formats[] = {
  { "hypermarket", N_("Hypermarket") },
  { "supermarket", N_("Supermarket") },
  { "convenience", N_("Convenience") },
  { "discount", N_("Discount") },
  { "online", N_("Online") },
  { NULL }
};

static const FfEnumValue store_states[] = {
  { "open", N_("Open") },
  { "refit", N_("Being refitted") },
  { "closed", N_("Closed") },
  { NULL }
};

static const FfField store_fields[] = {
  { "number", N_("Store number"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 16 },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "banner", N_("Banner"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 80 },
  { "format", N_("Format"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = store_formats },
  { "city", N_("City"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 80 },
  { "region", N_("Region"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 80 },
  { "country", N_("Country"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 2 },
  { "sales_area_m2", N_("Sales area"), FF_FIELD_REAL, 0, .unit = "m²", .min = 1, .max = 100000 },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = store_states },
  { "opened_on", N_("Opened"), FF_FIELD_DATE, 0 },
  { NULL }
};

const FfKind ff_kind_stores = {
  .name = "stores",
  .table = "stores",
  .label = N_("Stores"),
  .label_singular = N_("Store"),
  .icon_name = "mark-location-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .regulated = FALSE,
  .fields = store_fields,
  .code_field = "number",
  .title_field = "name",
  .default_sort = "number",
  .write_roles = FF_ROLE_BIT (FF_ROLE_RETAIL),
};
