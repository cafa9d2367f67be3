/* ff-fsq-kinds.c — descriptions of the FSQ kinds of suppliers and materials: suppliers, documents,
 * supplier certificates, ingredients and allergens. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define QA FF_ROLE_BIT (FF_ROLE_QA)

static const FfEnumValue supplier_categories[] = {
  { "ingredient", N_("Ingredients") },
  { "packaging", N_("Packaging") },
  { "processing_aid", N_("Processing aids") },
  { "service", N_("Services") },
  { "co_packer", N_("Co-packing") },
  { NULL }
};

static const FfEnumValue approval_states[] = {
  { "approved", N_("Approved") },
  { "conditional", N_("Conditionally approved") },
  { "pending", N_("Pending approval") },
  { "suspended", N_("Suspended") },
  { "disapproved", N_("Disapproved") },
  { NULL }
};

static const FfEnumValue risk_levels[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { NULL }
};

static const FfEnumValue gfsi_schemes[] = {
  { "brcgs", N_("BRCGS") },
  { "sqf", N_("SQF") },
  { "fssc22000", N_("FSSC 22000") },
  { "ifs", N_("IFS") },
  { "primusgfs", N_("PrimusGFS") },
  { "none", N_("None") },
  { NULL }
};

static const FfField supplier_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS,
    .max_length = 32, .hint = N_("Your supplier number, e.g. SUP-0042") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "category", N_("Category"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = supplier_categories },
  { "approval_status", N_("Approval"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = approval_states },
  { "risk_level", N_("Risk"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = risk_levels },
  { "gfsi_scheme", N_("GFSI scheme"), FF_FIELD_ENUM, 0, .enum_values = gfsi_schemes },
  { "country", N_("Country"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 2,
    .hint = N_("ISO 3166 two-letter code, e.g. NL") },
  { "contact_email", N_("Contact e-mail"), FF_FIELD_EMAIL, 0, .max_length = 200 },
  { "gln", N_("GLN"), FF_FIELD_GLN, FF_FIELD_UNIQUE | FF_FIELD_SEARCH, .max_length = 13,
    .hint = N_("The GS1 Global Location Number of the place it ships from") },
  { "next_audit_due", N_("Next audit due"), FF_FIELD_DATE, FF_FIELD_LIST },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_suppliers = {
  .name = "suppliers",
  .table = "suppliers",
  .label = N_("Suppliers"),
  .label_singular = N_("Supplier"),
  .icon_name = "system-users-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .regulated = FALSE,
  .fields = supplier_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = QA,
  .nav_group = N_("Suppliers and materials"),
  .new_label = N_("New Supplier"),
  .empty_label = N_("No Suppliers Yet"),
};

/* Documents --------------------------------------------------------------------------------- */

static const FfEnumValue document_types[] = {
  { "sop", N_("Standard operating procedure") },
  { "spec", N_("Specification") },
  { "certificate", N_("Certificate") },
  { "haccp_plan", N_("HACCP plan") },
  { "contract", N_("Contract") },
  { "policy", N_("Policy") },
  { "other", N_("Other") },
  { NULL }
};

static const FfEnumValue document_states[] = {
  { "draft", N_("Draft") },
  { "effective", N_("Effective") },
  { "superseded", N_("Superseded") },
  { "withdrawn", N_("Withdrawn") },
  { NULL }
};

