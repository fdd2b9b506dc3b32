#!/usr/bin/env bash
# `mpirun -n 1|2|4 albsim run` and `albsim plan` (early stopping on) write the same bytes as one
# process (so do charges across replications); an input error under mpirun is one line (from rank 0) and exit 2.
# Args: MPIRUN ALBSIM_BINARY SOURCE_DIR
set -euo pipefail
mpirun="$1"
albsim="$2"
src="$3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# CI runs as root; OpenMPI refuses that unless told.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fail() { echo "FAIL: $*" >&2; exit 1; }

/usr/bin/python3 "$src/tools/compare-builds/random_scenario.py" 3301 > "$work/random.json"
run=(run "$work/random.json" --replications 11 --timeseries-step 1h -q)
plan=(plan "$src/scenarios/plan-3az.json" --pool edge --replications 100 -q)
"$albsim" "${run[@]}" --out "$work/run-alone"
"$albsim" "${plan[@]}" --out "$work/plan-alone"
for ranks in 1 2 4; do
  "$mpirun" --oversubscribe -n "$ranks" "$albsim" "${run[@]}" --out "$work/run-$ranks"
  cmp "$work/run-alone/report.json" "$work/run-$ranks/report.json" || fail "run, $ranks ranks"
  cmp "$work/run-alone/timeseries.csv" "$work/run-$ranks/timeseries.csv" || fail "timeseries, $ranks"
  "$mpirun" --oversubscribe -n "$ranks" "$albsim" "${plan[@]}" --out "$work/plan-$ranks"
  cmp "$work/plan-alone/plan.json" "$work/plan-$ranks/plan.json" || fail "plan, $ranks ranks"
done
grep -q '"stopped_early": true' "$work/plan-alone/plan.json" || fail "the plan never stopped early"

# Charges across replications: every rank's lines reach rank 0.
charged=(run "$src/scenarios/amazon-29-random.json" --replications 6 --charges -q)
"$albsim" "${charged[@]}" --out "$work/charges-alone"
"$mpirun" --oversubscribe -n 2 "$albsim" "${charged[@]}" --out "$work/charges-2"
for f in charges.csv charges_percentiles.csv; do
  cmp "$work/charges-alone/$f" "$work/charges-2/$f" || fail "$f, 2 ranks"
done

# MPI and shards together: 2 ranks per shard.
for k in 0 1; do
  "$mpirun" --oversubscribe -n 2 "$albsim" "${run[@]}" --shard "$k/2" --out "$work/mpi-shards"
done
"$albsim" merge "$work/mpi-shards" --out "$work/mpi-merged" -q
cmp "$work/run-alone/report.json" "$work/mpi-merged/report.json" || fail "MPI shards"

status=0
"$mpirun" --oversubscribe -n 2 "$albsim" run "$work/missing.json" > "$work/out" 2> "$work/err" ||
  status=$?
[ "$status" -ne 0 ] || fail "a missing scenario under mpirun exited 0"
[ "$(grep -c '^albsim: ' "$work/err")" -eq 1 ] || fail "not one albsim line: $(cat "$work/err")"
echo "mpi: 1, 2 and 4 ranks byte-identical to one process"
