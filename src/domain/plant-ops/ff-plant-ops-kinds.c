/* ff-plant-ops-kinds.c — descriptions of the PlantOps kinds of the plant itself: plants, lines,
 * shifts, sensors and their readings. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ff-kinds-private.h"

#define OPERATOR FF_ROLE_BIT (FF_ROLE_OPERATOR)

/* Plants ------------------------------------------------------------------------------------ */

static const FfField plant_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Short unique code, e.g. PLANT-EHV") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "gln", N_("GLN"), FF_FIELD_GLN, FF_FIELD_UNIQUE | FF_FIELD_SEARCH, .max_length = 13,
    .hint = N_("The site’s 13-digit GS1 Global Location Number; used as the traceability lot "
               "code source") },
  { "address", N_("Address"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 400 },
  { "city", N_("City"), FF_FIELD_TEXT, FF_FIELD_LIST | FF_FIELD_SEARCH, .max_length = 80 },
  { "country", N_("Country"), FF_FIELD_TEXT, FF_FIELD_LIST, .max_length = 2,
    .hint = N_("ISO 3166 two-letter code, e.g. NL") },
  { "timezone", N_("Time zone"), FF_FIELD_TEXT, 0, .max_length = 64,
    .hint = N_("IANA time zone that shift times are in, e.g. Europe/Amsterdam") },
  { "notes", N_("Notes"), FF_FIELD_TEXT, FF_FIELD_MULTILINE, .max_length = 4000 },
  { NULL }
};

const FfKind ff_kind_plants = {
  .name = "plants",
  .table = "plants",
  .label = N_("Plants"),
  .label_singular = N_("Plant"),
  .icon_name = "go-home-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = plant_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = OPERATOR,
  .nav_group = N_("Plant and lines"),
  .new_label = N_("New Plant"),
  .empty_label = N_("No Plants Yet"),
};

