/* test-kinds.c — the kind descriptions agree with themselves and with the migrated schema. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <glib/gstdio.h>
#include <string.h>

#include "ff-kind-catalog.h"
#include "ff-kind.h"
#include "ff-store.h"
#include "ff-test-util.h"

typedef struct
{
  char    *dir;
  FfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = ff_test_store_make ("ff-test-kinds", NULL, FF_STORE_OPEN_DEFAULT,
                                       &fixture->dir);
  g_assert_cmpuint (ff_store_get_schema_version (fixture->store), ==,
                    ff_store_get_latest_version ());
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  ff_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  char     *name;
  char     *type;
  gboolean  notnull;
} Column;

static void
column_free (gpointer data)
{
  Column *c = data;
  g_free (c->name);
  g_free (c->type);
  g_free (c);
}

/* Columns of @table by name; NULL-free, empty when the table does not exist. */
static GHashTable *
table_columns (FfStore    *store,
               const char *table)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, column_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Column *c = g_new0 (Column, 1);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->type = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->notnull = sqlite3_column_int (stmt, 3) != 0;
      g_assert_false (g_hash_table_contains (columns, c->name));
      g_hash_table_insert (columns, c->name, c);
    }
  sqlite3_finalize (stmt);
  return columns;
}

/* The single columns that carry a UNIQUE index (or constraint) on @table. */
static GHashTable *
unique_columns (FfStore    *store,
                const char *table)
{
  GHashTable *unique = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA index_list(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *info_sql = NULL;
      sqlite3_stmt *info = NULL;
      g_autoptr (GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);

      if (sqlite3_column_int (stmt, 2) == 0)
        continue;
      info_sql = g_strdup_printf ("PRAGMA index_info(\"%s\")", sqlite3_column_text (stmt, 1));
      g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), info_sql, -1, &info, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        g_ptr_array_add (cols, g_strdup ((const char *) sqlite3_column_text (info, 2)));
      sqlite3_finalize (info);
      if (cols->len == 1)
        g_hash_table_add (unique, g_strdup (cols->pdata[0]));
    }
  sqlite3_finalize (stmt);
  return unique;
}

static GHashTable *indexed_columns (FfStore    *store,
                                    const char *table);

static char *
schema_sql (FfStore    *store,
            const char *type,
            const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store),
                                       "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return sql;
}

/* A kind that grows with the work keeps its searchable text fields, exactly those, in
 * <table>_search through three triggers (migration 0005); no other kind has one. */
