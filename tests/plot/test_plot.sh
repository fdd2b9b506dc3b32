#!/usr/bin/env bash
# The plot script draws non-empty 1200-px-wide PNGs from a small run, with and without
# replications, and from a plan; `albsim run --plot` and `albsim plan --plot` call it. Args: ALBSIM_BINARY SOURCE_DIR
set -euo pipefail
albsim="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$albsim" run "$src/tests/golden/child_pool_steps.json" --out "$work/one" --quiet --plot >/dev/null
"$albsim" run "$src/scenarios/amazon-29-random.json" --out "$work/many" --quiet \
  --replications 6 --set /horizon='"3d"'
/usr/bin/python3 "$src/tools/plot/albsim_plot.py" "$work/many" >/dev/null
"$albsim" plan "$src/tests/plan/two_nodes.json" --pool edge --out "$work/plan" --quiet --plot \
  >/dev/null
# A load balancer without an allowlist (no pool) beside ones with: its panels say so.
"$albsim" run "$src/tests/input/data/mixed_pools.json" --out "$work/mixed" --quiet --plot \
  2>/dev/null

# --plot-window draws a part of the run (and implies --plot); a bad window is exit 2 before the
# run writes anything.
"$albsim" run "$src/scenarios/quickstart.json" --out "$work/window" --quiet \
  --plot-window 2026-11-24T00:00Z..2d12h >/dev/null
status=0
"$albsim" run "$src/scenarios/quickstart.json" --out "$work/bad-window" --quiet \
  --plot-window 3d..2d 2> "$work/bad-window.err" || status=$?
[ "$status" -eq 2 ] && grep -q -- "--plot-window: 3d..2d: the end is not after the start" \
  "$work/bad-window.err"
test ! -e "$work/bad-window/report.json"

# A calibration (calibration.json and calibration_nodes.csv, as `albsim calibrate` writes them):
# observed against simulated nodes, per AZ.
mkdir -p "$work/calibration"
cat > "$work/calibration/calibration.json" <<'JSON'
{"load_balancer": "web", "window": {"from": "2025-03-03T00:00:00Z", "to": "2025-03-04T00:00:00Z"},
 "observation": {"kind": "eni-snapshots", "counts": "addresses held, per AZ"},
 "values": {"node_capacity_lcu": {"value": 8.0, "unit": "LCU", "identified": true},
            "launch_delay": {"value": 120, "unit": "s", "identified": false},
            "scale_in_cooldown": {"value": 600, "unit": "s", "identified": true},
            "replacement": {"value": 86400, "unit": "s", "identified": true}},
 "fit": {"rms_nodes": {"us-east-1a": 0.5, "us-east-1b": 0.25}}}
JSON
/usr/bin/python3 - "$work/calibration/calibration_nodes.csv" <<'PY'
import math, sys
with open(sys.argv[1], "w") as f:
    f.write("t_s,observed_us-east-1a,observed_us-east-1b,simulated_us-east-1a,simulated_us-east-1b\n")
    for i in range(288):
        n = 3 + round(2 * math.sin(i / 46))
        f.write(f"{i * 300},{n},{n + 1},{n},{n + (i % 7 == 0)}\n")
