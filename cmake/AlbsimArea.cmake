# albsim_area(NAME [SOURCES ...] [PUBLIC_HEADERS ...] [PUBLIC ...] [PRIVATE ...])
#
# One area of src/ as a static library `albsim_NAME` (exported as albsim::NAME), or an INTERFACE
# library when it has no sources. The arrows between areas are a build fact: an area's sources see
# only its own include root, build/areas/NAME, which holds
#   NAME/   a link to src/NAME          (its internal headers, as "NAME/x.hpp")
#   albsim/ links to its PUBLIC_HEADERS (files of include/albsim/)
# and the roots of the areas it links. An include of an area it does not link does not compile.
# PUBLIC lists what its headers need (consumers see it too); PRIVATE what only its sources need.
function(albsim_area name)
  cmake_parse_arguments(AREA "" "" "SOURCES;PUBLIC_HEADERS;PUBLIC;PRIVATE" ${ARGN})
  set(root ${PROJECT_BINARY_DIR}/areas/${name})
  file(MAKE_DIRECTORY ${root}/albsim)
  if(EXISTS ${PROJECT_SOURCE_DIR}/src/${name})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name} ${root}/${name} SYMBOLIC)
  endif()
  foreach(header ${AREA_PUBLIC_HEADERS})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/albsim/${header} ${root}/albsim/${header}
         SYMBOLIC)
  endforeach()

  set(target albsim_${name})
  if(AREA_SOURCES)
    list(TRANSFORM AREA_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/src/${name}/)
    add_library(${target} STATIC ${AREA_SOURCES})
    target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${root}>
                                                $<INSTALL_INTERFACE:include>)
    target_link_libraries(${target} PUBLIC ${AREA_PUBLIC} PRIVATE ${AREA_PRIVATE})
    target_compile_options(${target} PRIVATE ${ALBSIM_WARNINGS})
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE $<BUILD_INTERFACE:${root}>
                                                   $<INSTALL_INTERFACE:include>)
    target_link_libraries(${target} INTERFACE ${AREA_PUBLIC})
  endif()
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  add_library(albsim::${name} ALIAS ${target})
endfunction()
