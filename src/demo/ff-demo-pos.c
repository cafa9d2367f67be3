/* ff-demo-pos.c — demo Retail data: promotions, daily POS per store and SKU simulated with
 * the store's book stock (weekly and annual seasonality, promotion uplift and post-promotion
 * dip, phantom-stock runs of zero sales), waste, and the OSA alerts those runs raise. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

#define HISTORY_DAYS 180
#define N_SKUS_MAX 18

/* Monday .. Sunday */
static const double weekday_factor[7] = { 0.86, 0.82, 0.88, 0.96, 1.18, 1.36, 0.94 };

typedef struct
{
  guint       banner;
  guint       sku;
  int         starts;
  int         ends;       /* inclusive */
  const char *mechanic;
  double      discount;   /* fraction */
  double      uplift;
  const char *status;
  char        code[24];
} Promotion;

typedef struct
{
  guint  store;
  guint  sku;
  int    starts;
  int    days;
} Phantom;

typedef struct
{
  GArray *promotions;                                  /* Promotion */
  /* per banner, SKU and history day: the demand factor, the discount, and whether on promo */
  float   factor[FF_DEMO_N_BANNERS][N_SKUS_MAX][HISTORY_DAYS + 1];
  float   discount[FF_DEMO_N_BANNERS][N_SKUS_MAX][HISTORY_DAYS + 1];
  GArray *phantoms;                                    /* Phantom */
  GArray *alerts;                                      /* Alert */
  GPtrArray *waste;                                    /* FfRecord, saved after the POS */
} Retail;

typedef struct
{
  guint  store;
  guint  sku;
  int    detected;
  int    run_days;
  double expected;
  double lost_minor;
  int    run_end;    /* the last zero day */
} Alert;

static gboolean
sells (guint sku)
{
  return ff_demo_skus[sku].daily_units > 0;
}

/* Which SKUs a store carries: convenience stores only the best sellers, discounters most,
 * supermarkets all but sometimes the party box, hypermarkets everything. */
static gboolean
carries (const FfDemoStore *store,
         guint              sku,
         double             u)
{
  const char *format = ff_demo_formats[store->format];
  double rate = ff_demo_skus[sku].daily_units;

  if (!sells (sku))
    return FALSE;
  if (g_str_equal (format, "convenience"))
    return rate >= 2.5 && ff_demo_skus[sku].family != FF_DEMO_MEZZE;
  if (g_str_equal (format, "discount"))
    return rate >= 2.0;
  if (g_str_equal (format, "supermarket"))
    return ff_demo_skus[sku].family != FF_DEMO_MEZZE || u < 0.5;
  return TRUE;
}

static double
season (FfDemo *demo,
        guint   sku,
        int     day)
{
  int doy = _ff_demo_day_of_year (demo, day);
  FfDemoFamily family = ff_demo_skus[sku].family;
  double amplitude = family == FF_DEMO_CHIPS || family == FF_DEMO_SALSA ? 0.22
                   : family == FF_DEMO_HUMMUS ? 0.12 : 0.05;
  double f = 1.0 + amplitude * cos (2 * G_PI * (doy - 196) / 365.0);
  double xmas = (doy - 358) / 9.0;

  /* Party season: the mezze box and the chips sell far more around Christmas. */
  if (family == FF_DEMO_MEZZE)
    f += 2.5 * exp (-xmas * xmas);
  else if (family == FF_DEMO_CHIPS)
    f += 0.4 * exp (-xmas * xmas);
  return f;
}

static double
retail_price (guint sku,
              guint banner)
{
  double price = ff_demo_skus[sku].price_cents * 1.35;

  return g_str_equal (_ff_demo_banner_currency (banner), "GBP") ? price * 0.86 : price;
}

/* Promotions ------------------------------------------------------------------------------- */

/* The retailer's theme of the month the promotion starts in. */
static const char *const promo_themes[12] = {
  "Healthy January", "Big match weekend", "Spring picnic", "Easter get-together",
  "World food week", "Summer barbecue", "Summer barbecue", "Festival season", "Back to school",
  "Movie night", "Game night", "Festive party",
};

