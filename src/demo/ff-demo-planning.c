/* ff-demo-planning.c — demo Planning: weekly forecast versions with their history per SKU and
 * distribution centre, production plans for the coming weeks within line capacity, safety
 * stocks from demand and lead-time variability, and daily inventory (some below reorder). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

/* The share of each SKU's demand that each distribution centre serves. */
static const double dc_share[FF_DEMO_N_DCS] = { 0.45, 0.33, 0.22 };

/* Store equivalents the network supplies (the demo's 405 stores share their POS; the rest of
 * the trade does not): weekly cases = daily units x 7 x this / case pack. Sized so that demand
 * keeps the lines about as busy as their production history shows. */
#define NETWORK_STORES 5500.0

static double
weekly_cases (FfDemo *demo,
              guint   sku,
              guint   dc,
              int     monday)
{
  const FfDemoSku *s = &ff_demo_skus[sku];
  int doy = _ff_demo_day_of_year (demo, monday + 3);
  double amplitude = s->family == FF_DEMO_CHIPS || s->family == FF_DEMO_SALSA ? 0.22 : 0.1;
  double season = 1.0 + amplitude * cos (2 * G_PI * (doy - 196) / 365.0);

  if (s->family == FF_DEMO_MEZZE)
    season += 2.0 * exp (-pow ((doy - 355) / 10.0, 2));
  return s->daily_units * 7 * NETWORK_STORES * dc_share[dc] * season / s->case_pack;
}

static gboolean
forecast_sku (guint sku)
{
  return ff_demo_skus[sku].daily_units > 0;
}

/* ISO 8601 year and week of @day. */
static void
iso_week (FfDemo *demo,
          int     day,
          int    *year,
          int    *week)
{
  int thursday = day - (_ff_demo_weekday (demo, day) - 1) + 3;
  int m, d;

  _ff_demo_ymd (demo, thursday, year, &m, &d);
  *week = (_ff_demo_day_of_year (demo, thursday) - 1) / 7 + 1;
}

/* Forecasts -------------------------------------------------------------------------------- */

static gboolean
make_forecasts (FfDemo  *demo,
                GError **error)
{
  guint history = _ff_demo_scaled (demo, 26, 1);
  int monday = -(_ff_demo_weekday (demo, 0) - 1);

  /* history archived versions, this week's approved one, and next week's draft. */
  for (int v = -(int) history; v <= 1; v++)
    {
      int created = v <= 0 ? monday + 7 * v : 0;
      int year, week;
      char vcode[16];
      const char *version_id;
      FfRecord *r = ff_record_new (&ff_kind_forecast_versions);

      iso_week (demo, monday + 7 * v, &year, &week);
      g_snprintf (vcode, sizeof vcode, "%04dW%02d%s", year, week, v == 1 ? "D" : "");
      _ff_demo_setf (r, "code", "FV-%04d-W%02d%s", year, week, v == 1 ? "-DRAFT" : "");
      if (v == 1)
        _ff_demo_setf (r, "label", "Statistical proposal week %d", week);
      else
        _ff_demo_setf (r, "label", "Consensus week %d", week);
      _ff_demo_set (r, "status", v < 0 ? "archived" : v == 0 ? "approved" : "draft");
      _ff_demo_set (r, "method", "ets");
      _ff_demo_set_day (demo, r, "created_on", created);
      if (v == 0)
        _ff_demo_set (r, "notes", "Sales uplift for the FreshMart summer promotion added by hand "
                                  "to the first two weeks of Tortilla Chips Salted.");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
      {
        char full[24];
        g_snprintf (full, sizeof full, "FV-%04d-W%02d%s", year, week, v == 1 ? "-DRAFT" : "");
        version_id = _ff_demo_id (demo, &ff_kind_forecast_versions, full);
      }

      for (guint k = 0; k < ff_demo_n_skus; k++)
        {
          char sku_code[16];
          const char *sku_id;

          if (!forecast_sku (k))
            continue;
          _ff_demo_sku_code (k, sku_code);
          sku_id = _ff_demo_sku_id (demo, k);
          for (guint d = 0; d < FF_DEMO_N_DCS; d++)
            for (int h = 1; h <= 13; h++)
              {
                int start = monday + 7 * (v + h);
                double error_sd = 0.06 + 0.015 * h + (ff_demo_skus[k].family == FF_DEMO_MEZZE ? 0.3 : 0);
                double noise = _ff_demo_normal (demo, 1, error_sd);
                double q = weekly_cases (demo, k, d, start) * MAX (0.2, noise);
                const char *method = ff_demo_skus[k].family == FF_DEMO_MEZZE ? "croston"
                                     : v == 0 && h <= 2 && k == 0 ? "manual" : "ets";
                char date[16];

                if (v == 0 && h <= 2 && k == 0)
                  q *= 1.35;
                r = ff_record_new (&ff_kind_forecasts);
                _ff_demo_format_day (demo, start, date);
                _ff_demo_setf (r, "code", "FC-%s-%s-%s-%s", vcode, date, sku_code, ff_demo_dcs[d].code + 3);
                _ff_demo_set (r, "version", version_id);
                _ff_demo_set (r, "sku", sku_id);
                _ff_demo_set (r, "location", ff_demo_dcs[d].code);
                _ff_demo_set (r, "period_start", date);
                _ff_demo_set (r, "granularity", "week");
                _ff_demo_set_real (r, "quantity", q, 0);
                _ff_demo_set (r, "unit", "case");
                _ff_demo_set (r, "method", method);
                if (!_ff_demo_save (demo, r, error))
                  return FALSE;
              }
        }
    }
  return TRUE;
}

