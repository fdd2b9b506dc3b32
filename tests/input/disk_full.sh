#!/usr/bin/env bash
# A disk that fills while albsim writes: reproduced with a file-size limit (ulimit -f, SIGXFSZ
# ignored, so a write past it fails with EFBIG as a full disk fails with ENOSPC). The run must
# exit 2 with one line naming the file, leave the earlier report and timeseries as they were, and
# leave no temporary file behind.   Args: ALBSIM_BINARY SOURCE_DIR
set -euo pipefail
albsim="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# An earlier, complete run in the same folder.
"$albsim" run "$src/tests/golden/one_alb_constant.json" --out "$work/out" --quiet
cp "$work/out/report.json" "$work/report.before"
cp "$work/out/timeseries.csv" "$work/timeseries.before"

# quickstart's timeseries (a week at 1 min, about 600 KB) cannot fit under 64 KB.
status=0
(
  trap '' XFSZ
  ulimit -f 64
  exec "$albsim" run "$src/scenarios/quickstart.json" --out "$work/out" --quiet
) 2> "$work/err" || status=$?
[ "$status" -eq 2 ] || fail "exit $status, not 2: $(cat "$work/err")"
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "not one line: $(cat "$work/err")"
grep -q "out/timeseries.csv: writing it failed: " "$work/err" ||
  fail "the message does not name the file and the fault: $(cat "$work/err")"
cmp -s "$work/out/report.json" "$work/report.before" || fail "the earlier report.json changed"
cmp -s "$work/out/timeseries.csv" "$work/timeseries.before" ||
  fail "the earlier timeseries.csv changed"
leftovers=$(find "$work/out" -name '*.tmp.*')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "disk full: ok"
