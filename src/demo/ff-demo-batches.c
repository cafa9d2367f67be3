/* ff-demo-batches.c — demo production: the schedule of batches over the history, their stops
 * (changeovers, minor stops, breakdowns, and the stops of sensor excursions) and quantities. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

/* The schedule ----------------------------------------------------------------------------- */

/* How likely each line type runs a shift on a weekday (early, late, night), and the early
 * shift on a Saturday. The early weekday shift always runs on the main lines and the fryers
 * run every Saturday morning, so any two days hold chips production. */
static const struct {
  double weekday[FF_DEMO_N_SHIFTS];
  double saturday;
} run_odds[FF_DEMO_N_LINE_TYPES] = {
  [FF_DEMO_FRYER] = { { 1.0, 0.9, 0.75 }, 1.0 },
  [FF_DEMO_BAGGER] = { { 0, 0, 0 }, 0 },  /* packs what the fryer makes */
  [FF_DEMO_COOKER] = { { 1.0, 0.75, 0 }, 0 },
  [FF_DEMO_MIXER] = { { 1.0, 0.85, 0.35 }, 0 },
  [FF_DEMO_OVEN] = { { 1.0, 0.75, 0 }, 0.4 },
  [FF_DEMO_CASE_PACKER] = { { 0.5, 0, 0 }, 0 },
};

static const int ehv_chips[] = { 0, 1, 2, 3, -1 };
static const int gnt_chips[] = { 0, 14, 15, 16, -1 };
static const int salsa_skus[] = { 4, 5, 6, -1 };
static const int hummus_skus[] = { 7, 8, 9, 10, -1 };
static const int bread_skus[] = { 11, 12, -1 };
static const int mezze_skus[] = { 13, -1 };

static const int *
line_skus (guint line)
{
  switch (line % FF_DEMO_N_LINE_TYPES)
    {
    case FF_DEMO_FRYER:
    case FF_DEMO_BAGGER:
      return line < FF_DEMO_N_LINE_TYPES ? ehv_chips : gnt_chips;
    case FF_DEMO_COOKER:
      return salsa_skus;
    case FF_DEMO_MIXER:
      return hummus_skus;
    case FF_DEMO_OVEN:
      return bread_skus;
    default:
      return mezze_skus;
    }
}

/* The discontinued family pack stopped two months ago. */
static gboolean
sku_made_on (guint sku,
             int   day)
{
  return !g_str_equal (ff_demo_skus[sku].status, "discontinued") || day < -60;
}

static guint
pick_sku (guint  line,
          int    day,
          double u)
{
  const int *skus = line_skus (line);
  double total = 0, acc = 0;

  for (guint i = 0; skus[i] >= 0; i++)
    if (sku_made_on ((guint) skus[i], day))
      total += MAX (ff_demo_skus[skus[i]].daily_units, 0.5);
  for (guint i = 0; skus[i] >= 0; i++)
    if (sku_made_on ((guint) skus[i], day))
      {
        acc += MAX (ff_demo_skus[skus[i]].daily_units, 0.5);
        if (u * total < acc)
          return (guint) skus[i];
      }
  return (guint) skus[0];
}

/* Units per hour at rated speed: fresh vegetable slices and puffs fry slower than masa. */
static double
rate_per_hour (guint line,
               guint sku)
{
  double rate = 3600.0 / ff_demo_line_templates[line % FF_DEMO_N_LINE_TYPES].cycle_s;

  if (line % FF_DEMO_N_LINE_TYPES == FF_DEMO_FRYER && (sku == 14 || sku == 15))
    rate *= 0.45;
  else if (line % FF_DEMO_N_LINE_TYPES == FF_DEMO_FRYER && sku == 16)
    rate *= 0.6;
  return rate;
}

/* The draws of one batch: u[0..4] the schedule, u[5..20] its stops, u[21..25] its quantities. */
#define N_DRAWS 26

typedef struct
{
  double u[N_DRAWS];
} Draws;

