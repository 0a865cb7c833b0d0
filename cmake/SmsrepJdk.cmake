# SPDX-License-Identifier: Apache-2.0
# Finds the JDK the JNI binding needs (javac and jni.h) wherever one is.
# FindJNI looks in $JAVA_HOME and in fixed directories, of which Debian has
# only /usr/lib/jvm/default-java, made by default-jdk-headless: with
# openjdk-17 alone it finds no jni.h. So without JAVA_HOME, the JDK is the one
# the javac on PATH belongs to (readlink -f javac, two levels up).
# Sets Java_* (FindJava), JNI_INCLUDE_DIRS (FindJNI), SMSREP_JDK_FOUND, and
# SMSREP_JDK_MISSING: what is missing, in words, when it is not found.
macro(smsrep_find_jdk)
  set(SMSREP_JDK_FROM "")
  if(NOT JAVA_HOME AND "$ENV{JAVA_HOME}" STREQUAL "")
    find_program(SMSREP_JAVAC javac)
    if(SMSREP_JAVAC)
      get_filename_component(_smsrep_javac "${SMSREP_JAVAC}" REALPATH)
      get_filename_component(_smsrep_jdk "${_smsrep_javac}" DIRECTORY)
      get_filename_component(_smsrep_jdk "${_smsrep_jdk}" DIRECTORY)
      # FindJava and FindJNI read the variable JAVA_HOME before the environment.
      set(JAVA_HOME "${_smsrep_jdk}")
      set(SMSREP_JDK_FROM " (from ${SMSREP_JAVAC} -> ${_smsrep_javac})")
    endif()
  endif()
  find_package(Java 1.8 COMPONENTS Development)
  # Only the headers are needed. Asking for the JVM component alone (CMake
  # 3.24+) keeps FindJNI from demanding libjawt, which headless JDKs lack.
  find_package(JNI COMPONENTS JVM)
  set(SMSREP_JDK_MISSING "")
  if(NOT Java_JAVAC_EXECUTABLE)
    set(SMSREP_JDK_MISSING "no javac on PATH and no JAVA_HOME (Debian: openjdk-17-jdk-headless or default-jdk-headless)")
  elseif(NOT Java_FOUND)
    set(SMSREP_JDK_MISSING "${Java_JAVAC_EXECUTABLE} is older than Java 8")
  elseif(NOT JNI_FOUND)
    if(JAVA_HOME)
      set(_smsrep_home "${JAVA_HOME}${SMSREP_JDK_FROM}")
    else()
      set(_smsrep_home "$ENV{JAVA_HOME}")
    endif()
    set(SMSREP_JDK_MISSING "javac is ${Java_JAVAC_EXECUTABLE}, but no jni.h and libjvm under JAVA_HOME ${_smsrep_home}: set JAVA_HOME to a JDK (not a JRE)")
  endif()
  if(SMSREP_JDK_MISSING)
    set(SMSREP_JDK_FOUND FALSE)
  else()
    set(SMSREP_JDK_FOUND TRUE)
    message(STATUS "JDK for JNI: ${JNI_INCLUDE_DIRS}${SMSREP_JDK_FROM}")
  endif()
endmacro()
