/* ff-retail-kinds.c — descriptions of the Retail record kinds: banners, stores, categories,
 * point-of-sale data, waste, on-shelf availability alerts and promotions. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define RETAIL FF_ROLE_BIT (FF_ROLE_RETAIL)

/* Banners ----------------------------------------------------------------------------------- */

static const FfField banner_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. BN-FRESHMART") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 80 },
  { "retailer", N_("Retailer"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 120,
    .hint = N_("The company that runs the banner") },
  { "country", N_("Country"), FF_FIELD_TEXT, FF_FIELD_LIST, .max_length = 2,
    .hint = N_("ISO 3166 two-letter code, e.g. NL") },
  { NULL }
};

const FfKind ff_kind_banners = {
  .name = "banners",
  .table = "banners",
  .label = N_("Banners"),
  .label_singular = N_("Banner"),
  .icon_name = "emoji-flags-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = banner_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "name",
  .write_roles = RETAIL,
  .nav_group = N_("Retail network"),
  .new_label = N_("New Banner"),
  .empty_label = N_("No Banners Yet"),
};

/* Stores ------------------------------------------------------------------------------------ */

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
  { "number", N_("Store number"), FF_FIELD_TEXT, FF_CODE_FLAGS,
    .max_length = 16 },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "banner", N_("Banner"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_banners },
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
  { "gln", N_("GLN"), FF_FIELD_GLN, FF_FIELD_UNIQUE, .max_length = 13,
    .hint = N_("The GS1 Global Location Number deliveries are addressed to") },
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
  .write_roles = RETAIL,
  .nav_group = N_("Retail network"),
  .new_label = N_("New Store"),
  .empty_label = N_("No Stores Yet"),
};

/* Categories: the retailer's category tree. ------------------------------------------------- */

static const FfField category_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. SNACKS-CHIPS") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "parent", N_("Parent category"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_categories, .hint = N_("Empty for a top-level category"),
    .related_label = N_("Subcategories") },
  { NULL }
};

const FfKind ff_kind_categories = {
  .name = "categories",
  .table = "categories",
  .label = N_("Categories"),
  .label_singular = N_("Category"),
  .icon_name = "folder-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = category_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = RETAIL,
  .nav_group = N_("Retail network"),
  .new_label = N_("New Category"),
  .empty_label = N_("No Categories Yet"),
};

/* POS sales: one store, one SKU, one day, as the retailer reports it. ------------------------ */