/* Lines ------------------------------------------------------------------------------------- */

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
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS,
    .max_length = 32, .hint = N_("Short unique code, e.g. L3") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "plant", N_("Plant"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_plants },
  { "line_type", N_("Type"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = line_types },
  { "status", N_("Status"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = line_status },
  { "ideal_cycle_time_s", N_("Ideal cycle time"), FF_FIELD_REAL, FF_FIELD_REQUIRED,
    .unit = "s", .min = 0.001, .max = 86400,
    .hint = N_("Seconds per unit at rated speed (the OEE performance baseline)") },
  { "rated_speed_per_h", N_("Rated speed"), FF_FIELD_REAL, FF_FIELD_LIST,
    .unit = N_("units/h"), .min = 0, .max = 1e7 },
  { "margin_per_minute_minor", N_("Margin per minute"), FF_FIELD_MONEY, 0,
    .unit_field = "currency", .min = 0, .max = 1e12, .group = "margin",
    .hint = N_("Contribution lost per minute this line stands still when it is the "
               "bottleneck, in minor units; prices downtime") },
  { "currency", N_("Currency"), FF_FIELD_CURRENCY, 0, .max_length = 3, .group = "margin" },
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
  .write_roles = OPERATOR,
  .nav_group = N_("Plant and lines"),
  .new_label = N_("New Line"),
  .empty_label = N_("No Lines Yet"),
};

/* Shifts ------------------------------------------------------------------------------------ */

static const FfField shift_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Unique code, e.g. EHV-EARLY") },
  { "plant", N_("Plant"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_plants },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 80 },
  { "start_time", N_("Starts"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .max_length = 5, .hint = N_("Time of day, 24-hour, in the plant’s time zone, e.g. 06:00") },
  { "end_time", N_("Ends"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .max_length = 5, .hint = N_("Time of day, 24-hour, e.g. 14:00; earlier than the start "
                                "means the shift ends the next day") },
  { "planned_break_min", N_("Planned breaks"), FF_FIELD_INTEGER, 0, .unit = "min",
    .min = 0, .max = 720, .hint = N_("Minutes of planned stops per shift, outside OEE planned "
                                     "busy time") },
  { "weekdays", N_("Days"), FF_FIELD_TEXT, 0, .max_length = 40,
    .hint = N_("The days the shift runs, e.g. Mon-Fri") },
  { NULL }
};

const FfKind ff_kind_shifts = {
  .name = "shifts",
  .table = "shifts",
  .label = N_("Shifts"),
  .label_singular = N_("Shift"),
  .icon_name = "appointment-soon-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = shift_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = OPERATOR,
  .ref_label_field = "code",
  .nav_group = N_("Plant and lines"),
  .new_label = N_("New Shift"),
  .empty_label = N_("No Shifts Yet"),
};

/* Sensors ----------------------------------------------------------------------------------- */

static const FfEnumValue sensor_measures[] = {
  { "temperature", N_("Temperature") },
  { "weight", N_("Weight") },
  { "pressure", N_("Pressure") },
  { "speed", N_("Speed") },
  { "humidity", N_("Humidity") },
  { "metal_detection", N_("Metal detection") },
  { NULL }
};

static const FfField sensor_fields[] = {
  { "code", N_("Code"), FF_FIELD_TEXT, FF_CODE_FLAGS, .max_length = 32,
    .hint = N_("Tag of the instrument, e.g. L3-TT-101") },
  { "name", N_("Name"), FF_FIELD_TEXT, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .max_length = 120 },
  { "line", N_("Line"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_lines },
  { "measure", N_("Measures"), FF_FIELD_ENUM, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .enum_values = sensor_measures },
  { "unit", N_("Unit"), FF_FIELD_UNIT, FF_FIELD_REQUIRED, .max_length = 12, .group = "spec",
    .hint = N_("Unit of the readings, e.g. °C, g, bar, m/min, %RH; 1/0 for pass/fail") },
  { "lower_spec_limit", N_("Lower spec limit"), FF_FIELD_QUANTITY, FF_FIELD_LIST,
    .unit_field = "unit", .group = "spec", .hint = N_("LSL, for Cpk and alarms") },
  { "target", N_("Target"), FF_FIELD_QUANTITY, 0, .unit_field = "unit", .group = "spec" },
  { "upper_spec_limit", N_("Upper spec limit"), FF_FIELD_QUANTITY, FF_FIELD_LIST,
    .unit_field = "unit", .group = "spec", .hint = N_("USL, for Cpk and alarms") },
  { "sample_interval_s", N_("Sample interval"), FF_FIELD_INTEGER, 0, .unit = "s",
    .min = 1, .max = 86400 },
  { "active", N_("Active"), FF_FIELD_BOOLEAN, 0, .default_value = "1" },
  { NULL }
};

const FfKind ff_kind_sensors = {
  .name = "sensors",
  .table = "sensors",
  .label = N_("Sensors"),
  .label_singular = N_("Sensor"),
  .icon_name = "power-profile-performance-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_EDITABLE,
  .fields = sensor_fields,
  .code_field = "code",
  .title_field = "name",
  .default_sort = "code",
  .write_roles = OPERATOR,
  .ref_label_field = "code",
  .nav_group = N_("Sensors"),
  .new_label = N_("New Sensor"),
  .empty_label = N_("No Sensors Yet"),
  .ref_shows_title = TRUE,
};

/* Sensor readings: a time series, kept as measured. ----------------------------------------- */

static const FfField sensor_reading_fields[] = {
  { "sensor", N_("Sensor"), FF_FIELD_REF, FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_SEARCH,
    .ref_kind = &ff_kind_sensors },
  { "observed_at", N_("Observed"), FF_FIELD_TIMESTAMP,
    FF_FIELD_REQUIRED | FF_FIELD_LIST | FF_FIELD_DEFAULT_NOW },
  { "value", N_("Value"), FF_FIELD_REAL, FF_FIELD_REQUIRED | FF_FIELD_LIST,
    .hint = N_("In the sensor’s unit") },
  { NULL }
};

static const char *const sensor_readings_natural_key[] = { "sensor", "observed_at", NULL };

static const char *const sensor_reading_title[] = { "sensor", "observed_at", NULL };

/* Outside the sensor's specification limits (process control, not a CCP's critical limit). */
static const FfKindCondition sensor_reading_conditions[] = {
  { "out-of-spec", N_("Out of specification"),
    "EXISTS (SELECT 1 FROM sensors s WHERE s.id = t.sensor AND ((s.lower_spec_limit IS NOT "
    "NULL AND t.value < s.lower_spec_limit) OR (s.upper_spec_limit IS NOT NULL "
    "AND t.value > s.upper_spec_limit)))" },
  { NULL }
};

const FfKind ff_kind_sensor_readings = {
  .name = "sensor_readings",
  .table = "sensor_readings",
  .label = N_("Sensor readings"),
  .label_singular = N_("Sensor reading"),
  .icon_name = "network-receive-symbolic",
  .workspace = FF_WORKSPACE_PLANT_OPS,
  .sync_class = FF_SYNC_APPEND_ONLY,
  .fields = sensor_reading_fields,
  .code_field = NULL,
  .title_field = "observed_at",
  .default_sort = "observed_at",
  .write_roles = OPERATOR,
  .natural_key = sensor_readings_natural_key,
  .duplicate_message = N_("This sensor already has a reading at this time"),
  .nav_group = N_("Sensors"),
  .new_label = N_("New Sensor Reading"),
  .empty_label = N_("No Sensor Readings Yet"),
  .title_fields = sensor_reading_title,
  .conditions = sensor_reading_conditions,
};
