/* SPDX-License-Identifier: Apache-2.0
 * fuzz_main.c: the replay driver linked in place of libFuzzer when the build
 * is not a fuzzing one, so that CTest runs every fuzz target over its corpus
 * with any compiler.
 *
 *     fuzz_X_replay [-m N] FILE_OR_DIR...
 *
 * runs every file (every regular file of a directory, in name order) through
 * LLVMFuzzerTestOneInput, and after each file N deterministic mutations of it
 * (default 500, or $SMSREP_FUZZ_MUTATIONS): byte flips, interesting bytes,
 * truncation, insertion and deletion, drawn from an xorshift generator
 * seeded from the file's base name, so a run is the same on every machine
 * and every checkout. Inputs larger than 4 KiB get proportionally fewer
 * mutations (at least 8), which keeps a replay of database images short.
 * Each input is handed over in a heap block of exactly its size. When an
 * input crashes, the driver names it and saves it as
 * fuzz-crash-<file>-<mutation> in $SMSREP_FUZZ_CRASH_DIR or the current
 * directory, ready for `fuzz_X_replay that-file`. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

#define DEFAULT_MUTATIONS 500
#define SMALL_INPUT 4096
#define MAX_FILE ((size_t)64 << 20)
#define MAX_OPS 4
#define MAX_INSERT 16 /* the longest insertion, in bytes */

/* ------------------------------------------------------------ crash report */

static const char *current_file;  /* what is running, for the crash report */
static long current_mutation;     /* -1: the file itself */
static const uint8_t *current_data;
static size_t current_size;
static volatile sig_atomic_t reported;

static void put(int fd, const char *s)
{
    ssize_t r = write(fd, s, strlen(s));
    (void)r;
}

static void put_num(int fd, long v)
{
    char buf[24];
    size_t i = sizeof buf;
    unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
    buf[--i] = '\0';
    do {
        buf[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0 && i > 1);
    if (v < 0)
        buf[--i] = '-';
    put(fd, buf + i);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Async-signal-safe: only write(2), open(2) and fixed buffers. */
static void report_crash(void)
{
    char path[4096];
    const char *dir = getenv("SMSREP_FUZZ_CRASH_DIR");
    size_t n = 0;
    int fd;

    if (reported || current_file == NULL)
        return;
    reported = 1;
    put(2, "\nfuzz replay: crash on ");
    put(2, current_file);
    if (current_mutation >= 0) {
        put(2, " mutation ");
        put_num(2, current_mutation);
    }
    put(2, "\n");
    if (dir == NULL || dir[0] == '\0')
        dir = ".";
#define APPEND(s)                                                   \
    do {                                                            \
        const char *s_ = (s);                                       \
        size_t l_ = strlen(s_);                                     \
        if (n + l_ >= sizeof path - 32)                             \
            return;                                                 \
        memcpy(path + n, s_, l_);                                   \
        n += l_;                                                    \
    } while (0)
    APPEND(dir);
    APPEND("/fuzz-crash-");
    APPEND(base_name(current_file));
    APPEND("-");
    {
        char num[24];
        long m = current_mutation < 0 ? 0 : current_mutation;
        size_t i = sizeof num;
        num[--i] = '\0';
        do {
            num[--i] = (char)('0' + m % 10);
            m /= 10;
        } while (m > 0 && i > 0);
        APPEND(current_mutation < 0 ? "orig" : num + i);
    }
#undef APPEND
    path[n] = '\0';
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        size_t off = 0;
        while (off < current_size) {
            ssize_t w = write(fd, current_data + off, current_size - off);
            if (w <= 0)
                break;
            off += (size_t)w;
        }
        close(fd);
        put(2, "fuzz replay: input saved as ");
        put(2, path);
        put(2, "\n");
    }
}

static void on_signal(int sig)
{
    report_crash();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handlers(void)
{
    static const int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    if (__sanitizer_set_death_callback != NULL)
        __sanitizer_set_death_callback(report_crash);
}

/* ------------------------------------------------------------ mutations */

static uint64_t rng;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static size_t below(size_t n)
{
    return n == 0 ? 0 : (size_t)(next() % n);
}

/* Whole characters that the library folds, trims or refuses: full-width and
 * other decimal digits, the long vowel mark, bidi and zero-width controls,
 * look-alike letters, ideographic space, a long NFKC expansion. */
static const char *const characters[] = {
    "\xef\xbc\x90", "\xef\xbc\x99", "\xef\xbc\x8b", "\xd9\xa0", "\xd9\xa9", "\xe0\xa5\xa6",
    "\xe3\x83\xbc", "\xef\xbd\xb0", "\xe2\x80\xae", "\xe2\x80\x8b", "\xe2\x81\xa6",
    "\xd0\x90", "\xce\x91", "\xe3\x80\x80", "\xc2\xa0", "\xe2\x88\x92", "\xef\xb7\xba",
    "\xcc\x81", "\xf0\x9f\x98\x80", "\xc2\x85", "\xe2\x80\xa8", "tel:", ";phone-context=+",
};

static uint8_t interesting(void)
{
    static const uint8_t bytes[] = {
        0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        '+',  '0',  '1',  '9',  ' ',  '-',  ';',  ':',  '=',  'A',  'z',  '\t', '\n',
    };
    return bytes[below(sizeof bytes)];
}

/* Rewrites buf[0..*len) (room for *len + MAX_OPS * MAX_INSERT bytes). */
static void mutate(uint8_t *buf, size_t *len)
{
    size_t ops = 1 + below(MAX_OPS), i, at, n;

    for (i = 0; i < ops; i++) {
        switch (below(7)) {
        case 0: /* flip a bit */
            if (*len > 0)
                buf[below(*len)] ^= (uint8_t)(1u << below(8));
            break;
        case 1: /* random byte */
            if (*len > 0)
                buf[below(*len)] = (uint8_t)next();
            break;
        case 2: /* interesting byte */
            if (*len > 0)
                buf[below(*len)] = interesting();
            break;
        case 3: /* truncate */
            *len = below(*len + 1);
            break;
        case 4: /* insert bytes */
            n = 1 + below(MAX_INSERT);
            at = below(*len + 1);
            memmove(buf + at + n, buf + at, *len - at);
            for (size_t k = 0; k < n; k++)
                buf[at + k] = (next() & 1) ? interesting() : (uint8_t)next();
            *len += n;
            break;
        case 5: /* insert a whole character */
            {
                const char *c = characters[below(sizeof characters / sizeof characters[0])];
                n = strlen(c);
                at = below(*len + 1);
                memmove(buf + at + n, buf + at, *len - at);
                memcpy(buf + at, c, n);
                *len += n;
            }
            break;
        default: /* delete bytes */
            if (*len > 0) {
                at = below(*len);
                n = 1 + below(MAX_INSERT);
                if (n > *len - at)
                    n = *len - at;
                memmove(buf + at, buf + at + n, *len - at - n);
                *len -= n;
            }
            break;
        }
    }
}

static uint64_t seed_of(const char *name)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325); /* FNV-1a */
    for (; *name; name++) {
        h ^= (unsigned char)*name;
        h *= UINT64_C(0x100000001b3);
    }
    return h ? h : 1;
}

