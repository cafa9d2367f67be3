/* ff-session.c — an unlocked tenant: who is signed in, their role, and the data key. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "ff-error.h"
#include "ff-session.h"

struct _FfSession
{
  GObject       parent_instance;

  /* owned */
  FfTenantInfo *tenant;
  char         *username;
  FfRole        role;
  guint8       *key;    /* sodium_malloc'd, FF_STORE_KEY_SIZE bytes; NULL once locked */
  /* The user's key pair (the secret half sodium_malloc'd, NULL once locked or if the user has
   * none yet), to open the data key of another generation. */
  guint8        public_key[FF_SESSION_PUBLIC_KEY_SIZE];
  guint8       *secret_key;
  FfStore      *store;
  /* Workers open connections with the key while the main thread may lock the session. */
  GMutex        key_lock;
};

G_DEFINE_FINAL_TYPE (FfSession, ff_session, G_TYPE_OBJECT)

enum {
  SIGNAL_LOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wipe_key (FfSession *self)
{
  g_mutex_lock (&self->key_lock);
  /* sodium_free() wipes before it frees. */
  g_clear_pointer (&self->key, sodium_free);
  g_clear_pointer (&self->secret_key, sodium_free);
  g_mutex_unlock (&self->key_lock);
}

static void
ff_session_finalize (GObject *object)
{
  FfSession *self = FF_SESSION (object);

  wipe_key (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tenant, ff_tenant_info_free);
  g_clear_pointer (&self->username, g_free);
  g_mutex_clear (&self->key_lock);

  G_OBJECT_CLASS (ff_session_parent_class)->finalize (object);
}

static void
ff_session_class_init (FfSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_session_finalize;

  /**
   * FfSession::locked:
   *
   * The key has been wiped; whoever shows the tenant's data should hide it.
   */
  signals[SIGNAL_LOCKED] = g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ff_session_init (FfSession *self)
{
  g_mutex_init (&self->key_lock);
}

FfSession *
_ff_session_new (const FfTenantInfo *tenant,
                 const char         *username,
                 FfRole              role,
                 guint8             *key,
                 const guint8       *public_key,
                 guint8             *secret_key,
                 FfStore            *store)
{
  FfSession *self = g_object_new (FF_TYPE_SESSION, NULL);

  self->tenant = ff_tenant_info_copy (tenant);
  self->username = g_strdup (username);
  self->role = role;
  self->key = key;
  _ff_session_set_user_keys (self, public_key, secret_key);
  self->store = g_object_ref (store);
  return self;
}

const FfTenantInfo *
ff_session_get_tenant (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->tenant;
}

const char *
ff_session_get_username (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->username;
}

FfRole
ff_session_get_role (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), FF_ROLE_VIEWER);
  return self->role;
}

gboolean
ff_session_is_locked (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), TRUE);
  return self->key == NULL;
}

FfStore *
ff_session_get_store (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->store;
}

FfStore *
ff_session_open_store (FfSession  *self,
                       GError    **error)
{
  guint8 *key;
  FfStore *store;

  g_return_val_if_fail (FF_IS_SESSION (self), NULL);

  /* A copy of the key, taken under the lock: the session may be locked (its key wiped) while
   * this worker's connection is being keyed. */
  g_mutex_lock (&self->key_lock);
  if (self->key == NULL)
    {
      g_mutex_unlock (&self->key_lock);
      g_set_error_literal (error, FF_VAULT_ERROR, FF_VAULT_ERROR_LOCKED,
                           _("The tenant is locked; unlock it again"));
      return NULL;
    }
  key = sodium_malloc (FF_STORE_KEY_SIZE);
  memcpy (key, self->key, FF_STORE_KEY_SIZE);
  g_mutex_unlock (&self->key_lock);
  /* The session's own connection already applied migrations. */
  store = ff_store_open_for_tenant (self->tenant->path, self->tenant->id, key,
                                    FF_STORE_OPEN_NO_MIGRATE, error);
  sodium_free (key);
  return store;
}

const guint8 *
_ff_session_peek_key (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->key;
}

void
_ff_session_set_key (FfSession *self,
                     guint8    *key)
{
  g_return_if_fail (FF_IS_SESSION (self));
  g_return_if_fail (key != NULL);

  g_mutex_lock (&self->key_lock);
  if (self->key == NULL)
    {
      g_mutex_unlock (&self->key_lock);
      sodium_free (key);
      return;
    }
  sodium_free (self->key);
  self->key = key;
  g_mutex_unlock (&self->key_lock);
}

void
_ff_session_set_user_keys (FfSession    *self,
                           const guint8 *public_key,
                           guint8       *secret_key)
{
  g_return_if_fail (FF_IS_SESSION (self));

  g_clear_pointer (&self->secret_key, sodium_free);
  if (public_key != NULL)
    memcpy (self->public_key, public_key, sizeof self->public_key);
  else
    memset (self->public_key, 0, sizeof self->public_key);
  self->secret_key = public_key != NULL ? secret_key : NULL;
  if (public_key == NULL && secret_key != NULL)
    sodium_free (secret_key);
}

const guint8 *
_ff_session_peek_public_key (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->secret_key != NULL ? self->public_key : NULL;
}

const guint8 *
_ff_session_peek_secret_key (FfSession *self)
{
  g_return_val_if_fail (FF_IS_SESSION (self), NULL);
  return self->secret_key;
}

void
ff_session_lock (FfSession *self)
{
  g_return_if_fail (FF_IS_SESSION (self));

  if (self->key == NULL)
    return;
  wipe_key (self);
  g_clear_object (&self->store);
  g_signal_emit (self, signals[SIGNAL_LOCKED], 0);
}
