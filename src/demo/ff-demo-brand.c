/* ff-demo-brand.c — demo Brand: brands, products and their SKUs, the co-packers with their
 * contracts (some about to end) and their monthly performance. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"
#include "ff-gtin.h"

static const struct {
  const char *code;
  const char *name;
  const char *owner;
  const char *positioning;
} brands[] = {
  { "BR-CASA", "Casa Crunch", "Marta Jiménez", "Bold Tex-Mex snacking for sharing: chips and dips for the evening with friends." },
  { "BR-LEVANT", "Levant Kitchen", "Yusuf Demir", "Authentic mezze, ready to serve: hummus, dips and flatbread made the way they are in Gaziantep." },
  { "BR-GREENBITE", "GreenBite", "Sanne de Vries", "Better-for-you crunch from vegetables and pulses, with a third less fat than regular crisps." },
};

static const struct {
  const char *code;
  const char *brand;
  const char *name;
  const char *category;
  const char *status;
  const char *description;
} products[] = {
  { "PR-TORTILLA-SALTED", "BR-CASA", "Tortilla Chips Salted", "Chips", "active", "Triangular corn chips with a pinch of sea salt; the range's best seller." },
  { "PR-TORTILLA-CHILI", "BR-CASA", "Tortilla Chips Chili", "Chips", "active", "Corn chips with a chili and lime seasoning." },
  { "PR-TORTILLA-CHEESE", "BR-CASA", "Tortilla Chips Cheese", "Chips", "active", "Corn chips with cheddar cheese seasoning; contains milk." },
  { "PR-SALSA-MILD", "BR-CASA", "Salsa Mild", "Dips", "active", "Chunky tomato salsa with a little jalapeño, hot-filled in glass." },
  { "PR-SALSA-HOT", "BR-CASA", "Salsa Hot", "Dips", "active", "Chunky tomato salsa with plenty of jalapeño." },
  { "PR-GUACAMOLE", "BR-CASA", "Guacamole Dip", "Dips", "active", "Chilled avocado dip with lime and a touch of chili." },
  { "PR-HUMMUS-CLASSIC", "BR-LEVANT", "Hummus Classic", "Hummus", "active", "Smooth chickpea and tahini hummus with lemon and garlic." },
  { "PR-HUMMUS-RED-PEPPER", "BR-LEVANT", "Hummus Red Pepper", "Hummus", "active", "Hummus with roasted red peppers." },
  { "PR-HUMMUS-GARLIC", "BR-LEVANT", "Hummus Garlic", "Hummus", "active", "Hummus with extra garlic." },
  { "PR-BABA-GANOUSH", "BR-LEVANT", "Baba Ganoush", "Dips", "active", "Smoky fire-roasted aubergine with tahini." },
  { "PR-FLATBREAD-ORIGINAL", "BR-LEVANT", "Flatbread Original", "Bread", "active", "Soft white flatbreads, four to a pack." },
  { "PR-FLATBREAD-WHOLEMEAL", "BR-LEVANT", "Flatbread Wholemeal", "Bread", "active", "Wholemeal flatbreads, four to a pack." },
  { "PR-MEZZE-BOX", "BR-LEVANT", "Mezze Party Box", "Party food", "active", "Hummus, baba ganoush and flatbread in a gift carton." },
  { "PR-VEGGIE-CRISPS", "BR-GREENBITE", "Veggie Crisps", "Crisps", "active", "Crisps of beetroot and sweet potato fried in high-oleic sunflower oil." },
  { "PR-LENTIL-PUFFS", "BR-GREENBITE", "Lentil Puffs", "Crisps", "active", "Light puffs of red lentil and rice flour." },
  { "PR-CHICKPEA-SNACK", "BR-GREENBITE", "Chickpea Snack", "Crisps", "development", "Roasted and fried chickpeas with smoked paprika; launch planned for next season." },
};

static gboolean
make_brands_and_products (FfDemo  *demo,
                          GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_brands);

      _ff_demo_set (r, "code", brands[i].code);
      _ff_demo_set (r, "name", brands[i].name);
      _ff_demo_set (r, "owner", brands[i].owner);
      _ff_demo_set (r, "positioning", brands[i].positioning);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_products);

      _ff_demo_set (r, "code", products[i].code);
      _ff_demo_set (r, "brand", _ff_demo_id (demo, &ff_kind_brands, products[i].brand));
      _ff_demo_set (r, "name", products[i].name);
      _ff_demo_set (r, "category", products[i].category);
      _ff_demo_set (r, "status", products[i].status);
      _ff_demo_set (r, "description", products[i].description);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_skus (FfDemo  *demo,
           GError **error)
{
  for (guint i = 0; i < ff_demo_n_skus; i++)
    {
      const FfDemoSku *sku = &ff_demo_skus[i];
      FfRecord *r = ff_record_new (&ff_kind_skus);
      char code[16], body[16], size[32];
      int launch = -_ff_demo_int (demo, 90, 2000);

      _ff_demo_sku_code (i, code);
      g_snprintf (body, sizeof body, "87123450%04u", 100 + i);
      _ff_demo_format_fixed (size, sizeof size, sku->size, 0);
      _ff_demo_set (r, "code", code);
      _ff_demo_setf (r, "gtin", "%s%d", body, ff_gtin_check_digit (body));
      _ff_demo_setf (r, "description", "%s %s %s %s",
                     g_str_equal (sku->brand, "BR-CASA") ? "Casa Crunch"
                     : g_str_equal (sku->brand, "BR-LEVANT") ? "Levant Kitchen" : "GreenBite",
                     sku->name, size, sku->unit);
      _ff_demo_set (r, "brand", _ff_demo_id (demo, &ff_kind_brands, sku->brand));
      _ff_demo_set (r, "product", _ff_demo_id (demo, &ff_kind_products, sku->product));
      _ff_demo_set (r, "pack_size", size);
      _ff_demo_set (r, "pack_unit", sku->unit);
      _ff_demo_set_int (r, "case_pack", sku->case_pack);
      _ff_demo_set_int (r, "list_price_minor", sku->price_cents);
      /* The same costs the money leaks are priced with (ff-demo-plant-ops.c). */
      _ff_demo_set_int (r, "unit_cost_minor", lround (sku->price_cents * 0.55));
      _ff_demo_set_int (r, "material_cost_per_kg_minor", lround (sku->price_cents * 0.32 / sku->kg));
      _ff_demo_set_int (r, "conversion_cost_per_kg_minor", lround (sku->price_cents * 0.14 / sku->kg));
      _ff_demo_set (r, "currency", "EUR");
      _ff_demo_set (r, "status", sku->status);
      _ff_demo_set_day (demo, r, "launch_date", g_str_equal (sku->status, "development") ? 120 : launch);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* Co-packers ------------------------------------------------------------------------------- */

