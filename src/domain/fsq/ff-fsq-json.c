/* ff-fsq-json.c — JSON writing shared by the FSQ engines. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <math.h>

#include "ff-fsq-json-private.h"

void
_ff_json_add_quantity (JsonBuilder *b,
                       const char  *member,
                       double       value,
                       const char  *unit)
{
  json_builder_set_member_name (b, member);
  if (!isfinite (value))
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  /* Quantities to the gram (or the thousandth of a unit): no float noise in a report. */
  json_builder_add_double_value (b, round (value * 1000) / 1000);
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, unit ? unit : "");
  json_builder_end_object (b);
}

void
_ff_json_add_string (JsonBuilder *b,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}