static const FfField pos_sale_fields[] = {
  { "store", N_("Store"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_stores },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "sale_date", N_("Date"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "units", N_("Units"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST, .min = -1e9, .max = 1e9,
    .hint = N_("Net of returns") },
  { "net_sales_minor", N_("Net sales"), FF_FIELD_MONEY, FF_FIELD_LIST,
    .unit_field = "currency", .min = -1e15, .max = 1e15, .group = "sales",
    .hint = N_("In minor units, after discounts and without VAT") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "sales" },
  { "on_promo", N_("On promotion"), FF_FIELD_BOOLEAN, FF_FIELD_LIST, .default_value = "0" },
  { "on_hand_units", N_("Store stock"), FF_FIELD_REAL, 0, .min = -1e9, .max = 1e9,
    .hint = N_("Book stock at close, when the retailer shares it") },
  { NULL }
};

static const char *const pos_sales_natural_key[] = { "store", "sku", "sale_date", NULL };

static const char *const pos_sale_title[] = { "store", "sku", "sale_date", NULL };

const FfKind ff_kind_pos_sales = {
  .name = "pos_sales",
  .table = "pos_sales",
  .label = N_("POS sales"),
  .label_singular = N_("POS sale"),
  .icon_name = "input-dialpad-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .fields = pos_sale_fields,
  .code_field = NULL,
  .title_field = "sale_date",
  .default_sort = "sale_date",
  .write_roles = RETAIL,
  .natural_key = pos_sales_natural_key,
  .duplicate_message = N_("A sale of this SKU in this store on this day is already recorded"),
  .nav_group = N_("Sales"),
  .new_label = N_("New POS Sale"),
  .empty_label = N_("No POS Sales Yet"),
  .title_fields = pos_sale_title,
};

/* Waste ------------------------------------------------------------------------------------- */

static const FfEnumValue waste_reasons[] = {
  { "expired", N_("Expired") },
  { "damaged", N_("Damaged") },
  { "recall", N_("Recall") },
  { "quality", N_("Quality") },
  { "other", N_("Other") },
  { NULL }
};

static const FfField waste_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 48,
    .hint = N_("e.g. W-0412-2026-03-31-SKU-10010") },
  { "store", N_("Store"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_stores },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "recorded_on", N_("Date"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "units", N_("Units"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST, .min = 0, .max = 1e9 },
  { "reason", N_("Reason"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = waste_reasons },
  { "cost_minor", N_("Cost"), FF_FIELD_MONEY, FF_FIELD_LIST,
    .unit_field = "currency", .min = 0, .max = 1e15, .group = "cost",
    .hint = N_("At cost price, in minor units") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "cost" },
  { NULL }
};

const FfKind ff_kind_waste = {
  .name = "waste",
  .table = "waste",
  .label = N_("Waste"),
  .label_singular = N_("Waste record"),
  .icon_name = "user-trash-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = waste_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "recorded_on",
  .write_roles = RETAIL,
  .indexed_search = TRUE,
  .nav_group = N_("On the shelf"),
  .new_label = N_("New Waste Record"),
  .empty_label = N_("No Waste Recorded Yet"),
};

/* On-shelf availability alerts -------------------------------------------------------------- */

static const FfEnumValue osa_states[] = {
  { "open", N_("Open") },
  { "confirmed", N_("Confirmed") },
  { "resolved", N_("Resolved") },
  { "dismissed", N_("Dismissed") },
  { NULL }
};

static const FfField osa_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 48,
    .hint = N_("e.g. OSA-0412-SKU-10010-2026-03-31") },
  { "store", N_("Store"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_stores },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "detected_on", N_("Detected"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "zero_run_days", N_("Days without sales"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .min = 1, .max = 365 },
  { "expected_units", N_("Expected units"), FF_FIELD_REAL, 0, .min = 0, .max = 1e9,
    .hint = N_("Sales expected over the run of zero days") },
  { "probability", N_("Probability"), FF_FIELD_REAL, 0, .min = 0, .max = 1,
    .hint = N_("Chance of so many zero days if the product were on the shelf") },
  { "est_lost_sales_minor", N_("Estimated lost sales"), FF_FIELD_MONEY, FF_FIELD_LIST,
    .unit_field = "currency", .min = 0, .max = 1e15, .group = "lost_sales" },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "lost_sales" },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = osa_states, .default_value = "open" },
  { NULL }
};

const FfKind ff_kind_osa_alerts = {
  .name = "osa_alerts",
  .table = "osa_alerts",
  .label = N_("Shelf alerts"),
  .label_singular = N_("Shelf alert"),
  .icon_name = "view-conceal-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = osa_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "detected_on",
  .write_roles = RETAIL,
  .indexed_search = TRUE,
  .nav_group = N_("On the shelf"),
  .new_label = N_("New Shelf Alert"),
  .empty_label = N_("No Shelf Alerts Yet"),
};

/* Promotions -------------------------------------------------------------------------------- */

static const FfEnumValue mechanics[] = {
  { "price_cut", N_("Price cut") },
  { "multibuy", N_("Multibuy") },
  { "display", N_("Display") },
  { "feature", N_("Feature") },
  { NULL }
};

static const FfEnumValue promotion_states[] = {
  { "planned", N_("Planned") },
  { "approved", N_("Approved") },
  { "running", N_("Running") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

static const FfField promotion_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. PROMO-2026-021") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "banner", N_("Banner"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_banners },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_skus },
  { "starts_on", N_("Starts"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "ends_on", N_("Ends"), FF_FIELD_DATE, FF_FIELD_REQUIRED },
  { "mechanic", N_("Mechanic"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = mechanics },
  { "discount_pct", N_("Discount"), FF_FIELD_REAL, 0, .unit = "%", .min = 0, .max = 100 },
  { "trade_spend_minor", N_("Trade spend"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e15, .group = "spend",
    .hint = N_("What the promotion costs you, in minor units") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "spend" },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = promotion_states, .default_value = "planned" },
  { NULL }
};

/* Running on a day (the argument, YYYY-MM-DD). */
static const FfKindCondition promotion_conditions[] = {
  { "running", N_("Running"), "t.starts_on <= {arg} AND t.ends_on >= {arg}" },
  { NULL }
};

const FfKind ff_kind_promotions = {
  .name = "promotions",
  .table = "promotions",
  .label = N_("Promotions"),
  .label_singular = N_("Promotion"),
  .icon_name = "starred-symbolic",
  .workspace = FF_WORKSPACE_RETAIL,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = promotion_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "starts_on",
  .write_roles = RETAIL,
  .nav_group = N_("Sales"),
  .new_label = N_("New Promotion"),
  .empty_label = N_("No Promotions Yet"),
  .conditions = promotion_conditions,
};
