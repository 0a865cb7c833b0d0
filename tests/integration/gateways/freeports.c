/* SPDX-License-Identifier: Apache-2.0
 * freeports.c: prints N TCP ports that are free on 127.0.0.1 right now, so
 * the Kannel test's boxes never collide with another test run on this host.
 * Usage: freeports N */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int fds[16], n, i;

    n = argc == 2 ? atoi(argv[1]) : 0;
    if (n < 1 || n > 16) {
        fputs("usage: freeports N (1 to 16)\n", stderr);
        return 2;
    }
    /* All sockets stay bound until every port is printed, so the kernel
     * hands out N different ports. */
    for (i = 0; i < n; i++) {
        struct sockaddr_in a = { 0 };
        socklen_t len = sizeof a;
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fds[i] < 0 || bind(fds[i], (struct sockaddr *)&a, sizeof a) != 0 ||
            getsockname(fds[i], (struct sockaddr *)&a, &len) != 0) {
            perror("freeports");
            return 1;
        }
        printf("%u\n", (unsigned)ntohs(a.sin_port));
    }
    for (i = 0; i < n; i++)
        close(fds[i]);
    return 0;
}
