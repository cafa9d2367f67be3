/* bench-postgres.c — a PostgreSQL cluster for one benchmark run: initdb into a temporary
 * directory (as the postgres user when run as root: initdb refuses root), a Unix socket there
 * and nothing on the network, the genealogy copied in with COPY, both lot indexes, ANALYZE. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-postgres.h"

struct _BenchPostgres
{
  char   *dir;
  char   *bin;
  char   *version;
  PGconn *conn;
};

/* The directory of initdb: $FOODFLOW_BENCH_PG_BIN, else the newest Debian one. */
static char *
find_bin (void)
{
  const char *env = g_getenv ("FOODFLOW_BENCH_PG_BIN");
  g_autoptr (GDir) dir = NULL;
  const char *name;
  int best = 0;

  if (env != NULL)
    return g_strdup (env);
  dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);
      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) && atoi (name) > best)
        best = atoi (name);
    }
  return best > 0 ? g_strdup_printf ("/usr/lib/postgresql/%d/bin", best) : NULL;
}

/* Runs @argv (as postgres when we are root); FALSE with its output on standard error. */
static gboolean
run (BenchPostgres     *pg,
     const char *const *argv)
{
  g_autoptr (GPtrArray) full = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (geteuid () == 0)
    {
      g_ptr_array_add (full, (gpointer) "runuser");
      g_ptr_array_add (full, (gpointer) "-u");
      g_ptr_array_add (full, (gpointer) "postgres");
      g_ptr_array_add (full, (gpointer) "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full, (gpointer) argv[i]);
  g_ptr_array_add (full, NULL);
  if (!g_spawn_sync (pg->dir, (char **) full->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                     &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-foodflow: %s: %s%s\n", argv[0], error->message, err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK
                || PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    fprintf (stderr, "bench-foodflow: PostgreSQL: %s", PQerrorMessage (conn));
  PQclear (result);
  return ok;
}

static gboolean
load (BenchPostgres *pg,
      GPtrArray     *links)
{
  g_autoptr (GString) chunk = g_string_new (NULL);
  PGresult *result;

  if (!exec_ok (pg->conn, "CREATE TABLE lot_links (input_lot text NOT NULL, "
                          "output_lot text NOT NULL)"))
    return FALSE;
  result = PQexec (pg->conn, "COPY lot_links FROM STDIN");
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      PQclear (result);
      fprintf (stderr, "bench-foodflow: PostgreSQL: %s", PQerrorMessage (pg->conn));
      return FALSE;
    }
  PQclear (result);
  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      g_string_append_printf (chunk, "%s\t%s\n", (const char *) links->pdata[i],
                              (const char *) links->pdata[i + 1]);
      if (chunk->len > 1 << 16 || i + 3 >= links->len)
        {
          PQputCopyData (pg->conn, chunk->str, (int) chunk->len);
          g_string_truncate (chunk, 0);
        }
    }
  PQputCopyEnd (pg->conn, NULL);
  result = PQgetResult (pg->conn);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      PQclear (result);
      fprintf (stderr, "bench-foodflow: PostgreSQL: %s", PQerrorMessage (pg->conn));
      return FALSE;
    }
  PQclear (result);
  return exec_ok (pg->conn, "CREATE INDEX ON lot_links (input_lot)")
         && exec_ok (pg->conn, "CREATE INDEX ON lot_links (output_lot)")
         && exec_ok (pg->conn, "ANALYZE lot_links");
}

BenchPostgres *
bench_postgres_start (GPtrArray *links)
{
  BenchPostgres *pg = g_new0 (BenchPostgres, 1);
  g_autofree char *data = NULL, *log = NULL, *initdb = NULL, *pg_ctl = NULL, *options = NULL;
  g_autofree char *conninfo = NULL;
  g_autoptr (GError) error = NULL;

  pg->bin = find_bin ();
  if (pg->bin == NULL)
    {
      fprintf (stderr, "bench-foodflow: no PostgreSQL (initdb) found: the peer is left out\n");
      g_free (pg);
      return NULL;
    }
  pg->dir = g_dir_make_tmp ("ff-bench-pg-XXXXXX", &error);
  if (pg->dir == NULL)
    {
      fprintf (stderr, "bench-foodflow: %s\n", error->message);
      bench_postgres_stop (pg);
      return NULL;
    }
  if (geteuid () == 0)
    {
      struct passwd *user = getpwnam ("postgres");
      if (user == NULL || chown (pg->dir, user->pw_uid, user->pw_gid) != 0)
        {
          fprintf (stderr, "bench-foodflow: as root, PostgreSQL needs the postgres user\n");
          bench_postgres_stop (pg);
          return NULL;
        }
    }
  data = g_build_filename (pg->dir, "data", NULL);
  log = g_build_filename (pg->dir, "log", NULL);
  initdb = g_build_filename (pg->bin, "initdb", NULL);
  pg_ctl = g_build_filename (pg->bin, "pg_ctl", NULL);
  options = g_strdup_printf ("-k %s -c listen_addresses= -c fsync=off", pg->dir);
  {
    const char *init[] = { initdb, "-D", data, "-A", "trust", "-U", "bench", NULL };
    const char *start[] = { pg_ctl, "-D", data, "-o", options, "-l", log, "-w", "start", NULL };

    if (!run (pg, init) || !run (pg, start))
      {
        bench_postgres_stop (pg);
        return NULL;
      }
  }
  conninfo = g_strdup_printf ("host=%s dbname=postgres user=bench", pg->dir);
  pg->conn = PQconnectdb (conninfo);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      fprintf (stderr, "bench-foodflow: PostgreSQL: %s", PQerrorMessage (pg->conn));
      bench_postgres_stop (pg);
      return NULL;
    }
  pg->version = g_strdup_printf ("PostgreSQL %d.%d", PQserverVersion (pg->conn) / 10000,
                                 PQserverVersion (pg->conn) % 10000);
  if (!load (pg, links))
    {
      bench_postgres_stop (pg);
      return NULL;
    }
  return pg;
}

