/* ff-fsma204.c — the FSMA 204 sortable spreadsheet: the rows of each critical tracking event,
 * their key data elements filled from what the records refer to (the workbook and CSV files
 * are written in ff-fsma204-write.c). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ff-error.h"
#include "ff-fsma204.h"
#include "ff-fsq-period-private.h"
#include "ff-kde-gaps.h"
#include "ff-kinds-private.h"
#include "ff-lot-trace.h"
#include "ff-site-zone.h"

/* Columns and sheets --------------------------------------------------------------------- */

/* The rule's words (21 CFR 1.1330-1.1350), in English: FDA reads the sheet. Marked for
 * translation only for the app, which shows the same names. */
static const char *const headers[FF_FSMA_N_COLUMNS] = {
  [FF_FSMA_COL_CTE] = N_("Critical tracking event"),
  [FF_FSMA_COL_EVENT_ID] = N_("Event ID"),
  [FF_FSMA_COL_DATE] = N_("Event date"),
  [FF_FSMA_COL_TLC] = N_("Traceability lot code"),
  [FF_FSMA_COL_TLC_SOURCE] = N_("Traceability lot code source"),
  [FF_FSMA_COL_PRODUCT] = N_("Product description"),
  [FF_FSMA_COL_FTL] = N_("On the Food Traceability List"),
  [FF_FSMA_COL_QUANTITY] = N_("Quantity"),
  [FF_FSMA_COL_UNIT] = N_("Unit of measure"),
  [FF_FSMA_COL_INPUT_TLC] = N_("Input traceability lot code"),
  [FF_FSMA_COL_INPUT_PRODUCT] = N_("Input product description"),
  [FF_FSMA_COL_INPUT_FTL] = N_("Input on the Food Traceability List"),
  [FF_FSMA_COL_INPUT_QUANTITY] = N_("Input quantity used"),
  [FF_FSMA_COL_INPUT_UNIT] = N_("Input unit of measure"),
  [FF_FSMA_COL_PREVIOUS_SOURCE] = N_("Immediate previous source"),
  [FF_FSMA_COL_PREVIOUS_SOURCE_GLN] = N_("Immediate previous source GLN"),
  [FF_FSMA_COL_RECEIVING_LOCATION] = N_("Receiving location"),
  [FF_FSMA_COL_RECEIVING_GLN] = N_("Receiving location GLN"),
  [FF_FSMA_COL_SHIP_FROM] = N_("Ship-from location"),
  [FF_FSMA_COL_SHIP_FROM_GLN] = N_("Ship-from location GLN"),
  [FF_FSMA_COL_RECIPIENT] = N_("Immediate subsequent recipient"),
  [FF_FSMA_COL_RECIPIENT_GLN] = N_("Immediate subsequent recipient GLN"),
  [FF_FSMA_COL_TRANSFORMATION_LOCATION] = N_("Transformation location"),
  [FF_FSMA_COL_TRANSFORMATION_GLN] = N_("Transformation location GLN"),
  [FF_FSMA_COL_REFERENCE_TYPE] = N_("Reference document type"),
  [FF_FSMA_COL_REFERENCE_NUMBER] = N_("Reference document number"),
};

static const char *const cte_names[FF_FSMA_N_CTES + 1] = {
  [FF_FSMA_RECEIVING] = N_("Receiving"),
  [FF_FSMA_TRANSFORMATION] = N_("Transformation"),
  [FF_FSMA_SHIPPING] = N_("Shipping"),
  [FF_FSMA_INITIAL_PACKING] = N_("Initial packing"),
  [FF_FSMA_N_CTES] = N_("All events"),
};

static const char *const cte_files[FF_FSMA_N_CTES + 1] = {
  [FF_FSMA_RECEIVING] = "receiving.csv",
  [FF_FSMA_TRANSFORMATION] = "transformation.csv",
  [FF_FSMA_SHIPPING] = "shipping.csv",
  [FF_FSMA_INITIAL_PACKING] = "initial_packing.csv",
  [FF_FSMA_N_CTES] = "all_events.csv",
};

/* On one day, the order in which a lot lives: it arrives or is packed, is made into something,
 * leaves. */
static const int cte_rank[FF_FSMA_N_CTES] = {
  [FF_FSMA_RECEIVING] = 0,
  [FF_FSMA_INITIAL_PACKING] = 1,
  [FF_FSMA_TRANSFORMATION] = 2,
  [FF_FSMA_SHIPPING] = 3,
};

typedef struct
{
  FfFsmaColumn column;
  const char  *header;  /* NULL: the column's own */
} SheetColumn;

#define COL(c) { FF_FSMA_COL_##c, NULL }
#define COL_AS(c, h) { FF_FSMA_COL_##c, h }

static const SheetColumn receiving_sheet[] = {
  COL (EVENT_ID), COL (TLC), COL (TLC_SOURCE), COL (PRODUCT), COL (FTL), COL (QUANTITY),
  COL (UNIT), COL (PREVIOUS_SOURCE), COL (PREVIOUS_SOURCE_GLN), COL (RECEIVING_LOCATION),
  COL (RECEIVING_GLN), COL_AS (DATE, "Date received"), COL (REFERENCE_TYPE),
  COL (REFERENCE_NUMBER),
};

