/* SPDX-License-Identifier: Apache-2.0
 * testing.h: what every cmocka test file shares: includes, reading a file
 * whole, and a main() that runs one named test (CTest gives each test its
 * own entry) or all of them. */
#ifndef SMSREP_TESTING_H
#define SMSREP_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Reads a whole file into a new buffer for free(); fails the test when it
 * cannot. */
static inline unsigned char *test_slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long n;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    buf = malloc((size_t)n);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *size = (size_t)n;
    return buf;
}

/* Runs tests[]; with an argument, only the test of that name, and fails if
 * there is none (a filter that matches nothing would pass silently). */
#define SMSREP_TEST_MAIN(tests)                                                  \
    int main(int argc, char **argv)                                              \
    {                                                                            \
        if (argc > 1) {                                                          \
            size_t i_, n_ = sizeof(tests) / sizeof((tests)[0]);                  \
            for (i_ = 0; i_ < n_ && strcmp((tests)[i_].name, argv[1]) != 0; i_++) \
                ;                                                                \
            if (i_ == n_) {                                                      \
                fprintf(stderr, "no test named %s\n", argv[1]);                  \
                return 1;                                                        \
            }                                                                    \
            cmocka_set_test_filter(argv[1]);                                     \
        }                                                                        \
        return cmocka_run_group_tests(tests, NULL, NULL);                        \
    }

#endif
