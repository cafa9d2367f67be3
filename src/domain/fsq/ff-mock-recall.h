/* ff-mock-recall.h — a mock recall (BRCGS 3.9, SQF 2.6, IFS 5.9): one raw-material lot traced
 * forward and one finished lot traced backward, timed, with the lots reached, the customers and
 * quantities, the lots to hold, and the mass balance of each traced lot; kept as a recall
 * exercise so the plant can show its auditor the history. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <json-glib/json-glib.h>

#include "ff-actor.h"
#include "ff-lot-trace.h"
#include "ff-mass-balance.h"
#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  char          *code;          /* the recall exercise's code, once saved */
  char          *exercise_id;   /* its record id, once saved */
  char          *started_at;    /* UTC ISO 8601 */
  char          *finished_at;
  double         duration_ms;
  FfTrace       *forward;       /* NULL without a forward lot */
  FfTrace       *backward;      /* NULL without a backward lot */
  FfMassBalance *forward_balance;
  FfMassBalance *backward_balance;
  GPtrArray     *lots_to_hold;  /* codes of reached lots still in the plant and not on hold */
  guint          lots_reached;  /* distinct lots reached by both traces, the start lots too */
  guint          n_customers;
  double         accounted_pct; /* the lower of the two balances' */
} FfMockRecall;

void          ff_mock_recall_free    (FfMockRecall *recall);

/* Runs a mock recall of the lots with ids @forward_lot_id (traced forward; may be NULL) and
 * @backward_lot_id (traced backward; may be NULL, not both) and, when @save, records it as a
 * recall exercise by @actor with @notes (may be NULL), in one transaction. */
FfMockRecall *ff_mock_recall_run     (FfStore        *store,
                                      const FfActor  *actor,
                                      const char     *forward_lot_id,
                                      const char     *backward_lot_id,
                                      const char     *notes,
                                      gboolean        save,
                                      GError        **error);

/* The recall as a JSON object (what `foodflow-cli recall` prints and the exercise keeps). */
JsonNode     *ff_mock_recall_to_json (const FfMockRecall *recall);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfMockRecall, ff_mock_recall_free)

G_END_DECLS
