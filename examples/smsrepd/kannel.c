/* SPDX-License-Identifier: Apache-2.0
 * kannel.c: GET /kannel, the endpoint for Kannel's get-url: the sender
 * judged with the text and the recipient's burst state, one verdict line,
 * then a redirect to the operator's application or the quarantine. */
#define _GNU_SOURCE /* O_DIRECTORY */
#include "kannel.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *const known[] = {"sender", "recipient", "region", "hint", "text", "time"};

static int is_known(const char *key, size_t len)
{
    size_t i;
    for (i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strlen(known[i]) == len && memcmp(key, known[i], len) == 0)
            return 1;
    return 0;
}

int kannel_fields(request *r, const char *query, size_t len, const char **why)
{
    /* A decoded value is never longer than the raw query. */
    char *value = malloc(len + 1);
    size_t i = 0;
    request_init(r);
    if (value == NULL) {
        *why = "out of memory";
        return -1;
    }
    while (i < len) {
        size_t end = i, eq, kl, vl = 0;
        char key[16];
        while (end < len && query[end] != '&')
            end++;
        eq = i;
        while (eq < end && query[eq] != '=')
            eq++;
        kl = request_decode(query + i, eq - i, key, sizeof key);
        if (kl != (size_t)-1 && is_known(key, kl)) {
            if (eq < end)
                vl = request_decode(query + eq + 1, end - eq - 1, value, len);
            if (vl == (size_t)-1) {
                *why = "bad percent-encoding";
                free(value);
                return -1;
            }
            if (request_set(r, key, kl, value, vl, why) != 0) {
                free(value);
                return -1;
            }
        }
        i = end + 1;
    }
    free(value);
    return request_complete(r, why);
}

void kannel_judge(judge *j, const request *r, const char *why, kannel_outcome *o)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    int status;

    memset(o, 0, sizeof *o);
    o->v = v;
    o->burst = st;
    if (why != NULL) {
        o->error = strcmp(why, "no sender") == 0 ? "no_sender" : "bad_request";
        return;
    }
    judge_query(r, &q);
    pthread_rwlock_rdlock(&j->lock);
    status = smsrep_check(j->db, &q, &o->v);
    pthread_rwlock_unlock(&j->lock);
    if (status != SMSREP_OK)
        o->error = smsrep_status_name(status);
    /* Counted as /check counts it. */
    o->has_burst = judge_burst(j, r, status, &o->v, &o->burst);
}

int kannel_passes(const kannel_outcome *o)
{
    return o->error == NULL && o->v.recommendation != SMSREP_RECOMMEND_BLOCK;
}

/* 1 when the raw key s[0..n) names a field only smsrepd sets. */
static int ours(const char *s, size_t n)
{
    char key[64];
    size_t kl = request_decode(s, n, key, sizeof key);
    if (kl == (size_t)-1) {
        memcpy(key, s, n < sizeof key ? n : sizeof key);
        kl = n < sizeof key ? n : sizeof key;
    }
    return kl >= 7 && memcmp(key, "smsrep_", 7) == 0;
}

size_t kannel_query_out(FILE *f, const char *query, size_t len, const char *sep)
{
    size_t i = 0, n = 0;
    while (i < len) {
        size_t end = i, eq, k;
        while (end < len && query[end] != '&')
            end++;
        eq = i;
        while (eq < end && query[eq] != '=')
            eq++;
        if (end > i && !ours(query + i, eq - i)) {
            if (n++ > 0)
                fputs(sep, f);
            for (k = i; k < end; k++) {
                unsigned char c = (unsigned char)query[k];
                if (c < 0x21 || c > 0x7e || c == '#')
                    fprintf(f, "%%%02X", c);
                else
                    fputc(c, f);
            }
        }
        i = end + 1;
    }
    return n;
}

static const char *burst_word(const kannel_outcome *o)
{
    if (!o->has_burst || !o->burst.in_burst)
        return "off";
    return o->burst.started ? "started" : "on";
}

void kannel_verdict_fields(FILE *f, const kannel_outcome *o, const char *lead, const char *sep)
{
    uint32_t r;
    int first = 1;
    if (o->error != NULL) {
        fprintf(f, "%ssmsrep_error=%s", lead, o->error);
        return;
    }
    fprintf(f, "%ssmsrep_class=%s%ssmsrep_recommendation=%s%ssmsrep_reasons=", lead,
            smsrep_class_name(o->v.class_), sep, smsrep_recommendation_name(o->v.recommendation),
            sep);
    for (r = 0; r < 64; r++)
        if (o->v.reasons & SMSREP_REASON_BIT(r)) {
            fprintf(f, "%s%s", first ? "" : "+", smsrep_reason_name(r));
            first = 0;
        }
    fprintf(f, "%ssmsrep_burst=%s", sep, burst_word(o));
}

