/* test-fsma204.c — the FSMA 204 sortable spreadsheet of a tiny tenant checked cell by cell (one
 * receiving, one transformation of two inputs, one shipping, one initial packing) as CSV files,
 * as a workbook read by an independent reader and as LibreOffice reads it; its scoping by date
 * (at the site), lot and product; and the KDE gaps, listed and per record. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-csv.h"
#include "ff-error.h"
#include "ff-fsma204.h"
#include "ff-gtin.h"
#include "ff-kde-gaps.h"
#include "ff-kind-catalog.h"
#include "ff-record-repository.h"
#include "ff-test-util.h"

#define TENANT "Salsa Foods"
#define ADMIN_PASSWORD "Grated-Carrot-Sky-41"
#define PLANT_GLN "8712345000011"

typedef struct
{
  char      *dir;
  FfVault   *vault;
  FfSession *session;
  FfStore   *store;
  FfRecord  *tomato, *salt, *jalapeno, *onion;  /* ingredients */
  FfRecord  *rm_tom, *rm_salt, *salsa, *packed; /* lots */
  FfRecord  *shipment;
} Fixture;

static FfRecord *
insert (Fixture    *f,
        const char *kind,
        ...) G_GNUC_NULL_TERMINATED;

/* ff_test_insert with the arguments in a list. */
static FfRecord *
insert (Fixture    *f,
        const char *kind,
        ...)
{
  g_autoptr (FfRecordRepository) repo = ff_record_repository_new (f->store, ff_kind_lookup (kind));
  g_autoptr (GError) error = NULL;
  FfRecord *record = ff_record_new (ff_kind_lookup (kind));
  FfActor actor = ff_actor_from_session (f->session);
  const char *name;
  va_list ap;

  va_start (ap, kind);
  while ((name = va_arg (ap, const char *)) != NULL)
    ff_record_set (record, name, va_arg (ap, const char *));
  va_end (ap);
  if (!ff_record_repository_insert (repo, &actor, record, NULL, &error))
    g_error ("inserting into %s: %s", kind, error->message);
  return record;
}

#define ID(r) ff_record_get_id (r)

/* Plant Eindhoven (New York time, so a site's date differs from both UTC and the computer's):
 *   RM-TOM 12.5 kg tomatoes (FTL), received GR-1 ─┐
 *   RM-SALT 50 kg salt, never received here ──────┴─ TE-1 (02:30 UTC on 22 Nov, 21 Nov at
 *   the site) ─> FG-SALSA 40 ea ─> SH-1 24 ea to DC Tilburg (no reference document)
 *   PK-1 100 kg tomatoes packed from batch B-7 on line L1 (initial packing) */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfRecord) supplier = NULL, plant = NULL, line = NULL, brand = NULL, sku = NULL;
  g_autoptr (FfRecord) batch = NULL, receipt = NULL, l1 = NULL, l2 = NULL;
  char gtin[16];

  ff_test_tenant_make ("ff-test-fsma204", TENANT, "alice", ADMIN_PASSWORD, &f->dir, &f->vault,
                       &f->session);
  f->store = ff_session_get_store (f->session);
  supplier = insert (f, "suppliers", "code", "SUP-1", "name", "Valle Verde Tomates",
                     "category", "ingredient", "approval_status", "approved", "risk_level", "low",
                     NULL);
  f->tomato = insert (f, "ingredients", "code", "ING-TOM", "name", "Tomatoes, fresh, diced",
                      "unit", "kg", "on_traceability_list", "1", NULL);
  f->salt = insert (f, "ingredients", "code", "ING-SALT", "name", "Sea salt, fine", "unit", "kg",
                    "on_traceability_list", "0", NULL);
  f->jalapeno = insert (f, "ingredients", "code", "ING-JAL", "name", "Jalapeño peppers, fresh",
                        "unit", "kg", "on_traceability_list", "1", NULL);
  f->onion = insert (f, "ingredients", "code", "ING-ONI", "name", "Onions, peeled and diced",
                     "unit", "kg", NULL);
  plant = insert (f, "plants", "code", "PLANT-EHV", "name", "Plant Eindhoven", "gln", PLANT_GLN,
                  "address", "Hurksestraat 44", "city", "Eindhoven", "country", "NL",
                  "timezone", "America/New_York", NULL);
  line = insert (f, "lines", "code", "L1", "name", "Filler", "plant", ID (plant), "line_type",
                 "packing", "status", "running", "ideal_cycle_time_s", "1", NULL);
  brand = insert (f, "brands", "code", "BR-CASA", "name", "Casa", NULL);
  g_snprintf (gtin, sizeof gtin, "871234500001%d", ff_gtin_check_digit ("871234500001"));
  sku = insert (f, "skus", "code", "SKU-1", "gtin", gtin, "description", "Casa Salsa 300 g",
                "brand", ID (brand), "pack_size", "300", "pack_unit", "g", "case_pack", "12",
                "status", "active", NULL);
  batch = insert (f, "batches", "code", "B-7", "line", ID (line), "sku", ID (sku), "status",
                  "planned", "planned_start", "2026-11-23T06:00:00Z", NULL);

  f->rm_tom = insert (f, "lots", "code", "RM-TOM", "lot_type", "ingredient", "status", "released",
                      "ingredient", ID (f->tomato), "quantity", "12.5", "unit", "kg",
                      "produced_or_received_on", "2026-11-20",
                      "tlc_source", "Valle Verde Tomates, Badajoz, ES", NULL);
  f->rm_salt = insert (f, "lots", "code", "RM-SALT", "lot_type", "ingredient", "status",
                       "released", "ingredient", ID (f->salt), "quantity", "50", "unit", "kg",
                       "produced_or_received_on", "2026-11-01", NULL);
  f->salsa = insert (f, "lots", "code", "FG-SALSA", "lot_type", "finished", "status", "released",
                     "description", "Salsa, fresh, 300 g", "quantity", "40", "unit", "ea",
                     "produced_or_received_on", "2026-11-21", NULL);
  f->packed = insert (f, "lots", "code", "PK-1", "lot_type", "finished", "status", "released",
                      "ingredient", ID (f->tomato), "batch", ID (batch), "quantity", "100",
                      "unit", "kg", "produced_or_received_on", "2026-11-23", NULL);
  receipt = insert (f, "receipts", "code", "GR-1", "lot", ID (f->rm_tom), "supplier",
                    ID (supplier), "quantity", "12.5", "unit", "kg", "received_on", "2026-11-20",
                    "receiving_location", "Plant Eindhoven goods receipt",
                    "receiving_gln", "5412345000020",
                    "previous_source", "Valle Verde Tomates, Badajoz, ES",
                    "reference_doc_type", "bill_of_lading", "reference_doc_number", "BOL-1", NULL);
  l1 = insert (f, "lot_links", "code", "TE-1-1", "event_code", "TE-1", "input_lot", ID (f->rm_tom),
               "output_lot", ID (f->salsa), "quantity", "10", "unit", "kg",
               "transformed_at", "2026-11-22T02:30:00Z", "location",
               "Plant Eindhoven, Hurksestraat 44", "location_gln", PLANT_GLN,
               "reference_doc_type", "production_order", "reference_doc_number", "PO-9", NULL);
  l2 = insert (f, "lot_links", "code", "TE-1-2", "event_code", "TE-1", "input_lot",
               ID (f->rm_salt), "output_lot", ID (f->salsa), "quantity", "0.2", "unit", "kg",
               "transformed_at", "2026-11-22T02:30:00Z", "location",
               "Plant Eindhoven, Hurksestraat 44", "location_gln", PLANT_GLN,
               "reference_doc_type", "production_order", "reference_doc_number", "PO-9", NULL);
  f->shipment = insert (f, "shipments", "code", "SH-1", "lot", ID (f->salsa), "quantity", "24",
                        "unit", "ea", "ship_date", "2026-11-24", "ship_from", "Plant Eindhoven",
                        "ship_to", "DC Tilburg", "ship_to_gln", "8712345991012",
                        "ship_to_type", "dc", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->tomato);
  g_clear_object (&f->salt);
  g_clear_object (&f->jalapeno);
  g_clear_object (&f->onion);
  g_clear_object (&f->rm_tom);
  g_clear_object (&f->rm_salt);
  g_clear_object (&f->salsa);
  g_clear_object (&f->packed);
  g_clear_object (&f->shipment);
  ff_test_tenant_remove (&f->dir, &f->vault, &f->session);
}

