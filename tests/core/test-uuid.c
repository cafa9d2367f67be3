/* test-uuid.c — UUIDv7 ordering, format and timestamps; UUIDv4; validation. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-uuid.h"

#define N_THREADS 8
#define IDS_PER_THREAD 10000

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static void
assert_canonical (const char *id,
                  int         version)
{
  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_true (ff_uuid_is_valid (id));
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        g_assert_cmpint (id[i], ==, '-');
      else
        g_assert_true (g_ascii_isdigit (id[i]) || (id[i] >= 'a' && id[i] <= 'f'));
    }
  g_assert_cmpint (id[14], ==, '0' + version);
  g_assert_cmpint (ff_uuid_get_version (id), ==, version);
  /* RFC 9562 variant: the top two bits of octet 8 are 10. */
  g_assert_nonnull (strchr ("89ab", id[19]));
}

/* Greater than every timestamp handed out so far, so that an id made at it carries it exactly. */
static gint64
fresh_ms (void)
{
  g_autofree char *id = ff_uuid_v7_new ();

  return MAX (now_ms (), ff_uuid_v7_get_unix_ms (id)) + 1000;
}

static void
test_v7_format (void)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = ff_uuid_v7_new ();

      assert_canonical (id, 7);
    }
}

static void
test_v7_timestamp_now (void)
{
  g_autofree char *before_id = ff_uuid_v7_new ();
  gint64 before = now_ms ();
  g_autofree char *id = ff_uuid_v7_new ();
  gint64 after = now_ms ();
  gint64 ms = ff_uuid_v7_get_unix_ms (id);

  /* Never behind the clock; ahead of it only as far as an earlier id forced it. */
  g_assert_cmpint (ms, >=, before);
  g_assert_cmpint (ms, <=, MAX (after, ff_uuid_v7_get_unix_ms (before_id) + 1));
}

static void
test_v7_timestamp_at (void)
{
  gint64 base = fresh_ms ();

  for (gint64 i = 0; i < 100; i++)
    {
      g_autofree char *id = ff_uuid_v7_new_at (base + i * 7919);

      assert_canonical (id, 7);
      g_assert_cmpint (ff_uuid_v7_get_unix_ms (id), ==, base + i * 7919);
    }
}

static void
test_v7_increasing (void)
{
  g_autofree char *prev = ff_uuid_v7_new ();

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *id = ff_uuid_v7_new ();

      g_assert_cmpstr (prev, <, id);
      g_assert_cmpint (ff_uuid_v7_get_unix_ms (prev), <=, ff_uuid_v7_get_unix_ms (id));
      g_free (prev);
      prev = g_steal_pointer (&id);
    }
}

static void
test_v7_clock_backwards (void)
{
  gint64 base = fresh_ms ();
  g_autofree char *prev = ff_uuid_v7_new_at (base);

  g_assert_cmpint (ff_uuid_v7_get_unix_ms (prev), ==, base);
  for (gint64 i = 1; i <= 5000; i++)
    {
      g_autofree char *id = ff_uuid_v7_new_at (base - i * 13);

      assert_canonical (id, 7);
      g_assert_cmpstr (prev, <, id);
      /* The timestamp never goes backwards with the clock. */
      g_assert_cmpint (ff_uuid_v7_get_unix_ms (id), >=, base);
      g_free (prev);
      prev = g_steal_pointer (&id);
    }
}

