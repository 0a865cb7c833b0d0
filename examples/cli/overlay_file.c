/* SPDX-License-Identifier: Apache-2.0
 * overlay_file.c: changes an operator's overlay so that nothing committed is
 * ever lost and no reader sees half a change. A change takes FILE.lock,
 * copies FILE (or makes a new overlay from db/overlay.sql) into a temporary
 * file beside it, changes the copy inside a transaction, syncs it, and
 * renames it over FILE; a crash at any point leaves FILE whole, and the
 * library, which reads a file once at open, sees either the old file or the
 * new one. */
#include "overlay_file.h"

#include "overlay_format.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* db/overlay.sql, embedded at build time. */
extern const unsigned char smsrep_cli_overlay_sql[];


#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    if (why != NULL && cap > 0) {
        va_start(ap, fmt);
        vsnprintf(why, cap, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int sql_fail(overlay_file *o, char *why, size_t cap)
{
    return fail(why, cap, "%s", o->db ? sqlite3_errmsg(o->db) : "cannot start SQLite");
}

void overlay_today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Creates the temporary copy exclusively (never through a symlink, never
 * over another file) with the final mode and, when allowed, owner: a
 * reader who may not read FILE cannot read its copy either. Copies FROM's
 * bytes when from_fd >= 0. 0 or -1 with errno. */
static int make_copy(int from_fd, const char *to, const struct stat *mode_of)
{
    char buf[65536];
    mode_t mode = mode_of != NULL ? mode_of->st_mode & 07777 : 0644;
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0600);
    ssize_t n = 0;
    if (out < 0)
        return -1;
    /* Mode and owner are set while the file is empty, 0600 until then. */
    if (mode_of != NULL && fchown(out, mode_of->st_uid, mode_of->st_gid) != 0 && errno != EPERM) {
        n = -1;
    } else if (mode_of == NULL) {
        mode_t mask = umask(0);
        umask(mask);
        n = fchmod(out, mode & ~mask) == 0 ? 0 : -1;
    } else {
        n = fchmod(out, mode) == 0 ? 0 : -1;
    }
    while (n == 0 && from_fd >= 0 && (n = read(from_fd, buf, sizeof buf)) > 0) {
        if (write(out, buf, (size_t)n) != n) {
            n = -1;
            break;
        }
        n = 0;
    }
    if (close(out) != 0 || n < 0)
        return -1;
    return 0;
}

/* Is NAME one of this writer's own temporaries for BASE: BASE.tmp-PID or
 * SQLite's BASE.tmp-PID-journal beside it? */
static int own_temporary(const char *name, const char *base)
{
    size_t len = strlen(base);
    const char *p;
    if (strncmp(name, base, len) != 0 || strncmp(name + len, ".tmp-", 5) != 0)
        return 0;
    p = name + len + 5;
    if (*p < '0' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '\0' || strcmp(p, "-journal") == 0;
}

/* Removes FILE.tmp-PID left by a writer that died: with the lock held, no
 * living writer can own one. Names are compared, never globbed, so a FILE
 * named "[ab].sqlite" touches no other file's temporaries. */
static void remove_stale_copies(const char *path)
{
    char folder[4200];
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    struct dirent *e;
    DIR *d;
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) + 1 : 1,
             slash ? path : ".");
    d = opendir(folder);
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL)
        if (own_temporary(e->d_name, base))
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}