/* Production plans ------------------------------------------------------------------------- */

static const int plan_skus[FF_DEMO_N_LINE_TYPES][FF_DEMO_N_PLANTS][4] = {
  [FF_DEMO_FRYER] = { { 0, 1, 2, 0 }, { 0, 14, 15, 16 } },
  [FF_DEMO_BAGGER] = { { 0, 1, 2, 0 }, { 0, 14, 15, 16 } },
  [FF_DEMO_COOKER] = { { 4, 5, 6, 4 }, { 4, 5, 6, 4 } },
  [FF_DEMO_MIXER] = { { 7, 8, 9, 10 }, { 7, 8, 7, 10 } },
  [FF_DEMO_OVEN] = { { 11, 12, 11, 11 }, { 11, 12, 11, 12 } },
  [FF_DEMO_CASE_PACKER] = { { 13, 13, 13, 13 }, { 13, 13, 13, 13 } },
};

/* @quantity of SKU @sku in @unit ("ea", "kg", "case") in cases. */
static double
to_cases (guint       sku,
          const char *unit,
          double      quantity)
{
  const FfDemoSku *s = &ff_demo_skus[sku];

  if (g_str_equal (unit, "kg"))
    return quantity / (s->kg * s->case_pack);
  if (g_str_equal (unit, "ea"))
    return quantity / s->case_pack;
  return quantity;
}

/* The plan of the coming five weeks, per line and shift, from the expected demand of the
 * network: each shift a line runs the SKU it can make that has the most demand of the week
 * still unplanned (plus a few percent for yield losses), as much of it as the shift can make;
 * a line with nothing left to make that week stands idle. A SKU is planned where it is
 * finished: the fryers feed the baggers, which carry the plan. Where demand exceeds capacity
 * (the mezze boxes before Christmas) the plan falls short, as a real one would. */
