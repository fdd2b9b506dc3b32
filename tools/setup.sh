#!/usr/bin/env bash
# Installs albsim's build dependencies (Debian packages) and builds it in ./build (Release).
# Safe to re-run: apt runs only when a package is missing; the build is incremental.
# ALBSIM_WERROR=ON in the environment makes warnings errors (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make libboost-graph-dev libeigen3-dev libcli11-dev nlohmann-json3-dev
          catch2 librapidcheck-dev libbenchmark-dev libpcg-cpp-dev python3-matplotlib python3-yaml clang
          libclang-rt-14-dev libopenmpi-dev openmpi-bin libnlopt-cxx-dev zlib1g-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "albsim setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DALBSIM_WERROR="${ALBSIM_WERROR:-OFF}" >/dev/null
cmake --build build -j "$(nproc)"
