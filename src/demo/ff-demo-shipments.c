/* ff-demo-shipments.c — demo traceability at both ends: where each finished lot was shipped
 * (distribution centres and stores), and the goods receipts of the ingredient lots. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

typedef struct
{
  int         lot;
  int         day;
  double      quantity;
  int         dc;         /* index into ff_demo_dcs, or -1 for a store */
  guint       store;
} Shipment;

static const char *const carriers[] = {
  "Van Dijk Logistics", "Frigo Trans Benelux", "DHL Supply Chain", "Kuehne+Nagel", "H. Essers",
};

/* Decides where each finished lot went; the lots' status follows from it. */
GArray *
_ff_demo_plan_shipments (FfDemo *demo)
{
  GArray *shipments = g_array_new (FALSE, TRUE, sizeof (Shipment));

  for (guint i = 0; i < demo->lots->len; i++)
    {
      FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);
      double u[4];
      double left;
      int n, day;

      for (guint k = 0; k < G_N_ELEMENTS (u); k++)
        u[k] = _ff_demo_uniform (demo);
      if (lot->type != FF_DEMO_LOT_FINISHED || lot->hold || lot->rejected)
        continue;
      left = lot->quantity - floor (lot->used);
      day = lot->day + 1 + (u[0] < 0.3) + (u[0] < 0.1);
      n = 1 + (u[1] < 0.5) + (u[1] < 0.15);
      for (int k = 0; k < n && left > 0 && day <= -1; k++)
        {
          Shipment s = { (int) i, day, 0, -1, 0 };
          double r = k == 0 ? u[2] : u[3];
          guint plant = lot->plant;

          /* Recent lots have only started to ship. */
          if (lot->day >= -4 && k > 0)
            break;
          s.quantity = k == n - 1 ? left : floor (left * (0.4 + 0.3 * r));
          if (r < 0.12 && demo->stores->len > 0)
            {
              /* Direct to a large store of the plant's home banner. */
              guint banner = plant == 0 ? 0 : 1;
              guint pick = (guint) (r / 0.12 * demo->stores->len);

              for (guint t = 0; t < demo->stores->len; t++)
                {
                  const FfDemoStore *store = g_ptr_array_index (demo->stores, (pick + t) % demo->stores->len);
                  if (store->banner == banner)
                    {
                      s.store = (pick + t) % demo->stores->len;
                      break;
                    }
                }
            }
          else if (plant == 0)
            s.dc = r < 0.72 ? 0 : 1;
          else
            s.dc = r < 0.55 || ff_demo_skus[lot->item].chilled ? 1 : 2;
          left -= s.quantity;
          g_array_append_val (shipments, s);
        }
      lot->used = lot->quantity - left;  /* what left the plant, one way or another */
    }
  return shipments;
}

gboolean
_ff_demo_save_shipments (FfDemo  *demo,
                GArray  *shipments,
                GError **error)
{
  for (guint i = 0; i < shipments->len; i++)
    {
      const Shipment *s = &g_array_index (shipments, Shipment, i);
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, s->lot);
      const FfDemoPlant *plant = &ff_demo_plants[lot->plant];
      FfRecord *r = ff_record_new (&ff_kind_shipments);
      int y, m, d;

      _ff_demo_ymd (demo, s->day, &y, &m, &d);
      _ff_demo_setf (r, "code", "SH-%04d-%06u", y, i + 1);
      _ff_demo_set (r, "lot", _ff_demo_id (demo, &ff_kind_lots, lot->code));
      _ff_demo_set_real (r, "quantity", s->quantity, 0);
      _ff_demo_set (r, "unit", "ea");
      _ff_demo_set_day (demo, r, "ship_date", s->day);
      _ff_demo_setf (r, "ship_from", "Plant %s, %s (GLN %s)", plant->city, plant->address, plant->gln);
      _ff_demo_set (r, "ship_from_gln", plant->gln);
      if (s->dc >= 0)
        {
          _ff_demo_setf (r, "ship_to", "%s (GLN %s)", ff_demo_dcs[s->dc].name, ff_demo_dcs[s->dc].gln);
          _ff_demo_set (r, "ship_to_gln", ff_demo_dcs[s->dc].gln);
          _ff_demo_set (r, "ship_to_type", "dc");
        }
      else
        {
          const FfDemoStore *store = g_ptr_array_index (demo->stores, s->store);

          _ff_demo_setf (r, "ship_to", "%s, store %s", store->name, store->number);
          _ff_demo_set (r, "ship_to_gln", store->gln);
          _ff_demo_set (r, "ship_to_type", "store");
        }
      _ff_demo_set (r, "carrier", carriers[(s->lot + s->day + 7) % (int) G_N_ELEMENTS (carriers)]);
      _ff_demo_set (r, "reference_doc_type", "advance_ship_notice");
      _ff_demo_setf (r, "reference_doc_number", "ASN-%s-%07u", plant->short_code, 4100000 + i);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_save_receipts (FfDemo  *demo,
               GError **error)
{
  guint seq = 0;

  for (guint i = 0; i < demo->lots->len; i++)
    {
      const FfDemoLot *lot = &g_array_index (demo->lots, FfDemoLot, i);
      const FfDemoIngredient *ing;
      const FfDemoSupplier *supplier;
      FfRecord *r;
      char code[16];
      int y, m, d;
      guint s;

      if (lot->type != FF_DEMO_LOT_INGREDIENT)
        continue;
      ing = &ff_demo_ingredients[lot->item];
      s = lot->supplier >= 0 ? (guint) lot->supplier : ing->supplier;
      supplier = &ff_demo_suppliers[s];
      _ff_demo_supplier_code (s, code);
      _ff_demo_ymd (demo, lot->day, &y, &m, &d);
      r = ff_record_new (&ff_kind_receipts);
      _ff_demo_setf (r, "code", "GR-%04d-%06u", y, ++seq);
      _ff_demo_set (r, "lot", _ff_demo_id (demo, &ff_kind_lots, lot->code));
      _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, code));
      _ff_demo_set_real (r, "quantity", lot->quantity, 0);
      _ff_demo_set (r, "unit", ing->unit);
      _ff_demo_set_day (demo, r, "received_on", lot->day);
      _ff_demo_setf (r, "receiving_location", "Plant %s goods receipt (GLN %s)",
                     ff_demo_plants[lot->plant].city, ff_demo_plants[lot->plant].gln);
      _ff_demo_set (r, "receiving_gln", ff_demo_plants[lot->plant].gln);
      _ff_demo_setf (r, "previous_source", "%s, %s, %s", supplier->name, supplier->city, supplier->country);
      /* The supplier's own, where it has one (not the Tahini House: no GS1 membership). */
      _ff_demo_set (r, "previous_source_gln", supplier->gln);
      _ff_demo_set (r, "reference_doc_type", g_str_equal (supplier->country, "NL")
                                             || g_str_equal (supplier->country, "BE")
                                             ? "invoice" : "bill_of_lading");
      _ff_demo_setf (r, "reference_doc_number", "%s-%06u",
                     g_str_equal (supplier->country, "NL") || g_str_equal (supplier->country, "BE")
                     ? "INV" : "BOL", 310000 + seq * 7);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}