/* Plans the batches of the production history; returns their draws, one Draws per batch. */
static GArray *
schedule (FfDemo *demo)
{
  GArray *draws = g_array_new (FALSE, FALSE, sizeof (Draws));
  int last_sku[FF_DEMO_N_LINES];
  guint seq = 0;

  for (guint l = 0; l < FF_DEMO_N_LINES; l++)
    last_sku[l] = -1;
  demo->batches = g_array_new (FALSE, TRUE, sizeof (FfDemoBatch));

  for (int day = -demo->batch_days; day <= 0; day++)
    {
      int wd = _ff_demo_weekday (demo, day);

      for (guint s = 0; s < FF_DEMO_N_SHIFTS; s++)
        {
          Draws slot[FF_DEMO_N_LINES];

          /* The same draws for every slot, used or not: the data does not depend on which
           * weekday the demo is made. */
          for (guint l = 0; l < FF_DEMO_N_LINES; l++)
            for (guint i = 0; i < N_DRAWS; i++)
              slot[l].u[i] = _ff_demo_uniform (demo);

          for (guint l = 0; l < FF_DEMO_N_LINES; l++)
            {
              guint type = l % FF_DEMO_N_LINE_TYPES;
              const double *u = slot[l].u;
              double odds;
              FfDemoBatch b = { 0 };
              gint64 shift_start;
              int y, m, d;

              if (type == FF_DEMO_BAGGER)
                continue;
              odds = wd <= 5 ? run_odds[type].weekday[s]
                             : (wd == 6 && s == 0 ? run_odds[type].saturday : 0);
              shift_start = _ff_demo_day_start (demo, day)
                            + (gint64) ff_demo_shifts[s].start_hour * 3600;
              /* Today's batches: only those already started by the reference time. */
              if (u[0] >= odds || shift_start + 20 * 60 >= _ff_demo_day_start (demo, 0))
                continue;

              b.line = l;
              b.shift = s;
              b.day = day;
              if (last_sku[l] < 0 || u[1] < 0.35 || !sku_made_on ((guint) last_sku[l], day))
                b.sku = pick_sku (l, day, u[2]);
              else
                b.sku = (guint) last_sku[l];
              last_sku[l] = (int) b.sku;
              b.planned_start = shift_start + 20 * 60;
              b.planned_end = shift_start + 8 * 3600 - 20 * 60;
              b.actual_start = b.planned_start + (gint64) lround ((u[3] * 12 - 2) * 60);
              b.actual_end = b.planned_end + (gint64) lround ((u[4] * 16 - 8) * 60);
              b.paired = -1;
              _ff_demo_ymd (demo, day, &y, &m, &d);
              g_snprintf (b.code, sizeof b.code, "B-%04d-%06u", y, ++seq);
              g_array_append_val (demo->batches, b);
              g_array_append_val (draws, slot[l]);

              if (type == FF_DEMO_FRYER)
                {
                  /* The bagger packs the fried chips in the same shift. */
                  FfDemoBatch pack = b;

                  pack.line = l + 1;
                  pack.paired = (int) demo->batches->len - 1;
                  pack.actual_start += 10 * 60;
                  pack.actual_end += 10 * 60;
                  g_snprintf (pack.code, sizeof pack.code, "B-%04d-%06u", y, ++seq);
                  g_array_index (demo->batches, FfDemoBatch, demo->batches->len - 1).paired =
                    (int) demo->batches->len;
                  g_array_append_val (demo->batches, pack);
                  g_array_append_val (draws, slot[l + 1]);
                }
            }
        }
    }
  return draws;
}

/* Downtime --------------------------------------------------------------------------------- */

typedef struct
{
  int         batch;
  guint       line;
  gint64      start;
  double      minutes;
  const char *category;
  const char *reason;
  char       *notes;
} Downtime;

static void
downtime_clear (gpointer data)
{
  g_free (((Downtime *) data)->notes);
}

static const struct {
  const char *reason;
  const char *note;
} minor_stops[FF_DEMO_N_LINE_TYPES][3] = {
  [FF_DEMO_FRYER] = { { "CONVEYOR-JAM", "Chips bridged on the take-away conveyor; cleared by the operator." },
                      { "SHEETER-TEAR", "Masa sheet tore at the sheeter; rollers re-gapped." },
                      { "OIL-LEVEL", "Low oil level alarm; day tank refilled." } },
  [FF_DEMO_BAGGER] = { { "JAM-FILM", "Film jammed at the forming collar; film re-threaded." },
                       { "SEAL-JAW", "Open seals rejected; jaw temperature adjusted." },
                       { "N2-FLOW", "Nitrogen flow alarm; cylinder changed." } },
  [FF_DEMO_COOKER] = { { "CAPPER-JAM", "Lids jammed in the capper chute." },
                       { "JAR-BREAK", "Broken jar on the infeed; glass breakage procedure followed, line cleaned." },
                       { "FILLER-DRIP", "Filler nozzle dripping; nozzle cleaned." } },
  [FF_DEMO_MIXER] = { { "LID-MISFEED", "Lidding film misfeed; reel spliced." },
                      { "TUB-DENEST", "Tubs not denesting; magazine reloaded." },
                      { "PUMP-AIR", "Air in the transfer pump; pump bled." } },
  [FF_DEMO_OVEN] = { { "DOUGH-STICK", "Dough pieces stuck on the divider." },
                     { "BELT-TRACK", "Oven belt tracking alarm; belt re-centred." },
                     { "BAG-CLIP", "Bag clipper out of clips." } },
  [FF_DEMO_CASE_PACKER] = { { "CASE-ERECT", "Case erector missed a blank." },
                            { "GRIPPER", "Robot gripper dropped a pack; vacuum cup replaced." },
                            { "LABEL-MISS", "Case label applicator out of labels." } },
};

