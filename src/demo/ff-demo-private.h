/* ff-demo-private.h — what the demo generator's workspace modules share: the context, the
 * catalogue everyone refers to, and helpers for dates, randomness and saving records. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <math.h>

#include "ff-demo.h"
#include "ff-kinds-private.h"
#include "ff-record-repository.h"

G_BEGIN_DECLS

#define FF_DEMO_DAY (24 * 3600)
/* Days either side of the reference date whose UTC offset is known (summer time). */
#define FF_DEMO_ZONE_DAYS 800

/* The shared catalogue --------------------------------------------------------------------- */

typedef enum {
  FF_DEMO_CHIPS,   /* fried on the fryer, packed on the bagger */
  FF_DEMO_SALSA,   /* cooked and filled on the cook & fill line */
  FF_DEMO_HUMMUS,  /* mixed and filled on the mixer line */
  FF_DEMO_BREAD,   /* baked and bagged on the oven line */
  FF_DEMO_MEZZE,   /* assembled from finished packs on the case packer */
  FF_DEMO_NEW,     /* in development: trials only */
} FfDemoFamily;

/* Line templates: each plant has one line of each, in this order. */
typedef enum {
  FF_DEMO_FRYER,
  FF_DEMO_BAGGER,
  FF_DEMO_COOKER,
  FF_DEMO_MIXER,
  FF_DEMO_OVEN,
  FF_DEMO_CASE_PACKER,
  FF_DEMO_N_LINE_TYPES
} FfDemoLineType;

#define FF_DEMO_N_PLANTS 2
#define FF_DEMO_N_LINES (FF_DEMO_N_PLANTS * FF_DEMO_N_LINE_TYPES)
#define FF_DEMO_N_DCS 3
#define FF_DEMO_N_BANNERS 3

typedef struct
{
  const char  *code;          /* PLANT-EHV */
  const char  *short_code;    /* EHV */
  const char  *city;
  const char  *country;
  const char  *timezone;
  const char  *address;
  const char  *gln;           /* 13 digits */
} FfDemoPlant;

typedef struct
{
  const char  *name;
  const char  *type;          /* lines.line_type */
  double       cycle_s;       /* ideal seconds per unit */
  const char  *unit;          /* what a batch is counted in */
  int          margin_cents;  /* contribution per minute at the bottleneck */
} FfDemoLineTemplate;

typedef struct
{
  const char  *brand;         /* brand code */
  const char  *product;       /* product code */
  const char  *name;
  double       size;
  const char  *unit;
  int          price_cents;
  int          case_pack;
  FfDemoFamily family;
  const char  *status;
  double       daily_units;   /* mean sales per day in an average supermarket */
  double       kg;            /* net kg per unit */
  gboolean     chilled;
} FfDemoSku;

#define FF_DEMO_N_SHIFTS 3

typedef struct
{
  const char  *suffix;        /* EHV-EARLY */
  const char  *name;
  int          start_hour;    /* eight hours each */
  const char  *weekdays;
  int          breaks;        /* minutes */
} FfDemoShift;

typedef struct
{
  const char  *code;          /* DC-Tilburg */
  const char  *name;
  const char  *country;
  const char  *gln;
} FfDemoDc;

typedef struct
{
  const char  *name;
  const char  *category;
  const char  *country;
  const char  *city;
  const char  *approval;
  const char  *risk;
  const char  *scheme;        /* gfsi_scheme */
  const char  *gln;           /* 13 digits, or NULL: one without a GS1 membership */
} FfDemoSupplier;

