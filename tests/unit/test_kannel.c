/* SPDX-License-Identifier: Apache-2.0
 * test_kannel.c: smsrepd's GET /kannel (examples/smsrepd/kannel.c) without
 * HTTP: the fields it reads, the redirect URL it builds, the verdict line
 * and the quarantine file, and what it answers for each kind of message. */
#include "testing.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kannel.h"

static judge j;
static smsrep_burst *burst;

static int setup(void **state)
{
    (void)state;
    if (smsrep_burst_new(&burst, NULL) != SMSREP_OK || judge_open(&j, NULL, NULL, burst) != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    judge_close(&j);
    smsrep_burst_free(burst);
    return 0;
}

/* The outcome of one raw query, judged. */
static kannel_outcome judged(const char *q, request *r)
{
    kannel_outcome o;
    const char *why = NULL;
    kannel_fields(r, q, strlen(q), &why);
    kannel_judge(&j, r, why, &o);
    return o;
}

static char *log_line(const request *r, const kannel_outcome *o)
{
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    assert_non_null(m);
    kannel_log_line(m, 1700000000, r, o);
    assert_int_equal(fclose(m), 0);
    return out;
}

static void fields_known_are_read_others_skipped(void **state)
{
    request r;
    const char *why = NULL;
    static const char q[] = "id=abc&sender=%2B815053704545&smsc=FAKE&text=Your+code+is+1234&"
                            "recipient=12345&region=JP&flag";
    (void)state;
    assert_int_equal(kannel_fields(&r, q, strlen(q), &why), 0);
    assert_string_equal(r.sender, "+815053704545");
    assert_string_equal(r.text, "Your code is 1234");
    assert_string_equal(r.recipient, "12345");
    assert_string_equal(r.region, "JP");
    /* A known field twice, a bad escape in one, or no sender: not read. */
    assert_int_equal(kannel_fields(&r, "sender=a&sender=b", 17, &why), -1);
    assert_int_equal(kannel_fields(&r, "sender=%2", 9, &why), -1);
    assert_int_equal(kannel_fields(&r, "text=a&x=1", 10, &why), -1);
    assert_string_equal(why, "no sender");
}

static void a_long_text_is_read_not_refused(void **state)
{
    size_t n = 6 + 2 * SMSREP_TEXT_MAX + 12;
    char *q = malloc(n + 1);
    request r;
    const char *why = NULL;
    (void)state;
    assert_non_null(q);
    strcpy(q, "text=");
    memset(q + 5, 'a', 2 * SMSREP_TEXT_MAX);
    strcpy(q + 5 + 2 * SMSREP_TEXT_MAX, "&sender=AB");
    assert_int_equal(kannel_fields(&r, q, strlen(q), &why), 0);
    assert_int_equal(r.text_len, SMSREP_TEXT_MAX);
    free(q);
}

static void the_redirect_passes_the_query_on_with_the_verdict(void **state)
{
    request r;
    static const char q[] = "sender=%2B815053704545&recipient=12345&region=JP&text=hi+there&"
                            "smsrep_class=trusted&smsrep%5Fburst=off&id=\x01#";
    kannel_outcome o;
    char *loc;
    (void)state;
    o = judged(q, &r);
    assert_true(kannel_passes(&o));
    loc = kannel_location("http://127.0.0.1:8080/in", q, strlen(q), &o);
    /* The query as Kannel sent it, the smsrep_* fields it brought left out,
     * bytes that could end the URL encoded; then smsrepd's own verdict. */
    assert_string_equal(loc, "http://127.0.0.1:8080/in?sender=%2B815053704545&recipient=12345&"
                             "region=JP&text=hi+there&id=%01%23&smsrep_class=trusted&"
                             "smsrep_recommendation=allow&smsrep_reasons=known_otp_sender+ip_phone&"
                             "smsrep_burst=off");
    free(loc);
    /* A next URL with its own query gets '&'; an empty query, no stray '&'. */
    loc = kannel_location("http://app/in?key=1", "", 0, &o);
    assert_string_equal(loc, "http://app/in?key=1&smsrep_class=trusted&smsrep_recommendation=allow&"
                             "smsrep_reasons=known_otp_sender+ip_phone&smsrep_burst=off");
    free(loc);
}

static void log_lines_escape_and_say_the_burst(void **state)
{
    request r;
    kannel_outcome o;
    char *line;
    char q[160];
    int i;
    (void)state;
    o = judged("sender=O%27Reilly%0A2026-01-01T00:00:00Z+smsrep+x&region=JP", &r);
    line = log_line(&r, &o);
    assert_string_equal(line, "2023-11-14T22:13:20Z smsrep O'Reilly\\n2026-01-01T00:00:00Z smsrep x "
                              "error bad_character\n");
    free(line);
    o = judged("recipient=12345&region=JP", &r);
    line = log_line(&r, &o);
    assert_string_equal(line, "2023-11-14T22:13:20Z smsrep - error no_sender\n");
    free(line);
    /* Codes from six senders to one recipient: the fifth starts the burst. */
    for (i = 0; i < 6; i++) {
        snprintf(q, sizeof q,
                 "sender=%%2B1202555310%d&recipient=%%2B819011112222&region=JP&"
                 "text=Your+code+is+48213%d&time=%d",
                 i, i, 1700000000 + i);
        o = judged(q, &r);
        line = log_line(&r, &o);
        if (i < 4)
            assert_null(strstr(line, "burst="));
        else if (i == 4)
            assert_non_null(strstr(line, "[foreign_route one_time_code] burst=started senders=5\n"));
        else
            assert_non_null(strstr(line, " burst=on senders=6\n"));
        free(line);
    }
    line = kannel_location("http://a/", "x=1", 3, &o);
    assert_string_equal(line, "http://a/?x=1&smsrep_class=caution&smsrep_recommendation=flag&"
                              "smsrep_reasons=foreign_route+one_time_code&smsrep_burst=on");
    free(line);
}

/* The one file in dir; its name in name. */
static char *only_file(const char *dir, char *name, size_t cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1024];
    size_t size;
    unsigned char *body;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') {
            snprintf(name, cap, "%.63s", e->d_name);
            n++;
        }
    closedir(d);
    assert_int_equal(n, 1);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    body = test_slurp(path, &size);
    body = realloc(body, size + 1);
    body[size] = '\0';
    return (char *)body;
}

