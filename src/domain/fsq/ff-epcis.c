/* ff-epcis.c — the traceability events of a tenant as a GS1 EPCIS 2.0 JSON-LD document: what
 * happened to which lot, where and when (ff-epcis-writer.c writes it). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "ff-epcis-private.h"
#include "ff-error.h"
#include "ff-fsq-period-private.h"
#include "ff-gtin.h"
#include "ff-kinds-private.h"
#include "ff-lot-trace.h"
#include "ff-record-repository.h"
#include "ff-site-zone.h"
#include "ff-uuid.h"

/* The events (DOMAIN.md, Traceability):
 *   - a lot made on a packing batch from no recorded inputs (initial packing), and a lot whose
 *     code we gave it on receipt (its lot code source names the receiving site): ObjectEvent
 *     ADD, bizStep commissioning, with the lot's best-before date in its ILMD;
 *   - a transformation (the genealogy links sharing an event code): TransformationEvent, the
 *     inputs and outputs as quantity lists;
 *   - a receipt and a shipment: ObjectEvent OBSERVE, bizStep receiving or shipping.
 *
 * Identifiers. A lot is a class-level identifier: the GS1 Digital Link URI of its GTIN and
 * batch/lot (https://id.gs1.org/01/{GTIN-14}/10/{lot, percent-encoded}), the SKU's GTIN for
 * finished lots and the supplier's for ingredient lots. A place is the Digital Link URI of its
 * GLN (https://id.gs1.org/414/{GLN}) rather than an SGLN URN, which would need the length of
 * the company prefix inside the GLN, something we do not record. What has no GS1 key gets an
 * HTTP URI of our own under the tenant, https://id.foodflow.example/{tenant}/..., as EPCIS 2.0
 * allows for private identifiers, and is reported as a gap: an ingredient without a GTIN, a
 * lot code that is no valid AI (10) value, a place or party without a GLN. Work-in-progress
 * lots are not trade items and always carry ours (.../wip/{SKU}/lot/{lot}): their SKU's GTIN
 * names the finished pack. A place's GLN is its record's GLN field, else a GLN written in its
 * text ("Plant Gent goods receipt (GLN 5412345000020)": the kinds ask for "a GLN or name and
 * address"), else that of the plant of the lot's line or batch. Event ids are name-based
 * UUIDs of the records in the tenant's namespace, the same in every export.
 *
 * Times: the site's zone is the zone of the event's plant (ff_site_zone_for_record() on the
 * plant), else the one the tenant's plants share; eventTimeZoneOffset is its offset at that
 * instant. A receipt or shipment has a date only: it is written at noon local time.
 *
 * Everything is written in the 2.0 bare-word forms the schema takes for bizStep, disposition
 * and business transaction types (the urn:epcglobal:cbv: forms are refused there). Our key data
 * elements outside the standard vocabulary (lot code source, descriptions as recorded, the
 * recipient's name) sit under the "ff" prefix the document's @context declares. */

#define FF_ID_BASE "https://id.foodflow.example/"
#define GS1_RESOLVER "https://id.gs1.org/"
/* The namespace of the event ids when the tenant id is not a UUID (tests may use any name). */
#define EVENT_ID_NAMESPACE "6f0a3b52-8d1e-5c47-9a2b-3e4f5a6b7c8d"

typedef struct
{
  char      *code;
  char      *name;
  char      *gln;
  GTimeZone *zone;
} Plant;

typedef struct
{
  char *code;
  char *gtin;             /* valid, 14 digits, or NULL */
  char *name;
} Item;

typedef struct
{
  char *code;
  char *name;
  char *gln;
} Supplier;

typedef struct
{
  char        *id;
  char        *code;
  char        *lot_type;
  char        *description;
  double       quantity;
  char        *unit;
  char        *made_on;
  char        *best_before;
  char        *tlc_source;
  char        *batch;
  const Item  *ingredient;
  const Item  *sku;
  const Plant *plant;     /* of its line or batch, or NULL */
  const char  *epc_class; /* made when first needed */
} Lot;

typedef struct
{
  const Plant *plant;
  char        *actual_end;
  char        *code;
} Batch;

typedef struct
{
  FfStore              *store;
  const FfEpcisOptions *options;
  char                 *base;        /* FF_ID_BASE + tenant + "/" */
  GTimeZone            *default_zone;
  GHashTable           *strings;     /* interned URIs */
  GHashTable           *plants;      /* id -> Plant */
  GHashTable           *plants_by_gln;
  GHashTable           *lines;       /* id -> Plant (borrowed) */
  GHashTable           *batches;     /* id -> Batch */
  GHashTable           *skus;        /* id -> Item */
  GHashTable           *ingredients;
  GHashTable           *suppliers;   /* id -> Supplier */
  GHashTable           *lots;        /* id -> Lot */
  GHashTable           *wanted;      /* lot ids of --lot, or NULL for all */
  GHashTable           *made;        /* ids of lots a transformation made */
  GHashTable           *received;    /* ids of lots with a receipt */
  GHashTable           *gaps;        /* sentence set */
  GHashTable           *classes;     /* class URI -> description, for the master data */
  GHashTable           *places;      /* location URI -> name */
  GPtrArray            *events;
} Export;

/* Small helpers ------------------------------------------------------------------------------ */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text && *text ? g_strdup (text) : NULL;
}

static const char *
column (sqlite3_stmt *stmt,
        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text && *text ? text : NULL;
}

static const char *
intern (Export     *ex,
        const char *s)
{
  char *found = g_hash_table_lookup (ex->strings, s);

  if (found == NULL)
    {
      found = g_strdup (s);
      g_hash_table_add (ex->strings, found);
    }
  return found;
}

static const char *
intern_take (Export *ex,
             char   *s)
{
  const char *interned = intern (ex, s);
  g_free (s);
  return interned;
}

