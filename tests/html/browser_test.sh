#!/usr/bin/env bash
# The HTML report in a real browser: every example scenario run with --html, one of them again
# with replications, one re-drawn by `albsim report` from timeseries.csv alone, one merged from
# shards, a load balancer without a pool, an observation and a run compared with it, the
# README's plan, and a scenario whose name is markup; browser_check.mjs opens each in headless Chromium.
# Screenshots land in OUT/screenshots. Without Chromium or playwright-core (tools/setup.sh
# --tests installs both) it is skipped (exit 77), except under CI=true, where it fails.
# Usage: browser_test.sh ALBSIM SOURCE_DIR OUT
set -euo pipefail
albsim=$1 source=$2 out=$3
chromium=${ALBSIM_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || [ ! -d "$source/tools/html/node_modules/playwright-core" ] ||
   ! command -v node >/dev/null; then
  echo "needs $chromium, node and tools/html/node_modules/playwright-core: tools/setup.sh --tests"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
rm -rf "$out" && mkdir -p "$out"
cd "$source"
pages=()
for scenario in scenarios/*.json scenarios/finance/*.json; do
  name=$(basename "$scenario" .json)
  "$albsim" run "$scenario" --out "$out/$name" --html -q 2>/dev/null
  pages+=("$out/$name/report.html")
done
"$albsim" run scenarios/amazon-29-random.json --replications 24 --out "$out/replicated" --html -q
pages+=("$out/replicated/report.html")
# No envelope: the page draws timeseries.csv's samples.
"$albsim" run scenarios/az-outage.json --out "$out/samples-only" -q
rm -f "$out/samples-only/timeseries_envelope.csv"
"$albsim" report "$out/samples-only" -q
pages+=("$out/samples-only/report.html")
for k in 0 1; do
  "$albsim" run scenarios/amazon-29-random.json --replications 6 --shard "$k/2" --out "$out/shard-$k" -q
done
"$albsim" merge "$out/shard-0" "$out/shard-1" --out "$out/merged" --html -q
pages+=("$out/merged/report.html")
"$albsim" run scenarios/quickstart.json --set '/name="</script><script>alert(1)</script>"' \
  --out "$out/markup-name" --html -q
pages+=("$out/markup-name/report.html")
# No pool: no allowlist, every address AWS-managed; nothing to breach, and nothing shown as one.
cat > "$out/no-pool.json" <<'SCENARIO'
{"name": "no-pool", "horizon": "1d", "start": "2026-12-01T00:00:00Z", "pools": [],
 "load_balancers": [{"id": "edge", "azs": ["use1-az1", "use1-az2"], "demand": {"constant": 60}}]}
SCENARIO
"$albsim" run "$out/no-pool.json" --out "$out/no-pool" --html -q
pages+=("$out/no-pool/report.html")
# An observation (a DNS log: no AZs, no demand), and a run compared with it.
cat > "$out/observed.json" <<'SCENARIO'
{"start": "2025-03-01T00:00:00Z", "horizon": "2h", "seed": 3,
 "pools": [{"id": "corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
           {"id": "p", "parent": "corp", "locale": "us-east-1", "cidrs": ["198.51.100.0/28"]}],
 "load_balancers": [{"id": "web", "pool": "p", "azs": ["us-east-1a", "us-east-1b"],
                     "node_capacity_lcu": 10, "demand": {"constant": 30}}]}
SCENARIO
for minute in $(seq 0 119); do
  line=$(printf '2025-03-01T%02d:%02d:00Z 198.51.100.1 198.51.100.2' $((minute / 60)) $((minute % 60)))
  [ "$minute" -ge 30 ] && [ "$minute" -lt 90 ] && line="$line 198.51.100.3 198.51.100.4"
  echo "$line"
done > "$out/dns.log"
"$albsim" observe "$out/observed.json" --dns-log "$out/dns.log" --out "$out/observed" --html -q
"$albsim" run "$out/observed.json" --compare-observed "$out/observed" --out "$out/compared" \
  --html -q
"$albsim" calibrate "$out/observed.json" --dns-log "$out/dns.log" --out "$out/calibrated" --html -q
pages+=("$out/observed/report.html" "$out/compared/report.html" "$out/calibrated/calibration.html")
# The README's plan, and the same folder re-drawn by `albsim report`.
"$albsim" plan scenarios/quickstart.json --lb web --out "$out/plan" --html -q
"$albsim" report "$out/plan" -q
pages+=("$out/plan/plan.html")
node "$source/tests/html/browser_check.mjs" "$out/screenshots" "${pages[@]}"
