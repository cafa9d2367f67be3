/* ff-haccp-kinds.c — descriptions of the FSQ kinds of HACCP and its follow-up: HACCP plans,
 * critical control points, their monitoring readings, deviations and CAPAs. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define QA FF_ROLE_BIT (FF_ROLE_QA)
#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

/* HACCP plans ------------------------------------------------------------------------------- */

static const FfEnumValue plan_states[] = {
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { "superseded", N_("Superseded") },
  { NULL }
};

static const FfField haccp_plan_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. HP-CHIPS") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 160 },
  { "product_scope", N_("Products and process"), FF_FIELD_TEXT,
    FF_FIELD_REQUIRED | FF_FIELD_MULTILINE | FF_FIELD_SEARCH, .max_length = 4000,
    .hint = N_("What the plan covers, e.g. fried tortilla chips, lines L1-L2, from intake to "
               "dispatch") },
  { "version", N_("Version"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST, .max_length = 16 },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_REGULATED,
    .enum_values = plan_states, .default_value = "draft" },
  { "approved_on", N_("Approved"), FF_FIELD_DATE, FF_FIELD_LIST | FF_FIELD_REGULATED },
  { "approved_by", N_("Approved by"), FF_FIELD_USER, FF_FIELD_REGULATED, .max_length = 120 },
  { "review_due", N_("Review due"), FF_FIELD_DATE, 0,
    .hint = N_("At least yearly, and whenever product or process change") },
  { "document", N_("Document"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_documents },
  { NULL }
};

const FfKind ff_kind_haccp_plans = {
  .name = "haccp_plans",
  .table = "haccp_plans",
  .label = N_("HACCP plans"),
  .label_singular = N_("HACCP plan"),
  .icon_name = "security-high-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = haccp_plan_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = QA,
  .nav_group = N_("HACCP"),
  .new_label = N_("New HACCP Plan"),
  .empty_label = N_("No HACCP Plans Yet"),
};

/* Critical control points ------------------------------------------------------------------- */

static const FfEnumValue hazard_types[] = {
  { "biological", N_("Biological") },
  { "chemical", N_("Chemical") },
  { "physical", N_("Physical") },
  { "allergen", N_("Allergen") },
  { NULL }
};