static void
gap (Export     *ex,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
gap (Export     *ex,
     const char *format,
     ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_hash_table_add (ex->gaps, text);
}

/* Every character but the unreserved ones percent-encoded (RFC 3986), as GS1 Digital Link
 * wants its values and as a path segment of ours must be. */
static char *
escape (const char *s)
{
  return g_uri_escape_string (s ? s : "", NULL, FALSE);
}

static gboolean
valid_gln (const char *gln)
{
  return gln != NULL && strlen (gln) == 13 && ff_gtin_is_valid (gln);
}

/* The GLN in @column, else one written in the text of @text_column ("Plant Gent goods receipt
 * (GLN 5412345000020)": the kinds ask for "a GLN or name and address"), else NULL. The text's
 * is copied to @buf. */
static const char *
gln_of (sqlite3_stmt *stmt,
        int           column,
        int           text_column,
        char          buf[14])
{
  const char *gln = (const char *) sqlite3_column_text (stmt, column);
  const char *text = (const char *) sqlite3_column_text (stmt, text_column);

  if (valid_gln (gln))
    return gln;
  for (const char *p = text; p != NULL && *p; )
    {
      gsize n = strspn (p, "0123456789");

      if (n == 13)
        {
          memcpy (buf, p, 13);
          buf[13] = '\0';
          if (valid_gln (buf))
            return buf;
        }
      p += n > 0 ? n : 1;
    }
  return NULL;
}

/* GS1's AI (10): at most 20 characters of character set 82. */
static gboolean
valid_batch_lot (const char *lot)
{
  static const char cset82[] = "!\"%&'()*+,-./:;<=>?_";
  gsize n = strlen (lot);

  if (n == 0 || n > 20)
    return FALSE;
  for (const char *p = lot; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (cset82, *p) == NULL)
      return FALSE;
  return TRUE;
}

const char *
ff_epcis_uom_for_unit (const char *unit,
                       gboolean   *out_is_count)
{
  /* UN/CEFACT Recommendation 20 (packages as Recommendation 21 codes with an X, as Rec 20
   * carries them). A count of the class's own items has no unit in EPCIS: "if uom is omitted,
   * quantity is a count of instances". */
  static const struct { const char *unit; const char *uom; } codes[] = {
    { "kg", "KGM" }, { "g", "GRM" }, { "mg", "MGM" }, { "t", "TNE" }, { "lb", "LBR" },
    { "l", "LTR" }, { "ml", "MLT" }, { "cl", "CLT" }, { "hl", "HLT" },
    { "m", "MTR" }, { "cm", "CMT" }, { "mm", "MMT" }, { "m2", "MTK" }, { "m3", "MTQ" },
    { "case", "XCS" }, { "cs", "XCS" }, { "box", "XBX" }, { "bag", "XBG" }, { "pallet", "XPX" },
  };
  static const char *const counts[] = { "ea", "each", "pc", "pcs", "piece", "pieces", "unit",
                                        "units" };

  if (out_is_count != NULL)
    *out_is_count = FALSE;
  if (unit == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (g_ascii_strcasecmp (unit, counts[i]) == 0)
      {
        if (out_is_count != NULL)
          *out_is_count = TRUE;
        return NULL;
      }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_ascii_strcasecmp (unit, codes[i].unit) == 0)
      return codes[i].uom;
  return NULL;
}

static int
offset_at (GTimeZone *zone,
           gint64     time)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, time);
  return interval < 0 ? 0 : g_time_zone_get_offset (zone, interval);
}

/* A stored UTC time ("2026-11-21T08:00:00Z"), or -1. */
static gint64
parse_time (const char *text)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GTimeZone) utc = NULL;

  if (text == NULL)
    return -1;
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc);
  return dt ? g_date_time_to_unix (dt) : -1;
}

/* A date with no time of day happened at some time that day: noon in the site's zone, which
 * stays on that date in any zone within 11 hours of it. -1 for no date. */
static gint64
noon_of (const char *date,
         GTimeZone  *zone)
{
  g_autoptr (GDateTime) dt = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return -1;
  dt = g_date_time_new (zone, y, m, d, 12, 0, 0);
  return dt ? g_date_time_to_unix (dt) : -1;
}

/* The local date of @ev, "YYYY-MM-DD". */
static void
local_date (const Event *ev,
            char         buf[16])
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (ev->time + ev->offset);
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%d");
  g_strlcpy (buf, text, 16);
}

/* The keys or values of @table in a new array (g_hash_table_get_*_as_ptr_array is GLib 2.76). */
static GPtrArray *
table_items (GHashTable *table,
             gboolean    values)
{
  GPtrArray *items = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (items, values ? value : key);
  return items;
}

/* Masters ------------------------------------------------------------------------------------ */

static void
plant_free (Plant *p)
{
  g_free (p->code);
  g_free (p->name);
  g_free (p->gln);
  g_clear_pointer (&p->zone, g_time_zone_unref);
  g_free (p);
}

static void
item_free (Item *item)
{
  g_free (item->code);
  g_free (item->gtin);
  g_free (item->name);
  g_free (item);
}

static void
supplier_free (Supplier *s)
{
  g_free (s->code);
  g_free (s->name);
  g_free (s->gln);
  g_free (s);
}

static void
lot_free (Lot *lot)
{
  g_free (lot->id);
  g_free (lot->code);
  g_free (lot->lot_type);
  g_free (lot->description);
  g_free (lot->unit);
  g_free (lot->made_on);
  g_free (lot->best_before);
  g_free (lot->tlc_source);
  g_free (lot->batch);
  g_free (lot);
}

static void
batch_free (Batch *b)
{
  g_free (b->actual_end);
  g_free (b->code);
  g_free (b);
}

static void
event_free (Event *ev)
{
  g_free (ev->key);
  g_free (ev->event_id);
  g_clear_pointer (&ev->inputs, g_array_unref);
  g_clear_pointer (&ev->quantities, g_array_unref);
  g_clear_pointer (&ev->transactions, g_array_unref);
  g_free (ev->best_before);
  g_free (ev->tlc_source);
  g_clear_pointer (&ev->kdes, g_ptr_array_unref);
  g_free (ev);
}

static void
transaction_clear (gpointer data)
{
  g_free (((Transaction *) data)->id);
}

typedef gboolean (*RowFunc) (Export *ex, sqlite3_stmt *stmt, GError **error);

