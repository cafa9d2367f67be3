/* ff-demo-retail.c — demo Retail masters: banners, their stores (which the shipments and the
 * POS data refer to) and the category tree. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"
#include "ff-gtin.h"

static const struct {
  const char *code;
  const char *banner;
  const char *retailer;
  const char *country;
  const char *prefix;         /* the retailer's GS1 company prefix: its stores' GLNs */
  const char *const cities[6];
  const char *const regions[6];
} banners[] = {
  { "BN-FRESHMART", "FreshMart", "FreshMart Retail B.V.", "NL", "8719876",
    { "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg" },
    { "Noord-Holland", "Zuid-Holland", "Utrecht", "Noord-Brabant", "Groningen", "Noord-Brabant" } },
  { "BN-DELHAIZEPLUS", "Delhaize Plus", "Delhaize Plus N.V.", "BE", "5419876",
    { "Brussel", "Antwerpen", "Gent", "Leuven", "Brugge", "Namur" },
    { "Brussels", "Antwerp", "East Flanders", "Flemish Brabant", "West Flanders", "Namur" } },
  { "BN-CORNERGO", "CornerGo", "CornerGo Stores Ltd", "GB", "5019876",
    { "Manchester", "Leeds", "Sheffield", "Liverpool", "York", "Bradford" },
    { "Greater Manchester", "West Yorkshire", "South Yorkshire", "Merseyside", "North Yorkshire",
      "West Yorkshire" } },
};

const char *const ff_demo_formats[] = { "supermarket", "supermarket", "hypermarket", "convenience",
                                        "discount", "supermarket" };
const guint ff_demo_n_formats = G_N_ELEMENTS (ff_demo_formats);

static gboolean
make_banners (FfDemo  *demo,
              GError **error)
{
  for (guint b = 0; b < G_N_ELEMENTS (banners); b++)
    {
      FfRecord *r = ff_record_new (&ff_kind_banners);

      _ff_demo_set (r, "code", banners[b].code);
      _ff_demo_set (r, "name", banners[b].banner);
      _ff_demo_set (r, "retailer", banners[b].retailer);
      _ff_demo_set (r, "country", banners[b].country);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

const char *
_ff_demo_banner_code (guint banner)
{
  return banners[banner].code;
}

const char *
_ff_demo_banner_name (guint banner)
{
  return banners[banner].banner;
}

const char *
_ff_demo_banner_currency (guint banner)
{
  return g_str_equal (banners[banner].country, "GB") ? "GBP" : "EUR";
}

static gboolean
make_stores (FfDemo  *demo,
             GError **error)
{
  /* 405 stores at scale 1: with their ranges, about a million POS days over 180 days. */
  guint per_banner = _ff_demo_scaled (demo, 135, 2);

  for (guint b = 0; b < G_N_ELEMENTS (banners); b++)
    {
      const char *banner = _ff_demo_id (demo, &ff_kind_banners, banners[b].code);

      for (guint i = 0; i < per_banner; i++)
        {
          FfRecord *r = ff_record_new (&ff_kind_stores);
          FfDemoStore *store = g_new0 (FfDemoStore, 1);
          guint c = (guint) _ff_demo_int (demo, 0, 6);
          guint format = (guint) _ff_demo_int (demo, 0, ff_demo_n_formats);
          const char *format_name = ff_demo_formats[format];
          double u = _ff_demo_uniform (demo);
          double area = g_str_equal (format_name, "hypermarket") ? 6000 + u * 6000
                      : g_str_equal (format_name, "convenience") ? 150 + u * 250
                      : g_str_equal (format_name, "discount") ? 800 + u * 700
                      : 900 + u * 1600;
          int opened = -_ff_demo_int (demo, 200, 9000);
          const char *status = _ff_demo_int (demo, 0, 40) == 0 ? "refit" : "open";
          guint store_number = 100 * (b + 1) + i + 1 + (b * 300);
          char number[16], digits[13];

          g_snprintf (number, sizeof number, "%u", store_number);
          g_snprintf (digits, sizeof digits, "%s%05u", banners[b].prefix, store_number);
          g_snprintf (store->gln, sizeof store->gln, "%s%d", digits, ff_gtin_check_digit (digits));
          store->name = g_strdup_printf ("%s %s %u", banners[b].banner, banners[b].cities[c], i + 1);
          store->banner = b;
          store->format = format;
          store->size = g_str_equal (format_name, "hypermarket") ? 2.4
                      : g_str_equal (format_name, "convenience") ? 0.35
                      : g_str_equal (format_name, "discount") ? 0.75
                      : 0.6 + area / 2500 * 0.6;
          _ff_demo_set (r, "number", number);
          _ff_demo_set (r, "name", store->name);
          _ff_demo_set (r, "banner", banner);
          _ff_demo_set (r, "format", format_name);
          _ff_demo_set (r, "city", banners[b].cities[c]);
          _ff_demo_set (r, "region", banners[b].regions[c]);
          _ff_demo_set (r, "country", banners[b].country);
          _ff_demo_set_real (r, "sales_area_m2", area, 0);
          _ff_demo_set (r, "status", status);
          _ff_demo_set_day (demo, r, "opened_on", opened);
          _ff_demo_set (r, "gln", store->gln);
          if (!_ff_demo_save (demo, r, error))
            {
              g_free (store->name);
              g_free (store);
              return FALSE;
            }
          store->number = g_strdup (number);
          g_ptr_array_add (demo->stores, store);
        }
    }
  return TRUE;
}

static const struct {
  const char *code;
  const char *name;
  const char *parent;
} categories[] = {
  { "SNACKS", "Snacks", NULL },
  { "SNACKS-CHIPS", "Crisps and chips", "SNACKS" },
  { "SNACKS-TORTILLA", "Tortilla chips", "SNACKS-CHIPS" },
  { "SNACKS-VEG", "Vegetable and pulse crisps", "SNACKS-CHIPS" },
  { "CHILLED", "Chilled", NULL },
  { "CHILLED-DIPS", "Dips and spreads", "CHILLED" },
  { "CHILLED-HUMMUS", "Hummus", "CHILLED-DIPS" },
  { "CHILLED-FRESH-DIPS", "Guacamole and fresh dips", "CHILLED-DIPS" },
  { "CHILLED-PARTY", "Party food and platters", "CHILLED" },
  { "AMBIENT", "Ambient grocery", NULL },
  { "AMBIENT-WORLD", "World foods", "AMBIENT" },
  { "AMBIENT-SALSA", "Jarred salsa and dips", "AMBIENT-WORLD" },
  { "BAKERY", "Bakery", NULL },
  { "BAKERY-FLAT", "Flatbreads and wraps", "BAKERY" },
};

static gboolean
make_categories (FfDemo  *demo,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      FfRecord *r = ff_record_new (&ff_kind_categories);

      _ff_demo_set (r, "code", categories[i].code);
      _ff_demo_set (r, "name", categories[i].name);
      if (categories[i].parent)
        _ff_demo_set (r, "parent", _ff_demo_id (demo, &ff_kind_categories, categories[i].parent));
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_retail_masters (FfDemo  *demo,
                              GError **error)
{
  return make_banners (demo, error) && make_stores (demo, error) && make_categories (demo, error);
}