/* Raw and packaging materials, in the order of FfDemoMaterial. */
typedef enum {
  FF_DEMO_RM_MASA, FF_DEMO_RM_SUNFLOWER_OIL, FF_DEMO_RM_SALT, FF_DEMO_RM_CHILI_SEASONING,
  FF_DEMO_RM_CHEESE_SEASONING, FF_DEMO_RM_BEETROOT, FF_DEMO_RM_SWEET_POTATO,
  FF_DEMO_RM_LENTIL_FLOUR, FF_DEMO_RM_RICE_FLOUR, FF_DEMO_RM_TOMATOES, FF_DEMO_RM_JALAPENO,
  FF_DEMO_RM_ONION, FF_DEMO_RM_GARLIC, FF_DEMO_RM_CHICKPEAS, FF_DEMO_RM_TAHINI, FF_DEMO_RM_LEMON,
  FF_DEMO_RM_CITRIC, FF_DEMO_RM_OLIVE_OIL, FF_DEMO_RM_RED_PEPPER, FF_DEMO_RM_AUBERGINE,
  FF_DEMO_RM_AVOCADO, FF_DEMO_RM_WHEAT_FLOUR, FF_DEMO_RM_WHOLEMEAL, FF_DEMO_RM_YEAST,
  FF_DEMO_RM_PAPRIKA, FF_DEMO_PM_FILM, FF_DEMO_PM_TUB, FF_DEMO_PM_JAR, FF_DEMO_PM_LID,
  FF_DEMO_PM_LIDDING, FF_DEMO_PM_CARTON, FF_DEMO_PM_LABEL,
  FF_DEMO_N_MATERIALS
} FfDemoMaterial;

typedef struct
{
  const char  *code;
  const char  *name;
  guint        supplier;      /* index into ff_demo_suppliers */
  const char  *unit;
  const char  *storage;
  int          shelf_life_days;
  const char  *origin;
  gboolean     traceability_list;
  int          interval_days; /* between deliveries */
  double       pack;          /* deliveries are whole packs of this */
  const char  *specification;
} FfDemoIngredient;

/* Suppliers the story needs by name (indices into ff_demo_suppliers). */
#define FF_DEMO_SUP_TAHINI_HOUSE 6
#define FF_DEMO_SUP_FLATBREAD_PARTNERS 18
#define FF_DEMO_SUP_DIPMASTERS 19
#define FF_DEMO_SUP_CHILI_FARMS 20    /* suspended: certificate expired, residue finding */
#define FF_DEMO_SUP_CRISP_AND_CO 24
#define FF_DEMO_SUP_PEPPER_VALLEY 27  /* took over the jalapeños */

extern const FfDemoSupplier     ff_demo_suppliers[];
extern const guint              ff_demo_n_suppliers;
extern const FfDemoIngredient   ff_demo_ingredients[FF_DEMO_N_MATERIALS];
extern const FfDemoPlant        ff_demo_plants[FF_DEMO_N_PLANTS];
extern const FfDemoLineTemplate ff_demo_line_templates[FF_DEMO_N_LINE_TYPES];
extern const FfDemoShift        ff_demo_shifts[FF_DEMO_N_SHIFTS];
extern const FfDemoSku          ff_demo_skus[];
extern const guint              ff_demo_n_skus;
extern const FfDemoDc           ff_demo_dcs[FF_DEMO_N_DCS];
extern const char *const        ff_demo_formats[];     /* stores.format, drawn with repeats */
extern const guint              ff_demo_n_formats;
extern const char *const        ff_demo_operators[];   /* names of ff_demo_people */
extern const guint              ff_demo_n_operators;

/* The staff who sign and approve: members of the demo tenant (without a key slot on this
 * computer: they work on their own devices). */
typedef struct
{
  const char *username;
  const char *name;
  FfRole      role;
} FfDemoPerson;

extern const FfDemoPerson       ff_demo_people[];
extern const guint              ff_demo_n_people;
/* The user name of the member called @name, or NULL for someone from outside. */
const char *_ff_demo_username_of (const char *name);
/* Sets the user field @field to the user name of the person called @name. */
void        _ff_demo_set_user    (FfRecord   *record,
                                  const char *field,
                                  const char *name);

/* Plans that one module makes and others read ---------------------------------------------- */

typedef struct
{
  guint        line;          /* 0 .. FF_DEMO_N_LINES - 1 */
  guint        sku;
  guint        shift;         /* index into the plant's shifts */
  int          day;           /* days from today (negative: the past) */
  gint64       planned_start; /* Unix seconds, UTC */
  gint64       planned_end;
  gint64       actual_start;
  gint64       actual_end;
  double       planned;
  double       produced;
  double       good;
  double       scrap_kg;
  double       giveaway_g;
  double       downtime_min;  /* unplanned, for money leaks */
  int          paired;        /* the fryer batch of a bagger batch and back, or -1 */
  gboolean     running;       /* still running at the reference time */
  gboolean     excursion;     /* a sensor excursion happened during it */
  char         code[24];
} FfDemoBatch;

