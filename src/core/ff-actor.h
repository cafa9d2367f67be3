/* ff-actor.h — who performs a change: the user name for the audit trail and the role the
 * services check. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-role.h"
#include "ff-session.h"

G_BEGIN_DECLS

typedef struct _FfActor
{
  const char *username;
  FfRole      role;
} FfActor;

static inline FfActor
ff_actor_from_session (FfSession *session)
{
  FfActor actor = { ff_session_get_username (session), ff_session_get_role (session) };
  return actor;
}

G_END_DECLS
