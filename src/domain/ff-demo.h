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

/* Fills an empty tenant with realistic, internally consistent records. The same @seed and
 * @scale give the same records (ids and clocks aside). @scale multiplies the volume of the
 * large kinds; 1.0 is the reference size. */
gboolean ff_demo_populate (FfStore        *store,
                           const FfActor  *actor,
                           guint32         seed,
                           double          scale,
                           GCancellable   *cancellable,
                           GError        **error);

/* Creates the tenant @name (user FF_DEMO_USERNAME, password FF_DEMO_PASSWORD) and fills it; a
 * failure removes it again. */
FfTenantInfo *ff_demo_create (FfVault       *vault,
                              const char    *name,
                              guint32        seed,
                              double         scale,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
