/* ff-error.h — FoodFlow's GError domains and codes. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FF_ERROR (ff_error_quark ())
#define FF_VAULT_ERROR (ff_vault_error_quark ())
#define FF_STORE_ERROR (ff_store_error_quark ())

/* General errors of the domain and service layers. */
typedef enum {
  FF_ERROR_FAILED,
  FF_ERROR_INVALID,      /* bad input: a field value, an argument, a file */
  FF_ERROR_NOT_FOUND,    /* a named record, tenant, user or kind does not exist */
  FF_ERROR_EXISTS,       /* a unique name or code is already taken */
  FF_ERROR_PERMISSION,   /* the user's role does not allow this */
} FfError;

/* Errors about keys, passwords and the tenant registry. */
typedef enum {
  FF_VAULT_ERROR_FAILED,
  FF_VAULT_ERROR_AUTH,          /* wrong user name or password */
  FF_VAULT_ERROR_NO_TENANT,
  FF_VAULT_ERROR_NO_USER,
  FF_VAULT_ERROR_WEAK_PASSWORD,
  FF_VAULT_ERROR_LOCKED,        /* the session has been locked; its key is gone */
  FF_VAULT_ERROR_OLD_KEYS,      /* some users' keys are of the first format: no re-key yet */
} FfVaultError;

/* Errors of the encrypted database. */
typedef enum {
  FF_STORE_ERROR_FAILED,
  FF_STORE_ERROR_SQL,
  FF_STORE_ERROR_MIGRATION,
  FF_STORE_ERROR_NOT_A_DATABASE, /* wrong key or not a tenant file */
  FF_STORE_ERROR_CONSTRAINT,
  FF_STORE_ERROR_BUSY,           /* another connection has the file open or locked */
  FF_STORE_ERROR_NO_SPACE,       /* not enough free disk space for the operation */
} FfStoreError;

GQuark ff_error_quark (void);
GQuark ff_vault_error_quark (void);
GQuark ff_store_error_quark (void);

G_END_DECLS
