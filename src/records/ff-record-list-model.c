/* ff-record-list-model.c — a paged GListModel of the records a query selects. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-records"

#include "config.h"

#include "ff-record-list-model.h"
#include "ff-record-repository.h"

#define PAGE_SIZE 128
#define MAX_PAGES 64

struct _FfRecordListModel
{
  GObject             parent_instance;

  /* borrowed */
  const FfKind       *kind;

  /* owned */
  FfSession          *session;
  FfRecordRepository *repository;   /* on the session's connection, for pages read in place */
  FfRecordQuery      *query;
  GArray             *rowids;
  GHashTable         *pages;        /* page index -> GPtrArray of FfRecord (maybe placeholders) */
  GHashTable         *pending;      /* pages asked of the reader and not back yet */
  GHashTable         *alive;        /* rowid -> FfRecord handed out and still held somewhere
                                     * (weak), so a row keeps its object: a view's selection
                                     * survives its page being dropped and read again */
  GMutex              alive_lock;   /* the last reference may go in any thread */
  GQueue              page_order;   /* least recently used first, page index + 1 as pointer */
  GCancellable       *reload_cancellable;
  GMainContext       *context;      /* where the model lives and results are delivered */
  GThreadPool        *reader;       /* one thread reading pages on a connection of its own */
  FfStore            *reader_store; /* used by that thread only */
  guint               generation;   /* bumped by each reload; stale results are dropped */
  gboolean            loading;
  gboolean            async_pages;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FfRecordListModel, ff_record_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void touch_page (FfRecordListModel *self,
                        guint              page);

static void
record_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  FfRecordListModel *self = data;
  gint64 rowid = ff_record_get_rowid (FF_RECORD (where_the_object_was));

  g_mutex_lock (&self->alive_lock);
  if (g_hash_table_lookup (self->alive, &rowid) == where_the_object_was)
    g_hash_table_remove (self->alive, &rowid);
  g_mutex_unlock (&self->alive_lock);
}

static void
forget_alive (FfRecordListModel *self)
{
  GHashTableIter iter;
  gpointer record;

  g_mutex_lock (&self->alive_lock);
  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    g_object_weak_unref (record, record_gone_cb, self);
  g_hash_table_remove_all (self->alive);
  g_mutex_unlock (&self->alive_lock);
}

/* The object for @rowid: the one a view still holds, or a new placeholder (its rowid, no id)
 * to be filled when its page has been read. */
static FfRecord *
record_for_rowid (FfRecordListModel *self,
                  gint64             rowid)
{
  FfRecord *record;

  g_mutex_lock (&self->alive_lock);
  record = g_hash_table_lookup (self->alive, &rowid);
  if (record != NULL)
    g_object_ref (record);
  else
    {
      gint64 *key = g_new (gint64, 1);

      record = ff_record_new (self->kind);
      _ff_record_set_meta (record, NULL, rowid, 0);
      *key = rowid;
      g_hash_table_insert (self->alive, key, record);
      g_object_weak_ref (G_OBJECT (record), record_gone_cb, self);
    }
  g_mutex_unlock (&self->alive_lock);
  return record;
}

/* @records (read elsewhere) become page @page, the objects of their rows from now on. */
static void
install_page (FfRecordListModel *self,
              guint              page,
              GPtrArray         *records)
{
  g_mutex_lock (&self->alive_lock);
  for (guint i = 0; i < records->len; i++)
    {
      FfRecord *record = g_ptr_array_index (records, i);
      gint64 *key = g_new (gint64, 1);

      *key = ff_record_get_rowid (record);
      g_hash_table_insert (self->alive, key, record);
      g_object_weak_ref (G_OBJECT (record), record_gone_cb, self);
    }
  g_mutex_unlock (&self->alive_lock);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (records));
  touch_page (self, page);
}

