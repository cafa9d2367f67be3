/* ff-epcis-writer.c — the EPCIS document written out: json-glib builds each event, and the
 * document is streamed event by event, so a large tenant's export needs no whole tree. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-domain"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ff-clock.h"
#include "ff-epcis-private.h"

#define EPCIS_CONTEXT "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
#define FF_NAMESPACE "https://foodflow.example/epcis/"
#define MDA_DESCRIPTION "urn:epcglobal:cbv:mda#descriptionShort"
#define MDA_NAME "urn:epcglobal:cbv:mda#name"
#define FLUSH_BYTES (64 * 1024)

static void
format_offset (int  offset,
               char buf[8])
{
  int minutes = ABS (offset) / 60;
  g_snprintf (buf, 8, "%c%02d:%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

static void
add_member_string (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_location (JsonBuilder *b,
              const char  *member,
              const char  *uri)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  add_member_string (b, "id", uri);
  json_builder_end_object (b);
}

static void
add_quantities (JsonBuilder *b,
                const char  *member,
                GArray      *list)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      const Quantity *q = &g_array_index (list, Quantity, i);

      json_builder_begin_object (b);
      add_member_string (b, "epcClass", q->epc_class);
      if (q->has_quantity)
        {
          json_builder_set_member_name (b, "quantity");
          if (q->quantity == floor (q->quantity) && fabs (q->quantity) < 1e15)
            json_builder_add_int_value (b, (gint64) q->quantity);
          else
            json_builder_add_double_value (b, q->quantity);
          if (q->uom != NULL)
            add_member_string (b, "uom", q->uom);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_party (JsonBuilder *b,
           const char  *list,
           const char  *member,
           const char  *uri)
{
  json_builder_set_member_name (b, list);
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_member_string (b, "type", "location");
  add_member_string (b, member, uri);
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static JsonNode *
event_to_json (const Event *ev)
{
  static const char *const biz_steps[] = {
    [EV_RECEIVING] = "receiving", [EV_COMMISSIONING] = "commissioning",
    [EV_TRANSFORMATION] = "commissioning", [EV_SHIPPING] = "shipping",
  };
  static const char *const dispositions[] = {
    [EV_RECEIVING] = "in_progress", [EV_COMMISSIONING] = "active",
    [EV_TRANSFORMATION] = "active", [EV_SHIPPING] = "in_transit",
  };
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_utc (ev->time + ev->offset);
  g_autofree char *wall = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *time = NULL;
  char offset[8];

  format_offset (ev->offset, offset);
  time = g_strconcat (wall, offset, NULL);
  json_builder_begin_object (b);
  add_member_string (b, "type", ev->kind == EV_TRANSFORMATION ? "TransformationEvent"
                                                              : "ObjectEvent");
  add_member_string (b, "eventID", ev->event_id);
  add_member_string (b, "eventTime", time);
  add_member_string (b, "eventTimeZoneOffset", offset);
  if (ev->kind != EV_TRANSFORMATION)
    add_member_string (b, "action", ev->kind == EV_COMMISSIONING ? "ADD" : "OBSERVE");
  add_member_string (b, "bizStep", biz_steps[ev->kind]);
  add_member_string (b, "disposition", dispositions[ev->kind]);
  if (ev->kind == EV_TRANSFORMATION)
    {
      add_quantities (b, "inputQuantityList", ev->inputs);
      add_quantities (b, "outputQuantityList", ev->quantities);
    }
  else
    add_quantities (b, "quantityList", ev->quantities);
  add_location (b, "readPoint", ev->location);
  /* What has shipped is on its way: no business location until it is received. */
  if (ev->kind != EV_SHIPPING)
    add_location (b, "bizLocation", ev->location);
  if (ev->transactions->len > 0)
    {
      json_builder_set_member_name (b, "bizTransactionList");
      json_builder_begin_array (b);
      for (guint i = 0; i < ev->transactions->len; i++)
        {
          const Transaction *t = &g_array_index (ev->transactions, Transaction, i);
          json_builder_begin_object (b);
          if (t->type != NULL)
            add_member_string (b, "type", t->type);
          add_member_string (b, "bizTransaction", t->id);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (ev->source != NULL)
    add_party (b, "sourceList", "source", ev->source);
  if (ev->destination != NULL)
    add_party (b, "destinationList", "destination", ev->destination);
  if ((ev->kind == EV_COMMISSIONING || ev->kind == EV_TRANSFORMATION)
      && (ev->best_before != NULL || ev->tlc_source != NULL))
    {
      json_builder_set_member_name (b, "ilmd");
      json_builder_begin_object (b);
      if (ev->best_before != NULL)
        add_member_string (b, "cbvmda:bestBeforeDate", ev->best_before);
      if (ev->tlc_source != NULL)
        add_member_string (b, "ff:tlcSource", ev->tlc_source);
      json_builder_end_object (b);
    }
  for (guint i = 0; i + 1 < ev->kdes->len; i += 2)
    add_member_string (b, ev->kdes->pdata[i], ev->kdes->pdata[i + 1]);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Appends @json, indented by @indent after every line break, "key": value rather than
 * json-glib's "key" : value, and its fractional numbers in the shortest form that reads back
 * the same: json-glib 1.6 prints doubles with "%.17g", so 12.345 would come out as
 * 12.345000000000001. */
static void
append_json (GString    *out,
             const char *json,
             const char *indent)
{
  const char *p = json;

  while (*p)
    {
      /* Copy what needs nothing up to the next string, line break, space or number. */
      gsize run = strcspn (p, "\"\n -0123456789");

      g_string_append_len (out, p, run);
      p += run;
      if (*p == '"')
        {
          const char *end = p + 1;

          while (*end && *end != '"')
            end += *end == '\\' && end[1] ? 2 : 1;
          if (*end == '"')
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '\n')
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          p++;
        }
      else if (*p == ' ')
        {
          /* json-glib writes "key" : value */
          if (p[1] != ':')
            g_string_append_c (out, ' ');
          p++;
        }
      else if (*p != '\0')
        {
          gsize n = strspn (p, "0123456789+-.eE");
          char token[G_ASCII_DTOSTR_BUF_SIZE];
          gboolean fraction = FALSE;

          for (gsize k = 0; k < n; k++)
            fraction = fraction || p[k] == '.' || p[k] == 'e' || p[k] == 'E';
          if (fraction && n < sizeof token)
            {
              double value;
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              memcpy (token, p, n);
              token[n] = '\0';
              value = g_ascii_strtod (token, NULL);

              for (int precision = 1; precision <= 17; precision++)
                {
                  char format[8];

                  g_snprintf (format, sizeof format, "%%.%dg", precision);
                  g_ascii_formatd (buf, sizeof buf, format, value);
                  if (g_ascii_strtod (buf, NULL) == value)
                    break;
                }
              g_string_append (out, buf);
            }
          else
            g_string_append_len (out, p, n);
          p += n;
        }
    }
}

static gboolean
flush (GString       *buf,
       GOutputStream *out,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  if (buf->len == 0 || (!force && buf->len < FLUSH_BYTES))
    return TRUE;
  if (!g_output_stream_write_all (out, buf->str, buf->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buf, 0);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* One master-data vocabulary: every id of @table (sorted) with its one attribute. */
static void
add_vocabulary (JsonBuilder *b,
                const char  *type,
                GHashTable  *table,
                const char  *attribute)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);

  if (ids->len == 0)
    return;
  g_ptr_array_sort (ids, compare_strings);
  json_builder_begin_object (b);
  add_member_string (b, "type", type);
  json_builder_set_member_name (b, "vocabularyElementList");
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      json_builder_begin_object (b);
      add_member_string (b, "id", ids->pdata[i]);
      json_builder_set_member_name (b, "attributes");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_member_string (b, "id", attribute);
      add_member_string (b, "attribute", g_hash_table_lookup (table, ids->pdata[i]));
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* The document up to its event list, without the closing brace. */
static char *
document_head (GHashTable *classes,
               GHashTable *places)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GDateTime) now = ff_clock_now ();
  g_autofree char *created = ff_clock_format_utc (now);
  g_autoptr (JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "@context");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, EPCIS_CONTEXT);
  json_builder_begin_object (b);
  add_member_string (b, "ff", FF_NAMESPACE);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_member_string (b, "type", "EPCISDocument");
  add_member_string (b, "schemaVersion", "2.0");
  add_member_string (b, "creationDate", created);
  if (g_hash_table_size (classes) + g_hash_table_size (places) > 0)
    {
      json_builder_set_member_name (b, "epcisHeader");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "epcisMasterData");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "vocabularyList");
      json_builder_begin_array (b);
      add_vocabulary (b, "urn:epcglobal:epcis:vtype:EPCClass", classes, MDA_DESCRIPTION);
      add_vocabulary (b, "urn:epcglobal:epcis:vtype:BusinessLocation", places, MDA_NAME);
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  /* The body follows: drop the closing brace and the line break before it. */
  *strrchr (text, '}') = '\0';
  return g_strchomp (text);
}

gboolean
_ff_epcis_write (GPtrArray      *events,
                 GHashTable     *classes,
                 GHashTable     *places,
                 GOutputStream  *out,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr (GString) buf = g_string_sized_new (FLUSH_BYTES + 4096);
  g_autofree char *head = document_head (classes, places);
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  append_json (buf, head, "");
  g_string_append (buf, ",\n  \"epcisBody\": {\n    \"eventList\": [");
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr (JsonNode) node = event_to_json (events->pdata[i]);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, NULL);
      g_string_append (buf, i == 0 ? "\n      " : ",\n      ");
      append_json (buf, text, "      ");
      if (!flush (buf, out, FALSE, cancellable, error))
        return FALSE;
    }
  g_string_append (buf, events->len > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
  return flush (buf, out, TRUE, cancellable, error);
}
