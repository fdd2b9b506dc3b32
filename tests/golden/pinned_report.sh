#!/usr/bin/env bash
# Pinned report of one example scenario (like ns-3's reference traces or SimGrid's .tesh files).
#   pinned_report.sh ALBSIM SCENARIO PIN_DIR [--update]
# Runs `albsim run SCENARIO` and compares, for NAME (the scenario file's name without .json):
#   PIN_DIR/NAME.report.json            report.json as pin_projection.py projects it (without
#                                       albsim_version; headline lines for huge fleets)
#   PIN_DIR/NAME.timeseries.sample.csv  a sample of timeseries.csv's rows, to show what moved
#   PIN_DIR/NAME.timeseries.sha256      the digest of the whole timeseries.csv
# Exit 0 when all three match; otherwise the diffs. With --update it writes the new pins instead
# and prints what changed; review that diff before committing it.
set -euo pipefail
albsim=$1 scenario=$2 pin_dir=$3 mode=${4:-check}
here=$(dirname "$0")
name=$(basename "$scenario" .json)
pinned_report=$pin_dir/$name.report.json
pinned_sample=$pin_dir/$name.timeseries.sample.csv
pinned_digest=$pin_dir/$name.timeseries.sha256

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$albsim" run "$scenario" --out "$out" >/dev/null
python3 "$here/pin_projection.py" report "$out/report.json" "$out/pin.report.json"
python3 "$here/pin_projection.py" timeseries "$out/timeseries.csv" "$out/pin.sample.csv"
digest="$(sha256sum <"$out/timeseries.csv" | cut -d' ' -f1)  timeseries.csv"

# Prints the differences between the pins and this build's projections; returns 1 if any.
compare() {
  local status=0
  diff -u --label "pinned $name.report.json" --label "this build" "$pinned_report" \
    "$out/pin.report.json" || status=1
  diff -u --label "pinned $name.timeseries.sample.csv" --label "this build" "$pinned_sample" \
    "$out/pin.sample.csv" || status=1
  if [ "$(cat "$pinned_digest" 2>/dev/null)" != "$digest" ]; then
    echo "$name: timeseries.csv digest: $(cat "$pinned_digest" 2>/dev/null || echo none) -> $digest"
    status=1
  fi
  return $status
}

if [ "$mode" = --update ]; then
  touch -a "$pinned_report" "$pinned_sample" "$pinned_digest"
  if compare >"$out/changes" 2>&1; then
    echo "$name: unchanged"
  else
    echo "$name: updated"
    cat "$out/changes"
  fi
  cp "$out/pin.report.json" "$pinned_report"
  cp "$out/pin.sample.csv" "$pinned_sample"
  echo "$digest" >"$pinned_digest"
  exit 0
fi

if [ ! -f "$pinned_report" ] || [ ! -f "$pinned_sample" ] || [ ! -f "$pinned_digest" ]; then
  echo "$name: no pinned report in $pin_dir; run tools/update-pinned-reports.sh and review the diff" >&2
  exit 1
fi
compare && echo "$name: report.json and timeseries.csv match the pins"
