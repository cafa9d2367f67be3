/* ff-epcis.h — the tenant's traceability events as a GS1 EPCIS 2.0 JSON-LD document:
 * commissioning, receiving, transformation and shipping, with GS1 Digital Link identifiers. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* The namespace of the identifiers made for what has no GTIN or GLN (the tenant's id). */
  const char *tenant_id;
  /* Local dates in the site's time zone, inclusive ("2026-11-01"); NULL for no bound. */
  const char *from;
  const char *to;
  /* A lot code: only the events of that lot and of every lot traced from it forward and
   * backward (their receipts, shipments and commissioning, and the transformations that made
   * them, not other uses of an input). NULL for every lot. */
  const char *lot_code;
} FfEpcisOptions;

typedef struct
{
  guint      n_events;
  guint      n_commissioning;   /* ObjectEvent ADD: initial packing, a new lot code on receipt */
  guint      n_receiving;       /* ObjectEvent OBSERVE */
  guint      n_transformation;  /* TransformationEvent */
  guint      n_shipping;        /* ObjectEvent OBSERVE */
  /* What the export had to make up or leave out (an ingredient without a GTIN, a party
   * without a GLN, a unit without a UN/CEFACT code), one sentence each, sorted. */
  GPtrArray *gaps;
} FfEpcisSummary;

void            ff_epcis_summary_free   (FfEpcisSummary *summary);

/* Writes the EPCISDocument to @out (not closed) and says what it holds. FF_ERROR_INVALID for a
 * date that is not YYYY-MM-DD, FF_ERROR_NOT_FOUND for an unknown lot code. Reads only; the
 * events are sorted by time, so the same data gives the same bytes. */
FfEpcisSummary *ff_epcis_export         (FfStore              *store,
                                         const FfEpcisOptions *options,
                                         GOutputStream        *out,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same into @path, replaced only once the whole document is written. */
FfEpcisSummary *ff_epcis_export_to_file (FfStore              *store,
                                         const FfEpcisOptions *options,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* The UN/CEFACT Recommendation 20 code of one of our units ("kg" -> "KGM"); NULL for a count
 * of items ("ea"), which EPCIS writes without a unit, and for a unit without a code. */
const char     *ff_epcis_uom_for_unit   (const char *unit,
                                         gboolean   *out_is_count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfEpcisSummary, ff_epcis_summary_free)

G_END_DECLS