static const SheetColumn transformation_sheet[] = {
  COL (EVENT_ID), COL (INPUT_TLC), COL (INPUT_PRODUCT), COL (INPUT_FTL), COL (INPUT_QUANTITY),
  COL (INPUT_UNIT), COL_AS (TLC, "New traceability lot code"), COL (TLC_SOURCE),
  COL (TRANSFORMATION_LOCATION), COL (TRANSFORMATION_GLN),
  COL_AS (DATE, "Date transformation completed"), COL (PRODUCT), COL (FTL), COL (QUANTITY),
  COL (UNIT), COL (REFERENCE_TYPE), COL (REFERENCE_NUMBER),
};

static const SheetColumn shipping_sheet[] = {
  COL (EVENT_ID), COL (TLC), COL (TLC_SOURCE), COL (PRODUCT), COL (FTL), COL (QUANTITY),
  COL (UNIT), COL (RECIPIENT), COL (RECIPIENT_GLN), COL (SHIP_FROM), COL (SHIP_FROM_GLN),
  COL_AS (DATE, "Ship date"), COL (REFERENCE_TYPE), COL (REFERENCE_NUMBER),
};

static const SheetColumn packing_sheet[] = {
  COL (EVENT_ID), COL (TLC), COL (TLC_SOURCE), COL (PRODUCT), COL (FTL), COL (QUANTITY),
  COL (UNIT), COL_AS (DATE, "Date of initial packing"), COL (REFERENCE_TYPE),
  COL (REFERENCE_NUMBER),
};

static const struct {
  const SheetColumn *columns;
  guint              n;
} sheets[FF_FSMA_N_CTES] = {
  [FF_FSMA_RECEIVING] = { receiving_sheet, G_N_ELEMENTS (receiving_sheet) },
  [FF_FSMA_TRANSFORMATION] = { transformation_sheet, G_N_ELEMENTS (transformation_sheet) },
  [FF_FSMA_SHIPPING] = { shipping_sheet, G_N_ELEMENTS (shipping_sheet) },
  [FF_FSMA_INITIAL_PACKING] = { packing_sheet, G_N_ELEMENTS (packing_sheet) },
};

const char *
ff_fsma204_column_header (FfFsmaColumn column)
{
  g_return_val_if_fail (column < FF_FSMA_N_COLUMNS, NULL);
  return headers[column];
}

const char *
ff_fsma204_column_label (FfFsmaColumn column)
{
  g_return_val_if_fail (column < FF_FSMA_N_COLUMNS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, headers[column]);
}

const char *
ff_fsma204_cte_name (FfFsmaCte cte)
{
  g_return_val_if_fail (cte <= FF_FSMA_N_CTES, NULL);
  return cte_names[cte];
}

const char *
ff_fsma204_cte_label (FfFsmaCte cte)
{
  g_return_val_if_fail (cte <= FF_FSMA_N_CTES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, cte_names[cte]);
}

const char *
ff_fsma204_cte_file_name (FfFsmaCte cte)
{
  g_return_val_if_fail (cte <= FF_FSMA_N_CTES, NULL);
  return cte_files[cte];
}

guint
ff_fsma204_sheet_columns (FfFsmaCte            cte,
                          const FfFsmaColumn **out_columns,
                          const char *const  **out_headers)
{
  static FfFsmaColumn columns[FF_FSMA_N_CTES + 1][FF_FSMA_N_COLUMNS];
  static const char *names[FF_FSMA_N_CTES + 1][FF_FSMA_N_COLUMNS];
  static gsize ready;
  guint n;

  g_return_val_if_fail (cte <= FF_FSMA_N_CTES, 0);

  if (g_once_init_enter (&ready))
    {
      for (guint s = 0; s < FF_FSMA_N_CTES; s++)
        for (guint i = 0; i < sheets[s].n; i++)
          {
            columns[s][i] = sheets[s].columns[i].column;
            names[s][i] = sheets[s].columns[i].header ? sheets[s].columns[i].header
                                                      : headers[sheets[s].columns[i].column];
          }
      for (guint c = 0; c < FF_FSMA_N_COLUMNS; c++)
        {
          columns[FF_FSMA_N_CTES][c] = c;
          names[FF_FSMA_N_CTES][c] = headers[c];
        }
      g_once_init_leave (&ready, 1);
    }
  n = cte == FF_FSMA_N_CTES ? FF_FSMA_N_COLUMNS : sheets[cte].n;
  if (out_columns != NULL)
    *out_columns = columns[cte];
  if (out_headers != NULL)
    *out_headers = names[cte];
  return n;
}

/* Rows ------------------------------------------------------------------------------------ */

static void
row_free (FfFsmaRow *row)
{
  if (row == NULL)
    return;
  for (guint c = 0; c < FF_FSMA_N_COLUMNS; c++)
    g_free (row->values[c]);
  g_free (row->record_id);
  g_free (row->record_code);
  g_free (row->lot_id);
  g_free (row->input_lot_id);
  g_free (row);
}

void
ff_fsma204_free (FfFsma204 *export)
{
  if (export == NULL)
    return;
  g_clear_pointer (&export->rows, g_ptr_array_unref);
  g_clear_pointer (&export->gaps, g_ptr_array_unref);
  g_free (export->from);
  g_free (export->to);
  g_free (export->lot_code);
  g_free (export->product);
  g_free (export);
}

