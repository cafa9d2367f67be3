/* ff-kpi-context.h — what the overview figures of every context share: the moments they count
 * from, one-row aggregate queries, counts of the lists they open, trends, and the formatting of
 * counts, shares and money in the user's locale. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kpi.h"
#include "ff-series.h"
#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  FfStore   *store;
  GPtrArray *kpis;       /* FfKpi*, in the order the overview shows them */
  GPtrArray *trends;     /* FfSeries*, the overview's charts */
  GError   **error;
  gboolean   failed;     /* a query failed: @error is set and the figures are not shown */
  /* Local dates (YYYY-MM-DD), for date fields. */
  char       today[11];
  char       yesterday[11];
  char       week_ago[11];     /* the first of the last 7 days, today included: today - 6 */
  char       month_ago[11];    /* the first of the last 30 days: today - 29 */
  char       monday[11];       /* this week's */
  char       next_monday[11];  /* next week's: the first forecast period to come */
  char       next_monday_28[11]; /* four weeks after it */
  char       in_60_days[11];
  char       in_90_days[11];
  /* Moments in UTC (YYYY-MM-DDTHH:MM:SSZ), for time fields, which are kept in UTC. */
  char       now[21];
  char       since_24h[21];    /* now - 24 h */
  char       since_7d[21];     /* now - 7 days */
  char       since_monday[21]; /* this week's Monday, 00:00 local time */
  char       next_monday_start[21];    /* next Monday, 00:00 local time */
  char       next_monday_28_start[21]; /* four weeks after it */
} FfKpiContext;

/* A date or moment of the context, named so a table of figures can refer to it. */
typedef enum {
  FF_KPI_NO_MOMENT,
  FF_KPI_TODAY,
  FF_KPI_WEEK_AGO,
  FF_KPI_MONTH_AGO,
  FF_KPI_IN_60_DAYS,
  FF_KPI_IN_90_DAYS,
  FF_KPI_SINCE_24H,
  FF_KPI_SINCE_7D,
  FF_KPI_SINCE_MONDAY,
} FfKpiMoment;

/* A plural pair in a table: xgettext reads NP_ as a plural (po/meson.build), the code picks the
 * form with g_dngettext() once it knows the number. */
#define NP_(singular, plural) singular, plural

/* A figure that counts the records of a list, described rather than coded. Its value is how
 * many records of @kind the query (facet, condition, range) selects; its detail is a second
 * figure from @detail_sql (one row: a number, and a second one for the format's second %s),
 * or the sum of money of @money_table's rows matching @money_where. */
typedef struct
{
  const char  *id;
  const char  *label;                /* N_() */
  const char  *kind;
  const char  *sort_field;           /* newest (largest) first unless @ascending */
  gboolean     ascending;
  const char  *facet_field;
  const char  *facet_value;
  const char  *condition;
  FfKpiMoment  condition_arg;
  const char  *range_field;
  FfKpiMoment  range_from;
  FfKpiMoment  range_to;
  const char  *method;               /* N_(): how it is counted */
  const char  *detail_sql;           /* with ?1 bound to @detail_arg */
  FfKpiMoment  detail_arg;
  const char  *detail_one;           /* N_() or NP_(): a format of the detail's numbers */
  const char  *detail_other;         /* the plural form, by the detail's first number */
  int          detail_decimals;      /* 0: a count; 1: "91.5" */
  const char  *money_table;          /* the detail is an amount of money instead */
  const char  *money_column;
  const char  *money_where;          /* with ?1 bound to @money_arg */
  FfKpiMoment  money_arg;
  FfKpiState   when_some;            /* the state when the count is not 0 */
  FfKpiState   when_none;
  gboolean     detail_decides;       /* a detail number not 0 gives @when_detail, whatever the
                                      * count; the first, or the second with @decide_column 1 */
  int          decide_column;
  FfKpiState   when_detail;
} FfKpiCount;

/* The text of @moment. */
const char *ff_kpi_moment        (FfKpiContext *ctx,
                                  FfKpiMoment   moment);
/* Appends the figures of @table (@n of them). */
void      ff_kpi_add_counts      (FfKpiContext      *ctx,
                                  const FfKpiCount  *table,
                                  guint              n);

/* Fills the dates and moments from @now (NULL: ff_clock_now()), read in the local time zone. */
void      ff_kpi_context_init    (FfKpiContext  *ctx,
                                  FfStore       *store,
                                  GPtrArray     *kpis,
                                  GPtrArray     *trends,
                                  GDateTime     *now,
                                  GError       **error);
/* Runs @sql with the text parameters (NULL-terminated) and returns the first row's columns as
 * doubles in @out (NaN for NULL). FALSE when the query failed (the error is kept). */