static GPtrArray *
placeholder_page (FfRecordListModel *self,
                  guint              page,
                  gboolean          *out_complete)
{
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - start);
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  *out_complete = TRUE;
  for (guint i = 0; i < n; i++)
    {
      FfRecord *record = record_for_rowid (self, g_array_index (self->rowids, gint64, start + i));

      *out_complete = *out_complete && !ff_record_list_model_is_placeholder (record);
      g_ptr_array_add (records, record);
    }
  return records;
}

/* Page reads ------------------------------------------------------------------------------ */

typedef struct
{
  FfRecordListModel *self;       /* a reference, for the delivery in the model's context */
  guint              generation;
  guint              page;
  GArray            *rowids;
  GPtrArray         *records;    /* the result, NULL when it could not be read */
} PageRead;

static void
page_read_free (PageRead *read)
{
  g_object_unref (read->self);
  g_array_unref (read->rowids);
  g_clear_pointer (&read->records, g_ptr_array_unref);
  g_free (read);
}

static void
touch_page (FfRecordListModel *self,
            guint              page)
{
  g_queue_remove (&self->page_order, GUINT_TO_POINTER (page + 1));
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page + 1));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    {
      guint evict = GPOINTER_TO_UINT (g_queue_pop_head (&self->page_order)) - 1;
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (evict));
    }
}

/* In the model's context: the placeholders take the values read, and say so ("loaded"). The
 * objects stay the same, so a view keeps its selection. */
static gboolean
page_delivered_cb (gpointer user_data)
{
  PageRead *read = user_data;
  FfRecordListModel *self = read->self;
  GPtrArray *page;

  if (read->generation != self->generation)
    return G_SOURCE_REMOVE;
  g_hash_table_remove (self->pending, GUINT_TO_POINTER (read->page));
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (read->page));
  /* Evicted meanwhile (its records, if still held, wait for their next request), or unreadable
   * (the session locked, the rows deleted elsewhere): the placeholders stay until the next
   * reload. */
  if (page == NULL || read->records == NULL || read->records->len != page->len)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < page->len; i++)
    {
      FfRecord *target = g_ptr_array_index (page, i);
      FfRecord *loaded = g_ptr_array_index (read->records, i);

      if (ff_record_list_model_is_placeholder (target)
          && ff_record_get_rowid (target) == ff_record_get_rowid (loaded))
        _ff_record_fill (target, loaded);
    }
  return G_SOURCE_REMOVE;
}

static void
reader_thread (gpointer data,
               gpointer user_data)
{
  PageRead *read = data;
  FfRecordListModel *self = read->self;
  g_autoptr (GError) error = NULL;

  if (read->generation == (guint) g_atomic_int_get (&self->generation))
    {
      if (self->reader_store == NULL)
        self->reader_store = ff_session_open_store (self->session, &error);
      if (self->reader_store != NULL)
        {
          g_autoptr (FfRecordRepository) repo = ff_record_repository_new (self->reader_store,
                                                                          self->kind);
          read->records = ff_record_repository_load_rowids (repo, (gint64 *) read->rowids->data,
                                                            read->rowids->len, &error);
        }
      if (read->records == NULL)
        g_debug ("could not read page %u of %s: %s", read->page, self->kind->name,
                 error ? error->message : "no connection");
    }
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, page_delivered_cb, read,
                              (GDestroyNotify) page_read_free);
}

static void
request_page (FfRecordListModel *self,
              guint              page)
{
  PageRead *read;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - start);

  if (g_hash_table_contains (self->pending, GUINT_TO_POINTER (page)))
    return;
  g_hash_table_add (self->pending, GUINT_TO_POINTER (page));
  if (self->reader == NULL)
    self->reader = g_thread_pool_new (reader_thread, NULL, 1, TRUE, NULL);
  read = g_new0 (PageRead, 1);
  read->self = g_object_ref (self);
  read->generation = self->generation;
  read->page = page;
  read->rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (read->rowids, &g_array_index (self->rowids, gint64, start), n);
  g_thread_pool_push (self->reader, read, NULL);
}