static gboolean
make_production_plans (FfDemo  *demo,
                       GError **error)
{
  static const char shift_letter[] = { 'E', 'L' };
  const int days = 35;
  int monday = -(_ff_demo_weekday (demo, 0) - 1);
  guint n_weeks = (guint) ((days - monday) / 7 + 1);
  /* [week][sku]: cases still to plan. */
  g_autofree double *open = g_new0 (double, n_weeks * ff_demo_n_skus);

  for (guint w = 0; w < n_weeks; w++)
    for (guint k = 0; k < ff_demo_n_skus; k++)
      for (guint d = 0; d < FF_DEMO_N_DCS && forecast_sku (k); d++)
        open[w * ff_demo_n_skus + k] += weekly_cases (demo, k, d, monday + 7 * (int) w)
                                        * _ff_demo_range (demo, 1.02, 1.05);

  for (int day = 1; day <= days; day++)
    {
      int wd = _ff_demo_weekday (demo, day);
      guint week = (guint) ((day - monday) / 7);

      for (guint s = 0; s < 2; s++)
        for (guint l = 0; l < FF_DEMO_N_LINES; l++)
          {
            guint type = l % FF_DEMO_N_LINE_TYPES, plant = l / FF_DEMO_N_LINE_TYPES;
            const FfDemoLineTemplate *tpl = &ff_demo_line_templates[type];
            double capacity = 3600.0 / tpl->cycle_s * (7 + 20 / 60.0) * 0.97;
            gint64 start = _ff_demo_day_start (demo, day) + (6 + 8 * s) * 3600 + 20 * 60;
            double *left = NULL, cases, quantity;
            guint sku = 0;
            FfRecord *r;
            char date[16], line[8];

            if (wd > 5 || type == FF_DEMO_FRYER || (type == FF_DEMO_CASE_PACKER && s > 0))
              continue;
            for (guint c = 0; c < 4; c++)
              {
                guint k = (guint) plan_skus[type][plant][c];
                double *o = &open[week * ff_demo_n_skus + k];
                if (left == NULL || *o > *left)
                  {
                    left = o;
                    sku = k;
                  }
              }
            cases = MIN (*left, to_cases (sku, tpl->unit, capacity));
            /* Not worth a changeover for less than a tenth of a shift. */
            if (cases < 0.1 * to_cases (sku, tpl->unit, capacity))
              continue;
            *left -= cases;
            quantity = floor (capacity * cases / to_cases (sku, tpl->unit, capacity));
            _ff_demo_format_day (demo, day, date);
            _ff_demo_line_code (l, line);
            r = ff_record_new (&ff_kind_production_plans);
            _ff_demo_setf (r, "code", "PP-%.4s%.2s%.2s-%s-%c", date, date + 5, date + 8, line,
                           shift_letter[s]);
            _ff_demo_set (r, "line", _ff_demo_line_id (demo, l));
            _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, sku));
            _ff_demo_set_time (r, "planned_start", start);
            _ff_demo_set_time (r, "planned_end", start + 7 * 3600 + 20 * 60);
            _ff_demo_set_real (r, "quantity", quantity, 0);
            _ff_demo_set (r, "unit", tpl->unit);
            _ff_demo_set (r, "status", day <= 2 ? "released" : day <= 7 ? "firm" : "draft");
            if (sku == 2)
              _ff_demo_set (r, "notes", "Cheese seasoning: last run of the day, allergen clean "
                                        "booked after it (SOP-QA-002).");
            if (!_ff_demo_save (demo, r, error))
              return FALSE;
          }
    }
  return TRUE;
}

/* Safety stocks and inventory -------------------------------------------------------------- */

typedef struct
{
  double d;       /* cases per day */
  double sd;
  double lead;
  double lead_sd;
  double ss;
  double rop;
} Stock;

static double
z_for (double service)
{
  return service >= 99 ? 2.33 : service >= 98 ? 2.05 : service >= 95 ? 1.645 : 1.28;
}

