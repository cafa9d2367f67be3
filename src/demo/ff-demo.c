/* ff-demo.c — the deterministic demo data generator: a two-plant snack and dips maker. This
 * file holds the shared catalogue and helpers and runs the workspace modules in order. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-clock.h"
#include "ff-demo-private.h"
#include "ff-users.h"

/* The catalogue ---------------------------------------------------------------------------- */

const FfDemoPlant ff_demo_plants[FF_DEMO_N_PLANTS] = {
  { "PLANT-EHV", "EHV", "Eindhoven", "NL", "Europe/Amsterdam",
    "Hurksestraat 44, 5652 AJ Eindhoven, Netherlands", "8712345000011" },
  { "PLANT-GNT", "GNT", "Gent", "BE", "Europe/Brussels",
    "Skaldenstraat 120, 9042 Gent, Belgium", "5412345000020" },
};

/* Cycle times are per unit of the line's batches: kg on the fryer, packs elsewhere. */
const FfDemoLineTemplate ff_demo_line_templates[FF_DEMO_N_LINE_TYPES] = {
  [FF_DEMO_FRYER] = { "Tortilla chips fryer", "processing", 2.40, "kg", 2800 },
  [FF_DEMO_BAGGER] = { "Chips bagger", "packing", 0.80, "ea", 2800 },
  [FF_DEMO_COOKER] = { "Salsa cook & fill", "filling", 0.90, "ea", 1900 },
  [FF_DEMO_MIXER] = { "Hummus mixer & filler", "mixing", 1.20, "ea", 2200 },
  [FF_DEMO_OVEN] = { "Flatbread oven", "baking", 1.30, "ea", 1500 },
  [FF_DEMO_CASE_PACKER] = { "Multipack case packer", "packing", 4.00, "ea", 900 },
};

const FfDemoSku ff_demo_skus[] = {
  { "BR-CASA", "PR-TORTILLA-SALTED", "Tortilla Chips Salted", 200, "g", 189, 12, FF_DEMO_CHIPS, "active", 6.0, 0.200, FALSE },
  { "BR-CASA", "PR-TORTILLA-CHILI", "Tortilla Chips Chili", 200, "g", 199, 12, FF_DEMO_CHIPS, "active", 4.0, 0.200, FALSE },
  { "BR-CASA", "PR-TORTILLA-CHEESE", "Tortilla Chips Cheese", 200, "g", 199, 12, FF_DEMO_CHIPS, "active", 3.5, 0.200, FALSE },
  { "BR-CASA", "PR-TORTILLA-SALTED", "Tortilla Chips Family Pack", 450, "g", 349, 8, FF_DEMO_CHIPS, "discontinued", 0.0, 0.450, FALSE },
  { "BR-CASA", "PR-SALSA-MILD", "Salsa Mild", 300, "g", 229, 6, FF_DEMO_SALSA, "active", 3.0, 0.300, FALSE },
  { "BR-CASA", "PR-SALSA-HOT", "Salsa Hot", 300, "g", 229, 6, FF_DEMO_SALSA, "active", 2.0, 0.300, FALSE },
  { "BR-CASA", "PR-GUACAMOLE", "Guacamole Dip", 250, "g", 279, 6, FF_DEMO_SALSA, "active", 2.5, 0.250, TRUE },
  { "BR-LEVANT", "PR-HUMMUS-CLASSIC", "Hummus Classic", 200, "g", 199, 8, FF_DEMO_HUMMUS, "active", 7.0, 0.200, TRUE },
  { "BR-LEVANT", "PR-HUMMUS-RED-PEPPER", "Hummus Red Pepper", 200, "g", 209, 8, FF_DEMO_HUMMUS, "active", 3.5, 0.200, TRUE },
  { "BR-LEVANT", "PR-HUMMUS-GARLIC", "Hummus Garlic", 200, "g", 209, 8, FF_DEMO_HUMMUS, "active", 3.0, 0.200, TRUE },
  { "BR-LEVANT", "PR-BABA-GANOUSH", "Baba Ganoush", 180, "g", 249, 8, FF_DEMO_HUMMUS, "active", 1.5, 0.180, TRUE },
  { "BR-LEVANT", "PR-FLATBREAD-ORIGINAL", "Flatbread Original", 4, "ea", 169, 10, FF_DEMO_BREAD, "active", 4.0, 0.280, FALSE },
  { "BR-LEVANT", "PR-FLATBREAD-WHOLEMEAL", "Flatbread Wholemeal", 4, "ea", 179, 10, FF_DEMO_BREAD, "active", 2.0, 0.280, FALSE },
  { "BR-LEVANT", "PR-MEZZE-BOX", "Mezze Party Box", 650, "g", 699, 4, FF_DEMO_MEZZE, "active", 0.6, 0.660, TRUE },
  { "BR-GREENBITE", "PR-VEGGIE-CRISPS", "Veggie Crisps Beetroot", 100, "g", 219, 12, FF_DEMO_CHIPS, "active", 2.0, 0.100, FALSE },
  { "BR-GREENBITE", "PR-VEGGIE-CRISPS", "Veggie Crisps Sweet Potato", 100, "g", 219, 12, FF_DEMO_CHIPS, "active", 2.5, 0.100, FALSE },
  { "BR-GREENBITE", "PR-LENTIL-PUFFS", "Lentil Puffs Sea Salt", 80, "g", 189, 12, FF_DEMO_CHIPS, "active", 2.0, 0.080, FALSE },
  { "BR-GREENBITE", "PR-CHICKPEA-SNACK", "Chickpea Snack Paprika", 120, "g", 229, 10, FF_DEMO_NEW, "development", 0.0, 0.120, FALSE },
};

