/* ff-units.c — conversions between the units of measure of records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include "ff-units.h"

typedef struct
{
  const char *unit;
  char        dimension;  /* m(ass), v(olume), c(ount) */
  double      factor;     /* to the dimension's base unit: kg, l, ea */
} Unit;

static const Unit units[] = {
  { "mg", 'm', 1e-6 }, { "g", 'm', 1e-3 }, { "kg", 'm', 1 }, { "t", 'm', 1000 },
  { "ml", 'v', 1e-3 }, { "cl", 'v', 1e-2 }, { "l", 'v', 1 }, { "hl", 'v', 100 },
  { "ea", 'c', 1 }, { "pcs", 'c', 1 }, { "units", 'c', 1 },
};

static const Unit *
find (const char *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (units[i].unit, unit) == 0)
      return &units[i];
  return NULL;
}

gboolean
ff_unit_convert (double      quantity,
                 const char *from,
                 const char *to,
                 double     *out)
{
  const Unit *a, *b;

  if (from == NULL || to == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (from, to) == 0)
    {
      *out = quantity;
      return TRUE;
    }
  a = find (from);
  b = find (to);
  if (a == NULL || b == NULL || a->dimension != b->dimension)
    return FALSE;
  *out = quantity * a->factor / b->factor;
  return TRUE;
}
