/* SPDX-License-Identifier: Apache-2.0
 * testing.h: what every cmocka test file shares: includes, and a main() that
 * runs one named test (CTest gives each test its own entry) or all of them. */
#ifndef SMSREP_TESTING_H
#define SMSREP_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

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
