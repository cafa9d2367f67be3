/* ff-epcis-private.h — the events of an EPCIS export as ff-epcis.c collects them and
 * ff-epcis-writer.c writes them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-epcis.h"

G_BEGIN_DECLS

typedef enum {
  /* At one instant, the order in which the events happen. */
  EV_RECEIVING,
  EV_COMMISSIONING,
  EV_TRANSFORMATION,
  EV_SHIPPING,
} EventKind;

typedef struct
{
  const char *epc_class;  /* interned in Export.strings */
  double      quantity;
  const char *uom;        /* static, or NULL for a count of items */
  gboolean    has_quantity;
} Quantity;

typedef struct
{
  const char *type;       /* static bare word, or NULL */
  char       *id;
} Transaction;

typedef struct
{
  EventKind   kind;
  gint64      time;       /* Unix seconds, UTC */
  int         offset;     /* seconds east of UTC at @time in the site's zone */
  char       *key;        /* the record's code: a stable order at one instant */
  char       *event_id;
  const char *location;   /* interned */
  const char *source;     /* interned, or NULL */
  const char *destination;
  GArray     *inputs;     /* Quantity: a transformation's */
  GArray     *quantities; /* Quantity: an object event's, or a transformation's outputs */
  GArray     *transactions;
  char       *best_before;
  char       *tlc_source; /* ILMD of commissioning and transformation */
  GPtrArray  *kdes;       /* "ff:name", value, "ff:name", value, ... */
} Event;

/* Writes the EPCISDocument of @events (sorted), with the master data of @classes (class URI ->
 * description) and @places (location URI -> name). */
gboolean _ff_epcis_write (GPtrArray      *events,
                          GHashTable     *classes,
                          GHashTable     *places,
                          GOutputStream  *out,
                          GCancellable   *cancellable,
                          GError        **error);

G_END_DECLS