/* What each sheet must hold, header first; "" is an empty cell. ------------------------------- */

#define SOURCE_TE "Plant Eindhoven, Hurksestraat 44 (GLN " PLANT_GLN ")"
#define SOURCE_PACK "Plant Eindhoven, Hurksestraat 44, Eindhoven, NL (GLN " PLANT_GLN ")"

static const char *const receiving_cells[][14] = {
  { "Event ID", "Traceability lot code", "Traceability lot code source", "Product description",
    "On the Food Traceability List", "Quantity", "Unit of measure", "Immediate previous source",
    "Immediate previous source GLN", "Receiving location", "Receiving location GLN",
    "Date received", "Reference document type", "Reference document number" },
  { "GR-1", "RM-TOM", "Valle Verde Tomates, Badajoz, ES", "Tomatoes, fresh, diced", "Yes",
    "12.5", "kg", "Valle Verde Tomates, Badajoz, ES", "", "Plant Eindhoven goods receipt",
    "5412345000020", "2026-11-20", "Bill of lading", "BOL-1" },
};

/* One row per input lot, sharing the event id; the site's date of completion (21 Nov in New
 * York, though 22 Nov in UTC and in the computer's Amsterdam). The output's lot code source is
 * where it was made, as the lot records none. */
static const char *const transformation_cells[][17] = {
  { "Event ID", "Input traceability lot code", "Input product description",
    "Input on the Food Traceability List", "Input quantity used", "Input unit of measure",
    "New traceability lot code", "Traceability lot code source", "Transformation location",
    "Transformation location GLN", "Date transformation completed", "Product description",
    "On the Food Traceability List", "Quantity", "Unit of measure", "Reference document type",
    "Reference document number" },
  { "TE-1", "RM-SALT", "Sea salt, fine", "No", "0.2", "kg", "FG-SALSA", SOURCE_TE,
    "Plant Eindhoven, Hurksestraat 44", PLANT_GLN, "2026-11-21", "Salsa, fresh, 300 g", "Yes",
    "40", "ea", "Production order", "PO-9" },
  { "TE-1", "RM-TOM", "Tomatoes, fresh, diced", "Yes", "10", "kg", "FG-SALSA", SOURCE_TE,
    "Plant Eindhoven, Hurksestraat 44", PLANT_GLN, "2026-11-21", "Salsa, fresh, 300 g", "Yes",
    "40", "ea", "Production order", "PO-9" },
};