static void
check_search_table (FfStore      *store,
                    const FfKind *kind)
{
  g_autofree char *table = g_strdup_printf ("%s_search", kind->table);
  g_autofree char *table_sql = schema_sql (store, "table", table);
  const char *const triggers[] = { "insert", "update", "delete" };
  g_autoptr (GString) columns = g_string_new (NULL);
  g_autofree char *insert_sql = NULL, *update_sql = NULL;
  guint n_text = 0;

  if (!kind->indexed_search)
    {
      if (table_sql != NULL)
        g_test_fail_printf ("%s has %s but no indexed_search", kind->name, table);
      return;
    }
  if (table_sql == NULL)
    {
      g_test_fail_printf ("%s has indexed_search but no table %s", kind->name, table);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_%s", table, triggers[i]);
      g_autofree char *sql = schema_sql (store, "trigger", name);

      if (sql == NULL)
        g_test_fail_printf ("%s has no trigger %s", kind->name, name);
      else if (i == 0)
        insert_sql = g_steal_pointer (&sql);
      else if (i == 1)
        update_sql = g_steal_pointer (&sql);
    }
  if (insert_sql == NULL || update_sql == NULL)
    return;
  for (const FfField *f = kind->fields; f->name != NULL; f++)
    {
      g_autofree char *term = g_strdup_printf ("coalesce(new.%s, '')", f->name);
      gboolean searched = (f->flags & FF_FIELD_SEARCH) && f->type != FF_FIELD_REF;

      if (searched)
        {
          g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", f->name);
          n_text++;
        }
      if (searched != (strstr (insert_sql, term) != NULL))
        g_test_fail_printf ("%s: the search trigger %s %s", kind->name,
                            searched ? "leaves out" : "holds", f->name);
    }
  g_assert_cmpuint (n_text, >, 0);
  /* A search of this list by a reference to another kind that grows (a link's lot) finds the
   * referenced records by their code in a covering index (migration 0006). */
  for (const FfField *f = kind->fields; f->name != NULL; f++)
    {
      const FfKind *ref = f->type == FF_FIELD_REF ? ff_field_get_ref_kind (f) : NULL;
      g_autofree char *index = NULL, *index_sql = NULL, *covering = NULL;

      if (ref == NULL || !(f->flags & FF_FIELD_SEARCH) || !ref->indexed_search)
        continue;
      index = g_strdup_printf ("%s_names", ref->table);
      index_sql = schema_sql (store, "index", index);
      covering = g_strdup_printf ("ON %s (%s, id)", ref->table, ref->code_field);
      if (index_sql == NULL || strstr (index_sql, covering) == NULL
          || g_strcmp0 (ref->title_field, ref->code_field) != 0 || ref->ref_label_field != NULL)
        g_test_fail_printf ("%s.%s: %s needs the index %s %s over all it is found by",
                            kind->name, f->name, ref->name, index, covering);
    }
  /* A list that grows opens in its default order from an index. */
  {
    g_autoptr (GHashTable) indexed = indexed_columns (store, kind->table);
    if (!g_hash_table_contains (indexed, kind->default_sort))
      g_test_fail_printf ("%s: no index leads with its default sort %s", kind->name,
                          kind->default_sort);
  }
  {
    g_autofree char *update_of = g_strdup_printf ("AFTER UPDATE OF %s ON %s ", columns->str,
                                                  kind->table);
    if (strstr (update_sql, update_of) == NULL)
      g_test_fail_printf ("%s: the update trigger is not \"%s\"", kind->name, update_of);
  }
}

/* TRUE when @table has a unique index whose definition ends in @columns ("(a, b)"). */
static gboolean
has_unique_index (FfStore    *store,
                  const char *table,
                  const char *columns)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store),
                                       "SELECT sql FROM sqlite_master WHERE type = 'index' "
                                       "AND tbl_name = ? AND sql LIKE 'CREATE UNIQUE INDEX %'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found = found || g_str_has_suffix ((const char *) sqlite3_column_text (stmt, 0), columns);
  sqlite3_finalize (stmt);
  return found;
}

/* The columns that lead an index of @table (what a lookup by that column can use). */
static GHashTable *
indexed_columns (FfStore    *store,
                 const char *table)
{
  GHashTable *indexed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA index_list(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA index_info(\"%s\")",
                                                   sqlite3_column_text (stmt, 1));
      sqlite3_stmt *info = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), info_sql, -1, &info, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        if (sqlite3_column_int (info, 0) == 0)
          g_hash_table_add (indexed, g_strdup ((const char *) sqlite3_column_text (info, 2)));
      sqlite3_finalize (info);
    }
  sqlite3_finalize (stmt);
  return indexed;
}

