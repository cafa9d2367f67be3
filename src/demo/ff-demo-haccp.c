/* ff-demo-haccp.c — demo HACCP: plans and their critical control points, monitoring readings
 * during every batch with a few failures, the deviations they and other incidents raised, and
 * the CAPAs that followed (some still open, some closed with root cause and actions). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

typedef enum {
  CHECK_METAL,
  CHECK_COOK,
  CHECK_PH,
  CHECK_CHILL,
  CHECK_LABEL,
} Check;

static const struct {
  const char *code;
  const char *name;
  const char *scope;
  const char *version;
  const char *document;
} plans[] = {
  { "HP-CHIPS", "Fried snacks", "Tortilla chips, vegetable crisps and lentil puffs: fryers L1 and L7, baggers L2 and L8, from intake to dispatch.", "9", "HACCP-CHIPS" },
  { "HP-DIPS", "Salsa and guacamole", "Hot-filled salsa in glass and chilled guacamole in tubs: cook and fill lines L3 and L9.", "6", "HACCP-DIPS" },
  { "HP-HUMMUS", "Hummus and baba ganoush", "Chilled hummus and baba ganoush: mixer and filler lines L4 and L10, high-care filling room.", "7", "HACCP-HUMMUS" },
  { "HP-BREAD", "Flatbread", "Flatbread original and wholemeal: oven lines L5 and L11, from mixing to bagging.", "4", "HACCP-BREAD" },
};

static const struct {
  guint       plan;
  guint       number;
  Check       check;
  const char *step;
  const char *hazard;
  const char *hazard_type;
  const char *control;
  double      min;         /* NAN: none */
  double      max;
  const char *unit;
  const char *what;
  const char *how;
  int         every;
  const char *who;
  const char *corrective;
  const char *verification;
  const char *verified;
  const char *instrument;
} ccp_templates[] = {
  { 0, 1, CHECK_METAL, "Metal detection after bagging", "Metal fragments from the sheeter, cutter and weigher", "physical",
    "Metal detector MD-202 with automatic reject into a locked bin", 1, NAN, "1/0",
    "Detection and rejection of the Fe 2.0 mm, non-Fe 2.5 mm and SS 3.0 mm test pieces",
    "Test pieces passed on and in packs at line speed (SOP-QA-001)", 60, "Line operator",
    "Stop the line; hold all product since the last good check; repair; re-check three times; re-screen held product.",
    "QA reviews records daily; yearly validation by the manufacturer", "Daily review; yearly validation", "MD-202" },
  { 1, 1, CHECK_COOK, "Cooking in the kettle", "Survival of Salmonella, Listeria and E. coli from fresh vegetables", "biological",
    "Cook to a core temperature of at least 90 °C held for 2 minutes", 90, NAN, "°C",
    "Core temperature of the salsa at the kettle outlet", "Calibrated probe thermometer (SOP-PRD-003)", 30, "Kettle operator",
    "Keep heating until 90 °C has held for 2 minutes; hold jars filled since the last good reading; re-cook or destroy.",
    "QA reviews records daily; probes checked every morning; reference thermometer calibrated yearly", "Daily", "TP-04" },
  { 1, 2, CHECK_PH, "Acidification", "Growth of Clostridium botulinum in a sealed jar", "biological",
    "Citric acid dosed to an equilibrium pH of at most 4.2", NAN, 4.2, "pH",
    "Equilibrium pH of the finished salsa", "Bench pH meter after two-point calibration", 120, "Kettle operator",
    "Stop the filler; correct the batch with citric acid under supervision; hold jars since the last good reading.",
    "QA reviews records daily; monthly pH and water activity tests", "Daily; monthly tests", "PH-03" },
  { 1, 3, CHECK_METAL, "Metal detection of filled jars and tubs", "Metal from the kettles, filler and capper", "physical",
    "Metal detector with automatic reject", 1, NAN, "1/0",
    "Detection and rejection of the Fe 2.5 mm, non-Fe 3.0 mm and SS 3.5 mm test pieces",
    "Test pieces passed with a filled jar at line speed (SOP-QA-001)", 60, "Line operator",
    "Stop the line; hold all product since the last good check; repair; re-check; re-screen held product.",
    "QA reviews records daily; yearly validation", "Daily review; yearly validation", "MD-302" },
  { 2, 1, CHECK_CHILL, "Chilling after mixing", "Growth of Listeria monocytogenes", "biological",
    "Scraped-surface chiller cools the product to 5 °C or below before filling", NAN, 5, "°C",
    "Product temperature after the chiller", "Calibrated hand probe; continuous probe TT-401", 60, "Filler operator",
    "Divert product back to the chiller; hold tubs filled above 5 °C; assess or destroy.",
    "QA reviews records daily; weekly Listeria swabs", "Daily", "TP-05" },
  { 2, 2, CHECK_METAL, "Metal detection of filled tubs", "Metal from the bowl cutter and filler", "physical",
    "Metal detector MD-402 with automatic reject", 1, NAN, "1/0",
    "Detection and rejection of the Fe 2.5 mm, non-Fe 3.0 mm and SS 3.5 mm test pieces",
    "Test pieces passed with a filled tub at line speed (SOP-QA-001)", 60, "Filler operator",
    "Stop the line; hold all product since the last good check; repair; re-check; re-screen held product.",
    "QA reviews records daily; yearly validation", "Daily review; yearly validation", "MD-402" },
  { 2, 3, CHECK_LABEL, "Label and lidding film verification", "Undeclared sesame or sulphites through a wrong label", "allergen",
    "Lidding film and label checked against the product being filled", 1, NAN, "1/0",
    "Product name, allergen statement and best-before date on the first tub and every two hours",
    "Visual check against the approved artwork", 120, "Filler operator",
    "Stop the filler; hold all tubs since the last good check; relabel or destroy.",
    "QA reviews records daily; artwork approval before print", "Daily", "visual" },
  { 3, 1, CHECK_METAL, "Metal detection after bagging", "Metal from the divider, sheeter and bag clipper", "physical",
    "Metal detector with automatic reject", 1, NAN, "1/0",
    "Detection and rejection of the Fe 2.0 mm, non-Fe 2.5 mm and SS 3.0 mm test pieces",
    "Test pieces passed on and in packs at line speed (SOP-QA-001)", 60, "Line operator",
    "Stop the line; hold all product since the last good check; repair; re-check; re-screen held product.",
    "QA reviews records daily; yearly validation", "Daily review; yearly validation", "MD-502" },
};