/* A key sensor leaving its limits while a batch runs: the batch scraps more and the line stops
 * for it (a downtime event of the matching loss). */
typedef struct
{
  guint        sensor;        /* index into the key sensors */
  guint        line;
  int          batch;
  gint64       start;
  int          minutes;
  double       extreme;       /* the furthest value reached */
  double       limit;         /* the limit crossed */
  gboolean     temperature;   /* else weight */
} FfDemoExcursion;

typedef enum {
  FF_DEMO_LOT_INGREDIENT,
  FF_DEMO_LOT_WIP,
  FF_DEMO_LOT_FINISHED,
} FfDemoLotType;

typedef struct
{
  FfDemoLotType type;
  guint         plant;
  int           item;          /* ingredient index or SKU index */
  int           supplier;      /* of an ingredient lot when not the material's usual one, or -1 */
  int           batch;         /* index into batches, or -1 */
  int           day;           /* made or received */
  gint64        made_at;       /* end of production, for finished and WIP lots */
  double        quantity;
  double        used;          /* consumed by later transformations */
  gboolean      hold;          /* held after a CCP failure */
  gint64        held_at;       /* when, and why */
  char          hold_reason[200];
  gboolean      rejected;      /* rejected at intake, or destroyed after a failure */
  char          code[32];
} FfDemoLot;

typedef struct
{
  char        *number;        /* store number: the code */
  char        *name;
  guint        banner;
  guint        format;        /* index into the demo's formats */
  double       size;          /* demand relative to an average supermarket */
  char         gln[14];       /* the banner's company prefix and the store number */
} FfDemoStore;

/* The context ------------------------------------------------------------------------------ */

typedef struct
{
  FfStore       *store;
  const FfActor *actor;
  GRand         *rand;
  double         scale;
  GCancellable  *cancellable;

  GDate          today;        /* the reference date; every date counts from it */
  int            epoch_day;    /* today as days since 1970-01-01 */
  int           *utc_offsets;  /* of the plants' zone, per day from -FF_DEMO_ZONE_DAYS */

  guint64        n_saved;
  GHashTable    *repos;        /* FfKind* -> FfRecordRepository */
  GHashTable    *ids;          /* "kind\x1fcode" -> id */
  guint          next_deviation;
  guint          next_capa;

  /* Plant operations */
  int            batch_days;   /* days of production history */
  int            reading_days; /* days of per-minute sensor readings */
  GArray        *batches;      /* FfDemoBatch, by planned start */
  GArray        *excursions;   /* FfDemoExcursion, by start */

  /* Traceability */
  GArray        *lots;         /* FfDemoLot, in insertion order */
  GArray        *batch_wip;    /* per batch: its WIP lot index or -1 */
  GArray        *batch_first_fg; /* per batch: its first finished lot or -1 */
  GArray        *batch_n_fg;   /* per batch: how many finished lots */
  GArray        *lot_links;    /* the planned genealogy (ff-demo-lots.c) */
  GArray        *lot_events;
  GArray        *ccp_failures; /* planned CCP failures (ff-demo-haccp.c) */

  /* Retail */
  GPtrArray     *stores;       /* FfDemoStore */
} FfDemo;

/* Randomness: every draw comes from the seeded GRand, never from the clock. */
static inline double
_ff_demo_uniform (FfDemo *demo)
{
  return g_rand_double (demo->rand);
}

static inline double
_ff_demo_range (FfDemo *demo,
                double  lo,
                double  hi)
{
  return g_rand_double_range (demo->rand, lo, hi);
}

/* An integer in [lo, hi). */
static inline int
_ff_demo_int (FfDemo *demo,
              int     lo,
              int     hi)
{
  return hi > lo ? g_rand_int_range (demo->rand, lo, hi) : lo;
}

static inline gboolean
_ff_demo_chance (FfDemo *demo,
                 double  p)
{
  return g_rand_double (demo->rand) < p;
}

double       _ff_demo_normal        (FfDemo      *demo,
                                     double       mean,
                                     double       sd);
/* Poisson with mean @lambda from a single uniform draw. */
int          _ff_demo_poisson       (FfDemo      *demo,
                                     double       lambda);
/* @n_at_scale_1 times the scale, at least @min. */
guint        _ff_demo_scaled        (FfDemo      *demo,
                                     double       n_at_scale_1,
                                     guint        min);