static gboolean
each_row (Export      *ex,
          const char  *sql,
          RowFunc      func,
          GError     **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (ex->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (ex, stmt, error))
      {
        sqlite3_reset (stmt);
        return FALSE;
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (ex->store, rc, _("Could not read the traceability records"),
                               error);
  return TRUE;
}

static gboolean
plant_row (Export        *ex,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (ex->store, &ff_kind_plants);
  g_autoptr (FfRecord) record = ff_record_repository_get (repo, column (stmt, 0), NULL);
  Plant *p = g_new0 (Plant, 1);

  p->code = column_dup (stmt, 1);
  p->name = column_dup (stmt, 2);
  p->gln = valid_gln (column (stmt, 3)) ? column_dup (stmt, 3) : NULL;
  p->zone = record ? ff_site_zone_for_record (ex->store, &ff_kind_plants, record)
                   : g_time_zone_ref (ex->default_zone);
  g_hash_table_insert (ex->plants, column_dup (stmt, 0), p);
  if (p->gln != NULL)
    g_hash_table_insert (ex->plants_by_gln, p->gln, p);
  return TRUE;
}

static gboolean
line_row (Export        *ex,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  Plant *p = g_hash_table_lookup (ex->plants, column (stmt, 1) ? column (stmt, 1) : "");

  if (p != NULL)
    g_hash_table_insert (ex->lines, column_dup (stmt, 0), p);
  return TRUE;
}

static gboolean
batch_row (Export        *ex,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  Batch *b = g_new0 (Batch, 1);

  b->plant = g_hash_table_lookup (ex->lines, column (stmt, 1) ? column (stmt, 1) : "");
  b->actual_end = column_dup (stmt, 2);
  b->code = column_dup (stmt, 3);
  g_hash_table_insert (ex->batches, column_dup (stmt, 0), b);
  return TRUE;
}

static Item *
item_new (sqlite3_stmt *stmt)
{
  Item *item = g_new0 (Item, 1);
  const char *gtin = column (stmt, 2);

  item->code = column_dup (stmt, 1);
  item->gtin = gtin && ff_gtin_is_valid (gtin) ? ff_gtin_to_14 (gtin) : NULL;
  item->name = column_dup (stmt, 3);
  return item;
}

static gboolean
sku_row (Export        *ex,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_hash_table_insert (ex->skus, column_dup (stmt, 0), item_new (stmt));
  return TRUE;
}

static gboolean
ingredient_row (Export        *ex,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_hash_table_insert (ex->ingredients, column_dup (stmt, 0), item_new (stmt));
  return TRUE;
}

static gboolean
supplier_row (Export        *ex,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  Supplier *s = g_new0 (Supplier, 1);

  s->code = column_dup (stmt, 1);
  s->name = column_dup (stmt, 2);
  s->gln = valid_gln (column (stmt, 3)) ? column_dup (stmt, 3) : NULL;
  g_hash_table_insert (ex->suppliers, column_dup (stmt, 0), s);
  return TRUE;
}

static gboolean
lot_row (Export        *ex,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  Lot *lot = g_new0 (Lot, 1);
  const char *line = column (stmt, 11);
  Batch *batch;

  lot->id = column_dup (stmt, 0);
  lot->code = column_dup (stmt, 1);
  lot->lot_type = column_dup (stmt, 2);
  lot->ingredient = column (stmt, 3) ? g_hash_table_lookup (ex->ingredients, column (stmt, 3))
                                     : NULL;
  lot->sku = column (stmt, 4) ? g_hash_table_lookup (ex->skus, column (stmt, 4)) : NULL;
  lot->description = column_dup (stmt, 5);
  lot->quantity = sqlite3_column_double (stmt, 6);
  lot->unit = column_dup (stmt, 7);
  lot->made_on = column_dup (stmt, 8);
  lot->best_before = column_dup (stmt, 9);
  lot->tlc_source = column_dup (stmt, 10);
  lot->batch = column_dup (stmt, 12);
  lot->plant = line ? g_hash_table_lookup (ex->lines, line) : NULL;
  batch = lot->batch ? g_hash_table_lookup (ex->batches, lot->batch) : NULL;
  if (lot->plant == NULL && batch != NULL)
    lot->plant = batch->plant;
  g_hash_table_insert (ex->lots, lot->id, lot);
  return TRUE;
}

static gboolean
load_masters (Export  *ex,
              GError **error)
{
  return each_row (ex, "SELECT id, code, name, gln FROM plants WHERE _deleted = 0", plant_row,
                   error)
         && each_row (ex, "SELECT id, plant FROM lines WHERE _deleted = 0", line_row, error)
         && each_row (ex, "SELECT id, line, actual_end, code FROM batches WHERE _deleted = 0",
                      batch_row, error)
         && each_row (ex, "SELECT id, code, gtin, description FROM skus WHERE _deleted = 0",
                      sku_row, error)
         && each_row (ex, "SELECT id, code, gtin, name FROM ingredients WHERE _deleted = 0",
                      ingredient_row, error)
         && each_row (ex, "SELECT id, code, name, gln FROM suppliers WHERE _deleted = 0",
                      supplier_row, error)
         && each_row (ex, "SELECT id, code, lot_type, ingredient, sku, description, quantity, "
                          "unit, produced_or_received_on, best_before, tlc_source, line, batch "
                          "FROM lots WHERE _deleted = 0", lot_row, error);
}

/* Identifiers -------------------------------------------------------------------------------- */

static const char *
lot_description (const Lot *lot)
{
  if (lot->description != NULL)
    return lot->description;
  if (lot->sku != NULL && lot->sku->name != NULL)
    return lot->sku->name;
  if (lot->ingredient != NULL && lot->ingredient->name != NULL)
    return lot->ingredient->name;
  return lot->code;
}

static const char *
lot_class (Export *ex,
           Lot    *lot)
{
  const Item *item = lot->sku ? lot->sku : lot->ingredient;
  gboolean wip = g_strcmp0 (lot->lot_type, "wip") == 0;
  g_autofree char *lot_part = NULL;
  g_autofree char *item_part = NULL;

  if (lot->epc_class != NULL)
    return lot->epc_class;
  lot_part = escape (lot->code);
  if (!wip && item != NULL && item->gtin != NULL && valid_batch_lot (lot->code))
    lot->epc_class = intern_take (ex, g_strconcat (GS1_RESOLVER "01/", item->gtin, "/10/",
                                                   lot_part, NULL));
  else
    {
      if (item != NULL)
        item_part = escape (item->code);
      lot->epc_class = intern_take (ex, g_strconcat (ex->base,
                                                     wip ? "wip/" : item ? "class/" : "",
                                                     item ? item_part : "", item ? "/" : "",
                                                     "lot/", lot_part, NULL));
      if (wip)
        ;  /* by design, not a gap: see the top of this file */
      else if (item != NULL && item->gtin != NULL)
        /* Translators: %s is a lot code */
        gap (ex, _("Lot %s: its code is not a valid GS1 batch/lot number (at most 20 letters, "
                   "digits or GS1 punctuation), so it carries a FoodFlow class identifier"),
             lot->code);
      else if (lot->sku != NULL)
        /* Translators: %s is a SKU code; %s… a URI prefix */
        gap (ex, _("SKU %s has no valid GTIN: its lots carry FoodFlow class identifiers "
                   "(%sclass/…)"), lot->sku->code, ex->base);
      else if (lot->ingredient != NULL)
        /* Translators: %s is an ingredient code; %s… a URI prefix */
        gap (ex, _("Ingredient %s has no GTIN: its lots carry FoodFlow class identifiers "
                   "(%sclass/…)"), lot->ingredient->code, ex->base);
      else
        /* Translators: %s is a lot code */
        gap (ex, _("Lot %s names no ingredient or SKU: it carries a FoodFlow class identifier"),
             lot->code);
    }
  g_hash_table_replace (ex->classes, (gpointer) lot->epc_class, (gpointer) lot_description (lot));
  return lot->epc_class;
}

/* The place with @gln, else the one @key (a record code or a text) names in our namespace;
 * @name is what the master data calls it. */
static const char *
place (Export     *ex,
       const char *gln,
       const char *key,
       const char *name)
{
  const char *uri;

  if (valid_gln (gln))
    uri = intern_take (ex, g_strconcat (GS1_RESOLVER "414/", gln, NULL));
  else
    {
      g_autofree char *part = escape (key ? key : "unknown");
      uri = intern_take (ex, g_strconcat (ex->base, "location/", part, NULL));
    }
  if (name != NULL && !g_hash_table_contains (ex->places, uri))
    g_hash_table_insert (ex->places, (gpointer) uri, (gpointer) intern (ex, name));
  return uri;
}

static const char *
plant_place (Export      *ex,
             const Plant *plant)
{
  if (plant->gln == NULL)
    /* Translators: %s is a plant code */
    gap (ex, _("Plant %s has no GLN: its events name it with a FoodFlow location identifier"),
         plant->code);
  return place (ex, plant->gln, plant->code, plant->name);
}

static const Plant *
plant_of_gln (Export     *ex,
              const char *gln)
{
  return gln ? g_hash_table_lookup (ex->plants_by_gln, gln) : NULL;
}

static GTimeZone *
zone_of (Export      *ex,
         const Plant *plant)
{
  return plant ? plant->zone : ex->default_zone;
}

static char *
event_id (Export     *ex,
          const char *name)
{
  const char *ns = ff_uuid_is_valid (ex->options->tenant_id) ? ex->options->tenant_id
                                                             : EVENT_ID_NAMESPACE;
  g_autofree char *uuid = ff_uuid_v5_new (ns, name);
  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* A business transaction: bare CBV 2.0 type words; ids as CBV's urn:epcglobal:cbv:bt:{GLN of
 * the party that issued it}:{number}, or ours when that party has no GLN. */
static void
add_transaction (Export     *ex,
                 Event      *ev,
                 const char *doc_type,
                 const char *number,
                 const char *issuer_gln)
{
  static const struct { const char *ours; const char *cbv; } types[] = {
    { "purchase_order", "po" }, { "advance_ship_notice", "desadv" },
    { "bill_of_lading", "bol" }, { "invoice", "inv" }, { "production_order", "prodorder" },
  };
  g_autofree char *part = NULL;
  Transaction t = { NULL, NULL };

  if (number == NULL)
    return;
  for (guint i = 0; doc_type != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (doc_type, types[i].ours))
      t.type = types[i].cbv;
  part = escape (number);
  if (valid_gln (issuer_gln))
    t.id = g_strconcat ("urn:epcglobal:cbv:bt:", issuer_gln, ":", part, NULL);
  else
    t.id = g_strconcat (ex->base, "bt/", t.type ? t.type : "other", "/", part, NULL);
  for (guint i = 0; i < ev->transactions->len; i++)
    if (g_str_equal (g_array_index (ev->transactions, Transaction, i).id, t.id))
      {
        g_free (t.id);
        return;
      }
  g_array_append_val (ev->transactions, t);
}

static void
add_quantity (Export     *ex,
              GArray     *list,
              const char *epc_class,
              double      quantity,
              const char *unit)
{
  gboolean count = FALSE;
  const char *uom = ff_epcis_uom_for_unit (unit, &count);
  Quantity q = { epc_class, quantity, uom, (uom != NULL || count) && isfinite (quantity) };

  if (!q.has_quantity)
    /* Translators: %s is a unit of measure as recorded ("bucket") */
    gap (ex, _("Unit “%s” has no UN/CEFACT code: quantities in it are left out"),
         unit ? unit : "");
  /* The same lot twice in one list (used in two steps of one transformation) adds up. */
  for (guint i = 0; i < list->len; i++)
    {
      Quantity *other = &g_array_index (list, Quantity, i);
      if (other->epc_class == epc_class && other->uom == uom && other->has_quantity
          && q.has_quantity)
        {
          other->quantity += quantity;
          return;
        }
    }
  g_array_append_val (list, q);
}

static void
add_kde (Event      *ev,
         const char *name,
         const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (ev->kdes, g_strdup (name));
  g_ptr_array_add (ev->kdes, g_strdup (value));
}

static Event *
event_new (EventKind   kind,
           const char *key)
{
  Event *ev = g_new0 (Event, 1);

  ev->kind = kind;
  ev->key = g_strdup (key);
  ev->quantities = g_array_new (FALSE, FALSE, sizeof (Quantity));
  ev->transactions = g_array_new (FALSE, FALSE, sizeof (Transaction));
  g_array_set_clear_func (ev->transactions, transaction_clear);
  ev->kdes = g_ptr_array_new_with_free_func (g_free);
  return ev;
}

/* Keeps @ev when it lies in the date window (its local date), else frees it. */
static void
keep (Export    *ex,
      Event     *ev,
      GTimeZone *zone)
{
  char date[16];

  ev->offset = offset_at (zone, ev->time);
  local_date (ev, date);
  if ((ex->options->from != NULL && strcmp (date, ex->options->from) < 0)
      || (ex->options->to != NULL && strcmp (date, ex->options->to) > 0))
    {
      event_free (ev);
      return;
    }
  g_ptr_array_add (ex->events, ev);
}

static gboolean
wanted (Export     *ex,
        const char *lot_id)
{
  return ex->wanted == NULL || (lot_id != NULL && g_hash_table_contains (ex->wanted, lot_id));
}

/* Events ------------------------------------------------------------------------------------- */

/* The lot's code starts here: initial packing on a batch (@order, the production order), or
 * the first receipt of a lot we gave a new code. */
static void
add_commissioning (Export      *ex,
                   Lot         *lot,
                   gint64       time,
                   const Plant *plant,
                   const char  *location,
                   const char  *location_name,
                   const char  *order,
                   const char  *order_gln)
{
  g_autofree char *id_name = g_strconcat ("epcis/commissioning/", lot->id, NULL);
  Event *ev = event_new (EV_COMMISSIONING, lot->code);

  ev->time = time;
  ev->event_id = event_id (ex, id_name);
  ev->location = location;
  add_quantity (ex, ev->quantities, lot_class (ex, lot), lot->quantity, lot->unit);
  add_transaction (ex, ev, "production_order", order, order_gln);
  ev->best_before = g_strdup (lot->best_before);
  ev->tlc_source = g_strdup (lot->tlc_source ? lot->tlc_source : location_name);
  add_kde (ev, "ff:traceabilityLotCode", lot->code);
  add_kde (ev, "ff:productDescription", lot_description (lot));
  add_kde (ev, "ff:location", location_name);
  keep (ex, ev, zone_of (ex, plant));
}

/* The receipt's lot got its code from us on receipt when its lot code source names the
 * receiving site: its GLN, or the text of the receiving location. */
static gboolean
coded_on_receipt (const Lot   *lot,
                  const char  *receiving_gln,
                  const char  *receiving_location)
{
  if (lot->tlc_source == NULL)
    return FALSE;
  return (receiving_gln != NULL && strstr (lot->tlc_source, receiving_gln) != NULL)
         || g_strcmp0 (lot->tlc_source, receiving_location) == 0;
}

static gboolean
receipt_row (Export        *ex,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  Lot *lot = g_hash_table_lookup (ex->lots, column (stmt, 2) ? column (stmt, 2) : "");
  const Supplier *supplier = column (stmt, 3)
                               ? g_hash_table_lookup (ex->suppliers, column (stmt, 3)) : NULL;
  const char *code = column (stmt, 1);
  const char *receiving_location = column (stmt, 7);
  const char *previous_source = column (stmt, 8);
  char receiving_buf[14], source_buf[14];
  const char *receiving_gln = gln_of (stmt, 9, 7, receiving_buf);
  const char *source_gln = gln_of (stmt, 10, 8, source_buf);
  const char *location;
  const Plant *plant;
  g_autofree char *id_name = NULL;
  gint64 time;
  Event *ev;

  if (lot == NULL)
    return TRUE;
  g_hash_table_add (ex->received, lot->id);
  if (!wanted (ex, lot->id))
    return TRUE;
  plant = plant_of_gln (ex, receiving_gln);
  if (plant == NULL)
    plant = lot->plant;
  if (receiving_gln == NULL && plant != NULL)
    receiving_gln = plant->gln;
  if (source_gln == NULL && supplier != NULL)
    source_gln = supplier->gln;

  ev = event_new (EV_RECEIVING, code);
  id_name = g_strconcat ("epcis/receipts/", column (stmt, 0), NULL);
  ev->event_id = event_id (ex, id_name);
  time = ev->time = noon_of (column (stmt, 6), zone_of (ex, plant));
  if (receiving_gln == NULL)
    /* Translators: %s is a place as a receipt names it */
    gap (ex, _("Receiving location “%s” has no GLN: receipts name it with a FoodFlow location "
               "identifier"), receiving_location ? receiving_location : "");
  location = ev->location = place (ex, receiving_gln, receiving_location,
                                   plant && g_strcmp0 (plant->gln, receiving_gln) == 0
                                     ? plant->name : receiving_location);
  if (source_gln == NULL)
    {
      if (supplier != NULL)
        /* Translators: a supplier's code and name */
        gap (ex, _("Supplier %s (%s) has no GLN: receipts from it name it with a FoodFlow "
                   "location identifier"), supplier->code, supplier->name ? supplier->name : "");
      else
        /* Translators: %s is a place or party as a receipt names it */
        gap (ex, _("Previous source “%s” has no GLN: receipts name it with a FoodFlow location "
                   "identifier"), previous_source ? previous_source : "");
    }
  ev->source = place (ex, source_gln, supplier ? supplier->code : previous_source,
                      supplier && g_strcmp0 (supplier->gln, source_gln) == 0 ? supplier->name
                                                                             : previous_source);
  ev->destination = ev->location;
  add_quantity (ex, ev->quantities, lot_class (ex, lot), sqlite3_column_double (stmt, 4),
                column (stmt, 5));
  /* A purchase order is ours; an invoice, bill of lading or ship notice the sender's. */
  add_transaction (ex, ev, column (stmt, 11), column (stmt, 12),
                   g_strcmp0 (column (stmt, 11), "purchase_order") == 0 ? receiving_gln
                                                                         : source_gln);
  add_kde (ev, "ff:traceabilityLotCode", lot->code);
  add_kde (ev, "ff:productDescription", lot_description (lot));
  add_kde (ev, "ff:tlcSource", lot->tlc_source);
  add_kde (ev, "ff:previousSource", previous_source);
  add_kde (ev, "ff:receivingLocation", receiving_location);
  add_kde (ev, "ff:recordCode", code);
  keep (ex, ev, zone_of (ex, plant));

  /* First receiving with a new lot code: the code starts here, once (receipts are read by
   * date, so at the first). */
  if (coded_on_receipt (lot, receiving_gln, receiving_location)
      && !g_hash_table_contains (ex->made, lot->id))
    {
      g_hash_table_add (ex->made, lot->id);
      add_commissioning (ex, lot, time, plant, location, receiving_location, NULL, NULL);
    }
  return TRUE;
}

typedef struct
{
  char   *id;
  char   *code;
  char   *input_lot;
  char   *output_lot;
  double  quantity;
  char   *unit;
  char   *transformed_at;
  char   *location;
  char   *location_gln;
  char   *doc_type;
  char   *doc_number;
} Link;

static void
link_clear (gpointer data)
{
  Link *l = data;

  g_free (l->id);
  g_free (l->code);
  g_free (l->input_lot);
  g_free (l->output_lot);
  g_free (l->unit);
  g_free (l->transformed_at);
  g_free (l->location);
  g_free (l->location_gln);
  g_free (l->doc_type);
  g_free (l->doc_number);
}

/* One transformation: the links sharing @event_code. */
static void
add_transformation (Export     *ex,
                    const char *event_code,
                    GArray     *links)
{
  g_autoptr (GPtrArray) outputs = g_ptr_array_new ();
  g_autofree char *id_name = NULL;
  const char *location_gln = NULL, *location_text = NULL;
  const Plant *plant = NULL;
  gboolean any_wanted = ex->wanted == NULL;
  gint64 time = -1;
  Event *ev;

  for (guint i = 0; i < links->len; i++)
    {
      Link *l = &g_array_index (links, Link, i);
      Lot *out = g_hash_table_lookup (ex->lots, l->output_lot);

      if (out != NULL && !g_ptr_array_find (outputs, out, NULL))
        g_ptr_array_add (outputs, out);
      /* Of a traced lot when it made one: the other uses of an input are not on its trace. */
      any_wanted = any_wanted || wanted (ex, l->output_lot);
      time = MAX (time, parse_time (l->transformed_at));
      if (location_gln == NULL && valid_gln (l->location_gln))
        location_gln = l->location_gln;
      if (location_text == NULL)
        location_text = l->location;
    }
  if (outputs->len == 0 || !any_wanted)
    return;
  plant = plant_of_gln (ex, location_gln);
  for (guint i = 0; plant == NULL && i < outputs->len; i++)
    plant = ((Lot *) outputs->pdata[i])->plant;

  ev = event_new (EV_TRANSFORMATION, event_code);
  ev->inputs = g_array_new (FALSE, FALSE, sizeof (Quantity));
  id_name = g_strconcat ("epcis/transformations/", event_code, NULL);
  ev->event_id = event_id (ex, id_name);
  ev->time = time;
  if (location_gln != NULL)
    ev->location = place (ex, location_gln, location_text,
                          plant && g_strcmp0 (plant->gln, location_gln) == 0 ? plant->name
                                                                              : location_text);
  else if (plant != NULL)
    ev->location = plant_place (ex, plant);
  else
    {
      /* Translators: %s is a transformation's event code */
      gap (ex, _("Transformation %s: its location has no GLN, so it is named with a FoodFlow "
                 "location identifier"), event_code);
      ev->location = place (ex, NULL, location_text, location_text);
    }
  for (guint i = 0; i < links->len; i++)
    {
      Link *l = &g_array_index (links, Link, i);
      Lot *in = g_hash_table_lookup (ex->lots, l->input_lot);

      if (in != NULL)
        add_quantity (ex, ev->inputs, lot_class (ex, in), l->quantity, l->unit);
      add_transaction (ex, ev, l->doc_type, l->doc_number,
                       location_gln ? location_gln : plant ? plant->gln : NULL);
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      Lot *out = outputs->pdata[i];
      add_quantity (ex, ev->quantities, lot_class (ex, out), out->quantity, out->unit);
    }
  /* ILMD describes every output alike: a best-before date only when they share it. */
  ev->best_before = g_strdup (((Lot *) outputs->pdata[0])->best_before);
  ev->tlc_source = g_strdup (((Lot *) outputs->pdata[0])->tlc_source);
  for (guint i = 1; i < outputs->len; i++)
    {
      if (g_strcmp0 (ev->best_before, ((Lot *) outputs->pdata[i])->best_before) != 0)
        g_clear_pointer (&ev->best_before, g_free);
      if (g_strcmp0 (ev->tlc_source, ((Lot *) outputs->pdata[i])->tlc_source) != 0)
        g_clear_pointer (&ev->tlc_source, g_free);
    }
  add_kde (ev, "ff:transformationCode", event_code);
  add_kde (ev, "ff:location", location_text);
  if (time < 0)
    {
      event_free (ev);
      return;
    }
  keep (ex, ev, zone_of (ex, plant));
}

static gboolean
load_transformations (Export  *ex,
                      GError **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (ex->store,
                                         "SELECT id, code, event_code, input_lot, output_lot, "
                                         "quantity, unit, transformed_at, location, location_gln, "
                                         "reference_doc_type, reference_doc_number FROM lot_links "
                                         "WHERE _deleted = 0 ORDER BY event_code, code", error);
  g_autoptr (GArray) links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_autofree char *current = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_array_set_clear_func (links, link_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *event_code = column (stmt, 2) ? column (stmt, 2) : "";
      char gln[14];
      Link l;

      if (current != NULL && !g_str_equal (current, event_code))
        {
          add_transformation (ex, current, links);
          g_array_set_size (links, 0);
        }
      if (current == NULL || !g_str_equal (current, event_code))
        {
          g_free (current);
          current = g_strdup (event_code);
        }
      l.id = column_dup (stmt, 0);
      l.code = column_dup (stmt, 1);
      l.input_lot = column_dup (stmt, 3);
      l.output_lot = column_dup (stmt, 4);
      l.quantity = sqlite3_column_double (stmt, 5);
      l.unit = column_dup (stmt, 6);
      l.transformed_at = column_dup (stmt, 7);
      l.location = column_dup (stmt, 8);
      l.location_gln = g_strdup (gln_of (stmt, 9, 8, gln));
      l.doc_type = column_dup (stmt, 10);
      l.doc_number = column_dup (stmt, 11);
      if (l.output_lot != NULL)
        {
          Lot *out = g_hash_table_lookup (ex->lots, l.output_lot);
          if (out != NULL)
            g_hash_table_add (ex->made, out->id);
        }
      g_array_append_val (links, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (ex->store, rc, _("Could not read the traceability records"),
                               error);
  if (current != NULL)
    add_transformation (ex, current, links);
  return TRUE;
}

static int
compare_lot_codes (gconstpointer a,
                   gconstpointer b)
{
  return strcmp ((*(Lot **) a)->code, (*(Lot **) b)->code);
}

/* Initial packing: a lot of a packing batch that no transformation made. A lot with no
 * receipt, no batch and no transformation has no event that gave it its code. */
static void
add_packing (Export *ex)
{
  g_autoptr (GPtrArray) lots = table_items (ex->lots, TRUE);

  g_ptr_array_sort (lots, compare_lot_codes);
  for (guint i = 0; i < lots->len; i++)
    {
      Lot *lot = lots->pdata[i];
      Batch *batch = lot->batch ? g_hash_table_lookup (ex->batches, lot->batch) : NULL;
      const Plant *plant = lot->plant;
      gint64 time;

      if (g_hash_table_contains (ex->made, lot->id) || !wanted (ex, lot->id))
        continue;
      if (batch == NULL)
        {
          if (!g_hash_table_contains (ex->received, lot->id))
            /* Translators: %s is a lot code */
            gap (ex, _("Lot %s has no receipt, packing batch or transformation: no event gave "
                       "it its lot code"), lot->code);
          continue;
        }
      time = parse_time (batch->actual_end);
      if (time < 0)
        time = noon_of (lot->made_on, zone_of (ex, plant));
      add_commissioning (ex, lot, time, plant,
                         plant ? plant_place (ex, plant) : place (ex, NULL, batch->code, NULL),
                         plant ? plant->name : NULL, batch->code, plant ? plant->gln : NULL);
    }
}

static gboolean
shipment_row (Export        *ex,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  Lot *lot = g_hash_table_lookup (ex->lots, column (stmt, 2) ? column (stmt, 2) : "");
  const char *code = column (stmt, 1);
  const char *ship_from = column (stmt, 6);
  const char *ship_to = column (stmt, 7);
  char from_buf[14], to_buf[14];
  const char *from_gln = gln_of (stmt, 10, 6, from_buf);
  const char *to_gln = gln_of (stmt, 11, 7, to_buf);
  const Plant *plant;
  g_autofree char *id_name = NULL;
  Event *ev;

  if (lot == NULL || !wanted (ex, lot->id))
    return TRUE;
  plant = plant_of_gln (ex, from_gln);
  if (plant == NULL)
    plant = lot->plant;
  if (from_gln == NULL && plant != NULL)
    from_gln = plant->gln;

  ev = event_new (EV_SHIPPING, code);
  id_name = g_strconcat ("epcis/shipments/", column (stmt, 0), NULL);
  ev->event_id = event_id (ex, id_name);
  ev->time = noon_of (column (stmt, 5), zone_of (ex, plant));
  if (from_gln == NULL)
    /* Translators: %s is a place as a shipment names it */
    gap (ex, _("Ship-from location “%s” has no GLN: shipments name it with a FoodFlow location "
               "identifier"), ship_from ? ship_from : "");
  ev->location = place (ex, from_gln, ship_from,
                        plant && g_strcmp0 (plant->gln, from_gln) == 0 ? plant->name : ship_from);
  ev->source = ev->location;
  if (to_gln == NULL)
    /* Translators: %s is the name of a shipment's recipient */
    gap (ex, _("Recipient “%s” has no GLN: shipments to it name it with a FoodFlow location "
               "identifier"), ship_to ? ship_to : "");
  ev->destination = place (ex, to_gln, ship_to, ship_to);
  add_quantity (ex, ev->quantities, lot_class (ex, lot), sqlite3_column_double (stmt, 3),
                column (stmt, 4));
  add_transaction (ex, ev, column (stmt, 12), column (stmt, 13),
                   g_strcmp0 (column (stmt, 12), "purchase_order") == 0 ? to_gln : from_gln);
  add_kde (ev, "ff:traceabilityLotCode", lot->code);
  add_kde (ev, "ff:productDescription", lot_description (lot));
  add_kde (ev, "ff:tlcSource", lot->tlc_source);
  add_kde (ev, "ff:shipFrom", ship_from);
  add_kde (ev, "ff:shipTo", ship_to);
  add_kde (ev, "ff:shipToType", column (stmt, 8));
  add_kde (ev, "ff:carrier", column (stmt, 9));
  add_kde (ev, "ff:recordCode", code);
  keep (ex, ev, zone_of (ex, plant));
  return TRUE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = *(Event **) a, *y = *(Event **) b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/* Which lots --lot means: the lot and every lot traced from it forward and backward. */
static gboolean
select_lots (Export  *ex,
             GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *lot_id = NULL;
  int rc;

  if (ex->options->lot_code == NULL)
    return TRUE;
  stmt = ff_store_prepare (ex->store, "SELECT id FROM lots WHERE code = ?1 COLLATE FF_CODE "
                                      "AND _deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ex->options->lot_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    lot_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ff_store_set_error (ex->store, rc, _("Could not read the traceability records"),
                               error);
  if (lot_id == NULL)
    {
      g_set_error (error, FF_ERROR, FF_ERROR_NOT_FOUND, _("There is no lot with the code %s"),
                   ex->options->lot_code);
      return FALSE;
    }
  ex->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int d = FF_TRACE_FORWARD; d <= FF_TRACE_BACKWARD; d++)
    {
      g_autoptr (FfTrace) trace = ff_lot_trace (ex->store, lot_id, (FfTraceDirection) d, error);

      if (trace == NULL)
        return FALSE;
      for (guint i = 0; i < trace->lots->len; i++)
        g_hash_table_add (ex->wanted, g_strdup (((FfTraceLot *) trace->lots->pdata[i])->id));
    }
  return TRUE;
}

/* The export ---------------------------------------------------------------------------------- */

void
ff_epcis_summary_free (FfEpcisSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->gaps, g_ptr_array_unref);
  g_free (summary);
}

static void
export_clear (Export *ex)
{
  g_free (ex->base);
  g_clear_pointer (&ex->default_zone, g_time_zone_unref);
  g_clear_pointer (&ex->events, g_ptr_array_unref);
  g_clear_pointer (&ex->lots, g_hash_table_unref);
  g_clear_pointer (&ex->batches, g_hash_table_unref);
  g_clear_pointer (&ex->lines, g_hash_table_unref);
  g_clear_pointer (&ex->plants_by_gln, g_hash_table_unref);
  g_clear_pointer (&ex->plants, g_hash_table_unref);
  g_clear_pointer (&ex->skus, g_hash_table_unref);
  g_clear_pointer (&ex->ingredients, g_hash_table_unref);
  g_clear_pointer (&ex->suppliers, g_hash_table_unref);
  g_clear_pointer (&ex->wanted, g_hash_table_unref);
  g_clear_pointer (&ex->made, g_hash_table_unref);
  g_clear_pointer (&ex->received, g_hash_table_unref);
  g_clear_pointer (&ex->gaps, g_hash_table_unref);
  g_clear_pointer (&ex->classes, g_hash_table_unref);
  g_clear_pointer (&ex->places, g_hash_table_unref);
  g_clear_pointer (&ex->strings, g_hash_table_unref);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static FfEpcisSummary *
summarize (Export *ex)
{
  FfEpcisSummary *summary = g_new0 (FfEpcisSummary, 1);
  GHashTableIter iter;
  gpointer text;

  summary->n_events = ex->events->len;
  for (guint i = 0; i < ex->events->len; i++)
    switch (((Event *) ex->events->pdata[i])->kind)
      {
      case EV_RECEIVING: summary->n_receiving++; break;
      case EV_COMMISSIONING: summary->n_commissioning++; break;
      case EV_TRANSFORMATION: summary->n_transformation++; break;
      case EV_SHIPPING: summary->n_shipping++; break;
      default: g_assert_not_reached ();
      }
  summary->gaps = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, ex->gaps);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    g_ptr_array_add (summary->gaps, g_strdup (text));
  g_ptr_array_sort (summary->gaps, compare_strings);
  return summary;
}

static void
use_class (Export     *ex,
           GHashTable *used,
           GArray     *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const char *uri = g_array_index (list, Quantity, i).epc_class;
      g_hash_table_insert (used, (gpointer) uri, g_hash_table_lookup (ex->classes, uri));
    }
}

static void
use_place (Export     *ex,
           GHashTable *used,
           const char *uri)
{
  const char *name = uri ? g_hash_table_lookup (ex->places, uri) : NULL;

  if (name != NULL)
    g_hash_table_insert (used, (gpointer) uri, (gpointer) name);
}

/* The master data of the events written (not of those the dates left out). */
static void
used_master_data (Export      *ex,
                  GHashTable **out_classes,
                  GHashTable **out_places)
{
  *out_classes = g_hash_table_new (g_str_hash, g_str_equal);
  *out_places = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ex->events->len; i++)
    {
      Event *ev = ex->events->pdata[i];

      use_class (ex, *out_classes, ev->inputs);
      use_class (ex, *out_classes, ev->quantities);
      use_place (ex, *out_places, ev->location);
      use_place (ex, *out_places, ev->source);
      use_place (ex, *out_places, ev->destination);
    }
}

