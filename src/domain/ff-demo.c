/* ff-demo.c — the deterministic demo data generator: a two-plant food manufacturer. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include <math.h>

#include "ff-demo.h"
#include "ff-gtin.h"
#include "ff-kinds-private.h"
#include "ff-record-repository.h"

typedef struct
{
  FfStore       *store;
  const FfActor *actor;
  GRand         *rand;
  double         scale;
  GDate         *today;
} Demo;

static const struct {
  const char *code;
  const char *city;
  const char *country;
  const char *timezone;
} plants[] = {
  { "PLANT-EHV", "Eindhoven", "NL", "Europe/Amsterdam" },
  { "PLANT-GNT", "Gent", "BE", "Europe/Brussels" },
};

static const struct {
  const char *name;
  const char *type;
  double      cycle_s;
} line_templates[] = {
  { "Tortilla chips fryer", "processing", 0.40 },
  { "Chips bagger", "packing", 0.75 },
  { "Salsa cook & fill", "filling", 0.90 },
  { "Hummus mixer", "mixing", 2.40 },
  { "Flatbread oven", "baking", 1.20 },
  { "Multipack case packer", "packing", 3.00 },
};

static const char *const line_states[] = { "running", "running", "running", "running", "idle",
                                           "changeover", "down", "maintenance" };

static gboolean
save (Demo            *demo,
      FfRecordRepository *repo,
      FfRecord        *record,
      GError         **error)
{
  return ff_record_repository_insert (repo, demo->actor, record, NULL, error);
}

static char *
date_offset (Demo *demo,
             int   days)
{
  GDate d = *demo->today;
  char buf[16];

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

/* The id of the @kind record with @code, which the demo made before. */
static char *
id_of (Demo          *demo,
       const FfKind  *kind,
       const char    *code,
       GError       **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, kind);
  g_autoptr (FfRecord) record = ff_record_repository_find_by_code (repo, code, error);

  return record ? g_strdup (ff_record_get_id (record)) : NULL;
}

static gboolean
make_plants (Demo    *demo,
             GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_plants);

  for (guint p = 0; p < G_N_ELEMENTS (plants); p++)
    {
      g_autoptr (FfRecord) r = ff_record_new (&ff_kind_plants);
      g_autofree char *name = g_strdup_printf ("Plant %s", plants[p].city);

      ff_record_set (r, "code", plants[p].code);
      ff_record_set (r, "name", name);
      ff_record_set (r, "city", plants[p].city);
      ff_record_set (r, "country", plants[p].country);
      ff_record_set (r, "timezone", plants[p].timezone);
      if (!save (demo, repo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_lines (Demo    *demo,
            GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_lines);
  guint n = 1;

  for (guint p = 0; p < G_N_ELEMENTS (plants); p++)
    {
      g_autofree char *plant = id_of (demo, &ff_kind_plants, plants[p].code, error);

      if (plant == NULL)
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (line_templates); t++, n++)
        {
          g_autoptr (FfRecord) r = ff_record_new (&ff_kind_lines);
          g_autofree char *code = g_strdup_printf ("L%u", n);
          g_autofree char *name = g_strdup_printf ("%s %u", line_templates[t].name, p + 1);
          char cycle[G_ASCII_DTOSTR_BUF_SIZE], speed[G_ASCII_DTOSTR_BUF_SIZE];
          double c = line_templates[t].cycle_s * g_rand_double_range (demo->rand, 0.9, 1.1);
          g_autofree char *commissioned = date_offset (demo, -g_rand_int_range (demo->rand, 400, 5000));

          g_ascii_formatd (cycle, sizeof cycle, "%.3f", c);
          g_ascii_formatd (speed, sizeof speed, "%.0f", 3600.0 / c);
          ff_record_set (r, "code", code);
          ff_record_set (r, "name", name);
          ff_record_set (r, "plant", plant);
          ff_record_set (r, "line_type", line_templates[t].type);
          ff_record_set (r, "status", line_states[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (line_states))]);
          ff_record_set (r, "ideal_cycle_time_s", cycle);
          ff_record_set (r, "rated_speed_per_h", speed);
          ff_record_set (r, "commissioned_on", commissioned);
          if (!save (demo, repo, r, error))
            return FALSE;
        }
    }
  return TRUE;
}