/* Dates: days count from the reference date (0 today, -1 yesterday). */
void         _ff_demo_format_day    (FfDemo      *demo,
                                     int          day,
                                     char         buf[16]);
/* "2026-03-31T14:05:00Z" */
void         _ff_demo_format_time   (gint64       unix_s,
                                     char         buf[24]);
/* Unix seconds of local midnight (in the plants' zone) starting @day. */
gint64       _ff_demo_day_start     (FfDemo      *demo,
                                     int          day);
/* @unix_s as the plants' wall clock reads it (seconds since 1970-01-01 00:00 local). */
gint64       _ff_demo_local_time    (FfDemo      *demo,
                                     gint64       unix_s);
/* The day that holds @unix_s, in the plants' zone. */
int          _ff_demo_day_of        (FfDemo      *demo,
                                     gint64       unix_s);
/* 1 = Monday .. 7 = Sunday */
int          _ff_demo_weekday       (FfDemo      *demo,
                                     int          day);
int          _ff_demo_day_of_year   (FfDemo      *demo,
                                     int          day);
void         _ff_demo_ymd           (FfDemo      *demo,
                                     int          day,
                                     int         *year,
                                     int         *month,
                                     int         *mday);
/* The day of the first of the month that holds @day. */
int          _ff_demo_month_start   (FfDemo      *demo,
                                     int          day);
/* A fixed-point number without the locale's help: "12.50" for (12.5, 2). */
void         _ff_demo_format_fixed  (char        *buf,
                                     gsize        size,
                                     double       value,
                                     int          decimals);

/* Records */
void         _ff_demo_set           (FfRecord    *record,
                                     const char  *field,
                                     const char  *value);