/* The lines a CCP is applied on, per plan: each plant has its own copy. */
static guint
ccp_line (guint t,
          guint plant)
{
  static const guint line_of_plan[] = { FF_DEMO_BAGGER, FF_DEMO_COOKER, FF_DEMO_MIXER, FF_DEMO_OVEN };

  return plant * FF_DEMO_N_LINE_TYPES + line_of_plan[ccp_templates[t].plan];
}

#define N_CCPS (G_N_ELEMENTS (ccp_templates) * FF_DEMO_N_PLANTS)

static void
ccp_code (guint c,
          char  buf[32])
{
  guint t = c / FF_DEMO_N_PLANTS, plant = c % FF_DEMO_N_PLANTS;

  g_snprintf (buf, 32, "%s-CCP%u-L%u", plans[ccp_templates[t].plan].code, ccp_templates[t].number,
              ccp_line (t, plant) + 1);
}

static const char *const people[] = {
  "Jeroen de Vries", "Mehmet Kaya", "Annelies Bosman", "Pieter van Dam", "Sofie Engels",
  "Tom Hendrickx", "Lotte Maes", "Ruben Bakker",
};

/* Failures ----------------------------------------------------------------------------------- */

typedef struct
{
  guint       ccp;       /* 0 .. N_CCPS - 1 */
  int         batch;
  gint64      at;
  double      value;
  int         lot;       /* the lot on the failed reading */
  gboolean    recent;    /* still on hold, the deviation still open */
} Failure;

