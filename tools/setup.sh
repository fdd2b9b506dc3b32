#!/usr/bin/env bash
# Installs albsim's build dependencies (Debian packages, and uPlot from the npm registry for the
# HTML report) and builds it in ./build (Release). With --tests, also what only the tests need:
# clang and its runtime (the fuzz targets), Chromium and playwright-core (the HTML report's
# browser test), shellcheck and action-validator (the CI recipes in deploy/ci), kubernetes-models
# (the Kubernetes manifests' schemas), Slurm and munge (a one-node cluster for deploy/slurm's test).
# Safe to re-run: apt and npm run only when something is missing; the build is incremental.
# ALBSIM_WERROR=ON in the environment makes warnings errors (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
tests=false
case "${1:-}" in
  --tests) tests=true ;;
  "") ;;
  *) echo "usage: tools/setup.sh [--tests]" >&2; exit 2 ;;
esac

packages=(cmake g++ make libboost-graph-dev libeigen3-dev libcli11-dev nlohmann-json3-dev
          catch2 librapidcheck-dev libbenchmark-dev libpcg-cpp-dev python3-matplotlib python3-yaml
          libopenmpi-dev openmpi-bin libnlopt-cxx-dev zlib1g-dev)
$tests && packages+=(clang libclang-rt-14-dev chromium shellcheck slurm-wlm munge)
command -v npm >/dev/null || packages+=(npm)
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

# tools/html/package-lock.json pins them; node_modules is not in the repository.
npm_needs=(uplot)
npm_flags=(--omit=dev)
if $tests; then
  npm_needs+=(playwright-core)
  npm_flags=()
fi
for module in "${npm_needs[@]}"; do
  if [ ! -f "tools/html/node_modules/$module/package.json" ]; then
    echo "albsim setup: npm ci in tools/html"
    npm ci --prefix tools/html --no-audit --no-fund --loglevel=error "${npm_flags[@]}" >/dev/null
    break
  fi
done
# tools/lint/package-lock.json pins the linters of deploy/ci (tests only).
if $tests && { [ ! -f tools/lint/node_modules/@action-validator/cli/package.json ] ||
               [ ! -f tools/lint/node_modules/kubernetes-models/package.json ]; }; then
  echo "albsim setup: npm ci in tools/lint"
  npm ci --prefix tools/lint --no-audit --no-fund --loglevel=error >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DALBSIM_WERROR="${ALBSIM_WERROR:-OFF}" >/dev/null
cmake --build build -j "$(nproc)"
