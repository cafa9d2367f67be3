/* ff-demo-lots.c — demo traceability: ingredient lots delivered to each plant, and the WIP and
 * finished lots each batch makes from them, one link per input lot. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include <string.h>

#include "ff-demo-private.h"

typedef struct
{
  FfDemoMaterial material;
  double         amount;   /* per kg of WIP, or per finished unit */
} Input;

#define MAX_INPUTS 8
#define END { FF_DEMO_N_MATERIALS, 0 }

/* What one kg of WIP is made of, per SKU. */
static const Input wip_recipes[][MAX_INPUTS] = {
  [0] = { { FF_DEMO_RM_MASA, 0.70 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.27 }, { FF_DEMO_RM_SALT, 0.006 }, END },
  [1] = { { FF_DEMO_RM_MASA, 0.70 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.27 }, { FF_DEMO_RM_SALT, 0.006 }, END },
  [2] = { { FF_DEMO_RM_MASA, 0.70 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.27 }, { FF_DEMO_RM_SALT, 0.006 }, END },
  [3] = { { FF_DEMO_RM_MASA, 0.70 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.27 }, { FF_DEMO_RM_SALT, 0.006 }, END },
  [4] = { { FF_DEMO_RM_TOMATOES, 0.72 }, { FF_DEMO_RM_ONION, 0.10 }, { FF_DEMO_RM_JALAPENO, 0.04 },
          { FF_DEMO_RM_GARLIC, 0.01 }, { FF_DEMO_RM_OLIVE_OIL, 0.02 }, { FF_DEMO_RM_SALT, 0.012 },
          { FF_DEMO_RM_CITRIC, 0.004 }, END },
  [5] = { { FF_DEMO_RM_TOMATOES, 0.66 }, { FF_DEMO_RM_ONION, 0.10 }, { FF_DEMO_RM_JALAPENO, 0.10 },
          { FF_DEMO_RM_GARLIC, 0.01 }, { FF_DEMO_RM_OLIVE_OIL, 0.02 }, { FF_DEMO_RM_SALT, 0.012 },
          { FF_DEMO_RM_CITRIC, 0.004 }, END },
  [6] = { { FF_DEMO_RM_AVOCADO, 0.86 }, { FF_DEMO_RM_ONION, 0.05 }, { FF_DEMO_RM_LEMON, 0.03 },
          { FF_DEMO_RM_JALAPENO, 0.02 }, { FF_DEMO_RM_SALT, 0.01 }, { FF_DEMO_RM_GARLIC, 0.005 }, END },
  [7] = { { FF_DEMO_RM_CHICKPEAS, 0.66 }, { FF_DEMO_RM_TAHINI, 0.16 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.05 },
          { FF_DEMO_RM_LEMON, 0.04 }, { FF_DEMO_RM_GARLIC, 0.012 }, { FF_DEMO_RM_SALT, 0.011 }, END },
  [8] = { { FF_DEMO_RM_CHICKPEAS, 0.55 }, { FF_DEMO_RM_TAHINI, 0.13 }, { FF_DEMO_RM_RED_PEPPER, 0.16 },
          { FF_DEMO_RM_LEMON, 0.035 }, { FF_DEMO_RM_GARLIC, 0.01 }, { FF_DEMO_RM_SALT, 0.011 },
          { FF_DEMO_RM_SUNFLOWER_OIL, 0.04 }, END },
  [9] = { { FF_DEMO_RM_CHICKPEAS, 0.64 }, { FF_DEMO_RM_TAHINI, 0.15 }, { FF_DEMO_RM_GARLIC, 0.04 },
          { FF_DEMO_RM_LEMON, 0.04 }, { FF_DEMO_RM_SALT, 0.011 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.05 }, END },
  [10] = { { FF_DEMO_RM_AUBERGINE, 0.72 }, { FF_DEMO_RM_TAHINI, 0.14 }, { FF_DEMO_RM_LEMON, 0.04 },
           { FF_DEMO_RM_GARLIC, 0.015 }, { FF_DEMO_RM_OLIVE_OIL, 0.04 }, { FF_DEMO_RM_SALT, 0.01 }, END },
  [11] = { { FF_DEMO_RM_WHEAT_FLOUR, 0.62 }, { FF_DEMO_RM_OLIVE_OIL, 0.03 }, { FF_DEMO_RM_YEAST, 0.012 },
           { FF_DEMO_RM_SALT, 0.012 }, END },
  [12] = { { FF_DEMO_RM_WHOLEMEAL, 0.60 }, { FF_DEMO_RM_OLIVE_OIL, 0.03 }, { FF_DEMO_RM_YEAST, 0.012 },
           { FF_DEMO_RM_SALT, 0.012 }, END },
  [13] = { END },
  [14] = { { FF_DEMO_RM_BEETROOT, 3.6 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.32 }, END },
  [15] = { { FF_DEMO_RM_SWEET_POTATO, 3.4 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.30 }, END },
  [16] = { { FF_DEMO_RM_LENTIL_FLOUR, 0.66 }, { FF_DEMO_RM_RICE_FLOUR, 0.26 }, { FF_DEMO_RM_SUNFLOWER_OIL, 0.06 }, END },
  [17] = { END },
};