/* Read in place, for models reloaded without a main loop (the CLI, tests). */
static GPtrArray *
load_page (FfRecordListModel *self,
           guint              page)
{
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - start);
  g_autoptr (GError) error = NULL;
  GPtrArray *records = NULL;

  if (self->repository != NULL)
    records = ff_record_repository_load_rowids (self->repository,
                                                &g_array_index (self->rowids, gint64, start), n,
                                                &error);
  if (records == NULL)
    {
      gboolean complete;

      g_debug ("could not read page %u of %s: %s", page, self->kind->name,
               error ? error->message : "no connection");
      records = placeholder_page (self, page, &complete);
    }
  return records;
}

/* GListModel ------------------------------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return FF_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return FF_RECORD_LIST_MODEL (model)->rowids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->rowids->len)
    return NULL;
  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    {
      /* A view asks for rows as they scroll into sight: never wait for the database here. */
      if (self->async_pages)
        {
          gboolean complete;

          records = placeholder_page (self, page, &complete);
          if (!complete)
            request_page (self, page);
        }
      else
        records = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
    }
  touch_page (self, page);
  return g_object_ref (g_ptr_array_index (records, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
ff_record_list_model_dispose (GObject *object)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (object);

  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);

  G_OBJECT_CLASS (ff_record_list_model_parent_class)->dispose (object);
}

