/* test-hlc.c — the hybrid logical clock: monotonicity, merging, overflow, text form, restarts. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <string.h>

#include "ff-hlc.h"

#define N_THREADS 8
#define TICKS_PER_THREAD 20000

typedef struct
{
  gint64 ms;
} FakeClock;

static gint64
fake_clock_cb (gpointer user_data)
{
  FakeClock *clock = user_data;

  return clock->ms;
}

static FfHlc *
hlc_new_fake (FfHlcTimestamp  last,
              FakeClock      *clock)
{
  FfHlc *hlc = ff_hlc_new (last);

  ff_hlc_set_clock_func (hlc, fake_clock_cb, clock);
  return hlc;
}

static void
test_now_follows_clock (void)
{
  FakeClock clock = { 1000000 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);

  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1000000, 0));
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1000000, 1));
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1000000, 2));
  clock.ms = 1000001;
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1000001, 0));
  g_assert_cmpuint (ff_hlc_get_last (hlc), ==, ff_hlc_pack (1000001, 0));
}

static void
test_now_clock_backwards (void)
{
  FakeClock clock = { 5000000 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);
  FfHlcTimestamp prev = ff_hlc_now (hlc);

  /* A clock that keeps stepping back, then jumps ahead, then back again. */
  for (guint i = 0; i < 1000; i++)
    {
      FfHlcTimestamp ts;

      clock.ms = (i % 100 == 99) ? 5000000 + i * 10 : 5000000 - i * 37;
      ts = ff_hlc_now (hlc);
      g_assert_cmpuint (ts, >, prev);
      g_assert_cmpint (ff_hlc_get_ms (ts), >=, ff_hlc_get_ms (prev));
      g_assert_cmpuint (ff_hlc_get_last (hlc), ==, ts);
      prev = ts;
    }
  /* The clock never ran ahead of the greatest physical time it saw. */
  g_assert_cmpint (ff_hlc_get_ms (prev), ==, 5000000 + 999 * 10);
}

static void
test_update (void)
{
  FakeClock clock = { 1000 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);
  FfHlcTimestamp last = ff_hlc_now (hlc);
  FfHlcTimestamp remote;
  FfHlcTimestamp ts;

  /* Remote ahead of us and of the physical clock. */
  remote = ff_hlc_pack (2000, 7);
  ts = ff_hlc_update (hlc, remote);
  g_assert_cmpuint (ts, >, remote);
  g_assert_cmpuint (ts, >, last);
  g_assert_cmpuint (ts, ==, ff_hlc_pack (2000, 8));
  g_assert_cmpuint (ff_hlc_get_last (hlc), ==, ts);
  last = ts;

  /* Remote behind: we still move forward. */
  remote = ff_hlc_pack (1500, 40);
  ts = ff_hlc_update (hlc, remote);
  g_assert_cmpuint (ts, ==, ff_hlc_pack (2000, 9));
  g_assert_cmpuint (ts, >, last);
  last = ts;

  /* Same millisecond, higher counter on the remote side. */
  remote = ff_hlc_pack (2000, 100);
  ts = ff_hlc_update (hlc, remote);
  g_assert_cmpuint (ts, ==, ff_hlc_pack (2000, 101));
  last = ts;

  /* Physical time ahead of both: the counter starts again. */
  clock.ms = 3000;
  ts = ff_hlc_update (hlc, ff_hlc_pack (2500, 3));
  g_assert_cmpuint (ts, ==, ff_hlc_pack (3000, 0));
  g_assert_cmpuint (ts, >, last);

  /* Events after a merge are greater than the merged remote timestamp. */
  remote = ff_hlc_pack (9000, 0xfff0);
  ff_hlc_update (hlc, remote);
  g_assert_cmpuint (ff_hlc_now (hlc), >, remote);
}