static const struct {
  const char *code;
  const char *name;
  guint       supplier;
  const char *status;
  const char *grade;
  int         first_month;  /* months of performance history */
  double      otif;         /* typical */
  double      rft;
  double      nc_per_100;
} co_packers[] = {
  { "CP-FLATBREAD-PARTNERS", "FlatBread Partners Ltd", FF_DEMO_SUP_FLATBREAD_PARTNERS, "approved", "AA", 12, 0.97, 0.98, 0.8 },
  { "CP-DIPMASTERS", "DipMasters Co-Pack Sp. z o.o.", FF_DEMO_SUP_DIPMASTERS, "approved", "A", 12, 0.93, 0.95, 2.0 },
  { "CP-CRISPCO", "Crisp & Co Manufacturing NV", FF_DEMO_SUP_CRISP_AND_CO, "probation", "B", 5, 0.84, 0.88, 5.5 },
};

static const struct {
  guint       co_packer;
  int         sku;          /* -1: all of the co-packer's SKUs */
  int         starts;
  int         ends;
  int         fee_cents;
  double      min_volume;
  const char *status;
  const char *document;
  const char *products;
} contracts[] = {
  { 1, 7, -290, 75, 38, 400000, "active", "CON-CP-DIPMASTERS", "Levant Kitchen Hummus Classic 200 g (SKU-10080) for the peak season and the United Kingdom" },
  { 1, -1, -500, 230, 41, 600000, "active", NULL, NULL },
  { 0, 11, -330, 40, 22, 900000, "active", "CON-CP-FLATBREAD", "Levant Kitchen Flatbread Original, four to a pack (SKU-10120), for the United Kingdom" },
  { 0, 12, 30, 395, 24, 350000, "draft", NULL, NULL },
  { 2, 14, -150, 215, 31, 250000, "active", "CON-CP-CRISPCO", "GreenBite Veggie Crisps Beetroot 100 g (SKU-10150)" },
  { 2, 15, -520, -60, 30, 200000, "expired", NULL, NULL },
  { 1, 10, -700, -340, 44, 150000, "terminated", NULL, NULL },
};