static void the_quarantine_holds_one_field_per_line(void **state)
{
    char dir[] = "/tmp/smsrep-kannel-XXXXXX", name[64], held[64], path[600], *body;
    static const char q[] = "sender=%2B447700900123&recipient=12345&text=hi";
    request r;
    kannel_outcome o;
    struct stat st;
    FILE *f;
    (void)state;
    assert_non_null(mkdtemp(dir));
    o = judged(q, &r);
    assert_false(kannel_passes(&o));
    assert_int_equal(kannel_hold(dir, 1700000000, q, strlen(q), &o, held), 0);
    body = only_file(dir, name, sizeof name);
    assert_string_equal(name, held);
    assert_int_equal(strncmp(name, "20231114_221320_", 16), 0);
    assert_non_null(strstr(name, ".blocked"));
    assert_string_equal(body, "sender=%2B447700900123\nrecipient=12345\ntext=hi\n"
                              "smsrep_class=spoofed\nsmsrep_recommendation=block\n"
                              "smsrep_reasons=invalid_number+fictional_range\n"
                              "smsrep_burst=off\n");
    free(body);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* A file already under the next name (another daemon's, the same
     * second) is never replaced: this message takes another. */
    {
        unsigned long c = strtoul(name + 16, NULL, 10);
        snprintf(path, sizeof path, "%s/20231114_221320_%lu.error", dir, c + 1);
        f = fopen(path, "w");
        assert_non_null(f);
        fputs("someone else's\n", f);
        fclose(f);
        o = judged("sender=%2B12025550123%01", &r);
        assert_int_equal(kannel_hold(dir, 1700000000, "sender=%2B12025550123%01", 24, &o, held), 0);
        assert_string_not_equal(held, path + strlen(dir) + 1);
        body = (char *)test_slurp(path, &(size_t){0});
        assert_int_equal(memcmp(body, "someone else's\n", 15), 0);
        free(body);
        snprintf(path, sizeof path, "%s/%s", dir, held);
        body = (char *)test_slurp(path, &(size_t){0});
        assert_int_equal(memcmp(body, "sender=%2B12025550123%01\nsmsrep_error=bad_character\n", 52), 0);
        free(body);
        unlink(path);
        snprintf(path, sizeof path, "%s/20231114_221320_%lu.error", dir, c + 1);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    /* A quarantine that is not a folder: -1, and nothing left behind. */
    assert_int_equal(kannel_hold(path, 1700000000, q, strlen(q), &o, held), -1);
    assert_int_equal(rmdir(dir), 0);
}

static void answers_redirect_hold_or_fail(void **state)
{
    char dir[] = "/tmp/smsrep-kannel-XXXXXX", qdir[600], logp[600], name[64], *body, *loc;
    kannel_config k = {"http://127.0.0.1:9/app", NULL, NULL};
    static const char ok[] = "sender=AMAZ0N&recipient=12345&region=JP&text=hello";
    static const char bad[] = "sender=%2B447700900123&recipient=12345&region=JP&text=hello";
    size_t size;
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(qdir, sizeof qdir, "%s/q", dir);
    snprintf(logp, sizeof logp, "%s/verdicts.log", dir);
    assert_int_equal(mkdir(qdir, 0750), 0);
    k.quarantine = qdir;
    k.log = logp;
    assert_int_equal(kannel_answer(&k, &j, ok, strlen(ok), &loc), 302);
    assert_non_null(strstr(loc, "?sender=AMAZ0N&recipient=12345&region=JP&text=hello&"
                                "smsrep_class=suspicious&smsrep_recommendation=flag&"));
    free(loc);
    assert_int_equal(kannel_answer(&k, &j, bad, strlen(bad), &loc), 200);
    assert_null(loc);
    body = only_file(qdir, name, sizeof name);
    assert_non_null(strstr(body, "smsrep_class=spoofed\n"));
    free(body);
    body = (char *)test_slurp(logp, &size);
    body = realloc(body, size + 1);
    body[size] = '\0';
    assert_non_null(strstr(body, "Z smsrep AMAZ0N suspicious flag AMAZ0N [brand_lookalike "
                                 "unregistered_sender_id]\n"));
    assert_non_null(strstr(body, "Z smsrep +447700900123 spoofed block +447700900123 "));
    free(body);
    /* Without --next: 200, nothing to redirect to. */
    k.next = NULL;
    assert_int_equal(kannel_answer(&k, &j, ok, strlen(ok), &loc), 200);
    assert_null(loc);
    /* A quarantine that cannot be written: 500, never a silent drop. */
    {
        char path[1024];
        DIR *d = opendir(qdir);
        struct dirent *e;
        while ((e = readdir(d)) != NULL)
            if (e->d_name[0] != '.') {
                snprintf(path, sizeof path, "%s/%s", qdir, e->d_name);
                unlink(path);
            }
        closedir(d);
    }
    assert_int_equal(rmdir(qdir), 0);
    assert_int_equal(kannel_answer(&k, &j, bad, strlen(bad), &loc), 500);
    /* Without a quarantine a blocked message is only logged: 200. */
    k.quarantine = NULL;
    assert_int_equal(kannel_answer(&k, &j, bad, strlen(bad), &loc), 200);
    unlink(logp);
    assert_int_equal(rmdir(dir), 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(fields_known_are_read_others_skipped),
    cmocka_unit_test(a_long_text_is_read_not_refused),
    cmocka_unit_test(the_redirect_passes_the_query_on_with_the_verdict),
    cmocka_unit_test(log_lines_escape_and_say_the_burst),
    cmocka_unit_test(the_quarantine_holds_one_field_per_line),
    cmocka_unit_test(answers_redirect_hold_or_fail),
};

int main(int argc, char **argv)
{
    if (argc > 1) {
        size_t i, n = sizeof tests / sizeof tests[0];
        for (i = 0; i < n && strcmp(tests[i].name, argv[1]) != 0; i++)
            ;
        if (i == n) {
            fprintf(stderr, "no test named %s\n", argv[1]);
            return 1;
        }
        cmocka_set_test_filter(argv[1]);
    }
    return cmocka_run_group_tests(tests, setup, teardown);
}