PY
/usr/bin/python3 "$src/tools/plot/albsim_plot.py" "$work/calibration" >/dev/null
# An observation (a DNS log of a two-AZ load balancer): its demand_nodes.png shows the addresses
# held and in DNS (no demand is observed); a run compared with it draws comparison.png.
cat > "$work/observed.json" <<'JSON'
{"start": "2025-03-01T00:00:00Z", "horizon": "2h", "seed": 3,
 "pools": [{"id": "corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
           {"id": "p", "parent": "corp", "locale": "us-east-1", "cidrs": ["198.51.100.0/28"]}],
 "load_balancers": [{"id": "web", "pool": "p", "azs": ["us-east-1a", "us-east-1b"],
                     "node_capacity_lcu": 10, "demand": {"constant": 30}}]}
JSON
for minute in $(seq 0 119); do
  line=$(printf '2025-03-01T%02d:%02d:00Z 198.51.100.1 198.51.100.2' $((minute / 60)) $((minute % 60)))
  if [ "$minute" -ge 30 ] && [ "$minute" -lt 90 ]; then line="$line 198.51.100.3 198.51.100.4"; fi
  echo "$line"
done > "$work/dns.log"
"$albsim" observe "$work/observed.json" --dns-log "$work/dns.log" --out "$work/observed" --quiet \
  --plot >/dev/null
"$albsim" run "$work/observed.json" --out "$work/compared" --quiet --plot \
  --compare-observed "$work/observed" >/dev/null
test -s "$work/compared/seen_as_observed.csv"

# The script's own pieces, on numbers worked out by hand: breaches as runs of samples with an
# outside node, and the window's rows (the row in force at FROM included).
/usr/bin/python3 - "$src/tools/plot" <<'PY'
import datetime, sys
sys.path.insert(0, sys.argv[1])
import albsim_plot as p
assert p.breach_runs([0, 1, 2, 3, 4], [0, 2, 0, 0, 1]) == [(1, 2), (4, 4)]
ts = {"t_s": [0.0, 60.0, 120.0, 180.0], "v": [1.0, 2.0, 3.0, 4.0]}
assert p.select_window(ts, "90..180", None) == {"t_s": [60.0, 120.0], "v": [2.0, 3.0]}
assert p.select_window(ts, "..1m", None)["t_s"] == [0.0]
start = datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc)
assert p.window_end("2026-11-24T00:00Z", start) == 86400
assert p.window_end("1d12h", start) == 129600
PY

# Without matplotlib the run still succeeds and says how to install it.
ALBSIM_PYTHON=/bin/false "$albsim" run "$src/tests/golden/one_alb_constant.json" \
  --out "$work/none" --quiet --plot 2> "$work/none.err"
grep -q "sudo apt-get install python3-matplotlib" "$work/none.err"
test ! -e "$work/none/addresses.png"

# A script that fails is a warning naming ALBSIM_PLOT_SCRIPT (the run's outputs stand, exit 0);
# a script that is missing is exit 2 before anything runs.
printf 'import sys\nsys.exit(3)\n' > "$work/failing.py"
ALBSIM_PLOT_SCRIPT="$work/failing.py" "$albsim" run "$src/tests/golden/one_alb_constant.json" \
  --out "$work/failing" --quiet --plot 2> "$work/failing.err"
grep -q "failed (exit status 3).*ALBSIM_PLOT_SCRIPT" "$work/failing.err"
test -s "$work/failing/report.json"
status=0
ALBSIM_PLOT_SCRIPT="$work/missing.py" "$albsim" run "$src/tests/golden/one_alb_constant.json" \
  --out "$work/missing" --quiet --plot 2> "$work/missing.err" || status=$?
[ "$status" -eq 2 ] && grep -q "ALBSIM_PLOT_SCRIPT: .*missing.py: is not a file" "$work/missing.err"
test ! -e "$work/missing/report.json"
cp "$albsim" "$work/lonely-albsim"  # a binary with no script beside or above it
status=0
"$work/lonely-albsim" plan "$src/tests/plan/two_nodes.json" --pool edge --out "$work/lonely" \
  --quiet --plot 2> "$work/lonely.err" || status=$?
[ "$status" -eq 2 ] && grep -q "albsim_plot.py is not in share/albsim/" "$work/lonely.err"

/usr/bin/python3 - "$work" <<'PY'
import os, struct, sys
work = sys.argv[1]
expected = {"one": ["addresses.png", "demand_nodes.png", "cost.png"],
            "many": ["addresses.png", "demand_nodes.png", "cost.png", "distribution.png"],
            "mixed": ["addresses.png", "demand_nodes.png", "cost.png", "distribution.png"],
            "plan": ["plan.png"], "calibration": ["calibration.png"], "window": ["addresses.png", "demand_nodes.png", "cost.png"],
            "observed": ["addresses.png", "demand_nodes.png", "cost.png"],
            "compared": ["addresses.png", "demand_nodes.png", "cost.png", "comparison.png"]}
for run, names in expected.items():
    for name in names:
        path = os.path.join(work, run, name)
        with open(path, "rb") as f:
            head = f.read(24)
        assert head[:8] == b"\x89PNG\r\n\x1a\n", path + ": not a PNG"
        width, height = struct.unpack(">II", head[16:24])
        assert width == 1200 and 300 <= height <= 3000, f"{path}: {width}x{height}"
        assert os.path.getsize(path) > 10_000, path + ": suspiciously small"
assert not os.path.exists(os.path.join(work, "one", "distribution.png"))
print("plots ok")
PY
