/* SPDX-License-Identifier: Apache-2.0
 * server.c: smsrep check --server's side of smsrepd's Unix socket: one
 * connection, one request line out and one whole answer back at a time,
 * each within a deadline, so a daemon that hangs costs seconds, not a
 * message. */
#include "cli.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "unix_socket.h"

int server_connect(const char *path)
{
    struct sockaddr_un a;
    struct timeval tv = {SERVER_TIMEOUT_MS / 1000, (SERVER_TIMEOUT_MS % 1000) * 1000};
    int fd = unix_socket(path, &a);
    if (fd < 0)
        return -1;
    /* A Unix socket's connect() waits on a full backlog for as long as a
     * send may: both are bounded. */
    if (setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0 ||
        connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

void server_field(FILE *f, int *first, const char *key, const char *value, size_t len)
{
    const unsigned char *p = (const unsigned char *)value;
    size_t i;
    fprintf(f, "%s%s=", *first ? "" : "&", key);
    *first = 0;
    for (i = 0; i < len; i++) {
        if ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') ||
            (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_' || p[i] == '.')
            fputc(p[i], f);
        else
            fprintf(f, "%%%02X", p[i]);
    }
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

size_t server_ask(int fd, int format, const char *line, size_t len, char *buf, size_t cap)
{
    long long deadline = now_ms() + SERVER_TIMEOUT_MS;
    size_t got = 0, whole;
    while (len > 0) {
        ssize_t n = send(fd, line, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        line += n;
        len -= (size_t)n;
    }
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        long long left = deadline - now_ms();
        ssize_t n;
        int k;
        if (left <= 0 || got == cap)
            return 0;
        k = poll(&p, 1, (int)left);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return 0;
        n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        got += (size_t)n;
        /* One request, one answer: bytes beyond it are not this answer's. */
        if ((whole = reply_length(format, buf, got)) > 0)
            return whole == got ? got : 0;
    }
}