static const struct {
  const char *name;
  const char *category;
  const char *country;
} supplier_templates[] = {
  { "Agro Maíz Jalisco", "ingredient", "MX" }, { "Nordic Oils", "ingredient", "DK" },
  { "Zeeuwse Zoutwinning", "ingredient", "NL" }, { "Levant Chickpea Co.", "ingredient", "TR" },
  { "Valle Verde Tomates", "ingredient", "ES" }, { "Pfalz Gewürze", "ingredient", "DE" },
  { "Tahini House Nablus", "ingredient", "PS" }, { "Garlic Growers Drôme", "ingredient", "FR" },
  { "Sunflower Mills Szeged", "ingredient", "HU" }, { "Citrus Acid Solutions", "processing_aid", "BE" },
  { "PolyFlex Films", "packaging", "PL" }, { "Kartonfabriek Twente", "packaging", "NL" },
  { "GlassJar Europe", "packaging", "CZ" }, { "CapSeal Closures", "packaging", "IT" },
  { "Label Print Gent", "packaging", "BE" }, { "PestAway Services", "service", "NL" },
  { "LabTest Analytics", "service", "DE" }, { "CleanChem Hygiene", "processing_aid", "DK" },
  { "FlatBread Partners", "co_packer", "GB" }, { "DipMasters Co-Pack", "co_packer", "PL" },
  { "Chili Farms Sinaloa", "ingredient", "MX" }, { "Olive Grove Jaén", "ingredient", "ES" },
  { "Yeast & Cultures BV", "ingredient", "NL" }, { "Wheat Mill Wallonie", "ingredient", "BE" },
};

/* "Agro Maíz Jalisco" -> "agro-maiz-jalisc": ASCII letters and digits, dashes between words. */
static char *
email_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p && slug->len < 16; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

static const char *const approvals[] = { "approved", "approved", "approved", "approved",
                                         "approved", "conditional", "pending", "suspended" };
static const char *const schemes[] = { "brcgs", "sqf", "fssc22000", "ifs", "brcgs", "none" };

static gboolean
make_suppliers (Demo    *demo,
                GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_suppliers);

  for (guint i = 0; i < G_N_ELEMENTS (supplier_templates); i++)
    {
      g_autoptr (FfRecord) r = ff_record_new (&ff_kind_suppliers);
      g_autofree char *code = g_strdup_printf ("SUP-%04u", 101 + i * 7);
      g_autofree char *due = date_offset (demo, g_rand_int_range (demo->rand, -30, 330));
      g_autofree char *slug = email_slug (supplier_templates[i].name);
      g_autofree char *email = NULL;
      const char *approval = approvals[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (approvals))];
      const char *risk;

      email = g_strdup_printf ("quality@%s.example", slug);
      risk = g_str_equal (approval, "approved")
               ? (g_rand_int_range (demo->rand, 0, 4) == 0 ? "medium" : "low")
               : (g_str_equal (approval, "suspended") ? "high" : "medium");
      ff_record_set (r, "code", code);
      ff_record_set (r, "name", supplier_templates[i].name);
      ff_record_set (r, "category", supplier_templates[i].category);
      ff_record_set (r, "approval_status", approval);
      ff_record_set (r, "risk_level", risk);
      ff_record_set (r, "gfsi_scheme", schemes[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (schemes))]);
      ff_record_set (r, "country", supplier_templates[i].country);
      ff_record_set (r, "contact_email", email);
      ff_record_set (r, "next_audit_due", due);
      if (!save (demo, repo, r, error))
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *brand;
  const char *product;
  double      size;
  const char *unit;
  int         price_cents;
  int         case_pack;
} sku_templates[] = {
  { "Casa Crunch", "Tortilla Chips Salted", 200, "g", 189, 12 },
  { "Casa Crunch", "Tortilla Chips Chili", 200, "g", 199, 12 },
  { "Casa Crunch", "Tortilla Chips Cheese", 200, "g", 199, 12 },
  { "Casa Crunch", "Tortilla Chips Family Pack", 450, "g", 349, 8 },
  { "Casa Crunch", "Salsa Mild", 300, "g", 229, 6 },
  { "Casa Crunch", "Salsa Hot", 300, "g", 229, 6 },
  { "Casa Crunch", "Guacamole Dip", 250, "g", 279, 6 },
  { "Levant Kitchen", "Hummus Classic", 200, "g", 199, 8 },
  { "Levant Kitchen", "Hummus Red Pepper", 200, "g", 209, 8 },
  { "Levant Kitchen", "Hummus Garlic", 200, "g", 209, 8 },
  { "Levant Kitchen", "Baba Ganoush", 180, "g", 249, 8 },
  { "Levant Kitchen", "Flatbread Original", 4, "ea", 169, 10 },
  { "Levant Kitchen", "Flatbread Wholemeal", 4, "ea", 179, 10 },
  { "Levant Kitchen", "Mezze Party Box", 650, "g", 699, 4 },
  { "GreenBite", "Veggie Crisps Beetroot", 100, "g", 219, 12 },
  { "GreenBite", "Veggie Crisps Sweet Potato", 100, "g", 219, 12 },
  { "GreenBite", "Lentil Puffs Sea Salt", 80, "g", 189, 12 },
  { "GreenBite", "Chickpea Snack Paprika", 120, "g", 229, 10 },
};