static void
test_update_random (void)
{
  FakeClock clock = { 100000 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);
  FfHlcTimestamp prev = 0;

  for (guint i = 0; i < 10000; i++)
    {
      FfHlcTimestamp remote = ff_hlc_pack (100000 + g_test_rand_int_range (-500, 500),
                                           (guint16) g_test_rand_int_range (0, 0x10000));
      FfHlcTimestamp ts;

      clock.ms += g_test_rand_int_range (-3, 4);
      if (g_test_rand_bit ())
        {
          ts = ff_hlc_update (hlc, remote);
          g_assert_cmpuint (ts, >, remote);
        }
      else
        {
          ts = ff_hlc_now (hlc);
        }
      g_assert_cmpuint (ts, >, prev);
      g_assert_cmpint (ff_hlc_get_ms (ts), >=, clock.ms);
      prev = ts;
    }
}

static void
test_counter_overflow (void)
{
  FakeClock clock = { 500 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (ff_hlc_pack (1000, 0xfffe), &clock);
  FfHlcTimestamp ts;

  ts = ff_hlc_now (hlc);
  g_assert_cmpuint (ts, ==, ff_hlc_pack (1000, 0xffff));
  ts = ff_hlc_now (hlc);
  g_assert_cmpint (ff_hlc_get_ms (ts), ==, 1001);
  g_assert_cmpuint (ff_hlc_get_counter (ts), ==, 0);

  ts = ff_hlc_update (hlc, ff_hlc_pack (2000, 0xffff));
  g_assert_cmpuint (ts, ==, ff_hlc_pack (2001, 0));
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (2001, 1));

  /* 70000 events within one physical millisecond. */
  clock.ms = 5000;
  ts = ff_hlc_now (hlc);
  for (guint i = 0; i < 70000; i++)
    {
      FfHlcTimestamp next = ff_hlc_now (hlc);

      g_assert_cmpuint (next, ==, ts + 1);
      ts = next;
    }
  g_assert_cmpint (ff_hlc_get_ms (ts), ==, 5001);
  g_assert_cmpuint (ff_hlc_get_counter (ts), ==, 70000 - 0x10000);
}

