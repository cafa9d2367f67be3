/* ff-error.c — FoodFlow's GError domains. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-error.h"

G_DEFINE_QUARK (ff-error-quark, ff_error)
G_DEFINE_QUARK (ff-vault-error-quark, ff_vault_error)
G_DEFINE_QUARK (ff-store-error-quark, ff_store_error)