static const struct {
  const char *code;
  const char *name;
  const char *owner;
  const char *positioning;
} brand_templates[] = {
  { "BR-CASA", "Casa Crunch", "Marta Jiménez", "Bold Tex-Mex snacking for sharing" },
  { "BR-LEVANT", "Levant Kitchen", "Yusuf Demir", "Authentic mezze, ready to serve" },
  { "BR-GREENBITE", "GreenBite", "Sanne de Vries", "Better-for-you crunch from vegetables and pulses" },
};

static gboolean
make_brands (Demo    *demo,
             GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_brands);

  for (guint i = 0; i < G_N_ELEMENTS (brand_templates); i++)
    {
      g_autoptr (FfRecord) r = ff_record_new (&ff_kind_brands);

      ff_record_set (r, "code", brand_templates[i].code);
      ff_record_set (r, "name", brand_templates[i].name);
      ff_record_set (r, "owner", brand_templates[i].owner);
      ff_record_set (r, "positioning", brand_templates[i].positioning);
      if (!save (demo, repo, r, error))
        return FALSE;
    }
  return TRUE;
}

static char *
brand_id (Demo        *demo,
          const char  *name,
          GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (brand_templates); i++)
    if (g_str_equal (brand_templates[i].name, name))
      return id_of (demo, &ff_kind_brands, brand_templates[i].code, error);
  g_return_val_if_reached (NULL);
}

static gboolean
make_skus (Demo    *demo,
           GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_skus);

  for (guint i = 0; i < G_N_ELEMENTS (sku_templates); i++)
    {
      g_autoptr (FfRecord) r = ff_record_new (&ff_kind_skus);
      g_autofree char *brand = brand_id (demo, sku_templates[i].brand, error);
      g_autofree char *code = g_strdup_printf ("SKU-%05u", 10010 + i * 10);
      g_autofree char *body = g_strdup_printf ("87123450%04u", 100 + i);
      g_autofree char *gtin = g_strdup_printf ("%s%d", body, ff_gtin_check_digit (body));
      g_autofree char *size = g_strdup_printf ("%g", sku_templates[i].size);
      g_autofree char *price = g_strdup_printf ("%d", sku_templates[i].price_cents);
      g_autofree char *case_pack = g_strdup_printf ("%d", sku_templates[i].case_pack);
      g_autofree char *desc = g_strdup_printf ("%s %s %g %s", sku_templates[i].brand,
                                               sku_templates[i].product, sku_templates[i].size,
                                               sku_templates[i].unit);
      g_autofree char *launch = date_offset (demo, -g_rand_int_range (demo->rand, 90, 2000));
      const char *status = i == G_N_ELEMENTS (sku_templates) - 1 ? "development"
                         : (i == 3 ? "discontinued" : "active");

      if (brand == NULL)
        return FALSE;
      ff_record_set (r, "code", code);
      ff_record_set (r, "gtin", gtin);
      ff_record_set (r, "description", desc);
      ff_record_set (r, "brand", brand);
      ff_record_set (r, "pack_size", size);
      ff_record_set (r, "pack_unit", sku_templates[i].unit);
      ff_record_set (r, "case_pack", case_pack);
      ff_record_set (r, "list_price_minor", price);
      ff_record_set (r, "currency", "EUR");
      ff_record_set (r, "status", status);
      ff_record_set (r, "launch_date", launch);
      if (!save (demo, repo, r, error))
        return FALSE;
    }
  return TRUE;
}

static const char *const dcs[] = { "DC-Tilburg", "DC-Antwerpen", "DC-Manchester" };

