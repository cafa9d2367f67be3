/* ff-demo-plant-ops.c — demo PlantOps masters and results: plants, lines and shifts, trials,
 * and the money leaks priced from the batches and downtime of each line and month. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

/* Masters ---------------------------------------------------------------------------------- */

const FfDemoShift ff_demo_shifts[FF_DEMO_N_SHIFTS] = {
  { "EARLY", "Early shift", 6, "Mon-Sat", 30 },
  { "LATE", "Late shift", 14, "Mon-Fri", 30 },
  { "NIGHT", "Night shift", 22, "Mon-Fri", 45 },
};

static const char *const line_notes[FF_DEMO_N_LINE_TYPES] = {
  [FF_DEMO_FRYER] = "Continuous fryer, 1.2 t/h masa capacity; oil topped up automatically from the day tank.",
  [FF_DEMO_BAGGER] = "Vertical form-fill-seal bagger with 14-head weigher, nitrogen flush and checkweigher.",
  [FF_DEMO_COOKER] = "Two 1,500 l steam-jacketed kettles feeding a rotary jar filler and capper.",
  [FF_DEMO_MIXER] = "Bowl cutter and scraped-surface chiller feeding a tub filler with lidding station.",
  [FF_DEMO_OVEN] = "Tunnel oven with proofer; bread cooled on a spiral before bagging.",
  [FF_DEMO_CASE_PACKER] = "Pick-and-place case packer assembling multipacks from finished packs.",
};