static void
test_pack_unpack (void)
{
  const gint64 ms_values[] = { 0, 1, 1645557742000, G_GINT64_CONSTANT (0xffffffffffff) };
  const guint16 counters[] = { 0, 1, 0x7fff, 0xffff };

  for (guint i = 0; i < G_N_ELEMENTS (ms_values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (counters); j++)
      {
        FfHlcTimestamp ts = ff_hlc_pack (ms_values[i], counters[j]);

        g_assert_cmpint (ff_hlc_get_ms (ts), ==, ms_values[i]);
        g_assert_cmpuint (ff_hlc_get_counter (ts), ==, counters[j]);
      }
  g_assert_cmpuint (ff_hlc_pack (1645557742000, 0xffff), <, ff_hlc_pack (1645557742001, 0));
  g_assert_cmpuint (ff_hlc_pack (1, 0), ==, 0x10000);
}

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

static FfHlcTimestamp
random_timestamp (void)
{
  return ((FfHlcTimestamp) (guint32) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
}

static void
test_to_string (void)
{
  g_autofree char *zero = ff_hlc_to_string (0);
  g_autofree char *max = ff_hlc_to_string (G_MAXUINT64);
  g_autofree char *example = ff_hlc_to_string (ff_hlc_pack (1645557742000, 0xabc));

  g_assert_cmpstr (zero, ==, "0000000000000000");
  g_assert_cmpstr (max, ==, "ffffffffffffffff");
  g_assert_cmpstr (example, ==, "017f22e279b00abc");

  for (guint i = 0; i < 10000; i++)
    {
      FfHlcTimestamp a = random_timestamp ();
      /* Half of the pairs differ only in their low bits, i.e. share a long prefix. */
      FfHlcTimestamp b = g_test_rand_bit () ? random_timestamp ()
                                            : a ^ (guint32) g_test_rand_int_range (0, 0x1000);
      g_autofree char *sa = ff_hlc_to_string (a);
      g_autofree char *sb = ff_hlc_to_string (b);
      FfHlcTimestamp parsed = 0;

      g_assert_cmpuint (strlen (sa), ==, 16);
      for (guint k = 0; k < 16; k++)
        g_assert_true (g_ascii_isdigit (sa[k]) || (sa[k] >= 'a' && sa[k] <= 'f'));
      g_assert_cmpint (sign (strcmp (sa, sb)), ==, (a > b) - (a < b));
      g_assert_true (ff_hlc_parse (sa, &parsed));
      g_assert_cmpuint (parsed, ==, a);
    }
}

static void
test_parse_rejects (void)
{
  const char *garbage[] = {
    NULL,
    "",
    "0",
    "xyz",
    "000000000000001",
    "00000000000000001",
    "000000000000000g",
    "00000000000000FF",
    "0x00000000000001",
    " 000000000000001",
    "000000000000001 ",
    "+000000000000001",
    "-000000000000001",
    "0000000000000001\n",
    "00000000-0000001",
  };
  FfHlcTimestamp out = 42;

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_assert_false (ff_hlc_parse (garbage[i], &out));
      g_assert_cmpuint (out, ==, 42);
    }
  g_assert_true (ff_hlc_parse ("0000000000000001", &out));
  g_assert_cmpuint (out, ==, 1);
  g_assert_true (ff_hlc_parse ("ffffffffffffffff", NULL));
}

static void
test_restart (void)
{
  FakeClock clock = { G_GINT64_CONSTANT (1700000000000) };
  FfHlcTimestamp persisted;
  g_autofree char *text = NULL;

  /* First run: many events and a merge with a clock from the future. */
  {
    g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);

    for (guint i = 0; i < 100; i++)
      ff_hlc_now (hlc);
    ff_hlc_update (hlc, ff_hlc_pack (clock.ms + 60000, 5));
    persisted = ff_hlc_get_last (hlc);
    text = ff_hlc_to_string (persisted);
  }

  /* Second run: the wall clock has been set back an hour meanwhile. */
  {
    g_autoptr(FfHlc) hlc = NULL;
    FfHlcTimestamp restored = 0;
    FfHlcTimestamp prev;

    g_assert_true (ff_hlc_parse (text, &restored));
    hlc = hlc_new_fake (restored, &clock);
    clock.ms -= 3600000;
    g_assert_cmpuint (ff_hlc_get_last (hlc), ==, persisted);
    prev = persisted;
    for (guint i = 0; i < 1000; i++)
      {
        FfHlcTimestamp ts = ff_hlc_now (hlc);

        g_assert_cmpuint (ts, >, prev);
        prev = ts;
      }
  }

  /* A restart with the real clock. */
  {
    g_autoptr(FfHlc) hlc = ff_hlc_new (persisted);

    g_assert_cmpuint (ff_hlc_now (hlc), >, persisted);
  }
}

static void
test_offset (void)
{
  FakeClock clock = { 1000000 };
  g_autoptr(FfHlc) hlc = hlc_new_fake (0, &clock);
  FfHlcTimestamp ts;

  g_assert_cmpint (ff_hlc_get_offset_ms (hlc), ==, 0);
  ff_hlc_set_offset_ms (hlc, 5000);
  g_assert_cmpint (ff_hlc_get_offset_ms (hlc), ==, 5000);
  ts = ff_hlc_now (hlc);
  g_assert_cmpuint (ts, ==, ff_hlc_pack (1005000, 0));

  /* A negative correction slows the clock down but never sends it back. */
  ff_hlc_set_offset_ms (hlc, -10000);
  g_assert_cmpint (ff_hlc_get_offset_ms (hlc), ==, -10000);
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1005000, 1));
  clock.ms = 1020000;
  g_assert_cmpuint (ff_hlc_now (hlc), ==, ff_hlc_pack (1010000, 0));

  /* The offset also applies inside update(). */
  ff_hlc_set_offset_ms (hlc, 30000);
  g_assert_cmpuint (ff_hlc_update (hlc, ff_hlc_pack (1040000, 9)), ==, ff_hlc_pack (1050000, 0));
}

