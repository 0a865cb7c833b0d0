/* SPDX-License-Identifier: Apache-2.0
 * judge.c: smsrepd's checks: a read lock on the current database handle,
 * smsrep check --json's own report (examples/cli/report.c) and the
 * recipient's burst state; reloads that swap the handle whole. */
#include "judge.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

void say(int priority, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "<%d>smsrepd: ", priority);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void identify(const char *path, file_id *id)
{
    struct stat st;
    memset(id, 0, sizeof *id);
    if (path == NULL || stat(path, &st) != 0)
        return;
    id->exists = 1;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    id->size = st.st_size;
    id->mtime = st.st_mtim;
}

static int same(const file_id *a, const file_id *b)
{
    return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* A path for the log: escaped, as anything from outside. */
static char *shown(const char *path)
{
    return cli_escaped(path != NULL ? path : "embedded", strlen(path != NULL ? path : "embedded"));
}

static smsrep_db *open_db(const judge *j)
{
    char err[SMSREP_ERRBUF_SIZE];
    smsrep_db *db = NULL;
    int status = smsrep_open(&db, j->db_path, j->overlay_path, err, sizeof err);
    if (status != SMSREP_OK) {
        char *d = shown(j->db_path), *o = shown(j->overlay_path);
        char *e = cli_escaped(err, strlen(err));
        say(3, "cannot open database %s with overlay %s: %s (%s)", d ? d : "?",
            j->overlay_path ? (o ? o : "?") : "none", e && e[0] ? e : smsrep_strerror(status),
            smsrep_status_name(status));
        free(d);
        free(o);
        free(e);
        return NULL;
    }
    return db;
}

int judge_open(judge *j, const char *db_path, const char *overlay_path, smsrep_burst *burst)
{
    memset(j, 0, sizeof *j);
    j->db_path = db_path;
    j->overlay_path = overlay_path;
    j->burst = burst;
    identify(db_path, &j->db_id);
    identify(overlay_path, &j->overlay_id);
    if (pthread_rwlock_init(&j->lock, NULL) != 0)
        return -1;
    j->db = open_db(j);
    return j->db != NULL ? 0 : -1;
}

void judge_close(judge *j)
{
    smsrep_close(j->db);
    j->db = NULL;
    pthread_rwlock_destroy(&j->lock);
}

int judge_reload(judge *j, int force)
{
    file_id d, o;
    smsrep_db *db, *old;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    identify(j->db_path, &d);
    identify(j->overlay_path, &o);
    if (!force && same(&d, &j->db_id) && same(&o, &j->overlay_id))
        return 0;
    /* Remember what was tried, so a broken copy is not opened again each
     * second; the next copy (a new inode or time) is. */
    j->db_id = d;
    j->overlay_id = o;
    db = open_db(j);
    if (db == NULL) {
        say(4, "reload failed; still answering from the database opened before");
        return -1;
    }
    pthread_rwlock_wrlock(&j->lock);
    old = j->db;
    j->db = db;
    pthread_rwlock_unlock(&j->lock);
    smsrep_close(old);
    smsrep_db_info_get(db, &info);
    if (info.has_overlay) {
        char *v = cli_escaped(info.overlay_version, strlen(info.overlay_version));
        say(6, "reloaded the database and overlay (overlay version %s)", v ? v : "?");
        free(v);
    } else {
        say(6, "reloaded the database");
    }
    return 1;
}

void judge_error(FILE *f, const char *why)
{
    fputs("{\"error\":\"bad_request\",\"message\":", f);
    json_cstring(f, why);
    fputs("}\n", f);
}

/* The answer to one request in the format it asked for; st NULL for no
 * burst state. json: check --json's line with "burst" before "schema".
 * env: check --env's assignments numbered 1, the burst fields, and
 * SMSREP_COUNT=1, which ends the answer. text: check's line for people with
 * the burst words, then "exit=N", check's exit status for this one input
 * (a burst counts as flagged), which ends the answer. */
static void answer(FILE *f, const request *r, const char *out, size_t len,
                   const smsrep_burst_state *st, int exit_status)
{
    switch (r->format) {
    case REQUEST_ENV:
        fwrite(out, 1, len, f);
        burst_env(f, 1, st);
        env_count(f, 1);
        return;
    case REQUEST_TEXT:
        fwrite(out, 1, len - 1, f); /* without its line feed */
        burst_text(f, st);
        fprintf(f, "\nexit=%d\n", exit_status);
        return;
    default:
        if (burst_json_line(f, out, len, st) != 0)
            judge_error(f, "internal error: a verdict line without its schema");
        return;
    }
}

void judge_query(const request *r, smsrep_query *q)
{
    q->sender = r->sender;
    q->sender_len = r->sender_len;
    q->hint = r->hint;
    q->time = r->time;
    memcpy(q->region, r->region, sizeof r->region);
    if (r->has_text) {
        q->text = r->text;
        q->text_len = r->text_len;
    }
}

int judge_burst(judge *j, const request *r, int status, const smsrep_verdict *v,
                smsrep_burst_state *st)
{
    uint32_t flags = 0;
    /* The same flags as smsrep burst: a one-time code, or anything not allowed. */
    if (status != SMSREP_OK)
        flags = SMSREP_BURST_JUNK;
    else {
        if (v->reasons & SMSREP_REASON_BIT(SMSREP_REASON_ONE_TIME_CODE))
            flags |= SMSREP_BURST_CODE;
        if (v->recommendation != SMSREP_RECOMMEND_ALLOW)
            flags |= SMSREP_BURST_JUNK;
    }
    return r->recipient_len > 0 &&
           smsrep_burst_observe(j->burst, r->recipient, r->recipient_len, r->sender,
                                r->sender_len, r->time != 0 ? r->time : (int64_t)time(NULL), flags,
                                st) == SMSREP_OK;
}

void judge_check(judge *j, const request *r, FILE *f)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    char *buf = NULL;
    size_t len = 0;
    FILE *m;
    int status, have_state, exit_status;

    judge_query(r, &q);
    m = open_memstream(&buf, &len);
    if (m == NULL) {
        judge_error(f, "out of memory");
        return;
    }
    pthread_rwlock_rdlock(&j->lock);
    status = smsrep_check(j->db, &q, &v);
    if (r->format == REQUEST_ENV) {
        if (status == SMSREP_OK)
            env_verdict(m, 1, r->sender, r->sender_len, &v);
        else
            env_error(m, 1, r->sender, r->sender_len, status);
    } else if (status == SMSREP_OK) {
        report_verdict(m, j->db, r->sender, r->sender_len, &v, r->format == REQUEST_JSON,
                       r->japanese);
    } else {
        report_error(m, r->sender, r->sender_len, status, r->format == REQUEST_JSON,
                     r->japanese);
    }
    pthread_rwlock_unlock(&j->lock);
    if (fclose(m) != 0 || len < 2) {
        free(buf);
        judge_error(f, "out of memory");
        return;
    }
    have_state = judge_burst(j, r, status, &v, &st);
    if (status != SMSREP_OK)
        exit_status = EXIT_ERROR;
    else if ((have_state && st.in_burst) || v.recommendation != SMSREP_RECOMMEND_ALLOW)
        exit_status = EXIT_FLAGGED;
    else
        exit_status = EXIT_ALLOW;
    answer(f, r, buf, len, have_state ? &st : NULL, exit_status);
    free(buf);
}
