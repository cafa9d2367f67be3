/* ff-plant-ops-kinds.c — descriptions of the PlantOps record kinds. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

static const FfEnumValue line_status[] = {
  { "running", N_("Running") },
  { "idle", N_("Idle") },
  { "changeover", N_("Changeover") },
  { "down", N_("Down") },
  { "maintenance", N_("Planned maintenance") },
  { NULL }
};

static const FfEnumValue line_types[] = {
  { "processing", N_("Processing") },
  { "filling", N_("Filling") },
  { "packing", N_("Packing") },
  { "baking", N_("Baking") },
  { "mixing", N_("Mixing") },
  { NULL }
};

static const FfField line_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_UNIQUE | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 32, .hint = N_("Short unique code, e.g. L3") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "plant", N_("Plant"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "line_type", N_("Type"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = line_types },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = line_status },
  { "ideal_cycle_time_s", N_("Ideal cycle time"), FF_FIELD_REAL, FF_FIELD_REQUIRED,
    .unit = "s", .min = 0.001, .max = 86400,
    .hint = N_("Seconds per unit at rated speed (the OEE performance baseline)") },
  { "rated_speed_per_h", N_("Rated speed"), FF_FIELD_REAL, FF_FIELD_LIST,
    .unit = N_("units/h"), .min = 0, .max = 1e7 },
  { "commissioned_on", N_("Commissioned"), FF_FIELD_DATE, 0 },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_lines = {
  .name = "lines",
  .table = "lines",
  .label = N_("Lines"),
  .label_singular = N_("Line"),
  .icon_name = "view-continuous-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .regulated = FALSE,
  .fields = line_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = FF_ROLE_BIT (FF_ROLE_OPERATOR),
};
