/* ff-demo-incidents.c — demo deviations that did not come from a CCP check (a rejected
 * delivery, a complaint, a positive swab, a sensor excursion...) and the CAPAs they raised. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

typedef enum {
  LOT_REJECTED_JALAPENO,
  LOT_CHEESE_CHIPS,
  LOT_CHICKPEAS,
  LOT_EXCURSION,
  LOT_FLATBREAD,
  LOT_NONE,
} LotPick;

static const struct {
  double      when;        /* fraction of the production history back from today */
  LotPick     lot;
  int         line;        /* -1: none */
  gboolean    supplier;    /* the lot's supplier */
  const char *severity;
  const char *category;
  const char *description;
  const char *immediate;
  const char *disposition;
  const char *status;
  const char *raised_by;
  /* the CAPA, when there is one */
  const char *capa_title;
  const char *capa_status;
  const char *owner;
  const char *root_cause;
  const char *corrective;
  const char *preventive;
} incidents[] = {
  { 0.55, LOT_REJECTED_JALAPENO, -1, TRUE, "major", "supplier",
    "The certificate of analysis of this jalapeño delivery reported chlorpyrifos at 0.08 mg/kg, "
    "above the EU maximum residue level of 0.01 mg/kg. The supplier's PrimusGFS certificate had "
    "also lapsed.",
    "Lot rejected at intake and returned to the supplier; no product was made with it. Supplier "
    "suspended; jalapeños bought from Pepper Valley Almería from the next delivery.",
    "return", "closed", "Lotte Maes",
    "Supplier certificate lapsed unnoticed", "closed", "Ingrid Janssens",
    "Certificate expiry dates were kept in a spreadsheet that was not reviewed; nobody was told "
    "that the certificate had lapsed.",
    "Chili Farms Sinaloa suspended; replacement supplier approved after a desk review and a "
    "residue test of the first three deliveries.",
    "Certificates tracked in FoodFlow with a warning 60 days before expiry, reviewed weekly "
    "by purchasing and QA (SOP-QA-005, version 4)." },
  { 0.2, LOT_CHEESE_CHIPS, 1, FALSE, "major", "foreign_body",
    "Consumer complaint: a blue plastic fragment of about 8 mm found in a bag of Tortilla Chips "
    "Cheese. The fragment was returned by the retailer.",
    "Retained samples of the lot inspected: nothing found. Glass and hard plastic register of "
    "lines L1 and L2 checked: the seasoning scoop on L2 has a chipped edge.",
    "not_applicable", "investigating", "Sofie Engels",
    "Blue plastic fragment in Tortilla Chips Cheese", "in_progress", "Pieter van Dijk",
    "Under investigation: the fragment matches the colour and material of the seasoning scoop "
    "on L2, which has a chipped edge.",
    NULL, NULL },
  { 0.4, LOT_NONE, 1, FALSE, "major", "allergen",
    "Milk protein swab positive on the seasoning drum of L2 after the allergen clean from "
    "Tortilla Chips Cheese to Tortilla Chips Salted.",
    "Line not released. Drum dismantled and cleaned again; all five swabs negative before the "
    "restart. No product affected.",
    "not_applicable", "closed", "Tom Hendrickx",
    "Milk residue after the allergen clean of the seasoning drum", "closed", "Koen Wouters",
    "The scarf plate of the seasoning applicator was cleaned in place instead of dismantled, "
    "leaving cheese powder behind the plate.",
    "Cleaning card for L2 updated with photographs of the dismantled scarf plate; team leaders "
    "retrained.",
    "Scarf plate added to the five swab points verified after every allergen clean "
    "(SOP-QA-002, version 5)." },
  { 0.7, LOT_NONE, 9, FALSE, "minor", "hygiene",
    "Environmental swab positive for Listeria spp. (not monocytogenes) in the floor drain of "
    "the high-care filling room, zone 3.",
    "Drain cleaned and disinfected; intensified swabbing of zones 2 and 3 for three weeks, all "
    "negative. No product contact surface affected.",
    "not_applicable", "closed", "Lotte Maes",
    "Listeria spp. in the filling room drain", "verification", "Koen Wouters",
    "The drain cover was not removed during the weekly deep clean, so biofilm built up in the "
    "drain trap.",
    "Drain trap descaled and the cover replaced by a removable, cleanable design.",
    "Drain trap cleaning added to the weekly deep clean with a sign-off; effectiveness verified "
    "by three months of negative swabs." },
  { 0.3, LOT_CHICKPEAS, -1, TRUE, "minor", "temperature",
    "Cold store 1 in Eindhoven reached 9.4 °C for three hours overnight; the door had been left "
    "ajar after the late shift.",
    "Core temperature of the stored cooked chickpeas measured at 6.1 °C at most; QA assessed the "
    "time and temperature against the supplier's shelf-life study and released the lot.",
    "release", "closed", "Jeroen de Vries",
    "Cold store door left open overnight", "closed", "Anouk Bakker",
    "The door closer was broken and there was no alarm on the door.",
    "Door closer repaired.",
    "Door-open alarm with a five-minute delay installed, linked to the temperature monitoring "
    "system that calls the on-call engineer." },
  { 0.0, LOT_EXCURSION, -2, FALSE, "minor", "process",
    "Fryer oil temperature fell below the 175 °C process limit during production; chips fried "
    "during the excursion were under-fried. See the downtime event of the batch.",
    "Line stopped; burner relit; chips made during the excursion diverted to waste.",
    "destroy", "open", "Ruben Bakker",
    "Recurring burner flame failures on the fryers", "open", "Anouk Bakker",
    NULL, NULL, NULL },
  { 0.85, LOT_FLATBREAD, 4, FALSE, "minor", "labelling",
    "Best-before date printed one month too late on two hours of Flatbread Original after the "
    "date coder was reset.",
    "Affected packs held, over-stickered with the correct date and released after a 100 % "
    "check.",
    "rework", "closed", "Mehmet Kaya",
    "Wrong best-before date after a coder reset", "closed", "Lotte Maes",
    "After a power cut the date coder fell back to its default offset; the start-up check did "
    "not compare the printed date with the batch sheet.",
    "Coder offset corrected; start-up label check extended to the best-before date.",
    "Coder settings locked with a password; date verified by the scanner against the "
    "production order." },
};

