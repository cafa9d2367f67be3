/* ff-demo.h — the deterministic demo data generator (foodflow-cli demo, the app's --demo). */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

#include "ff-actor.h"
#include "ff-store.h"
#include "ff-vault.h"

G_BEGIN_DECLS

#define FF_DEMO_TENANT_NAME "Demo Foods"
#define FF_DEMO_USERNAME "demo"
#define FF_DEMO_PASSWORD "demo"
/* The scale of the demo the app makes on first run: small, complete, made in seconds. */
#define FF_DEMO_APP_SCALE 0.05

/* Fills an empty tenant with realistic, internally consistent records of every kind, in one
 * transaction (a failure or cancellation writes nothing). The same @seed and @scale give the
 * same records (ids and clocks aside) on the same day: dates count from today's local date,
 * and nothing else depends on the clock. @scale multiplies the volume of the large kinds; 1.0
 * is the reference size (about 2.3 million records: a million sensor readings, a million POS
 * sales, 20,000 lots). */
gboolean ff_demo_populate    (FfStore        *store,
                              const FfActor  *actor,
                              guint32         seed,
                              double          scale,
                              GCancellable   *cancellable,
                              GError        **error);
/* The same, with dates counted from @today instead of the local date. */
gboolean ff_demo_populate_at (FfStore        *store,
                              const FfActor  *actor,
                              guint32         seed,
                              double          scale,
                              const GDate    *today,
                              GCancellable   *cancellable,
                              GError        **error);

/* Creates the tenant @name (user FF_DEMO_USERNAME, password FF_DEMO_PASSWORD) and fills it
 * before it is listed; a failure, a cancellation or a killed process leaves no tenant. */
FfTenantInfo *ff_demo_create (FfVault       *vault,
                              const char    *name,
                              guint32        seed,
                              double         scale,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
