/* ff-session.h — an unlocked tenant: who is signed in, their role, and the data key. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-role.h"
#include "ff-store.h"
#include "ff-tenant-info.h"

G_BEGIN_DECLS

#define FF_TYPE_SESSION (ff_session_get_type ())
G_DECLARE_FINAL_TYPE (FfSession, ff_session, FF, SESSION, GObject)

/* crypto_box_PUBLICKEYBYTES / SECRETKEYBYTES of libsodium. */
#define FF_SESSION_PUBLIC_KEY_SIZE 32
#define FF_SESSION_SECRET_KEY_SIZE 32

/* Made by FfVault on a successful unlock; takes ownership of @key and @secret_key
 * (sodium_malloc'd; @public_key and @secret_key may be NULL when the user has no key pair). */
FfSession          *_ff_session_new            (const FfTenantInfo *tenant,
                                                const char         *username,
                                                FfRole              role,
                                                guint8             *key,
                                                const guint8       *public_key,
                                                guint8             *secret_key,
                                                FfStore            *store);

const FfTenantInfo *ff_session_get_tenant      (FfSession *self);
const char         *ff_session_get_username    (FfSession *self);
FfRole              ff_session_get_role        (FfSession *self);
gboolean            ff_session_is_locked       (FfSession *self);
/* The connection opened at unlock, for the thread that owns the session. */
FfStore            *ff_session_get_store       (FfSession *self);
/* A new connection for another thread (a worker). Fails with FF_VAULT_ERROR_LOCKED once the
 * session is locked. */
FfStore            *ff_session_open_store      (FfSession  *self,
                                                GError    **error);
/* Wipes the data key and closes the session's connection. Connections already handed out keep
 * working until their owners drop them; no new ones can be opened. Emits "locked". */
void                ff_session_lock            (FfSession *self);
/* For FfVault: the data key, to seal it for another user. NULL when locked. */
const guint8       *_ff_session_peek_key       (FfSession *self);
/* For FfVault, after a re-key: the new data key (sodium_malloc'd; taken over, or freed when
 * the session is locked). */
void                _ff_session_set_key        (FfSession *self,
                                                guint8    *key);
/* For FfVault: the user's key pair, NULL when locked or when the user has none. */
const guint8       *_ff_session_peek_public_key (FfSession *self);
const guint8       *_ff_session_peek_secret_key (FfSession *self);
/* For FfVault, after a password change: the user's new key pair (@secret_key taken over). */
void                _ff_session_set_user_keys  (FfSession    *self,
                                                const guint8 *public_key,
                                                guint8       *secret_key);

G_END_DECLS