/* What the rows need of a lot, read once per lot. */
typedef struct
{
  char    *code;
  char    *product;     /* its description, else its ingredient's name or SKU's description */
  char    *tlc_source;  /* as recorded, else where the code was assigned (see LOT_SQL) */
  gboolean source_recorded;
  char    *ingredient_code;
  char    *sku_code;
  char    *zone;        /* its plant's time zone */
  char    *quantity;
  char    *unit;
  int      ftl;         /* -1: not known yet */
} LotInfo;

static void
lot_info_free (LotInfo *lot)
{
  g_free (lot->code);
  g_free (lot->product);
  g_free (lot->tlc_source);
  g_free (lot->ingredient_code);
  g_free (lot->sku_code);
  g_free (lot->zone);
  g_free (lot->quantity);
  g_free (lot->unit);
  g_free (lot);
}

typedef struct _Collector Collector;
/* Takes @row: keeps it or frees it. */
typedef void (*RowSink) (Collector *c,
                         FfFsmaRow *row);

struct _Collector
{
  FfStore       *store;
  GCancellable  *cancellable;
  GHashTable    *lots;       /* id -> LotInfo* */
  GHashTable    *ftl;        /* ids of every lot on the list, or NULL: asked per lot */
  GHashTable    *zones;      /* identifier -> GTimeZone* */
  GTimeZone     *site_zone;  /* for lots whose plant says none; made when first wanted */
  GHashTable    *lot_scope;  /* ids the --lot trace reached, or NULL */
  gboolean       ftl_only;   /* only rows whose KDEs are due (the gaps of every record) */
  char          *from;       /* YYYY-MM-DD, or NULL */
  char          *to;
  RowSink        sink;
  GPtrArray     *rows;       /* what the export sink keeps */
  FfFsmaRowFunc  func;       /* what the foreach sink calls */
  gpointer       user_data;
  guint          n_seen;
};

static void
collector_clear (Collector *c)
{
  g_clear_pointer (&c->lots, g_hash_table_unref);
  g_clear_pointer (&c->ftl, g_hash_table_unref);
  g_clear_pointer (&c->zones, g_hash_table_unref);
  g_clear_pointer (&c->site_zone, g_time_zone_unref);
  g_clear_pointer (&c->lot_scope, g_hash_table_unref);
  g_clear_pointer (&c->from, g_free);
  g_clear_pointer (&c->to, g_free);
}

static void
collector_init (Collector    *c,
                FfStore      *store,
                GCancellable *cancellable)
{
  memset (c, 0, sizeof *c);
  c->store = store;
  c->cancellable = cancellable;
  c->lots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) lot_info_free);
  c->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_time_zone_unref);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
column_number (sqlite3_stmt *stmt,
               int           column)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup (ff_decimal_shortest (buf, sizeof buf, sqlite3_column_double (stmt, column)));
}

/* "Plant Eindhoven, Kanaalweg 1, Eindhoven, NL (GLN 8712345000016)": the location description
 * of a packing plant. */
static char *
plant_description (sqlite3_stmt *stmt,
                   int           first)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (int i = first; i < first + 4; i++)
    {
      g_autofree char *part = column_dup (stmt, i);
      if (part == NULL)
        continue;
      g_strdelimit (part, "\r\n", ' ');
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_strstrip (part));
    }
  if (s->len == 0)
    return NULL;
  if (sqlite3_column_type (stmt, first + 4) != SQLITE_NULL)
    g_string_append_printf (s, " (GLN %s)", sqlite3_column_text (stmt, first + 4));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A lot's code source, when the lot does not record it: where FSMA 204 says it was assigned.
 * Made by a transformation: where that took place. Received: by the supplier, which only the
 * lot can say. Packed from a batch: the plant of the batch's line. (Looked up only for a lot
 * that records none: a CASE evaluates its branch only when taken.) */
#define LOT_SELECT \
  "SELECT l.id, l.code, coalesce (nullif (l.description, ''), i.name, k.description), " \
  "nullif (l.tlc_source, ''), " \
  "CASE WHEN nullif (l.tlc_source, '') IS NULL THEN " \
  "(SELECT x.location || coalesce (' (GLN ' || x.location_gln || ')', '') FROM lot_links x " \
  " WHERE x.output_lot = l.id AND x._deleted = 0 ORDER BY x.transformed_at DESC LIMIT 1) END, " \
  "CASE WHEN nullif (l.tlc_source, '') IS NULL THEN " \
  "EXISTS (SELECT 1 FROM receipts r WHERE r.lot = l.id AND r._deleted = 0) END, " \
  "p.name, p.address, p.city, p.country, p.gln, p.timezone, i.code, k.code, l.quantity, " \
  "l.unit, coalesce (i.on_traceability_list, 0) " \
  "FROM lots l LEFT JOIN ingredients i ON i.id = l.ingredient AND i._deleted = 0 " \
  "LEFT JOIN skus k ON k.id = l.sku AND k._deleted = 0 " \
  "LEFT JOIN batches b ON b.id = l.batch " \
  "LEFT JOIN lines n ON n.id = coalesce (l.line, b.line) " \
  "LEFT JOIN plants p ON p.id = n.plant "
