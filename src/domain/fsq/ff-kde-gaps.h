/* ff-kde-gaps.h — which traceability records miss a key data element FSMA 204 requires of
 * their critical tracking event (DOMAIN.md lists them), and where it is to be entered. Only
 * foods on the Food Traceability List need the KDEs: a lot of an ingredient on the list, or a
 * lot made from one (FoodFlow records no kill step, so the list's food is taken to stay in
 * whatever is made from it). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-fsma204.h"

G_BEGIN_DECLS

typedef struct
{
  FfFsmaCte     cte;
  FfFsmaColumn  kde;          /* the key data element missing */
  const FfKind *kind;         /* the traceability record: a receipt, genealogy link, shipment,
                               * or a lot (initial packing) */
  char         *record_id;
  char         *record_code;
  char         *event_id;
  char         *lot_code;     /* the lot the element is about */
  const FfKind *fix_kind;     /* the record where it is entered: the lot for its product
                               * description and lot code source, else the record itself */
  char         *fix_id;
  char         *fix_code;
} FfKdeGap;

void        ff_kde_gap_free        (FfKdeGap *gap);

/* The key data elements @cte requires, as columns of the sheet. A transformation's input
 * elements are due for inputs on the list; its output's when the output is. */
guint       ff_kde_required        (FfFsmaCte            cte,
                                    const FfFsmaColumn **out_columns);

/* Appends to @gaps (FfKdeGap*) the required elements @row lacks, unless @seen (a set of
 * strings, may be NULL) already holds the same gap: a transformation's output is reported
 * once per event, not per input. */
void        ff_kde_gaps_check_row  (const FfFsmaRow *row,
                                    GHashTable      *seen,
                                    GPtrArray       *gaps);

/* Every gap of the tenant's traceability records, of all time, by event and record. Reads
 * only. */
GPtrArray  *ff_kde_gaps_list       (FfStore       *store,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* The gaps of one record, for its form and detail: of a receipt, shipment or genealogy link,
 * those of its event row; of a lot, those to be entered on the lot (its product description
 * or lot code source, wanted by any of its events). Other kinds have none. */
GPtrArray  *ff_kde_gaps_for_record (FfStore       *store,
                                    const FfKind  *kind,
                                    const char    *record_id,
                                    GError       **error);

/* TRUE for the kinds whose records can lack a key data element. */
gboolean    ff_kde_gaps_covers     (const FfKind *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfKdeGap, ff_kde_gap_free)

G_END_DECLS
