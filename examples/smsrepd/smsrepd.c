/* SPDX-License-Identifier: Apache-2.0
 * smsrepd.c: the long-running judge: one request line in, one JSON line
 * out, on a Unix socket (its own, or systemd's through socket activation)
 * and optionally loopback HTTP (http.c); reloads on SIGHUP and when the
 * database or overlay file changes; stops on SIGTERM or SIGINT. */
#define _GNU_SOURCE /* accept4, pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "judge.h"
#include "kannel.h"
#include "request.h"
#include "unix_socket.h"
#include "smsrep.h"
#ifdef SMSREPD_REDIS
#include "smsrep_redis.h"
#endif

#define MAX_CLIENTS 64
#define CHECK_FILES_MS 1000

typedef struct client {
    int fd;                    /* -1: free */
    size_t used;
    char buf[REQUEST_LINE_MAX + 2];
} client;

static volatile sig_atomic_t got_hup, got_term;
static int signal_pipe[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    char c = (char)sig;
    if (sig == SIGHUP)
        got_hup = 1;
    else
        got_term = 1;
    if (write(signal_pipe[1], &c, 1) < 0) {
        /* the pipe is full: a wake-up is already waiting */
    }
    errno = saved;
}

static long long monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A whole decimal number up to max, or -1. */
static long number(const char *s, long max)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 0 || v > max)
        return -1;
    return v;
}

static void usage(void)
{
    fputs("usage: smsrepd --socket PATH [--db FILE] [--overlay FILE] [--http PORT]\n"
          "               [--next URL] [--quarantine DIR] [--log FILE]\n"
          "               [--window S] [--senders N]"
#ifdef SMSREPD_REDIS
          " [--redis SOCKET --secret-file FILE]"
#endif
          "\n"
          "One request per line on the socket, form-encoded:\n"
          "  sender=...&recipient=...&region=JP&hint=national&text=...&time=UNIX\n"
          "one JSON line back: smsrep check --json's object with \"burst\" added.\n"
          "Under systemd socket activation, --socket may be left out.\n",
          stderr);
    if (http_available())
        fputs("With --http, GET /check takes the same fields and GET /kannel is for\n"
              "Kannel's get-url: --next URL gets allowed and flagged messages (a redirect),\n"
              "--quarantine DIR blocked and unjudged ones, --log FILE one line each.\n",
              stderr);
    else
        fputs("Built without libmicrohttpd: no --http, so no GET /check or /kannel.\n", stderr);
}

/* The listening socket systemd passed (LISTEN_FDS), or -1. */
static int activated_socket(void)
{
    const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
    if (pid == NULL || fds == NULL || atol(pid) != (long)getpid() || atoi(fds) < 1)
        return -1;
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
    fcntl(3, F_SETFD, FD_CLOEXEC);
    return 3;
}

static int listen_unix(const char *path)
{
    struct sockaddr_un a;
    int fd = unix_socket(path, &a);
    if (fd < 0) {
        if (errno == ENAMETOOLONG)
            say(3, "socket path too long");
        return -1;
    }
    unlink(path); /* a socket left by a daemon that died */
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || chmod(path, 0660) != 0 ||
        listen(fd, 64) != 0) {
        say(3, "cannot listen on the socket: %s", strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static void reply(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* the client went away or stopped reading (SO_SNDTIMEO) */
        data += n;
        len -= (size_t)n;
    }
}

/* Answers every whole line in c's buffer; 0, or -1 to drop the client. */
static int serve_lines(judge *j, client *c)
{
    char *nl, *start = c->buf;
    request *r = malloc(sizeof *r);
    if (r == NULL)
        return -1;
    while ((nl = memchr(start, '\n', c->used - (size_t)(start - c->buf))) != NULL) {
        char *out = NULL;
        size_t out_len = 0, len = (size_t)(nl - start);
        const char *why = NULL;
        FILE *m = open_memstream(&out, &out_len);
        if (m == NULL)
            break;
        if (len > 0 && start[len - 1] == '\r')
            len--;
        if (request_parse(r, start, len, &why) == 0)
            judge_check(j, r, m);
        else
            judge_error(m, why);
        if (fclose(m) == 0)
            reply(c->fd, out, out_len);
        free(out);
        start = nl + 1;
    }
    free(r);
    c->used -= (size_t)(start - c->buf);
    memmove(c->buf, start, c->used);
    if (c->used == sizeof c->buf) {
        static const char too_long[] =
            "{\"error\":\"bad_request\",\"message\":\"request line too long\"}\n";
        reply(c->fd, too_long, sizeof too_long - 1);
        return -1;
    }
    return 0;
}

static void accept_client(int lfd, client *clients)
{
    struct timeval tv = {1, 0};
    int i, fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    for (i = 0; i < MAX_CLIENTS; i++)
        if (clients[i].fd < 0)
            break;
    if (i == MAX_CLIENTS) {
        static const char busy[] = "{\"error\":\"busy\",\"message\":\"too many clients\"}\n";
        reply(fd, busy, sizeof busy - 1);
        close(fd);
        return;
    }
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    clients[i].fd = fd;
    clients[i].used = 0;
}

/* Room for HTTP_CONNECTIONS connections besides the database and the
 * socket's clients: the soft limit on open files raised up to the hard one. */
static void enough_files(void)
{
    struct rlimit r;
    rlim_t want = HTTP_CONNECTIONS + MAX_CLIENTS + 64;
    if (getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur >= want)
        return;
    r.rlim_cur = r.rlim_max == RLIM_INFINITY || r.rlim_max > want ? want : r.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur < want)
        say(4, "open files limited to %lu: fewer HTTP connections at once", (unsigned long)r.rlim_cur);
}

