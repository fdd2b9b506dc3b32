#!/usr/bin/env bash
# Pinned report of one example scenario (like ns-3's reference traces or SimGrid's .tesh files).
#   pinned_report.sh ALBSIM SCENARIO PIN_DIR [--update]
# Runs `albsim run SCENARIO` and compares its report.json byte for byte with
# PIN_DIR/NAME.report.json, and the SHA-256 of its timeseries.csv with PIN_DIR/NAME.timeseries.sha256
# (NAME: the scenario file's name without .json). Exit 0 when both match.
# With --update it writes the new pins instead and prints what changed (a unified diff of the
# report, old and new digest of the timeseries); review that diff before committing it.
set -euo pipefail
albsim=$1 scenario=$2 pin_dir=$3 mode=${4:-check}
name=$(basename "$scenario" .json)
pinned_report=$pin_dir/$name.report.json
pinned_digest=$pin_dir/$name.timeseries.sha256

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$albsim" run "$scenario" --out "$out" >/dev/null
digest="$(sha256sum <"$out/timeseries.csv" | cut -d' ' -f1)  timeseries.csv"

if [ "$mode" = --update ]; then
  if [ -f "$pinned_report" ] && cmp -s "$pinned_report" "$out/report.json" &&
     [ "$(cat "$pinned_digest" 2>/dev/null)" = "$digest" ]; then
    echo "$name: unchanged"
    exit 0
  fi
  echo "$name: updated"
  diff -u --label "pinned $name.report.json" --label "new" "$pinned_report" "$out/report.json" || true
  [ "$(cat "$pinned_digest" 2>/dev/null)" = "$digest" ] ||
    echo "timeseries.csv digest: $(cat "$pinned_digest" 2>/dev/null || echo none) -> $digest"
  cp "$out/report.json" "$pinned_report"
  echo "$digest" >"$pinned_digest"
  exit 0
fi

if [ ! -f "$pinned_report" ] || [ ! -f "$pinned_digest" ]; then
  echo "$name: no pinned report in $pin_dir; run tools/update-pinned-reports.sh and review the diff" >&2
  exit 1
fi
status=0
if ! diff -u --label "pinned $name.report.json" --label "this build" "$pinned_report" "$out/report.json"; then
  status=1
fi
if [ "$(cat "$pinned_digest")" != "$digest" ]; then
  echo "$name: timeseries.csv differs from the pinned digest ($(cat "$pinned_digest") vs $digest)"
  status=1
fi
[ $status -eq 0 ] && echo "$name: report.json and timeseries.csv match the pins"
exit $status
