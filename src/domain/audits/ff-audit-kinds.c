/* ff-audit-kinds.c — descriptions of the audit kinds (FSQ): templates with sections and items,
 * audits, and the responses, photos and signatures recorded during them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define QA FF_ROLE_BIT (FF_ROLE_QA)
#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

/* Audit templates --------------------------------------------------------------------------- */

static const FfEnumValue audit_standards[] = {
  { "brcgs", N_("BRCGS") },
  { "sqf", N_("SQF") },
  { "ifs", N_("IFS") },
  { "fssc22000", N_("FSSC 22000") },
  { "internal", N_("Internal") },
  { "supplier", N_("Supplier") },
  { NULL }
};

static const FfEnumValue template_states[] = {
  { "draft", N_("Draft") },
  { "active", N_("Active") },
  { "retired", N_("Retired") },
  { NULL }
};

static const FfField template_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. TPL-GMP-WEEKLY") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "standard", N_("Standard"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = audit_standards },
  { "version", N_("Version"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST, .max_length = 16 },
  { "pass_threshold_pct", N_("Pass mark"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit = "%", .min = 0, .max = 100,
    .hint = N_("Lowest score that passes; a failed critical item fails the audit regardless") },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = template_states, .default_value = "draft" },
  { "description", N_("Description"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_audit_templates = {
  .name = "audit_templates",
  .table = "audit_templates",
  .label = N_("Audit templates"),
  .label_singular = N_("Audit template"),
  .icon_name = "folder-templates-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = template_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = QA,
  .nav_group = N_("Audits"),
  .new_label = N_("New Audit Template"),
  .empty_label = N_("No Audit Templates Yet"),
};

/* Template sections ------------------------------------------------------------------------- */

static const FfField section_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 40,
    .hint = N_("Unique across templates, e.g. TPL-GMP-WEEKLY-S2") },
  { "template", N_("Template"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audit_templates },
  { "position", N_("Position"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .min = 0, .max = 10000 },
  { "title", N_("Title"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200 },
  { "weight", N_("Weight"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST, .min = 0, .max = 1000,
    .default_value = "1", .hint = N_("How much the section counts towards the score") },
  { NULL }
};

const FfKind ff_kind_audit_template_sections = {
  .name = "audit_template_sections",
  .table = "audit_template_sections",
  .label = N_("Audit template sections"),
  .label_singular = N_("Audit template section"),
  .icon_name = "view-list-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = section_fields,
  .code_field = "code",
  .title_field = "title",
  .default_sort = "code",
  .write_roles = QA,
  .ref_label_field = "code",
  .parent_field = "template",
  .new_label = N_("New Section"),
  .empty_label = N_("No Audit Template Sections Yet"),
};

/* Template items ---------------------------------------------------------------------------- */

static const FfEnumValue response_types[] = {
  { "yes_no_na", N_("Yes / no / not applicable") },
  { "choice", N_("Multiple choice") },
  { "number", N_("Number") },
  { "text", N_("Text") },
  { "date", N_("Date") },
  { "photo", N_("Photo") },
  { "signature", N_("Signature") },
  { NULL }
};

static const FfField item_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 48,
    .hint = N_("Unique across templates, e.g. TPL-GMP-WEEKLY-2.04") },
  { "section", N_("Section"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audit_template_sections },
  { "position", N_("Position"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .min = 0, .max = 10000 },
  { "prompt", N_("Question"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 1000 },
  { "guidance", N_("Guidance"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000,
    .hint = N_("What the auditor looks for") },
  { "response_type", N_("Answer"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = response_types },
  { "choices", N_("Choices"), FF_FIELD_TEXT, 0, .max_length = 1000,
    .hint = N_("For multiple choice: the options separated by |, e.g. good|fair|poor") },
  { "failing_answers", N_("Failing answers"), FF_FIELD_TEXT, 0, .max_length = 1000,
    .hint = N_("Answers that fail the item, separated by |, e.g. no or poor") },
  { "number_min", N_("Lowest passing number"), FF_FIELD_REAL, 0 },
  { "number_max", N_("Highest passing number"), FF_FIELD_REAL, 0 },
  { "weight", N_("Weight"), FF_FIELD_REAL, FF_FIELD_REQUIRED, .min = 0, .max = 1000,
    .default_value = "1" },
  { "critical", N_("Critical"), FF_FIELD_BOOLEAN, FF_FIELD_LIST, .default_value = "0",
    .hint = N_("Failing it fails the whole audit") },
  { "photo_required_on_fail", N_("Photo required on failure"), FF_FIELD_BOOLEAN, 0,
    .default_value = "0" },
  { "comment_required_on_fail", N_("Comment required on failure"), FF_FIELD_BOOLEAN, 0,
    .default_value = "1" },
  { "follow_up_of", N_("Follow-up of"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_audit_template_items,
    .related_label = N_("Follow-up items"),
    .hint = N_("Asked only after this item got the answer below") },
  { "follow_up_when", N_("Asked when the answer is"), FF_FIELD_TEXT, 0, .max_length = 200,
    .hint = N_("e.g. no") },
  { NULL }
};

const FfKind ff_kind_audit_template_items = {
  .name = "audit_template_items",
  .table = "audit_template_items",
  .label = N_("Audit template items"),
  .label_singular = N_("Audit template item"),
  .icon_name = "checkbox-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = item_fields,
  .code_field = "code",
  .title_field = "prompt",
  .default_sort = "code",
  .write_roles = QA,
  .ref_label_field = "code",
  .parent_field = "section",
  .new_label = N_("New Item"),
  .empty_label = N_("No Audit Template Items Yet"),
};

/* Audits ------------------------------------------------------------------------------------ */

static const FfEnumValue audit_states[] = {
  { "planned", N_("Planned") },
  { "in_progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "signed", N_("Signed") },
  { NULL }
};

static const FfEnumValue audit_results[] = {
  { "pass", N_("Pass") },
  { "fail", N_("Fail") },
  { NULL }
};

static const FfField audit_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. AUD-2026-031") },
  { "template", N_("Template"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audit_templates },
  { "supplier", N_("Supplier"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_suppliers, .hint = N_("For supplier and co-packer audits") },
  { "site", N_("Site"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_SEARCH, .max_length = 200,
    .hint = N_("Where the audit takes place, e.g. Plant Eindhoven, packing hall") },
  { "auditor", N_("Auditor"), FF_FIELD_USER,
    FF_FIELD_REQUIRED | FF_FIELD_SEARCH | FF_FIELD_DEFAULT_NOW, .max_length = 120 },
  { "auditee", N_("Auditee"), FF_FIELD_TEXT, 0, .max_length = 120 },
  { "scheduled_on", N_("Scheduled"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "started_at", N_("Started"), FF_FIELD_TIMESTAMP, 0 },
  { "completed_at", N_("Completed"), FF_FIELD_TIMESTAMP, 0 },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = audit_states, .default_value = "planned" },
  { "score_pct", N_("Score"), FF_FIELD_REAL, FF_FIELD_LIST | FF_FIELD_REGULATED, .unit = "%",
    .min = 0, .max = 100, .hint = N_("Earned over possible points of the answered, applicable "
                                      "items") },
  { "result", N_("Result"), FF_FIELD_ENUM, FF_FIELD_LIST | FF_FIELD_REGULATED,
    .enum_values = audit_results },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 8000 },
  { NULL }
};

static const FfKindCondition audit_conditions[] = {
  { "done", N_("Completed or signed"), "t.status IN ('completed', 'signed')" },
  { NULL }
};

const FfKind ff_kind_audits = {
  .name = "audits",
  .table = "audits",
  .label = N_("Audits"),
  .label_singular = N_("Audit"),
  .icon_name = "emblem-documents-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = audit_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "scheduled_on",
  .write_roles = QA,
  .nav_group = N_("Audits"),
  .new_label = N_("New Audit"),
  .empty_label = N_("No Audits Yet"),
  .conditions = audit_conditions,
};

/* Audit responses: one answer to one item, as given. ---------------------------------------- */

static const FfField response_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 80,
    .hint = N_("The audit’s code and the item’s, e.g. AUD-2026-031/2.04") },
  { "audit", N_("Audit"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audits },
  { "item", N_("Item"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audit_template_items },
  { "answer", N_("Answer"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 2000,
    .hint = N_("yes, no or na; a choice; a date; or text") },
  { "numeric_value", N_("Number"), FF_FIELD_REAL, 0 },
  { "is_failure", N_("Failed"), FF_FIELD_BOOLEAN, FF_FIELD_LIST, .default_value = "0" },
  { "comment", N_("Comment"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { "answered_at", N_("Answered"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "answered_by", N_("Answered by"), FF_FIELD_USER,
    FF_FIELD_REQUIRED | FF_FIELD_DEFAULT_NOW, .max_length = 120 },
  { NULL }
};

const FfKind ff_kind_audit_responses = {
  .name = "audit_responses",
  .table = "audit_responses",
  .label = N_("Audit responses"),
  .label_singular = N_("Audit response"),
  .icon_name = "checkbox-checked-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .regulated = TRUE,
  .fields = response_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "answered_at",
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .parent_field = "audit",
  .new_label = N_("New Response"),
  .empty_label = N_("No Audit Responses Yet"),
};

/* Audit photos ------------------------------------------------------------------------------ */

static const FfField photo_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 80,
    .hint = N_("e.g. AUD-2026-031/2.04/P1") },
  { "audit", N_("Audit"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audits },
  { "response", N_("Response"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_audit_responses },
  { "caption", N_("Caption"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 400 },
  { "image", N_("Photo"), FF_FIELD_BLOB, FF_FIELD_REQUIRED },
  { "mime_type", N_("Image type"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 100,
    .default_value = "image/jpeg", .hint = N_("e.g. image/jpeg") },
  { "taken_at", N_("Taken"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "taken_by", N_("Taken by"), FF_FIELD_USER, FF_FIELD_DEFAULT_NOW, .max_length = 120 },
  { NULL }
};

const FfKind ff_kind_audit_photos = {
  .name = "audit_photos",
  .table = "audit_photos",
  .label = N_("Audit photos"),
  .label_singular = N_("Audit photo"),
  .icon_name = "camera-photo-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .fields = photo_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "taken_at",
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .parent_field = "audit",
  .new_label = N_("Add Photo"),
  .empty_label = N_("No Audit Photos Yet"),
};