static gboolean
make_co_packers (FfDemo  *demo,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (co_packers); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_co_packers);
      const FfDemoSupplier *s = &ff_demo_suppliers[co_packers[i].supplier];
      char supplier[16];

      _ff_demo_supplier_code (co_packers[i].supplier, supplier);
      _ff_demo_set (r, "code", co_packers[i].code);
      _ff_demo_set (r, "name", co_packers[i].name);
      _ff_demo_set (r, "country", s->country);
      _ff_demo_set (r, "supplier", _ff_demo_id (demo, &ff_kind_suppliers, supplier));
      _ff_demo_set (r, "status", co_packers[i].status);
      _ff_demo_set (r, "audit_grade", co_packers[i].grade);
      _ff_demo_setf (r, "contact_email", "copacking@%s.example",
                     i == 0 ? "flatbread-partners" : i == 1 ? "dipmasters" : "crispco");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_contracts (FfDemo  *demo,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      FfRecord *r;
      guint cp = contracts[i].co_packer;
      int y, m, d;

      if (contracts[i].document != NULL)
        {
          FfRecord *doc = ff_record_new (&ff_kind_documents);
          char starts[16], ends[16], fee[16], volume[32];
          g_autofree char *text = NULL;

          _ff_demo_format_day (demo, contracts[i].starts, starts);
          _ff_demo_format_day (demo, contracts[i].ends, ends);
          g_snprintf (fee, sizeof fee, "EUR %d.%02d", contracts[i].fee_cents / 100,
                      contracts[i].fee_cents % 100);
          g_snprintf (volume, sizeof volume, "%.0f units", contracts[i].min_volume);
          text = _ff_demo_contract_text (co_packers[cp].name,
                                         ff_demo_suppliers[co_packers[cp].supplier].country,
                                         contracts[i].products, starts, ends, fee, volume);
          _ff_demo_set (doc, "code", contracts[i].document);
          _ff_demo_setf (doc, "title", "Co-packing agreement: %s", co_packers[cp].name);
          _ff_demo_set (doc, "doc_type", "contract");
          _ff_demo_set (doc, "version", "2");
          _ff_demo_set (doc, "status", "effective");
          _ff_demo_set (doc, "effective_on", starts);
          _ff_demo_set (doc, "review_due", ends);
          _ff_demo_set (doc, "owner", "Marta Jiménez");
          _ff_demo_set (doc, "body", text);
          if (!_ff_demo_save (demo, doc, error))
            return FALSE;
        }
      r = ff_record_new (&ff_kind_contracts);
      _ff_demo_ymd (demo, contracts[i].starts, &y, &m, &d);
      _ff_demo_setf (r, "code", "CT-%04d-%03u", y, 11 + i * 3);
      _ff_demo_set (r, "co_packer", _ff_demo_id (demo, &ff_kind_co_packers, co_packers[cp].code));
      if (contracts[i].sku >= 0)
        _ff_demo_set (r, "sku", _ff_demo_sku_id (demo, (guint) contracts[i].sku));
      _ff_demo_set_day (demo, r, "starts_on", contracts[i].starts);
      _ff_demo_set_day (demo, r, "ends_on", contracts[i].ends);
      _ff_demo_set_int (r, "conversion_cost_minor", contracts[i].fee_cents);
      _ff_demo_set (r, "currency", "EUR");
      _ff_demo_set_real (r, "min_volume", contracts[i].min_volume, 0);
      _ff_demo_set (r, "min_volume_unit", "ea");
      _ff_demo_set (r, "status", contracts[i].status);
      if (contracts[i].document != NULL)
        _ff_demo_set (r, "document", _ff_demo_id (demo, &ff_kind_documents, contracts[i].document));
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_performance (FfDemo  *demo,
                  GError **error)
{
  int this_month = _ff_demo_month_start (demo, 0);

  for (guint c = 0; c < G_N_ELEMENTS (co_packers); c++)
    {
      int month = this_month;

      /* The months before this one, oldest first. */
      for (int k = 0; k < co_packers[c].first_month; k++)
        month = _ff_demo_month_start (demo, month - 1);
      for (int k = 0; k < co_packers[c].first_month; k++, month = _ff_demo_month_start (demo, month + 32))
        {
          FfRecord *r = ff_record_new (&ff_kind_copacker_performance);
          int orders = _ff_demo_int (demo, 18, 46);
          double otif_rate = _ff_demo_normal (demo, co_packers[c].otif, 0.03);
          int otif = (int) lround (orders * CLAMP (otif_rate, 0.6, 1.0));
          double units = orders * _ff_demo_range (demo, 6000, 11000);
          double fill = _ff_demo_normal (demo, 0.985, 0.01);
          int batches = _ff_demo_int (demo, 25, 70);
          double rft_rate = _ff_demo_normal (demo, co_packers[c].rft, 0.02);
          int rft = (int) lround (batches * CLAMP (rft_rate, 0.7, 1.0));
          int ncs = _ff_demo_poisson (demo, co_packers[c].nc_per_100 * batches / 100.0);
          int complaints = _ff_demo_poisson (demo, units * fill / 1e6 * 1.4);
          double cost = (c == 0 ? 22 : c == 1 ? 39 : 31) * _ff_demo_range (demo, 0.97, 1.09);
          double yield = _ff_demo_normal (demo, c == 2 ? 94.5 : 97.8, 0.8);
          char date[16];

          fill = CLAMP (fill, 0.9, 1.0);
          _ff_demo_format_day (demo, month, date);
          _ff_demo_setf (r, "code", "CPP-%s-%.7s", co_packers[c].code, date);
          _ff_demo_set (r, "co_packer", _ff_demo_id (demo, &ff_kind_co_packers, co_packers[c].code));
          _ff_demo_set (r, "period_start", date);
          _ff_demo_set_int (r, "orders", orders);
          _ff_demo_set_int (r, "orders_otif", otif);
          _ff_demo_set_int (r, "units_ordered", llround (units));
          _ff_demo_set_int (r, "units_delivered", llround (units * fill));
          _ff_demo_set_int (r, "batches", batches);
          _ff_demo_set_int (r, "batches_right_first_time", rft);
          _ff_demo_set_int (r, "non_conformances", ncs);
          _ff_demo_set_int (r, "complaints", complaints);
          _ff_demo_set_int (r, "units_produced", llround (units * fill * _ff_demo_range (demo, 1.0, 1.02)));
          _ff_demo_set_int (r, "conversion_cost_actual_minor", llround (cost));
          _ff_demo_set (r, "currency", "EUR");
          _ff_demo_set_real (r, "yield_pct", CLAMP (yield, 85, 100), 1);
          if (!_ff_demo_save (demo, r, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_ff_demo_make_brand (FfDemo  *demo,
                     GError **error)
{
  return make_brands_and_products (demo, error)
         && make_skus (demo, error)
         && make_co_packers (demo, error)
         && make_contracts (demo, error)
         && make_performance (demo, error);
}