/* The checks' times in a batch: every @every minutes from ten minutes after the start. */
static int
n_slots (FfDemo            *demo,
         const FfDemoBatch *b,
         int                every)
{
  gint64 end = MIN (b->actual_end, _ff_demo_day_start (demo, 0));

  return end <= b->actual_start + 600 ? 0 : (int) ((end - b->actual_start - 600) / (every * 60)) + 1;
}

static gint64
slot_time (const FfDemoBatch *b,
           int                every,
           int                slot)
{
  return b->actual_start + 600 + (gint64) slot * every * 60;
}

void
_ff_demo_plan_ccp_holds (FfDemo *demo)
{
  /* Which CCPs fail, in turn: metal detectors most, then cooking, chilling, pH and labels. */
  static const guint order[] = { 0, 2, 8, 5, 12, 1, 14, 3, 9, 4, 6, 15 };
  guint n = _ff_demo_scaled (demo, 12, 3);

  demo->ccp_failures = g_array_new (FALSE, TRUE, sizeof (Failure));
  for (guint i = 0; i < n; i++)
    {
      guint c = order[i % G_N_ELEMENTS (order)];
      guint t = c / FF_DEMO_N_PLANTS, line = ccp_line (t, c % FF_DEMO_N_PLANTS);
      int every = ccp_templates[t].every;
      g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (int));
      double u_batch = _ff_demo_uniform (demo), u_slot = _ff_demo_uniform (demo);
      double u_value = _ff_demo_uniform (demo);
      Failure f = { c, -1, 0, 0, -1, FALSE };
      const FfDemoBatch *b;
      int slots, slot, first_hour, last_hour, first, n_fg;
      int recent_from = MAX (-10, -demo->batch_days);

      /* The first failure is recent, so something is on hold today. */
      for (guint k = 0; k < demo->batches->len; k++)
        {
          const FfDemoBatch *cand = &g_array_index (demo->batches, FfDemoBatch, k);
          if (cand->line == line && !cand->running && n_slots (demo, cand, every) >= 3
              && (i > 0 || cand->day >= recent_from))
            g_array_append_val (candidates, k);
        }
      if (candidates->len == 0)
        continue;
      f.batch = g_array_index (candidates, int, (guint) (u_batch * candidates->len));
      b = &g_array_index (demo->batches, FfDemoBatch, f.batch);
      slots = n_slots (demo, b, every);
      slot = 1 + (int) (u_slot * (slots - 1));
      f.at = slot_time (b, every, slot);
      f.recent = b->day >= recent_from;
      switch (ccp_templates[t].check)
        {
        case CHECK_COOK:
          f.value = 86.5 + u_value * 2.8;
          break;
        case CHECK_PH:
          f.value = 4.24 + u_value * 0.12;
          break;
        case CHECK_CHILL:
          f.value = 5.6 + u_value * 2.5;
          break;
        default:
          f.value = 0;
        }
      f.lot = _ff_demo_lot_at (demo, f.batch, f.at, ccp_templates[t].check == CHECK_COOK
                                                    || ccp_templates[t].check == CHECK_CHILL);
      /* Everything made since the last good check is held; recent holds are still pending,
       * older ones were re-screened and released, or destroyed when they could not be made
       * safe. */
      first = g_array_index (demo->batch_first_fg, int, f.batch);
      first_hour = (int) ((slot_time (b, every, slot - 1) - b->actual_start) / 3600);
      last_hour = (int) ((f.at - b->actual_start) / 3600);
      n_fg = g_array_index (demo->batch_n_fg, int, f.batch);
      for (int h = first_hour; first >= 0 && h <= last_hour && h < n_fg; h++)
        {
          FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, first + h);

          if (f.recent)
            {
              char at[32];

              _ff_demo_format_time (f.at, at);
              /* "2026-11-30 10:05" */
              at[10] = ' ';
              at[16] = '\0';
              lot->hold = TRUE;
              /* QA holds it once the line has stopped. */
              lot->held_at = f.at + 15 * 60;
              g_snprintf (lot->hold_reason, sizeof lot->hold_reason,
                          "%s failed its check at %s UTC: everything made since the last good "
                          "check is held (SOP-QA-001).", ccp_templates[t].step, at);
            }
          else if (ccp_templates[t].check == CHECK_COOK || ccp_templates[t].check == CHECK_CHILL)
            lot->rejected = TRUE;
        }
      g_array_append_val (demo->ccp_failures, f);
    }
}

