#!/usr/bin/env bash
# albsim on AWS Batch: an array job of N shards, then a merge job that depends on the whole
# array. Batch sets AWS_BATCH_JOB_ARRAY_INDEX (0 .. N-1) in each child, and `--shard auto/N`
# reads it. job-definition.json mounts an EFS file system at /work that every job shares.
#
# Before use: push the image (Dockerfile at the repository root), set its URI and the EFS id in
# job-definition.json, put the scenario on the file system, and make N below match the
# `auto/N` in the job definition's command.
# Usage: deploy/aws-batch/submit.sh JOB_QUEUE
# Not run against a real account: checked for syntax only (tests/distribute/deploy_files.sh).
set -euo pipefail
here="$(dirname "$0")"
if [ $# -ne 1 ]; then
  echo "usage: $0 JOB_QUEUE" >&2
  exit 2
fi
queue="$1"
shards=4  # N

# Each submission writes under /work/runs/RUN/, so two submissions never share a directory.
run="$(date -u +%Y%m%dT%H%M%SZ)-$$"

aws batch register-job-definition --cli-input-json "file://$here/job-definition.json" >/dev/null
array_id=$(aws batch submit-job --job-name "albsim-shards-$run" --job-queue "$queue" \
  --job-definition albsim --array-properties "size=$shards" \
  --parameters "out=/work/runs/$run/shards" --query jobId --output text)
# A dependency on an array job waits for every child; a child that fails (exit 2 is not
# retried: job-definition.json's evaluateOnExit) fails the merge's dependency.
merge_id=$(aws batch submit-job --job-name "albsim-merge-$run" --job-queue "$queue" \
  --job-definition albsim --depends-on "jobId=$array_id" \
  --container-overrides "{\"command\": [\"albsim\", \"merge\", \"/work/runs/$run/shards\", \"--out\", \"/work/runs/$run/report\"]}" \
  --query jobId --output text)
echo "shards: $array_id; merge: $merge_id (report in /work/runs/$run/report on the file system)"