static const FfField ccp_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Unique across plans, e.g. HP-CHIPS-CCP2") },
  { "haccp_plan", N_("HACCP plan"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_haccp_plans },
  { "process_step", N_("Process step"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120, .hint = N_("e.g. Frying, Metal detection") },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_lines },
  { "hazard", N_("Hazard"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 400 },
  { "hazard_type", N_("Hazard type"), FF_FIELD_ENUM, 0, .enum_values = hazard_types },
  { "control_measure", N_("Control measure"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_MULTILINE,
    .max_length = 2000 },
  { "limit_min", N_("Critical limit, minimum"), FF_FIELD_QUANTITY, FF_FIELD_LIST | FF_FIELD_REGULATED,
    .unit_field = "limit_unit", .group = "limits" },
  { "limit_max", N_("Critical limit, maximum"), FF_FIELD_QUANTITY, FF_FIELD_LIST | FF_FIELD_REGULATED,
    .unit_field = "limit_unit", .group = "limits" },
  { "limit_unit", N_("Limit unit"), FF_FIELD_UNIT, FF_FIELD_REGULATED, .max_length = 12,
    .group = "limits", .hint = N_("e.g. °C, min, pH; 1/0 for pass/fail checks") },
  { "monitoring_what", N_("What is monitored"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 400,
    .hint = N_("e.g. core temperature of the thickest piece") },
  { "monitoring_how", N_("How"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 400,
    .hint = N_("e.g. calibrated probe thermometer") },
  { "frequency_minutes", N_("Every"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED, .unit = "min",
    .min = 1, .max = 43200, .hint = N_("Minutes between checks; a reading is due this often") },
  { "responsible_role", N_("Monitored by"), FF_FIELD_TEXT, FF_FIELD_REQUIRED, .max_length = 120,
    .hint = N_("The job that takes the readings, e.g. line operator") },
  { "corrective_action", N_("Corrective action"), FF_FIELD_TEXT,
    FF_FIELD_REQUIRED | FF_FIELD_MULTILINE, .max_length = 4000,
    .hint = N_("What happens when a limit is missed: cause, control back, product held and "
               "its disposition") },
  { "verification_activity", N_("Verification"), FF_FIELD_TEXT, FF_FIELD_MULTILINE,
    .max_length = 2000, .hint = N_("e.g. QA reviews the records; probe calibration") },
  { "verification_frequency", N_("Verified"), FF_FIELD_TEXT, 0, .max_length = 120,
    .hint = N_("e.g. daily; monthly calibration") },
  { NULL }
};

const FfKind ff_kind_ccps = {
  .name = "ccps",
  .table = "ccps",
  .label = N_("Critical control points"),
  .label_singular = N_("Critical control point"),
  .icon_name = "security-medium-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = ccp_fields,
  .code_field = "code",
  .title_field = "process_step",
  .default_sort = "code",
  .write_roles = QA,
  .ref_label_field = "code",
  .nav_group = N_("HACCP"),
  .new_label = N_("New Critical Control Point"),
  .empty_label = N_("No Critical Control Points Yet"),
  .ref_shows_title = TRUE,
};

/* CCP readings: monitoring records, entered when observed and never changed. ---------------- */

static const FfField ccp_reading_fields[] = {
  { "ccp", N_("CCP"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_ccps },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH, .ref_kind = &ff_kind_lots },
  { "value", N_("Value"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .group = "value" },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "value" },
  { "observed_at", N_("Observed"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "instrument_id", N_("Instrument"), FF_FIELD_TEXT, FF_FIELD_SEARCH, .max_length = 40 },
  { "instrument_calibrated", N_("Instrument calibrated"), FF_FIELD_BOOLEAN, 0 },
  { "observed_by", N_("Observed by"), FF_FIELD_USER,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH | FF_FIELD_DEFAULT_NOW,
    .max_length = 64, .hint = N_("The user who took the reading") },
  { "note", N_("Note"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 2000 },
  { NULL }
};

static const char *const ccp_readings_natural_key[] = { "ccp", "observed_at", NULL };

static const char *const ccp_reading_title[] = { "ccp", "observed_at", NULL };

/* Beyond the CCP's critical limits: a deviation by definition (DOMAIN.md, HACCP). */
static const FfKindCondition ccp_reading_conditions[] = {
  { "out-of-limit", N_("Out of limit"),
    "EXISTS (SELECT 1 FROM ccps c WHERE c.id = t.ccp AND ((c.limit_min IS NOT NULL "
    "AND t.value < c.limit_min) OR (c.limit_max IS NOT NULL AND t.value > c.limit_max)))" },
  { NULL }
};

const FfKind ff_kind_ccp_readings = {
  .name = "ccp_readings",
  .table = "ccp_readings",
  .label = N_("CCP readings"),
  .label_singular = N_("CCP reading"),
  .icon_name = "emblem-ok-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .regulated = TRUE,
  .fields = ccp_reading_fields,
  .code_field = NULL,
  .title_field = "observed_at",
  .default_sort = "observed_at",
  .write_roles = OPERATOR | QA,
  .natural_key = ccp_readings_natural_key,
  .duplicate_message = N_("This CCP already has a reading at this time"),
  .indexed_search = TRUE,
  .nav_group = N_("HACCP"),
  .new_label = N_("New CCP Reading"),
  .empty_label = N_("No CCP Readings Yet"),
  .title_fields = ccp_reading_title,
  .conditions = ccp_reading_conditions,
};

/* Deviations -------------------------------------------------------------------------------- */

static const FfEnumValue severities[] = {
  { "minor", N_("Minor") },
  { "major", N_("Major") },
  { "critical", N_("Critical") },
  { NULL }
};

static const FfEnumValue deviation_categories[] = {
  { "ccp_limit", N_("Critical limit missed") },
  { "foreign_body", N_("Foreign body") },
  { "allergen", N_("Allergen") },
  { "temperature", N_("Temperature") },
  { "hygiene", N_("Hygiene") },
  { "labelling", N_("Labelling") },
  { "supplier", N_("Supplier") },
  { "process", N_("Process") },
  { "other", N_("Other") },
  { NULL }
};

static const FfEnumValue dispositions[] = {
  { "hold", N_("On hold") },
  { "release", N_("Released") },
  { "rework", N_("Reworked") },
  { "destroy", N_("Destroyed") },
  { "return", N_("Returned to supplier") },
  { "not_applicable", N_("No product affected") },
  { NULL }
};

static const FfEnumValue deviation_states[] = {
  { "open", N_("Open") },
  { "investigating", N_("Investigating") },
  { "closed", N_("Closed") },
  { NULL }
};

static const FfField deviation_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. DEV-2026-0117") },
  { "raised_at", N_("Raised"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "raised_by", N_("Raised by"), FF_FIELD_USER, FF_FIELD_DEFAULT_NOW, .max_length = 120 },
  { "severity", N_("Severity"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = severities },
  { "category", N_("Category"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = deviation_categories },
  { "description", N_("Description"), FF_FIELD_TEXT,
    FF_FIELD_REQUIRED | FF_FIELD_MULTILINE | FF_FIELD_SEARCH, .max_length = 8000 },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH, .ref_kind = &ff_kind_lots },
  { "ccp", N_("CCP"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_ccps },
  { "supplier", N_("Supplier"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_suppliers },
  { "line", N_("Line"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_lines },
  { "immediate_action", N_("Immediate action"), FF_FIELD_TEXT, FF_FIELD_MULTILINE,
    .max_length = 4000 },
  { "disposition", N_("Product disposition"), FF_FIELD_ENUM, FF_FIELD_REGULATED,
    .enum_values = dispositions, .write_roles = QA },
  /* Anyone on the floor raises a deviation; QA closes it. */
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_REGULATED,
    .enum_values = deviation_states, .write_roles = QA, .default_value = "open" },
  { "closed_on", N_("Closed"), FF_FIELD_DATE, 0, .write_roles = QA },
  { NULL }
};

static const FfKindCondition deviation_conditions[] = {
  { "open", N_("Not closed"), "t.status <> 'closed'" },
  { NULL }
};

const FfKind ff_kind_deviations = {
  .name = "deviations",
  .table = "deviations",
  .label = N_("Deviations"),
  .label_singular = N_("Deviation"),
  .icon_name = "dialog-error-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = deviation_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "raised_at",
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Deviations and CAPAs"),
  .new_label = N_("New Deviation"),
  .empty_label = N_("No Deviations Yet"),
  .conditions = deviation_conditions,
};

/* CAPAs ------------------------------------------------------------------------------------- */

static const FfEnumValue capa_sources[] = {
  { "deviation", N_("Deviation") },
  { "audit", N_("Audit finding") },
  { "complaint", N_("Complaint") },
  { "other", N_("Other") },
  { NULL }
};

static const FfEnumValue capa_states[] = {
  { "open", N_("Open") },
  { "in_progress", N_("In progress") },
  { "verification", N_("Verifying effectiveness") },
  { "closed", N_("Closed") },
  { NULL }
};

static const FfField capa_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("e.g. CAPA-2026-0042") },
  { "title", N_("Title"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 200 },
  { "source", N_("Source"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = capa_sources },
  { "deviation", N_("Deviation"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_deviations },
  { "audit", N_("Audit"), FF_FIELD_REF, FF_FIELD_SEARCH, .ref_kind = &ff_kind_audits },
  { "owner", N_("Owner"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "due_on", N_("Due"), FF_FIELD_DATE, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  /* An operator may open a CAPA; only QA moves it on and closes it. */
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_REGULATED,
    .enum_values = capa_states, .write_roles = QA, .default_value = "open" },
  { "root_cause", N_("Root cause"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 8000 },
  { "corrective_action", N_("Corrective action"), FF_FIELD_TEXT, FF_FIELD_MULTILINE,
    .max_length = 8000 },
  { "preventive_action", N_("Preventive action"), FF_FIELD_TEXT, FF_FIELD_MULTILINE,
    .max_length = 8000 },
  { "closed_on", N_("Closed"), FF_FIELD_DATE, 0, .write_roles = QA },
  { NULL }
};

static const FfKindCondition capa_conditions[] = {
  { "open", N_("Not closed"), "t.status <> 'closed'" },
  { NULL }
};

const FfKind ff_kind_capas = {
  .name = "capas",
  .table = "capas",
  .label = N_("CAPAs"),
  .label_singular = N_("CAPA"),
  .icon_name = "task-due-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = capa_fields,
  .code_field = "code",
  .title_field = "title",
  .default_sort = "due_on",
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Deviations and CAPAs"),
  .new_label = N_("New CAPA"),
  .empty_label = N_("No CAPAs Yet"),
  .conditions = capa_conditions,
};