static void
test_v7_counter_rollover (void)
{
  gint64 base = fresh_ms ();
  g_autofree char *prev = ff_uuid_v7_new_at (base);

  /* At most 4096 ids fit one millisecond; 10000 at one instant must borrow later ones. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = ff_uuid_v7_new_at (base);

      g_assert_cmpstr (prev, <, id);
      g_free (prev);
      prev = g_steal_pointer (&id);
    }
  g_assert_cmpint (ff_uuid_v7_get_unix_ms (prev), >=, base + 2);
  g_assert_cmpint (ff_uuid_v7_get_unix_ms (prev), <=, base + 5);
}

static gpointer
make_ids_thread (gpointer data)
{
  char **ids = data;

  for (guint i = 0; i < IDS_PER_THREAD; i++)
    ids[i] = ff_uuid_v7_new ();

  return NULL;
}

static void
test_v7_threads (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char **ids[N_THREADS];
  GThread *threads[N_THREADS];

  for (guint t = 0; t < N_THREADS; t++)
    {
      ids[t] = g_new0 (char *, IDS_PER_THREAD + 1);
      threads[t] = g_thread_new ("uuid", make_ids_thread, ids[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < N_THREADS; t++)
    {
      for (guint i = 0; i < IDS_PER_THREAD; i++)
        {
          assert_canonical (ids[t][i], 7);
          if (i > 0)
            g_assert_cmpstr (ids[t][i - 1], <, ids[t][i]);
          g_assert_true (g_hash_table_add (seen, ids[t][i]));
          /* Timestamp and counter alone are unique: one generator serves every thread. */
          g_assert_true (g_hash_table_add (prefixes, g_strndup (ids[t][i], 18)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_THREADS * IDS_PER_THREAD);

  for (guint t = 0; t < N_THREADS; t++)
    g_strfreev (ids[t]);
}

static void
test_v4 (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint top_bits_set = 0;

  for (guint i = 0; i < 1000; i++)
    {
      char *id = ff_uuid_v4_new ();

      assert_canonical (id, 4);
      g_assert_cmpint (ff_uuid_v7_get_unix_ms (id), ==, -1);
      if (g_ascii_xdigit_value (id[0]) >= 8)
        top_bits_set++;
      g_assert_true (g_hash_table_add (seen, id));
    }
  /* Random, not a counter: about half start with a high nibble >= 8. */
  g_assert_cmpuint (top_bits_set, >, 350);
  g_assert_cmpuint (top_bits_set, <, 650);
}

static void
test_validation (void)
{
  const char *valid[] = {
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "017F22E2-79B0-7CC3-98C4-DC0C0C07398F",
    "00000000-0000-0000-0000-000000000000",
    "919108f7-52d1-4320-9bac-f847db4148a8",
  };
  const char *invalid[] = {
    NULL,
    "",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398f0",
    "017f22e279b07cc398c4dc0c0c07398f",
    "017f22e2-79b0-7cc3-98c4dc0c-0c07398f",
    "017f22e2_79b0_7cc3_98c4_dc0c0c07398f",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398g",
    "{017f22e2-79b0-7cc3-98c4-dc0c0c0739}",
    " 17f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398 ",
    "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398\xc3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ff_uuid_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (ff_uuid_is_valid (invalid[i]));
      g_assert_cmpint (ff_uuid_get_version (invalid[i]), ==, -1);
      g_assert_cmpint (ff_uuid_v7_get_unix_ms (invalid[i]), ==, -1);
    }

  /* The example UUIDv7 of RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC. */
  g_assert_cmpint (ff_uuid_get_version (valid[0]), ==, 7);
  g_assert_cmpint (ff_uuid_v7_get_unix_ms (valid[0]), ==, G_GINT64_CONSTANT (1645557742000));
  g_assert_cmpint (ff_uuid_v7_get_unix_ms (valid[1]), ==, G_GINT64_CONSTANT (1645557742000));
  g_assert_cmpint (ff_uuid_get_version (valid[2]), ==, 0);
  g_assert_cmpint (ff_uuid_get_version (valid[3]), ==, 4);
  g_assert_cmpint (ff_uuid_v7_get_unix_ms (valid[3]), ==, -1);
  /* Version 7 with the wrong variant is not a UUIDv7. */
  g_assert_cmpint (ff_uuid_v7_get_unix_ms ("017f22e2-79b0-7cc3-c8c4-dc0c0c07398f"), ==, -1);
}

/* Name-based ids agree with Python's uuid.uuid5 (RFC 9562's SHA-1 method). */
static void
test_v5 (void)
{
  g_autofree char *dns = ff_uuid_v5_new ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com");
  g_autofree char *url = ff_uuid_v5_new ("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "Café");
  g_autofree char *again = ff_uuid_v5_new ("6ba7b810-9dad-11d1-80b4-00c04fd430c8",
                                           "www.example.com");

  g_assert_cmpstr (dns, ==, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  g_assert_cmpstr (url, ==, "8469ca38-7ffa-5f46-92e8-be91c69af06e");
  g_assert_cmpstr (again, ==, dns);
  g_assert_cmpint (ff_uuid_get_version (dns), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uuid/v7/timestamp-now", test_v7_timestamp_now);
  g_test_add_func ("/uuid/v7/format", test_v7_format);
  g_test_add_func ("/uuid/v7/timestamp-at", test_v7_timestamp_at);
  g_test_add_func ("/uuid/v7/increasing", test_v7_increasing);
  g_test_add_func ("/uuid/v7/clock-backwards", test_v7_clock_backwards);
  g_test_add_func ("/uuid/v7/counter-rollover", test_v7_counter_rollover);
  g_test_add_func ("/uuid/v7/threads", test_v7_threads);
  g_test_add_func ("/uuid/v4", test_v4);
  g_test_add_func ("/uuid/validation", test_validation);
  g_test_add_func ("/uuid/v5", test_v5);

  return g_test_run ();
}