/* ------------------------------------------------------------ driver */

static unsigned long runs, files;

/* Runs one input from an exactly sized heap block. */
static void run_one(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (copy == NULL) {
        fprintf(stderr, "fuzz replay: out of memory\n");
        exit(2);
    }
    if (size)
        memcpy(copy, data, size);
    current_data = copy;
    current_size = size;
    LLVMFuzzerTestOneInput(copy, size);
    current_data = NULL;
    free(copy);
    runs++;
}

static int read_all(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t n = 0, room = 0, got;

    if (f == NULL)
        return -1;
    for (;;) {
        if (n == room) {
            uint8_t *bigger;
            room = room ? room * 2 : 4096;
            if (room > MAX_FILE || (bigger = realloc(buf, room)) == NULL) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, room - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    *data = buf;
    *size = n;
    return 0;
}

static int replay_file(const char *path, unsigned long mutations)
{
    uint8_t *data, *buf;
    size_t size, len;
    unsigned long i, n = mutations;

    if (read_all(path, &data, &size) != 0) {
        fprintf(stderr, "fuzz replay: cannot read %s\n", path);
        return -1;
    }
    current_file = path;
    current_mutation = -1;
    run_one(data, size);
    files++;

    if (size > SMALL_INPUT) {
        n = (unsigned long)((uint64_t)mutations * SMALL_INPUT / size);
        if (n < 8 && mutations >= 8)
            n = 8;
    }
    buf = malloc(size + MAX_OPS * MAX_INSERT + 1);
    if (buf == NULL) {
        free(data);
        fprintf(stderr, "fuzz replay: out of memory\n");
        return -1;
    }
    rng = seed_of(base_name(path));
    for (i = 0; i < n; i++) {
        memcpy(buf, data, size);
        len = size;
        mutate(buf, &len);
        current_mutation = (long)i;
        run_one(buf, len);
    }
    free(buf);
    free(data);
    current_file = NULL;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir, unsigned long mutations)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, room = 0, i;
    int rc = 0;

    if (d == NULL) {
        fprintf(stderr, "fuzz replay: cannot open %s\n", dir);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        char *path;
        struct stat st;
        size_t need;
        if (e->d_name[0] == '.')
            continue;
        need = strlen(dir) + strlen(e->d_name) + 2;
        path = malloc(need);
        if (path == NULL)
            break;
        snprintf(path, need, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (n == room) {
            char **bigger;
            room = room ? room * 2 : 64;
            bigger = realloc(names, room * sizeof *names);
            if (bigger == NULL) {
                free(path);
                break;
            }
            names = bigger;
        }
        names[n++] = path;
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        if (rc == 0 && replay_file(names[i], mutations) != 0)
            rc = -1;
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    unsigned long mutations = DEFAULT_MUTATIONS;
    const char *env = getenv("SMSREP_FUZZ_MUTATIONS");
    int i = 1, rc = 0;

    if (env != NULL && env[0] != '\0')
        mutations = strtoul(env, NULL, 10);
    if (argc > 2 && strcmp(argv[1], "-m") == 0) {
        mutations = strtoul(argv[2], NULL, 10);
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: %s [-m MUTATIONS] FILE_OR_DIR...\n", argv[0]);
        return 2;
    }
    install_handlers();
    if (LLVMFuzzerInitialize != NULL)
        LLVMFuzzerInitialize(&argc, &argv);
    for (; i < argc && rc == 0; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "fuzz replay: no such file or directory: %s\n", argv[i]);
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            rc = replay_dir(argv[i], mutations);
        } else {
            rc = replay_file(argv[i], mutations);
        }
    }
    printf("%s: ran %lu inputs (%lu files, %lu mutations each at most)\n", base_name(argv[0]),
           runs, files, mutations);
    if (rc != 0)
        return 2;
    if (files == 0) {
        fprintf(stderr, "fuzz replay: no input files\n");
        return 2;
    }
    return 0;
}