static const char *const shipping_cells[][14] = {
  { "Event ID", "Traceability lot code", "Traceability lot code source", "Product description",
    "On the Food Traceability List", "Quantity", "Unit of measure",
    "Immediate subsequent recipient", "Immediate subsequent recipient GLN", "Ship-from location",
    "Ship-from location GLN", "Ship date", "Reference document type",
    "Reference document number" },
  { "SH-1", "FG-SALSA", SOURCE_TE, "Salsa, fresh, 300 g", "Yes", "24", "ea", "DC Tilburg",
    "8712345991012", "Plant Eindhoven", "", "2026-11-24", "", "" },
};

/* Packed from a batch with no inputs: its code was assigned at the plant of the batch's line,
 * and the batch is the event and its production order. */
static const char *const packing_cells[][10] = {
  { "Event ID", "Traceability lot code", "Traceability lot code source", "Product description",
    "On the Food Traceability List", "Quantity", "Unit of measure", "Date of initial packing",
    "Reference document type", "Reference document number" },
  { "B-7", "PK-1", SOURCE_PACK, "Tomatoes, fresh, diced", "Yes", "100", "kg", "2026-11-23",
    "Production order", "B-7" },
};

static const char *const gap_cells[][6] = {
  { "Critical tracking event", "Event ID", "Record", "Traceability lot code",
    "Missing key data element", "Enter it on" },
  { "Shipping", "SH-1", "SH-1", "FG-SALSA", "Reference document type", "Shipment SH-1" },
  { "Shipping", "SH-1", "SH-1", "FG-SALSA", "Reference document number", "Shipment SH-1" },
};

typedef struct
{
  const char        *file;     /* in a CSV directory */
  const char        *sheet;    /* in a workbook */
  const char *const *cells;    /* rows x columns */
  guint              n_rows;
  guint              n_columns;
} Expected;

#define EXPECTED(file, sheet, table) \
  { file, sheet, &table[0][0], G_N_ELEMENTS (table), G_N_ELEMENTS (table[0]) }

static const Expected expected[] = {
  EXPECTED ("receiving.csv", "Receiving", receiving_cells),
  EXPECTED ("transformation.csv", "Transformation", transformation_cells),
  EXPECTED ("shipping.csv", "Shipping", shipping_cells),
  EXPECTED ("initial_packing.csv", "Initial packing", packing_cells),
  EXPECTED ("kde_gaps.csv", "KDE gaps", gap_cells),
};

/* Helpers ---------------------------------------------------------------------------------- */

static FfFsma204 *
collect (Fixture    *f,
         const char *from,
         const char *to,
         FfRecord   *lot,
         const char *product)
{
  g_autoptr (GError) error = NULL;
  FfFsmaFilter filter = { from, to, lot ? ID (lot) : NULL, product };
  FfFsma204 *export = ff_fsma204_collect (f->store, &filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (export);
  return export;
}

/* The record codes of the rows, in order, joined by spaces: "GR-1 TE-1-2 ...". */
static char *
row_codes (FfFsma204 *export)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < export->rows->len; i++)
    {
      FfFsmaRow *row = export->rows->pdata[i];
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, row->record_code);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every record of a CSV file, as GStrv. */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr (GBytes) bytes = ff_test_read_file (path);
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  g_autoptr (FfCsvReader) reader = ff_csv_reader_new (text, size);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GError) error = NULL;
  char **fields;
  guint line;

  while ((fields = ff_csv_reader_next (reader, &line, NULL, &error)) != NULL)
    g_ptr_array_add (records, g_strdupv (fields));
  g_assert_no_error (error);
  return records;
}

