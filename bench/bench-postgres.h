/* bench-postgres.h — PostgreSQL as the peer of the trace benchmark: a throw-away cluster in a
 * temporary directory, the genealogy copied in, and the bare recursive query timed there. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchPostgres BenchPostgres;

/* Starts a cluster and loads @links (pairs of input, output lot ids, flattened). NULL, with a
 * line on standard error, when PostgreSQL (initdb, libpq) is not there. */
BenchPostgres *bench_postgres_start (GPtrArray     *links);
/* The median of @runs runs of the bare recursive query from @lot_id, forward or backward, in
 * seconds (the server's own timing, EXPLAIN ANALYZE); also the number of lots it reached. */
double         bench_postgres_trace (BenchPostgres *pg,
                                     const char    *lot_id,
                                     gboolean       forward,
                                     guint          runs,
                                     guint         *reached);
/* Stops the cluster and removes its directory. */
void           bench_postgres_stop  (BenchPostgres *pg);
/* "PostgreSQL 15.18" */
const char    *bench_postgres_version (BenchPostgres *pg);

G_END_DECLS