static gint64
count_rows (FfStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (ff_store_get_handle (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  return n;
}

static const char *
sql_type_of (const FfField *f)
{
  switch (f->type)
    {
    case FF_FIELD_REAL:
    case FF_FIELD_QUANTITY:
      return "REAL";
    case FF_FIELD_INTEGER:
    case FF_FIELD_MONEY:
    case FF_FIELD_BOOLEAN:
      return "INTEGER";
    case FF_FIELD_BLOB:
      return "BLOB";
    default:
      return "TEXT";
    }
}

static void
test_tables_match (Fixture       *fixture,
                   gconstpointer  user_data)
{
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  g_assert_cmpuint (n_kinds, >, 0);
  for (guint k = 0; k < n_kinds; k++)
    {
      const FfKind *kind = kinds[k];
      g_autoptr (GHashTable) columns = table_columns (fixture->store, kind->table);
      g_autoptr (GHashTable) unique = unique_columns (fixture->store, kind->table);
      g_autoptr (GHashTable) indexed = indexed_columns (fixture->store, kind->table);
      g_autofree char *fk_sql = g_strdup_printf ("PRAGMA foreign_key_list(\"%s\")", kind->table);
      g_autoptr (GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      const char *const sync_columns[] = { "id", "_hlc", "_device", "_deleted" };
      GHashTableIter iter;
      gpointer name;

      g_test_message ("kind %s, table %s", kind->name, kind->table);
      g_assert_cmpuint (g_hash_table_size (columns), >, 0);

      for (guint i = 0; i < G_N_ELEMENTS (sync_columns); i++)
        g_hash_table_add (expected, (gpointer) sync_columns[i]);
      if (kind->sync_class == FF_SYNC_EDITABLE)
        g_hash_table_add (expected, (gpointer) "_fhlc");
      for (const FfField *f = kind->fields; f->name != NULL; f++)
        {
          Column *c = g_hash_table_lookup (columns, f->name);

          g_hash_table_add (expected, (gpointer) f->name);
          if (c == NULL)
            {
              g_test_fail_printf ("%s.%s has no column", kind->table, f->name);
              continue;
            }
          /* Required fields may not be NULL and optional ones must be allowed to be. */
          if (c->notnull != ((f->flags & FF_FIELD_REQUIRED) != 0))
            g_test_fail_printf ("%s.%s: NOT NULL is %d but the field is %s", kind->table, f->name,
                     c->notnull, (f->flags & FF_FIELD_REQUIRED) ? "required" : "optional");
          if (((f->flags & FF_FIELD_UNIQUE) != 0) != g_hash_table_contains (unique, f->name))
            g_test_fail_printf ("%s.%s: UNIQUE flag and unique index disagree", kind->table,
                                f->name);
          if (g_ascii_strcasecmp (c->type, sql_type_of (f)) != 0)
            g_test_fail_printf ("%s.%s is %s, the field wants %s", kind->table, f->name, c->type,
                                sql_type_of (f));
          /* Related records are found by their reference. */
          if (f->type == FF_FIELD_REF && !g_hash_table_contains (indexed, f->name))
            g_test_fail_printf ("%s.%s is a reference without an index", kind->table, f->name);
        }
      /* Sync may bring a child before its parent: references are checked by the repository. */
      if (count_rows (fixture->store, fk_sql) != 0)
        g_test_fail_printf ("%s declares foreign keys", kind->table);

      g_hash_table_iter_init (&iter, columns);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_hash_table_contains (expected, name))
          g_test_fail_printf ("%s has column %s that the kind does not describe", kind->table,
                   (const char *) name);
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_hash_table_contains (columns, name))
          g_test_fail_printf ("%s lacks column %s", kind->table, (const char *) name);
      g_assert_cmpuint (g_hash_table_size (columns), ==, g_hash_table_size (expected));

      check_search_table (fixture->store, kind);

      /* A code is unique regardless of case; a time series is unique by its natural key. */
      if (kind->code_field != NULL)
        {
          const FfField *code = ff_kind_get_field (kind, kind->code_field);
          g_autofree char *want = g_strdup_printf ("(%s COLLATE FF_CODE)", kind->code_field);

          g_assert_true (code->flags & FF_FIELD_IDENTIFIER);
          if (!has_unique_index (fixture->store, kind->table, want))
            g_test_fail_printf ("%s has no unique index %s", kind->table, want);
        }
      else
        {
          g_autofree char *joined = NULL;
          g_autofree char *want = NULL;

          g_assert_nonnull (kind->natural_key);
          g_assert_nonnull (kind->duplicate_message);
          joined = g_strjoinv (", ", (char **) kind->natural_key);
          want = g_strdup_printf ("(%s)", joined);
          for (guint i = 0; kind->natural_key[i] != NULL; i++)
            g_assert_nonnull (ff_kind_get_field (kind, kind->natural_key[i]));
          if (!has_unique_index (fixture->store, kind->table, want))
            g_test_fail_printf ("%s has no unique index %s", kind->table, want);
        }
    }
}

/* A reference points at a kind with a code (CSV and forms name records by it) that comes
 * earlier in import order, or at its own kind (a tree). */
static void
check_ref (const FfKind *const *kinds,
           guint                index,
           const FfField       *f)
{
  const FfKind *ref = f->ref_kind;
  guint ref_index = G_MAXUINT;

  if (ref == NULL)
    {
      g_test_fail_printf ("%s.%s refers to no kind", kinds[index]->name, f->name);
      return;
    }
  /* The kind it points at is in the catalogue. */
  g_assert_true (ff_kind_lookup (ref->name) == ref);
  g_assert_true (ff_field_get_ref_kind (f) == ref);
  g_assert_null (f->enum_values);
  g_assert_null (f->unit_field);
  if (ref->code_field == NULL)
    g_test_fail_printf ("%s.%s refers to %s, which has no code", kinds[index]->name, f->name,
                        ref->name);
  if (ref->ref_label_field != NULL)
    g_assert_nonnull (ff_kind_get_field (ref, ref->ref_label_field));
  for (guint i = 0; i <= index; i++)
    if (kinds[i] == ref)
      ref_index = i;
  if (ref_index > index)
    g_test_fail_printf ("%s.%s refers to %s, which comes later in import order",
                        kinds[index]->name, f->name, ref->name);
}

/* Icon names of the installed Adwaita theme, or NULL when it is not installed. */
static void
collect_icons (const char *dir,
               GHashTable *icons)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_icons (path, icons);
      else if (g_str_has_suffix (name, ".svg") || g_str_has_suffix (name, ".png"))
        g_hash_table_add (icons, g_strndup (name, strlen (name) - 4));
    }
}