/* @records holds exactly the cells @e says. */
static void
assert_table (const Expected *e,
              GPtrArray      *records,
              const char     *where)
{
  if (records->len != e->n_rows)
    g_error ("%s %s: %u rows, expected %u", where, e->file, records->len, e->n_rows);
  for (guint r = 0; r < e->n_rows; r++)
    {
      GStrv fields = records->pdata[r];

      if (g_strv_length (fields) != e->n_columns)
        g_error ("%s %s row %u: %u cells, expected %u", where, e->file, r,
                 g_strv_length (fields), e->n_columns);
      for (guint c = 0; c < e->n_columns; c++)
        if (g_strcmp0 (fields[c], e->cells[r * e->n_columns + c]) != 0)
          g_error ("%s %s row %u column %u: “%s”, expected “%s”", where, e->file, r, c,
                   fields[c], e->cells[r * e->n_columns + c]);
    }
}

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("ff-test-fsma204-out-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Tests ------------------------------------------------------------------------------------ */

/* Every cell of the tiny tenant's sheets, as the CSV directory holds them. */
static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (FfFsma204) export = collect (f, "2026-11-01", "2026-11-30", NULL, NULL);
  g_autofree char *out = temp_dir ();
  g_autofree char *codes = row_codes (export);
  g_autoptr (GError) error = NULL;

  /* By date, then in the order a lot lives; a transformation's inputs by lot code. */
  g_assert_cmpstr (codes, ==, "GR-1 TE-1-2 TE-1-1 PK-1 SH-1");
  g_assert_cmpuint (export->n_rows[FF_FSMA_TRANSFORMATION], ==, 2);
  g_assert_cmpuint (export->n_events[FF_FSMA_TRANSFORMATION], ==, 1);
  g_assert_cmpuint (export->n_rows[FF_FSMA_INITIAL_PACKING], ==, 1);

  g_assert_true (ff_fsma204_write_csv_dir (export, out, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (out, expected[i].file, NULL);
      g_autoptr (GPtrArray) records = read_csv (path);
      assert_table (&expected[i], records, "CSV");
    }

  /* All events: every column, a row per row above, each saying its event. */
  {
    g_autofree char *path = g_build_filename (out, "all_events.csv", NULL);
    g_autoptr (GPtrArray) records = read_csv (path);
    GStrv header = records->pdata[0];
    const char *const events[] = { "Receiving", "Transformation", "Transformation",
                                   "Initial packing", "Shipping" };

    g_assert_cmpuint (records->len, ==, 6);
    g_assert_cmpuint (g_strv_length (header), ==, FF_FSMA_N_COLUMNS);
    g_assert_cmpstr (header[0], ==, "Critical tracking event");
    g_assert_cmpstr (header[FF_FSMA_COL_DATE], ==, "Event date");
    g_assert_cmpstr (header[FF_FSMA_COL_TLC], ==, "Traceability lot code");
    g_assert_cmpstr (header[FF_FSMA_COL_FTL], ==, "On the Food Traceability List");
    for (guint r = 1; r < records->len; r++)
      g_assert_cmpstr (((GStrv) records->pdata[r])[0], ==, events[r - 1]);
    g_assert_cmpstr (((GStrv) records->pdata[2])[FF_FSMA_COL_EVENT_ID], ==, "TE-1");
    g_assert_cmpstr (((GStrv) records->pdata[3])[FF_FSMA_COL_EVENT_ID], ==, "TE-1");
    g_assert_cmpstr (((GStrv) records->pdata[2])[FF_FSMA_COL_INPUT_TLC], ==, "RM-SALT");
    g_assert_cmpstr (((GStrv) records->pdata[5])[FF_FSMA_COL_RECIPIENT], ==, "DC Tilburg");
  }
  ff_test_rm_rf (out);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/* The directory holds the six files, each event's even when it had none. */
static void
test_csv_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfFsma204) export = collect (f, "2026-11-24", "2026-11-30", NULL, NULL);
  g_autofree char *out = temp_dir ();
  g_autofree char *target = g_build_filename (out, "for-fda", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) joined = g_string_new (NULL);
  const char *name;

  g_assert_true (ff_fsma204_write_csv_dir (export, target, &error));
  g_assert_no_error (error);
  dir = g_dir_open (target, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "", (char *) names->pdata[i]);
  g_assert_cmpstr (joined->str, ==, "all_events.csv initial_packing.csv kde_gaps.csv "
                                    "receiving.csv shipping.csv transformation.csv");
  {
    g_autofree char *path = g_build_filename (target, "receiving.csv", NULL);
    g_autoptr (GPtrArray) records = read_csv (path);
    GStatBuf st;

    g_assert_cmpuint (records->len, ==, 1);  /* the header only */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  ff_test_rm_rf (out);
}

typedef struct
{
  GHashTable *cells;   /* "SHEET\tREF" -> "TYPE\tVALUE" */
  GPtrArray  *sheets;  /* names, in order */
} Workbook;

static void
workbook_clear (Workbook *w)
{
  g_clear_pointer (&w->cells, g_hash_table_unref);
  g_clear_pointer (&w->sheets, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

/* Every cell of @path by the independent reader of the export tests (xlsx-cells.py). */
static void
read_workbook (const char *path,
               Workbook   *w)
{
  g_autofree char *script = g_build_filename (g_getenv ("FOODFLOW_TEST_SRCDIR"), "tests",
                                              "records", "xlsx-cells.py", NULL);
  const char *argv[] = { g_getenv ("FOODFLOW_PYTHON"), script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_error ("xlsx-cells.py: %s", err);
  w->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->sheets = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto (GStrv) part = g_strsplit (lines[i], "\t", 4);

      g_assert_cmpuint (g_strv_length (part), ==, 4);
      if (w->sheets->len == 0 || !g_str_equal (g_ptr_array_index (w->sheets, w->sheets->len - 1),
                                               part[0]))
        g_ptr_array_add (w->sheets, g_strdup (part[0]));
      g_hash_table_insert (w->cells, g_strdup_printf ("%s\t%s", part[0], part[1]),
                           g_strdup_printf ("%s\t%s", part[2], part[3]));
    }
}

static const char *
cell (Workbook   *w,
      const char *sheet,
      const char *ref)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", sheet, ref);
  return g_hash_table_lookup (w->cells, key);
}

static char *
write_workbook (FfFsma204  *export,
                const char *dir)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "fsma204.xlsx", NULL);

  g_assert_true (ff_fsma204_write_xlsx (export, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The workbook: the sheets of the events present, all events and the gaps; text cells for
 * text, numbers for quantities, dates as dates; nothing as a formula. */
static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (FfFsma204) export = collect (f, "2026-11-01", "2026-11-30", NULL, NULL);
  g_autofree char *out = temp_dir ();
  g_autofree char *path = write_workbook (export, out);
  g_auto (Workbook) w = { 0 };
  g_autoptr (GString) sheets = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;

  read_workbook (path, &w);
  for (guint i = 0; i < w.sheets->len; i++)
    g_string_append_printf (sheets, "%s%s", i ? "|" : "", (char *) w.sheets->pdata[i]);
  g_assert_cmpstr (sheets->str, ==, "Receiving|Transformation|Shipping|Initial packing|"
                                    "All events|KDE gaps");
  g_assert_cmpstr (cell (&w, "Receiving", "A1"), ==, "s\tEvent ID");
  g_assert_cmpstr (cell (&w, "Receiving", "B2"), ==, "s\tRM-TOM");
  g_assert_cmpstr (cell (&w, "Receiving", "F2"), ==, "n\t12.5");
  g_assert_cmpstr (cell (&w, "Receiving", "L1"), ==, "s\tDate received");
  g_assert_cmpstr (cell (&w, "Receiving", "L2"), ==, "n\t46346");  /* 2026-11-20 */
  g_assert_null (cell (&w, "Receiving", "I2"));                    /* no previous source GLN */
  g_assert_cmpstr (cell (&w, "Receiving", "J2"), ==, "s\tPlant Eindhoven goods receipt");
  g_assert_cmpstr (cell (&w, "Receiving", "K2"), ==, "s\t5412345000020");  /* a GLN stays text */
  g_assert_cmpstr (cell (&w, "Transformation", "A2"), ==, "s\tTE-1");
  g_assert_cmpstr (cell (&w, "Transformation", "A3"), ==, "s\tTE-1");
  g_assert_cmpstr (cell (&w, "Transformation", "B2"), ==, "s\tRM-SALT");
  g_assert_cmpstr (cell (&w, "Transformation", "E2"), ==, "n\t0.2");
  g_assert_cmpstr (cell (&w, "Transformation", "G3"), ==, "s\tFG-SALSA");
  g_assert_cmpstr (cell (&w, "Transformation", "K3"), ==, "n\t46347");  /* 2026-11-21 */
  g_assert_cmpstr (cell (&w, "Transformation", "N3"), ==, "n\t40");
  g_assert_null (cell (&w, "Transformation", "A4"));
  g_assert_cmpstr (cell (&w, "Shipping", "L2"), ==, "n\t46350");
  g_assert_null (cell (&w, "Shipping", "M2"));
  g_assert_cmpstr (cell (&w, "Initial packing", "J2"), ==, "s\tB-7");
  g_assert_cmpstr (cell (&w, "All events", "A6"), ==, "s\tShipping");
  g_assert_cmpstr (cell (&w, "KDE gaps", "E3"), ==, "s\tReference document number");
  g_hash_table_iter_init (&iter, w.cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_false (g_str_has_prefix (value, "f\t"));

  /* Only the events present have a sheet. */
  {
    g_autoptr (FfFsma204) one = collect (f, "2026-11-24", "2026-11-24", NULL, NULL);
    g_autofree char *again = write_workbook (one, out);
    g_auto (Workbook) w2 = { 0 };

    read_workbook (again, &w2);
    g_assert_cmpuint (w2.sheets->len, ==, 3);
    g_assert_cmpstr (w2.sheets->pdata[0], ==, "Shipping");
    g_assert_cmpstr (w2.sheets->pdata[1], ==, "All events");
    g_assert_cmpstr (w2.sheets->pdata[2], ==, "KDE gaps");
  }
  ff_test_rm_rf (out);
}

/* LibreOffice opens the workbook and reads every cell as expected: each sheet converted to
 * CSV ("-1": all sheets, LibreOffice 7.2 and later), compared cell by cell. */
static void
test_libreoffice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (FfFsma204) export = collect (f, "2026-11-01", "2026-11-30", NULL, NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *out = temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *std_out = NULL, *std_err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: libreoffice-calc-nogui, see "
                   "tools/packages.txt)");
      ff_test_rm_rf (out);
      return;
    }
  path = write_workbook (export, out);
  profile = g_build_filename (out, "profile", NULL);
  profile_arg = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  {
    const char *argv[] = { soffice, profile_arg, "--headless", "--norestore", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,"
                           "false,false,-1",
                           "--outdir", out, path, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &std_out, &std_err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("soffice: %s%s", std_out, std_err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = g_strdup_printf ("fsma204-%s.csv", expected[i].sheet);
      g_autofree char *csv = g_build_filename (out, name, NULL);
      g_autoptr (GPtrArray) records = NULL;

      if (!g_file_test (csv, G_FILE_TEST_EXISTS))
        g_error ("LibreOffice wrote no %s: %s%s", name, std_out, std_err);
      records = read_csv (csv);
      assert_table (&expected[i], records, "LibreOffice");
    }
  ff_test_rm_rf (out);
}

/* A site's day, not UTC's: the transformation at 02:30 UTC on 22 November was on the 21st in
 * New York. */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (FfFsma204) late = collect (f, "2026-11-22", "2026-11-30", NULL, NULL);
  g_autoptr (FfFsma204) early = collect (f, "2026-11-01", "2026-11-21", NULL, NULL);
  g_autoptr (FfFsma204) day = collect (f, "2026-11-20", "2026-11-20", NULL, NULL);
  g_autofree char *late_codes = row_codes (late);
  g_autofree char *early_codes = row_codes (early);
  g_autofree char *day_codes = row_codes (day);
  g_autoptr (GError) error = NULL;
  FfFsmaFilter bad = { "2026-11-31", "2026-12-01", NULL, NULL };
  FfFsmaFilter reversed = { "2026-11-30", "2026-11-01", NULL, NULL };

  g_assert_cmpstr (late_codes, ==, "PK-1 SH-1");
  g_assert_cmpstr (early_codes, ==, "GR-1 TE-1-2 TE-1-1");
  g_assert_cmpstr (day_codes, ==, "GR-1");
  g_assert_null (ff_fsma204_collect (f->store, &bad, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-11-31"));
  g_clear_error (&error);
  g_assert_null (ff_fsma204_collect (f->store, &reversed, NULL, &error));
  g_assert_error (error, FF_ERROR, FF_ERROR_INVALID);
}

/* --lot: the lot's events and those of every lot traced forward from it. */
static void
test_lot_scope (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (FfRecord) onion_lot = NULL, receipt = NULL;
  g_autoptr (FfFsma204) tomato = NULL, salt = NULL, packed = NULL, salsa = NULL;
  g_autofree char *tomato_codes = NULL, *salt_codes = NULL, *packed_codes = NULL;
  g_autofree char *salsa_codes = NULL;

  onion_lot = insert (f, "lots", "code", "RM-ONI", "lot_type", "ingredient", "status",
                      "released", "ingredient", ID (f->onion), "quantity", "30", "unit", "kg",
                      "produced_or_received_on", "2026-11-20", NULL);
  receipt = insert (f, "receipts", "code", "GR-2", "lot", ID (onion_lot), "quantity", "30",
                    "unit", "kg", "received_on", "2026-11-20", "receiving_location",
                    "Plant Eindhoven goods receipt", "previous_source", "Oignons de Picardie",
                    NULL);
  tomato = collect (f, "2026-11-01", "2026-11-30", f->rm_tom, NULL);
  salt = collect (f, "2026-11-01", "2026-11-30", f->rm_salt, NULL);
  packed = collect (f, "2026-11-01", "2026-11-30", f->packed, NULL);
  salsa = collect (f, "2026-11-01", "2026-11-30", f->salsa, NULL);
  tomato_codes = row_codes (tomato);
  salt_codes = row_codes (salt);
  packed_codes = row_codes (packed);
  salsa_codes = row_codes (salsa);
  /* The tomatoes' receipt, the salsa made of them with all its inputs, the salsa shipped; not
   * the onions, not the packed tomatoes of another lot. */
  g_assert_cmpstr (tomato_codes, ==, "GR-1 TE-1-2 TE-1-1 SH-1");
  g_assert_cmpstr (tomato->lot_code, ==, "RM-TOM");
  g_assert_cmpstr (salt_codes, ==, "TE-1-2 TE-1-1 SH-1");
  g_assert_cmpstr (packed_codes, ==, "PK-1");
  /* The salsa's own making is its event too. */
  g_assert_cmpstr (salsa_codes, ==, "TE-1-2 TE-1-1 SH-1");
}

/* --product: a transformation is kept whole when its output or any input is the product. */
static void
test_product (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (FfFsma204) salsa = collect (f, "2026-11-01", "2026-11-30", NULL, "SALSA");
  g_autoptr (FfFsma204) tomato = collect (f, "2026-11-01", "2026-11-30", NULL, "tomat");
  g_autoptr (FfFsma204) code = collect (f, "2026-11-01", "2026-11-30", NULL, "ing-salt");
  g_autoptr (FfFsma204) none = collect (f, "2026-11-01", "2026-11-30", NULL, "cucumber");
  g_autofree char *salsa_codes = row_codes (salsa);
  g_autofree char *tomato_codes = row_codes (tomato);
  g_autofree char *code_codes = row_codes (code);

  g_assert_cmpstr (salsa_codes, ==, "TE-1-2 TE-1-1 SH-1");
  g_assert_cmpstr (tomato_codes, ==, "GR-1 TE-1-2 TE-1-1 PK-1");
  g_assert_cmpstr (code_codes, ==, "TE-1-2 TE-1-1");
  g_assert_cmpuint (none->rows->len, ==, 0);
  g_assert_cmpuint (none->gaps->len, ==, 0);
}

static char *
gap_text (GPtrArray *gaps)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < gaps->len; i++)
    {
      FfKdeGap *gap = gaps->pdata[i];
      g_string_append_printf (s, "%s%s:%s@%s/%s", i ? " " : "", gap->record_code,
                              ff_fsma204_column_header (gap->kde), gap->fix_kind->name,
                              gap->fix_code);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
gaps_of (Fixture      *f,
         const char   *kind,
         FfRecord     *record)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = ff_kde_gaps_for_record (f->store, ff_kind_lookup (kind),
                                                       ID (record), &error);

  g_assert_no_error (error);
  return gap_text (gaps);
}

static char *
all_gaps (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = ff_kde_gaps_list (f->store, NULL, &error);

  g_assert_no_error (error);
  return gap_text (gaps);
}

/* Gaps: only for foods on the list, named where they are entered, gone once entered. */
static void
test_gaps (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (FfRecord) jal_lot = NULL, jal_receipt = NULL, onion_lot = NULL, onion_receipt = NULL;
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (f->store, ff_kind_lookup ("lots"));
  g_autoptr (FfRecordRepository) shipments = ff_record_repository_new (f->store,
                                                                      ff_kind_lookup ("shipments"));
  g_autoptr (GError) error = NULL;
  g_autofree char *list = NULL, *list2 = NULL, *list3 = NULL;
  g_autofree char *of_shipment = NULL, *of_jal = NULL, *of_receipt = NULL, *of_salsa = NULL;
  g_autofree char *of_onion = NULL, *of_supplier = NULL;
  FfActor actor = ff_actor_from_session (f->session);

  /* Jalapeños on the list, received with no lot code source; onions, not on the list, with
   * no reference document: not a gap. */
  jal_lot = insert (f, "lots", "code", "RM-JAL", "lot_type", "ingredient", "status", "released",
                    "ingredient", ID (f->jalapeno), "quantity", "8", "unit", "kg",
                    "produced_or_received_on", "2026-11-19", NULL);
  jal_receipt = insert (f, "receipts", "code", "GR-3", "lot", ID (jal_lot), "quantity", "8",
                        "unit", "kg", "received_on", "2026-11-19", "receiving_location",
                        "Plant Eindhoven goods receipt", "previous_source",
                        "Pepper Valley, Almería, ES", "reference_doc_type", "invoice",
                        "reference_doc_number", "INV-3", NULL);
  onion_lot = insert (f, "lots", "code", "RM-ONI", "lot_type", "ingredient", "status",
                      "released", "ingredient", ID (f->onion), "quantity", "30", "unit", "kg",
                      "produced_or_received_on", "2026-11-20", NULL);
  onion_receipt = insert (f, "receipts", "code", "GR-2", "lot", ID (onion_lot), "quantity", "30",
                          "unit", "kg", "received_on", "2026-11-20", "receiving_location",
                          "Plant Eindhoven goods receipt", "previous_source",
                          "Oignons de Picardie", NULL);

  list = all_gaps (f);
  g_assert_cmpstr (list, ==,
                   "GR-3:Traceability lot code source@lots/RM-JAL "
                   "SH-1:Reference document type@shipments/SH-1 "
                   "SH-1:Reference document number@shipments/SH-1");
  of_shipment = gaps_of (f, "shipments", f->shipment);
  g_assert_cmpstr (of_shipment, ==, "SH-1:Reference document type@shipments/SH-1 "
                                    "SH-1:Reference document number@shipments/SH-1");
  /* The lot says what its events want of it; the receipt, what it lacks. */
  of_jal = gaps_of (f, "lots", jal_lot);
  g_assert_cmpstr (of_jal, ==, "GR-3:Traceability lot code source@lots/RM-JAL");
  of_receipt = gaps_of (f, "receipts", jal_receipt);
  g_assert_cmpstr (of_receipt, ==, "GR-3:Traceability lot code source@lots/RM-JAL");
  of_salsa = gaps_of (f, "lots", f->salsa);
  g_assert_cmpstr (of_salsa, ==, "");
  of_onion = gaps_of (f, "receipts", onion_receipt);
  g_assert_cmpstr (of_onion, ==, "");
  of_supplier = gaps_of (f, "ingredients", f->onion);
  g_assert_cmpstr (of_supplier, ==, "");

  /* The export lists what it could not fill, in its range. */
  {
    g_autoptr (FfFsma204) export = collect (f, "2026-11-19", "2026-11-19", NULL, NULL);
    g_assert_cmpuint (export->gaps->len, ==, 1);
    g_assert_cmpint (((FfKdeGap *) export->gaps->pdata[0])->kde, ==, FF_FSMA_COL_TLC_SOURCE);
  }

  /* Entered, the gaps are gone. */
  ff_record_set (jal_lot, "tlc_source", "Pepper Valley, Almería, ES");
  g_assert_true (ff_record_repository_update (lots, &actor, jal_lot, NULL, &error));
  g_assert_no_error (error);
  list2 = all_gaps (f);
  g_assert_cmpstr (list2, ==, "SH-1:Reference document type@shipments/SH-1 "
                              "SH-1:Reference document number@shipments/SH-1");
  ff_record_set (f->shipment, "reference_doc_type", "bill_of_lading");
  ff_record_set (f->shipment, "reference_doc_number", "BOL-77");
  g_assert_true (ff_record_repository_update (shipments, &actor, f->shipment, NULL, &error));
  g_assert_no_error (error);
  list3 = all_gaps (f);
  g_assert_cmpstr (list3, ==, "");
}

/* A transformation's output gap is one per event, not one per input; an input's only when the
 * input is on the list. */
static void
test_gaps_transformation (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (FfRecordRepository) lots = ff_record_repository_new (f->store, ff_kind_lookup ("lots"));
  g_autoptr (FfRecordRepository) links = ff_record_repository_new (f->store,
                                                                  ff_kind_lookup ("lot_links"));
  g_autoptr (FfRecord) link = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *list = NULL, *of_salsa = NULL, *of_link = NULL;
  FfActor actor = ff_actor_from_session (f->session);

  ff_record_set (f->salsa, "description", NULL);
  g_assert_true (ff_record_repository_update (lots, &actor, f->salsa, NULL, &error));
  g_assert_no_error (error);
  link = ff_record_repository_find_by_code (links, "TE-1-2", &error);
  g_assert_no_error (error);
  ff_record_set (link, "reference_doc_number", NULL);
  g_assert_true (ff_record_repository_update (links, &actor, link, NULL, &error));
  g_assert_no_error (error);

  list = all_gaps (f);
  g_assert_cmpstr (list, ==,
                   "TE-1-1:Product description@lots/FG-SALSA "
                   "TE-1-2:Reference document number@lot_links/TE-1-2 "
                   "SH-1:Product description@lots/FG-SALSA "
                   "SH-1:Reference document type@shipments/SH-1 "
                   "SH-1:Reference document number@shipments/SH-1");
  of_salsa = gaps_of (f, "lots", f->salsa);
  g_assert_cmpstr (of_salsa, ==, "TE-1-1:Product description@lots/FG-SALSA "
                                 "SH-1:Product description@lots/FG-SALSA");
  of_link = gaps_of (f, "lot_links", link);
  g_assert_cmpstr (of_link, ==, "TE-1-2:Product description@lots/FG-SALSA "
                                "TE-1-2:Reference document number@lot_links/TE-1-2");
}

/* What DOMAIN.md asks of each event. */
static void
test_required (void)
{
  const FfFsmaColumn *columns;
  guint n;
  gboolean has_source = FALSE, has_input = FALSE;

  n = ff_kde_required (FF_FSMA_SHIPPING, &columns);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    has_source = has_source || columns[i] == FF_FSMA_COL_TLC_SOURCE;
  g_assert_true (has_source);
  n = ff_kde_required (FF_FSMA_TRANSFORMATION, &columns);
  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    has_input = has_input || columns[i] == FF_FSMA_COL_INPUT_PRODUCT;
  g_assert_true (has_input);
  g_assert_cmpuint (ff_kde_required (FF_FSMA_RECEIVING, NULL), ==, 10);
  g_assert_cmpuint (ff_kde_required (FF_FSMA_INITIAL_PACKING, NULL), ==, 8);
  g_assert_cmpstr (ff_fsma204_column_header (FF_FSMA_COL_QUANTITY), ==, "Quantity");
  g_assert_cmpstr (ff_fsma204_cte_file_name (FF_FSMA_INITIAL_PACKING), ==, "initial_packing.csv");
  g_assert_cmpstr (ff_fsma204_cte_file_name (FF_FSMA_N_CTES), ==, "all_events.csv");
}

/* foodflow-cli fsma204: a workbook or a directory, what it wrote and the gaps it saw. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = temp_dir ();
  g_autofree char *book = g_build_filename (out, "fda.xlsx", NULL);
  g_autofree char *dir = g_build_filename (out, "fda", NULL);
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GError) error = NULL;
  const char *targets[] = { book, dir };

  g_subprocess_launcher_setenv (launcher, "FOODFLOW_PASSWORD", ADMIN_PASSWORD, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawn (launcher, &error,
                                                                  g_getenv ("FOODFLOW_CLI"),
                                                                  "--data-dir", f->dir,
                                                                  "fsma204", TENANT,
                                                                  "--from", "2026-11-01",
                                                                  "--to", "2026-11-30",
                                                                  "--lot", "RM-TOM",
                                                                  "--user", "alice",
                                                                  "-o", targets[i], NULL);
      g_autofree char *std_out = NULL, *std_err = NULL;

      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (proc, NULL, NULL, &std_out, &std_err, &error);
      g_assert_no_error (error);
      g_test_message ("%s%s", std_out, std_err);
      g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
      g_assert_nonnull (strstr (std_out, "Transformation   2 rows, 1 event\n"));
      g_assert_nonnull (strstr (std_out, "Initial packing  0 rows\n"));
      g_assert_nonnull (strstr (std_out, "KDE gaps         2\n"));
      g_assert_nonnull (strstr (std_out, "  SH-1 (Shipping, lot FG-SALSA): Reference document "
                                         "type, to be entered on Shipment SH-1\n"));
    }
  g_assert_true (g_file_test (book, G_FILE_TEST_IS_REGULAR));
  g_assert_true (ff_test_file_exists (dir, "/transformation.csv"));

  /* A range is required. */
  {
    g_autoptr (GSubprocess) proc = g_subprocess_launcher_spawn (launcher, &error,
                                                                g_getenv ("FOODFLOW_CLI"),
                                                                "--data-dir", f->dir, "fsma204",
                                                                TENANT, "--user", "alice", "-o",
                                                                book, NULL);
    g_autofree char *std_out = NULL, *std_err = NULL;

    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (proc, NULL, NULL, &std_out, &std_err, &error);
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
    g_assert_nonnull (strstr (std_err, "--from"));
  }
  ff_test_rm_rf (out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kde-gaps/required", test_required);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/fsma204/cells", test_cells);
  ADD ("/fsma204/csv-files", test_csv_files);
  ADD ("/fsma204/xlsx", test_xlsx);
  ADD ("/fsma204/libreoffice", test_libreoffice);
  ADD ("/fsma204/dates", test_dates);
  ADD ("/fsma204/lot-scope", test_lot_scope);
  ADD ("/fsma204/product", test_product);
  ADD ("/fsma204/cli", test_cli);
  ADD ("/kde-gaps/list", test_gaps);
  ADD ("/kde-gaps/transformation", test_gaps_transformation);
  return g_test_run ();
}