static void
plan_promotions (FfDemo *demo,
                 Retail *retail)
{
  guint seq = 20;

  retail->promotions = g_array_new (FALSE, TRUE, sizeof (Promotion));
  for (guint b = 0; b < FF_DEMO_N_BANNERS; b++)
    for (guint i = 0; i < 14; i++)
      {
        Promotion p = { 0 };
        double u_mech = _ff_demo_uniform (demo), u_disc = _ff_demo_uniform (demo);
        double u_len = _ff_demo_uniform (demo), u_noise = _ff_demo_uniform (demo);
        int y, m, d;
        gboolean overlaps = FALSE;

        p.banner = b;
        do
          p.sku = (guint) _ff_demo_int (demo, 0, ff_demo_n_skus);
        while (!sells (p.sku) || ff_demo_skus[p.sku].family == FF_DEMO_MEZZE);
        /* Spread over the history and the next five weeks. */
        p.starts = -HISTORY_DAYS + 5 + (int) (i * (HISTORY_DAYS + 35) / 14) + _ff_demo_int (demo, 0, 8);
        p.ends = p.starts + (u_len < 0.6 ? 6 : 13);
        if (u_mech < 0.5)
          {
            p.mechanic = "price_cut";
            p.discount = 0.20 + 0.15 * u_disc;
            p.uplift = 1.0 + 2.4 * p.discount + 0.3 * u_noise;
          }
        else if (u_mech < 0.75)
          {
            p.mechanic = "multibuy";
            p.discount = 0.25;
            p.uplift = 1.7 + 0.4 * u_noise;
          }
        else if (u_mech < 0.9)
          {
            p.mechanic = "display";
            p.uplift = 1.25 + 0.2 * u_noise;
          }
        else
          {
            p.mechanic = "feature";
            p.discount = 0.10;
            p.uplift = 1.2 + 0.2 * u_noise;
          }
        for (guint k = 0; k < retail->promotions->len; k++)
          {
            const Promotion *q = &g_array_index (retail->promotions, Promotion, k);
            overlaps = overlaps || (q->banner == b && q->sku == p.sku && q->starts <= p.ends + 14
                                    && p.starts <= q->ends + 14);
          }
        if (overlaps)
          continue;
        p.status = p.ends < 0 ? "completed" : p.starts <= 0 ? "running"
                   : p.starts <= 14 ? "approved" : "planned";
        if (b == 1 && i == 9)
          p.status = "cancelled";
        _ff_demo_ymd (demo, p.starts, &y, &m, &d);
        g_snprintf (p.code, sizeof p.code, "PROMO-%04d-%03u", y, ++seq);
        g_array_append_val (retail->promotions, p);
      }

  /* The demand factor of every banner, SKU and day of the history. */
  for (guint b = 0; b < FF_DEMO_N_BANNERS; b++)
    for (guint k = 0; k < ff_demo_n_skus; k++)
      for (int t = 0; t <= HISTORY_DAYS; t++)
        {
          retail->factor[b][k][t] = 1.0f;
          retail->discount[b][k][t] = -1.0f;
        }
  for (guint i = 0; i < retail->promotions->len; i++)
    {
      const Promotion *p = &g_array_index (retail->promotions, Promotion, i);
      gboolean dip = g_str_equal (p->mechanic, "price_cut") || g_str_equal (p->mechanic, "multibuy");

      if (g_str_equal (p->status, "cancelled"))
        continue;
      for (int day = p->starts; day <= p->ends + 7; day++)
        {
          int t = day + HISTORY_DAYS;

          if (t < 0 || t > HISTORY_DAYS)
            continue;
          if (day <= p->ends)
            {
              retail->factor[p->banner][p->sku][t] *= (float) p->uplift;
              retail->discount[p->banner][p->sku][t] = (float) p->discount;
              /* Shoppers switch from the brand's neighbouring products. */
              for (guint k = 0; k < ff_demo_n_skus; k++)
                if (k != p->sku
                    && !g_str_equal (ff_demo_skus[k].product, ff_demo_skus[p->sku].product)
                    && g_str_equal (ff_demo_skus[k].brand, ff_demo_skus[p->sku].brand)
                    && ff_demo_skus[k].family == ff_demo_skus[p->sku].family)
                  retail->factor[p->banner][k][t] *= 0.92f;
            }
          else if (dip)
            /* Shoppers stocked up: a dip in the week after. */
            retail->factor[p->banner][p->sku][t] *= 0.78f;
        }
    }
}