static void
test_default_clock (void)
{
  gint64 before = g_get_real_time () / 1000;
  g_autoptr(FfHlc) hlc = ff_hlc_new (0);
  FfHlcTimestamp ts = ff_hlc_now (hlc);
  gint64 after = g_get_real_time () / 1000;

  g_assert_cmpint (ff_hlc_get_ms (ts), >=, before);
  g_assert_cmpint (ff_hlc_get_ms (ts), <=, after);

  /* Handing back the default after a custom clock. */
  {
    FakeClock clock = { 5 };

    ff_hlc_set_clock_func (hlc, fake_clock_cb, &clock);
    ff_hlc_set_clock_func (hlc, NULL, NULL);
    clock.ms = G_GINT64_CONSTANT (0xfffffffffff0);
    g_assert_cmpint (ff_hlc_get_ms (ff_hlc_now (hlc)), <=, g_get_real_time () / 1000);
  }
}

typedef struct
{
  FfHlc *hlc;
  gint *ready;
  FfHlcTimestamp ticks[TICKS_PER_THREAD];
} ThreadData;

static gpointer
tick_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  /* Start together, so that the threads really contend. */
  g_atomic_int_inc (data->ready);
  while (g_atomic_int_get (data->ready) < N_THREADS)
    g_thread_yield ();

  for (guint i = 0; i < TICKS_PER_THREAD; i++)
    data->ticks[i] = (i % 3 == 0) ? ff_hlc_update (data->hlc, data->ticks[MAX (i, 1) - 1])
                                  : ff_hlc_now (data->hlc);

  return NULL;
}

static gint64
frozen_clock_cb (gpointer user_data)
{
  return G_GINT64_CONSTANT (1700000000000);
}

/* One round of N_THREADS threads ticking one clock. */
static void
run_threads_round (void)
{
  g_autoptr(FfHlc) hlc = ff_hlc_new (0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  ThreadData *data[N_THREADS];
  GThread *threads[N_THREADS];
  FfHlcTimestamp max = 0;
  gint ready = 0;

  /* A clock that stands still makes every tick a read-modify-write of the counter, the place
   * where a missing lock would hand out the same timestamp twice. */
  ff_hlc_set_clock_func (hlc, frozen_clock_cb, NULL);
  for (guint t = 0; t < N_THREADS; t++)
    {
      data[t] = g_new0 (ThreadData, 1);
      data[t]->hlc = hlc;
      data[t]->ready = &ready;
      threads[t] = g_thread_new ("hlc", tick_thread, data[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < N_THREADS; t++)
    for (guint i = 0; i < TICKS_PER_THREAD; i++)
      {
        if (i > 0)
          g_assert_cmpuint (data[t]->ticks[i], >, data[t]->ticks[i - 1]);
        g_assert_true (g_hash_table_add (seen, &data[t]->ticks[i]));
        max = MAX (max, data[t]->ticks[i]);
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_THREADS * TICKS_PER_THREAD);
  g_assert_cmpuint (ff_hlc_get_last (hlc), ==, max);

  for (guint t = 0; t < N_THREADS; t++)
    g_free (data[t]);
}

static void
test_threads (void)
{
  /* Races show up only sometimes; a few rounds make a missed one unlikely. */
  for (guint round = 0; round < 8; round++)
    run_threads_round ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hlc/now/follows-clock", test_now_follows_clock);
  g_test_add_func ("/hlc/now/clock-backwards", test_now_clock_backwards);
  g_test_add_func ("/hlc/update", test_update);
  g_test_add_func ("/hlc/update-random", test_update_random);
  g_test_add_func ("/hlc/counter-overflow", test_counter_overflow);
  g_test_add_func ("/hlc/pack-unpack", test_pack_unpack);
  g_test_add_func ("/hlc/to-string", test_to_string);
  g_test_add_func ("/hlc/parse-rejects", test_parse_rejects);
  g_test_add_func ("/hlc/restart", test_restart);
  g_test_add_func ("/hlc/offset", test_offset);
  g_test_add_func ("/hlc/default-clock", test_default_clock);
  g_test_add_func ("/hlc/threads", test_threads);

  return g_test_run ();
}