const guint ff_demo_n_skus = G_N_ELEMENTS (ff_demo_skus);

const FfDemoDc ff_demo_dcs[FF_DEMO_N_DCS] = {
  { "DC-Tilburg", "Distribution centre Tilburg, Kraaivenstraat 21, 5048 AB Tilburg, Netherlands", "NL", "8712345991012" },
  { "DC-Antwerpen", "Distribution centre Antwerpen, Noorderlaan 147, 2030 Antwerpen, Belgium", "BE", "5412345991021" },
  { "DC-Manchester", "Distribution centre Manchester, Trafford Park Road 9, M17 1HG Manchester, United Kingdom", "GB", "5012345991030" },
};

/* The operators who record CCP checks on the lines (members of ff_demo_people). */
const char *const ff_demo_operators[] = {
  "Jeroen de Vries", "Mehmet Kaya", "Annelies Bosman", "Pieter van Dam", "Sofie Engels",
  "Tom Hendrickx", "Lotte Maes", "Ruben Bakker", "Noor van Leeuwen", "Koen Wouters",
  "Emre Öztürk", "Fleur Dubois",
};

const guint ff_demo_n_operators = G_N_ELEMENTS (ff_demo_operators);

/* Everyone the demo names as having done something: the tenant's users. */
const FfDemoPerson ff_demo_people[] = {
  { "ijanssens", "Ingrid Janssens", FF_ROLE_QA },
  { "lmaes", "Lotte Maes", FF_ROLE_QA },
  { "kwouters", "Koen Wouters", FF_ROLE_QA },
  { "sengels", "Sofie Engels", FF_ROLE_QA },
  { "hverbeek", "Hanneke Verbeek", FF_ROLE_QA },
  { "pvandijk", "Pieter van Dijk", FF_ROLE_OPERATOR },
  { "hclaes", "Hanna Claes", FF_ROLE_OPERATOR },
  { "jdevries", "Jeroen de Vries", FF_ROLE_OPERATOR },
  { "mkaya", "Mehmet Kaya", FF_ROLE_OPERATOR },
  { "abosman", "Annelies Bosman", FF_ROLE_OPERATOR },
  { "pvandam", "Pieter van Dam", FF_ROLE_OPERATOR },
  { "thendrickx", "Tom Hendrickx", FF_ROLE_OPERATOR },
  { "rbakker", "Ruben Bakker", FF_ROLE_OPERATOR },
  { "abakker", "Anouk Bakker", FF_ROLE_OPERATOR },
  { "nvanleeuwen", "Noor van Leeuwen", FF_ROLE_OPERATOR },
  { "eozturk", "Emre Öztürk", FF_ROLE_OPERATOR },
  { "fdubois", "Fleur Dubois", FF_ROLE_OPERATOR },
};

const guint ff_demo_n_people = G_N_ELEMENTS (ff_demo_people);