static void
test_icons (void)
{
  const char *theme = "/usr/share/icons/Adwaita";
  g_autoptr (GHashTable) icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);

  if (!g_file_test (theme, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the Adwaita icon theme is not installed");
      return;
    }
  collect_icons (theme, icons);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_assert_nonnull (kinds[k]->icon_name);
      g_assert_true (g_str_has_suffix (kinds[k]->icon_name, "-symbolic"));
      if (!g_hash_table_contains (icons, kinds[k]->icon_name))
        g_test_fail_printf ("%s: icon %s is not in the Adwaita theme", kinds[k]->name,
                            kinds[k]->icon_name);
    }
}

static void
test_descriptions (void)
{
  guint n_kinds = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n_kinds);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_kinds, >=, 5);
  g_assert_null (ff_kind_lookup ("no-such-kind"));
  g_assert_null (ff_kind_lookup (NULL));

  for (guint k = 0; k < n_kinds; k++)
    {
      const FfKind *kind = kinds[k];
      g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
      const FfField *code, *title, *sort;
      guint n_list = 0, n_search = 0, n = 0;

      g_test_message ("kind %s", kind->name);
      g_assert_nonnull (kind->name);
      g_assert_nonnull (kind->table);
      g_assert_false (g_hash_table_contains (names, kind->name));
      g_assert_false (g_hash_table_contains (tables, kind->table));
      g_hash_table_add (names, (gpointer) kind->name);
      g_hash_table_add (tables, (gpointer) kind->table);
      g_assert_true (ff_kind_lookup (kind->name) == kind);
      g_assert_cmpstr (ff_kind_get_label (kind), !=, "");
      g_assert_cmpstr (ff_kind_get_label_singular (kind), !=, "");

      for (const FfField *f = kind->fields; f->name != NULL; f++, n++)
        {
          g_assert_false (g_hash_table_contains (fields, f->name));
          g_hash_table_add (fields, (gpointer) f->name);
          g_assert_false (g_str_has_prefix (f->name, "_"));
          g_assert_cmpstr (f->name, !=, "id");
          g_assert_cmpstr (ff_field_get_label (f), !=, "");
          g_assert_cmpint (ff_kind_get_field_index (kind, f->name), ==, (int) n);
          g_assert_true (ff_kind_get_field (kind, f->name) == f);
          if (f->flags & FF_FIELD_LIST)
            n_list++;
          if (f->flags & FF_FIELD_SEARCH)
            n_search++;

          if (f->type == FF_FIELD_ENUM)
            {
              g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
              guint n_values = 0;

              g_assert_nonnull (f->enum_values);
              for (const FfEnumValue *e = f->enum_values; e->value != NULL; e++, n_values++)
                {
                  g_assert_false (g_hash_table_contains (values, e->value));
                  g_hash_table_add (values, (gpointer) e->value);
                  g_assert_nonnull (e->label);
                  g_assert_cmpstr (ff_field_get_enum_label (f, e->value), !=, "");
                }
              g_assert_cmpuint (n_values, >, 0);
            }
          else
            g_assert_null (f->enum_values);

          if (f->type == FF_FIELD_MONEY || f->type == FF_FIELD_QUANTITY)
            {
              const FfField *unit;

              g_assert_nonnull (f->unit_field);
              unit = ff_kind_get_field (kind, f->unit_field);
              g_assert_nonnull (unit);
              g_assert_true (unit->type == (f->type == FF_FIELD_MONEY ? FF_FIELD_CURRENCY
                                                                      : FF_FIELD_UNIT));
              /* Amount and unit merge together. */
              g_assert_nonnull (f->group);
              g_assert_cmpstr (f->group, ==, unit->group);
            }
          if (f->min < f->max)
            g_assert_true (ff_field_is_numeric (f));
          if (f->hint != NULL)
            g_assert_cmpstr (f->hint, !=, "");
          if (f->type == FF_FIELD_REF)
            check_ref (kinds, k, f);
          else
            g_assert_null (f->ref_kind);
          if (f->unit_field != NULL)
            g_assert_true (f->type == FF_FIELD_MONEY || f->type == FF_FIELD_QUANTITY);
          /* A field's own roles narrow the kind's, never widen them. */
          g_assert_cmpuint (f->write_roles & ~kind->write_roles, ==, 0);
          if (f->default_value != NULL)
            {
              g_autofree char *normalized = NULL;
              g_autoptr (GError) error = NULL;

              g_assert_true (ff_field_normalize (f, f->default_value, &normalized, &error));
              g_assert_no_error (error);
              g_assert_cmpstr (normalized, ==, f->default_value);
            }
        }
      g_assert_cmpuint (n, ==, ff_kind_get_n_fields (kind));
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpint (ff_kind_get_field_index (kind, "no_such_field"), ==, -1);
      g_assert_null (ff_kind_get_field (kind, "no_such_field"));

      g_assert_cmpuint (n_list, >, 0);
      g_assert_cmpuint (n_search, >, 0);

      /* A handful of list columns: enough to recognise a record, few enough to read. */
      if (n_list < 3 || n_list > 7)
        g_test_fail_printf ("%s has %u list columns", kind->name, n_list);

      title = ff_kind_get_field (kind, kind->title_field);
      sort = ff_kind_get_field (kind, kind->default_sort);
      g_assert_nonnull (title);
      g_assert_nonnull (sort);
      if (kind->code_field == NULL)
        {
          /* Only a time series goes without a human code. */
          g_assert_cmpint (kind->sync_class, ==, FF_SYNC_APPEND_ONLY);
        }
      else
        {
          code = ff_kind_get_field (kind, kind->code_field);
          g_assert_nonnull (code);
          /* The human code identifies a record. */
          g_assert_true (code->flags & FF_FIELD_REQUIRED);
          g_assert_true (code->flags & FF_FIELD_UNIQUE);
          g_assert_true (code->flags & FF_FIELD_LIST);
          g_assert_true (code->flags & FF_FIELD_SEARCH);
        }
      g_assert_cmpuint (kind->write_roles, !=, 0);
      g_assert_cmpint (kind->workspace, <, FF_N_WORKSPACES);

      g_assert_true (ff_kind_role_can_write (kind, FF_ROLE_ADMIN));
      g_assert_false (ff_kind_role_can_write (kind, FF_ROLE_VIEWER));
      g_assert_cmpuint (kind->write_roles & FF_ROLE_BIT (FF_ROLE_VIEWER), ==, 0);
    }
}

