#!/usr/bin/env bash
# Queues the shard array, then the merge once every task of it succeeded (afterok); if a task
# fails, Slurm cancels the merge (--kill-on-invalid-dep) instead of leaving it pending forever.
# Each submission writes under runs/ARRAY_JOB_ID/ (shards/, report/, logs), so two submissions
# never share a directory.
# Usage: deploy/slurm/submit.sh   (from the shared working directory holding the scenario;
#        ALBSIM_SCENARIO and ALBSIM_REPLICATIONS pass through to the tasks)
# Run on a one-node Slurm cluster by tests/distribute/slurm.sh.
set -euo pipefail
here="$(dirname "$0")"
# --parsable prints "jobid" or "jobid;cluster".
array=$(sbatch --parsable "$here/albsim-shards.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --export="ALL,ALBSIM_RUN=runs/$array" --output="runs/$array/merge-%j.log" \
  "$here/albsim-merge.sbatch")
merge=${merge%%;*}
echo "shards: job $array; merge: job $merge; report in runs/$array/report"