static gboolean
make_forecast_version (Demo    *demo,
                       GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store,
                                                                  &ff_kind_forecast_versions);
  g_autoptr (FfRecord) r = ff_record_new (&ff_kind_forecast_versions);
  g_autofree char *created = date_offset (demo, -7);

  ff_record_set (r, "code", "FV-1");
  ff_record_set (r, "label", "Consensus v1");
  ff_record_set (r, "status", "approved");
  ff_record_set (r, "method", "ets");
  ff_record_set (r, "created_on", created);
  return save (demo, repo, r, error);
}

static gboolean
make_forecasts (Demo          *demo,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_forecasts);
  g_autofree char *version = id_of (demo, &ff_kind_forecast_versions, "FV-1", error);
  guint weeks = (guint) MAX (4, lround (26 * demo->scale));
  GDate monday = *demo->today;

  if (version == NULL)
    return FALSE;
  /* Weekly buckets start on the Monday of this week. */
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);

  for (guint s = 0; s < G_N_ELEMENTS (sku_templates); s++)
    {
      double base = g_rand_double_range (demo->rand, 300, 2400);
      g_autofree char *sku_code = g_strdup_printf ("SKU-%05u", 10010 + s * 10);
      g_autofree char *sku = id_of (demo, &ff_kind_skus, sku_code, error);

      if (sku == NULL)
        return FALSE;
      for (guint d = 0; d < G_N_ELEMENTS (dcs); d++)
        for (guint w = 0; w < weeks; w++)
          {
            g_autoptr (FfRecord) r = ff_record_new (&ff_kind_forecasts);
            GDate start = monday;
            char date[16], qty[32];
            g_autofree char *code = NULL;
            /* Summer peak for chips and dips, flat otherwise, plus noise. */
            double season = 1.0 + 0.25 * sin (2 * G_PI * (g_date_get_day_of_year (&start) - 100) / 365.0);
            double q = base * season * (d == 2 ? 0.6 : 1.0) * g_rand_double_range (demo->rand, 0.9, 1.1);

            g_date_add_days (&start, w * 7);
            g_date_strftime (date, sizeof date, "%Y-%m-%d", &start);
            g_snprintf (qty, sizeof qty, "%.0f", q);
            code = g_strdup_printf ("FC-%s-%s-%s", date, sku_code, dcs[d] + 3);
            ff_record_set (r, "code", code);
            ff_record_set (r, "version", version);
            ff_record_set (r, "sku", sku);
            ff_record_set (r, "location", dcs[d]);
            ff_record_set (r, "period_start", date);
            ff_record_set (r, "granularity", "week");
            ff_record_set (r, "quantity", qty);
            ff_record_set (r, "unit", "case");
            ff_record_set (r, "method", w < 4 ? "manual" : "ets");
            if (!save (demo, repo, r, error))
              return FALSE;
          }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static const struct {
  const char *code;
  const char *banner;
  const char *retailer;
  const char *country;
  const char *const cities[6];
  const char *const regions[6];
} banners[] = {
  { "BN-FRESHMART", "FreshMart", "FreshMart Retail B.V.", "NL", { "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg" },
    { "Noord-Holland", "Zuid-Holland", "Utrecht", "Noord-Brabant", "Groningen", "Noord-Brabant" } },
  { "BN-DELHAIZEPLUS", "Delhaize Plus", "Delhaize Plus N.V.", "BE", { "Brussel", "Antwerpen", "Gent", "Leuven", "Brugge", "Namur" },
    { "Brussels", "Antwerp", "East Flanders", "Flemish Brabant", "West Flanders", "Namur" } },
  { "BN-CORNERGO", "CornerGo", "CornerGo Stores Ltd", "GB", { "Manchester", "Leeds", "Sheffield", "Liverpool", "York", "Bradford" },
    { "Greater Manchester", "West Yorkshire", "South Yorkshire", "Merseyside", "North Yorkshire",
      "West Yorkshire" } },
};

static const char *const formats[] = { "supermarket", "supermarket", "hypermarket", "convenience",
                                       "discount", "supermarket" };

static gboolean
make_banners (Demo    *demo,
              GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_banners);

  for (guint b = 0; b < G_N_ELEMENTS (banners); b++)
    {
      g_autoptr (FfRecord) r = ff_record_new (&ff_kind_banners);

      ff_record_set (r, "code", banners[b].code);
      ff_record_set (r, "name", banners[b].banner);
      ff_record_set (r, "retailer", banners[b].retailer);
      ff_record_set (r, "country", banners[b].country);
      if (!save (demo, repo, r, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_stores (Demo    *demo,
             GError **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (demo->store, &ff_kind_stores);
  guint per_banner = (guint) MAX (6, lround (40 * demo->scale));

  for (guint b = 0; b < G_N_ELEMENTS (banners); b++)
    {
      g_autofree char *banner = id_of (demo, &ff_kind_banners, banners[b].code, error);

      if (banner == NULL)
        return FALSE;
      for (guint i = 0; i < per_banner; i++)
        {
          g_autoptr (FfRecord) r = ff_record_new (&ff_kind_stores);
          guint c = (guint) g_rand_int_range (demo->rand, 0, 6);
          const char *format = formats[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (formats))];
          g_autofree char *number = g_strdup_printf ("%u", 100 * (b + 1) + i + 1 + (b * 300));
          g_autofree char *name = g_strdup_printf ("%s %s %u", banners[b].banner,
                                                   banners[b].cities[c], i + 1);
          double area = g_str_equal (format, "hypermarket") ? g_rand_double_range (demo->rand, 6000, 12000)
                      : g_str_equal (format, "convenience") ? g_rand_double_range (demo->rand, 150, 400)
                      : g_rand_double_range (demo->rand, 900, 2500);
          g_autofree char *area_s = g_strdup_printf ("%.0f", area);
          g_autofree char *opened = date_offset (demo, -g_rand_int_range (demo->rand, 200, 9000));
          const char *status = g_rand_int_range (demo->rand, 0, 40) == 0 ? "refit" : "open";

          ff_record_set (r, "number", number);
          ff_record_set (r, "name", name);
          ff_record_set (r, "banner", banner);
          ff_record_set (r, "format", format);
          ff_record_set (r, "city", banners[b].cities[c]);
          ff_record_set (r, "region", banners[b].regions[c]);
          ff_record_set (r, "country", banners[b].country);
          ff_record_set (r, "sales_area_m2", area_s);
          ff_record_set (r, "status", status);
          ff_record_set (r, "opened_on", opened);
          if (!save (demo, repo, r, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
ff_demo_populate (FfStore        *store,
                  const FfActor  *actor,
                  guint32         seed,
                  double          scale,
                  GCancellable   *cancellable,
                  GError        **error)
{
  Demo demo = { store, actor, NULL, scale, NULL };
  gboolean ok;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  demo.rand = g_rand_new_with_seed (seed);
  demo.today = g_date_new ();
  g_date_set_time_t (demo.today, time (NULL));

  /* One transaction: a failed or cancelled demo leaves the tenant empty. */
  ok = ff_store_begin (store, error);
  ok = ok && make_plants (&demo, error)
          && make_lines (&demo, error)
          && make_suppliers (&demo, error)
          && make_brands (&demo, error)
          && make_skus (&demo, error)
          && make_forecast_version (&demo, error)
          && make_forecasts (&demo, cancellable, error)
          && make_banners (&demo, error)
          && make_stores (&demo, error);
  if (ok)
    ok = ff_store_commit (store, error);
  else if (ff_store_in_transaction (store))
    ff_store_rollback (store);

  g_rand_free (demo.rand);
  g_date_free (demo.today);
  return ok;
}

FfTenantInfo *
ff_demo_create (FfVault       *vault,
                const char    *name,
                guint32        seed,
                double         scale,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (FfTenantInfo) info = NULL;
  g_autoptr (FfSession) session = NULL;
  FfActor actor;

  g_return_val_if_fail (FF_IS_VAULT (vault), NULL);

  info = ff_vault_create_tenant (vault, name ? name : FF_DEMO_TENANT_NAME, FF_DEMO_USERNAME,
                                 FF_DEMO_PASSWORD, FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD, error);
  if (info == NULL)
    return NULL;
  session = ff_vault_unlock (vault, info->id, FF_DEMO_USERNAME, FF_DEMO_PASSWORD, error);
  actor = session ? ff_actor_from_session (session) : (FfActor) { 0 };
  if (session == NULL
      || !ff_demo_populate (ff_session_get_store (session), &actor, seed, scale, cancellable, error))
    {
      g_clear_object (&session);
      ff_vault_delete_tenant (vault, info->id, NULL);
      return NULL;
    }
  ff_session_lock (session);
  return g_steal_pointer (&info);
}
