/* ff-demo-movements.c — what else happened to the demo's lots once genealogy and shipments
 * wrote their uses and shipments: intake and retention samples, rejected lots destroyed, and a
 * stock count of what is left — a few counts short, most of those explained by an adjustment,
 * so the mass balance has the gaps a real plant's has. Then the quarterly mock recall. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include <math.h>

#include "ff-demo-private.h"
#include "ff-mass-balance.h"
#include "ff-mock-recall.h"

static gboolean
save_movement (FfDemo     *demo,
               const char *lot_id,
               const char *code,
               const char *movement,
               double      quantity,
               const char *unit,
               gint64      at,
               const char *reason,
               const char *recorded_by,
               GError    **error)
{
  FfRecord *r = ff_record_new (&ff_kind_lot_movements);

  _ff_demo_set (r, "code", code);
  _ff_demo_set (r, "lot", lot_id);
  _ff_demo_set (r, "movement", movement);
  _ff_demo_set_real (r, "quantity", quantity, 3);
  _ff_demo_set (r, "unit", unit);
  _ff_demo_set_time (r, "moved_at", at);
  _ff_demo_set (r, "reason", reason);
  _ff_demo_set (r, "recorded_by", recorded_by);
  return _ff_demo_save (demo, r, error);
}

static gint64
parse_time (const char *iso)
{
  g_autoptr (GDateTime) t = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  return t ? g_date_time_to_unix (t) : 0;
}

gboolean
_ff_demo_save_movements (FfDemo  *demo,
                         GError **error)
{
  gint64 now = _ff_demo_day_start (demo, 0) + 9 * 3600;
  guint seq = 0;

  for (guint i = 0; i < demo->lots->len; i++)
    {
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);
      const char *id = _ff_demo_id (demo, &ff_kind_lots, lot->code);
      gboolean ingredient = lot->type == FF_DEMO_LOT_INGREDIENT;
      gint64 start = ingredient ? _ff_demo_day_start (demo, lot->day) + 7 * 3600 : lot->made_at;
      g_autoptr (FfMassBalance) balance = ff_mass_balance_compute (demo->store, id, error);
      double left, u = _ff_demo_uniform (demo), v = _ff_demo_uniform (demo);
      char code[32];
      gint64 count_at;

      if (balance == NULL)
        return FALSE;
      left = balance->unexplained;
      if (left <= 0)
        continue;
      if (lot->rejected)
        {
          g_snprintf (code, sizeof code, "MV-%06u", ++seq);
          if (!save_movement (demo, id, code, "scrapped", left, balance->unit, start + 3 * 3600,
                              ingredient ? "Rejected at intake: destroyed by the supplier’s "
                                           "collection"
                                         : "Destroyed after the CCP failure",
                              "hverbeek", error))
            return FALSE;
          continue;
        }
      /* Retention samples of finished goods; a lab sample of a third of the deliveries. */
      if (!ingredient && lot->type == FF_DEMO_LOT_FINISHED && left >= 5)
        {
          g_snprintf (code, sizeof code, "MV-%06u", ++seq);
          if (!save_movement (demo, id, code, "sampled", 2, balance->unit, start + 900,
                              "Retention samples for shelf-life testing", "lmaes", error))
            return FALSE;
          left -= 2;
        }
      else if (ingredient && u < 0.33 && left >= 5 && g_str_equal (balance->unit, "kg"))
        {
          g_snprintf (code, sizeof code, "MV-%06u", ++seq);
          if (!save_movement (demo, id, code, "sampled", 0.5, balance->unit, start + 3600,
                              "Intake sample for the lab", "ijanssens", error))
            return FALSE;
          left -= 0.5;
        }
      /* What is left is counted once it has stopped moving, unless that is still to come. */
      count_at = MAX (start, parse_time (balance->last_moved_at)) + 1800;
      if (left <= 0 || count_at > now)
        continue;
      if (ingredient && v < 0.04 && left > 10)
        {
          double short_by = round (left * (0.002 + 0.01 * v / 0.04) * 1000) / 1000;

          /* Most shortfalls found at the count are explained on the spot. */
          if (v < 0.03)
            {
              g_snprintf (code, sizeof code, "MV-%06u", ++seq);
              if (!save_movement (demo, id, code, "adjusted", -short_by, balance->unit,
                                  count_at - 60, v < 0.015 ? "Moisture loss found at the stock count"
                                                           : "Spillage while weighing out",
                                  "kwouters", error))
                return FALSE;
            }
          left -= short_by;
        }
      g_snprintf (code, sizeof code, "MV-%06u", ++seq);
      if (!save_movement (demo, id, code, "counted", left, balance->unit, count_at, NULL,
                          "kwouters", error))
        return FALSE;
    }
  return TRUE;
}

/* This quarter's mock recall, run this morning by the QA manager: the sunflower oil lot
 * received nearest a month ago, forward, and the first finished lot made from it, backward. */
gboolean
_ff_demo_save_recall_exercise (FfDemo  *demo,
                               GError **error)
{
  const FfActor qa = { "hverbeek", FF_ROLE_QA };
  g_autoptr (FfTrace) trace = NULL;
  g_autoptr (FfMockRecall) recall = NULL;
  const char *forward = NULL, *backward = NULL;
  int best = G_MAXINT;

  for (guint i = 0; i < demo->lots->len; i++)
    {
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);

      if (lot->type == FF_DEMO_LOT_INGREDIENT && lot->item == FF_DEMO_RM_SUNFLOWER_OIL
          && !lot->rejected && ABS (lot->day + 30) < best)
        {
          best = ABS (lot->day + 30);
          forward = _ff_demo_id (demo, &ff_kind_lots, lot->code);
        }
    }
  if (forward == NULL)
    return TRUE;
  trace = ff_lot_trace (demo->store, forward, FF_TRACE_FORWARD, error);
  if (trace == NULL)
    return FALSE;
  for (guint i = 1; i < trace->lots->len && backward == NULL; i++)
    {
      const FfTraceLot *lot = trace->lots->pdata[i];

      if (g_strcmp0 (lot->lot_type, "finished") == 0)
        backward = lot->id;
    }
  recall = ff_mock_recall_run (demo->store, &qa, forward, backward,
                               "Quarterly mock recall (BRCGS 3.9): sunflower oil forward, a "
                               "finished lot backward", TRUE, error);
  return recall != NULL;
}