static void
ff_record_list_model_finalize (GObject *object)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (object);

  /* Every page read holds a reference: none is queued or running now. */
  if (self->reader != NULL)
    g_thread_pool_free (self->reader, TRUE, TRUE);
  g_clear_object (&self->reader_store);
  g_clear_object (&self->repository);
  g_clear_object (&self->session);
  g_clear_pointer (&self->query, ff_record_query_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  forget_alive (self);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_mutex_clear (&self->alive_lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (ff_record_list_model_parent_class)->finalize (object);
}

static void
ff_record_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rowids->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_record_list_model_class_init (FfRecordListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ff_record_list_model_dispose;
  object_class->finalize = ff_record_list_model_finalize;
  object_class->get_property = ff_record_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * FfRecordListModel:loading:
   *
   * A query runs: the items are the first ones found, and more may follow.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ff_record_list_model_init (FfRecordListModel *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new (NULL, NULL);
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_mutex_init (&self->alive_lock);
  self->query = ff_record_query_new ();
  self->context = g_main_context_ref_thread_default ();
  g_queue_init (&self->page_order);
}

FfRecordListModel *
ff_record_list_model_new (FfSession    *session,
                          const FfKind *kind)
{
  FfRecordListModel *self;
  FfStore *store;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_RECORD_LIST_MODEL, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  self->query->sort_field = g_strdup (kind->default_sort);
  store = ff_session_get_store (session);
  if (store != NULL)
    self->repository = ff_record_repository_new (store, kind);
  return self;
}

const FfKind *
ff_record_list_model_get_kind (FfRecordListModel *self)
{
  g_return_val_if_fail (FF_IS_RECORD_LIST_MODEL (self), NULL);
  return self->kind;
}

const FfRecordQuery *
ff_record_list_model_get_query (FfRecordListModel *self)
{
  g_return_val_if_fail (FF_IS_RECORD_LIST_MODEL (self), NULL);
  return self->query;
}

gboolean
ff_record_list_model_get_loading (FfRecordListModel *self)
{
  g_return_val_if_fail (FF_IS_RECORD_LIST_MODEL (self), FALSE);
  return self->loading;
}

gboolean
ff_record_list_model_is_placeholder (FfRecord *record)
{
  g_return_val_if_fail (FF_IS_RECORD (record), FALSE);
  return ff_record_get_id (record) == NULL;
}

int
ff_record_list_model_find_rowid (FfRecordListModel *self,
                                 gint64             rowid)
{
  g_return_val_if_fail (FF_IS_RECORD_LIST_MODEL (self), -1);

  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return (int) i;
  return -1;
}

/* Reloading ------------------------------------------------------------------------------- */

static void
set_loading (FfRecordListModel *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The selection becomes @rowids: the whole new list, or (with @extend) the same list with more
 * rows at its end, as a query still running finds them. @first_page (of a new list, or NULL)
 * holds its first rows, already read. */
static void
swap_in (FfRecordListModel   *self,
         GArray              *rowids,
         gboolean             extend,
         const FfRecordQuery *query,
         GPtrArray           *first_page)
{
  guint old_n = self->rowids->len;

  g_array_unref (self->rowids);
  self->rowids = g_array_ref (rowids);
  if (!extend)
    {
      /* A new list reads every record again: what changed since shows. */
      g_hash_table_remove_all (self->pages);
      g_hash_table_remove_all (self->pending);
      g_queue_clear (&self->page_order);
      forget_alive (self);
      if (query != self->query)
        {
          ff_record_query_free (self->query);
          self->query = ff_record_query_copy (query);
        }
      /* Before the views hear of the change: they ask for their rows at once, and must get
       * these, not placeholders that nothing would fill. */
      if (first_page != NULL)
        install_page (self, 0, first_page);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, rowids->len);
    }
  else
    {
      /* The last page may have been short. */
      guint last = old_n > 0 ? (old_n - 1) / PAGE_SIZE : 0;
      if (old_n % PAGE_SIZE != 0 && g_hash_table_remove (self->pages, GUINT_TO_POINTER (last)))
        {
          g_hash_table_remove (self->pending, GUINT_TO_POINTER (last));
          g_queue_remove (&self->page_order, GUINT_TO_POINTER (last + 1));
        }
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, rowids->len - old_n);
    }
  if (old_n != rowids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  FfRecordListModel *self;      /* a reference */
  FfSession         *session;
  const FfKind      *kind;
  FfRecordQuery     *query;
  guint              generation;
  guint              delivered; /* partial results handed over so far */
  GPtrArray         *first_page; /* read with the result when no partial one came */
  FfRecordRepository *repository; /* the worker's, while the query runs */
  GCancellable      *caller_cancellable;
  gulong             caller_handler;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  if (data->caller_handler != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_pointer (&data->first_page, g_ptr_array_unref);
  g_object_unref (data->self);
  g_object_unref (data->session);
  ff_record_query_free (data->query);
  g_free (data);
}

typedef struct
{
  ReloadData *data;
  GArray     *rowids;
  gboolean    first;
  GPtrArray  *first_page;  /* with the first: its records, so the list opens on them */
} Partial;

static void
partial_free (Partial *partial)
{
  g_array_unref (partial->rowids);
  g_clear_pointer (&partial->first_page, g_ptr_array_unref);
  g_free (partial);
}

/* In the worker: the records of the first page of @rowids, read with the result so a list (or
 * a detail's few related records) opens on them without a second trip. */
static GPtrArray *
read_first_page (FfRecordRepository *repository,
                 GArray             *rowids)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records;

  if (repository == NULL || rowids->len == 0)
    return NULL;
  records = ff_record_repository_load_rowids (repository, (gint64 *) rowids->data,
                                              MIN (rowids->len, PAGE_SIZE), &error);
  if (records == NULL)
    g_debug ("could not read the first page: %s", error->message);
  return records;
}

/* In the model's context: the first rows found show while the query goes on. */
static gboolean
partial_delivered_cb (gpointer user_data)
{
  Partial *partial = user_data;
  FfRecordListModel *self = partial->data->self;

  if (partial->data->generation == self->generation)
    {
      swap_in (self, partial->rowids, !partial->first, partial->data->query,
               partial->first_page);
    }
  return G_SOURCE_REMOVE;
}

static void
partial_cb (GArray   *rowids,
            gpointer  user_data)
{
  ReloadData *data = user_data;
  Partial *partial = g_new0 (Partial, 1);

  partial->data = data;
  partial->rowids = g_array_copy (rowids);
  partial->first = data->delivered++ == 0;
  if (partial->first)
    partial->first_page = read_first_page (data->repository, rowids);
  /* The reload's task keeps @data alive until its own result, which comes after this. */
  g_main_context_invoke_full (data->self->context, G_PRIORITY_DEFAULT, partial_delivered_cb,
                              partial, (GDestroyNotify) partial_free);
}

static GArray *
run_query (FfSession            *session,
           const FfKind         *kind,
           const FfRecordQuery  *query,
           ReloadData           *data,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr (FfStore) store = ff_session_open_store (session, error);
  g_autoptr (FfRecordRepository) repository = NULL;
  GArray *rowids;

  if (store == NULL)
    return NULL;
  repository = ff_record_repository_new (store, kind);
  if (data == NULL)
    return ff_record_repository_query_rowids (repository, query, cancellable, error);
  data->repository = repository;
  rowids = ff_record_repository_query_rowids_partial (repository, query, partial_cb, data,
                                                      cancellable, error);
  if (rowids != NULL && data->delivered == 0)
    data->first_page = read_first_page (repository, rowids);
  data->repository = NULL;
  return rowids;
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReloadData *data = task_data;
  GError *error = NULL;
  GArray *rowids;

  rowids = run_query (data->session, data->kind, data->query, data, cancellable, &error);
  if (rowids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rowids, (GDestroyNotify) g_array_unref);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (object);
  g_autoptr (GTask) outer = user_data;
  ReloadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GArray) rowids = NULL;
  GError *error = NULL;

  rowids = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer reload owns the model now; this result is stale. */
  if (data->generation != self->generation)
    {
      g_clear_error (&error);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "superseded by a newer query");
      return;
    }
  set_loading (self, FALSE);
  if (rowids == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  swap_in (self, rowids, data->delivered > 0, data->query,
           data->delivered > 0 ? NULL : data->first_page);
  g_task_return_boolean (outer, TRUE);
}

static void
chained_cancel_cb (GCancellable *cancellable,
                   GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

void
ff_record_list_model_reload_async (FfRecordListModel   *self,
                                   const FfRecordQuery *query,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) inner = NULL;
  GTask *outer;
  ReloadData *data;

  g_return_if_fail (FF_IS_RECORD_LIST_MODEL (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ff_record_list_model_reload_async);

  /* The query still running is superseded: stop it rather than let it finish for nothing. */
  if (self->reload_cancellable != NULL)
    g_cancellable_cancel (self->reload_cancellable);
  g_clear_object (&self->reload_cancellable);
  self->reload_cancellable = g_cancellable_new ();

  data = g_new0 (ReloadData, 1);
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (chained_cancel_cb),
                                                    g_object_ref (self->reload_cancellable),
                                                    g_object_unref);
    }
  data->self = g_object_ref (self);
  data->session = g_object_ref (self->session);
  data->kind = self->kind;
  data->query = ff_record_query_copy (query ? query : self->query);
  g_atomic_int_inc (&self->generation);
  data->generation = self->generation;
  self->async_pages = TRUE;
  set_loading (self, TRUE);

  inner = g_task_new (self, self->reload_cancellable, reload_done_cb, outer);
  g_task_set_task_data (inner, data, (GDestroyNotify) reload_data_free);
  g_task_run_in_thread (inner, reload_thread);
}

gboolean
ff_record_list_model_reload_finish (FfRecordListModel  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ff_record_list_model_reload (FfRecordListModel    *self,
                             const FfRecordQuery  *query,
                             GError              **error)
{
  g_autoptr (FfRecordQuery) copy = ff_record_query_copy (query ? query : self->query);
  g_autoptr (GArray) rowids = NULL;

  g_return_val_if_fail (FF_IS_RECORD_LIST_MODEL (self), FALSE);

  g_atomic_int_inc (&self->generation);
  rowids = run_query (self->session, self->kind, copy, NULL, NULL, error);
  if (rowids == NULL)
    return FALSE;
  self->async_pages = FALSE;
  set_loading (self, FALSE);
  swap_in (self, rowids, FALSE, copy, NULL);
  return TRUE;
}
