#!/usr/bin/env bash
# Re-pins the report of every scenario in scenarios/ and tests/golden/scenarios/
# (tests/golden/reports/) from ./build/albsim
# and prints what changed. A refactor changes nothing; a model change shows its diff here, to
# review and explain in the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
for scenario in scenarios/*.json scenarios/bench/*.json tests/golden/scenarios/*.json; do
  tests/golden/pinned_report.sh build/albsim "$scenario" tests/golden/reports --update
done
