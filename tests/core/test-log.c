/* test-log.c — JSON log lines: keys, level names, escaping, request ids, the installed writer. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-test"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ff-log.h"

/* A g_pattern_match_simple() glob of a quoted timestamp, split so that no "??-" trigraph forms. */
#define TIME_GLOB "\"????" "-?" "?-?" "?T??:??:??.???Z\""

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_nonnull (line);
  g_assert_null (strchr (line, '\n'));
  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static char *
format_message (GLogLevelFlags  level,
                const char     *message,
                gssize          length)
{
  const GLogField fields[] = {
    { "PRIORITY", "5", -1 },
    { "GLIB_DOMAIN", "foodflow-test", -1 },
    { "CODE_FILE", "test-log.c", -1 },
    { "MESSAGE", message, length },
  };

  return ff_log_format_json (level, fields, G_N_ELEMENTS (fields), G_GINT64_CONSTANT (0));
}

static const char *
get_message (JsonObject *object)
{
  g_assert_true (json_object_has_member (object, "message"));
  return json_object_get_string_member (object, "message");
}

static void
test_format_keys (void)
{
  const GLogField fields[] = {
    { "PRIORITY", "5", -1 },
    { "GLIB_DOMAIN", "foodflow-test", -1 },
    { "MESSAGE", "hello", -1 },
    { "CODE_LINE", "42", -1 },
  };
  g_autofree char *line = ff_log_format_json (G_LOG_LEVEL_MESSAGE, fields, G_N_ELEMENTS (fields),
                                              G_GINT64_CONSTANT (1700000000123456));
  g_autoptr(JsonObject) object = parse_object (line);
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpstr (line, ==, "{\"time\":\"2023-11-14T22:13:20.123Z\",\"level\":\"message\","
                             "\"domain\":\"foodflow-test\",\"message\":\"hello\"}");
  g_assert_cmpuint (g_list_length (members), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (object, "time"), ==, "2023-11-14T22:13:20.123Z");
  g_assert_cmpstr (json_object_get_string_member (object, "level"), ==, "message");
  g_assert_cmpstr (json_object_get_string_member (object, "domain"), ==, "foodflow-test");
  g_assert_cmpstr (get_message (object), ==, "hello");
  g_assert_false (json_object_has_member (object, "request_id"));
}

