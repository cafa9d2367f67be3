/* ff-kpi.c — one key figure of a workspace overview. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-kpi.h"

FfKpi *
ff_kpi_new (const char *id,
            const char *label,
            double      number,
            const char *value)
{
  FfKpi *kpi = g_new0 (FfKpi, 1);

  kpi->id = g_strdup (id);
  kpi->label = g_strdup (label);
  kpi->number = number;
  kpi->value = g_strdup (value);
  return kpi;
}

void
ff_kpi_free (FfKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->id);
  g_free (kpi->label);
  g_free (kpi->value);
  g_free (kpi->detail);
  g_free (kpi->method);
  g_free (kpi->kind);
  g_clear_pointer (&kpi->query, ff_record_query_free);
  g_free (kpi);
}
