/* SPDX-License-Identifier: Apache-2.0
 * test_reply.c: examples/cli/reply.c, smsrep check --server's reading of
 * smsrepd's answers: the daemon's own shapes pass with the right exit
 * status; every cut and each garbled or forged answer is refused; --env is
 * renumbered. */
#include "testing.h"

#include "cli.h"

#define JSON_HEAD "{\"input\":\"+12025553104\",\"kind\":\"number\",\"recommendation\":"
static const char json_allow[] =
    JSON_HEAD "\"allow\",\"reasons\":[\"one_time_code\"],\"source\":{\"id\":\"x\",\"name\":\"\\u00e9\\\"q\"},"
              "\"score\":10,\"dlt\":null,\"burst\":null,\"schema\":1}\n";
static const char json_burst[] =
    JSON_HEAD "\"allow\",\"burst\":{\"in_burst\":true,\"started\":true,\"senders\":5,\"messages\":5,"
              "\"since\":1700000000,\"degraded\":false},\"schema\":1}\n";
static const char json_flag[] =
    JSON_HEAD "\"flag\",\"burst\":{\"in_burst\":false,\"started\":false,\"senders\":1,\"messages\":1,"
              "\"since\":1700000000,\"degraded\":false},\"schema\":1}\n";
static const char json_error[] = "{\"input\":\"\",\"error\":\"empty\",\"message\":\"m\",\"burst\":null,"
                                 "\"schema\":1}\n";
static const char env_allow[] = "SMSREP_1_INPUT='x'\\''$(id)\\n'\n"
                                "SMSREP_1_CLASS='trusted'\n"
                                "SMSREP_1_RECOMMENDATION='allow'\n"
                                "SMSREP_1_BURST='off'\n"
                                "SMSREP_1_BURST_SENDERS='1'\n"
                                "SMSREP_1_BURST_DEGRADED='0'\n"
                                "SMSREP_COUNT=1\n";
static const char env_started[] = "SMSREP_1_INPUT='+12025553104'\n"
                                  "SMSREP_1_RECOMMENDATION='allow'\n"
                                  "SMSREP_1_BURST='started'\n"
                                  "SMSREP_1_BURST_SENDERS='5'\n"
                                  "SMSREP_1_BURST_DEGRADED='1'\n"
                                  "SMSREP_COUNT=1\n";
static const char env_err[] = "SMSREP_1_INPUT='a\\x1B'\n"
                                "SMSREP_1_ERROR='bad_character'\n"
                                "SMSREP_1_MESSAGE='the sender holds a control character'\n"
                                "SMSREP_1_BURST=''\n"
                                "SMSREP_1_BURST_SENDERS=''\n"
                                "SMSREP_1_BURST_DEGRADED=''\n"
                                "SMSREP_COUNT=1\n";
static const char text_ja[] = "05053704545: \xE4\xBF\xA1\xE9\xA0\xBC\xE3\x81\xA7\xE3\x81\x8D\xE3\x82\x8B"
                              " burst=on senders=6\nexit=1\n";

static const struct sample {
    int format;
    const char *answer;
    int exit_status;
} good[] = {
    {SERVER_JSON, json_allow, EXIT_ALLOW},   {SERVER_JSON, json_burst, EXIT_FLAGGED},
    {SERVER_JSON, json_flag, EXIT_FLAGGED},  {SERVER_JSON, json_error, EXIT_ERROR},
    {SERVER_ENV, env_allow, EXIT_ALLOW},     {SERVER_ENV, env_started, EXIT_FLAGGED},
    {SERVER_ENV, env_err, EXIT_ERROR},     {SERVER_TEXT, text_ja, EXIT_FLAGGED},
    {SERVER_TEXT, "a\\\\b: caution, flag (score 45).\nexit=0\n", EXIT_ALLOW},
};

static void accepts_the_daemons_answers(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        int status = -1;
        size_t len = strlen(good[i].answer);
        assert_int_equal(reply_length(good[i].format, good[i].answer, len), len);
        assert_int_equal(reply_check(good[i].format, good[i].answer, len, &status), 0);
        assert_int_equal(status, good[i].exit_status);
    }
}

static void refuses_every_cut(void **state)
{
    size_t i, n;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        size_t len = strlen(good[i].answer);
        for (n = 0; n < len; n++) {
            int status;
            assert_int_not_equal(reply_check(good[i].format, good[i].answer, n, &status), 0);
        }
    }
}