static void
test_format_time (void)
{
  const struct {
    gint64 unix_us;
    const char *expected;
  } cases[] = {
    { 0, "1970-01-01T00:00:00.000Z" },
    { 999, "1970-01-01T00:00:00.000Z" },
    { 1000, "1970-01-01T00:00:00.001Z" },
    { -1, "1969-12-31T23:59:59.999Z" },
    { G_GINT64_CONSTANT (951782400999999), "2000-02-29T00:00:00.999Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GLogField fields[] = { { "MESSAGE", "t", -1 } };
      g_autofree char *line = ff_log_format_json (G_LOG_LEVEL_MESSAGE, fields, 1,
                                                  cases[i].unix_us);
      g_autoptr(JsonObject) object = parse_object (line);

      g_assert_cmpstr (json_object_get_string_member (object, "time"), ==, cases[i].expected);
      /* No domain field: the key is still there, as null. */
      g_assert_true (json_object_has_member (object, "domain"));
      g_assert_true (json_object_get_null_member (object, "domain"));
    }
}

static void
test_format_levels (void)
{
  const struct {
    GLogLevelFlags level;
    const char *name;
  } cases[] = {
    { G_LOG_LEVEL_ERROR, "error" },
    { G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL, "error" },
    { G_LOG_LEVEL_CRITICAL, "critical" },
    { G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, "critical" },
    { G_LOG_LEVEL_WARNING, "warning" },
    { G_LOG_LEVEL_WARNING | G_LOG_FLAG_RECURSION, "warning" },
    { G_LOG_LEVEL_MESSAGE, "message" },
    { G_LOG_LEVEL_INFO, "info" },
    { G_LOG_LEVEL_DEBUG, "debug" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = format_message (cases[i].level, "x", -1);
      g_autoptr(JsonObject) object = parse_object (line);

      g_assert_cmpstr (json_object_get_string_member (object, "level"), ==, cases[i].name);
    }
}

static void
test_format_escaping (void)
{
  const char *message = "say \"hi\" to C:\\temp\nnext line\r\tend\b\f\x01\x1f\x7f"
                        " é 日本 🍅 \\u0041 }{";
  g_autofree char *line = format_message (G_LOG_LEVEL_WARNING, message, -1);
  g_autoptr(JsonObject) object = parse_object (line);

  for (const char *p = line; *p != '\0'; p++)
    g_assert_cmpuint ((guchar) *p, >=, 0x20);
  g_assert_nonnull (strstr (line, "say \\\"hi\\\" to C:\\\\temp\\nnext line\\r\\tend"));
  g_assert_nonnull (strstr (line, "\\u0001\\u001f"));
  g_assert_nonnull (strstr (line, " \\\\u0041 "));
  /* Non-ASCII text is kept as UTF-8, not escaped. */
  g_assert_nonnull (strstr (line, " é 日本 🍅 "));
  g_assert_cmpstr (get_message (object), ==, message);
}

static void
test_format_invalid_utf8 (void)
{
  g_autofree char *bad = format_message (G_LOG_LEVEL_MESSAGE, "bad \xff byte", -1);
  g_autofree char *nul = format_message (G_LOG_LEVEL_MESSAGE, "a\0b", 3);
  g_autofree char *cut = format_message (G_LOG_LEVEL_MESSAGE, "hello world", 5);
  g_autoptr(JsonObject) bad_object = parse_object (bad);
  g_autoptr(JsonObject) nul_object = parse_object (nul);
  g_autoptr(JsonObject) cut_object = parse_object (cut);

  g_assert_true (g_utf8_validate (bad, -1, NULL));
  g_assert_cmpstr (get_message (bad_object), ==, "bad \xef\xbf\xbd byte");
  /* A field with a length is binary: an embedded NUL must not cut the line. */
  g_assert_cmpstr (get_message (nul_object), ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (get_message (cut_object), ==, "hello");
}

static void
test_format_request_id_field (void)
{
  const GLogField fields[] = {
    { "GLIB_DOMAIN", "foodflow-test", -1 },
    { "MESSAGE", "with id", -1 },
    { "FF_REQUEST_ID", "req-\"7\"", -1 },
  };
  g_autofree char *with_id = NULL;
  g_autofree char *without_id = NULL;
  g_autoptr(JsonObject) with_object = NULL;
  g_autoptr(JsonObject) without_object = NULL;

  /* The formatter is pure: the thread's request id is the writer's business. */
  ff_log_set_request_id ("thread-id");
  with_id = ff_log_format_json (G_LOG_LEVEL_INFO, fields, G_N_ELEMENTS (fields), 0);
  without_id = ff_log_format_json (G_LOG_LEVEL_INFO, fields, 2, 0);
  ff_log_set_request_id (NULL);

  with_object = parse_object (with_id);
  without_object = parse_object (without_id);
  g_assert_cmpstr (json_object_get_string_member (with_object, "request_id"), ==, "req-\"7\"");
  g_assert_false (json_object_has_member (without_object, "request_id"));
}

static gpointer
get_request_id_thread (gpointer data)
{
  const char *before = ff_log_get_request_id ();

  ff_log_set_request_id ("other-thread");
  return GINT_TO_POINTER (before == NULL
                          && g_strcmp0 (ff_log_get_request_id (), "other-thread") == 0);
}

static void
test_request_id_thread_local (void)
{
  char *id = g_strdup ("req-1");
  GThread *thread;

  g_assert_null (ff_log_get_request_id ());
  ff_log_set_request_id (id);
  /* The logger keeps its own copy. */
  g_free (id);
  g_assert_cmpstr (ff_log_get_request_id (), ==, "req-1");

  thread = g_thread_new ("request-id", get_request_id_thread, NULL);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_cmpstr (ff_log_get_request_id (), ==, "req-1");

  ff_log_set_request_id ("req-2");
  g_assert_cmpstr (ff_log_get_request_id (), ==, "req-2");
  ff_log_set_request_id (NULL);
  g_assert_null (ff_log_get_request_id ());
}

static void
test_writer_json (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("G_MESSAGES_DEBUG");
      g_setenv ("FOODFLOW_LOG", "json", TRUE);
      ff_log_init ();
      ff_log_init ();

      ff_log_set_request_id ("req-42");
      g_message ("hello %s", "\"world\"");
      ff_log_set_request_id (NULL);
      g_message ("second\nline");
      g_debug ("hidden debug");
      g_info ("hidden info");
      ff_log_set_request_id ("req-thread");
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                        "FF_REQUEST_ID", "req-field",
                        "MESSAGE", "with field");
      ff_log_set_request_id (NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("{\"time\":" TIME_GLOB ",\"level\":\"message\","
                             "\"domain\":\"foodflow-test\",\"message\":\"hello \\\"world\\\"\","
                             "\"request_id\":\"req-42\"}\n*");
  g_test_trap_assert_stderr ("*}\n{\"time\":" TIME_GLOB ",\"level\":\"message\","
                             "\"domain\":\"foodflow-test\",\"message\":\"second\\nline\"}\n*");
  g_test_trap_assert_stderr ("*}\n{\"time\":" TIME_GLOB ",\"level\":\"message\","
                             "\"domain\":\"foodflow-test\",\"message\":\"with field\","
                             "\"request_id\":\"req-field\"}\n");
  g_test_trap_assert_stderr_unmatched ("*hidden*");
  g_test_trap_assert_stderr_unmatched ("*req-thread*");
}

static void
test_writer_json_debug (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("G_MESSAGES_DEBUG", "foodflow-test", TRUE);
      g_setenv ("FOODFLOW_LOG", "json", TRUE);
      ff_log_init ();
      g_debug ("visible debug");
      g_info ("visible info");
      g_log_structured ("other-domain", G_LOG_LEVEL_DEBUG, "MESSAGE", "hidden debug");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*\"level\":\"debug\",\"domain\":\"foodflow-test\","
                             "\"message\":\"visible debug\"}\n*");
  g_test_trap_assert_stderr ("*\"level\":\"info\",\"domain\":\"foodflow-test\","
                             "\"message\":\"visible info\"}\n*");
  g_test_trap_assert_stderr_unmatched ("*hidden*");
}

static void
test_writer_json_fatal (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("FOODFLOW_LOG", "json", TRUE);
      ff_log_init ();
      /* g_test_init() made warnings fatal; the JSON writer has to honour that. */
      g_warning ("boom");
      g_message ("not reached");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("{\"time\":" TIME_GLOB ",\"level\":\"warning\","
                             "\"domain\":\"foodflow-test\",\"message\":\"boom\"}\n*");
  g_test_trap_assert_stderr_unmatched ("*not reached*");
}

static void
test_writer_default (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("FOODFLOW_LOG");
      ff_log_init ();
      ff_log_set_request_id ("req-9");
      g_message ("plain hello");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*foodflow-test*Message*plain hello*");
  g_test_trap_assert_stderr_unmatched ("*{\"time\"*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/log/format/keys", test_format_keys);
  g_test_add_func ("/log/format/time", test_format_time);
  g_test_add_func ("/log/format/levels", test_format_levels);
  g_test_add_func ("/log/format/escaping", test_format_escaping);
  g_test_add_func ("/log/format/invalid-utf8", test_format_invalid_utf8);
  g_test_add_func ("/log/format/request-id-field", test_format_request_id_field);
  g_test_add_func ("/log/request-id/thread-local", test_request_id_thread_local);
  g_test_add_func ("/log/writer/json", test_writer_json);
  g_test_add_func ("/log/writer/json-debug", test_writer_json_debug);
  g_test_add_func ("/log/writer/json-fatal", test_writer_json_fatal);
  g_test_add_func ("/log/writer/default", test_writer_default);

  return g_test_run ();
}
