# SPDX-License-Identifier: Apache-2.0
# Integration tests that cannot run here (no gateway, JDK or Python) exit 77
# and CTest counts them as passed in its "100% tests passed" line. Each
# records why in SMSREP_SKIP_DIR, and ctest prints them last, after its own
# list, from CTestCustom.cmake's post-test step.
set(SMSREP_SKIP_DIR ${PROJECT_BINARY_DIR}/Testing/skipped)
file(WRITE ${PROJECT_BINARY_DIR}/CTestCustom.cmake
  "# Written by cmake/SmsrepSkipped.cmake: forget the last run's skips, and name this run's.\n"
  "set(CTEST_CUSTOM_PRE_TEST \"\\\"${CMAKE_COMMAND}\\\" -E remove_directory \\\"${SMSREP_SKIP_DIR}\\\"\")\n"
  "set(CTEST_CUSTOM_POST_TEST \"sh \\\"${PROJECT_SOURCE_DIR}/tests/integration/skipped_summary.sh\\\" \\\"${SMSREP_SKIP_DIR}\\\"\")\n")

# smsrep_skipped_test(NAME LABEL WHY): a test NAME that says WHY it is skipped.
function(smsrep_skipped_test name label why)
  add_test(NAME ${name} COMMAND sh ${PROJECT_SOURCE_DIR}/tests/integration/skip.sh ${name} "${why}")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS ${label}
                       ENVIRONMENT SMSREP_SKIP_DIR=${SMSREP_SKIP_DIR})
endfunction()
