/* ff-brand-kinds.c — descriptions of the Brand record kinds: brands, products, SKUs,
 * co-packers, their contracts and their monthly performance. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define BRAND FF_ROLE_BIT (FF_ROLE_BRAND)

static const FfEnumValue sku_states[] = {
  { "development", N_("In development") },
  { "active", N_("Active") },
  { "discontinued", N_("Discontinued") },
  { NULL }
};

/* Brands ------------------------------------------------------------------------------------ */

static const FfField brand_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. BR-CASA") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "owner", N_("Brand manager"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "positioning", N_("Positioning"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000,
    .hint = N_("Who it is for and why they choose it") },
  { NULL }
};

const FfKind ff_kind_brands = {
  .name = "brands",
  .table = "brands",
  .label = N_("Brands"),
  .label_singular = N_("Brand"),
  .icon_name = "emblem-favorite-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = brand_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "name",
  .write_roles = BRAND,
  .nav_group = N_("Portfolio"),
  .new_label = N_("New Brand"),
  .empty_label = N_("No Brands Yet"),
};

/* Products: what a shopper knows; its SKUs are the pack sizes. ------------------------------ */

static const FfField product_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. PR-TORTILLA-SALTED") },
  { "brand", N_("Brand"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_brands },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "category", N_("Category"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 80,
    .hint = N_("Your own category, e.g. Chips, Dips, Bread") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = sku_states, .default_value = "development" },
  { "description", N_("Description"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_products = {
  .name = "products",
  .table = "products",
  .label = N_("Products"),
  .label_singular = N_("Product"),
  .icon_name = "view-app-grid-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = product_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = BRAND,
  .nav_group = N_("Portfolio"),
  .new_label = N_("New Product"),
  .empty_label = N_("No Products Yet"),
};

/* SKUs -------------------------------------------------------------------------------------- */

static const FfField sku_fields[] = {
  { "code", N_("SKU code"), FF_FIELD_TEXT, FF_CODE_FLAGS,
    .max_length = 32 },
  { "gtin", N_("GTIN"), FF_FIELD_GTIN, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 14, .hint = N_("8, 12, 13 or 14 digits; the last is the GS1 check digit") },
  { "description", N_("Description"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200 },
  { "brand", N_("Brand"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_brands },
  { "product", N_("Product"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_products },
  { "pack_size", N_("Pack size"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "pack_unit", .min = 0.001, .max = 1e6, .group = "pack",
    .hint = N_("The declared content; giveaway is measured against it") },
  { "pack_unit", N_("Pack unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12,
    .group = "pack" },
  { "case_pack", N_("Units per case"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED, .min = 1, .max = 10000 },
  { "list_price_minor", N_("List price"), FF_FIELD_MONEY, FF_FIELD_LIST,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "price",
    .hint = N_("In minor units: 249 means 2.49") },
  { "unit_cost_minor", N_("Standard cost"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "price",
    .hint = N_("Cost of goods per unit, in minor units (for margins)") },
  { "material_cost_per_kg_minor", N_("Material cost per kg"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "price",
    .hint = N_("In minor units; prices giveaway and, with conversion, scrap") },
  { "conversion_cost_per_kg_minor", N_("Conversion cost per kg"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "price",
    .hint = N_("Labour, energy and overhead per kg made, in minor units") },
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
  .write_roles = BRAND,
  .ref_label_field = "code",
  .nav_group = N_("Portfolio"),
  .new_label = N_("New SKU"),
  .empty_label = N_("No SKUs Yet"),
  .ref_shows_title = TRUE,
};

/* Co-packers -------------------------------------------------------------------------------- */

static const FfEnumValue copacker_states[] = {
  { "approved", N_("Approved") },
  { "probation", N_("On probation") },
  { "suspended", N_("Suspended") },
  { NULL }
};

static const FfField co_packer_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. CP-DIPMASTERS") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "country", N_("Country"), FF_FIELD_TEXT, FF_FIELD_LIST, .max_length = 2,
    .hint = N_("ISO 3166 two-letter code, e.g. PL") },
  { "supplier", N_("Supplier record"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_suppliers,
    .hint = N_("Where QA keeps its approval, certificates and audits") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = copacker_states },
  { "audit_grade", N_("Audit grade"), FF_FIELD_TEXT, FF_FIELD_LIST, .max_length = 16,
    .hint = N_("Grade of the latest certification audit, e.g. AA") },
  { "contact_email", N_("Contact e-mail"), FF_FIELD_EMAIL, 0, .max_length = 200 },
  { NULL }
};

static const FfKindCondition co_packer_conditions[] = {
  { "attention", N_("On probation or suspended"), "t.status <> 'approved'" },
  { NULL }
};

const FfKind ff_kind_co_packers = {
  .name = "co_packers",
  .table = "co_packers",
  .label = N_("Co-packers"),
  .label_singular = N_("Co-packer"),
  .icon_name = "network-workgroup-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = co_packer_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = BRAND,
  .nav_group = N_("Co-manufacturing"),
  .new_label = N_("New Co-packer"),
  .empty_label = N_("No Co-packers Yet"),
  .conditions = co_packer_conditions,
};

/* Contracts --------------------------------------------------------------------------------- */

static const FfEnumValue contract_states[] = {
  { "draft", N_("Draft") },
  { "active", N_("Active") },
  { "expired", N_("Expired") },
  { "terminated", N_("Terminated") },
  { NULL }
};

static const FfField contract_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. CT-2026-007") },
  { "co_packer", N_("Co-packer"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_co_packers },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH, .ref_kind = &ff_kind_skus,
    .hint = N_("Empty when the contract covers all of the co-packer’s SKUs") },
  { "starts_on", N_("Starts"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "ends_on", N_("Ends"), FF_FIELD_DATE, FF_FIELD_LIST },
  { "conversion_cost_minor", N_("Conversion cost per unit"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "cost",
    .hint = N_("Agreed tolling fee per unit, in minor units") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "cost" },
  { "min_volume", N_("Minimum volume"), FF_FIELD_QUANTITY, 0,
    .unit_field = "min_volume_unit", .min = 0, .max = 1e12, .group = "volume",
    .hint = N_("Per contract year") },
  { "min_volume_unit", N_("Volume unit"), FF_FIELD_UNIT, 0, .max_length = 12, .group = "volume" },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = contract_states, .default_value = "draft" },
  { "document", N_("Document"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_documents },
  { NULL }
};

const FfKind ff_kind_contracts = {
  .name = "contracts",
  .table = "contracts",
  .label = N_("Contracts"),
  .label_singular = N_("Contract"),
  .icon_name = "text-x-generic-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = contract_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "starts_on",
  .write_roles = BRAND,
  .nav_group = N_("Co-manufacturing"),
  .new_label = N_("New Contract"),
  .empty_label = N_("No Contracts Yet"),
};

/* Co-packer performance: one month of one co-packer, the scorecard's raw counts. ------------ */

static const FfField performance_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 48,
    .hint = N_("e.g. CPP-CP-DIPMASTERS-2026-03") },
  { "co_packer", N_("Co-packer"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_co_packers },
  { "period_start", N_("Month"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .hint = N_("The first day of the month, e.g. 2026-03-01") },
  { "orders", N_("Orders"), FF_FIELD_INTEGER, FF_FIELD_LIST, .min = 0, .max = 1e9 },
  { "orders_otif", N_("Orders on time in full"), FF_FIELD_INTEGER, FF_FIELD_LIST,
    .min = 0, .max = 1e9 },
  { "units_ordered", N_("Units ordered"), FF_FIELD_INTEGER, 0, .min = 0, .max = 1e12 },
  { "units_delivered", N_("Units delivered"), FF_FIELD_INTEGER, 0, .min = 0, .max = 1e12,
    .hint = N_("With units ordered: the fill rate") },
  { "batches", N_("Batches"), FF_FIELD_INTEGER, 0, .min = 0, .max = 1e9 },
  { "batches_right_first_time", N_("Batches right first time"), FF_FIELD_INTEGER, 0,
    .min = 0, .max = 1e9 },
  { "non_conformances", N_("Non-conformances"), FF_FIELD_INTEGER, FF_FIELD_LIST,
    .min = 0, .max = 1e9 },
  { "complaints", N_("Complaints"), FF_FIELD_INTEGER, 0, .min = 0, .max = 1e9 },
  { "units_produced", N_("Units produced"), FF_FIELD_INTEGER, 0, .min = 0, .max = 1e12 },
  { "conversion_cost_actual_minor", N_("Actual conversion cost per unit"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "cost",
    .hint = N_("In minor units; compared with the contract") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "cost" },
  { "yield_pct", N_("Yield"), FF_FIELD_REAL, FF_FIELD_LIST, .unit = "%", .min = 0, .max = 200,
    .hint = N_("Output against the bill of materials") },
  { NULL }
};

const FfKind ff_kind_copacker_performance = {
  .name = "copacker_performance",
  .table = "copacker_performance",
  .label = N_("Co-packer performance"),
  .label_singular = N_("Co-packer month"),
  .icon_name = "x-office-presentation-symbolic",
  .workspace = FF_WORKSPACE_BRAND,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = performance_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "period_start",
  .write_roles = BRAND,
  .nav_group = N_("Co-manufacturing"),
  .new_label = N_("New Co-packer Month"),
  .empty_label = N_("No Co-packer Performance Yet"),
};
