# SPDX-License-Identifier: Apache-2.0
# aar.cmake: lays out the org.libsmsrep AAR (cmake -P, from the smsrep_aar
# target): AndroidManifest.xml, classes.jar, proguard.txt (the consumer keep
# rules), an empty R.txt (no resources), jni/ABI/libsmsrep_jni.so, and the
# same files zipped as smsrep.aar beside the directory.
# -D: JAR CLASSES MANIFEST RULES SO ABI OUT AAR
foreach(v JAR CLASSES MANIFEST RULES SO ABI OUT AAR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "aar.cmake: -D${v}= is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${OUT} ${AAR})
file(MAKE_DIRECTORY ${OUT}/jni/${ABI})
configure_file(${MANIFEST} ${OUT}/AndroidManifest.xml COPYONLY)
configure_file(${RULES} ${OUT}/proguard.txt COPYONLY)
file(WRITE ${OUT}/R.txt "")
configure_file(${SO} ${OUT}/jni/${ABI}/libsmsrep_jni.so COPYONLY)
# Only the library's own classes: no manifest of the jar tool's (M).
execute_process(COMMAND ${JAR} cfM ${OUT}/classes.jar -C ${CLASSES} org
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "aar.cmake: ${JAR} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${AAR} --format=zip
                        AndroidManifest.xml classes.jar proguard.txt R.txt jni
                WORKING_DIRECTORY ${OUT} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "aar.cmake: zipping ${AAR} failed (${rc})")
endif()