const char *
bench_postgres_version (BenchPostgres *pg)
{
  return pg->version;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

double
bench_postgres_trace (BenchPostgres *pg,
                      const char    *lot_id,
                      gboolean       forward,
                      guint          runs,
                      guint         *reached)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree char *sql = NULL;
  char *literal = PQescapeLiteral (pg->conn, lot_id, strlen (lot_id));

  /* The same query as ours: UNION stops at a lot already reached. */
  sql = g_strdup_printf ("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) WITH RECURSIVE r(id) AS "
                         "(SELECT %s::text UNION SELECT l.%s FROM lot_links l JOIN r ON l.%s = "
                         "r.id) SELECT count(*) FROM r", literal,
                         forward ? "output_lot" : "input_lot", forward ? "input_lot" : "output_lot");
  PQfreemem (literal);
  for (guint i = 0; i < runs; i++)
    {
      PGresult *result = PQexec (pg->conn, sql);
      const char *plan = PQresultStatus (result) == PGRES_TUPLES_OK ? PQgetvalue (result, 0, 0)
                                                                      : NULL;
      const char *at = plan ? strstr (plan, "\"Execution Time\": ") : NULL;
      const char *rows = plan ? strstr (plan, "\"Actual Rows\": ") : NULL;

      times[i] = at ? g_ascii_strtod (at + strlen ("\"Execution Time\": "), NULL) / 1000 : -1;
      /* The first node is the aggregate; the recursion's rows are those of the CTE scan. */
      if (rows && (rows = strstr (rows + 1, "\"Actual Rows\": ")) != NULL)
        *reached = (guint) atoi (rows + strlen ("\"Actual Rows\": "));
      PQclear (result);
      if (times[i] < 0)
        {
          fprintf (stderr, "bench-foodflow: PostgreSQL: %s", PQerrorMessage (pg->conn));
          return -1;
        }
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

void
bench_postgres_stop (BenchPostgres *pg)
{
  if (pg == NULL)
    return;
  if (pg->conn != NULL)
    PQfinish (pg->conn);
  if (pg->dir != NULL)
    {
      g_autofree char *data = g_build_filename (pg->dir, "data", NULL);
      g_autofree char *pg_ctl = g_build_filename (pg->bin, "pg_ctl", NULL);
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", pg->dir);
      const char *stop[] = { pg_ctl, "-D", data, "-w", "-m", "fast", "stop", NULL };

      if (g_file_test (data, G_FILE_TEST_IS_DIR))
        run (pg, stop);
      if (system (rm) != 0)
        fprintf (stderr, "bench-foodflow: could not remove %s\n", pg->dir);
    }
  g_free (pg->dir);
  g_free (pg->bin);
  g_free (pg->version);
  g_free (pg);
}
