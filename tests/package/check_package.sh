#!/usr/bin/env bash
# Installs the built albsim into a temporary prefix, builds tests/package against it with
# find_package(albsim), runs the consumer and checks its answer (4 nodes: 2 per AZ). The installed
# binary, outside any source tree, draws its plots with the installed script.
#   check_package.sh BUILD_DIR SOURCE_DIR [SANITIZERS]
# SANITIZERS (address,undefined or thread) is what the build was instrumented with; the consumer
# is built with the same, as a sanitized static library needs.
set -euo pipefail
build=$1 source=$2 sanitizers=${3:-}
flags=()
if [ -n "$sanitizers" ]; then
  flags=(-DCMAKE_CXX_FLAGS="-fsanitize=$sanitizers" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=$sanitizers")
fi
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix/usr" >/dev/null
test -x "$prefix/usr/bin/albsim"
cmake -S "$source/tests/package" -B "$prefix/consumer" -DCMAKE_PREFIX_PATH="$prefix/usr" \
  -DCMAKE_BUILD_TYPE=Release "${flags[@]}" >/dev/null
cmake --build "$prefix/consumer" >/dev/null
output=$("$prefix/consumer/consumer")
echo "$output"
[ "$output" = "albsim 0.1.0 peak_total 4" ]

"$prefix/usr/bin/albsim" run "$source/tests/golden/one_alb_constant.json" --out "$prefix/run" \
  --quiet --plot
test -s "$prefix/run/addresses.png"
