/* SPDX-License-Identifier: Apache-2.0
 * client.c: smsrep-client, the small client gateways run per message
 * (smstools, gammu): asks smsrepd on its socket and prints its JSON line;
 * when the daemon is absent it checks in-process instead and says so on
 * stderr. Exit status as smsrep check's: 0 allow, 1 flagged, blocked or
 * under a burst, 2 an error. Meant to become smsrep check --server. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "cli.h"
#include "request.h"
#include "unix_socket.h"

static void usage(void)
{
    fputs("usage: smsrep-client SOCKET [--recipient R] [--region CC] [--hint H] [--text T]\n"
          "                     [--time UNIX] [--db FILE] [--overlay FILE] SENDER\n"
          "--db and --overlay are for the in-process check when the daemon is absent.\n",
          stderr);
}

/* Appends key=value, percent-encoded, to f. */
static void field(FILE *f, int *first, const char *key, const char *value)
{
    const unsigned char *p;
    if (value == NULL)
        return;
    fprintf(f, "%s%s=", *first ? "" : "&", key);
    *first = 0;
    for (p = (const unsigned char *)value; *p != '\0'; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.')
            fputc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

static int status_of(const char *json)
{
    if (strncmp(json, "{\"error\"", 8) == 0 || strstr(json, "\"error\":") != NULL)
        return EXIT_ERROR;
    if (strstr(json, "\"in_burst\":true") != NULL ||
        strstr(json, "\"recommendation\":\"allow\"") == NULL)
        return EXIT_FLAGGED;
    return EXIT_ALLOW;
}

/* The daemon's answer into out; 0, or -1 when it cannot be asked. */
static int ask(const char *path, const char *line, size_t len, char *out, size_t cap)
{
    struct sockaddr_un a;
    size_t got = 0;
    int fd = unix_socket(path, &a);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
        send(fd, line, len, MSG_NOSIGNAL) != (ssize_t)len) {
        close(fd);
        return -1;
    }
    while (got + 1 < cap) {
        ssize_t n = read(fd, out + got, cap - 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
        if (memchr(out, '\n', got) != NULL)
            break;
    }
    close(fd);
    out[got] = '\0';
    return got > 0 && out[got - 1] == '\n' ? 0 : -1;
}

static int in_process(const char *db_path, const char *overlay, const char *sender,
                      const char *region, const char *hint, const char *text, long long t)
{
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char err[SMSREP_ERRBUF_SIZE];
    char *buf = NULL;
    size_t len = 0;
    FILE *m;
    int status;
    if (smsrep_open(&db, db_path, overlay, err, sizeof err) != SMSREP_OK) {
        fputs("smsrep-client: cannot open the database for the in-process check\n", stderr);
        return EXIT_ERROR;
    }
    q.sender = sender;
    q.sender_len = strlen(sender);
    q.time = t;
    if (region != NULL)
        strncpy(q.region, region, sizeof q.region - 1);
    if (hint != NULL) {
        int h = smsrep_hint_from_name(hint, strlen(hint));
        q.hint = h < 0 ? 0 : (uint32_t)h;
    }
    if (text != NULL) {
        q.text = text;
        q.text_len = strlen(text);
    }
    m = open_memstream(&buf, &len);
    if (m == NULL) {
        smsrep_close(db);
        return EXIT_ERROR;
    }
    status = smsrep_check(db, &q, &v);
    if (status == SMSREP_OK)
        report_verdict(m, db, sender, q.sender_len, &v, 1, 0);
    else
        report_error(m, sender, q.sender_len, status, 1, 0);
    smsrep_close(db);
    if (fclose(m) != 0 || len < 2) {
        free(buf);
        return EXIT_ERROR;
    }
    /* The daemon's shape: no burst state without the daemon. */
    printf("%.*s,\"burst\":null}\n", (int)(len - 2), buf);
    status = status_of(buf);
    free(buf);
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"recipient", required_argument, NULL, 'R'}, {"region", required_argument, NULL, 'r'},
        {"hint", required_argument, NULL, 'H'},      {"text", required_argument, NULL, 't'},
        {"time", required_argument, NULL, 'T'},      {"db", required_argument, NULL, 'd'},
        {"overlay", required_argument, NULL, 'o'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *recipient = NULL, *region = NULL, *hint = NULL, *text = NULL, *when = NULL,
               *db = NULL, *overlay = NULL, *sock;
    char *line = NULL, *answer;
    size_t len = 0;
    int opt, first = 1, status;
    FILE *f;

    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'R': recipient = optarg; break;
        case 'r': region = optarg; break;
        case 'H': hint = optarg; break;
        case 't': text = optarg; break;
        case 'T': when = optarg; break;
        case 'd': db = optarg; break;
        case 'o': overlay = optarg; break;
        default: usage(); return opt == 'h' ? 0 : EXIT_ERROR;
        }
    }
    if (argc - optind != 2) {
        usage();
        return EXIT_ERROR;
    }
    sock = argv[optind];
    f = open_memstream(&line, &len);
    if (f == NULL)
        return EXIT_ERROR;
    field(f, &first, "sender", argv[optind + 1]);
    field(f, &first, "recipient", recipient);
    field(f, &first, "region", region);
    field(f, &first, "hint", hint);
    field(f, &first, "text", text);
    field(f, &first, "time", when);
    fputc('\n', f);
    if (fclose(f) != 0)
        return EXIT_ERROR;
    answer = malloc(65536);
    if (answer == NULL)
        return EXIT_ERROR;
    if (ask(sock, line, len, answer, 65536) == 0) {
        fputs(answer, stdout);
        status = status_of(answer);
    } else {
        fputs("smsrep-client: smsrepd is not answering on ", stderr);
        cli_escape_c(stderr, sock);
        fputs("; checked in-process instead (no burst state)\n", stderr);
        status = in_process(db, overlay, argv[optind + 1], region, hint, text,
                            when != NULL ? atoll(when) : 0);
    }
    free(answer);
    free(line);
    return status;
}