const char *
_ff_demo_username_of (const char *name)
{
  for (guint i = 0; i < ff_demo_n_people; i++)
    if (g_strcmp0 (ff_demo_people[i].name, name) == 0)
      return ff_demo_people[i].username;
  return NULL;
}

void
_ff_demo_set_user (FfRecord   *record,
                   const char *field,
                   const char *name)
{
  const char *username = name ? _ff_demo_username_of (name) : NULL;

  g_assert (name == NULL || username != NULL);
  _ff_demo_set (record, field, username);
}

/* Randomness ------------------------------------------------------------------------------- */

double
_ff_demo_normal (FfDemo *demo,
                 double  mean,
                 double  sd)
{
  double u1 = 1.0 - g_rand_double (demo->rand);  /* (0, 1] */
  double u2 = g_rand_double (demo->rand);

  return mean + sd * sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* The standard normal quantile (Abramowitz and Stegun 26.2.23, |error| < 4.5e-4). */
static double
normal_quantile (double p)
{
  double q = p < 0.5 ? p : 1.0 - p;
  double t = sqrt (-2.0 * log (MAX (q, 1e-300)));
  double z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
                 / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);

  return p < 0.5 ? -z : z;
}

int
_ff_demo_poisson (FfDemo *demo,
                  double  lambda)
{
  double u = g_rand_double (demo->rand);
  double p, cdf;
  int k = 0;

  if (lambda <= 0)
    return 0;
  if (lambda >= 60)
    return MAX (0, (int) lround (lambda + sqrt (lambda) * normal_quantile (u)));
  p = exp (-lambda);
  cdf = p;
  while (u > cdf && k < 400)
    {
      k++;
      p *= lambda / k;
      cdf += p;
    }
  return k;
}

guint
_ff_demo_scaled (FfDemo *demo,
                 double  n_at_scale_1,
                 guint   min)
{
  return MAX (min, (guint) lround (n_at_scale_1 * demo->scale));
}

/* Dates ------------------------------------------------------------------------------------ */

