#!/usr/bin/env bash
# SIGTERM and SIGINT mid-run: albsim must exit 143 and 130 with one line on stderr, and leave no
# temporary file (report.json.tmp.PID, timeseries.csv.tmp.PID) and no output in the folder.
#   Args: ALBSIM_BINARY SOURCE_DIR
set -euo pipefail
albsim="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
set -m  # background jobs keep SIGINT (a non-interactive shell would start them ignoring it)

# Sends `signal` once the run's temporaries exist, and checks what it left.
interrupt() {
  local signal="$1" expected="$2" out="$work/$1"
  # About 2,000 replications a second here: a million cannot end before the signal.
  "$albsim" run "$src/scenarios/amazon-29-random.json" --out "$out" --quiet \
    --replications 1000000 --threads 1 2> "$work/$signal.err" &
  local pid=$!
  for _ in $(seq 200); do
    compgen -G "$out/*.tmp.*" > /dev/null && break
    sleep 0.05
  done
  compgen -G "$out/*.tmp.*" > /dev/null || fail "$signal: no temporary file appeared"
  kill "-$signal" "$pid"
  local status=0
  wait "$pid" || status=$?
  [ "$status" -eq "$expected" ] || fail "$signal: exit $status, not $expected"
  [ "$(wc -l < "$work/$signal.err")" -eq 1 ] || fail "$signal: not one line: $(cat "$work/$signal.err")"
  grep -q "^albsim: .*(SIG$signal)" "$work/$signal.err" ||
    fail "$signal: the line does not name the signal: $(cat "$work/$signal.err")"
  [ -z "$(ls -A "$out")" ] || fail "$signal: left $(ls "$out")"
}

interrupt TERM 143
interrupt INT 130
echo "ok: SIGTERM exit 143, SIGINT exit 130, nothing left behind"