void         _ff_demo_setf          (FfRecord    *record,
                                     const char  *field,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void         _ff_demo_set_int       (FfRecord    *record,
                                     const char  *field,
                                     gint64       value);
void         _ff_demo_set_real      (FfRecord    *record,
                                     const char  *field,
                                     double       value,
                                     int          decimals);
void         _ff_demo_set_day       (FfDemo      *demo,
                                     FfRecord    *record,
                                     const char  *field,
                                     int          day);
void         _ff_demo_set_time      (FfRecord    *record,
                                     const char  *field,
                                     gint64       unix_s);
/* Inserts @record (consumed) through its kind's repository, remembers its id by code, and
 * checks for cancellation now and then. */
gboolean     _ff_demo_save          (FfDemo      *demo,
                                     FfRecord    *record,
                                     GError     **error);
/* The id of the @kind record with @code that the demo saved before. */
const char  *_ff_demo_id            (FfDemo       *demo,
                                     const FfKind *kind,
                                     const char   *code);
/* "SKU-10010" */
void         _ff_demo_sku_code      (guint        sku,
                                     char         buf[16]);
/* "SUP-0108" */
void         _ff_demo_supplier_code (guint        supplier,
                                     char         buf[16]);
/* "L3" */
void         _ff_demo_line_code     (guint        line,
                                     char         buf[8]);
/* Banners (ff-demo-retail.c) */
const char  *_ff_demo_banner_code   (guint        banner);
const char  *_ff_demo_banner_name   (guint        banner);
const char  *_ff_demo_banner_currency (guint      banner);
const char  *_ff_demo_sku_id        (FfDemo      *demo,
                                     guint        sku);
const char  *_ff_demo_line_id       (FfDemo      *demo,
                                     guint        line);
/* The CAPA and deviation codes, numbered by the year of @day. */
char        *_ff_demo_next_capa_code      (FfDemo *demo,
                                           int     day);
char        *_ff_demo_next_deviation_code (FfDemo *demo,
                                           int     day);

/* The workspaces, in the order ff_demo_populate() calls them ------------------------------- */

gboolean     _ff_demo_make_plant_masters  (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_fsq_masters    (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_documents      (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_brand          (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_retail_masters (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_production     (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_trials         (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_money_leaks    (FfDemo *demo, GError **error);
/* Picks the batches during which key sensors leave their limits (ff-demo-sensors.c). */
void         _ff_demo_plan_excursions     (FfDemo *demo);
gboolean     _ff_demo_make_sensors        (FfDemo *demo, GError **error);
void         _ff_demo_plan_lots           (FfDemo *demo);
void         _ff_demo_plan_ccp_holds      (FfDemo *demo);
gboolean     _ff_demo_make_lots           (FfDemo *demo, GError **error);
/* Where the finished lots went (ff-demo-shipments.c); sets their used quantity to what left. */
GArray      *_ff_demo_plan_shipments      (FfDemo *demo);
gboolean     _ff_demo_save_shipments      (FfDemo *demo, GArray *shipments, GError **error);
gboolean     _ff_demo_save_receipts       (FfDemo *demo, GError **error);
gboolean     _ff_demo_save_movements      (FfDemo *demo, GError **error);
gboolean     _ff_demo_save_recall_exercise (FfDemo *demo, GError **error);
/* The lot that @batch made at @t: its finished lot of that hour, or its WIP lot; -1 if none. */
int          _ff_demo_lot_at              (FfDemo *demo, int batch, gint64 t, gboolean wip);
gboolean     _ff_demo_make_haccp          (FfDemo *demo, GError **error);
/* Deviations and CAPAs that did not come from a CCP (ff-demo-incidents.c). */
gboolean     _ff_demo_make_incidents      (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_audits         (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_planning       (FfDemo *demo, GError **error);
gboolean     _ff_demo_make_retail         (FfDemo *demo, GError **error);

/* Document texts (ff-demo-documents.c) */
typedef struct
{
  const char  *code;
  const char  *title;
  const char  *doc_type;
  const char  *version;
  const char  *owner;
  int          effective_day;  /* days from today */
  const char  *body;
} FfDemoDocument;

/* Specifications and HACCP plans (ff-demo-texts.c) */
extern const char ff_demo_text_spec_salt[];
extern const char ff_demo_text_spec_chips[];
extern const char ff_demo_text_haccp_chips[];
extern const char ff_demo_text_haccp_dips[];
extern const char ff_demo_text_haccp_hummus[];
extern const char ff_demo_text_haccp_bread[];

extern const FfDemoDocument ff_demo_documents[];
extern const guint          ff_demo_n_documents;
/* The certificate and contract texts, with their particulars filled in. */
char        *_ff_demo_certificate_text (const char *supplier,
                                        const char *country,
                                        const char *scheme,
                                        const char *body,
                                        const char *number,
                                        const char *grade,
                                        const char *issued,
                                        const char *expires,
                                        const char *scope);
char        *_ff_demo_contract_text    (const char *co_packer,
                                        const char *country,
                                        const char *products,
                                        const char *starts,
                                        const char *ends,
                                        const char *fee,
                                        const char *min_volume);

/* Audit templates (ff-demo-audit-templates.c) */
typedef struct
{
  const char *number;
  const char *prompt;
  const char *type;
  const char *choices;
  const char *failing;
  double      min;
  double      max;
  double      weight;
  gboolean    critical;
  gboolean    photo_on_fail;
  const char *follow_up_of;   /* the number of the item asked before */
  const char *follow_up_when;
  const char *note;           /* the comment on a failure, or the text answer */
  const char *guidance;
} FfDemoAuditItem;

typedef struct
{
  const char *title;
  double      weight;
  const FfDemoAuditItem *items;
  guint       n_items;
} FfDemoAuditSection;

typedef struct
{
  const char    *code;
  const char    *name;
  const char    *standard;
  const char    *version;
  double         pass;
  const char    *status;
  const char    *description;
  const FfDemoAuditSection *sections;
  guint          n_sections;
} FfDemoAuditTemplate;

extern const FfDemoAuditTemplate ff_demo_audit_templates[];
extern const guint               ff_demo_n_audit_templates;
gboolean     _ff_demo_make_audit_templates (FfDemo *demo, GError **error);
/* "TPL-GMP-WEEKLY-2.04" */
void         _ff_demo_audit_item_code (const FfDemoAuditTemplate *tpl,
                                       const FfDemoAuditItem     *item,
                                       char                       buf[48]);

/* Images (ff-demo-images.c): small PNGs drawn with cairo. */
GBytes      *_ff_demo_photo_png      (FfDemo     *demo,
                                      guint       motif);
GBytes      *_ff_demo_signature_png  (FfDemo     *demo);

G_END_DECLS
