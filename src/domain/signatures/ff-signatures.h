/* ff-signatures.h — e-signatures (DOMAIN.md, E-signatures; 21 CFR Part 11 in spirit): a signer
 * re-enters their password, and the signature names them, its meaning, the UTC time, the
 * reason, and the SHA-256 of the signed record's content; a record changed afterwards shows
 * that its signature no longer covers it. Lot release, CCP review and audits sign with it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ff-record.h"
#include "ff-session.h"
#include "ff-vault.h"

G_BEGIN_DECLS

typedef enum {
  FF_SIGNATURE_COVERS,     /* the record is as it was signed */
  FF_SIGNATURE_CHANGED,    /* the record changed since: the signature no longer covers it */
  FF_SIGNATURE_UNHASHED,   /* signed before signatures kept a hash (migrated audit signatures) */
  FF_SIGNATURE_GONE,       /* the signed record was deleted */
} FfSignatureState;

/* Signs @subject (an audit or a lot, as stored or as it is about to
 * be stored) with @meaning ("released", "reviewed", ...) as @signer, a member of the session's
 * tenant who re-enters @password: a wrong one fails with FF_VAULT_ERROR_AUTH and writes
 * nothing. Reviewing, approving and releasing need a QA user (or an administrator);
 * FF_ERROR_PERMISSION otherwise. @reason may be NULL where none is asked. Returns the signature
 * record, stored through @store (a connection of the session's own, a worker's say; NULL: the
 * session's), in the caller's transaction if one is open.
 * Slow on purpose (the key derivation); call it from a worker in a UI. */
FfRecord          *ff_signature_sign            (FfVault     *vault,
                                                 FfSession   *session,
                                                 FfStore     *store,
                                                 const char  *signer,
                                                 const char  *password,
                                                 FfRecord    *subject,
                                                 const char  *meaning,
                                                 const char  *reason,
                                                 GError     **error);
/* Records the signature of someone who is not a user of the tenant (an auditee from a
 * supplier), by name and drawn @image (a PNG), marked external; written by the session's user. */
FfRecord          *ff_signature_sign_external   (FfSession   *session,
                                                 const char  *signer_name,
                                                 GBytes      *image,
                                                 FfRecord    *subject,
                                                 const char  *meaning,
                                                 const char  *reason,
                                                 GError     **error);
/* Whether @signature still covers the record it signed. */
FfSignatureState   ff_signature_check           (FfStore     *store,
                                                 FfRecord    *signature,
                                                 GError     **error);
/* The signatures of @subject, oldest first (FfRecord*). */
GPtrArray         *ff_signatures_of             (FfStore     *store,
                                                 FfRecord    *subject,
                                                 GError     **error);

G_END_DECLS