/* Plans and CCPs ----------------------------------------------------------------------------- */

static gboolean
make_plans (FfDemo  *demo,
            GError **error)
{
  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      FfRecord *r = ff_record_new (&ff_kind_haccp_plans);
      int approved = -_ff_demo_int (demo, 60, 300);

      _ff_demo_set (r, "code", plans[p].code);
      _ff_demo_set (r, "name", plans[p].name);
      _ff_demo_set (r, "product_scope", plans[p].scope);
      _ff_demo_set (r, "version", plans[p].version);
      _ff_demo_set (r, "status", "approved");
      _ff_demo_set_day (demo, r, "approved_on", approved);
      _ff_demo_set_user (r, "approved_by", "Ingrid Janssens");
      _ff_demo_set_day (demo, r, "review_due", approved + 365);
      _ff_demo_set (r, "document", _ff_demo_id (demo, &ff_kind_documents, plans[p].document));
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  for (guint c = 0; c < N_CCPS; c++)
    {
      guint t = c / FF_DEMO_N_PLANTS;
      FfRecord *r = ff_record_new (&ff_kind_ccps);
      char code[32];

      ccp_code (c, code);
      _ff_demo_set (r, "code", code);
      _ff_demo_set (r, "haccp_plan",
                    _ff_demo_id (demo, &ff_kind_haccp_plans, plans[ccp_templates[t].plan].code));
      _ff_demo_set (r, "process_step", ccp_templates[t].step);
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, ccp_line (t, c % FF_DEMO_N_PLANTS)));
      _ff_demo_set (r, "hazard", ccp_templates[t].hazard);
      _ff_demo_set (r, "hazard_type", ccp_templates[t].hazard_type);
      _ff_demo_set (r, "control_measure", ccp_templates[t].control);
      if (!isnan (ccp_templates[t].min))
        _ff_demo_set_real (r, "limit_min", ccp_templates[t].min, 1);
      if (!isnan (ccp_templates[t].max))
        _ff_demo_set_real (r, "limit_max", ccp_templates[t].max, 1);
      _ff_demo_set (r, "limit_unit", ccp_templates[t].unit);
      _ff_demo_set (r, "monitoring_what", ccp_templates[t].what);
      _ff_demo_set (r, "monitoring_how", ccp_templates[t].how);
      _ff_demo_set_int (r, "frequency_minutes", ccp_templates[t].every);
      _ff_demo_set (r, "responsible_role", ccp_templates[t].who);
      _ff_demo_set (r, "corrective_action", ccp_templates[t].corrective);
      _ff_demo_set (r, "verification_activity", ccp_templates[t].verification);
      _ff_demo_set (r, "verification_frequency", ccp_templates[t].verified);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* Readings ----------------------------------------------------------------------------------- */

static gboolean
save_reading (FfDemo     *demo,
              const char *ccp_id,
              guint       t,
              int         lot,
              double      value,
              gint64      at,
              const char *instrument,
              gboolean    calibrated,
              const char *by,
              const char *note,
              GError    **error)
{
  FfRecord *r = ff_record_new (&ff_kind_ccp_readings);

  _ff_demo_set (r, "ccp", ccp_id);
  if (lot >= 0)
    _ff_demo_set (r, "lot", _ff_demo_id (demo, &ff_kind_lots,
                                         g_array_index (demo->lots, FfDemoLot, lot).code));
  _ff_demo_set_real (r, "value", value, ccp_templates[t].check == CHECK_PH ? 2 : 1);
  _ff_demo_set (r, "unit", ccp_templates[t].unit);
  _ff_demo_set_time (r, "observed_at", at);
  _ff_demo_set (r, "instrument_id", instrument);
  _ff_demo_set (r, "instrument_calibrated", calibrated ? "1" : "0");
  _ff_demo_set_user (r, "observed_by", by);
  _ff_demo_set (r, "note", note);
  return _ff_demo_save (demo, r, error);
}

