#!/usr/bin/env bash
# Submits albsim-shards.yaml for one scenario: the scenario (and the files it names, in the same
# folder) staged into a ConfigMap, a claim and the shard Job named for this submission, then,
# once every shard completed, the merge. A Job that fails (exit 2 fails it at once: its
# podFailurePolicy) stops the script with the failed pod's log; nothing waits for 24 hours.
#
# Usage: IMAGE=registry/albsim:0.1.0 STORAGE_CLASS=efs-sc deploy/kubernetes/run.sh SCENARIO [FILE...]
#   IMAGE          the albsim image by version tag or digest (:latest is refused: a retried pod
#                  could run another build, whose shards the merge refuses)
#   STORAGE_CLASS  a ReadWriteMany class (EFS, Filestore, NFS)
#   NAMESPACE (default), SHARDS (4), REPLICATIONS (1000), TIMEOUT_S (86400)
# The ConfigMap holds at most 1 MiB: put larger traces in the image or on the volume instead.
# Tested against a kubectl that records its calls (tests/distribute/kubernetes.sh).
set -euo pipefail
here="$(dirname "$0")"
if [ $# -lt 1 ]; then
  echo "usage: IMAGE=... STORAGE_CLASS=... $0 SCENARIO [FILE...]" >&2
  exit 2
fi
: "${IMAGE:?set IMAGE to the albsim image, by version tag or digest}"
: "${STORAGE_CLASS:?set STORAGE_CLASS to a ReadWriteMany storage class (EFS, Filestore, NFS)}"
if [[ "$IMAGE" == *:latest || ("$IMAGE" != *@sha256:* && "${IMAGE##*/}" != *:*) ]]; then
  echo "IMAGE $IMAGE: name a version tag or a digest, not latest" >&2
  exit 2
fi
namespace=${NAMESPACE:-default}
shards=${SHARDS:-4}
replications=${REPLICATIONS:-1000}
timeout_s=${TIMEOUT_S:-86400}
run="$(date -u +%Y%m%d-%H%M%S)-$(printf '%04x' $((RANDOM % 65536)))"

split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
# The template filled in, then cut into its documents: the claim, the shard Job, the merge Job.
sed -e "s|\${RUN}|$run|g" -e "s|\${SHARDS}|$shards|g" -e "s|\${REPLICATIONS}|$replications|g" \
  -e "s|\${IMAGE}|$IMAGE|g" -e "s|\${STORAGE_CLASS}|$STORAGE_CLASS|g" \
  "$here/albsim-shards.yaml" |
  awk -v dir="$split" 'BEGIN { n = 0 } /^---$/ { n++; next } { print > (dir "/" n ".yaml") }'

# The ConfigMap: the scenario as scenario.json, the other files under their own names.
files=(--from-file="scenario.json=$1")
for file in "${@:2}"; do files+=(--from-file="$file"); done
kubectl -n "$namespace" create configmap "albsim-input-$run" "${files[@]}"

# Waits for Job $1 to complete; on failure prints its pods' logs and returns 1.
wait_for() {
  local job=$1 waited=0 conditions
  while [ "$waited" -lt "$timeout_s" ]; do
    conditions=$(kubectl -n "$namespace" get "job/$job" \
      -o 'jsonpath={.status.conditions[?(@.status=="True")].type}')
    case " $conditions " in
      *" Complete "*) return 0 ;;
      *" Failed "*)
        echo "job $job failed:" >&2
        kubectl -n "$namespace" logs "job/$job" --tail=20 >&2 || true
        return 1
        ;;
    esac
    sleep 10
    waited=$((waited + 10))
  done
  echo "job $job: not done after ${timeout_s}s" >&2
  return 1
}

kubectl -n "$namespace" apply -f "$split/0.yaml" -f "$split/1.yaml"
wait_for "albsim-shards-$run"
kubectl -n "$namespace" apply -f "$split/2.yaml"
wait_for "albsim-merge-$run"
echo "run $run: report.json and timeseries.csv in /work/report on claim albsim-work-$run"