/* The lot an incident is about, and the day it happened. */
static int
pick_lot (FfDemo  *demo,
          LotPick  pick,
          int     *day)
{
  if (pick == LOT_EXCURSION)
    {
      if (demo->excursions->len == 0)
        return -1;
      {
        const FfDemoExcursion *x = &g_array_index (demo->excursions, FfDemoExcursion, 0);
        *day = _ff_demo_day_of (demo, x->start);
        return _ff_demo_lot_at (demo, x->batch, x->start, TRUE);
      }
    }
  for (guint i = 0; pick != LOT_NONE && i < demo->lots->len; i++)
    {
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);
      gboolean match = FALSE;

      switch (pick)
        {
        case LOT_REJECTED_JALAPENO:
          match = lot->rejected && lot->type == FF_DEMO_LOT_INGREDIENT;
          break;
        case LOT_CHEESE_CHIPS:
          match = lot->type == FF_DEMO_LOT_FINISHED && lot->item == 2 && lot->day >= *day - 20;
          break;
        case LOT_CHICKPEAS:
          match = lot->type == FF_DEMO_LOT_INGREDIENT && lot->item == FF_DEMO_RM_CHICKPEAS
                  && lot->plant == 0 && lot->day >= *day - 4;
          break;
        case LOT_FLATBREAD:
          match = lot->type == FF_DEMO_LOT_FINISHED && lot->item == 11 && lot->day >= *day;
          break;
        default:
          break;
        }
      if (match)
        {
          if (pick == LOT_REJECTED_JALAPENO || pick == LOT_FLATBREAD)
            *day = lot->day;
          return (int) i;
        }
    }
  return -1;
}

