/* ff-site-zone.c — the time zone of the site a record belongs to. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include "ff-kinds-private.h"
#include "ff-record-repository.h"
#include "ff-site-zone.h"

#define MAX_STEPS 3

static GTimeZone *
zone_named (const char *identifier)
{
  return identifier && *identifier ? g_time_zone_new_identifier (identifier) : NULL;
}

/* The zone of @record's plant, following references breadth-first so the nearest plant wins
 * (a CCP reading's own lot's plant before its CCP's line's plant would be the same site). */
static GTimeZone *
zone_of (FfStore      *store,
         const FfKind *kind,
         FfRecord     *record,
         guint         steps)
{
  if (kind == &ff_kind_plants)
    return zone_named (ff_record_get (record, "timezone"));
  if (steps == 0)
    return NULL;
  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &kind->fields[i];
      const char *id = ff_record_get_nth (record, i);
      const FfKind *ref = field->type == FF_FIELD_REF ? ff_field_get_ref_kind (field) : NULL;
      g_autoptr (FfRecordRepository) repository = NULL;
      g_autoptr (FfRecord) target = NULL;
      GTimeZone *zone;

      if (ref == NULL || id == NULL)
        continue;
      repository = ff_record_repository_new (store, ref);
      target = ff_record_repository_get (repository, id, NULL);
      if (target != NULL && (zone = zone_of (store, ref, target, steps - 1)) != NULL)
        return zone;
    }
  return NULL;
}

/* The zone all plants share, or NULL when they differ or there are none. */
static GTimeZone *
shared_zone (FfStore *store)
{
  g_autoptr (FfRecordRepository) plants = ff_record_repository_new (store, &ff_kind_plants);
  g_autoptr (FfRecordQuery) all = ff_record_query_new ();
  g_autoptr (GArray) rowids = ff_record_repository_query_rowids (plants, all, NULL, NULL);
  g_autoptr (GPtrArray) records = NULL;
  const char *shared = NULL;

  if (rowids == NULL || rowids->len == 0 || rowids->len > 64)
    return NULL;
  records = ff_record_repository_load_rowids (plants, (gint64 *) (gpointer) rowids->data,
                                              rowids->len, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const char *zone = ff_record_get (g_ptr_array_index (records, i), "timezone");
      if (zone == NULL || (shared != NULL && g_strcmp0 (shared, zone) != 0))
        return NULL;
      shared = zone;
    }
  return zone_named (shared);
}

GTimeZone *
ff_site_zone_for_record (FfStore      *store,
                         const FfKind *kind,
                         FfRecord     *record)
{
  GTimeZone *zone = NULL;

  g_return_val_if_fail (store != NULL && kind != NULL, NULL);

  if (record != NULL)
    zone = zone_of (store, kind, record, MAX_STEPS);
  if (zone == NULL)
    zone = shared_zone (store);
  return zone ? zone : g_time_zone_new_local ();
}