static const char *const breakdowns[][2] = {
  { "MOTOR-TRIP", "Drive motor tripped on overload; maintenance reset and checked the bearings." },
  { "PLC-FAULT", "PLC communication fault; engineer rebooted the panel." },
  { "PNEUMATIC", "Air pressure dropped below 5 bar; compressor changeover." },
  { "GEARBOX", "Gearbox noise; line stopped and the gearbox oil topped up." },
};

static void
add_downtime (GArray     *list,
              int         batch,
              guint       line,
              gint64      start,
              double      minutes,
              const char *category,
              const char *reason,
              char       *notes)
{
  Downtime d = { batch, line, start, minutes, category, reason, notes };

  g_array_append_val (list, d);
}

/* The stops of one batch, from its draws @u; returns the unplanned minutes. */
static double
plan_downtime (FfDemo       *demo,
               FfDemoBatch  *b,
               int           index,
               int           previous_sku,
               const double *u,
               GArray       *list)
{
  guint type = b->line % FF_DEMO_N_LINE_TYPES;
  double run_min = (double) (b->actual_end - b->actual_start) / 60.0;
  double unplanned = 0;
  gint64 t = b->actual_start;

  if (previous_sku >= 0 && (guint) previous_sku != b->sku)
    {
      /* Cheese seasoning carries milk: a full allergen clean before the next product. */
      gboolean allergen = previous_sku == 2 || (previous_sku == 6 && b->sku != 6);
      double minutes = allergen ? 45 + u[0] * 20 : 15 + u[0] * 20;

      add_downtime (list, index, b->line, t, minutes, allergen ? "planned_stop" : "setup_adjustment",
                    allergen ? "ALLERGEN-CLEAN" : "CHANGEOVER",
                    g_strdup_printf ("Changeover from %s to %s%s.",
                                     ff_demo_skus[previous_sku].name, ff_demo_skus[b->sku].name,
                                     allergen ? "; allergen clean and swab verification per "
                                                "SOP-QA-002" : ""));
      if (!allergen)
        unplanned += minutes;
      t += (gint64) (minutes * 60) + 60;
    }
  if (u[1] < 0.12)
    {
      double minutes = 5 + u[2] * 15;

      add_downtime (list, index, b->line, t, minutes, "startup_reject", "STARTUP",
                    g_strdup ("Start-up product out of specification until the process settled."));
      unplanned += minutes;
    }
  /* Minor stops and a rare breakdown, spread over the run in order. */
  for (guint i = 0; i < 3; i++)
    if (u[3 + i] < 0.45)
      {
        gint64 at = b->actual_start + (gint64) (run_min * 60 * (0.15 + 0.25 * i + u[6 + i] * 0.2));
        double minutes = 3 + u[9 + i] * 9;

        if (at <= t)
          continue;
        add_downtime (list, index, b->line, at, minutes, "minor_stop",
                      minor_stops[type][i].reason, g_strdup (minor_stops[type][i].note));
        unplanned += minutes;
        t = at + (gint64) (minutes * 60) + 60;
      }
  if (u[12] < 0.05)
    {
      gint64 at = b->actual_start + (gint64) (run_min * 60 * (0.82 + u[13] * 0.08));
      guint which = (guint) (u[14] * G_N_ELEMENTS (breakdowns));
      double minutes = 20 + u[15] * 70;

      if (at > t)
        {
          add_downtime (list, index, b->line, at, minutes, "breakdown", breakdowns[which][0],
                        g_strdup (breakdowns[which][1]));
          unplanned += minutes;
        }
    }
  return unplanned;
}

