#!/usr/bin/env bash
# Queues the shard array, then the merge once every task of it succeeded (afterok).
# Usage: deploy/slurm/submit.sh   (from the shared working directory holding the scenario)
# Not run on a real cluster: checked for syntax only (tests/distribute/deploy_files.sh).
set -euo pipefail
here="$(dirname "$0")"
array=$(sbatch --parsable "$here/albsim-shards.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$array" "$here/albsim-merge.sbatch")
echo "shards: job $array; merge: job $merge"