#define LOT_SQL LOT_SELECT "WHERE l.id = ?1"
#define ALL_LOTS_SQL LOT_SELECT "WHERE l._deleted = 0"

/* On the list itself, or made (at any depth) from a lot that is. */
#define FTL_ONE_SQL \
  "WITH RECURSIVE r(id) AS (SELECT ?1 UNION SELECT x.input_lot FROM lot_links x JOIN r " \
  "ON x.output_lot = r.id WHERE x._deleted = 0) " \
  "SELECT count(*) FROM r CROSS JOIN lots l ON l.id = r.id " \
  "JOIN ingredients i ON i.id = l.ingredient WHERE i.on_traceability_list = 1"
#define FTL_ALL_SQL \
  "WITH RECURSIVE f(id) AS (SELECT l.id FROM ingredients i CROSS JOIN lots l " \
  "ON l.ingredient = i.id WHERE i.on_traceability_list = 1 AND i._deleted = 0 " \
  "UNION SELECT x.output_lot FROM f CROSS JOIN lot_links x ON x.input_lot = f.id " \
  "WHERE x._deleted = 0) SELECT id FROM f"

static gboolean
load_ftl (Collector  *c,
          GError    **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (c->store, FTL_ALL_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  c->ftl = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (c->ftl, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (c->store, rc, _("Could not read the Food Traceability List"),
                               error);
  return TRUE;
}

static LotInfo *
lot_info_read (sqlite3_stmt *stmt)
{
  LotInfo *lot = g_new0 (LotInfo, 1);

  lot->ftl = -1;
  lot->code = column_dup (stmt, 1);
  lot->product = column_dup (stmt, 2);
  lot->tlc_source = column_dup (stmt, 3);
  lot->source_recorded = lot->tlc_source != NULL;
  if (lot->tlc_source == NULL)
    lot->tlc_source = column_dup (stmt, 4);
  if (lot->tlc_source == NULL && sqlite3_column_int (stmt, 5) == 0)
    lot->tlc_source = plant_description (stmt, 6);
  lot->zone = column_dup (stmt, 11);
  lot->ingredient_code = column_dup (stmt, 12);
  lot->sku_code = column_dup (stmt, 13);
  lot->quantity = column_number (stmt, 14);
  lot->unit = column_dup (stmt, 15);
  if (sqlite3_column_int (stmt, 16) != 0)
    lot->ftl = TRUE;
  return lot;
}

/* Many rows to come: every lot read in one pass rather than one by one. */
static gboolean
load_lots (Collector  *c,
           GError    **error)
{
  sqlite3_stmt *stmt = ff_store_prepare (c->store, ALL_LOTS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (c->lots, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         lot_info_read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (c->store, rc, _("Could not read the lots"), error);
  return TRUE;
}

static LotInfo *
lot_info (Collector   *c,
          const char  *id,
          GError     **error)
{
  LotInfo *lot = g_hash_table_lookup (c->lots, id);
  sqlite3_stmt *stmt;
  int rc;

  if (lot != NULL)
    return lot;
  stmt = ff_store_prepare (c->store, LOT_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    lot = lot_info_read (stmt);
  else
    {
      /* A reference to a lot this device has not got yet (sync brings it), or deleted: its
       * id stands in. */
      lot = g_new0 (LotInfo, 1);
      lot->ftl = -1;
      lot->code = g_strdup (id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lot_info_free (lot);
      ff_store_set_error (c->store, rc, _("Could not read a lot"), error);
      return NULL;
    }
  g_hash_table_insert (c->lots, g_strdup (id), lot);
  return lot;
}

static gboolean
lot_ftl (Collector   *c,
         const char  *id,
         LotInfo     *lot,
         gboolean    *out,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (c->ftl != NULL)
    {
      *out = g_hash_table_contains (c->ftl, id);
      return TRUE;
    }
  if (lot->ftl < 0)
    {
      stmt = ff_store_prepare (c->store, FTL_ONE_SQL, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      lot->ftl = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return ff_store_set_error (c->store, rc, _("Could not read the Food Traceability List"),
                                   error);
    }
  *out = lot->ftl > 0;
  return TRUE;
}

/* The English label of a reference document type, as the sheet shows it. */
static char *
reference_type (const char *value)
{
  const FfField *field = ff_kind_get_field (&ff_kind_shipments, "reference_doc_type");

  if (value == NULL || *value == '\0')
    return NULL;
  for (const FfEnumValue *e = field->enum_values; e->value != NULL; e++)
    if (g_str_equal (e->value, value))
      return g_strdup (e->label);
  return g_strdup (value);
}

static GTimeZone *
zone_for (Collector *c,
          LotInfo   *lot)
{
  GTimeZone *zone = lot->zone ? g_hash_table_lookup (c->zones, lot->zone) : NULL;

  if (zone != NULL)
    return zone;
  if (lot->zone != NULL && (zone = g_time_zone_new_identifier (lot->zone)) != NULL)
    {
      g_hash_table_insert (c->zones, g_strdup (lot->zone), zone);
      return zone;
    }
  if (c->site_zone == NULL)
    c->site_zone = ff_site_zone_for_record (c->store, &ff_kind_lot_links, NULL);
  return c->site_zone;
}

static FfFsmaRow *
row_new (FfFsmaCte     cte,
         const FfKind *kind,
         sqlite3_stmt *stmt)
{
  FfFsmaRow *row = g_new0 (FfFsmaRow, 1);

  row->cte = cte;
  row->kind = kind;
  row->record_id = column_dup (stmt, 0);
  row->record_code = column_dup (stmt, 1);
  row->values[FF_FSMA_COL_CTE] = g_strdup (cte_names[cte]);
  return row;
}

/* The lot's own elements: code, code source, description, list. */
static gboolean
set_lot (Collector   *c,
         FfFsmaRow   *row,
         const char  *lot_id,
         GError     **error)
{
  LotInfo *lot = lot_id ? lot_info (c, lot_id, error) : NULL;

  if (lot == NULL)
    return lot_id == NULL;
  row->lot_id = g_strdup (lot_id);
  if (!lot_ftl (c, lot_id, lot, &row->ftl, error))
    return FALSE;
  row->values[FF_FSMA_COL_TLC] = g_strdup (lot->code);
  row->values[FF_FSMA_COL_TLC_SOURCE] = g_strdup (lot->tlc_source);
  row->values[FF_FSMA_COL_PRODUCT] = g_strdup (lot->product);
  row->values[FF_FSMA_COL_FTL] = g_strdup (row->ftl ? "Yes" : "No");
  return TRUE;
}

typedef enum {
  SCOPE_DATES,   /* ?1 first day, ?2 last day (text bounds) */
  SCOPE_RECORD,  /* ?1 the record's id */
  SCOPE_LOT,     /* ?1 a lot's id: its events */
} Scope;

typedef gboolean (*BuildFunc) (Collector     *c,
                               sqlite3_stmt  *stmt,
                               GError       **error);

static void
emit (Collector *c,
      FfFsmaRow *row)
{
  if (c->lot_scope != NULL && (row->lot_id == NULL
                               || !g_hash_table_contains (c->lot_scope, row->lot_id)))
    {
      row_free (row);
      return;
    }
  c->sink (c, row);
}

/* A receipt or a shipment: the same elements, but for where it came from and went to (columns
 * 6 to 9 of their queries: the two places and their GLNs). */
static gboolean
build_movement (Collector     *c,
                sqlite3_stmt  *stmt,
                FfFsmaCte      event,
                const FfKind  *kind,
                const int      places[4],
                GError       **error)
{
  FfFsmaRow *row = row_new (event, kind, stmt);
  g_autofree char *lot = column_dup (stmt, 2);

  if (!set_lot (c, row, lot, error))
    {
      row_free (row);
      return FALSE;
    }
  if (c->ftl_only && !row->ftl)
    {
      row_free (row);
      return TRUE;
    }
  row->values[FF_FSMA_COL_EVENT_ID] = g_strdup (row->record_code);
  row->values[FF_FSMA_COL_QUANTITY] = column_number (stmt, 3);
  row->values[FF_FSMA_COL_UNIT] = column_dup (stmt, 4);
  row->values[FF_FSMA_COL_DATE] = column_dup (stmt, 5);
  for (int i = 0; i < 4; i++)
    row->values[places[i]] = column_dup (stmt, 6 + i);
  row->values[FF_FSMA_COL_REFERENCE_TYPE] = reference_type ((const char *) sqlite3_column_text (stmt, 10));
  row->values[FF_FSMA_COL_REFERENCE_NUMBER] = column_dup (stmt, 11);
  emit (c, row);
  return TRUE;
}

static gboolean
build_receipt (Collector     *c,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  static const int places[4] = {
    FF_FSMA_COL_RECEIVING_LOCATION, FF_FSMA_COL_RECEIVING_GLN, FF_FSMA_COL_PREVIOUS_SOURCE,
    FF_FSMA_COL_PREVIOUS_SOURCE_GLN,
  };

  return build_movement (c, stmt, FF_FSMA_RECEIVING, &ff_kind_receipts, places, error);
}

static gboolean
build_shipment (Collector     *c,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  static const int places[4] = {
    FF_FSMA_COL_SHIP_FROM, FF_FSMA_COL_SHIP_FROM_GLN, FF_FSMA_COL_RECIPIENT,
    FF_FSMA_COL_RECIPIENT_GLN,
  };

  return build_movement (c, stmt, FF_FSMA_SHIPPING, &ff_kind_shipments, places, error);
}

/* One row per input lot; the output's elements repeat on each, under the shared event id. */
static gboolean
build_link (Collector     *c,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  FfFsmaRow *row = row_new (FF_FSMA_TRANSFORMATION, &ff_kind_lot_links, stmt);
  g_autofree char *input = column_dup (stmt, 3);
  g_autofree char *output = column_dup (stmt, 4);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (GDateTime) local = NULL;
  const char *completed = (const char *) sqlite3_column_text (stmt, 7);
  LotInfo *in, *out;

  if (!set_lot (c, row, output, error) || (in = lot_info (c, input, error)) == NULL
      || !lot_ftl (c, input, in, &row->input_ftl, error))
    {
      row_free (row);
      return FALSE;
    }
  if (c->ftl_only && !row->ftl && !row->input_ftl)
    {
      row_free (row);
      return TRUE;
    }
  out = g_hash_table_lookup (c->lots, output);
  /* The completion time at the site where it took place, as a date. */
  at = completed ? g_date_time_new_from_iso8601 (completed, utc) : NULL;
  local = at ? g_date_time_to_timezone (at, zone_for (c, out)) : NULL;
  row->values[FF_FSMA_COL_DATE] = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  if (row->values[FF_FSMA_COL_DATE] != NULL
      && ((c->from != NULL && strcmp (row->values[FF_FSMA_COL_DATE], c->from) < 0)
          || (c->to != NULL && strcmp (row->values[FF_FSMA_COL_DATE], c->to) > 0)))
    {
      row_free (row);
      return TRUE;
    }
  row->input_lot_id = g_strdup (input);
  row->values[FF_FSMA_COL_EVENT_ID] = column_dup (stmt, 2);
  row->values[FF_FSMA_COL_QUANTITY] = g_strdup (out->quantity);
  row->values[FF_FSMA_COL_UNIT] = g_strdup (out->unit);
  row->values[FF_FSMA_COL_INPUT_TLC] = g_strdup (in->code);
  row->values[FF_FSMA_COL_INPUT_PRODUCT] = g_strdup (in->product);
  row->values[FF_FSMA_COL_INPUT_FTL] = g_strdup (row->input_ftl ? "Yes" : "No");
  row->values[FF_FSMA_COL_INPUT_QUANTITY] = column_number (stmt, 5);
  row->values[FF_FSMA_COL_INPUT_UNIT] = column_dup (stmt, 6);
  row->values[FF_FSMA_COL_TRANSFORMATION_LOCATION] = column_dup (stmt, 8);
  row->values[FF_FSMA_COL_TRANSFORMATION_GLN] = column_dup (stmt, 9);
  /* The rule: where the food was transformed is its lot code source, unless the lot says. */
  if (!out->source_recorded && row->values[FF_FSMA_COL_TRANSFORMATION_LOCATION] != NULL)
    {
      g_free (row->values[FF_FSMA_COL_TLC_SOURCE]);
      row->values[FF_FSMA_COL_TLC_SOURCE] =
        row->values[FF_FSMA_COL_TRANSFORMATION_GLN]
          ? g_strdup_printf ("%s (GLN %s)", row->values[FF_FSMA_COL_TRANSFORMATION_LOCATION],
                             row->values[FF_FSMA_COL_TRANSFORMATION_GLN])
          : g_strdup (row->values[FF_FSMA_COL_TRANSFORMATION_LOCATION]);
    }
  row->values[FF_FSMA_COL_REFERENCE_TYPE] = reference_type ((const char *) sqlite3_column_text (stmt, 10));
  row->values[FF_FSMA_COL_REFERENCE_NUMBER] = column_dup (stmt, 11);
  emit (c, row);
  return TRUE;
}

/* Packed from a batch: the batch is the event and its production order the reference. */
static gboolean
build_packing (Collector     *c,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  FfFsmaRow *row = row_new (FF_FSMA_INITIAL_PACKING, &ff_kind_lots, stmt);

  if (!set_lot (c, row, row->record_id, error))
    {
      row_free (row);
      return FALSE;
    }
  if (c->ftl_only && !row->ftl)
    {
      row_free (row);
      return TRUE;
    }
  row->values[FF_FSMA_COL_QUANTITY] = column_number (stmt, 2);
  row->values[FF_FSMA_COL_UNIT] = column_dup (stmt, 3);
  row->values[FF_FSMA_COL_DATE] = column_dup (stmt, 4);
  row->values[FF_FSMA_COL_EVENT_ID] = column_dup (stmt, 5);
  row->values[FF_FSMA_COL_REFERENCE_TYPE] = reference_type ("production_order");
  row->values[FF_FSMA_COL_REFERENCE_NUMBER] = column_dup (stmt, 5);
  emit (c, row);
  return TRUE;
}

static const struct {
  const char *select;
  const char *where[3];  /* by Scope */
  BuildFunc   build;
} events[FF_FSMA_N_CTES] = {
  [FF_FSMA_RECEIVING] = {
    "SELECT c.id, c.code, c.lot, c.quantity, c.unit, c.received_on, c.receiving_location, "
    "c.receiving_gln, c.previous_source, c.previous_source_gln, c.reference_doc_type, "
    "c.reference_doc_number FROM receipts c WHERE c._deleted = 0 AND ",
    { "c.received_on >= ?1 AND c.received_on <= ?2", "c.id = ?1", "c.lot = ?1" },
    build_receipt },
  [FF_FSMA_TRANSFORMATION] = {
    "SELECT x.id, x.code, x.event_code, x.input_lot, x.output_lot, x.quantity, x.unit, "
    "x.transformed_at, x.location, x.location_gln, x.reference_doc_type, "
    "x.reference_doc_number FROM lot_links x WHERE x._deleted = 0 AND ",
    /* Times are UTC: a day wider each way, and the site's date is checked per row. */
    { "x.transformed_at >= ?1 AND x.transformed_at < ?2", "x.id = ?1",
      "(x.output_lot = ?1 OR x.input_lot = ?1)" },
    build_link },
  [FF_FSMA_SHIPPING] = {
    "SELECT s.id, s.code, s.lot, s.quantity, s.unit, s.ship_date, s.ship_from, "
    "s.ship_from_gln, s.ship_to, s.ship_to_gln, s.reference_doc_type, s.reference_doc_number "
    "FROM shipments s WHERE s._deleted = 0 AND ",
    { "s.ship_date >= ?1 AND s.ship_date <= ?2", "s.id = ?1", "s.lot = ?1" },
    build_shipment },
  /* The lot code was given where it was packed: no genealogy input, no receipt. */
  [FF_FSMA_INITIAL_PACKING] = {
    "SELECT l.id, l.code, l.quantity, l.unit, l.produced_or_received_on, "
    "coalesce (b.code, l.batch) FROM lots l LEFT JOIN batches b ON b.id = l.batch "
    "WHERE l._deleted = 0 AND l.batch IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM lot_links x WHERE x.output_lot = l.id AND x._deleted = 0) "
    "AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.lot = l.id AND r._deleted = 0) AND ",
    { "l.produced_or_received_on >= ?1 AND l.produced_or_received_on <= ?2", "l.id = ?1",
      "l.id = ?1" },
    build_packing },
};

/* @date moved by @days, as text; NULL stays NULL. */
static char *
shift_date (const char *date,
            int         days)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GDateTime) moved = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  dt = g_date_time_new (utc, y, m, d, 0, 0, 0);
  moved = dt ? g_date_time_add_days (dt, days) : NULL;
  return moved ? g_date_time_format (moved, "%Y-%m-%d") : NULL;
}

static gboolean
run_events (Collector   *c,
            FfFsmaCte    cte,
            Scope        scope,
            const char  *arg,
            GError     **error)
{
  g_autofree char *sql = g_strconcat (events[cte].select, events[cte].where[scope], NULL);
  g_autofree char *low = NULL, *high = NULL;
  sqlite3_stmt *stmt = ff_store_prepare (c->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (scope == SCOPE_DATES)
    {
      gboolean wide = cte == FF_FSMA_TRANSFORMATION;
      low = c->from ? (wide ? shift_date (c->from, -1) : g_strdup (c->from)) : g_strdup ("");
      high = c->to ? (wide ? shift_date (c->to, 2) : g_strdup (c->to)) : g_strdup ("\x7f");
      sqlite3_bind_text (stmt, 1, low, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, high, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!events[cte].build (c, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if ((++c->n_seen & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (c->cancellable,
                                                                              error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ff_store_set_error (c->store, rc, _("Could not read the traceability records"),
                               error);
  return TRUE;
}

/* Collecting -------------------------------------------------------------------------------- */

static void
keep_sink (Collector *c,
           FfFsmaRow *row)
{
  g_ptr_array_add (c->rows, row);
}

static void
call_sink (Collector *c,
           FfFsmaRow *row)
{
  c->func (row, c->user_data);
  row_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const FfFsmaRow *x = *(FfFsmaRow **) a, *y = *(FfFsmaRow **) b;
  int d = g_strcmp0 (x->values[FF_FSMA_COL_DATE], y->values[FF_FSMA_COL_DATE]);

  if (d == 0)
    d = cte_rank[x->cte] - cte_rank[y->cte];
  if (d == 0)
    d = g_strcmp0 (x->values[FF_FSMA_COL_EVENT_ID], y->values[FF_FSMA_COL_EVENT_ID]);
  if (d == 0)
    d = g_strcmp0 (x->values[FF_FSMA_COL_INPUT_TLC], y->values[FF_FSMA_COL_INPUT_TLC]);
  if (d == 0)
    d = g_strcmp0 (x->record_code, y->record_code);
  return d;
}

static gboolean
holds (const char *haystack,
       const char *folded_needle)
{
  g_autofree char *folded = haystack ? g_utf8_casefold (haystack, -1) : NULL;
  return folded != NULL && strstr (folded, folded_needle) != NULL;
}

static gboolean
lot_matches (Collector  *c,
             const char *lot_id,
             const char *folded)
{
  LotInfo *lot = lot_id ? g_hash_table_lookup (c->lots, lot_id) : NULL;

  return lot != NULL && (holds (lot->product, folded) || holds (lot->code, folded)
                         || holds (lot->ingredient_code, folded) || holds (lot->sku_code, folded));
}

/* Keeps the rows of events about @product; a transformation whole when any of its rows is. */
static void
filter_product (Collector  *c,
                const char *product)
{
  g_autofree char *folded = g_utf8_casefold (product, -1);
  g_autoptr (GHashTable) events_kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint i = 0; i < c->rows->len; i++)
    {
      FfFsmaRow *row = c->rows->pdata[i];
      if (row->cte == FF_FSMA_TRANSFORMATION && row->values[FF_FSMA_COL_EVENT_ID] != NULL
          && (lot_matches (c, row->lot_id, folded) || lot_matches (c, row->input_lot_id, folded)))
        g_hash_table_add (events_kept, row->values[FF_FSMA_COL_EVENT_ID]);
    }
  for (guint i = 0; i < c->rows->len; i++)
    {
      FfFsmaRow *row = c->rows->pdata[i];
      gboolean keep = row->cte == FF_FSMA_TRANSFORMATION
                        ? row->values[FF_FSMA_COL_EVENT_ID] != NULL
                            && g_hash_table_contains (events_kept, row->values[FF_FSMA_COL_EVENT_ID])
                        : lot_matches (c, row->lot_id, folded);
      if (keep)
        {
          g_ptr_array_add (kept, row);
          c->rows->pdata[i] = NULL;
        }
    }
  /* What was kept is NULL here now. */
  g_ptr_array_set_free_func (c->rows, (GDestroyNotify) row_free);
  g_ptr_array_unref (c->rows);
  c->rows = g_steal_pointer (&kept);
}

FfFsma204 *
ff_fsma204_collect (FfStore             *store,
                    const FfFsmaFilter  *filter,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr (FfFsma204) export = g_new0 (FfFsma204, 1);
  g_autoptr (GHashTable) seen = NULL;
  GHashTable *event_ids[FF_FSMA_N_CTES];
  Collector c;
  gboolean ok = TRUE;

  g_return_val_if_fail (FF_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!_ff_fsq_check_period (filter->from, filter->to, error))
    return NULL;
  collector_init (&c, store, cancellable);
  c.from = g_strdup (filter->from);
  c.to = g_strdup (filter->to);
  c.rows = g_ptr_array_new ();
  c.sink = keep_sink;
  export->from = g_strdup (filter->from);
  export->to = g_strdup (filter->to);
  export->product = g_strdup (filter->product);

  if (filter->lot_id != NULL)
    {
      g_autoptr (FfTrace) trace = ff_lot_trace (store, filter->lot_id, FF_TRACE_FORWARD, error);

      ok = trace != NULL;
      if (ok)
        {
          c.lot_scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < trace->lots->len; i++)
            g_hash_table_add (c.lot_scope, g_strdup (((FfTraceLot *) trace->lots->pdata[i])->id));
          export->lot_code = g_strdup (((FfTraceLot *) trace->lots->pdata[0])->code);
        }
    }
  ok = ok && load_ftl (&c, error) && load_lots (&c, error);
  for (FfFsmaCte cte = 0; ok && cte < FF_FSMA_N_CTES; cte++)
    ok = run_events (&c, cte, SCOPE_DATES, NULL, error);
  if (ok && filter->product != NULL && *filter->product != '\0')
    filter_product (&c, filter->product);

  if (!ok)
    {
      g_ptr_array_set_free_func (c.rows, (GDestroyNotify) row_free);
      g_ptr_array_unref (c.rows);
      collector_clear (&c);
      return NULL;
    }
  g_ptr_array_sort (c.rows, compare_rows);
  g_ptr_array_set_free_func (c.rows, (GDestroyNotify) row_free);
  export->rows = g_steal_pointer (&c.rows);
  collector_clear (&c);

  export->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_kde_gap_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < FF_FSMA_N_CTES; i++)
    event_ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < export->rows->len; i++)
    {
      FfFsmaRow *row = export->rows->pdata[i];

      export->n_rows[row->cte]++;
      if (row->values[FF_FSMA_COL_EVENT_ID] != NULL)
        g_hash_table_add (event_ids[row->cte], row->values[FF_FSMA_COL_EVENT_ID]);
      ff_kde_gaps_check_row (row, seen, export->gaps);
    }
  for (guint i = 0; i < FF_FSMA_N_CTES; i++)
    {
      export->n_events[i] = g_hash_table_size (event_ids[i]);
      g_hash_table_unref (event_ids[i]);
    }
  return g_steal_pointer (&export);
}

gboolean
_ff_fsma204_foreach_row (FfStore       *store,
                         const FfKind  *kind,
                         const char    *record_id,
                         FfFsmaRowFunc  func,
                         gpointer       user_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Collector c;
  gboolean ok = TRUE;

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  collector_init (&c, store, cancellable);
  c.sink = call_sink;
  c.func = func;
  c.user_data = user_data;
  if (kind == NULL)
    {
      /* Every record: the list is read once instead of lot by lot, and only the rows of its
       * foods can have gaps. */
      c.ftl_only = TRUE;
      ok = load_ftl (&c, error) && load_lots (&c, error);
      for (FfFsmaCte cte = 0; ok && cte < FF_FSMA_N_CTES; cte++)
        ok = run_events (&c, cte, SCOPE_DATES, NULL, error);
    }
  else if (kind == &ff_kind_lots)
    for (FfFsmaCte cte = 0; ok && cte < FF_FSMA_N_CTES; cte++)
      ok = run_events (&c, cte, SCOPE_LOT, record_id, error);
  else if (kind == &ff_kind_receipts)
    ok = run_events (&c, FF_FSMA_RECEIVING, SCOPE_RECORD, record_id, error);
  else if (kind == &ff_kind_lot_links)
    ok = run_events (&c, FF_FSMA_TRANSFORMATION, SCOPE_RECORD, record_id, error);
  else if (kind == &ff_kind_shipments)
    ok = run_events (&c, FF_FSMA_SHIPPING, SCOPE_RECORD, record_id, error);
  collector_clear (&c);
  return ok;
}
