/* SPDX-License-Identifier: Apache-2.0
 * unix_socket.c: the socket and address both ends of smsrepd's Unix socket
 * start from. */
#include "unix_socket.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

int unix_socket(const char *path, struct sockaddr_un *a)
{
    if (strlen(path) >= sizeof a->sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    strcpy(a->sun_path, path);
    return socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
}
