/* ff-lot-movement-kinds.c — descriptions of what happens to a lot's quantity (lot movements)
 * and of the mock recalls a plant runs (recall exercises). */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"
#include "ff-lot-movements-private.h"

#define QA FF_ROLE_BIT (FF_ROLE_QA)
#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

/* Lot movements ----------------------------------------------------------------------------- */

static const FfEnumValue movement_types[] = {
  /* Translators: a lot movement: used as an input of a transformation */
  { "consumed", N_("Used in production") },
  { "shipped", N_("Shipped") },
  { "scrapped", N_("Scrapped") },
  { "sampled", N_("Sampled") },
  /* Translators: a lot movement: a correction of its quantity, found or lost */
  { "adjusted", N_("Adjusted") },
  /* Translators: a lot movement: the quantity found on hand at a stock count */
  { "counted", N_("Counted in stock") },
  { NULL }
};

static const FfField lot_movement_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 90,
    .hint = N_("e.g. MV-2026-000123; a use or a shipment names its own") },
  { "lot", N_("Lot"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Movements") },
  { "movement", N_("Movement"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = movement_types },
  /* An adjustment is signed (+ found, − lost); a count is what was on hand. */
  { "quantity", N_("Quantity"), FF_FIELD_QUANTITY, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit_field = "unit", .min = -1e12, .max = 1e12, .group = "quantity",
    .hint = N_("An adjustment is negative for a loss; a count is what was on hand") },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "quantity" },
  { "moved_at", N_("When"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "lot_link", N_("Genealogy link"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_lot_links,
    .hint = N_("For a use: the transformation it went into") },
  { "shipment", N_("Shipment"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_shipments },
  { "batch", N_("Batch"), FF_FIELD_REF, 0, .ref_kind = &ff_kind_batches,
    .hint = N_("The batch it was scrapped or sampled from") },
  { "reason", N_("Reason"), FF_FIELD_TEXT, FF_FIELD_SEARCH | FF_FIELD_MULTILINE,
    .max_length = 400, .hint = N_("Why it was scrapped, sampled or adjusted") },
  { "recorded_by", N_("Recorded by"), FF_FIELD_USER, FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW,
    .max_length = 64 },
  { NULL }
};

const FfKind ff_kind_lot_movements = {
  .name = "lot_movements",
  .table = "lot_movements",
  .label = N_("Lot movements"),
  .label_singular = N_("Lot movement"),
  .icon_name = "view-list-bullet-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = lot_movement_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "moved_at",
  .write_roles = QA | OPERATOR,
  .indexed_search = TRUE,
  .nav_group = N_("Traceability"),
  .new_label = N_("New Lot Movement"),
  .empty_label = N_("No Lot Movements Yet"),
  .check_write = _ff_lot_movement_check_write,
};

/* Recall exercises -------------------------------------------------------------------------- */

static const FfField recall_exercise_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32 },
  /* Translators: a mock recall: the raw-material lot traced forward */
  { "forward_lot", N_("Traced forward"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Mock recalls forward") },
  /* Translators: a mock recall: the finished lot traced backward */
  { "backward_lot", N_("Traced backward"), FF_FIELD_REF, FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lots, .related_label = N_("Mock recalls backward") },
  { "started_at", N_("Started"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED | FF_FIELD_LIST },
  { "finished_at", N_("Finished"), FF_FIELD_TIMESTAMP, FF_FIELD_REQUIRED },
  { "duration_ms", N_("Duration"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .unit = "ms", .min = 0, .max = 1e9 },
  { "lots_reached", N_("Lots reached"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED,
    .min = 0, .max = 1e9 },
  { "customers", N_("Customers"), FF_FIELD_INTEGER, FF_FIELD_REQUIRED,
    .min = 0, .max = 1e9 },
  { "accounted_pct", N_("Accounted for"), FF_FIELD_REAL, FF_FIELD_LIST, .unit = "%",
    .min = 0, .max = 1e6 },
  { "run_by", N_("Run by"), FF_FIELD_USER, FF_FIELD_REQUIRED | FF_FIELD_LIST, .max_length = 64 },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  /* The whole result as the engine gave it (JSON), for the recall report. */
  { "result", N_("Result"), FF_FIELD_BLOB, 0 },
  { NULL }
};

const FfKind ff_kind_recall_exercises = {
  .name = "recall_exercises",
  .table = "recall_exercises",
  .label = N_("Mock recalls"),
  .label_singular = N_("Mock recall"),
  .icon_name = "edit-undo-symbolic",
  .workspace = FF_WORKSPACE_FSQ,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .fields = recall_exercise_fields,
  .code_field = "code",
  .title_field = "code",
  .default_sort = "started_at",
  .write_roles = QA,
  .nav_group = N_("Traceability"),
  .made_by_engine = TRUE,
  .empty_label = N_("No Mock Recalls Yet"),
};
