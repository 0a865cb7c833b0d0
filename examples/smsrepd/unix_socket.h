/* SPDX-License-Identifier: Apache-2.0
 * unix_socket.h (private to smsrepd and smsrep check --server): a stream socket and
 * the address of a Unix socket path, for the daemon to bind and the command line
 * to connect. */
#ifndef SMSREPD_UNIX_SOCKET_H
#define SMSREPD_UNIX_SOCKET_H

#include <sys/un.h>

/* A new close-on-exec stream socket with *a set to path; -1 with errno
 * (ENAMETOOLONG when path does not fit an address). */
int unix_socket(const char *path, struct sockaddr_un *a);

#endif