static gboolean
make_readings (FfDemo  *demo,
               GError **error)
{
  for (guint c = 0; c < N_CCPS; c++)
    {
      guint t = c / FF_DEMO_N_PLANTS, line = ccp_line (t, c % FF_DEMO_N_PLANTS);
      int every = ccp_templates[t].every;
      Check check = ccp_templates[t].check;
      gboolean wip = check == CHECK_COOK || check == CHECK_CHILL;
      char code[32], instrument[16];
      const char *ccp_id;

      ccp_code (c, code);
      ccp_id = _ff_demo_id (demo, &ff_kind_ccps, code);
      if (check == CHECK_METAL)
        g_snprintf (instrument, sizeof instrument, "%s-L%u", ccp_templates[t].instrument, line + 1);
      for (guint i = 0; i < demo->batches->len; i++)
        {
          const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
          int slots;
          const char *by = ff_demo_operators[(i * 7 + line) % ff_demo_n_operators];

          if (b->line != line)
            continue;
          slots = n_slots (demo, b, every);
          for (int s = 0; s < slots; s++)
            {
              gint64 at = slot_time (b, every, s);
              double u = _ff_demo_uniform (demo), n = _ff_demo_normal (demo, 0, 1);
              double value;
              const Failure *failure = NULL;

              if (check != CHECK_METAL)
                g_snprintf (instrument, sizeof instrument, "%s%02u", ccp_templates[t].instrument,
                            11 + (guint) (u * 4));
              for (guint k = 0; k < demo->ccp_failures->len; k++)
                {
                  const Failure *f = &g_array_index (demo->ccp_failures, Failure, k);
                  if (f->ccp == c && f->batch == (int) i && f->at == at)
                    failure = f;
                }
              switch (check)
                {
                case CHECK_COOK:
                  value = CLAMP (94.2 + 1.1 * n, 90.4, 98.5);
                  break;
                case CHECK_PH:
                  value = CLAMP (3.95 + 0.06 * n, 3.75, 4.15);
                  break;
                case CHECK_CHILL:
                  value = CLAMP (3.1 + 0.5 * n, 1.5, 4.8);
                  break;
                default:
                  value = 1;
                }
              if (failure != NULL)
                {
                  if (!save_reading (demo, ccp_id, t, failure->lot, failure->value, at, instrument,
                                     TRUE, by, "Outside the critical limit: line stopped, "
                                     "product since the last good check put on hold, deviation "
                                     "raised.", error)
                      || !save_reading (demo, ccp_id, t, failure->lot, value, at + 12 * 60,
                                        instrument, TRUE, by, "Re-check after the correction: "
                                        "within the limit.", error))
                    return FALSE;
                  continue;
                }
              if (!save_reading (demo, ccp_id, t, _ff_demo_lot_at (demo, (int) i, at, wip), value,
                                 at, instrument, u < 0.995, by,
                                 u < 0.995 ? NULL : "Probe calibration sticker expired; reading "
                                 "repeated with the spare probe.", error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Deviations and CAPAs of the failures ---------------------------------------------------- */

static const struct {
  const char *immediate;
  const char *old_disposition;
  const char *old_outcome;
  const char *severity;
  const char *capa_title;
  const char *owner;
  const char *root_cause;
  const char *corrective;
  const char *preventive;
} failure_texts[] = {
  [CHECK_METAL] = {
    "Line stopped at once. Everything made since the last good check put on hold. The engineer "
    "found the reject air valve sticking; valve replaced and three consecutive checks with all "
    "test pieces passed before the restart.",
    "rework", "Held product re-screened through the verified detector; two packs rejected, "
    "opened and examined: no metal found. Product released.",
    "major", "Reject valve of the metal detector failed", "Anouk Bakker",
    "The reject air valve stuck because of seasoning dust in the valve body; the valve had no "
    "dust cover and was not on the preventive maintenance plan.",
    "Valve replaced; dust cover fitted on all reject valves of both plants.",
    "Reject valves added to the monthly preventive maintenance plan; reject confirmation sensor "
    "fitted so that a missed reject stops the line." },
  [CHECK_COOK] = {
    "Filling stopped. Kettle reheated until the salsa held 93 °C for two minutes, then filling "
    "restarted. Jars filled since the last good reading put on hold.",
    "destroy", "Jars could not be shown safe: destroyed as category 3 waste.",
    "critical", "Salsa below the cooking limit after a steam pressure drop", "Pieter van Dijk",
    "Steam pressure fell when the boiler switched to its second burner during the morning "
    "peak; the kettle temperature controller had no low-pressure alarm.",
    "Low steam pressure alarm added to the kettle panel; operators briefed.",
    "Boiler sequencing changed so that the second burner starts before the first reaches full "
    "load; verified over two weeks of readings." },
  [CHECK_PH] = {
    "Filler stopped. The citric acid addition was found short because the scale tare had not "
    "been reset; batch corrected with citric acid under supervision and re-measured. Jars since "
    "the last good reading put on hold.",
    "rework", "Held jars emptied and the salsa re-processed with the correct acid addition; "
    "pH 3.97 after rework.",
    "critical", "Citric acid under-dosed after a scale tare error", "Pieter van Dijk",
    "The acid scale was not tared after the bucket was changed; the batch sheet did not ask for "
    "the tare check.",
    "Batch sheet updated with a tare check signed by the operator.",
    "Citric acid dosing moved to the automatic dosing unit with a weight interlock." },
  [CHECK_CHILL] = {
    "Product diverted back to the chiller. Glycol level found low and refilled. Tubs filled above "
    "5 °C put on hold.",
    "destroy", "Tubs held above 5 °C for an unknown time: destroyed.",
    /* Critical: chilled product above its limit for an unknown time (Listeria). An open one
     * is upstream of the finished lots it held, whose release it blocks. */
    "critical", "Hummus above 5 °C after the chiller", "Koen Wouters",
    "A slow glycol leak at a pipe coupling lowered the chiller's capacity over several days; the "
    "glycol level was not checked daily.",
    "Coupling replaced; glycol topped up and the system pressure-tested.",
    "Glycol level and supply temperature added to the daily start-up checklist, with an alarm "
    "on the supply temperature." },
  [CHECK_LABEL] = {
    "Filler stopped. The wrong reel was removed and quarantined; tubs since the last good check "
    "put on hold.",
    "rework", "Held tubs over-labelled with the correct allergen statement and released after "
    "a 100 % check.",
    "major", "Obsolete lidding film reached the line", "Lotte Maes",
    "Obsolete reels were not removed from the packaging store when the artwork changed; the "
    "store has no artwork version check at issue.",
    "All obsolete reels removed and destroyed; stock checked against the artwork register.",
    "Artwork version added to the reel label and scanned at issue to the line; obsolete "
    "versions blocked in FoodFlow." },
};

static gboolean
make_failure_deviations (FfDemo  *demo,
                         GError **error)
{
  for (guint i = 0; i < demo->ccp_failures->len; i++)
    {
      const Failure *f = &g_array_index (demo->ccp_failures, Failure, i);
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, f->batch);
      guint t = f->ccp / FF_DEMO_N_PLANTS;
      Check check = ccp_templates[t].check;
      int day = _ff_demo_day_of (demo, f->at);
      int closed = day + 3 + (int) (i % 5);
      g_autofree char *dev_code = _ff_demo_next_deviation_code (demo, day);
      g_autofree char *capa_code = _ff_demo_next_capa_code (demo, day);
      g_autofree char *description = NULL;
      char value[16], limit[16], instrument[24], code[32];
      FfRecord *r = ff_record_new (&ff_kind_deviations);
      const char *capa_status;

      ccp_code (f->ccp, code);
      _ff_demo_format_fixed (value, sizeof value, f->value, check == CHECK_PH ? 2 : 1);
      _ff_demo_format_fixed (limit, sizeof limit, isnan (ccp_templates[t].min) ? ccp_templates[t].max
                                                                              : ccp_templates[t].min, 1);
      g_snprintf (instrument, sizeof instrument, "%s-L%u", ccp_templates[t].instrument, b->line + 1);
      switch (check)
        {
        case CHECK_METAL:
          description = g_strdup_printf ("Metal detector %s failed to reject the stainless steel "
                                         "test piece at the hourly check; the previous check, an "
                                         "hour earlier, passed.", instrument);
          break;
        case CHECK_COOK:
          description = g_strdup_printf ("Salsa core temperature %s °C at the kettle outlet, below "
                                         "the critical limit of %s °C.", value, limit);
          break;
        case CHECK_PH:
          description = g_strdup_printf ("Equilibrium pH %s, above the critical limit of %s.",
                                         value, limit);
          break;
        case CHECK_CHILL:
          description = g_strdup_printf ("Product temperature %s °C after the chiller, above the "
                                         "critical limit of %s °C.", value, limit);
          break;
        default:
          description = g_strdup ("Lidding film with last year's artwork, without the bold "
                                  "sulphites statement, found at the two-hourly label check.");
        }
      _ff_demo_set (r, "code", dev_code);
      _ff_demo_set_time (r, "raised_at", f->at + 5 * 60);
      _ff_demo_set_user (r, "raised_by", people[i % G_N_ELEMENTS (people)]);
      _ff_demo_set (r, "severity", failure_texts[check].severity);
      _ff_demo_set (r, "category", "ccp_limit");
      _ff_demo_setf (r, "description", "%s Batch %s, %s.", description, b->code,
                     ff_demo_skus[b->sku].name);
      if (f->lot >= 0)
        _ff_demo_set (r, "lot", _ff_demo_id (demo, &ff_kind_lots,
                                             g_array_index (demo->lots, FfDemoLot, f->lot).code));
      _ff_demo_set (r, "ccp", _ff_demo_id (demo, &ff_kind_ccps, code));
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, b->line));
      _ff_demo_set (r, "immediate_action", failure_texts[check].immediate);
      if (f->recent)
        {
          _ff_demo_set (r, "disposition", "hold");
          _ff_demo_set (r, "status", i % 2 ? "investigating" : "open");
        }
      else
        {
          g_autofree char *action = g_strdup_printf ("%s %s", failure_texts[check].immediate,
                                                     failure_texts[check].old_outcome);
          _ff_demo_set (r, "immediate_action", action);
          _ff_demo_set (r, "disposition", failure_texts[check].old_disposition);
          _ff_demo_set (r, "status", "closed");
          _ff_demo_set_day (demo, r, "closed_on", MIN (closed, -1));
        }
      if (!_ff_demo_save (demo, r, error))
        return FALSE;

      r = ff_record_new (&ff_kind_capas);
      capa_status = f->recent ? (i % 2 ? "in_progress" : "open") : (i % 4 == 3 ? "verification" : "closed");
      _ff_demo_set (r, "code", capa_code);
      _ff_demo_setf (r, "title", "%s (L%u)", failure_texts[check].capa_title, b->line + 1);
      _ff_demo_set (r, "source", "deviation");
      _ff_demo_set (r, "deviation", _ff_demo_id (demo, &ff_kind_deviations, dev_code));
      _ff_demo_set (r, "owner", failure_texts[check].owner);
      _ff_demo_set_day (demo, r, "due_on", day + 30);
      _ff_demo_set (r, "status", capa_status);
      if (!f->recent || i % 2)
        _ff_demo_set (r, "root_cause", failure_texts[check].root_cause);
      if (!f->recent)
        {
          _ff_demo_set (r, "corrective_action", failure_texts[check].corrective);
          _ff_demo_set (r, "preventive_action", failure_texts[check].preventive);
        }
      if (g_str_equal (capa_status, "closed"))
        _ff_demo_set_day (demo, r, "closed_on", MIN (closed + 14, -1));
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_haccp (FfDemo  *demo,
                     GError **error)
{
  return make_plans (demo, error)
         && make_readings (demo, error)
         && make_failure_deviations (demo, error)
         && _ff_demo_make_incidents (demo, error);
}
