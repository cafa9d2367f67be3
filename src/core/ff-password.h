/* ff-password.h — password policy and a strength estimate for the hint under the entry. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FF_PASSWORD_MIN_LENGTH 8

typedef enum {
  FF_PASSWORD_TOO_SHORT,
  FF_PASSWORD_WEAK,
  FF_PASSWORD_FAIR,
  FF_PASSWORD_GOOD,
  FF_PASSWORD_STRONG,
} FfPasswordStrength;

/* Estimated from length, character classes, repetition and a list of common passwords. */
FfPasswordStrength ff_password_estimate   (const char *password);
/* A short translated hint for the strength, to show under the entry. */
const char        *ff_password_describe   (FfPasswordStrength strength);
/* TRUE when @password may be used for a new user (at least FF_PASSWORD_MIN_LENGTH characters
 * and not a well-known password). */
gboolean           ff_password_is_acceptable (const char  *password,
                                              GError     **error);

G_END_DECLS
