#!/usr/bin/env bash
# Memory and timeseries size do not grow with the horizon (issue 13): runs SCENARIO for 1 and 2
# years (--set /horizon) and requires the 2-year run's peak resident memory within 5 % + 2 MiB of
# the 1-year run's, and its timeseries.csv (default step: at most 10,000 rows) no larger.
#   flat_memory.sh ALBSIM SCENARIO
set -euo pipefail
albsim=$1 scenario=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Peak RSS (KiB) of one albsim run, from the kernel's accounting of the finished child.
peak_kib() {
  /usr/bin/python3 - "$albsim" "$scenario" "$1" "$out/$1" <<'PY'
import resource, subprocess, sys
albsim, scenario, horizon, out = sys.argv[1:]
subprocess.run([albsim, "run", "-q", scenario, "--set", "/horizon=" + horizon, "--out", out],
               check=True, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}
one=$(peak_kib 365d)
two=$(peak_kib 730d)
csv_one=$(stat -c %s "$out/365d/timeseries.csv")
csv_two=$(stat -c %s "$out/730d/timeseries.csv")
echo "peak RSS: 1 year $one KiB, 2 years $two KiB; timeseries.csv: $csv_one B, $csv_two B"
status=0
if [ "$two" -gt $((one + one / 20 + 2048)) ]; then
  echo "peak RSS grew with the horizon" >&2
  status=1
fi
if [ "$csv_two" -gt "$csv_one" ]; then
  echo "timeseries.csv grew with the horizon" >&2
  status=1
fi
exit $status