FfEpcisSummary *
ff_epcis_export (FfStore              *store,
                 const FfEpcisOptions *options,
                 GOutputStream        *out,
                 GCancellable         *cancellable,
                 GError              **error)
{
  Export ex = { 0 };
  g_autoptr (GHashTable) classes = NULL;
  g_autoptr (GHashTable) places = NULL;
  g_autofree char *tenant = NULL;
  FfEpcisSummary *summary = NULL;

  g_return_val_if_fail (store != NULL && options != NULL, NULL);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  if (!_ff_fsq_check_period (options->from, options->to, error))
    return NULL;

  tenant = escape (options->tenant_id ? options->tenant_id : "tenant");
  ex.store = store;
  ex.options = options;
  ex.base = g_strconcat (FF_ID_BASE, tenant, "/", NULL);
  ex.default_zone = ff_site_zone_for_record (store, &ff_kind_lots, NULL);
  ex.strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex.plants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) plant_free);
  ex.plants_by_gln = g_hash_table_new (g_str_hash, g_str_equal);
  ex.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex.batches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) batch_free);
  ex.skus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) item_free);
  ex.ingredients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) item_free);
  ex.suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) supplier_free);
  ex.lots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lot_free);
  ex.made = g_hash_table_new (g_str_hash, g_str_equal);
  ex.received = g_hash_table_new (g_str_hash, g_str_equal);
  ex.gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ex.classes = g_hash_table_new (g_str_hash, g_str_equal);
  ex.places = g_hash_table_new (g_str_hash, g_str_equal);
  ex.events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  if (!select_lots (&ex, error)
      || !load_masters (&ex, error)
      || !load_transformations (&ex, error)
      || !each_row (&ex, "SELECT id, code, lot, supplier, quantity, unit, received_on, "
                         "receiving_location, previous_source, receiving_gln, "
                         "previous_source_gln, reference_doc_type, reference_doc_number "
                         "FROM receipts WHERE _deleted = 0 ORDER BY received_on, code",
                    receipt_row, error))
    goto out;
  add_packing (&ex);
  if (!each_row (&ex, "SELECT id, code, lot, quantity, unit, ship_date, ship_from, ship_to, "
                      "ship_to_type, carrier, ship_from_gln, ship_to_gln, reference_doc_type, "
                      "reference_doc_number FROM shipments WHERE _deleted = 0",
                 shipment_row, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  g_ptr_array_sort (ex.events, compare_events);
  used_master_data (&ex, &classes, &places);
  if (!_ff_epcis_write (ex.events, classes, places, out, cancellable, error))
    goto out;
  summary = summarize (&ex);

out:
  export_clear (&ex);
  return summary;
}

FfEpcisSummary *
ff_epcis_export_to_file (FfStore              *store,
                         const FfEpcisOptions *options,
                         const char           *path,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) stream = NULL;
  g_autoptr (FfEpcisSummary) summary = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  /* The file is replaced on close, so a failed export leaves the old one as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return NULL;
  summary = ff_epcis_export (store, options, G_OUTPUT_STREAM (stream), cancellable, error);
  if (summary == NULL)
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();
      /* A cancelled close does not replace the file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return NULL;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return NULL;
  return g_steal_pointer (&summary);
}