static const FfField document_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Document number, e.g. SOP-QA-012") },
  { "title", N_("Title"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200 },
  { "doc_type", N_("Type"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = document_types },
  { "version", N_("Version"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST, .max_length = 16,
    .hint = N_("e.g. 3 or 2.1") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED,
    .enum_values = document_states, .default_value = "draft" },
  { "effective_on", N_("Effective from"), FF_FIELD_DATE, FF_FIELD_LIST },
  { "review_due", N_("Review due"), FF_FIELD_DATE, 0 },
  { "owner", N_("Owner"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 120 },
  { "body", N_("Text"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 200000,
    .hint = N_("The document’s text, so that it can be searched and quoted") },
  { "attachment", N_("Attachment"), FF_FIELD_BLOB, 0,
    .hint = N_("The signed or original file, e.g. a PDF") },
  { "attachment_name", N_("File name"), FF_FIELD_TEXT, 0, .max_length = 200 },
  { "attachment_mime", N_("File type"), FF_FIELD_TEXT, 0, .max_length = 100,
    .hint = N_("MIME type, e.g. application/pdf") },
  { NULL }
};

const FfKind ff_kind_documents = {
  .name = "documents",
  .table = "documents",
  .label = N_("Documents"),
  .label_singular = N_("Document"),
  .icon_name = "x-office-document-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = document_fields,
  .code_field = "code",
  .title_field = "title",
  .default_sort = "code",
  /* Specifications and contracts are Brand's documents as much as QA's. */
  .write_roles = QA | FF_ROLE_BIT (FF_ROLE_BRAND),
  .ref_label_field = "code",
  .nav_group = N_("Documents and signatures"),
  .new_label = N_("New Document"),
  .empty_label = N_("No Documents Yet"),
};

/* Supplier certificates --------------------------------------------------------------------- */

static const FfEnumValue certificate_schemes[] = {
  { "brcgs", N_("BRCGS") },
  { "sqf", N_("SQF") },
  { "ifs", N_("IFS") },
  { "fssc22000", N_("FSSC 22000") },
  { "primusgfs", N_("PrimusGFS") },
  { "globalgap", N_("GLOBALG.A.P.") },
  { "iso22000", N_("ISO 22000") },
  { "iso9001", N_("ISO 9001") },
  { "organic", N_("Organic") },
  { "halal", N_("Halal") },
  { "kosher", N_("Kosher") },
  { "other", N_("Other") },
  { NULL }
};

static const FfField certificate_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Your reference, e.g. CERT-SUP0042-BRC-2026") },
  { "supplier", N_("Supplier"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_suppliers },
  { "scheme", N_("Scheme"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = certificate_schemes },
  { "certificate_number", N_("Certificate number"), FF_FIELD_TEXT,
    FF_FIELD_REQUIRED | FF_FIELD_SEARCH, .max_length = 64 },
  { "certification_body", N_("Certification body"), FF_FIELD_TEXT, FF_FIELD_SEARCH,
    .max_length = 120 },
  { "grade", N_("Grade"), FF_FIELD_TEXT, FF_FIELD_LIST, .max_length = 16,
    .hint = N_("As on the certificate, e.g. AA, A, Higher level") },
  { "scope", N_("Scope"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 2000 },
  { "issued_on", N_("Issued"), FF_FIELD_DATE, 0 },
  { "expires_on", N_("Expires"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "document", N_("Document"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_documents,
    .hint = N_("The scanned certificate") },
  { NULL }
};

const FfKind ff_kind_supplier_certificates = {
  .name = "supplier_certificates",
  .table = "supplier_certificates",
  .label = N_("Supplier certificates"),
  .label_singular = N_("Supplier certificate"),
  .icon_name = "application-certificate-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = certificate_fields,
  .code_field = "code",
  .title_field = "certificate_number",
  .default_sort = "expires_on",
  .write_roles = QA,
  .nav_group = N_("Suppliers and materials"),
  .new_label = N_("New Supplier Certificate"),
  .empty_label = N_("No Supplier Certificates Yet"),
};

/* Ingredients ------------------------------------------------------------------------------- */

static const FfEnumValue storage_conditions[] = {
  { "ambient", N_("Ambient") },
  { "chilled", N_("Chilled") },
  { "frozen", N_("Frozen") },
  { NULL }
};

static const FfField ingredient_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Material number, e.g. RM-1004") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "supplier", N_("Main supplier"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_suppliers },
  { "unit", N_("Unit of measure"), FF_FIELD_UNIT, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .max_length = 12, .hint = N_("The unit lots are counted in, e.g. kg") },
  { "storage", N_("Storage"), FF_FIELD_ENUM, FF_FIELD_LIST, .enum_values = storage_conditions },
  { "shelf_life_days", N_("Shelf life"), FF_FIELD_INTEGER, FF_FIELD_LIST, .unit = N_("days"),
    .min = 0, .max = 3650 },
  { "country_of_origin", N_("Country of origin"), FF_FIELD_TEXT, 0, .max_length = 2,
    .hint = N_("ISO 3166 two-letter code, e.g. MX") },
  { "on_traceability_list", N_("On the Food Traceability List"), FF_FIELD_BOOLEAN, 0,
    .default_value = "0",
    .hint = N_("FDA FSMA 204: lots of it need full key data elements at every event") },
  { "specification", N_("Specification"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 8000,
    .hint = N_("Limits and requirements, e.g. moisture ≤ 14 %") },
  { "gtin", N_("GTIN"), FF_FIELD_GTIN, FF_FIELD_UNIQUE | FF_FIELD_SEARCH, .max_length = 14,
    .hint = N_("The supplier’s GS1 trade item number, when its packs carry one") },
  { NULL }
};

const FfKind ff_kind_ingredients = {
  .name = "ingredients",
  .table = "ingredients",
  .label = N_("Ingredients"),
  .label_singular = N_("Ingredient"),
  .icon_name = "emoji-food-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = ingredient_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = QA,
  .nav_group = N_("Suppliers and materials"),
  .new_label = N_("New Ingredient"),
  .empty_label = N_("No Ingredients Yet"),
};

/* Allergens --------------------------------------------------------------------------------- */

static const FfEnumValue allergen_regulations[] = {
  { "eu14_us9", N_("EU 14 and US 9") },
  { "eu14", N_("EU 14 (Regulation 1169/2011)") },
  { "us9", N_("US major 9 (FALCPA, FASTER Act)") },
  { "other", N_("Other") },
  { NULL }
};

static const FfField allergen_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. GLUTEN, SESAME") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "regulation", N_("Regulation"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = allergen_regulations },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 2000 },
  { NULL }
};

const FfKind ff_kind_allergens = {
  .name = "allergens",
  .table = "allergens",
  .label = N_("Allergens"),
  .label_singular = N_("Allergen"),
  .icon_name = "emblem-important-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = allergen_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = QA,
  .nav_group = N_("Suppliers and materials"),
  .new_label = N_("New Allergen"),
  .empty_label = N_("No Allergens Yet"),
};

/* Ingredient allergens ---------------------------------------------------------------------- */

static const FfEnumValue allergen_presence[] = {
  { "contains", N_("Contains") },
  { "may_contain", N_("May contain") },
  { "free_from", N_("Free from") },
  { NULL }
};

static const FfField ingredient_allergen_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 64,
    .hint = N_("Unique reference, e.g. RM-1004-GLUTEN") },
  { "ingredient", N_("Ingredient"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_ingredients },
  { "allergen", N_("Allergen"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_allergens },
  { "presence", N_("Presence"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = allergen_presence },
  { "source", N_("Source"), FF_FIELD_TEXT, 0, .max_length = 400,
    .hint = N_("Why, e.g. shared line at the supplier; supplier declaration of 2026-01") },
  { NULL }
};

const FfKind ff_kind_ingredient_allergens = {
  .name = "ingredient_allergens",
  .table = "ingredient_allergens",
  .label = N_("Ingredient allergens"),
  .label_singular = N_("Ingredient allergen"),
  .icon_name = "view-list-bullet-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = ingredient_allergen_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "code",
  .write_roles = QA,
  .parent_field = "ingredient",
  .new_label = N_("Add Allergen"),
  .empty_label = N_("No Ingredient Allergens Yet"),
};
