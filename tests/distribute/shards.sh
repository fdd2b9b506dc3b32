#!/usr/bin/env bash
# Shards merge into the bytes of one process: `albsim run --shard K/N` + `albsim merge` and
# `albsim plan --shard K/N --no-early-stop` + `albsim plan merge`, for 1, 2, 3 and 7 shards, in
# one directory and in one directory per shard; `--shard auto/N` reads each batch engine's index
# variable; every bad shard set is exit 2 with one line naming the file.
# Args: ALBSIM_BINARY SOURCE_DIR
set -euo pipefail
albsim="$1"
src="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset JOB_COMPLETION_INDEX AWS_BATCH_JOB_ARRAY_INDEX SLURM_ARRAY_TASK_ID

fail() { echo "FAIL: $*" >&2; exit 1; }

# A random scenario nobody here wrote by hand (the compare-builds generator), 9 replications.
/usr/bin/python3 "$src/tools/compare-builds/random_scenario.py" 1207 > "$work/random.json"
run=("$albsim" run "$work/random.json" --replications 9 --timeseries-step 1h -q)
"${run[@]}" --out "$work/whole"
for n in 1 2 3 7; do
  for ((k = 0; k < n; k++)); do
    "${run[@]}" --shard "$k/$n" --out "$work/shared-$n"     # every shard in one directory
    "${run[@]}" --shard "$k/$n" --out "$work/own-$n/job-$k" # a directory per shard
  done
  "$albsim" merge "$work/shared-$n" --out "$work/merged-$n" -q
  "$albsim" merge "$work/own-$n"/job-* --out "$work/merged-own-$n" -q
  for merged in "$work/merged-$n" "$work/merged-own-$n"; do
    cmp "$work/whole/report.json" "$merged/report.json" || fail "report.json of $n shards"
    cmp "$work/whole/timeseries.csv" "$merged/timeseries.csv" || fail "timeseries of $n shards"
  done
done
# More shards than replications: the empty shards still count.
"$albsim" run "$work/random.json" --replications 2 -q --out "$work/two"
for k in 0 1 2 3; do
  "$albsim" run "$work/random.json" --replications 2 -q --shard "$k/4" --out "$work/two-shards"
done
"$albsim" merge "$work/two-shards" --out "$work/two-merged" -q
cmp "$work/two/report.json" "$work/two-merged/report.json" || fail "empty shards"

# A plan with a fixed budget, sharded.
plan=("$albsim" plan "$src/tests/plan/two_nodes.json" --pool edge --replications 30
      --no-early-stop -q)
"${plan[@]}" --out "$work/plan-whole"
for n in 1 2 3 7; do
  for ((k = 0; k < n; k++)); do "${plan[@]}" --shard "$k/$n" --out "$work/plan-$n"; done
  "$albsim" plan merge "$work/plan-$n" --out "$work/plan-merged-$n" -q
  cmp "$work/plan-whole/plan.json" "$work/plan-merged-$n/plan.json" || fail "plan.json of $n"
  if [ -e "$work/plan-whole/plan.tf" ]; then
    cmp "$work/plan-whole/plan.tf" "$work/plan-merged-$n/plan.tf" || fail "plan.tf of $n"
  fi
done

# --shard auto/N: each batch engine's array index.
for variable in JOB_COMPLETION_INDEX AWS_BATCH_JOB_ARRAY_INDEX SLURM_ARRAY_TASK_ID; do
  for k in 0 1 2; do
    env "$variable=$k" "${run[@]}" --shard auto/3 --out "$work/auto-$variable"
  done
  "$albsim" merge "$work/auto-$variable" --out "$work/auto-merged" -q
  cmp "$work/whole/report.json" "$work/auto-merged/report.json" || fail "auto/3 with $variable"
done

# Bad input: exit 2, one error line on stderr, naming the file (or option) at fault (the
# scenario's own notes, trace lines and warnings, may come before it).
expect_refusal() {  # PATTERN COMMAND...
  local pattern="$1"
  shift
  local status=0
  "$@" > /dev/null 2> "$work/all-err" || status=$?
  grep -v -e '^warning: ' -e '^trace ' "$work/all-err" > "$work/err" || true
  [ "$status" -eq 2 ] || fail "exit $status, not 2, for: $* ($(cat "$work/all-err"))"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "not one line for: $*: $(cat "$work/err")"
  grep -q -- "$pattern" "$work/err" || fail "'$pattern' not in: $(cat "$work/err")"
}
set_of() {  # NAME SHARD_DIR...: a fresh directory with copies of the given shard files
  mkdir -p "$work/$1"
  cp "${@:2}" "$work/$1/"
}
s3="$work/shared-3"
set_of missing "$s3/shard-0.albsim" "$s3/shard-0.timeseries.csv" "$s3/shard-2.albsim"
expect_refusal "shard 1 of 3 is missing" "$albsim" merge "$work/missing" --out "$work/x"
set_of twice "$s3/shard-1.albsim"
expect_refusal "twice/shard-1.albsim: doubles shard 1" "$albsim" merge "$s3" "$work/twice" --out "$work/x"
"${run[@]}" --seed 99 --shard 1/3 --out "$work/other-seed"
set_of scenario "$s3/shard-0.albsim" "$s3/shard-0.timeseries.csv" "$s3/shard-2.albsim" \
  "$work/other-seed/shard-1.albsim"
