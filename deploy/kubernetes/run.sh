#!/usr/bin/env bash
# Submits one scenario to Kubernetes: the scenario (and the files it names, in the same folder)
# staged into a ConfigMap, the shard Job named for this submission, then, once every shard
# completed, the merge. Shard outputs go to a ReadWriteMany claim (albsim-shards.yaml) or, with
# SHARD_STORE, to an object store (albsim-shards-object-store.yaml). A Job that fails (exit 2
# fails it at once: its podFailurePolicy) stops the script with the failed pod's log; nothing
# waits for 24 hours.
#
# Usage: IMAGE=registry/albsim:0.1.0 STORAGE_CLASS=efs-sc deploy/kubernetes/run.sh SCENARIO [FILE...]
#    or: IMAGE=... SHARD_STORE=s3://bucket/prefix COPY_IMAGE=... SERVICE_ACCOUNT=... run.sh ...
#   IMAGE            the albsim image by version tag or digest (:latest is refused: a retried pod
#                    could run another build, whose shards the merge refuses)
#   STORAGE_CLASS    a ReadWriteMany class (EFS, Filestore, NFS), without SHARD_STORE
#   SHARD_STORE      s3://BUCKET[/PREFIX] or gs://BUCKET[/PREFIX]: shards and the report go
#                    under PREFIX/RUN/ there, and no claim is made
#   COPY_IMAGE       with SHARD_STORE: an image with the store's CLI, by version tag or digest
#                    (public.ecr.aws/aws-cli/aws-cli:VERSION for s3://, the Google Cloud CLI's
#                    gcr.io/google.com/cloudsdktool/google-cloud-cli:VERSION-slim for gs://)
#   SERVICE_ACCOUNT  with SHARD_STORE: a service account allowed to read and write there (IRSA
#                    or EKS Pod Identity, GKE Workload Identity); default: default
#   NAMESPACE (default), SHARDS (4), REPLICATIONS (1000), TIMEOUT_S (86400)
# The ConfigMap holds at most 1 MiB: put larger traces in the image or on the volume instead.
# Tested against a kubectl that records its calls (tests/distribute/kubernetes.sh).
set -euo pipefail
here="$(dirname "$0")"
if [ $# -lt 1 ]; then
  echo "usage: IMAGE=... STORAGE_CLASS=... $0 SCENARIO [FILE...]" >&2
  exit 2
fi
# Refuses (exit 2, as every bad input) an unset variable $1, saying what to set it to ($2).
required() {
  if [ -z "${!1:-}" ]; then
    echo "$1 is not set: set it to $2" >&2
    exit 2
  fi
}
# Refuses an image named by neither a version tag nor a digest ($1: the variable's name).
pinned_image() {
  local value=${!1}
  if [[ "$value" == *:latest || ("$value" != *@sha256:* && "${value##*/}" != *:*) ]]; then
    echo "$1 $value: name a version tag or a digest, not latest" >&2
    exit 2
  fi
}
required IMAGE "the albsim image, by version tag or digest"
pinned_image IMAGE
namespace=${NAMESPACE:-default}
shards=${SHARDS:-4}
replications=${REPLICATIONS:-1000}
timeout_s=${TIMEOUT_S:-86400}
run="$(date -u +%Y%m%d-%H%M%S)-$(printf '%04x' $((RANDOM % 65536)))"

store=${SHARD_STORE:-}
if [ -n "$store" ]; then
  if [[ ! "$store" =~ ^(s3|gs)://[a-z0-9][a-z0-9._-]*(/[A-Za-z0-9._/-]*)?$ ]]; then
    echo "SHARD_STORE $store: give s3://BUCKET[/PREFIX] or gs://BUCKET[/PREFIX]" \
      "(letters, digits, . _ - /)" >&2
    exit 2
  fi
  required COPY_IMAGE "an image with the aws or gcloud CLI, by version tag or digest"
  pinned_image COPY_IMAGE
  account=${SERVICE_ACCOUNT:-default}
  if [[ ! "$account" =~ ^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$ ]]; then
    echo "SERVICE_ACCOUNT $account: not a Kubernetes name (lower-case letters, digits, - .)" >&2
    exit 2
  fi
  template=$here/albsim-shards-object-store.yaml
  prefix="${store%/}/$run"
  # The copy commands as YAML lists: aws copies a folder's contents to a prefix, gcloud the
  # folder itself into one.
  if [[ "$store" == s3://* ]]; then
    aws='"aws", "s3", "cp", "--recursive", "--only-show-errors"'
    upload_shard="[$aws, \"/work/shards\", \"$prefix/shards/\"]"
    download_shards="[$aws, \"$prefix/shards/\", \"/work/shards/\"]"
    upload_report="[$aws, \"/work/report\", \"$prefix/report/\"]"
  else
    gcloud='"gcloud", "storage", "cp", "--recursive"'
    upload_shard="[$gcloud, \"/work/shards\", \"$prefix/\"]"
    download_shards="[$gcloud, \"$prefix/shards\", \"/work/\"]"
    upload_report="[$gcloud, \"/work/report\", \"$prefix/\"]"
  fi
  fill=(-e "s|\${COPY_IMAGE}|$COPY_IMAGE|g" -e "s|\${SERVICE_ACCOUNT}|$account|g"
    -e "s|\${UPLOAD_SHARD}|$upload_shard|g" -e "s|\${DOWNLOAD_SHARDS}|$download_shards|g"
    -e "s|\${UPLOAD_REPORT}|$upload_report|g")
  outputs="under $prefix/report/"
else
  required STORAGE_CLASS "a ReadWriteMany storage class (EFS, Filestore, NFS), or set SHARD_STORE"
  template=$here/albsim-shards.yaml
  fill=(-e "s|\${STORAGE_CLASS}|$STORAGE_CLASS|g")
  outputs="in /work/report on claim albsim-work-$run"
fi

split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
# The template filled in, then cut into its documents: the claim (if any), the shard Job, the
# merge Job, the last.
sed -e "s|\${RUN}|$run|g" -e "s|\${SHARDS}|$shards|g" -e "s|\${REPLICATIONS}|$replications|g" \
  -e "s|\${IMAGE}|$IMAGE|g" "${fill[@]}" "$template" |
  awk -v dir="$split" 'BEGIN { n = 0 } /^---$/ { n++; next } { print > (dir "/" n ".yaml") }'
documents=("$split"/*.yaml)
last=$((${#documents[@]} - 1))

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

before_merge=()
for ((n = 0; n < last; ++n)); do before_merge+=(-f "$split/$n.yaml"); done
kubectl -n "$namespace" apply "${before_merge[@]}"
wait_for "albsim-shards-$run"
kubectl -n "$namespace" apply -f "$split/$last.yaml"
wait_for "albsim-merge-$run"
echo "run $run: report.json and timeseries.csv $outputs"