/* --next: an absolute http(s) URL that goes into a Location header as it is. */
static int next_url_ok(const char *u)
{
    if (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0)
        return 0;
    for (; *u != '\0'; u++)
        if ((unsigned char)*u < 0x21 || (unsigned char)*u > 0x7e || *u == '#')
            return 0;
    return 1;
}

/* --quarantine: a folder, made (0750) when missing, as the handlers do. */
static int quarantine_ready(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
        say(3, "cannot make the quarantine folder: %s", strerror(errno));
        return -1;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK | X_OK) != 0) {
        say(3, "the quarantine is not a folder smsrepd can write");
        return -1;
    }
    return 0;
}

static int read_file_secret(const char *path, char *buf, size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    *len = fread(buf, 1, cap, f);
    fclose(f);
    while (*len > 0 && (buf[*len - 1] == '\n' || buf[*len - 1] == '\r'))
        (*len)--;
    return 0;
}

#ifdef SMSREPD_REDIS
static void redis_log(void *ctx, const char *message)
{
    (void)ctx;
    say(4, "%s", message);
}
#endif

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"socket", required_argument, NULL, 's'},  {"db", required_argument, NULL, 'd'},
        {"overlay", required_argument, NULL, 'o'}, {"http", required_argument, NULL, 'H'},
        {"window", required_argument, NULL, 'w'},  {"senders", required_argument, NULL, 'n'},
        {"redis", required_argument, NULL, 'r'},   {"secret-file", required_argument, NULL, 'k'},
        {"next", required_argument, NULL, 'N'},    {"quarantine", required_argument, NULL, 'q'},
        {"log", required_argument, NULL, 'l'},     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *socket_path = NULL, *db = NULL, *overlay = NULL, *redis_path = NULL,
               *secret_path = NULL;
    long http_port = 0;
    smsrep_burst_config bc = SMSREP_BURST_CONFIG_INIT;
    smsrep_burst *burst = NULL;
    kannel_config kannel = {NULL, NULL, NULL};
    client *clients;
    judge j;
    http_server *http = NULL;
    struct sigaction sa;
    int opt, lfd, i, status = 0;
    long long last_look = monotonic_ms();
    int bad = 0, own_socket = 0;
#ifdef SMSREPD_REDIS
    smsrep_redis *redis = NULL;
