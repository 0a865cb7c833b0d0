/* SPDX-License-Identifier: Apache-2.0
 * db_build.c: "smsrep db build DIR OUT": runs the builder the library's own
 * build runs (smsrep-dbbuild, installed in libexec) on an operator's CSV data,
 * then opens the result as the library would (db verify) before saying ok. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Set by examples/cli/CMakeLists.txt from GNUInstallDirs; these are its defaults. */
#ifndef SMSREP_LIBEXEC_REL
#define SMSREP_LIBEXEC_REL "libexec/smsrep"
#endif
#ifndef SMSREP_DATA_REL
#define SMSREP_DATA_REL "share/smsrep"
#endif

/* The builder and schema.sql sit beside the command in a build tree, and in
 * libexec/smsrep and share/smsrep of the prefix the command is installed in. */
static int find_beside(const char *exe_dir, const char *name, const char *installed_rel,
                       char *out, size_t size)
{
    snprintf(out, size, "%s/%s", exe_dir, name);
    if (access(out, R_OK) == 0)
        return 0;
    snprintf(out, size, "%s/../%s/%s", exe_dir, installed_rel, name);
    return access(out, R_OK) == 0 ? 0 : -1;
}

int cli_db_build(const char *dir, const char *out)
{
    char exe[PATH_MAX], builder[PATH_MAX + 64], schema[PATH_MAX + 64], *slash;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    pid_t pid;
    int status;
    cli_db_options o = { NULL, NULL };
    smsrep_db *db = NULL;

    if (n > 0)
        exe[n] = '\0';
    if (n <= 0 || (slash = strrchr(exe, '/')) == NULL) {
        fprintf(stderr, "smsrep: cannot find where smsrep is installed\n");
        return EXIT_ERROR;
    }
    *slash = '\0';
    if (find_beside(exe, "smsrep-dbbuild", SMSREP_LIBEXEC_REL, builder, sizeof builder) != 0) {
        fprintf(stderr, "smsrep: the database builder smsrep-dbbuild is not installed\n");
        return EXIT_ERROR;
    }
    /* The schema is the library's own: DIR's copy, if any, is not trusted to match. */
    if (find_beside(exe, "schema.sql", SMSREP_DATA_REL, schema, sizeof schema) != 0) {
        fprintf(stderr, "smsrep: schema.sql is not installed beside the database\n");
        return EXIT_ERROR;
    }
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "smsrep: fork: %s\n", strerror(errno));
        return EXIT_ERROR;
    }
    if (pid == 0) {
        execl(builder, "smsrep-dbbuild", "--schema", schema, "--data", dir, "--out", out,
              (char *)NULL);
        fprintf(stderr, "smsrep: cannot run %s: %s\n", builder, strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "smsrep: waitpid: %s\n", strerror(errno));
            return EXIT_ERROR;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        /* The builder said which file and line; its half-built copy goes. */
        char tmp[PATH_MAX + 16];
        snprintf(tmp, sizeof tmp, "%s.tmp", out);
        remove(tmp);
        snprintf(tmp, sizeof tmp, "%s.tmp-journal", out);
        remove(tmp);
        return EXIT_ERROR;
    }
    /* Built and validated row by row; now opened exactly as the library opens it. */
    o.db = out;
    if (cli_open(&o, &db) != SMSREP_OK)
        return EXIT_ERROR;
    smsrep_close(db);
    printf("%s: built from %s and verified\n", out, dir);
    return EXIT_ALLOW;
}