static gboolean
make_plants (FfDemo  *demo,
             GError **error)
{
  for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
    {
      FfRecord *r = ff_record_new (&ff_kind_plants);
      const FfDemoPlant *plant = &ff_demo_plants[p];

      _ff_demo_set (r, "code", plant->code);
      _ff_demo_setf (r, "name", "Plant %s", plant->city);
      _ff_demo_set (r, "gln", plant->gln);
      _ff_demo_set (r, "address", plant->address);
      _ff_demo_set (r, "city", plant->city);
      _ff_demo_set (r, "country", plant->country);
      _ff_demo_set (r, "timezone", plant->timezone);
      _ff_demo_set (r, "notes", p == 0 ? "Head office and the Casa Crunch chips lines. BRCGS "
                                         "Food Safety grade AA, unannounced scheme."
                                       : "Dips, hummus and flatbread for the Benelux and the "
                                         "United Kingdom; GreenBite crisps since last year.");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static const char *const line_states[] = { "running", "running", "running", "running", "idle",
                                           "changeover", "down", "maintenance" };

static gboolean
make_lines (FfDemo  *demo,
            GError **error)
{
  for (guint l = 0; l < FF_DEMO_N_LINES; l++)
    {
      guint p = l / FF_DEMO_N_LINE_TYPES, t = l % FF_DEMO_N_LINE_TYPES;
      const FfDemoLineTemplate *tpl = &ff_demo_line_templates[t];
      FfRecord *r = ff_record_new (&ff_kind_lines);
      char code[8];
      int commissioned = -_ff_demo_int (demo, 400, 5000);
      const char *status = line_states[_ff_demo_int (demo, 0, G_N_ELEMENTS (line_states))];

      _ff_demo_line_code (l, code);
      _ff_demo_set (r, "code", code);
      _ff_demo_setf (r, "name", "%s %u", tpl->name, p + 1);
      _ff_demo_set (r, "plant", _ff_demo_id (demo, &ff_kind_plants, ff_demo_plants[p].code));
      _ff_demo_set (r, "line_type", tpl->type);
      _ff_demo_set (r, "status", status);
      _ff_demo_set_real (r, "ideal_cycle_time_s", tpl->cycle_s, 3);
      _ff_demo_set_real (r, "rated_speed_per_h", 3600.0 / tpl->cycle_s, 0);
      _ff_demo_set_int (r, "margin_per_minute_minor", tpl->margin_cents);
      _ff_demo_set (r, "currency", "EUR");
      _ff_demo_set_day (demo, r, "commissioned_on", commissioned);
      _ff_demo_set (r, "notes", line_notes[t]);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_shifts (FfDemo  *demo,
             GError **error)
{
  for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
    for (guint s = 0; s < FF_DEMO_N_SHIFTS; s++)
      {
        FfRecord *r = ff_record_new (&ff_kind_shifts);

        _ff_demo_setf (r, "code", "%s-%s", ff_demo_plants[p].short_code, ff_demo_shifts[s].suffix);
        _ff_demo_set (r, "plant", _ff_demo_id (demo, &ff_kind_plants, ff_demo_plants[p].code));
        _ff_demo_set (r, "name", ff_demo_shifts[s].name);
        _ff_demo_setf (r, "start_time", "%02d:00", ff_demo_shifts[s].start_hour);
        _ff_demo_setf (r, "end_time", "%02d:00", (ff_demo_shifts[s].start_hour + 8) % 24);
        _ff_demo_set_int (r, "planned_break_min", ff_demo_shifts[s].breaks);
        _ff_demo_set (r, "weekdays", ff_demo_shifts[s].weekdays);
        if (!_ff_demo_save (demo, r, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
_ff_demo_make_plant_masters (FfDemo  *demo,
                             GError **error)
{
  return make_plants (demo, error) && make_lines (demo, error) && make_shifts (demo, error);
}

/* Trials ----------------------------------------------------------------------------------- */

static const struct {
  const char *name;
  guint       line;
  int         sku;
  const char *hypothesis;
  const char *parameter;
  double      baseline;
  double      trial;
  const char *unit;
  int         start_day;
  int         days;
  const char *status;
  const char *outcome;
  const char *conclusion;
  const char *owner;
} trials[] = {
  { "Lower fryer oil temperature on L1", 0, 0,
    "Frying at 178 °C instead of 181 °C keeps the chips below 3 % moisture and cuts scrap from "
    "over-browned chips by at least 1 point, without raising acrylamide.",
    "Fryer oil set point", 181, 178, "°C", -95, 10, "completed", "adopted",
    "Scrap fell from 2.9 % to 1.6 % over 22 batches; moisture 1.8 % on average, acrylamide "
    "below 250 µg/kg in all six samples. New set point in the line recipe since week 2.",
    "Pieter van Dijk" },
  { "Nitrogen flush target on the chips bagger", 1, 1,
    "Residual oxygen below 2 % instead of 4 % extends the best-before date of chili chips by "
    "four weeks without rancid notes.",
    "Residual oxygen in the bag", 4, 2, "%", -70, 14, "completed", "inconclusive",
    "Shelf-life panel after 12 weeks showed no significant difference; nitrogen use up 18 %. "
    "Repeat with the new film supplier.", "Anouk Bakker" },
  { "Faster bowl cutter speed for hummus", 3, 7,
    "Cutting at 3,000 rpm for 90 s instead of 2,400 rpm for 120 s gives the same smoothness "
    "and shortens the batch by 6 minutes.",
    "Bowl cutter speed", 2400, 3000, "rpm", -40, 7, "completed", "rejected",
    "Product temperature rose to 9 °C at discharge, above the 8 °C chilling limit; texture "
    "panel preferred the current process.", "Yusuf Demir" },
  { "Reduced salt in Tortilla Chips Salted", 6, 0,
    "Sea salt topping at 1.0 % instead of 1.2 % meets the 2026 salt pledge and scores the same "
    "in the consumer panel.",
    "Salt topping rate", 1.2, 1.0, "%", -20, 14, "running", NULL, NULL, "Marta Jiménez" },
  { "Chickpea snack: roast profile", 6, 17,
    "Roasting chickpeas at 165 °C for 22 minutes before frying gives a crunch score of 7 or "
    "more on the sensory scale.",
    "Roasting temperature", 180, 165, "°C", -12, 5, "running", NULL, NULL, "Sanne de Vries" },
  { "Chickpea snack: paprika seasoning load", 7, 17,
    "A paprika seasoning load of 6 % gives enough flavour at launch cost.",
    "Seasoning load", 8, 6, "%", 10, 5, "approved", NULL, NULL, "Sanne de Vries" },
  { "Thinner flatbread sheet", 4, 11,
    "Sheeting at 2.4 mm instead of 2.8 mm gives 6 % more flatbreads per kg dough and the same "
    "fold test result.",
    "Sheet thickness", 2.8, 2.4, "mm", 21, 7, "proposed", NULL, NULL, "Lotte Maes" },
  { "Steam injection in the salsa kettles", 8, 4,
    "Direct steam injection reaches 92 °C 8 minutes faster than jacket heating alone.",
    "Heat-up time to 92 °C", 26, 18, "min", -130, 10, "cancelled", NULL,
    "Cancelled: steam quality not food grade without a culinary steam filter; capital request "
    "raised instead.", "Pieter van Dijk" },
};

gboolean
_ff_demo_make_trials (FfDemo  *demo,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (trials); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_trials);
      int y, m, d;

      _ff_demo_ymd (demo, trials[i].start_day, &y, &m, &d);
      _ff_demo_setf (r, "code", "TR-%04d-%02u", y, i + 1);
      _ff_demo_set (r, "name", trials[i].name);
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, trials[i].line));
      if (trials[i].sku >= 0)
        _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, (guint) trials[i].sku));
      _ff_demo_set (r, "hypothesis", trials[i].hypothesis);
      _ff_demo_set (r, "parameter", trials[i].parameter);
      _ff_demo_set_real (r, "baseline_value", trials[i].baseline, 2);
      _ff_demo_set_real (r, "trial_value", trials[i].trial, 2);
      _ff_demo_set (r, "parameter_unit", trials[i].unit);
      _ff_demo_set_day (demo, r, "start_date", trials[i].start_day);
      _ff_demo_set_day (demo, r, "end_date", trials[i].start_day + trials[i].days);
      _ff_demo_set (r, "status", trials[i].status);
      _ff_demo_set (r, "outcome", trials[i].outcome);
      _ff_demo_set (r, "conclusion", trials[i].conclusion);
      _ff_demo_set (r, "owner", trials[i].owner);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* Money leaks: the month's losses of each line, priced ---------------------------------------- */

typedef struct
{
  double downtime_min;
  double scrap_cost;   /* cents */
  double scrap_kg;
  double giveaway_cost;
  double giveaway_kg;
  double rework_cost;
} Leak;

gboolean
_ff_demo_make_money_leaks (FfDemo  *demo,
                  GError **error)
{
  static const char *const categories[] = { "downtime", "scrap", "giveaway", "rework" };
  int first = _ff_demo_month_start (demo, -demo->batch_days);
  int current = _ff_demo_month_start (demo, 0);
  guint n_months = 0;
  int months[8];
  Leak leaks[8][FF_DEMO_N_LINES] = { { { 0 } } };

  for (int m = first; m <= current && n_months < G_N_ELEMENTS (months);
       m = _ff_demo_month_start (demo, m + 32))
    months[n_months++] = m;

  for (guint i = 0; i < demo->batches->len; i++)
    {
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
      const FfDemoSku *sku = &ff_demo_skus[b->sku];
      /* Material and conversion cost per kg, as the SKUs carry them (ff-demo-brand.c). */
      double material = sku->price_cents * 0.32 / sku->kg;
      double conversion = sku->price_cents * 0.14 / sku->kg;
      int month = _ff_demo_month_start (demo, b->day);
      Leak *leak = NULL;

      for (guint k = 0; k < n_months; k++)
        if (months[k] == month)
          leak = &leaks[k][b->line];
      if (leak == NULL)
        continue;
      leak->downtime_min += b->downtime_min;
      leak->scrap_kg += b->scrap_kg;
      leak->scrap_cost += b->scrap_kg * (material + conversion);
      leak->giveaway_kg += b->giveaway_g * b->good / 1000.0;
      leak->giveaway_cost += b->giveaway_g * b->good / 1000.0 * material;
      if (b->excursion)
        leak->rework_cost += 0.2 * b->scrap_kg * conversion;
    }

  for (guint k = 0; k < n_months; k++)
    for (guint l = 0; l < FF_DEMO_N_LINES; l++)
      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        {
          const Leak *leak = &leaks[k][l];
          int margin = ff_demo_line_templates[l % FF_DEMO_N_LINE_TYPES].margin_cents;
          double amount = c == 0 ? leak->downtime_min * margin
                        : c == 1 ? leak->scrap_cost
                        : c == 2 ? leak->giveaway_cost
                        : leak->rework_cost;
          double u = _ff_demo_uniform (demo);
          g_autofree char *upper = g_ascii_strup (categories[c], -1);
          char line[8], date[16];
          FfRecord *r;

          if (amount < 100)
            continue;
          _ff_demo_line_code (l, line);
          _ff_demo_format_day (demo, months[k], date);
          r = ff_record_new (&ff_kind_money_leaks);
          _ff_demo_setf (r, "code", "ML-%s-%.7s-%s", line, date, upper);
          _ff_demo_set (r, "line", _ff_demo_line_id (demo, l));
          _ff_demo_set (r, "period_start", date);
          _ff_demo_set (r, "granularity", "month");
          _ff_demo_set (r, "category", categories[c]);
          _ff_demo_set_int (r, "amount_minor", llround (amount));
          _ff_demo_set (r, "currency", "EUR");
          if (c == 0)
            _ff_demo_setf (r, "basis", "%.0f min unplanned downtime × %d.%02d EUR/min margin "
                           "at the bottleneck", leak->downtime_min, margin / 100, margin % 100);
          else if (c == 1)
            _ff_demo_setf (r, "basis", "%.0f kg scrap × material and conversion cost",
                           leak->scrap_kg);
          else if (c == 2)
            _ff_demo_setf (r, "basis", "%.0f kg filled above declared weight × material cost",
                           leak->giveaway_kg);
          else
            _ff_demo_set (r, "basis", "Rework of product from sensor excursions, at conversion "
                                      "cost");
          _ff_demo_set (r, "status", months[k] == current ? "open"
                                     : u < 0.4 ? "resolved" : u < 0.7 ? "action_planned"
                                     : "acknowledged");
          if (!_ff_demo_save (demo, r, error))
            return FALSE;
        }
  return TRUE;
}