static void
excursion_downtime (FfDemo                *demo,
                    const FfDemoExcursion *x,
                    GArray                *list)
{
  char limit[16], extreme[16];
  gint64 start = x->start + (gint64) (2 + x->minutes / 6) * 60;
  double minutes = x->minutes + 8;
  guint type = x->line % FF_DEMO_N_LINE_TYPES;

  _ff_demo_format_fixed (limit, sizeof limit, x->limit, 1);
  _ff_demo_format_fixed (extreme, sizeof extreme, x->extreme, 1);
  if (x->temperature)
    add_downtime (list, x->batch, x->line, start, minutes, "breakdown",
                  type == FF_DEMO_FRYER ? "FRYER-BURNER" : "STEAM-SUPPLY",
                  g_strdup_printf ("Temperature left its limit (%s °C against %s °C); line "
                                   "stopped until the %s recovered. Product made during the "
                                   "excursion diverted to waste.", extreme, limit,
                                   type == FF_DEMO_FRYER ? "burner was relit and the oil"
                                   : type == FF_DEMO_MIXER ? "chiller" : "steam supply"));
  else
    add_downtime (list, x->batch, x->line, start, minutes, "process_defect", "WEIGHER-HOPPER",
                  g_strdup_printf ("Checkweigher rejected underweight packs (%s g against the "
                                   "declared weight, limit %s g); weigher hopper door sticking, "
                                   "cleaned and re-zeroed. Rejects scrapped.", extreme, limit));
}

/* Quantities ------------------------------------------------------------------------------- */

static void
compute_batch (FfDemo      *demo,
               FfDemoBatch *b,
               double       unplanned_min,
               double       excursion_min,
               const double *u)
{
  guint type = b->line % FF_DEMO_N_LINE_TYPES;
  const FfDemoSku *sku = &ff_demo_skus[b->sku];
  double rate = rate_per_hour (b->line, b->sku);
  double planned_h = (double) (b->planned_end - b->planned_start) / 3600.0;
  double run_h = (double) (b->actual_end - b->actual_start) / 3600.0 - unplanned_min / 60.0;
  double perf = 0.86 + u[0] * 0.11;
  double scrap = (type == FF_DEMO_FRYER ? 0.015 : 0.006) + u[1] * 0.012;
  double kg_per_unit = type == FF_DEMO_FRYER ? 1.0 : sku->kg;

  b->planned = floor (rate * planned_h * 0.9);
  if (b->paired >= 0 && type == FF_DEMO_BAGGER)
    {
      /* Pack what the fryer made, as far as the bagger keeps up. */
      const FfDemoBatch *fry = &g_array_index (demo->batches, FfDemoBatch, b->paired);
      double from_wip = fry->good * 0.985 / sku->kg;

      b->planned = floor (MIN (b->planned, fry->planned * 0.985 / sku->kg));
      b->produced = floor (MIN (from_wip, rate * MAX (run_h, 0.5) * perf));
    }
  else
    b->produced = floor (rate * MAX (run_h, 0.5) * perf);
  if (excursion_min > 0)
    {
      /* What was made out of limits is scrapped, and the restart adds more. */
      scrap += excursion_min / 60.0 / MAX (run_h, 1.0) + 0.02 + u[2] * 0.03;
      b->excursion = TRUE;
    }
  b->good = floor (b->produced * (1.0 - MIN (scrap, 0.5)));
  b->scrap_kg = (b->produced - b->good) * kg_per_unit;
  b->downtime_min = unplanned_min;
  if (type == FF_DEMO_BAGGER || type == FF_DEMO_COOKER || type == FF_DEMO_MIXER)
    b->giveaway_g = sku->size / 200.0 * (1.6 + u[3] * 1.6) + (excursion_min > 0 ? 3.5 + u[4] * 3 : 0);
  else
    b->giveaway_g = 0;
  b->running = b->actual_end > _ff_demo_day_start (demo, 0);
}

static int
compare_downtime (gconstpointer a,
                  gconstpointer b)
{
  const Downtime *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) x->line - (int) y->line;
}

static GArray *
compute_batches (FfDemo *demo,
                 GArray *draws)
{
  GArray *downtime = g_array_new (FALSE, TRUE, sizeof (Downtime));
  int previous[FF_DEMO_N_LINES];

  g_array_set_clear_func (downtime, downtime_clear);
  for (guint l = 0; l < FF_DEMO_N_LINES; l++)
    previous[l] = -1;

  for (guint i = 0; i < demo->batches->len; i++)
    {
      FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
      const double *u = g_array_index (draws, Draws, i).u;
      double excursion_min = 0, unplanned;

      for (guint k = 0; k < demo->excursions->len; k++)
        {
          const FfDemoExcursion *x = &g_array_index (demo->excursions, FfDemoExcursion, k);

          if (x->batch == (int) i)
            {
              excursion_min += x->minutes;
              excursion_downtime (demo, x, downtime);
            }
        }
      unplanned = plan_downtime (demo, b, (int) i, previous[b->line], u + 5, downtime);
      if (excursion_min > 0)
        unplanned += excursion_min + 8;
      previous[b->line] = (int) b->sku;
      compute_batch (demo, b, unplanned, excursion_min, u + 21);
    }
  g_array_sort (downtime, compare_downtime);
  return downtime;
}