static void refuses_garbled_answers(void **state)
{
    static const struct sample bad[] = {
        /* JSON: not the daemon's line */
        {SERVER_JSON, "{\"error\":\"busy\",\"message\":\"too many clients\"}\n", 0},
        {SERVER_JSON, "{\"error\":\"bad_request\",\"message\":\"no sender\"}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"schema\":1}\n", 0},                   /* no burst */
        {SERVER_JSON, JSON_HEAD "\"allow\",\"burst\":null}\n", 0},                 /* no schema */
        {SERVER_JSON, JSON_HEAD "\"allow\",\"burst\":null,\"schema\":2}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"maybe\",\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"burst\":{\"in_burst\":1},\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"burst\":7,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\" ,\"burst\":null,\"schema\":1}\n", 0},   /* a blank */
        {SERVER_JSON, JSON_HEAD "\"al\x1b[2Jlow\",\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"x\":\"\\q\",\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"x\":\"\xC3\",\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"x\":01,\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, JSON_HEAD "\"allow\",\"x\":[[[[[[[[[[1]]]]]]]]]],\"burst\":null,\"schema\":1}\n", 0},
        {SERVER_JSON, "[1,\"schema\":1}\n", 0},
        {SERVER_JSON, "{\"input\":\"x\",\"error\":\"e\",\"burst\":null,\"schema\":1}\nX", 0},
        /* env: a forged or unquoted line, a raw byte, a quote, the wrong count */
        {SERVER_ENV, "SMSREP_1_INPUT='x'\nSMSREP_1_CLASS=trusted\nSMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='x'$(id)''\nSMSREP_1_RECOMMENDATION='allow'\n"
                     "SMSREP_1_BURST=''\nSMSREP_1_BURST_SENDERS=''\nSMSREP_1_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='\x1b]0;x\x07'\nSMSREP_1_RECOMMENDATION='allow'\n"
                     "SMSREP_1_BURST=''\nSMSREP_1_BURST_SENDERS=''\nSMSREP_1_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='\xE2\x80\xAE'\nSMSREP_1_RECOMMENDATION='allow'\n"
                     "SMSREP_1_BURST=''\nSMSREP_1_BURST_SENDERS=''\nSMSREP_1_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_2_INPUT='x'\nSMSREP_2_RECOMMENDATION='allow'\n"
                     "SMSREP_2_BURST=''\nSMSREP_2_BURST_SENDERS=''\nSMSREP_2_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='x'\nSMSREP_1_RECOMMENDATION='allow'\n"
                     "SMSREP_1_BURST=''\nSMSREP_1_BURST_SENDERS=''\nSMSREP_1_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=2\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='x'\nSMSREP_1_RECOMMENDATION='allow'\nSMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "SMSREP_1_INPUT='x'\nSMSREP_1_RECOMMENDATION='allow'\nSMSREP_1_ERROR='e'\n"
                     "SMSREP_1_BURST=''\nSMSREP_1_BURST_SENDERS=''\nSMSREP_1_BURST_DEGRADED=''\n"
                     "SMSREP_COUNT=1\n", 0},
        {SERVER_ENV, "{\"error\":\"bad_request\",\"message\":\"no sender\"}\n", 0},
        /* text: a control byte, no exit line, a bad status, more after it */
        {SERVER_TEXT, "a\x1b[2J: trusted\nexit=0\n", 0},
        {SERVER_TEXT, "a: trusted\n", 0},
        {SERVER_TEXT, "a: trusted\nexit=3\n", 0},
        {SERVER_TEXT, "\nexit=0\n", 0},
        {SERVER_TEXT, "a: trusted\nexit=0\nb\n", 0},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int status = -1;
        print_message("case %zu\n", i);
        assert_int_not_equal(reply_check(bad[i].format, bad[i].answer, strlen(bad[i].answer), &status), 0);
    }
}

static char *printed(int format, unsigned n, const char *answer)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    reply_print(f, format, n, answer, strlen(answer));
    assert_int_equal(fclose(f), 0);
    return out;
}

static void prints_as_check_does(void **state)
{
    char *out;
    (void)state;
    out = printed(SERVER_ENV, 12, env_started);
    assert_string_equal(out, "SMSREP_12_INPUT='+12025553104'\n"
                             "SMSREP_12_RECOMMENDATION='allow'\n"
                             "SMSREP_12_BURST='started'\n"
                             "SMSREP_12_BURST_SENDERS='5'\n"
                             "SMSREP_12_BURST_DEGRADED='1'\n");
    free(out);
    out = printed(SERVER_TEXT, 3, text_ja);
    assert_string_equal(out, "05053704545: \xE4\xBF\xA1\xE9\xA0\xBC\xE3\x81\xA7\xE3\x81\x8D\xE3\x82\x8B"
                             " burst=on senders=6\n");
    free(out);
    out = printed(SERVER_JSON, 3, json_flag);
    assert_string_equal(out, json_flag);
    free(out);
}

static void frames_one_answer_at_a_time(void **state)
{
    char two[1024];
    (void)state;
    snprintf(two, sizeof two, "%s%s", env_allow, env_started);
    assert_int_equal(reply_length(SERVER_ENV, two, strlen(two)), strlen(env_allow));
    snprintf(two, sizeof two, "%s%s", json_flag, json_allow);
    assert_int_equal(reply_length(SERVER_JSON, two, strlen(two)), strlen(json_flag));
    assert_int_equal(reply_length(SERVER_TEXT, "a\nexit=0\nb\n", 11), 9);
    assert_int_equal(reply_length(SERVER_TEXT, "a\nexit=0", 8), 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(accepts_the_daemons_answers),
    cmocka_unit_test(refuses_every_cut),
    cmocka_unit_test(refuses_garbled_answers),
    cmocka_unit_test(prints_as_check_does),
    cmocka_unit_test(frames_one_answer_at_a_time),
};

SMSREP_TEST_MAIN(tests)