expect_refusal "belongs to another scenario" "$albsim" merge "$work/scenario" --out "$work/x"
"$albsim" run "$work/random.json" --replications 9 --timeseries-step 1m -q --shard 1/3 \
  --out "$work/other-step"
set_of options "$s3/shard-0.albsim" "$s3/shard-0.timeseries.csv" "$s3/shard-2.albsim" \
  "$work/other-step/shard-1.albsim"
expect_refusal "shard-1.albsim: was run with another timeseries_step_ms" \
  "$albsim" merge "$work/options" --out "$work/x"
set_of count "$s3/shard-0.albsim" "$s3/shard-0.timeseries.csv" "$s3/shard-2.albsim" \
  "$work/shared-2/shard-1.albsim"
expect_refusal "is a shard of 2" "$albsim" merge "$work/count" --out "$work/x"
set_of truncated "$s3"/shard-*
head -c -9 "$s3/shard-2.albsim" > "$work/truncated/shard-2.albsim"
expect_refusal "truncated/shard-2.albsim: is truncated or damaged" \
  "$albsim" merge "$work/truncated" --out "$work/x"
set_of renamed "$s3/shard-0.albsim" "$s3/shard-0.timeseries.csv" "$s3/shard-2.albsim"
cp "$s3/shard-2.albsim" "$work/renamed/shard-1.albsim"
expect_refusal "renamed/shard-1.albsim: holds shard 2" "$albsim" merge "$work/renamed" --out "$work/x"
set_of series "$s3"/shard-*
echo "0,extra" >> "$work/series/shard-0.timeseries.csv"
expect_refusal "is not the timeseries shard 0 wrote" "$albsim" merge "$work/series" --out "$work/x"
expect_refusal "plan-3: holds no shard-K.albsim file but plan-shard files" "$albsim" merge "$work/plan-3" "$s3" --out "$work/x"
set_of kinds "$s3"/shard-* "$work/plan-3/plan-shard-1.albsim"
mv "$work/kinds/plan-shard-1.albsim" "$work/kinds/shard-1.albsim"
expect_refusal "holds a \"plan\" shard" "$albsim" merge "$work/kinds" --out "$work/x"
expect_refusal "holds no shard-K.albsim" "$albsim" merge "$work/whole" --out "$work/x"
cp "$work/random.json" "$work/moved.json"
echo " " >> "$work/moved.json"  # the same content: a merge may find the scenario elsewhere
"$albsim" merge "$s3" --scenario "$work/moved.json" --out "$work/moved" -q
cmp "$work/whole/report.json" "$work/moved/report.json" || fail "merge with --scenario"
expect_refusal "is not the scenario the shards ran" \
  "$albsim" merge "$s3" --scenario "$src/scenarios/quickstart.json" --out "$work/x"
expect_refusal "plan shards need a fixed budget" \
  "$albsim" plan "$src/tests/plan/two_nodes.json" --pool edge --shard 0/2 --out "$work/x"
expect_refusal "none of JOB_COMPLETION_INDEX" "${run[@]}" --shard auto/3 --out "$work/x"
expect_refusal "SLURM_ARRAY_TASK_ID=3 is outside 0 .. 2" \
  env SLURM_ARRAY_TASK_ID=3 "${run[@]}" --shard auto/3 --out "$work/x"
expect_refusal "write K/N" "${run[@]}" --shard 3 --out "$work/x"
plan_set="$work/plan-3"
set_of plan-missing "$plan_set/plan-shard-0.albsim" "$plan_set/plan-shard-1.albsim"
expect_refusal "shard 2 of 3 is missing" "$albsim" plan merge "$work/plan-missing" --out "$work/x"
test ! -e "$work/x/report.json" || fail "a refused merge wrote report.json"
echo "shards: all merges byte-identical, every bad set refused"
