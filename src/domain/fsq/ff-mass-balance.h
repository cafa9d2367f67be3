/* ff-mass-balance.h — where a lot's quantity went: received or produced = used in outputs +
 * shipped + in stock + scrapped + sampled + adjusted away + unexplained (DOMAIN.md,
 * Traceability), from the lot's movements, with every gap and its cause where known. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *cause;     /* machine-readable: "no_stock_count", "over_accounted", "unit_mismatch",
                      * "unexplained" */
  char   *message;   /* what a person reads, translated */
  double  quantity;  /* in the lot's unit; NAN when it cannot be converted */
  char   *movement;  /* the movement's code, for a movement the balance could not count */
} FfBalanceGap;

typedef struct
{
  char      *lot_id;
  char      *lot_code;
  char      *unit;          /* the lot's unit: every figure below is in it */
  const char *start_kind;   /* "received" (receipts, or the lot's quantity for a bought lot
                             * without one) or "produced" */
  double     start;         /* received or produced */
  double     consumed;      /* used as an input of transformations */
  double     shipped;
  double     scrapped;
  double     sampled;
  double     adjusted;      /* signed sum of adjustments: + found, − lost */
  double     in_stock;      /* the last count, less what left after it; 0 without a count */
  gboolean   counted;       /* a stock count was recorded */
  char      *counted_at;    /* its time, or NULL */
  double     accounted;     /* consumed + shipped + scrapped + sampled + in stock − adjusted */
  double     unexplained;   /* start − accounted (negative: more left than came in) */
  double     accounted_pct; /* 100 × min (accounted, start) / start; NAN when start is 0 */
  guint      n_movements;
  char      *last_moved_at; /* the latest movement's time, or NULL */
  GPtrArray *gaps;          /* FfBalanceGap* */
} FfMassBalance;

void           ff_mass_balance_free    (FfMassBalance *balance);

/* The balance of the lot with id @lot_id. FF_ERROR_NOT_FOUND when there is none. Reads only. */
FfMassBalance *ff_mass_balance_compute (FfStore     *store,
                                        const char  *lot_id,
                                        GError     **error);

/* The balance as a JSON object: figures with the unit, the gaps, and how it was computed. */
JsonNode      *ff_mass_balance_to_json (const FfMassBalance *balance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfMassBalance, ff_mass_balance_free)

G_END_DECLS