static void
test_workspace_writers (void)
{
  /* Each workspace's own role writes its first kind; the others do not. */
  const struct {
    const char *kind;
    FfRole      writer;
    FfRole      other;
  } cases[] = {
    { "lines", FF_ROLE_OPERATOR, FF_ROLE_PLANNER },
    { "suppliers", FF_ROLE_QA, FF_ROLE_PLANNER },
    { "skus", FF_ROLE_BRAND, FF_ROLE_OPERATOR },
    { "forecasts", FF_ROLE_PLANNER, FF_ROLE_RETAIL },
    { "stores", FF_ROLE_RETAIL, FF_ROLE_QA },
    { "plants", FF_ROLE_OPERATOR, FF_ROLE_BRAND },
    { "sensor_readings", FF_ROLE_OPERATOR, FF_ROLE_QA },
    /* Operators record and hold lots; releasing one is QA's (test-lot-release.c). */
    { "lots", FF_ROLE_OPERATOR, FF_ROLE_PLANNER },
    { "ccp_readings", FF_ROLE_OPERATOR, FF_ROLE_PLANNER },
    { "ccp_readings", FF_ROLE_QA, FF_ROLE_RETAIL },
    { "audit_responses", FF_ROLE_OPERATOR, FF_ROLE_BRAND },
    { "audit_templates", FF_ROLE_QA, FF_ROLE_OPERATOR },
    { "forecast_versions", FF_ROLE_PLANNER, FF_ROLE_BRAND },
    { "co_packers", FF_ROLE_BRAND, FF_ROLE_QA },
    { "pos_sales", FF_ROLE_RETAIL, FF_ROLE_PLANNER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FfKind *kind = ff_kind_lookup (cases[i].kind);

      g_assert_nonnull (kind);
      g_assert_true (ff_kind_role_can_write (kind, cases[i].writer));
      g_assert_false (ff_kind_role_can_write (kind, cases[i].other));
    }

  /* An operator opens a CAPA or a deviation; only QA moves its status on. */
  for (guint i = 0; i < 2; i++)
    {
      const FfKind *kind = ff_kind_lookup (i == 0 ? "capas" : "deviations");
      const FfField *status = ff_kind_get_field (kind, "status");

      g_assert_true (ff_kind_role_can_write (kind, FF_ROLE_OPERATOR));
      g_assert_false (ff_field_role_can_write (kind, status, FF_ROLE_OPERATOR));
      g_assert_true (ff_field_role_can_write (kind, status, FF_ROLE_QA));
      g_assert_true (status->flags & FF_FIELD_REGULATED);
      g_assert_cmpstr (status->default_value, ==, "open");
    }
  /* A lot starts in quarantine, and leaving it is on the record. */
  {
    const FfField *status = ff_kind_get_field (ff_kind_lookup ("lots"), "status");
    g_assert_cmpstr (status->default_value, ==, "quarantine");
    g_assert_true (status->flags & FF_FIELD_REGULATED);
  }
}

static void
test_kind_set (void)
{
  /* The kinds of SPEC.md section 2, each once, and those the engines added (lot movements for
   * the mass balance, recall exercises for mock recalls). */
  static const char *const names[] = {
    "plants", "lines", "shifts", "batches", "sensors", "sensor_readings", "trials",
    "downtime_events", "money_leaks",
    "suppliers", "supplier_certificates", "ingredients", "allergens", "ingredient_allergens",
    "lots", "lot_links", "shipments", "receipts", "lot_movements", "recall_exercises",
    "deviations", "capas", "haccp_plans", "ccps",
    "ccp_readings", "documents",
    "audit_templates", "audit_template_sections", "audit_template_items", "audits",
    "audit_responses", "audit_photos", "signatures",
    "forecast_versions", "forecasts", "production_plans", "safety_stocks", "inventory_levels",
    "brands", "products", "skus", "co_packers", "contracts", "copacker_performance",
    "banners", "stores", "categories", "pos_sales", "waste", "osa_alerts", "promotions",
  };
  static const char *const append_only[] = {
    "sensor_readings", "ccp_readings", "audit_responses", "audit_photos", "signatures",
    "pos_sales", "recall_exercises", NULL,
  };
  guint n_kinds = 0;

  ff_kinds_get_all (&n_kinds);
  g_assert_cmpuint (n_kinds, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const FfKind *kind = ff_kind_lookup (names[i]);

      g_test_message ("kind %s", names[i]);
      g_assert_nonnull (kind);
      g_assert_cmpstr (kind->table, ==, kind->name);
      g_assert_cmpint (kind->sync_class == FF_SYNC_APPEND_ONLY, ==,
                       g_strv_contains (append_only, names[i]));
    }
  g_assert_null (ff_kind_lookup ("sensor_readings")->code_field);
  g_assert_null (ff_kind_lookup ("pos_sales")->code_field);
  g_assert_true (ff_kind_lookup ("ccp_readings")->regulated);
  g_assert_true (ff_kind_lookup ("audit_responses")->regulated);
  g_assert_true (ff_kind_lookup ("signatures")->regulated);
  g_assert_cmpint (ff_kind_get_field_index (ff_kind_lookup ("pos_sales"), NULL), ==, -1);
}

/* Every kind is either in its workspace's sidebar under one of its headings, or a child listed
 * in its parent's detail through a required reference. */
static void
test_navigation (void)
{
  guint n = 0;
  const FfKind *const *kinds = ff_kinds_get_all (&n);

  for (guint k = 0; k < n; k++)
    {
      const FfKind *kind = kinds[k];
      const char *const *groups = ff_workspace_get_nav_groups (kind->workspace);

      /* A kind made by the domain is never made in a form: it has no New. */
      g_assert_true ((kind->new_label == NULL) == kind->made_by_engine);
      g_assert_nonnull (kind->empty_label);
      if (kind->parent_field != NULL)
        {
          const FfField *parent = ff_kind_get_field (kind, kind->parent_field);

          g_assert_null (kind->nav_group);
          g_assert_nonnull (parent);
          g_assert_cmpint (parent->type, ==, FF_FIELD_REF);
          g_assert_true (parent->flags & FF_FIELD_REQUIRED);
        }
      else if (kind->nav_group == NULL || !g_strv_contains (groups, kind->nav_group))
        g_test_fail_printf ("%s is in no heading of its workspace", kind->name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kinds/tables-match-descriptions", Fixture, NULL, fixture_set_up,
              test_tables_match, fixture_tear_down);
  g_test_add_func ("/kinds/descriptions", test_descriptions);
  g_test_add_func ("/kinds/workspace-writers", test_workspace_writers);
  g_test_add_func ("/kinds/kind-set", test_kind_set);
  g_test_add_func ("/kinds/icons", test_icons);
  g_test_add_func ("/kinds/navigation", test_navigation);

  return g_test_run ();
}