gboolean  ff_kpi_query           (FfKpiContext *ctx,
                                  const char   *sql,
                                  double       *out,
                                  int           n_out,
                                  ...) G_GNUC_NULL_TERMINATED;
/* A query of @kind's list, sorted by @sort_field newest (largest) first. */
FfRecordQuery *ff_kpi_list       (const char   *sort_field);
/* The same, of the records whose @range_field lies in [@from, @to] (either may be NULL). */
FfRecordQuery *ff_kpi_list_range (const char   *sort_field,
                                  const char   *range_field,
                                  const char   *from,
                                  const char   *to);
/* Appends a figure; takes @value, @detail and @query (each may be NULL). */
FfKpi    *ff_kpi_add             (FfKpiContext  *ctx,
                                  const char    *id,
                                  const char    *label,
                                  double         number,
                                  char          *value,
                                  char          *detail,
                                  FfKpiState     state,
                                  const char    *kind,
                                  FfRecordQuery *query);
/* Appends a share, @part of @whole ("—" when @whole is 0), a warning below @warn_below or above
 * @warn_above (NAN: no bound); takes @detail and @query. */
FfKpi    *ff_kpi_add_share       (FfKpiContext  *ctx,
                                  const char    *id,
                                  const char    *label,
                                  double         part,
                                  double         whole,
                                  char          *detail,
                                  double         warn_below,
                                  double         warn_above,
                                  const char    *kind,
                                  FfRecordQuery *query);
/* Appends a figure that is the number of @kind's records @query selects, counted by the query
 * the list it opens runs: the two always agree. Takes @query. NULL when the count failed. */
FfKpi    *ff_kpi_add_count       (FfKpiContext  *ctx,
                                  const char    *id,
                                  const char    *label,
                                  const char    *kind,
                                  FfRecordQuery *query);
/* Appends a trend of @n_buckets values, each the sum of the rows of @sql (columns: a local date
 * "YYYY-MM-DD", a value) whose date falls in the bucket of @step_days days from @first_day;
 * buckets without rows are 0. With a third column the value is a share in percent, 100 times
 * the bucket's sum of the second over its sum of the third (buckets without rows are left
 * out). @sql gets the text parameters (NULL-terminated). */
void      ff_kpi_add_trend       (FfKpiContext *ctx,
                                  const char   *title,
                                  const char   *unit,
                                  const char   *first_day,
                                  guint         n_buckets,
                                  guint         step_days,
                                  const char   *sql,
                                  ...) G_GNUC_NULL_TERMINATED;
/* The sum of @amount_column (minor units) over the rows of @table that match @where (with one
 * optional text parameter), in the currency most used by them: "20,398.56 EUR". */
char     *ff_kpi_money           (FfKpiContext *ctx,
                                  const char   *table,
                                  const char   *amount_column,
                                  const char   *where,
                                  const char   *param);
/* @day (YYYY-MM-DD) moved by @days, in @out. */
void      ff_kpi_day_add         (const char   *day,
                                  int           days,
                                  char          out[11]);

/* 0 for NaN (an aggregate over no rows). */
double    ff_kpi_nz              (double v);
/* "1,404" (grouped in the user's locale). */
char     *ff_kpi_count_text      (double n);
/* "87.5 %" ("87,5 %" in German); "—" for NaN. */
char     *ff_kpi_percent_text    (double fraction);

/* A quantity @q in unit @u (SQL expressions) in cases of the SKU joined as s: cases as they
 * are, units (ea) by the case pack, weights by pack size times case pack. NULL when it cannot
 * be converted. */
#define FF_KPI_IN_CASES(q, u) \
  "CASE " u " WHEN 'case' THEN " q " " \
  "WHEN 'ea' THEN " q " / s.case_pack " \
  "WHEN 'kg' THEN " q " / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 0.001 WHEN 'kg' THEN 1.0 END)) " \
  "WHEN 'g' THEN " q " / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 1.0 WHEN 'kg' THEN 1000.0 END)) END"
/* The quantity of @t (with columns quantity, unit) in cases. */
#define FF_KPI_CASES_OF(t) FF_KPI_IN_CASES (t ".quantity", t ".unit")

/* The figures and trends of each context, appended to @ctx. */
void      ff_plant_ops_kpis_compute (FfKpiContext *ctx);
void      ff_fsq_kpis_compute       (FfKpiContext *ctx);
void      ff_audit_kpis_compute     (FfKpiContext *ctx);
void      ff_planning_kpis_compute  (FfKpiContext *ctx);
void      ff_brand_kpis_compute     (FfKpiContext *ctx);
void      ff_retail_kpis_compute    (FfKpiContext *ctx);

G_END_DECLS
