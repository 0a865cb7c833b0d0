/* SPDX-License-Identifier: Apache-2.0
 * smsrepd_load.c: N checks through smsrepd over one connection, one
 * request at a time as a gateway would ask, and prints checks per second.
 * Usage: smsrepd-load SOCKET N. Run by tests/bench/smsrepd_bench.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    struct sockaddr_un a;
    char line[512], buf[8192];
    long n, i;
    int fd;
    double t0, dt;
    if (argc != 3 || strlen(argv[1]) >= sizeof a.sun_path) {
        fputs("usage: smsrepd-load SOCKET N\n", stderr);
        return 2;
    }
    n = atol(argv[2]);
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, argv[1]);
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        perror("smsrepd-load: connect");
        return 1;
    }
    t0 = seconds();
    for (i = 0; i < n; i++) {
        size_t got = 0;
        int len = snprintf(line, sizeof line,
                           "sender=0905370%04ld&recipient=%%2B8190%08ld&region=JP&text=Your+code+is+"
                           "%06ld&time=%ld\n",
                           i % 10000, i % 1000, i, 1700000000 + i);
        if (write(fd, line, (size_t)len) != len)
            return 1;
        for (;;) {
            ssize_t r = read(fd, buf + got, sizeof buf - got);
            if (r <= 0)
                return 1;
            got += (size_t)r;
            if (buf[got - 1] == '\n')
                break;
            if (got == sizeof buf)
                got = 0;
        }
    }
    dt = seconds() - t0;
    printf("%ld checks through smsrepd (one connection) in %.3f s: %.0f checks/s, %.1f us each\n",
           n, dt, (double)n / dt, dt * 1e6 / (double)n);
    close(fd);
    return 0;
}
