# Writes OUT (a header defining ALBSIM_BUILD_ID) when its content changes; run at every build by
# the albsim_build_id target. The id names what a build computes with: the version, the commit
# (ALBSIM_COMMIT in the environment when there is no .git, as in a container build), a hash of
# the uncommitted changes to tracked files, and a hash of the compiler and its flags. Shards
# carry it, so that shards of two builds are never merged. Args: -DSRC= -DOUT= -DVERSION=
# -DOPTIONS=
set(commit "$ENV{ALBSIM_COMMIT}")
set(dirty "")
find_package(Git QUIET)
if(commit STREQUAL "" AND GIT_FOUND AND EXISTS "${SRC}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" rev-parse --short=12 HEAD
                  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" diff HEAD
                  OUTPUT_VARIABLE diff ERROR_QUIET)
  if(NOT diff STREQUAL "")
    string(SHA256 diff_hash "${diff}")
    string(SUBSTRING "${diff_hash}" 0 8 diff_hash)
    set(dirty ".dirty-${diff_hash}")
  endif()
endif()
if(commit STREQUAL "")
  set(commit "nocommit")
endif()
string(SHA256 options_hash "${OPTIONS}")
string(SUBSTRING "${options_hash}" 0 8 options_hash)
set(id "${VERSION}+${commit}${dirty}.${options_hash}")
file(WRITE "${OUT}.tmp" "// Generated at build time by cmake/BuildId.cmake.\n#pragma once\n\n"
                        "#define ALBSIM_BUILD_ID \"${id}\"\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
