/* ff-kinds-private.h — the kind descriptions each workspace module defines. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-kind.h"

G_BEGIN_DECLS

extern const FfKind ff_kind_lines;
extern const FfKind ff_kind_suppliers;
extern const FfKind ff_kind_forecasts;
extern const FfKind ff_kind_skus;
extern const FfKind ff_kind_stores;

G_END_DECLS