static gboolean
save_promotions (FfDemo  *demo,
                 Retail  *retail,
                 GError **error)
{
  for (guint i = 0; i < retail->promotions->len; i++)
    {
      const Promotion *p = &g_array_index (retail->promotions, Promotion, i);
      FfRecord *r = ff_record_new (&ff_kind_promotions);
      double price = retail_price (p->sku, p->banner);
      double stores = 0, base = 0;
      g_autofree char *pct = NULL;
      int y, m, d;

      for (guint s = 0; s < demo->stores->len; s++)
        {
          const FfDemoStore *store = g_ptr_array_index (demo->stores, s);
          if (store->banner == p->banner)
            {
              stores++;
              base += ff_demo_skus[p->sku].daily_units * store->size;
            }
        }
      pct = g_strdup_printf ("%.0f %% off", p->discount * 100);
      _ff_demo_set (r, "code", p->code);
      _ff_demo_ymd (demo, p->starts, &y, &m, &d);
      _ff_demo_setf (r, "name", "%s: %s %s", promo_themes[m - 1],
                     ff_demo_skus[p->sku].name,
                     g_str_equal (p->mechanic, "price_cut") ? pct
                     : g_str_equal (p->mechanic, "multibuy") ? "2 for the price of 1.5"
                     : g_str_equal (p->mechanic, "display") ? "on the end-of-aisle display"
                     : "in the weekly leaflet");
      _ff_demo_set (r, "banner", _ff_demo_id (demo, &ff_kind_banners, _ff_demo_banner_code (p->banner)));
      _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, p->sku));
      _ff_demo_set_day (demo, r, "starts_on", p->starts);
      _ff_demo_set_day (demo, r, "ends_on", p->ends);
      _ff_demo_set (r, "mechanic", p->mechanic);
      _ff_demo_set_real (r, "discount_pct", p->discount * 100, 1);
      /* We fund 60 % of the discount on the expected volume, plus a display fee per store. */
      _ff_demo_set_int (r, "trade_spend_minor",
                        llround (0.6 * p->discount * price * base * p->uplift * (p->ends - p->starts + 1)
                                 + (g_str_equal (p->mechanic, "display") ? 2500 * stores : 0)
                                 + (g_str_equal (p->mechanic, "feature") ? 150000 : 0)));
      _ff_demo_set (r, "currency", _ff_demo_banner_currency (p->banner));
      _ff_demo_set (r, "status", p->status);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* POS -------------------------------------------------------------------------------------- */

static void
plan_phantoms (FfDemo *demo,
               Retail *retail,
               GArray *combos)
{
  guint n = MAX (3, combos->len / 40);

  retail->phantoms = g_array_new (FALSE, TRUE, sizeof (Phantom));
  for (guint i = 0; i < n && combos->len > 0; i++)
    {
      Phantom p = { 0 };
      guint pick = (guint) _ff_demo_int (demo, 0, (int) combos->len);
      double u_start = _ff_demo_uniform (demo), u_len = _ff_demo_uniform (demo);
      gboolean taken = FALSE;

      /* A steady seller, so that the missing sales are improbable. */
      for (guint k = 0; k < combos->len; k++)
        {
          guint c = (pick + k) % combos->len;
          const Phantom *q = &g_array_index (combos, Phantom, c);
          const FfDemoStore *store = g_ptr_array_index (demo->stores, q->store);

          if (ff_demo_skus[q->sku].daily_units * store->size >= 1.5)
            {
              pick = c;
              break;
            }
        }
      p = g_array_index (combos, Phantom, pick);
      for (guint k = 0; k < retail->phantoms->len; k++)
        taken = taken || (g_array_index (retail->phantoms, Phantom, k).store == p.store
                          && g_array_index (retail->phantoms, Phantom, k).sku == p.sku);
      if (taken)
        continue;
      p.days = 4 + (int) (u_len * 9);
      /* The first run is still going on today. */
      p.starts = i == 0 ? -p.days + 3 : -170 + (int) (u_start * 160);
      g_array_append_val (retail->phantoms, p);
    }
}

static const Phantom *
phantom_of (Retail *retail,
            guint   store,
            guint   sku)
{
  for (guint i = 0; i < retail->phantoms->len; i++)
    {
      const Phantom *p = &g_array_index (retail->phantoms, Phantom, i);
      if (p->store == store && p->sku == sku)
        return p;
    }
  return NULL;
}