#endif

    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case 's': socket_path = optarg; break;
        case 'd': db = optarg; break;
        case 'o': overlay = optarg; break;
        case 'H': http_port = number(optarg, 65535); break;
        case 'w':
            bc.window = (uint32_t)number(optarg, 86400);
            bad |= bc.window == (uint32_t)-1;
            break;
        case 'n':
            bc.min_senders = (uint32_t)number(optarg, 1024);
            bad |= bc.min_senders == (uint32_t)-1;
            break;
        case 'r': redis_path = optarg; break;
        case 'k': secret_path = optarg; break;
        case 'N': kannel.next = optarg; break;
        case 'q': kannel.quarantine = optarg; break;
        case 'l': kannel.log = optarg; break;
        default: usage(); return opt == 'h' ? 0 : 2;
        }
    }
    if (bad || optind != argc || http_port < 0) {
        usage();
        return 2;
    }
    if (http_port == 0 && (kannel.next != NULL || kannel.quarantine != NULL || kannel.log != NULL)) {
        say(3, "--next, --quarantine and --log are for /kannel: they need --http PORT");
        return 2;
    }
    if (kannel.next != NULL && !next_url_ok(kannel.next)) {
        say(3, "--next must be an http:// or https:// URL of printable characters, without '#'");
        return 2;
    }
    if (kannel.quarantine != NULL && quarantine_ready(kannel.quarantine) != 0)
        return 1;
    lfd = activated_socket();
    if (lfd < 0 && socket_path == NULL) {
        usage();
        return 2;
    }
    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return 1;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (smsrep_burst_new(&burst, &bc) != SMSREP_OK) {
        say(3, "bad burst settings");
        return 2;
    }
    if (redis_path != NULL) {
#ifdef SMSREPD_REDIS
        smsrep_redis_config rc = SMSREP_REDIS_CONFIG_INIT;
        smsrep_burst_store store = SMSREP_BURST_STORE_INIT;
        char secret[256];
        size_t secret_len = 0;
        if (secret_path == NULL ||
            read_file_secret(secret_path, secret, sizeof secret, &secret_len) != 0) {
            say(3, "--redis needs --secret-file with the fleet's secret (16 bytes or more)");
            return 2;
        }
        rc.unix_path = redis_path;
        rc.secret = secret;
        rc.secret_len = secret_len;
        rc.log = redis_log;
        if (smsrep_redis_new(&redis, &rc) != SMSREP_OK || smsrep_redis_store(redis, &store) != 0 ||
            smsrep_burst_set_store(burst, &store) != SMSREP_OK) {
            say(3, "cannot use Redis: the secret must be 16 bytes or more");
            return 2;
        }
        memset(secret, 0, sizeof secret);
#else
        (void)secret_path;
        (void)read_file_secret;
        say(3, "built without libsmsrep_redis: --redis is not available");
        return 2;
#endif
    }
    if (judge_open(&j, db, overlay, burst) != 0)
        return 1;
    if (lfd < 0) {
        if ((lfd = listen_unix(socket_path)) < 0)
            return 1;
        own_socket = 1; /* ours to remove; systemd's is systemd's */
    }
    if (http_port > 0)
        enough_files();
    if (http_port > 0 && (http = http_start(&j, (unsigned)http_port, &kannel)) == NULL) {
        say(3, "cannot listen on 127.0.0.1:%ld", http_port);
        return 1;
    }
    clients = calloc(MAX_CLIENTS, sizeof *clients);
    if (clients == NULL)
        return 1;
    for (i = 0; i < MAX_CLIENTS; i++)
        clients[i].fd = -1;
    say(6, "ready (smsrep %s)", smsrep_version_string());

    while (!got_term) {
        struct pollfd p[MAX_CLIENTS + 2];
        int idx[MAX_CLIENTS + 2], n = 0, k;
        p[n].fd = signal_pipe[0];
        p[n++].events = POLLIN;
        p[n].fd = lfd;
        p[n++].events = POLLIN;
        for (i = 0; i < MAX_CLIENTS; i++)
            if (clients[i].fd >= 0) {
                idx[n] = i;
                p[n].fd = clients[i].fd;
                p[n++].events = POLLIN;
            }
        k = poll(p, (nfds_t)n, CHECK_FILES_MS);
        if (k < 0 && errno != EINTR)
            break;
        if (got_hup) {
            got_hup = 0;
            say(6, "SIGHUP: reloading");
            judge_reload(&j, 1);
            last_look = monotonic_ms();
        } else if (monotonic_ms() - last_look >= CHECK_FILES_MS) {
            judge_reload(&j, 0); /* two stat() calls, once a second */
            last_look = monotonic_ms();
        }
        if (k <= 0)
            continue;
        if (p[0].revents) {
            char drain[16];
            while (read(signal_pipe[0], drain, sizeof drain) > 0) {
            }
        }
        if (p[1].revents & POLLIN)
            accept_client(lfd, clients);
        for (i = 2; i < n; i++) {
            client *c = &clients[idx[i]];
            ssize_t got;
            if (!p[i].revents)
                continue;
            got = read(c->fd, c->buf + c->used, sizeof c->buf - c->used);
            if (got <= 0 && !(got < 0 && errno == EINTR)) {
                close(c->fd);
                c->fd = -1;
                continue;
            }
            if (got > 0) {
                c->used += (size_t)got;
                if (serve_lines(&j, c) != 0) {
                    close(c->fd);
                    c->fd = -1;
                }
            }
        }
    }
    say(6, "stopping");
    http_stop(http);
    for (i = 0; i < MAX_CLIENTS; i++)
        if (clients[i].fd >= 0)
            close(clients[i].fd);
    free(clients);
    close(lfd);
    if (own_socket)
        unlink(socket_path);
    judge_close(&j);
    smsrep_burst_free(burst);
#ifdef SMSREPD_REDIS
    smsrep_redis_free(redis);
#endif
    return status;
}
