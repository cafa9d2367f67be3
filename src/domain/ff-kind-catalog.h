/* ff-kind-catalog.h — every record kind of the product, in import order, and lookups over
 * them. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

/* All kinds, in an order in which importing them one by one into an empty tenant works. */
const FfKind  *const *ff_kinds_get_all       (guint *n_kinds);
/* The kind named @name ("lots"), or NULL. */
const FfKind        *ff_kind_lookup          (const char *name);
/* The kinds with a reference field pointing at @kind, as (kind, field) pairs: the related
 * records a detail view lists. Returns the number of pairs. */
guint                ff_kind_get_referrers   (const FfKind    *kind,
                                              const FfKind   **out_kinds,
                                              const FfField  **out_fields,
                                              guint            max);

G_END_DECLS
