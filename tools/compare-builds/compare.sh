#!/usr/bin/env bash
# Compares two albsim builds on random scenarios: report.json and timeseries.csv (a 7 s or 60 s
# step) must be byte-identical. For refactors and speed work that must not change a result.
#   tools/compare-builds/compare.sh OLD_ALBSIM NEW_ALBSIM [FIRST_SEED [COUNT]]
# Prints one line per differing seed and a summary; exit 1 when any differs.
set -euo pipefail
old=$1 new=$2 first=${3:-1} count=${4:-100}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0 differ=0
for ((seed = first; seed < first + count; ++seed)); do
  scenario=$work/s$seed.json
  /usr/bin/env python3 "$here/random_scenario.py" "$seed" >"$scenario"
  step=$((seed % 3 == 0 ? 7 : 60))s
  for build in old new; do
    binary=$old
    [ $build = new ] && binary=$new
    "$binary" run -q --threads 1 --timeseries-step "$step" -o "$work/$build" "$scenario" \
      >/dev/null 2>"$work/$build.err" || true
  done
  if cmp -s "$work/old/report.json" "$work/new/report.json" &&
     cmp -s "$work/old/timeseries.csv" "$work/new/timeseries.csv" &&
     cmp -s "$work/old.err" "$work/new.err"; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "seed $seed differs (scenario: random_scenario.py $seed)"
  fi
  rm -rf "$work/old" "$work/new"
done
echo "$same identical, $differ different"
[ "$differ" -eq 0 ]