char *kannel_location(const char *next, const char *query, size_t len, const kannel_outcome *o)
{
    char *out = NULL;
    size_t size = 0, n;
    FILE *f = open_memstream(&out, &size);
    if (f == NULL)
        return NULL;
    fputs(next, f);
    fputc(strchr(next, '?') != NULL ? '&' : '?', f);
    n = kannel_query_out(f, query, len, "&");
    kannel_verdict_fields(f, o, n > 0 ? "&" : "", "&");
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

void kannel_log_line(FILE *f, time_t now, const request *r, const kannel_outcome *o)
{
    struct tm tm;
    char stamp[32];
    uint32_t k;
    int first = 1;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(f, "%s smsrep ", stamp);
    if (r->sender_len > 0)
        cli_escape(f, r->sender, r->sender_len);
    else
        fputc('-', f);
    if (o->error != NULL) {
        fprintf(f, " error %s", o->error);
    } else {
        fprintf(f, " %s %s ", smsrep_class_name(o->v.class_),
                smsrep_recommendation_name(o->v.recommendation));
        cli_escape_c(f, o->v.normalized);
        fputs(" [", f);
        for (k = 0; k < 64; k++)
            if (o->v.reasons & SMSREP_REASON_BIT(k)) {
                fprintf(f, "%s%s", first ? "" : " ", smsrep_reason_name(k));
                first = 0;
            }
        fputc(']', f);
    }
    if (o->has_burst && o->burst.in_burst)
        fprintf(f, " burst=%s senders=%u", burst_word(o), o->burst.senders);
    if (o->has_burst && o->burst.degraded)
        fputs(" store=degraded", f);
    fputc('\n', f);
}

int kannel_hold(const char *dir, time_t now, const char *query, size_t len,
                const kannel_outcome *o, char *name)
{
    static unsigned long counter;
    const char *ext = o->error != NULL ? "error" : "blocked";
    char stamp[32], tmp[PATH_MAX], path[PATH_MAX];
    struct tm tm;
    unsigned long c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    FILE *f;
    int fd, tries, saved, ok;
    size_t n;

    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d_%H%M%S", &tm);
    if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s_%lu.%ld.tmp", dir, stamp, c, (long)getpid()) >=
        sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    f = fdopen(fd, "w");
    if (f == NULL) {
        saved = errno;
        close(fd);
        unlink(tmp);
        errno = saved;
        return -1;
    }
    n = kannel_query_out(f, query, len, "\n");
    kannel_verdict_fields(f, o, n > 0 ? "\n" : "", "\n");
    fputc('\n', f);
    ok = fflush(f) == 0 && fsync(fd) == 0;
    saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp);
        errno = saved;
        return -1;
    }
    /* link() never replaces a file: another daemon's message held in the
     * same second under the same counter stays, and this one takes the
     * next number. */
    for (tries = 0; tries < 1000; tries++) {
        snprintf(name, 64, "%s_%lu.%s", stamp, c, ext);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (link(tmp, path) == 0)
            break;
        if (errno != EEXIST) {
            saved = errno;
            unlink(tmp);
            errno = saved;
            return -1;
        }
        c = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
    }
    unlink(tmp);
    if (tries == 1000) {
        errno = EEXIST;
        return -1;
    }
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    return 0;
}

/* Appends one line to the verdict log, opened for this line alone so that
 * a rotated log needs no signal; says once in the journal while it fails. */
static void log_verdict(const char *path, time_t now, const request *r, const kannel_outcome *o)
{
    static int failing;
    char *line = NULL;
    size_t size = 0;
    FILE *m = open_memstream(&line, &size);
    int fd, ok = 0, err = 0;
    if (m == NULL)
        return;
    kannel_log_line(m, now, r, o);
    if (fclose(m) == 0) {
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
        if (fd >= 0) {
            ok = write(fd, line, size) == (ssize_t)size;
            err = errno;
            close(fd);
        } else {
            err = errno;
        }
    }
    free(line);
    if (!ok && !failing) {
        char *p = cli_escaped(path, strlen(path));
        say(4, "cannot write the verdict log %s: %s", p != NULL ? p : "?",
            err != 0 ? strerror(err) : "a short write");
        free(p);
    } else if (ok && failing) {
        say(6, "the verdict log is written again");
    }
    failing = !ok;
}

unsigned kannel_answer(const kannel_config *k, judge *j, const char *query, size_t len,
                       char **location)
{
    request *r = malloc(sizeof *r);
    const char *why = NULL;
    kannel_outcome o;
    char name[64];
    time_t now = time(NULL);
    unsigned status = 200;

    *location = NULL;
    if (r == NULL)
        return 500;
    kannel_fields(r, query, len, &why);
    kannel_judge(j, r, why, &o);
    if (k->log != NULL)
        log_verdict(k->log, now, r, &o);
    free(r);
    if (kannel_passes(&o)) {
        if (k->next != NULL) {
            *location = kannel_location(k->next, query, len, &o);
            status = *location != NULL ? 302 : 500;
        }
    } else if (k->quarantine != NULL && kannel_hold(k->quarantine, now, query, len, &o, name) != 0) {
        int err = errno;
        char *d = cli_escaped(k->quarantine, strlen(k->quarantine));
        say(4, "cannot hold a%s message in the quarantine %s: %s; answered 500",
            o.error != NULL ? "n unjudged" : " blocked", d != NULL ? d : "?", strerror(err));
        free(d);
        status = 500;
    }
    return status;
}