/* Saving ------------------------------------------------------------------------------------ */

static gboolean
save_batches (FfDemo  *demo,
              GError **error)
{
  for (guint i = 0; i < demo->batches->len; i++)
    {
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
      guint plant = b->line / FF_DEMO_N_LINE_TYPES;
      FfRecord *r = ff_record_new (&ff_kind_batches);
      g_autofree char *shift = g_strdup_printf ("%s-%s", ff_demo_plants[plant].short_code,
                                                ff_demo_shifts[b->shift].suffix);
      int decimals = b->line % FF_DEMO_N_LINE_TYPES == FF_DEMO_FRYER ? 1 : 0;

      _ff_demo_set (r, "code", b->code);
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, b->line));
      _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, b->sku));
      _ff_demo_set (r, "shift", _ff_demo_id (demo, &ff_kind_shifts, shift));
      _ff_demo_set (r, "status", b->running ? "running" : "completed");
      _ff_demo_set_time (r, "planned_start", b->planned_start);
      _ff_demo_set_time (r, "planned_end", b->planned_end);
      _ff_demo_set_time (r, "actual_start", b->actual_start);
      if (!b->running)
        _ff_demo_set_time (r, "actual_end", b->actual_end);
      _ff_demo_set_real (r, "planned_quantity", b->planned, decimals);
      _ff_demo_set_real (r, "produced_quantity", b->produced, decimals);
      _ff_demo_set_real (r, "good_quantity", b->good, decimals);
      _ff_demo_set (r, "unit", ff_demo_line_templates[b->line % FF_DEMO_N_LINE_TYPES].unit);
      _ff_demo_set_real (r, "scrap_kg", b->scrap_kg, 1);
      if (b->giveaway_g > 0)
        _ff_demo_set_real (r, "giveaway_g_per_unit", b->giveaway_g, 2);
      if (b->excursion)
        _ff_demo_set (r, "notes", "Sensor excursion during the run: extra scrap, see the "
                                  "downtime events of this batch.");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_downtime (FfDemo  *demo,
               GArray  *downtime,
               GError **error)
{
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < downtime->len; i++)
    {
      const Downtime *d = &g_array_index (downtime, Downtime, i);
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, d->batch);
      gint64 local = _ff_demo_local_time (demo, d->start);
      FfRecord *r;
      char code[48], line[8], date[16];
      gint64 end = d->start + (gint64) lround (d->minutes * 60);

      /* Stops that would begin after the reference time have not happened yet. */
      if (d->start >= _ff_demo_day_start (demo, 0))
        continue;
      _ff_demo_line_code (d->line, line);
      _ff_demo_format_day (demo, _ff_demo_day_of (demo, d->start), date);
      for (int bump = 0;; bump++)
        {
          gint64 at = local + bump * 60;
          g_snprintf (code, sizeof code, "DT-%s-%.4s%.2s%.2s-%02d%02d", line, date, date + 5,
                      date + 8, (int) (at / 3600 % 24), (int) (at / 60 % 60));
          if (!g_hash_table_contains (codes, code))
            break;
        }
      g_hash_table_add (codes, g_strdup (code));
      r = ff_record_new (&ff_kind_downtime_events);
      _ff_demo_set (r, "code", code);
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, d->line));
      _ff_demo_set (r, "batch", _ff_demo_id (demo, &ff_kind_batches, b->code));
      _ff_demo_set_time (r, "started_at", d->start);
      if (end < _ff_demo_day_start (demo, 0))
        {
          _ff_demo_set_time (r, "ended_at", end);
          _ff_demo_set_real (r, "minutes", d->minutes, 1);
        }
      _ff_demo_set (r, "loss_category", d->category);
      _ff_demo_set (r, "reason_code", d->reason);
      _ff_demo_set (r, "notes", d->notes);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_production (FfDemo  *demo,
                          GError **error)
{
  g_autoptr (GArray) draws = NULL;
  g_autoptr (GArray) downtime = NULL;

  draws = schedule (demo);
  _ff_demo_plan_excursions (demo);
  downtime = compute_batches (demo, draws);
  return save_batches (demo, error)
         && save_downtime (demo, downtime, error)
         && _ff_demo_make_trials (demo, error)
         && _ff_demo_make_money_leaks (demo, error);
}