static gboolean
make_incident (FfDemo  *demo,
               guint    i,
               GError **error)
{
  int day = -1 - (int) lround (incidents[i].when * (demo->batch_days - 2));
  int lot = pick_lot (demo, incidents[i].lot, &day);
  int line = incidents[i].line;
  int closed;
  g_autofree char *dev_code = NULL;
  FfRecord *r;

  if (incidents[i].lot == LOT_EXCURSION && demo->excursions->len > 0)
    line = (int) g_array_index (demo->excursions, FfDemoExcursion, 0).line;
  if (line < -1)
    return TRUE;
  day = CLAMP (day, -demo->batch_days, -1);
  closed = MIN (day + 6, -1);
  dev_code = _ff_demo_next_deviation_code (demo, day);
  r = ff_record_new (&ff_kind_deviations);
  _ff_demo_set (r, "code", dev_code);
  _ff_demo_set_time (r, "raised_at", _ff_demo_day_start (demo, day) + (9 + i) * 3600 + 17 * 60);
  _ff_demo_set_user (r, "raised_by", incidents[i].raised_by);
  _ff_demo_set (r, "severity", incidents[i].severity);
  _ff_demo_set (r, "category", incidents[i].category);
  _ff_demo_set (r, "description", incidents[i].description);
  if (lot >= 0)
    {
      const FfDemoLot *l = &g_array_index (demo->lots, FfDemoLot, lot);

      _ff_demo_set (r, "lot", _ff_demo_id (demo, &ff_kind_lots, l->code));
      if (incidents[i].supplier && l->type == FF_DEMO_LOT_INGREDIENT)
        {
          char code[16];

          _ff_demo_supplier_code (l->supplier >= 0 ? (guint) l->supplier
                                                   : ff_demo_ingredients[l->item].supplier, code);
          _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, code));
        }
    }
  if (line >= 0)
    _ff_demo_set (r, "line", _ff_demo_line_id (demo, (guint) line));
  _ff_demo_set (r, "immediate_action", incidents[i].immediate);
  _ff_demo_set (r, "disposition", incidents[i].disposition);
  _ff_demo_set (r, "status", incidents[i].status);
  if (g_str_equal (incidents[i].status, "closed"))
    _ff_demo_set_day (demo, r, "closed_on", closed);
  if (!_ff_demo_save (demo, r, error))
    return FALSE;

  if (incidents[i].capa_title != NULL)
    {
      g_autofree char *capa_code = _ff_demo_next_capa_code (demo, day);

      r = ff_record_new (&ff_kind_capas);
      _ff_demo_set (r, "code", capa_code);
      _ff_demo_set (r, "title", incidents[i].capa_title);
      _ff_demo_set (r, "source", "deviation");
      _ff_demo_set (r, "deviation", _ff_demo_id (demo, &ff_kind_deviations, dev_code));
      _ff_demo_set (r, "owner", incidents[i].owner);
      _ff_demo_set_day (demo, r, "due_on", day + 45);
      _ff_demo_set (r, "status", incidents[i].capa_status);
      _ff_demo_set (r, "root_cause", incidents[i].root_cause);
      _ff_demo_set (r, "corrective_action", incidents[i].corrective);
      _ff_demo_set (r, "preventive_action", incidents[i].preventive);
      if (g_str_equal (incidents[i].capa_status, "closed"))
        _ff_demo_set_day (demo, r, "closed_on", MIN (closed + 20, -1));
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_incidents (FfDemo  *demo,
                         GError **error)
{
  FfRecord *r;
  g_autofree char *code = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (incidents); i++)
    if (!make_incident (demo, i, error))
      return FALSE;

  /* A CAPA from complaints, with no deviation behind it. */
  code = _ff_demo_next_capa_code (demo, -12);
  r = ff_record_new (&ff_kind_capas);
  _ff_demo_set (r, "code", code);
  _ff_demo_set (r, "title", "Salsa Hot lids hard to open (seven complaints in a month)");
  _ff_demo_set (r, "source", "complaint");
  _ff_demo_set (r, "owner", "Pieter van Dijk");
  _ff_demo_set_day (demo, r, "due_on", 18);
  _ff_demo_set (r, "status", "in_progress");
  _ff_demo_set (r, "root_cause", "Capping torque drifted to 2.6 Nm against the 1.8–2.2 Nm "
                                 "specification after the capper chuck was replaced.");
  _ff_demo_set (r, "corrective_action", "Capper torque reset and checked hourly for two weeks.");
  return _ff_demo_save (demo, r, error);
}
