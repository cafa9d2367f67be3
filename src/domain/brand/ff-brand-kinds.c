/* ff-brand-kinds.c — descriptions of the Brand record kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

static const FfEnumValue sku_states[] = {
  { "development", N_("In development") },
  { "active", N_("Active") },
  { "discontinued", N_("Discontinued") },
  { NULL }
};

static const FfField sku_fields[] = {
  { "code", N_("SKU code"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 32 },
  { "gtin", N_("GTIN"), FF_FIELD_GTIN, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 14, .hint = N_("8, 12, 13 or 14 digits; the last is the GS1 check digit") },
  { "description", N_("Description"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200 },
  { "brand", N_("Brand"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "pack_size", N_("Pack size"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "pack_unit", .min = 0.001, .max = 1e6, .group = "pack" },
  { "pack_unit", N_("Pack unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12,
    .group = "pack" },
  { "case_pack", N_("Units per case"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED, .min = 1, .max = 10000 },
  { "list_price_minor", N_("List price"), FF_FIELD_MONEY, FF_FIELD_LIST,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "price",
    .hint = N_("In minor units: 249 means 2.49") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "price" },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = sku_states },
  { "launch_date", N_("Launch date"), FF_FIELD_DATE, 0 },
  { NULL }
};

const FfKind ff_kind_skus = {
  .name = "skus",
  .table = "skus",
  .label = N_("SKUs"),
  .label_singular = N_("SKU"),
  .icon_name = "view-grid-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .regulated = FALSE,
  .fields = sku_fields,
  .code_field = "code",
  .title_field = "description",
  .default_sort = "code",
  .write_roles = FF_ROLE_BIT (FF_ROLE_BRAND),
};
