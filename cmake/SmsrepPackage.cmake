# SPDX-License-Identifier: Apache-2.0
# Debian packages from the install rules (cpack -G DEB in the build tree):
# libsmsrep0 (the shared library and its database), libsmsrep-dev (header,
# static library, CMake package, .pc) and smsrep (the command, the database
# builder, the gateway handlers and their configurations, the docs and every
# install rule that names no component, such as the man pages).
set(CPACK_PACKAGE_NAME smsrep)
set(CPACK_PACKAGE_VENDOR "libsmsrep")
# Debian needs a Maintainer; the project has no public address yet.
set(CPACK_PACKAGE_CONTACT "libsmsrep maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "judges the reputation of SMS senders, offline")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL lib dev smsrep)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# A Debian policy file mode for every directory the packages create.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(_v "${PROJECT_VERSION}")
string(REGEX MATCH "^[0-9]+" _icu_major "${ICU_VERSION}")

# The library: dpkg-shlibdeps reads its NEEDED entries (libphonenumber8,
# libsqlite3-0, libicu72, libstdc++6, libc6); a shlibs file tells later
# packages which libsmsrep0 provides libsmsrep.so.0.
set(CPACK_DEBIAN_LIB_PACKAGE_NAME libsmsrep0)
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIB_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_COMPONENT_LIB_DESCRIPTION "SMS sender reputation library\n libsmsrep normalises an SMS sender and judges it against a bundled database\n of documented senders, short codes and numbering-plan facts.")

# The static library needs what the shared one hides: libphonenumber, SQLite
# and ICU, each with its headers' package for the link names.
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libsmsrep-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libsmsrep0 (= ${_v}), libsqlite3-dev, libicu-dev")
if(SMSREP_WITH_PHONENUMBER)
  string(APPEND CPACK_DEBIAN_DEV_PACKAGE_DEPENDS ", libphonenumber-dev")
endif()
set(CPACK_COMPONENT_DEV_DESCRIPTION "SMS sender reputation library: development files\n The header, static library, CMake package (find_package(smsrep)) and\n pkg-config file (smsrep).")

# The command and handlers link libsmsrep0 of this very version, SQLite (the
# command writes overlays) and ICU (the database builder). Not shlibdeps:
# libsmsrep.so.0 is in no installed package when this one is built.
set(CPACK_DEBIAN_SMSREP_PACKAGE_NAME smsrep)
set(CPACK_DEBIAN_SMSREP_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_SMSREP_PACKAGE_DEPENDS
    "libsmsrep0 (= ${_v}), libc6, libsqlite3-0, libicu${_icu_major}")
set(CPACK_COMPONENT_SMSREP_DESCRIPTION "SMS sender reputation: command line and gateway handlers\n The smsrep command, the database builder (smsrep db build) and handlers\n for smstools3, gammu-smsd and Kannel, with a tested Kannel configuration.")
include(CPack)