static void
add_waste (FfDemo     *demo,
           Retail     *retail,
           const char *store_number,
           const char *store_id,
           guint       sku,
           int         day,
           double      units,
           const char *reason,
           const char *currency)
{
  FfRecord *r = ff_record_new (&ff_kind_waste);
  char date[16], sku_code[16];

  _ff_demo_format_day (demo, day, date);
  _ff_demo_sku_code (sku, sku_code);
  _ff_demo_setf (r, "code", "W-%s-%s-%s", store_number, date, sku_code);
  _ff_demo_set (r, "store", store_id);
  _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, sku));
  _ff_demo_set (r, "recorded_on", date);
  _ff_demo_set_real (r, "units", units, 0);
  _ff_demo_set (r, "reason", reason);
  _ff_demo_set_int (r, "cost_minor", llround (units * ff_demo_skus[sku].price_cents
                                              * (g_str_equal (currency, "GBP") ? 0.86 : 1.0)));
  _ff_demo_set (r, "currency", currency);
  g_ptr_array_add (retail->waste, r);
}

/* Simulates one store and SKU over the history: the book stock, replenishment, sales,
 * waste, and a phantom-stock run where the shelf is empty but the book says otherwise. */
static gboolean
simulate (FfDemo       *demo,
          Retail       *retail,
          guint         s,
          guint         sku,
          GError      **error)
{
  const FfDemoStore *store = g_ptr_array_index (demo->stores, s);
  const FfDemoSku *item = &ff_demo_skus[sku];
  const Phantom *phantom = phantom_of (retail, s, sku);
  const char *store_id = _ff_demo_id (demo, &ff_kind_stores, store->number);
  const char *sku_id = _ff_demo_sku_id (demo, sku);
  const char *currency = _ff_demo_banner_currency (store->banner);
  double price = retail_price (sku, store->banner);
  double base = item->daily_units * store->size * _ff_demo_range (demo, 0.7, 1.3);
  double book = ceil (base * 6), on_order = 0, expected_run = 0;
  int i_store = ff_kind_get_field_index (&ff_kind_pos_sales, "store");
  int i_sku = ff_kind_get_field_index (&ff_kind_pos_sales, "sku");
  int i_date = ff_kind_get_field_index (&ff_kind_pos_sales, "sale_date");
  int i_units = ff_kind_get_field_index (&ff_kind_pos_sales, "units");
  int i_net = ff_kind_get_field_index (&ff_kind_pos_sales, "net_sales_minor");
  int i_currency = ff_kind_get_field_index (&ff_kind_pos_sales, "currency");
  int i_promo = ff_kind_get_field_index (&ff_kind_pos_sales, "on_promo");
  int i_hand = ff_kind_get_field_index (&ff_kind_pos_sales, "on_hand_units");
  gboolean alerted = FALSE;
  Alert alert = { 0 };

  for (int day = -HISTORY_DAYS; day < 0; day++)
    {
      int t = day + HISTORY_DAYS;
      float discount = retail->discount[store->banner][sku][t];
      double lambda = base * weekday_factor[_ff_demo_weekday (demo, day) - 1]
                      * season (demo, sku, day) * retail->factor[store->banner][sku][t];
      int demand = _ff_demo_poisson (demo, lambda);
      double u_waste = _ff_demo_uniform (demo), u_waste_qty = _ff_demo_uniform (demo);
      gboolean in_run = phantom && day >= phantom->starts && day < phantom->starts + phantom->days;
      double sold;
      FfRecord *r;
      char date[16], text[32];

      /* Yesterday's order arrives in the morning. */
      book += on_order;
      on_order = 0;
      if (phantom && day == phantom->starts + phantom->days)
        book = 0;  /* the stock count finds the shelf and the back room empty */

      sold = in_run ? 0 : MIN ((double) demand, book);
      book -= sold;
      if (in_run)
        {
          expected_run += lambda;
          /* The detector needs two zero days at least, and sales that improbable. */
          if (!alerted && expected_run > 3.0 && day > phantom->starts)
            {
              alerted = TRUE;
              alert.store = s;
              alert.sku = sku;
              alert.detected = day;
              alert.run_days = day - phantom->starts + 1;
              alert.expected = expected_run;
            }
        }
      if (u_waste < (item->chilled ? 0.025 : 0.003) && book > 0)
        {
          double units = MIN (book, 1 + floor (u_waste_qty * 4));
          add_waste (demo, retail, store->number, store_id, sku, day, units,
                     item->chilled ? (u_waste_qty < 0.9 ? "expired" : "quality")
                                   : (u_waste_qty < 0.95 ? "damaged" : "other"), currency);
          book -= units;
        }
      /* Order up to six days of demand when the book falls under three, in whole cases. */
      if (book < base * 3)
        on_order = ceil ((base * 6 - book) / item->case_pack) * item->case_pack;

      _ff_demo_format_day (demo, day, date);
      r = ff_record_new (&ff_kind_pos_sales);
      ff_record_set_nth (r, (guint) i_store, store_id);
      ff_record_set_nth (r, (guint) i_sku, sku_id);
      ff_record_set_nth (r, (guint) i_date, date);
      g_snprintf (text, sizeof text, "%.0f", sold);
      ff_record_set_nth (r, (guint) i_units, text);
      g_snprintf (text, sizeof text, "%.0f", round (sold * price * (1 - MAX (discount, 0.0f))));
      ff_record_set_nth (r, (guint) i_net, text);
      ff_record_set_nth (r, (guint) i_currency, currency);
      ff_record_set_nth (r, (guint) i_promo, discount >= 0 ? "1" : "0");
      g_snprintf (text, sizeof text, "%.0f", book);
      ff_record_set_nth (r, (guint) i_hand, text);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  if (alerted)
    {
      alert.run_end = phantom->starts + phantom->days - 1;
      alert.lost_minor = expected_run * price;
      g_array_append_val (retail->alerts, alert);
    }
  return TRUE;
}

static gboolean
save_alerts (FfDemo  *demo,
             Retail  *retail,
             GError **error)
{
  for (guint i = 0; i < retail->alerts->len; i++)
    {
      const Alert *a = &g_array_index (retail->alerts, Alert, i);
      const FfDemoStore *store = g_ptr_array_index (demo->stores, a->store);
      FfRecord *r = ff_record_new (&ff_kind_osa_alerts);
      char date[16], sku_code[16];
      double u = _ff_demo_uniform (demo);

      _ff_demo_format_day (demo, a->detected, date);
      _ff_demo_sku_code (a->sku, sku_code);
      _ff_demo_setf (r, "code", "OSA-%s-%s-%s", store->number, sku_code, date);
      _ff_demo_set (r, "store", _ff_demo_id (demo, &ff_kind_stores, store->number));
      _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, a->sku));
      _ff_demo_set (r, "detected_on", date);
      _ff_demo_set_int (r, "zero_run_days", a->run_days);
      _ff_demo_set_real (r, "expected_units", a->expected, 2);
      _ff_demo_set_real (r, "probability", exp (-a->expected), 6);
      _ff_demo_set_int (r, "est_lost_sales_minor", llround (a->lost_minor));
      _ff_demo_set (r, "currency", _ff_demo_banner_currency (store->banner));
      /* Runs still going are open; the store confirmed or fixed the older ones. */
      _ff_demo_set (r, "status", a->run_end >= -1 ? "open"
                                 : i == 1 ? "dismissed" : u < 0.7 ? "resolved" : "confirmed");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static void
retail_clear (Retail *retail)
{
  g_clear_pointer (&retail->promotions, g_array_unref);
  g_clear_pointer (&retail->phantoms, g_array_unref);
  g_clear_pointer (&retail->alerts, g_array_unref);
  g_clear_pointer (&retail->waste, g_ptr_array_unref);
}

gboolean
_ff_demo_make_retail (FfDemo  *demo,
                      GError **error)
{
  g_autofree Retail *retail = g_new0 (Retail, 1);
  g_autoptr (GArray) combos = g_array_new (FALSE, TRUE, sizeof (Phantom));
  gboolean ok = TRUE;

  g_assert (ff_demo_n_skus <= N_SKUS_MAX);
  retail->alerts = g_array_new (FALSE, TRUE, sizeof (Alert));
  retail->waste = g_ptr_array_new_with_free_func (g_object_unref);
  plan_promotions (demo, retail);
  for (guint s = 0; s < demo->stores->len; s++)
    for (guint k = 0; k < ff_demo_n_skus; k++)
      {
        double u = _ff_demo_uniform (demo);
        Phantom c = { s, k, 0, 0 };

        if (carries (g_ptr_array_index (demo->stores, s), k, u))
          g_array_append_val (combos, c);
      }
  plan_phantoms (demo, retail, combos);

  ok = save_promotions (demo, retail, error);
  for (guint i = 0; ok && i < combos->len; i++)
    ok = simulate (demo, retail, g_array_index (combos, Phantom, i).store,
                   g_array_index (combos, Phantom, i).sku, error);
  for (guint i = 0; ok && i < retail->waste->len; i++)
    ok = _ff_demo_save (demo, g_object_ref (g_ptr_array_index (retail->waste, i)), error);
  ok = ok && save_alerts (demo, retail, error);
  retail_clear (retail);
  return ok;
}