/* Is the open database an overlay of the version this program writes? */
static int check_overlay(overlay_file *o, char *why, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int64_t app = 0, version = 0;
    if (sqlite3_prepare_v2(o->db, "SELECT * FROM pragma_application_id, pragma_user_version", -1,
                           &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return fail(why, cap, "%s is not an overlay: %s", o->path, sqlite3_errmsg(o->db));
    }
    app = sqlite3_column_int64(st, 0);
    version = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    if (app != SMSREP__OVERLAY_APPLICATION_ID)
        return fail(why, cap, "%s is not a libsmsrep overlay (application_id %lld)", o->path,
                    (long long)app);
    if (version != SMSREP__OVERLAY_SCHEMA_VERSION)
        return fail(why, cap, "%s has overlay schema %lld; this program writes %d", o->path,
                    (long long)version, SMSREP__OVERLAY_SCHEMA_VERSION);
    return 0;
}

int overlay_begin(overlay_file *o, const char *path, char *why, size_t cap)
{
    struct stat st;
    int fresh, in = -1;

    memset(o, 0, sizeof *o);
    o->lock_fd = -1;
    o->path = path;
    if (path != NULL) {
        snprintf(o->lock, sizeof o->lock, "%s.lock", path);
        snprintf(o->tmp, sizeof o->tmp, "%s.tmp-%ld", path, (long)getpid());
        /* Neither the lock nor FILE is followed through a symlink: root
         * writing an overlay must not create or copy a file it points to. */
        o->lock_fd = open(o->lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (o->lock_fd < 0 || flock(o->lock_fd, LOCK_EX) != 0)
            return fail(why, cap, "cannot lock %s: %s", o->lock, strerror(errno));
        in = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        fresh = in < 0 && errno == ENOENT;
        if (in < 0 && !fresh) {
            fail(why, cap, "cannot read %s: %s", path,
                 errno == ELOOP ? "it is a symbolic link" : strerror(errno));
            overlay_abort(o);
            return -1;
        }
        if (!fresh && (fstat(in, &st) != 0 || !S_ISREG(st.st_mode))) {
            fail(why, cap, "%s is not a regular file", path);
            close(in);
            overlay_abort(o);
            return -1;
        }
        remove_stale_copies(path);
        if (make_copy(in, o->tmp, fresh ? NULL : &st) != 0) {
            fail(why, cap, "cannot copy %s to %s: %s", path, o->tmp, strerror(errno));
            if (in >= 0)
                close(in);
            overlay_abort(o);
            return -1;
        }
        if (in >= 0)
            close(in);
    } else {
        fresh = 1;
    }
    if (sqlite3_open_v2(path != NULL ? o->tmp : ":memory:", &o->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sql_fail(o, why, cap);
        overlay_abort(o);
        return -1;
    }
    sqlite3_db_config(o->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(o->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    if (fresh) {
        if (sqlite3_exec(o->db, (const char *)smsrep_cli_overlay_sql, NULL, NULL, NULL) != SQLITE_OK ||
            overlay_put_source(o, "operator", "the operator's own list", "", "", "", why, cap) != 0) {
            sql_fail(o, why, cap);
            overlay_abort(o);
            return -1;
        }
    } else if (check_overlay(o, why, cap) != 0) {
        overlay_abort(o);
        return -1;
    }
    if (sqlite3_exec(o->db, "PRAGMA synchronous = FULL; BEGIN IMMEDIATE", NULL, NULL, NULL) !=
        SQLITE_OK) {
        sql_fail(o, why, cap);
        overlay_abort(o);
        return -1;
    }
    return 0;
}

/* Flushes a file or folder to stable storage. */
static int sync_path(const char *path, int folder)
{
    int fd = open(path, folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    int rc;
    if (fd < 0)
        return -1;
    rc = fsync(fd);
    close(fd);
    return rc;
}

int overlay_commit(overlay_file *o, char *why, size_t cap)
{
    char stamp[32], folder[4200];
    time_t now = time(NULL);
    struct tm tm;
    sqlite3_stmt *st = NULL;
    const char *slash;
    int rc;

    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    rc = sqlite3_prepare_v2(o->db, "INSERT OR REPLACE INTO meta VALUES ('overlay_version', ?1)", -1,
                            &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, stamp, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK || sqlite3_exec(o->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(o, why, cap);
        overlay_abort(o);
        return -1;
    }
    if (o->path == NULL) { /* in memory: nothing to save */
        overlay_abort(o);
        return 0;
    }
    if (sqlite3_close(o->db) != SQLITE_OK) {
        fail(why, cap, "cannot close %s", o->tmp);
        overlay_abort(o);
        return -1;
    }
    o->db = NULL;
    slash = strrchr(o->path, '/');
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - o->path) + 1 : 1,
             slash ? o->path : ".");
    if (sync_path(o->tmp, 0) != 0 || rename(o->tmp, o->path) != 0 || sync_path(folder, 1) != 0) {
        fail(why, cap, "cannot replace %s: %s", o->path, strerror(errno));
        overlay_abort(o);
        return -1;
    }
    o->tmp[0] = '\0';
    overlay_abort(o); /* releases the lock; nothing left to throw away */
    return 0;
}

void overlay_abort(overlay_file *o)
{
    if (o->db != NULL) {
        sqlite3_close(o->db);
        o->db = NULL;
    }
    if (o->path != NULL && o->tmp[0] != '\0') {
        unlink(o->tmp);
        o->tmp[0] = '\0';
    }
    if (o->lock_fd >= 0) {
        close(o->lock_fd); /* releases the flock */
        o->lock_fd = -1;
    }
}

/* ------------------------------------------------------------ keys */

int rule_key_of_sender(smsrep_db *db, const char *sender, size_t len, const char *region,
                       uint32_t hint, rule_key *k, char *why, size_t cap)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    int status;

    memset(k, 0, sizeof *k);
    q.sender = sender;
    q.sender_len = len;
    q.hint = hint;
    if (region != NULL)
        snprintf(q.region, sizeof q.region, "%s", region);
    status = smsrep_check(db, &q, &v);
    if (status != SMSREP_OK)
        return fail(why, cap, "%s (%s)", smsrep_strerror(status), smsrep_status_name(status));
    switch (v.kind) {
    case SMSREP_KIND_NUMBER:
        snprintf(k->kind, sizeof k->kind, OVERLAY_KIND_NUMBER);
        snprintf(k->prefix, sizeof k->prefix, "%.*s", (int)sizeof k->prefix - 1,
                 v.normalized + 1); /* without '+' */
        k->min_len = k->max_len = (int)strlen(k->prefix);
        snprintf(k->shown, sizeof k->shown, "%s", v.normalized);
        return 0;
    case SMSREP_KIND_SHORT_CODE:
        snprintf(k->kind, sizeof k->kind, OVERLAY_KIND_SHORT_CODE);
        snprintf(k->region, sizeof k->region, "%s", v.region);
        snprintf(k->prefix, sizeof k->prefix, "%s", v.normalized);
        snprintf(k->shown, sizeof k->shown, "%s %s", v.region, v.normalized);
        return 0;
    case SMSREP_KIND_ALPHANUMERIC:
        snprintf(k->kind, sizeof k->kind, OVERLAY_KIND_SENDER_ID);
        snprintf(k->region, sizeof k->region, "%s", q.region[0] ? q.region : "*");
        for (status = 0; k->region[status]; status++)
            if (k->region[status] >= 'a' && k->region[status] <= 'z')
                k->region[status] = (char)(k->region[status] - 32);
        snprintf(k->prefix, sizeof k->prefix, "%s", v.normalized);
        snprintf(k->shown, sizeof k->shown, "%s %s", k->region, v.normalized);
        return 0;
    default:
        return fail(why, cap, "not a sender that can be listed: it is malformed or its calling "
                              "code is unknown");
    }
}

int rule_key_of_range(const char *prefix, const char *lengths, rule_key *k, char *why, size_t cap)
{
    int min = 0, max = 0, plen, consumed = 0;
    size_t i;

    memset(k, 0, sizeof *k);
    if (prefix[0] == '+')
        prefix++;
    plen = (int)strlen(prefix);
    for (i = 0; prefix[i]; i++)
        if (prefix[i] < '0' || prefix[i] > '9')
            return fail(why, cap, "a range's prefix is E.164 digits, not \"%s\"", prefix);
    if (plen == 0 || prefix[0] == '0' || plen > 15)
        return fail(why, cap, "a range's prefix is 1 to 15 E.164 digits, not starting with 0");
    if (sscanf(lengths, "%d-%d%n", &min, &max, &consumed) == 2 && lengths[consumed] == '\0') {
        /* N-M */
    } else if (sscanf(lengths, "%d%n", &min, &consumed) == 1 && lengths[consumed] == '\0') {
        max = min;
    } else {
        return fail(why, cap, "--length takes N or N-M, not \"%s\"", lengths);
    }
    if (min < plen || min > max || max > 15)
        return fail(why, cap, "lengths count every E.164 digit: need %d <= N <= M <= 15", plen);
    snprintf(k->kind, sizeof k->kind, OVERLAY_KIND_NUMBER);
    snprintf(k->prefix, sizeof k->prefix, "%s", prefix);
    k->min_len = min;
    k->max_len = max;
    if (min == max)
        snprintf(k->shown, sizeof k->shown, "+%s… (%d digits)", prefix, min);
    else
        snprintf(k->shown, sizeof k->shown, "+%s… (%d-%d digits)", prefix, min, max);
    return 0;
}

/* ------------------------------------------------------------ rows */

/* Runs one statement with text parameters (NULL ends them). */
static int run(overlay_file *o, char *why, size_t cap, const char *sql, ...)
{
    sqlite3_stmt *st = NULL;
    va_list ap;
    const char *arg;
    int i = 1, rc = sqlite3_prepare_v2(o->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(o, why, cap);
    va_start(ap, sql);
    while ((arg = va_arg(ap, const char *)) != NULL)
        sqlite3_bind_text(st, i++, arg, -1, SQLITE_TRANSIENT);
    va_end(ap);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : sql_fail(o, why, cap);
}

int overlay_put_rule(overlay_file *o, const rule_key *k, const char *action, const char *note,
                     const char *source, char *why, size_t cap)
{
    char minl[16], maxl[16], today[11];
    snprintf(minl, sizeof minl, "%d", k->min_len);
    snprintf(maxl, sizeof maxl, "%d", k->max_len);
    overlay_today(today);
    return run(o, why, cap, "INSERT OR REPLACE INTO rule (" OVERLAY_RULE_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
               k->kind, k->region, k->prefix, minl, maxl, action, note ? note : "", today, source,
               (const char *)NULL);
}

int overlay_remove_rule(overlay_file *o, const rule_key *k, int *removed, char *why, size_t cap)
{
    char minl[16];
    snprintf(minl, sizeof minl, "%d", k->min_len);
    if (run(o, why, cap, "DELETE FROM rule WHERE kind = ?1 AND region = ?2 AND prefix = ?3 AND min_len = ?4",
            k->kind, k->region, k->prefix, minl, (const char *)NULL) != 0)
        return -1;
    *removed = sqlite3_changes(o->db);
    return 0;
}

int overlay_put_source(overlay_file *o, const char *id, const char *name, const char *url,
                       const char *licence, const char *credit, char *why, size_t cap)
{
    char today[11];
    overlay_today(today);
    return run(o, why, cap, "INSERT OR REPLACE INTO source (" OVERLAY_SOURCE_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)", id, name,
               url, licence, today, credit, (const char *)NULL);
}

int overlay_add_report(overlay_file *o, const char *number, const char *source, const char *date,
                       int robocall, char *why, size_t cap)
{
    return run(o, why, cap,
               "INSERT INTO report (" OVERLAY_REPORT_COLUMNS ") VALUES (?1, ?2, 1, ?3, ?4, ?4)"
               " ON CONFLICT (number, source) DO UPDATE SET reports = reports + 1,"
               " robocalls = robocalls + excluded.robocalls,"
               " first_seen = min(first_seen, excluded.first_seen),"
               " last_seen = max(last_seen, excluded.last_seen)",
               number, source, robocall ? "1" : "0", date, (const char *)NULL);
}

int overlay_imported_before(overlay_file *o, const char *source, const char *digest, int *seen,
                            char *why, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(o->db, "SELECT file FROM import WHERE source = ?1 AND digest = ?2",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return sql_fail(o, why, cap);
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, digest, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    *seen = rc == SQLITE_ROW;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sql_fail(o, why, cap);
}

int overlay_note_import(overlay_file *o, const char *source, const char *digest, const char *file,
                        long rows, char *why, size_t cap)
{
    char stamp[32], count[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(count, sizeof count, "%ld", rows);
    return run(o, why, cap, "INSERT INTO import (" OVERLAY_IMPORT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5)", source, digest, file,
               stamp, count, (const char *)NULL);
}
