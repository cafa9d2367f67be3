/* ff-fsma204.h — the FSMA 204 electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)): the
 * key data elements of every critical tracking event in a date range, one row per event (a
 * transformation: one row per input lot, sharing its event id), optionally for one lot and
 * everything traced from it, or for one product; written as a workbook or as CSV files. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-kind.h"
#include "ff-store.h"

G_BEGIN_DECLS

/* The critical tracking events FoodFlow records. Harvesting, cooling and first land-based
 * receiving happen before a manufacturer; they have no records here. */
typedef enum {
  FF_FSMA_RECEIVING,
  FF_FSMA_TRANSFORMATION,
  FF_FSMA_SHIPPING,
  /* A lot packed from a production batch with no genealogy inputs and no receipt: its lot code
   * was assigned where it was packed. */
  FF_FSMA_INITIAL_PACKING,
  FF_FSMA_N_CTES
} FfFsmaCte;

/* The columns: the key data elements, headed in the rule's words, and what links the rows. A
 * sheet shows the columns of its event (ff_fsma204_sheet_columns()); "All events" shows all. */
typedef enum {
  FF_FSMA_COL_CTE,              /* "Critical tracking event" */
  FF_FSMA_COL_EVENT_ID,         /* receipt, shipment or transformation code; packing: the batch */
  FF_FSMA_COL_DATE,             /* YYYY-MM-DD at the site: received, shipped, completed, packed */
  FF_FSMA_COL_TLC,              /* transformation: the new lot code */
  FF_FSMA_COL_TLC_SOURCE,
  FF_FSMA_COL_PRODUCT,
  FF_FSMA_COL_FTL,              /* "Yes" / "No": on the Food Traceability List */
  FF_FSMA_COL_QUANTITY,         /* a number (shortest decimal) */
  FF_FSMA_COL_UNIT,
  FF_FSMA_COL_INPUT_TLC,        /* transformation: the lot used */
  FF_FSMA_COL_INPUT_PRODUCT,
  FF_FSMA_COL_INPUT_FTL,
  FF_FSMA_COL_INPUT_QUANTITY,   /* used from that lot */
  FF_FSMA_COL_INPUT_UNIT,
  FF_FSMA_COL_PREVIOUS_SOURCE,
  FF_FSMA_COL_PREVIOUS_SOURCE_GLN,
  FF_FSMA_COL_RECEIVING_LOCATION,
  FF_FSMA_COL_RECEIVING_GLN,
  FF_FSMA_COL_SHIP_FROM,
  FF_FSMA_COL_SHIP_FROM_GLN,
  FF_FSMA_COL_RECIPIENT,
  FF_FSMA_COL_RECIPIENT_GLN,
  FF_FSMA_COL_TRANSFORMATION_LOCATION,
  FF_FSMA_COL_TRANSFORMATION_GLN,
  FF_FSMA_COL_REFERENCE_TYPE,
  FF_FSMA_COL_REFERENCE_NUMBER,
  FF_FSMA_N_COLUMNS
} FfFsmaColumn;

typedef struct
{
  FfFsmaCte     cte;
  /* Each column's value as text (dates YYYY-MM-DD, numbers as shortest decimals), or NULL
   * when the record and what it refers to do not say. */
  char         *values[FF_FSMA_N_COLUMNS];
  const FfKind *kind;          /* the record of the event: receipts, lot_links, shipments, lots */
  char         *record_id;
  char         *record_code;
  char         *lot_id;        /* the lot of the event (a transformation's output) */
  char         *input_lot_id;  /* a transformation's input, else NULL */
  gboolean      ftl;           /* the lot is on the Food Traceability List: its KDEs are due */
  gboolean      input_ftl;
} FfFsmaRow;

typedef struct
{
  const char *from;     /* first day, YYYY-MM-DD at the site; NULL: no limit */
  const char *to;       /* last day, inclusive; NULL: no limit */
  const char *lot_id;   /* NULL, or only this lot's events and those of every lot traced
                         * forward from it (what FDA asks for in an outbreak) */
  const char *product;  /* NULL, or only events of lots whose product description, ingredient
                         * or SKU code holds this text (any case); a transformation is kept
                         * whole when its output or any input matches */
} FfFsmaFilter;

typedef struct
{
  GPtrArray *rows;                   /* FfFsmaRow*, by date, event, event id, input lot */
  guint      n_rows[FF_FSMA_N_CTES];
  guint      n_events[FF_FSMA_N_CTES];
  GPtrArray *gaps;                   /* FfKdeGap* (ff-kde-gaps.h): the KDEs due that nothing
                                      * on record gives */
  char      *from;
  char      *to;
  char      *lot_code;               /* the --lot scope, or NULL */
  char      *product;
} FfFsma204;

void          ff_fsma204_free          (FfFsma204 *export);

/* Collects the rows @filter selects (every lot: a column says which are on the Food
 * Traceability List), filling a key data element from what the record refers to where the
 * record itself does not say (the product description from the ingredient or SKU, the lot
 * code source from the transformation or the packing plant), and lists the gaps left on
 * lots on the Food Traceability List. Reads only; cancellable between rows. */
FfFsma204    *ff_fsma204_collect       (FfStore             *store,
                                        const FfFsmaFilter  *filter,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* The workbook: one sheet per event present, "All events", and "KDE gaps"; typed cells (dates,
 * numbers), a header row frozen with a filter. Written next to @path and renamed over it. */
gboolean      ff_fsma204_write_xlsx    (FfFsma204    *export,
                                        const char   *path,
                                        GError      **error);
/* The same as CSV files in the directory @dir (made when missing): receiving.csv,
 * transformation.csv, shipping.csv, initial_packing.csv (each written, if only with its
 * header, so a script finds them all), all_events.csv and kde_gaps.csv. */
gboolean      ff_fsma204_write_csv_dir (FfFsma204    *export,
                                        const char   *dir,
                                        GError      **error);

/* The column's header as the rule words it, in English, as FDA reads the sheet. */
const char   *ff_fsma204_column_header (FfFsmaColumn column);
/* The same, translated, for people in the app. */
const char   *ff_fsma204_column_label  (FfFsmaColumn column);
/* "Receiving", "Transformation", ...: the sheet name, in English; FF_FSMA_N_CTES: "All events". */
const char   *ff_fsma204_cte_name      (FfFsmaCte cte);
const char   *ff_fsma204_cte_label     (FfFsmaCte cte);
/* The file name in a CSV directory: "receiving.csv", ..., FF_FSMA_N_CTES: "all_events.csv". */
const char   *ff_fsma204_cte_file_name (FfFsmaCte cte);
/* The columns of @cte's sheet, or of "All events" for FF_FSMA_N_CTES, and their headers there
 * (a transformation's lot code is the new one: "New traceability lot code"). */
guint         ff_fsma204_sheet_columns (FfFsmaCte            cte,
                                        const FfFsmaColumn **out_columns,
                                        const char *const  **out_headers);

/* For ff-kde-gaps.c: the rows of one traceability record (a receipt, shipment, genealogy link,
 * or a lot: the events of that lot), passed to @func; the row is freed when @func returns. */
typedef void (*FfFsmaRowFunc) (const FfFsmaRow *row,
                               gpointer         user_data);
gboolean      _ff_fsma204_foreach_row  (FfStore       *store,
                                        const FfKind  *kind,
                                        const char    *record_id,
                                        FfFsmaRowFunc  func,
                                        gpointer       user_data,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfFsma204, ff_fsma204_free)

G_END_DECLS
