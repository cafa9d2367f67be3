/* ff-uuid.c — UUIDv7 record ids (RFC 9562, monotonic in the process) and UUIDv4 device ids. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-core"

#include "ff-uuid.h"

#include <sodium.h>
#include <string.h>

#define UUID_STRING_LEN 36
#define UUID_V7_MAX_MS  G_GINT64_CONSTANT (0xffffffffffff)
#define UUID_V7_MAX_COUNTER 0xfff
/* A fresh millisecond starts the counter at a random value with its top bit clear, so at least
 * 2048 ids fit in each millisecond before the counter rolls over (RFC 9562 section 6.2). */
#define UUID_V7_SEED_MASK 0x7ff

static GMutex v7_lock;
static guint8 v7_pool[4096];
static gsize v7_pool_used = sizeof v7_pool;
static gint64 v7_last_ms = -1;
static guint v7_counter;

static void
ensure_sodium (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      /* Without a working random source no id would be safe to hand out. */
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialised, 1);
    }
}

static char *
format_uuid (const guint8 bytes[16])
{
  static const char hex[] = "0123456789abcdef";
  char *str = g_malloc (UUID_STRING_LEN + 1);
  char *p = str;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0x0f];
    }
  *p = '\0';

  return str;
}

char *
ff_uuid_v7_new (void)
{
  return ff_uuid_v7_new_at (CLAMP (g_get_real_time () / 1000, 0, UUID_V7_MAX_MS));
}

char *
ff_uuid_v7_new_at (gint64 unix_ms)
{
  guint8 bytes[16];
  guint seed;
  gint64 ms;
  guint counter;

  g_return_val_if_fail (unix_ms >= 0 && unix_ms <= UUID_V7_MAX_MS, NULL);

  ensure_sodium ();
  g_mutex_lock (&v7_lock);
  /* Bulk writes make ids by the million: draw randomness from a pool filled 4 KiB at a time
   * rather than ask the kernel for 16 bytes per id. */
  if (v7_pool_used + sizeof bytes > sizeof v7_pool)
    {
      randombytes_buf (v7_pool, sizeof v7_pool);
      v7_pool_used = 0;
    }
  memcpy (bytes, v7_pool + v7_pool_used, sizeof bytes);
  sodium_memzero (v7_pool + v7_pool_used, sizeof bytes);
  v7_pool_used += sizeof bytes;
  /* rand_a is taken by the counter; two of the random bytes seed it instead. */
  seed = ((guint) bytes[6] << 8 | bytes[7]) & UUID_V7_SEED_MASK;

  if (unix_ms > v7_last_ms)
    {
      v7_last_ms = unix_ms;
      v7_counter = seed;
    }
  else if (v7_counter < UUID_V7_MAX_COUNTER)
    {
      /* Same millisecond, or the clock stepped back: keep the last timestamp and count on. */
      v7_counter++;
    }
  else
    {
      /* Counter exhausted: borrow the next millisecond rather than repeat or go backwards. */
      v7_last_ms++;
      v7_counter = seed;
    }
  ms = v7_last_ms;
  counter = v7_counter;
  g_mutex_unlock (&v7_lock);

  bytes[0] = (guint8) (ms >> 40);
  bytes[1] = (guint8) (ms >> 32);
  bytes[2] = (guint8) (ms >> 24);
  bytes[3] = (guint8) (ms >> 16);
  bytes[4] = (guint8) (ms >> 8);
  bytes[5] = (guint8) ms;
  bytes[6] = (guint8) (0x70 | (counter >> 8));
  bytes[7] = (guint8) (counter & 0xff);
  bytes[8] = (guint8) (0x80 | (bytes[8] & 0x3f));

  return format_uuid (bytes);
}

char *
ff_uuid_v4_new (void)
{
  guint8 bytes[16];

  ensure_sodium ();
  randombytes_buf (bytes, sizeof bytes);
  bytes[6] = (guint8) (0x40 | (bytes[6] & 0x0f));
  bytes[8] = (guint8) (0x80 | (bytes[8] & 0x3f));

  return format_uuid (bytes);
}

gboolean
ff_uuid_is_valid (const char *str)
{
  /* NULL is simply not a UUID: validators are called on untrusted input. */
  if (str == NULL || strlen (str) != UUID_STRING_LEN)
    return FALSE;

  for (guint i = 0; i < UUID_STRING_LEN; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (str[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (str[i]))
        {
          return FALSE;
        }
    }

  return TRUE;
}

int
ff_uuid_get_version (const char *str)
{
  if (!ff_uuid_is_valid (str))
    return -1;

  return g_ascii_xdigit_value (str[14]);
}

gint64
ff_uuid_v7_get_unix_ms (const char *str)
{
  gint64 ms = 0;

  if (ff_uuid_get_version (str) != 7)
    return -1;
  /* The RFC 9562 variant (binary 10xx) is part of being a UUIDv7. */
  if ((g_ascii_xdigit_value (str[19]) & 0xc) != 0x8)
    return -1;

  for (guint i = 0; i < 13; i++)
    {
      if (i == 8)
        continue;
      ms = (ms << 4) | g_ascii_xdigit_value (str[i]);
    }

  return ms;
}

static gboolean
parse_uuid (const char *str,
            guint8      bytes[16])
{
  guint n = 0;

  if (!ff_uuid_is_valid (str))
    return FALSE;
  for (const char *p = str; *p && n < 16; p++)
    {
      if (*p == '-')
        continue;
      bytes[n++] = (guint8) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));
      p++;
    }
  return n == 16;
}

char *
ff_uuid_v5_new (const char *namespace_uuid,
                const char *name)
{
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16], digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);
  if (!parse_uuid (namespace_uuid, ns))
    g_return_val_if_reached (NULL);

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, (gssize) strlen (name));
  g_checksum_get_digest (sha1, digest, &digest_len);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return format_uuid (digest);
}