static gboolean
make_stocks (FfDemo  *demo,
             GError **error)
{
  int inv_days = CLAMP ((int) lround (90 * demo->scale), 7, 90);
  int monday = -(_ff_demo_weekday (demo, 0) - 1);

  for (guint k = 0; k < ff_demo_n_skus; k++)
    {
      char sku_code[16];

      if (!forecast_sku (k))
        continue;
      _ff_demo_sku_code (k, sku_code);
      for (guint dc = 0; dc < FF_DEMO_N_DCS; dc++)
        {
          const FfDemoSku *s = &ff_demo_skus[k];
          Stock st;
          double service = s->daily_units >= 4 ? 98 : s->daily_units >= 2 ? 95 : 90;
          double cv = s->family == FF_DEMO_MEZZE ? 1.0 : _ff_demo_range (demo, 0.22, 0.45);
          double on_hand, on_order = 0;
          int arrives = 0;
          /* A few items run short this week: the plant is behind on them. */
          gboolean short_supply = (k + dc) % 7 == 3;
          FfRecord *r;

          st.d = weekly_cases (demo, k, dc, monday) / 7;
          st.sd = st.d * cv;
          st.lead = dc == 2 ? 4 : 2;
          st.lead_sd = dc == 2 ? 1.0 : 0.5;
          st.ss = z_for (service) * sqrt (st.lead * st.sd * st.sd + st.d * st.d * st.lead_sd * st.lead_sd);
          st.rop = st.d * st.lead + st.ss;

          r = ff_record_new (&ff_kind_safety_stocks);
          _ff_demo_setf (r, "code", "SS-%s-%s", sku_code, ff_demo_dcs[dc].code);
          _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, k));
          _ff_demo_set (r, "location", ff_demo_dcs[dc].code);
          _ff_demo_set_real (r, "service_level_pct", service, 1);
          _ff_demo_set_real (r, "safety_stock", st.ss, 1);
          _ff_demo_set_real (r, "reorder_point", st.rop, 1);
          _ff_demo_set_real (r, "avg_daily_demand", st.d, 2);
          _ff_demo_set_real (r, "daily_demand_sd", st.sd, 2);
          _ff_demo_set (r, "unit", "case");
          _ff_demo_set_real (r, "lead_time_days", st.lead, 1);
          _ff_demo_set_real (r, "lead_time_sd_days", st.lead_sd, 1);
          _ff_demo_set_real (r, "review_period_days", 1, 0);
          _ff_demo_set_day (demo, r, "computed_on", monday);
          if (!_ff_demo_save (demo, r, error))
            return FALSE;

          /* The daily stock at the DC: demand out, production in when below the reorder
           * point. */
          on_hand = st.rop + st.d * _ff_demo_range (demo, 2, 5);
          for (int day = -inv_days; day <= 0; day++)
            {
              double demand = _ff_demo_normal (demo, st.d, st.sd);
              double u = _ff_demo_uniform (demo);
              char date[16];

              if (arrives > 0 && day >= arrives)
                {
                  on_hand += on_order;
                  on_order = 0;
                  arrives = 0;
                }
              on_hand = MAX (0, on_hand - MAX (demand, 0));
              if (on_hand + on_order < st.rop && on_order == 0 && !(short_supply && day > -6))
                {
                  on_order = ceil (st.d * 7 + st.rop - on_hand);
                  arrives = day + (int) st.lead + (u < 0.2);
                }
              _ff_demo_format_day (demo, day, date);
              r = ff_record_new (&ff_kind_inventory_levels);
              _ff_demo_setf (r, "code", "INV-%s-%s-%s", date, sku_code, ff_demo_dcs[dc].code);
              _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, k));
              _ff_demo_set (r, "location", ff_demo_dcs[dc].code);
              _ff_demo_set (r, "as_of", date);
              _ff_demo_set_real (r, "on_hand", floor (on_hand), 0);
              _ff_demo_set_real (r, "on_order", on_order, 0);
              _ff_demo_set_real (r, "allocated", floor (MIN (on_hand, st.d * 0.6)), 0);
              _ff_demo_set (r, "unit", "case");
              if (!_ff_demo_save (demo, r, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
_ff_demo_make_planning (FfDemo  *demo,
                        GError **error)
{
  return make_forecasts (demo, error)
         && make_production_plans (demo, error)
         && make_stocks (demo, error);
}
