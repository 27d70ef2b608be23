# quarryConfig.cmake — CMake package for quarry 0.1.0 (header-only).
#
#   find_package(quarry CONFIG REQUIRED)                       # quarry::quarry (+ built backends)
#   find_package(quarry CONFIG REQUIRED COMPONENTS sqlite)     # fail unless quarry::sqlite exists
#   target_link_libraries(app PRIVATE quarry::sqlite)          # or quarry::postgres, quarry::quarry
#
# Only the backends this package was built with are looked up, so a SQLite-only install does not
# require libpq on the consumer's machine.


####### Expanded from @PACKAGE_INIT@ by configure_package_config_file() #######
####### Any changes to this file will be overwritten by the next CMake run ####
####### The input file was quarryConfig.cmake.in                            ########

get_filename_component(PACKAGE_PREFIX_DIR "${CMAKE_CURRENT_LIST_DIR}/../../../" ABSOLUTE)

macro(set_and_check _var _file)
  set(${_var} "${_file}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "File or directory ${_file} referenced by variable ${_var} does not exist !")
  endif()
endmacro()

macro(check_required_components _NAME)
  foreach(comp ${${_NAME}_FIND_COMPONENTS})
    if(NOT ${_NAME}_${comp}_FOUND)
      if(${_NAME}_FIND_REQUIRED_${comp})
        set(${_NAME}_FOUND FALSE)
      endif()
    endif()
  endforeach()
endmacro()

####################################################################################

include(CMakeFindDependencyMacro)

set(quarry_WITH_SQLITE TRUE)
set(quarry_WITH_POSTGRES TRUE)

find_dependency(fmt CONFIG)
find_dependency(Boost 1.75 CONFIG)
if(quarry_WITH_SQLITE)
  find_dependency(SQLite3)
endif()
if(quarry_WITH_POSTGRES)
  find_dependency(PostgreSQL)
endif()

include("${CMAKE_CURRENT_LIST_DIR}/quarryTargets.cmake")

# Components: sqlite, postgres (present when that backend was built).
set(quarry_sqlite_FOUND ${quarry_WITH_SQLITE})
set(quarry_postgres_FOUND ${quarry_WITH_POSTGRES})
foreach(_quarry_comp IN LISTS quarry_FIND_COMPONENTS)
  if(NOT _quarry_comp MATCHES "^(sqlite|postgres)$")
    set(quarry_${_quarry_comp}_FOUND FALSE)
    set(quarry_NOT_FOUND_MESSAGE "unknown quarry component '${_quarry_comp}' (known: sqlite, postgres)")
  elseif(NOT quarry_${_quarry_comp}_FOUND AND quarry_FIND_REQUIRED_${_quarry_comp})
    set(quarry_NOT_FOUND_MESSAGE
      "this quarry was built without the ${_quarry_comp} backend (QUARRY_WITH_${_quarry_comp}=OFF)")
  endif()
endforeach()
check_required_components(quarry)
