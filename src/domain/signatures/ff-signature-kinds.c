/* ff-signature-kinds.c — the description of e-signatures: one kind for what lot release, CCP
 * review and audits sign (DOMAIN.md, E-signatures). Made by ff-signatures.c, never typed in.
 * What it signs: an audit or a lot (the CCP review of a period comes with its engine). */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"
#include "ff-signatures-private.h"

static const FfEnumValue signature_meanings[] = {
  { "performed", N_("Performed by") },
  { "reviewed", N_("Reviewed by") },
  { "approved", N_("Approved by") },
  { "released", N_("Released by") },
  { "auditor", N_("Auditor") },
  { "auditee", N_("Auditee") },
  { NULL }
};

static const FfField signature_fields[] = {
  { "code", N_("Signature"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 80,
    .hint = N_("e.g. SIG-20261202-0193A4F2") },
  { "audit", N_("Audit"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audits, .related_label = N_("Signatures") },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Signatures") },
  { "meaning", N_("Meaning"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = signature_meanings },
  { "signer", N_("User"), FF_FIELD_USER, FF_FIELD_SEARCH, .max_length = 64,
    .hint = N_("The FoodFlow user who signed; empty for an external signer") },
  { "signer_name", N_("Signed by"), FF_FIELD_TEXT,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 120 },
  { "external", N_("External signer"), FF_FIELD_BOOLEAN, 0,
    .hint = N_("Not a user of this tenant (an auditee from a supplier): signed by name and "
               "drawing") },
  { "signed_at", N_("Signed"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "reason", N_("Reason"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 2000 },
  { "content_hash", N_("Content hash"), FF_FIELD_TEXT, FF_FIELD_READONLY, .max_length = 64,
    .hint = N_("SHA-256 of the signed record as it was signed") },
  { "signature_image", N_("Drawn signature"), FF_FIELD_BLOB, 0 },
  { NULL }
};

static const char *const signature_title[] = { "meaning", "signer_name", NULL };

const FfKind ff_kind_signatures = {
  .name = "signatures",
  .table = "signatures",
  .label = N_("Signatures"),
  .label_singular = N_("Signature"),
  .icon_name = "document-edit-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .regulated = TRUE,
  .fields = signature_fields,
  .code_field = "code",
  .title_field = "signer_name",
  .title_fields = signature_title,
  .default_sort = "signed_at",
  .write_roles = FF_ROLE_BIT (FF_ROLE_QA),
  .nav_group = N_("Documents and signatures"),
  .made_by_engine = TRUE,
  .empty_label = N_("No Signatures Yet"),
  .check_write = _ff_signature_check_write,
};
