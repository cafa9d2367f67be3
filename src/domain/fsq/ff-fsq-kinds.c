/* ff-fsq-kinds.c — descriptions of the FSQ record kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

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
  { "code", N_("Code"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
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
  .write_roles = FF_ROLE_BIT (FF_ROLE_QA),
};
