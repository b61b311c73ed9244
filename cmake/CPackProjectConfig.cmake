# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE in Packaging.cmake).
if(CPACK_GENERATOR STREQUAL "TGZ")
    # Absolute destinations (/etc/flowviz, /lib/systemd) need DESTDIR installation in archives.
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX /usr)
    set(CPACK_PACKAGING_INSTALL_PREFIX "")
endif()
