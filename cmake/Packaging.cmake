# Debian packages and tarballs of flowviz-server and flowviz-console, two of each from one
# build (CPack components "server" and "console"). Included at the end of the top-level
# CMakeLists.txt. In a RelWithDebInfo or Release build directory:
#
#   cmake --build . --target flowviz-server flowviz-console && cpack
#
# makes flowviz-server_<version>_amd64.deb, flowviz-console_<version>_amd64.deb and a .tar.gz of
# each in ./packages. The package files live in deploy/debian/; deploy/test-packages.sh (ctest
# -L packaging) checks them with lintian and installs, upgrades and removes them in a clean
# Debian 12 root.

set(FLOWVIZ_PACKAGE_MAINTAINER "FlowViz IT <it@flowviz.example>" CACHE STRING
    "Maintainer field of the Debian packages")
set(_pkg_dir ${PROJECT_SOURCE_DIR}/deploy/debian)
set(_pkg_build ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${_pkg_build})

# Debian wants compressed changelogs and manual pages, without a timestamp in the gzip header.
function(flowviz_gzip source target)
    set(_out ${_pkg_build}/${target})
    execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${_out} RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "gzip ${source} failed")
    endif()
    set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
endfunction()
flowviz_gzip(${_pkg_dir}/changelog changelog.gz)
flowviz_gzip(${_pkg_dir}/server/flowviz-server.1 flowviz-server.1.gz)
flowviz_gzip(${_pkg_dir}/console/flowviz-console.1 flowviz-console.1.gz)

# --- flowviz-server (the binary's install rule is in backend/CMakeLists.txt)
install(FILES ${_pkg_dir}/server/flowviz-server.service
        DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${_pkg_dir}/server/server.conf DESTINATION /etc/flowviz COMPONENT server)
install(FILES ${_pkg_build}/flowviz-server.1.gz DESTINATION share/man/man1 COMPONENT server)
install(FILES ${_pkg_dir}/copyright ${_pkg_build}/changelog.gz
              ${PROJECT_SOURCE_DIR}/docs/install.md ${PROJECT_SOURCE_DIR}/docs/operations.md
              ${PROJECT_SOURCE_DIR}/docs/disaster-recovery.md
        DESTINATION share/doc/flowviz-server COMPONENT server)
# The scheduled backup examples (deploy/systemd/), for IT to copy to /etc/systemd/system.
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/flowviz-backup.service
              ${PROJECT_SOURCE_DIR}/deploy/systemd/flowviz-backup.timer
        DESTINATION share/doc/flowviz-server/examples COMPONENT server)

# --- flowviz-console (the binary's install rule is in ui/CMakeLists.txt; its translations are
# compiled in as resources)
if(FLOWVIZ_BUILD_CONSOLE)
    install(FILES ${_pkg_dir}/console/flowviz-console.desktop
            DESTINATION share/applications COMPONENT console)
    install(FILES ${_pkg_dir}/console/icons/flowviz-console.svg
            DESTINATION share/icons/hicolor/scalable/apps COMPONENT console)
    foreach(_size 48 128 256)
        install(FILES ${_pkg_dir}/console/icons/flowviz-console-${_size}.png
                DESTINATION share/icons/hicolor/${_size}x${_size}/apps
                RENAME flowviz-console.png COMPONENT console)
    endforeach()
    install(FILES ${_pkg_build}/flowviz-console.1.gz DESTINATION share/man/man1 COMPONENT console)
    install(FILES ${_pkg_dir}/copyright ${_pkg_build}/changelog.gz
            DESTINATION share/doc/flowviz-console COMPONENT console)
endif()

# Packaged binaries resolve all symbols at start and keep the relocations read-only, as
# Debian's hardening flags do (lintian: hardening-no-bindnow).
foreach(_target flowviz-server flowviz-console)
    if(TARGET ${_target})
        target_link_options(${_target} PRIVATE LINKER:-z,relro LINKER:-z,now)
    endif()
endforeach()

# --- CPack
set(CPACK_PACKAGE_NAME flowviz)
set(CPACK_PACKAGE_VENDOR FlowViz)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${FLOWVIZ_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The unit and /etc/flowviz are absolute destinations; the tarballs keep them absolute too and
# therefore unpack over / (tar -C / -xzf). See CPackProjectConfig.cmake.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake)
# Each package's summary is the first line of its description below; CPack indents the rest
# and turns empty lines into " .".
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL server)
if(FLOWVIZ_BUILD_CONSOLE)
    list(APPEND CPACK_COMPONENTS_ALL console)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE _pkg_arch
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT _pkg_arch)
    set(_pkg_arch ${CMAKE_SYSTEM_PROCESSOR})
endif()
set(CPACK_ARCHIVE_SERVER_FILE_NAME flowviz-server-${PROJECT_VERSION}-linux-${_pkg_arch})
set(CPACK_ARCHIVE_CONSOLE_FILE_NAME flowviz-console-${PROJECT_VERSION}-linux-${_pkg_arch})

# A native Debian version (no revision): FlowViz packages itself, so the upstream version is
# the package version and the changelog is changelog.gz.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${FLOWVIZ_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME flowviz-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION misc)
# shlibdeps sees the linked libraries; the SQL driver plugin, pg_dump/pg_restore (backup and
# restore) and the maintainer scripts' tools are added here.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS
    "adduser, init-system-helpers (>= 1.54~), libqt6sql6-psql, postgresql-client-15")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "postgresql")
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "FlowViz lot traceability and QC server
The HTTP API of FlowViz, lot traceability and quality control for food
production: production lots, their genealogy, QC gate decisions and
traceability answers, stored in PostgreSQL and monitored with Prometheus.

This package runs it as the systemd service flowviz-server (system user
flowviz, settings in /etc/flowviz/server.conf). It applies database
migrations on start; backup and restore are flowviz-server commands.")
# dpkg keeps local edits of a conffile on upgrade (CPack does not mark /etc files by itself).
file(WRITE ${_pkg_build}/conffiles "/etc/flowviz/server.conf\n")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${_pkg_build}/conffiles
    ${_pkg_dir}/server/postinst ${_pkg_dir}/server/prerm ${_pkg_dir}/server/postrm)

set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME flowviz-console)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION misc)
# The outbox needs the SQLite driver plugin; Qt's own dialogs in Hungarian need the Qt
# translations; the status symbols (✔ ❚❚ ✖ ⚠ ●) are drawn from DejaVu Sans, which the console's
# tests check them against (tests/ui/shell/tst_layout.cpp). The xcb platform plugin comes with
# libqt6gui6.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-translations-l10n, fonts-dejavu-core")
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION
    "FlowViz operator console
The workstation application of FlowViz, lot traceability and quality
control for food production: register production lots by barcode scanner,
record QC gate decisions, look up and trace lots, print lot labels, in
Hungarian or English.

Every action is written to a local outbox first and synchronised with the
FlowViz server when it can be reached, so work continues while the network
is down.")

include(CPack)