/* What one finished unit takes besides its WIP: seasoning and packaging. Seasonings are per
 * unit too (the kg of the pack times the rate). */
static const Input pack_recipes[][MAX_INPUTS] = {
  [0] = { { FF_DEMO_RM_SALT, 0.012 * 0.2 }, { FF_DEMO_PM_FILM, 0.32 }, END },
  [1] = { { FF_DEMO_RM_CHILI_SEASONING, 0.06 * 0.2 }, { FF_DEMO_PM_FILM, 0.32 }, END },
  [2] = { { FF_DEMO_RM_CHEESE_SEASONING, 0.08 * 0.2 }, { FF_DEMO_PM_FILM, 0.32 }, END },
  [3] = { { FF_DEMO_RM_SALT, 0.012 * 0.45 }, { FF_DEMO_PM_FILM, 0.45 }, END },
  [4] = { { FF_DEMO_PM_JAR, 1 }, { FF_DEMO_PM_LID, 1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [5] = { { FF_DEMO_PM_JAR, 1 }, { FF_DEMO_PM_LID, 1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [6] = { { FF_DEMO_PM_TUB, 1 }, { FF_DEMO_PM_LIDDING, 0.1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [7] = { { FF_DEMO_PM_TUB, 1 }, { FF_DEMO_PM_LIDDING, 0.1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [8] = { { FF_DEMO_PM_TUB, 1 }, { FF_DEMO_PM_LIDDING, 0.1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [9] = { { FF_DEMO_PM_TUB, 1 }, { FF_DEMO_PM_LIDDING, 0.1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [10] = { { FF_DEMO_PM_TUB, 1 }, { FF_DEMO_PM_LIDDING, 0.1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [11] = { { FF_DEMO_PM_FILM, 0.35 }, END },
  [12] = { { FF_DEMO_PM_FILM, 0.35 }, END },
  [13] = { { FF_DEMO_PM_CARTON, 1 }, { FF_DEMO_PM_LABEL, 1 }, END },
  [14] = { { FF_DEMO_RM_SALT, 0.010 * 0.1 }, { FF_DEMO_PM_FILM, 0.26 }, END },
  [15] = { { FF_DEMO_RM_SALT, 0.010 * 0.1 }, { FF_DEMO_PM_FILM, 0.26 }, END },
  [16] = { { FF_DEMO_RM_SALT, 0.012 * 0.08 }, { FF_DEMO_PM_FILM, 0.26 }, END },
  [17] = { END },
};

/* The mezze box holds one tub of hummus, one of baba ganoush and a pack of flatbread. */
static const guint mezze_components[] = { 7, 10, 11 };

/* Days of shelf life of the finished products, by family. */
static int
shelf_life (guint sku)
{
  switch (ff_demo_skus[sku].family)
    {
    case FF_DEMO_CHIPS:
      return 182;
    case FF_DEMO_SALSA:
      return ff_demo_skus[sku].chilled ? 21 : 365;
    case FF_DEMO_HUMMUS:
      return 42;
    case FF_DEMO_BREAD:
      return 14;
    default:
      return 21;
    }
}

/* Planning --------------------------------------------------------------------------------- */

typedef struct
{
  int    input_lot;
  double quantity;
} Link;

typedef struct
{
  GArray *lots;        /* per material and plant: lot indices in arrival order */
  guint   next;        /* the lot in use */
} Series;

typedef struct
{
  int     output;      /* lot index */
  guint   first_link;  /* into links */
  guint   n_links;
  gint64  at;
  int     batch;
} Event;

static int
new_lot (FfDemo        *demo,
         FfDemoLotType  type,
         guint          plant,
         int            item,
         int            batch,
         int            day)
{
  FfDemoLot lot = { 0 };

  lot.type = type;
  lot.plant = plant;
  lot.item = item;
  lot.batch = batch;
  lot.day = day;
  lot.supplier = -1;
  g_array_append_val (demo->lots, lot);
  return (int) demo->lots->len - 1;
}

static void
plan_series (FfDemo *demo,
             Series  series[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS],
             gboolean used[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS])
{
  for (guint m = 0; m < FF_DEMO_N_MATERIALS; m++)
    for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
      {
        int interval = ff_demo_ingredients[m].interval_days;
        guint seq = 0;

        series[m][p].lots = g_array_new (FALSE, FALSE, sizeof (int));
        series[m][p].next = 0;
        for (int k = 0;; k++)
          {
            int day = -demo->batch_days - interval + k * interval
                      + (int) (_ff_demo_uniform (demo) * (interval / 3.0));
            int lot;
            FfDemoLot *l;
            char date[16];

            if (day > 0)
              break;
            if (!used[m][p])
              continue;
            lot = new_lot (demo, FF_DEMO_LOT_INGREDIENT, p, (int) m, -1, day);
            g_array_append_val (series[m][p].lots, lot);
            l = &g_array_index (demo->lots, FfDemoLot, lot);
            _ff_demo_format_day (demo, day, date);
            g_snprintf (l->code, sizeof l->code, "%.2s%.4s-%.2s%.2s%.2s-%c%02u",
                        ff_demo_ingredients[m].code, ff_demo_ingredients[m].code + 3,
                        date + 2, date + 5, date + 8, ff_demo_plants[p].short_code[0], ++seq);
          }
      }
}

/* The lot of @material at @plant in use on @day: the latest one released by then. */
static int
lot_in_use (FfDemo *demo,
            Series *series,
            int     day)
{
  while (series->next + 1 < series->lots->len)
    {
      int next = g_array_index (series->lots, int, series->next + 1);

      if (g_array_index (demo->lots, FfDemoLot, next).day + 1 > day)
        break;
      series->next++;
    }
  return series->lots->len ? g_array_index (series->lots, int, series->next) : -1;
}

static void
add_link (FfDemo *demo,
          int     input,
          double  quantity)
{
  Link link = { input, quantity };

  if (input < 0 || quantity <= 0)
    return;
  g_array_index (demo->lots, FfDemoLot, input).used += quantity;
  g_array_append_val (demo->lot_links, link);
}

static void
add_event (FfDemo *demo,
           int     output,
           gint64  at,
           int     batch,
           guint   first_link)
{
  Event e = { output, first_link, demo->lot_links->len - first_link, at, batch };

  g_array_append_val (demo->lot_events, e);
}

static void
add_inputs (FfDemo       *demo,
            Series        series[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS],
            const Input  *recipe,
            guint         plant,
            int           day,
            double        amount)
{
  for (guint i = 0; i < MAX_INPUTS && recipe[i].material != FF_DEMO_N_MATERIALS; i++)
    add_link (demo, lot_in_use (demo, &series[recipe[i].material][plant], day),
              recipe[i].amount * amount);
}

/* The finished lots of the same plant that the case packer takes a component from. */
static int
component_lot (FfDemo *demo,
               guint   sku,
               guint   plant,
               gint64  before,
               double  needed)
{
  for (int i = (int) demo->lots->len - 1; i >= 0; i--)
    {
      FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);

      if (lot->type == FF_DEMO_LOT_FINISHED && (guint) lot->item == sku && lot->plant == plant
          && lot->made_at < before && lot->made_at > before - 3 * FF_DEMO_DAY
          && lot->quantity - lot->used >= needed)
        return i;
    }
  return -1;
}

static void
plan_batch (FfDemo *demo,
            Series  series[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS],
            int     index,
            GHashTable *codes)
{
  const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, index);
  guint type = b->line % FF_DEMO_N_LINE_TYPES;
  guint plant = b->line / FF_DEMO_N_LINE_TYPES;
  const FfDemoSku *sku = &ff_demo_skus[b->sku];
  gint64 now = _ff_demo_day_start (demo, 0);
  gint64 end = MIN (b->actual_end, now);
  int wip = -1;
  int n_fg, n_done;
  char date[16], line[8];

  _ff_demo_line_code (b->line, line);
  if (type != FF_DEMO_BAGGER && type != FF_DEMO_CASE_PACKER)
    {
      /* The batch makes its WIP: fried chips, salsa, hummus or dough. */
      static const char shift_letter[] = { 'E', 'L', 'N' };
      double kg = type == FF_DEMO_FRYER ? b->good : b->produced * sku->kg * 1.03;
      guint first = demo->lot_links->len;

      wip = new_lot (demo, FF_DEMO_LOT_WIP, plant, (int) b->sku, index, b->day);
      add_inputs (demo, series, wip_recipes[b->sku], plant, b->day, kg);
      g_array_index (demo->lots, FfDemoLot, wip).quantity = floor (kg);
      g_array_index (demo->lots, FfDemoLot, wip).made_at = end;
      _ff_demo_format_day (demo, b->day, date);
      g_snprintf (g_array_index (demo->lots, FfDemoLot, wip).code, sizeof (((FfDemoLot *) NULL)->code),
                  "W-%s-%.2s%.2s%.2s-%s-%c", ff_demo_plants[plant].short_code, date + 2, date + 5,
                  date + 8, line, shift_letter[b->shift]);
      add_event (demo, wip, end, index, first);
    }
  g_array_index (demo->batch_wip, int, index) = wip;
  if (type == FF_DEMO_FRYER)
    return;   /* the bagger packs it */
  if (type == FF_DEMO_BAGGER)
    wip = g_array_index (demo->batch_wip, int, b->paired);

  /* One finished lot per production hour, as coded on the packs. */
  n_fg = (int) ceil ((double) (b->actual_end - b->actual_start) / 3600.0);
  n_done = (int) MIN ((double) n_fg, ceil ((double) (end - b->actual_start) / 3600.0));
  g_array_index (demo->batch_first_fg, int, index) = (int) demo->lots->len;
  g_array_index (demo->batch_n_fg, int, index) = n_done;
  for (int h = 0; h < n_done; h++)
    {
      gint64 made = MIN (b->actual_start + (gint64) (h + 1) * 3600, end);
      double units = floor (b->good / n_fg);
      guint first = demo->lot_links->len;
      int fg = new_lot (demo, FF_DEMO_LOT_FINISHED, plant, (int) b->sku, index, _ff_demo_day_of (demo, made));
      FfDemoLot *lot;
      /* Coded with the hour the lot started: unique on the line. */
      gint64 local = _ff_demo_local_time (demo, b->actual_start + (gint64) h * 3600);

      if (units <= 0)
        units = 1;
      if (wip >= 0)
        add_link (demo, wip, units * sku->kg * 1.015);
      if (type == FF_DEMO_CASE_PACKER)
        for (guint c = 0; c < G_N_ELEMENTS (mezze_components); c++)
          add_link (demo, component_lot (demo, mezze_components[c], plant, made, units), units);
      add_inputs (demo, series, pack_recipes[b->sku], plant, b->day, units);
      lot = &g_array_index (demo->lots, FfDemoLot, fg);
      lot->quantity = units;
      lot->made_at = made;
      _ff_demo_format_day (demo, _ff_demo_day_of (demo, b->actual_start + (gint64) h * 3600), date);
      for (int again = 0;; again++)
        {
          char suffix[2] = { again ? (char) ('A' + again - 1) : '\0', '\0' };

          g_snprintf (lot->code, sizeof lot->code, "F-%s-%.2s%.2s%.2s-%s-%02d%s",
                      ff_demo_plants[plant].short_code, date + 2, date + 5, date + 8, line,
                      (int) (local / 3600 % 24), suffix);
          if (g_hash_table_add (codes, g_strdup (lot->code)))
            break;
        }
      add_event (demo, fg, made, index, first);
    }
}

void
_ff_demo_plan_lots (FfDemo *demo)
{
  Series series[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS];
  gboolean used[FF_DEMO_N_MATERIALS][FF_DEMO_N_PLANTS] = { { FALSE } };
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = demo->batches->len;
  int minus_one = -1, zero = 0;

  demo->lots = g_array_new (FALSE, TRUE, sizeof (FfDemoLot));
  demo->batch_wip = g_array_new (FALSE, FALSE, sizeof (int));
  demo->batch_first_fg = g_array_new (FALSE, FALSE, sizeof (int));
  demo->batch_n_fg = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (demo->batch_wip, minus_one);
      g_array_append_val (demo->batch_first_fg, minus_one);
      g_array_append_val (demo->batch_n_fg, zero);
    }
  demo->lot_links = g_array_new (FALSE, FALSE, sizeof (Link));
  demo->lot_events = g_array_new (FALSE, FALSE, sizeof (Event));

  /* Which materials each plant uses, so that only those are delivered there. */
  for (guint i = 0; i < n; i++)
    {
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
      guint plant = b->line / FF_DEMO_N_LINE_TYPES;

      for (guint k = 0; k < MAX_INPUTS && wip_recipes[b->sku][k].material != FF_DEMO_N_MATERIALS; k++)
        used[wip_recipes[b->sku][k].material][plant] = TRUE;
      for (guint k = 0; k < MAX_INPUTS && pack_recipes[b->sku][k].material != FF_DEMO_N_MATERIALS; k++)
        used[pack_recipes[b->sku][k].material][plant] = TRUE;
    }
  plan_series (demo, series, used);
  for (guint i = 0; i < n; i++)
    plan_batch (demo, series, (int) i, codes);

  /* Deliveries are whole packs, a little more than what was used; the latest ones are still
   * in stock. */
  for (guint m = 0; m < FF_DEMO_N_MATERIALS; m++)
    for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
      {
        GArray *lots = series[m][p].lots;
        double total = 0, pack = ff_demo_ingredients[m].pack;

        for (guint k = 0; k < lots->len; k++)
          total += g_array_index (demo->lots, FfDemoLot, g_array_index (lots, int, k)).used;
        for (guint k = 0; k < lots->len; k++)
          {
            FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, g_array_index (lots, int, k));
            double margin = _ff_demo_range (demo, 1.03, 1.2);
            double want = MAX (lot->used * margin, total / lots->len * 0.9);

            lot->quantity = MAX (pack, ceil (want / pack) * pack);
          }
        g_array_unref (lots);
      }

  /* A jalapeño delivery from the supplier whose certificate had just lapsed, rejected at
   * intake (the supplier was suspended after it). */
  {
    int day = MAX (-demo->batch_days + 1, -20);
    int lot = new_lot (demo, FF_DEMO_LOT_INGREDIENT, 0, FF_DEMO_RM_JALAPENO, -1, day);
    FfDemoLot *l = &g_array_index (demo->lots, FfDemoLot, lot);
    char date[16];

    _ff_demo_format_day (demo, day, date);
    l->supplier = FF_DEMO_SUP_CHILI_FARMS;
    l->rejected = TRUE;
    l->quantity = 800;
    g_snprintf (l->code, sizeof l->code, "CFS-%.2s%.2s%.2s-4471", date + 2, date + 5, date + 8);
  }
}

int
_ff_demo_lot_at (FfDemo   *demo,
                 int       batch,
                 gint64    t,
                 gboolean  wip)
{
  const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, batch);
  int first = g_array_index (demo->batch_first_fg, int, batch);
  int n = g_array_index (demo->batch_n_fg, int, batch);
  int hour = (int) ((t - b->actual_start) / 3600);

  if (wip || first < 0 || n == 0)
    {
      int w = g_array_index (demo->batch_wip, int, batch);
      return w >= 0 || b->paired < 0 ? w : g_array_index (demo->batch_wip, int, b->paired);
    }
  return first + CLAMP (hour, 0, n - 1);
}

/* Saving ------------------------------------------------------------------------------------ */

static const char *
lot_status (FfDemo          *demo,
            const FfDemoLot *lot,
            double           consumed)
{
  if (lot->rejected)
    return "rejected";
  if (lot->hold)
    return "hold";
  switch (lot->type)
    {
    case FF_DEMO_LOT_INGREDIENT:
      /* Released after the intake check; tahini only after its Salmonella result. */
      return lot->day >= (lot->item == FF_DEMO_RM_TAHINI ? -2 : -1) ? "quarantine" : "released";
    case FF_DEMO_LOT_WIP:
      return "released";
    default:
      if (lot->made_at > _ff_demo_day_start (demo, 0) - 6 * 3600)
        return "quarantine";
      return consumed >= lot->quantity ? "shipped" : "released";
    }
}

static gboolean
save_lots (FfDemo  *demo,
           GError **error)
{
  char gln_source[FF_DEMO_N_PLANTS][96];

  for (guint p = 0; p < FF_DEMO_N_PLANTS; p++)
    g_snprintf (gln_source[p], sizeof gln_source[p], "%s (Plant %s)", ff_demo_plants[p].gln,
                ff_demo_plants[p].city);
  for (guint i = 0; i < demo->lots->len; i++)
    {
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);
      const char *plant = ff_demo_plants[lot->plant].short_code;
      FfRecord *r = ff_record_new (&ff_kind_lots);
      char supplier[16];

      _ff_demo_set (r, "code", lot->code);
      _ff_demo_set (r, "status", lot_status (demo, lot, lot->used));
      if (lot->hold)
        {
          _ff_demo_set (r, "hold_reason", lot->hold_reason);
          _ff_demo_set (r, "held_by", "hverbeek");
          _ff_demo_set_time (r, "held_at", lot->held_at);
        }
      _ff_demo_set_day (demo, r, "produced_or_received_on", lot->day);
      if (lot->type == FF_DEMO_LOT_INGREDIENT)
        {
          const FfDemoIngredient *ing = &ff_demo_ingredients[lot->item];
          guint s = lot->supplier >= 0 ? (guint) lot->supplier : ing->supplier;

          _ff_demo_supplier_code (s, supplier);
          _ff_demo_set (r, "lot_type", "ingredient");
          _ff_demo_set (r, "ingredient", _ff_demo_id (demo, &ff_kind_ingredients, ing->code));
          _ff_demo_set_real (r, "quantity", lot->quantity, 0);
          _ff_demo_set (r, "unit", ing->unit);
          _ff_demo_set_day (demo, r, "best_before", lot->day + ing->shelf_life_days);
          _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, supplier));
          _ff_demo_setf (r, "location", "%s %s", plant,
                         g_str_equal (ing->storage, "chilled") ? "cold store 1"
                         : ing->code[0] == 'P' ? "packaging store" : "raw material store");
          _ff_demo_setf (r, "tlc_source", "%s, %s, %s", ff_demo_suppliers[s].name,
                         ff_demo_suppliers[s].city, ff_demo_suppliers[s].country);
        }
      else
        {
          const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, lot->batch);

          _ff_demo_set (r, "lot_type", lot->type == FF_DEMO_LOT_WIP ? "wip" : "finished");
          _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, (guint) lot->item));
          if (lot->type == FF_DEMO_LOT_WIP)
            _ff_demo_setf (r, "description", "%s, %s", ff_demo_skus[lot->item].name,
                           b->line % FF_DEMO_N_LINE_TYPES == FF_DEMO_FRYER ? "fried, unseasoned"
                           : b->line % FF_DEMO_N_LINE_TYPES == FF_DEMO_OVEN ? "dough"
                           : "bulk before filling");
          /* WIP to the gram: what later transformations use of it adds up to it. */
          _ff_demo_set_real (r, "quantity", lot->quantity, lot->type == FF_DEMO_LOT_WIP ? 3 : 0);
          _ff_demo_set (r, "unit", lot->type == FF_DEMO_LOT_WIP ? "kg" : "ea");
          _ff_demo_set_day (demo, r, "best_before",
                            lot->day + (lot->type == FF_DEMO_LOT_WIP ? 2 : shelf_life ((guint) lot->item)));
          _ff_demo_set (r, "line", _ff_demo_line_id (demo, b->line));
          _ff_demo_set (r, "batch", _ff_demo_id (demo, &ff_kind_batches, b->code));
          if (lot->type == FF_DEMO_LOT_WIP)
            _ff_demo_setf (r, "location", "%s line L%u", plant, b->line + 1);
          else
            _ff_demo_setf (r, "location", "%s %s", plant,
                           lot->hold ? "hold area" : ff_demo_skus[lot->item].chilled ? "chilled dispatch"
                           : "finished goods warehouse");
          _ff_demo_set (r, "tlc_source", gln_source[lot->plant]);
        }
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_links (FfDemo  *demo,
            GError **error)
{
  for (guint e = 0; e < demo->lot_events->len; e++)
    {
      const Event *event = &g_array_index (demo->lot_events, Event, e);
      const FfDemoLot *out = &g_array_index (demo->lots, FfDemoLot, event->output);
      const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, event->batch);
      const char *output_id = _ff_demo_id (demo, &ff_kind_lots, out->code);
      char event_code[16], at[24], location[96];

      g_snprintf (event_code, sizeof event_code, "TE-%06u", e + 1);
      _ff_demo_format_time (event->at, at);
      g_snprintf (location, sizeof location, "Plant %s, GLN %s", ff_demo_plants[out->plant].city,
                  ff_demo_plants[out->plant].gln);
      for (guint k = 0; k < event->n_links; k++)
        {
          const Link *link = &g_array_index (demo->lot_links, Link, event->first_link + k);
          const FfDemoLot *in = &g_array_index (demo->lots, FfDemoLot, link->input_lot);
          FfRecord *r = ff_record_new (&ff_kind_lot_links);

          _ff_demo_setf (r, "code", "%s-%u", event_code, k + 1);
          _ff_demo_set (r, "event_code", event_code);
          _ff_demo_set (r, "input_lot", _ff_demo_id (demo, &ff_kind_lots, in->code));
          _ff_demo_set (r, "output_lot", output_id);
          _ff_demo_set_real (r, "quantity", link->quantity, in->type == FF_DEMO_LOT_FINISHED ? 0 : 3);
          _ff_demo_set (r, "unit", in->type == FF_DEMO_LOT_INGREDIENT ? ff_demo_ingredients[in->item].unit
                                   : in->type == FF_DEMO_LOT_WIP ? "kg" : "ea");
          _ff_demo_set (r, "transformed_at", at);
          _ff_demo_set (r, "location", location);
          _ff_demo_set (r, "location_gln", ff_demo_plants[out->plant].gln);
          _ff_demo_set (r, "reference_doc_type", "production_order");
          _ff_demo_set (r, "reference_doc_number", b->code);
          if (!_ff_demo_save (demo, r, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_ff_demo_make_lots (FfDemo  *demo,
                    GError **error)
{
  g_autoptr (GArray) shipments = _ff_demo_plan_shipments (demo);

  return save_lots (demo, error)
         && save_links (demo, error)
         && _ff_demo_save_receipts (demo, error)
         && _ff_demo_save_shipments (demo, shipments, error)
         && _ff_demo_save_movements (demo, error)
         && _ff_demo_save_recall_exercise (demo, error);
}
