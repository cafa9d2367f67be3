/* ff-fsq-lot-kinds.c — descriptions of the FSQ traceability kinds: lots, their genealogy,
 * shipments and receipts, with the FSMA 204 key data elements of each event. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"
#include "ff-lot-movements-private.h"
#include "ff-lot-release-private.h"

#define QA FF_ROLE_BIT (FF_ROLE_QA)
#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

static const FfEnumValue reference_doc_types[] = {
  { "bill_of_lading", N_("Bill of lading") },
  { "invoice", N_("Invoice") },
  { "advance_ship_notice", N_("Advance ship notice") },
  { "purchase_order", N_("Purchase order") },
  { "production_order", N_("Production order") },
  { "other", N_("Other") },
  { NULL }
};

/* Lots -------------------------------------------------------------------------------------- */

static const FfEnumValue lot_types[] = {
  { "ingredient", N_("Ingredient") },
  { "wip", N_("Work in progress") },
  { "finished", N_("Finished goods") },
  { NULL }
};

static const FfEnumValue lot_states[] = {
  { "quarantine", N_("Quarantine") },
  { "released", N_("Released") },
  { "hold", N_("On hold") },
  { "rejected", N_("Rejected") },
  { "shipped", N_("Shipped") },
  { NULL }
};

static const FfField lot_fields[] = {
  /* The traceability lot code is never changed once assigned (FSMA 204): records elsewhere
   * (shipments, a customer's receipts, EPCIS events) carry it. */
  { "code", N_("Lot code"), FF_FIELD_TEXT, FF_CODE_FLAGS | FF_FIELD_READONLY, .max_length = 64,
    .hint = N_("The traceability lot code (TLC), as printed on the pack") },
  { "lot_type", N_("Type"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = lot_types },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_REGULATED,
    .enum_values = lot_states, .default_value = "quarantine" },
  { "ingredient", N_("Ingredient"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_ingredients, .hint = N_("For ingredient lots") },
  { "sku", N_("SKU"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH, .ref_kind = &ff_kind_skus,
    .hint = N_("For finished and work-in-progress lots") },
  { "description", N_("Product description"), FF_FIELD_TEXT, FF_FIELD_SEARCH, .max_length = 200,
    .hint = N_("When the ingredient or SKU does not say it all") },
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "produced_or_received_on", N_("Made or received"), FF_FIELD_DATE,
    FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "best_before", N_("Best before"), FF_FIELD_DATE, 0 },
  { "supplier", N_("Supplier"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_suppliers },
  { "line", N_("Line"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_lines },
  { "batch", N_("Batch"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_batches },
  { "location", N_("Location"), FF_FIELD_TEXT, FF_FIELD_SEARCH, .max_length = 120,
    .hint = N_("Where it is stored, e.g. EHV cold store 2") },
  { "tlc_source", N_("Lot code source"), FF_FIELD_TEXT, 0, .max_length = 200,
    .hint = N_("Where the lot code was assigned: a GLN or the place’s name and address") },
  /* Why it is on hold, set by ff_lot_hold() and cleared on release; changes are audited. */
  { "hold_reason", N_("Hold reason"), FF_FIELD_TEXT, FF_FIELD_MULTILINE | FF_FIELD_REGULATED,
    .max_length = 2000 },
  { "held_by", N_("Held by"), FF_FIELD_USER, FF_FIELD_REGULATED, .max_length = 64 },
  { "held_at", N_("Held since"), FF_FIELD_TIMESTAMP, FF_FIELD_REGULATED },
  { NULL }
};

const FfKind ff_kind_lots = {
  .check_write = _ff_lot_check_write,
  .name = "lots",
  .table = "lots",
  .label = N_("Lots"),
  .label_singular = N_("Lot"),
  .icon_name = "package-x-generic-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = lot_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "produced_or_received_on",
  /* Anyone on the floor records a lot and puts one on hold; only QA releases or rejects one
   * (ff-lot-release.c). */
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Traceability"),
  .new_label = N_("New Lot"),
  .empty_label = N_("No Lots Yet"),
};

/* Lot links: one row per input lot of a transformation (the FDA sheet's layout). ------------ */

static const FfField lot_link_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 80,
    .hint = N_("Unique per input, e.g. TE-000123-1") },
  { "event_code", N_("Transformation"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 64, .hint = N_("The event id all inputs of one transformation share") },
  /* Translators: in a lot's detail, the lots it went into */
  { "input_lot", N_("Input lot"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Used to make") },
  /* Translators: in a lot's detail, the lots it was made from */
  { "output_lot", N_("Output lot"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Made from") },
  { "quantity", N_("Quantity used"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "transformed_at", N_("Completed"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "location", N_("Location"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 200,
    .hint = N_("Where the transformation took place: a GLN or name and address") },
  { "location_gln", N_("Location GLN"), FF_FIELD_GLN, 0, .max_length = 13 },
  { "reference_doc_type", N_("Reference document"), FF_FIELD_ENUM, 0,
    .enum_values = reference_doc_types, .group = "reference" },
  { "reference_doc_number", N_("Reference number"), FF_FIELD_TEXT, FF_FIELD_SEARCH,
    .max_length = 64, .group = "reference" },
  { NULL }
};

const FfKind ff_kind_lot_links = {
  .name = "lot_links",
  .table = "lot_links",
  .label = N_("Lot genealogy"),
  .label_singular = N_("Lot link"),
  .icon_name = "insert-link-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = lot_link_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "transformed_at",
  .write_roles = QA,
  .indexed_search = TRUE,
  .nav_group = N_("Traceability"),
  .new_label = N_("New Lot Link"),
  .empty_label = N_("No Genealogy Yet"),
  .after_write = _ff_lot_link_after_write,
};

/* Shipments --------------------------------------------------------------------------------- */

static const FfEnumValue recipient_types[] = {
  { "dc", N_("Distribution centre") },
  { "store", N_("Store") },
  { "customer", N_("Customer") },
  { NULL }
};

static const FfField shipment_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Shipment or delivery number, e.g. SH-2026-018834") },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots },
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "ship_date", N_("Ship date"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "ship_from", N_("Ship from"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 200,
    .hint = N_("GLN or name and address of the place it left") },
  { "ship_to", N_("Ship to"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200, .hint = N_("The next recipient: GLN or name and address") },
  { "ship_from_gln", N_("Ship from GLN"), FF_FIELD_GLN, 0, .max_length = 13 },
  { "ship_to_gln", N_("Ship to GLN"), FF_FIELD_GLN, 0, .max_length = 13 },
  { "ship_to_type", N_("Recipient type"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = recipient_types },
  { "carrier", N_("Carrier"), FF_FIELD_TEXT, 0, .max_length = 120 },
  { "reference_doc_type", N_("Reference document"), FF_FIELD_ENUM, 0,
    .enum_values = reference_doc_types, .group = "reference" },
  { "reference_doc_number", N_("Reference number"), FF_FIELD_TEXT, FF_FIELD_SEARCH,
    .max_length = 64, .group = "reference" },
  { NULL }
};

const FfKind ff_kind_shipments = {
  .name = "shipments",
  .table = "shipments",
  .label = N_("Shipments"),
  .label_singular = N_("Shipment"),
  .icon_name = "mail-send-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = shipment_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "ship_date",
  .write_roles = QA,
  .indexed_search = TRUE,
  .nav_group = N_("Traceability"),
  .new_label = N_("New Shipment"),
  .empty_label = N_("No Shipments Yet"),
  .check_write = _ff_shipment_check_write,
  .after_write = _ff_shipment_after_write,
};

/* Receipts ---------------------------------------------------------------------------------- */

static const FfField receipt_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Goods receipt number, e.g. GR-2026-004211") },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots },
  { "supplier", N_("Supplier"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_suppliers },
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = 0, .max = 1e12, .group = "quantity" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "received_on", N_("Received"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "receiving_location", N_("Receiving location"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .max_length = 200, .hint = N_("GLN or name and address of the place it arrived") },
  { "previous_source", N_("Previous source"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_SEARCH,
    .max_length = 200, .hint = N_("The immediate previous source: GLN or name and address") },
  { "receiving_gln", N_("Receiving GLN"), FF_FIELD_GLN, 0, .max_length = 13 },
  { "previous_source_gln", N_("Previous source GLN"), FF_FIELD_GLN, 0, .max_length = 13 },
  { "reference_doc_type", N_("Reference document"), FF_FIELD_ENUM, 0,
    .enum_values = reference_doc_types, .group = "reference" },
  { "reference_doc_number", N_("Reference number"), FF_FIELD_TEXT, FF_FIELD_SEARCH,
    .max_length = 64, .group = "reference" },
  { NULL }
};

const FfKind ff_kind_receipts = {
  .name = "receipts",
  .table = "receipts",
  .label = N_("Receipts"),
  .label_singular = N_("Receipt"),
  .icon_name = "folder-download-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = receipt_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "received_on",
  .write_roles = QA,
  .indexed_search = TRUE,
  .nav_group = N_("Traceability"),
  .new_label = N_("New Receipt"),
  .empty_label = N_("No Receipts Yet"),
};