/* Howard Hinnant's days-from-civil and civil-from-days (proleptic Gregorian, 1970-01-01 = 0). */
static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (int  z,
                 int *y,
                 int *m,
                 int *d)
{
  int era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

void
_ff_demo_ymd (FfDemo *demo,
              int     day,
              int    *year,
              int    *month,
              int    *mday)
{
  civil_from_days (demo->epoch_day + day, year, month, mday);
}

void
_ff_demo_format_day (FfDemo *demo,
                     int     day,
                     char    buf[16])
{
  int y, m, d;

  civil_from_days (demo->epoch_day + day, &y, &m, &d);
  g_snprintf (buf, 16, "%04d-%02d-%02d", y, m, d);
}

void
_ff_demo_format_time (gint64 unix_s,
                      char   buf[24])
{
  gint64 days = unix_s >= 0 ? unix_s / FF_DEMO_DAY : -((-unix_s + FF_DEMO_DAY - 1) / FF_DEMO_DAY);
  int secs = (int) (unix_s - days * FF_DEMO_DAY);
  int y, m, d;

  civil_from_days ((int) days, &y, &m, &d);
  g_snprintf (buf, 24, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, secs / 3600, secs / 60 % 60,
              secs % 60);
}

static int
utc_offset (FfDemo *demo,
            int     day)
{
  return demo->utc_offsets[CLAMP (day, -FF_DEMO_ZONE_DAYS, FF_DEMO_ZONE_DAYS) + FF_DEMO_ZONE_DAYS];
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

gint64
_ff_demo_day_start (FfDemo *demo,
                    int     day)
{
  return (gint64) (demo->epoch_day + day) * FF_DEMO_DAY - utc_offset (demo, day);
}

int
_ff_demo_day_of (FfDemo *demo,
                 gint64  unix_s)
{
  int guess = (int) floor_div (unix_s + utc_offset (demo, 0), FF_DEMO_DAY) - demo->epoch_day;

  return (int) floor_div (unix_s + utc_offset (demo, guess), FF_DEMO_DAY) - demo->epoch_day;
}

gint64
_ff_demo_local_time (FfDemo *demo,
                     gint64  unix_s)
{
  return unix_s + utc_offset (demo, _ff_demo_day_of (demo, unix_s));
}

int
_ff_demo_weekday (FfDemo *demo,
                  int     day)
{
  int z = demo->epoch_day + day;

  /* 1970-01-01 was a Thursday. */
  return ((z % 7) + 7 + 3) % 7 + 1;
}

int
_ff_demo_day_of_year (FfDemo *demo,
                      int     day)
{
  int y, m, d;

  civil_from_days (demo->epoch_day + day, &y, &m, &d);
  return demo->epoch_day + day - days_from_civil (y, 1, 1) + 1;
}

int
_ff_demo_month_start (FfDemo *demo,
                      int     day)
{
  int y, m, d;

  civil_from_days (demo->epoch_day + day, &y, &m, &d);
  return day - (d - 1);
}

void
_ff_demo_format_fixed (char   *buf,
                       gsize   size,
                       double  value,
                       int     decimals)
{
  static const gint64 powers[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
  gint64 p = powers[CLAMP (decimals, 0, 6)];
  gint64 n = llround (fabs (value) * (double) p);
  const char *sign = value < 0 && n != 0 ? "-" : "";

  if (decimals <= 0)
    g_snprintf (buf, size, "%s%" G_GINT64_FORMAT, sign, n);
  else
    g_snprintf (buf, size, "%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, sign, n / p, decimals,
                n % p);
}

/* Records ---------------------------------------------------------------------------------- */

void
_ff_demo_set (FfRecord   *record,
              const char *field,
              const char *value)
{
  ff_record_set (record, field, value);
}

void
_ff_demo_setf (FfRecord   *record,
               const char *field,
               const char *format,
               ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  ff_record_set (record, field, value);
}

void
_ff_demo_set_int (FfRecord   *record,
                  const char *field,
                  gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  ff_record_set (record, field, buf);
}

void
_ff_demo_set_real (FfRecord   *record,
                   const char *field,
                   double      value,
                   int         decimals)
{
  char buf[48];

  _ff_demo_format_fixed (buf, sizeof buf, value, decimals);
  ff_record_set (record, field, buf);
}

void
_ff_demo_set_day (FfDemo     *demo,
                  FfRecord   *record,
                  const char *field,
                  int         day)
{
  char buf[16];

  _ff_demo_format_day (demo, day, buf);
  ff_record_set (record, field, buf);
}

void
_ff_demo_set_time (FfRecord   *record,
                   const char *field,
                   gint64      unix_s)
{
  char buf[24];

  _ff_demo_format_time (unix_s, buf);
  ff_record_set (record, field, buf);
}

static char *
id_key (const FfKind *kind,
        const char   *code)
{
  return g_strconcat (kind->name, "\x1f", code, NULL);
}

gboolean
_ff_demo_save (FfDemo    *demo,
               FfRecord  *record,
               GError   **error)
{
  g_autoptr (FfRecord) owned = record;
  const FfKind *kind = ff_record_get_kind (record);
  FfRecordRepository *repo = g_hash_table_lookup (demo->repos, kind);
  const char *code;

  if (repo == NULL)
    {
      repo = ff_record_repository_new (demo->store, kind);
      g_hash_table_insert (demo->repos, (gpointer) kind, repo);
    }
  if (!ff_record_repository_insert (repo, demo->actor, record, NULL, error))
    {
      g_prefix_error (error, "%s %s: ", kind->name,
                      ff_record_get_code (record) ? ff_record_get_code (record) : "");
      return FALSE;
    }
  code = ff_record_get_code (record);
  if (kind->code_field != NULL && code != NULL)
    g_hash_table_insert (demo->ids, id_key (kind, code), g_strdup (ff_record_get_id (record)));
  if ((++demo->n_saved & 0x3ff) == 0
      && g_cancellable_set_error_if_cancelled (demo->cancellable, error))
    return FALSE;
  return TRUE;
}

const char *
_ff_demo_id (FfDemo       *demo,
             const FfKind *kind,
             const char   *code)
{
  g_autofree char *key = id_key (kind, code);
  const char *id = g_hash_table_lookup (demo->ids, key);

  if (id == NULL)
    g_critical ("The demo has no %s with code %s", kind->name, code);
  return id;
}

void
_ff_demo_sku_code (guint sku,
                   char  buf[16])
{
  g_snprintf (buf, 16, "SKU-%05u", 10010 + sku * 10);
}

void
_ff_demo_line_code (guint line,
                    char  buf[8])
{
  g_snprintf (buf, 8, "L%u", line + 1);
}

const char *
_ff_demo_sku_id (FfDemo *demo,
                 guint   sku)
{
  char code[16];

  _ff_demo_sku_code (sku, code);
  return _ff_demo_id (demo, &ff_kind_skus, code);
}

const char *
_ff_demo_line_id (FfDemo *demo,
                  guint   line)
{
  char code[8];

  _ff_demo_line_code (line, code);
  return _ff_demo_id (demo, &ff_kind_lines, code);
}

char *
_ff_demo_next_capa_code (FfDemo *demo,
                         int     day)
{
  int y, m, d;

  _ff_demo_ymd (demo, day, &y, &m, &d);
  return g_strdup_printf ("CAPA-%04d-%04u", y, ++demo->next_capa);
}

char *
_ff_demo_next_deviation_code (FfDemo *demo,
                              int     day)
{
  int y, m, d;

  _ff_demo_ymd (demo, day, &y, &m, &d);
  return g_strdup_printf ("DEV-%04d-%04u", y, ++demo->next_deviation);
}

/* Running it ------------------------------------------------------------------------------- */

/* The plants' UTC offset at noon of every day around the reference date: shifts start at
 * 06:00 on the wall clock, summer or winter. */
static int *
zone_offsets (const char  *identifier,
              const GDate *today)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (identifier);
  int *offsets = g_new0 (int, 2 * FF_DEMO_ZONE_DAYS + 1);

  for (int i = 0; zone != NULL && i <= 2 * FF_DEMO_ZONE_DAYS; i++)
    {
      GDate date = *today;
      g_autoptr (GDateTime) noon = NULL;

      if (i < FF_DEMO_ZONE_DAYS)
        g_date_subtract_days (&date, (guint) (FF_DEMO_ZONE_DAYS - i));
      else
        g_date_add_days (&date, (guint) (i - FF_DEMO_ZONE_DAYS));
      noon = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
      offsets[i] = noon ? (int) (g_date_time_get_utc_offset (noon) / G_TIME_SPAN_SECOND) : 0;
    }
  return offsets;
}

/* Runs one workspace's part, timed for G_MESSAGES_DEBUG=foodflow-demo. */
static gboolean
run_step (FfDemo      *demo,
          const char  *what,
          gboolean   (*make) (FfDemo *, GError **),
          GError     **error)
{
  gint64 t0 = g_get_monotonic_time ();
  guint64 n0 = demo->n_saved;
  gboolean ok = make (demo, error);
  double s = (g_get_monotonic_time () - t0) / 1e6;

  g_debug ("Demo: %s: %" G_GUINT64_FORMAT " records in %.2f s (%.0f/s)", what,
           demo->n_saved - n0, s, s > 0 ? (demo->n_saved - n0) / s : 0.0);
  return ok;
}

static void
demo_clear (FfDemo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->utc_offsets, g_free);
  g_clear_pointer (&demo->repos, g_hash_table_unref);
  g_clear_pointer (&demo->ids, g_hash_table_unref);
  g_clear_pointer (&demo->batches, g_array_unref);
  g_clear_pointer (&demo->excursions, g_array_unref);
  g_clear_pointer (&demo->lots, g_array_unref);
  g_clear_pointer (&demo->batch_wip, g_array_unref);
  g_clear_pointer (&demo->batch_first_fg, g_array_unref);
  g_clear_pointer (&demo->batch_n_fg, g_array_unref);
  g_clear_pointer (&demo->lot_links, g_array_unref);
  g_clear_pointer (&demo->lot_events, g_array_unref);
  g_clear_pointer (&demo->ccp_failures, g_array_unref);
  g_clear_pointer (&demo->stores, g_ptr_array_unref);
}

static void
store_free (gpointer data)
{
  FfDemoStore *store = data;

  g_free (store->number);
  g_free (store->name);
  g_free (store);
}

gboolean
ff_demo_populate_at (FfStore        *store,
                     const FfActor  *actor,
                     guint32         seed,
                     double          scale,
                     const GDate    *today,
                     GCancellable   *cancellable,
                     GError        **error)
{
  FfDemo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  demo.store = store;
  demo.actor = actor;
  demo.rand = g_rand_new_with_seed (seed);
  demo.scale = scale;
  demo.cancellable = cancellable;
  demo.today = *today;
  demo.epoch_day = (int) g_date_get_julian (today) - 719163;
  demo.utc_offsets = zone_offsets (ff_demo_plants[0].timezone, today);
  demo.repos = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.stores = g_ptr_array_new_with_free_func (store_free);
  /* Production history: 180 days at scale 1, four weeks at least (the overview charts them). */
  demo.batch_days = CLAMP ((int) lround (180 * scale), 28, 180);
  /* Per-minute readings of the key sensors; two days at least, which always hold a fryer
   * batch (the fryers run every weekday and Saturday morning). */
  demo.reading_days = CLAMP ((int) lround (120 * scale), 2, demo.batch_days);

  /* One transaction: a failed or cancelled demo leaves the tenant empty. */
  ok = ff_store_begin (store, error);
  for (guint i = 0; ok && i < ff_demo_n_people; i++)
    ok = ff_users_add (store, ff_demo_people[i].username, ff_demo_people[i].role, error);
  ok = ok && run_step (&demo, "plant masters", _ff_demo_make_plant_masters, error)
          && run_step (&demo, "documents", _ff_demo_make_documents, error)
          && run_step (&demo, "FSQ masters", _ff_demo_make_fsq_masters, error)
          && run_step (&demo, "brand", _ff_demo_make_brand, error)
          && run_step (&demo, "retail masters", _ff_demo_make_retail_masters, error)
          && run_step (&demo, "production", _ff_demo_make_production, error)
          && run_step (&demo, "sensor readings", _ff_demo_make_sensors, error);
  if (ok)
    {
      _ff_demo_plan_lots (&demo);
      _ff_demo_plan_ccp_holds (&demo);
    }
  ok = ok && run_step (&demo, "lots", _ff_demo_make_lots, error)
          && run_step (&demo, "HACCP", _ff_demo_make_haccp, error)
          && run_step (&demo, "audits", _ff_demo_make_audits, error)
          && run_step (&demo, "planning", _ff_demo_make_planning, error)
          && run_step (&demo, "retail", _ff_demo_make_retail, error);
  if (ok)
    {
      gint64 t0 = g_get_monotonic_time ();
      ok = ff_store_commit (store, error);
      g_debug ("Demo: commit in %.1f s", (g_get_monotonic_time () - t0) / 1e6);
      if (ok)
        ff_store_checkpoint (store);
    }
  else if (ff_store_in_transaction (store))
    ff_store_rollback (store);

  g_debug ("Demo: %" G_GUINT64_FORMAT " records, %s", demo.n_saved, ok ? "committed" : "rolled back");
  demo_clear (&demo);
  return ok;
}

gboolean
ff_demo_populate (FfStore        *store,
                  const FfActor  *actor,
                  guint32         seed,
                  double          scale,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr (GDateTime) now = ff_clock_now_local ();
  GDate today;

  /* Dates count from the local date the demo is made on (FOODFLOW_NOW fixes it); nothing else
   * depends on the clock. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  return ff_demo_populate_at (store, actor, seed, scale, &today, cancellable, error);
}

typedef struct
{
  guint32 seed;
  double  scale;
} DemoParams;

static gboolean
populate_cb (FfStore        *store,
             const FfActor  *actor,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  const DemoParams *params = user_data;

  return ff_demo_populate (store, actor, params->seed, params->scale, cancellable, error);
}

FfTenantInfo *
ff_demo_create (FfVault       *vault,
                const char    *name,
                guint32        seed,
                double         scale,
                GCancellable  *cancellable,
                GError       **error)
{
  DemoParams params = { seed, scale };

  g_return_val_if_fail (FF_IS_VAULT (vault), NULL);

  /* Filled before the tenant is ready: a demo killed half-way is never found half-empty. */
  return ff_vault_create_tenant (vault, name ? name : FF_DEMO_TENANT_NAME, FF_DEMO_USERNAME,
                                 FF_DEMO_PASSWORD, FF_VAULT_CREATE_ALLOW_WEAK_PASSWORD,
                                 populate_cb, &params, cancellable, error);
}
