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
  FfRecordRepository *repository;   /* on the session's connection, for page reads */
  FfRecordQuery      *query;
  GArray             *rowids;
  GHashTable         *pages;        /* page index -> GPtrArray of FfRecord */
  GQueue              page_order;   /* least recently used first, page index as pointer */
  guint               generation;   /* bumped by each reload; stale results are dropped */
  gboolean            loading;
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

static GPtrArray *
load_page (FfRecordListModel *self,
           guint              page)
{
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - start);
  const gint64 *rowids = &g_array_index (self->rowids, gint64, start);
  g_autoptr (GError) error = NULL;
  GPtrArray *records = NULL;

  if (self->repository != NULL)
    records = ff_record_repository_load_rowids (self->repository, rowids, n, &error);
  if (records == NULL)
    {
      /* The row went away (deleted elsewhere, or the session was locked): show an empty row
       * until the next reload rather than break the view's item count. */
      g_debug ("could not read page %u of %s: %s", page, self->kind->name,
               error ? error->message : "no connection");
      records = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          FfRecord *empty = ff_record_new (self->kind);
          _ff_record_set_meta (empty, NULL, rowids[i], 0);
          g_ptr_array_add (records, empty);
        }
    }
  return records;
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

static void
ff_record_list_model_finalize (GObject *object)
{
  FfRecordListModel *self = FF_RECORD_LIST_MODEL (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->session);
  g_clear_pointer (&self->query, ff_record_query_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
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

  object_class->finalize = ff_record_list_model_finalize;
  object_class->get_property = ff_record_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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
  self->query = ff_record_query_new ();
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

static void
set_loading (FfRecordListModel *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
swap_in (FfRecordListModel   *self,
         GArray              *rowids,
         const FfRecordQuery *query)
{
  guint old_n = self->rowids->len;

  g_array_unref (self->rowids);
  self->rowids = g_array_ref (rowids);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  if (query != self->query)
    {
      ff_record_query_free (self->query);
      self->query = ff_record_query_copy (query);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, rowids->len);
  if (old_n != rowids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  FfSession     *session;
  const FfKind  *kind;
  FfRecordQuery *query;
  guint          generation;
} ReloadData;

static void
reload_data_free (ReloadData *data)
{
  g_object_unref (data->session);
  ff_record_query_free (data->query);
  g_free (data);
}

static GArray *
run_query (FfSession            *session,
           const FfKind         *kind,
           const FfRecordQuery  *query,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr (FfStore) store = ff_session_open_store (session, error);
  g_autoptr (FfRecordRepository) repository = NULL;

  if (store == NULL)
    return NULL;
  repository = ff_record_repository_new (store, kind);
  return ff_record_repository_query_rowids (repository, query, cancellable, error);
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

  rowids = run_query (data->session, data->kind, data->query, cancellable, &error);
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
  if (data->generation == self->generation)
    set_loading (self, FALSE);
  if (rowids == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* A newer reload owns the model now; this result is stale. */
  if (data->generation != self->generation)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "superseded by a newer query");
      return;
    }
  swap_in (self, rowids, data->query);
  g_task_return_boolean (outer, TRUE);
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

  data = g_new0 (ReloadData, 1);
  data->session = g_object_ref (self->session);
  data->kind = self->kind;
  data->query = ff_record_query_copy (query ? query : self->query);
  data->generation = ++self->generation;
  set_loading (self, TRUE);

  inner = g_task_new (self, cancellable, reload_done_cb, outer);
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

  self->generation++;
  rowids = run_query (self->session, self->kind, copy, NULL, error);
  if (rowids == NULL)
    return FALSE;
  swap_in (self, rowids, copy);
  return TRUE;
}
