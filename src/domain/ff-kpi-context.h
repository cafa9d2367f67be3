/* ff-kpi-context.h — what the overview figures of every context share: the dates they count
 * from, one-row aggregate queries, and the formatting of counts, shares and money. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kpi.h"
#include "ff-store.h"

G_BEGIN_DECLS

typedef struct
{
  FfStore   *store;
  GPtrArray *kpis;       /* FfKpi*, in the order the overview shows them */
  GError   **error;
  gboolean   failed;     /* a query failed: @error is set and the figures are not shown */
  char       today[11];
  char       week_ago[11];
  char       month_ago[11];
  char       yesterday[11];
  char       monday[11];
  char       in_60_days[11];
  char       in_90_days[11];
  char       in_28_days[11];
} FfKpiContext;

/* Fills the dates from @today (YYYY-MM-DD; NULL: the local date). FALSE for a bad date. */
gboolean  ff_kpi_context_init    (FfKpiContext  *ctx,
                                  FfStore       *store,
                                  GPtrArray     *kpis,
                                  const char    *today,
                                  GError       **error);
/* Runs @sql with the text parameters (NULL-terminated) and returns the first row's columns as
 * doubles in @out (NaN for NULL). FALSE when the query failed (the error is kept). */
gboolean  ff_kpi_query           (FfKpiContext *ctx,
                                  const char   *sql,
                                  double       *out,
                                  int           n_out,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Appends a figure; takes @value and @detail. */
FfKpi    *ff_kpi_add             (FfKpiContext *ctx,
                                  const char   *id,
                                  const char   *label,
                                  double        number,
                                  char         *value,
                                  char         *detail,
                                  FfKpiState    state,
                                  const char   *kind,
                                  const char   *facet_field,
                                  const char   *facet_value);
/* The sum of @amount_column in major units with the currency most used by the rows of @table
 * that match @where (with one optional text parameter). */
char     *ff_kpi_money           (FfKpiContext *ctx,
                                  const char   *table,
                                  const char   *amount_column,
                                  const char   *where,
                                  const char   *param);

/* 0 for NaN (an aggregate over no rows). */
double    ff_kpi_nz              (double v);
char     *ff_kpi_count_text      (double n);
char     *ff_kpi_percent_text    (double fraction);

/* A quantity of @t (with columns quantity, unit) in cases of its SKU s: case as is, units (ea)
 * by the case pack, weights by pack size times case pack. NULL when it cannot be converted. */
#define FF_KPI_CASES_OF(t) \
  "CASE " t ".unit WHEN 'case' THEN " t ".quantity " \
  "WHEN 'ea' THEN " t ".quantity / s.case_pack " \
  "WHEN 'kg' THEN " t ".quantity / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 0.001 WHEN 'kg' THEN 1.0 END)) " \
  "WHEN 'g' THEN " t ".quantity / (s.pack_size * s.case_pack * " \
  "(CASE s.pack_unit WHEN 'g' THEN 1.0 WHEN 'kg' THEN 1000.0 END)) END"

/* The figures of each context, appended to @ctx->kpis. */
void      ff_plant_ops_kpis_compute (FfKpiContext *ctx);
void      ff_fsq_kpis_compute       (FfKpiContext *ctx);
void      ff_audit_kpis_compute     (FfKpiContext *ctx);
void      ff_planning_kpis_compute  (FfKpiContext *ctx);
void      ff_brand_kpis_compute     (FfKpiContext *ctx);
void      ff_retail_kpis_compute    (FfKpiContext *ctx);

G_END_DECLS
