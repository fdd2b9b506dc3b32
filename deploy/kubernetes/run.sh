#!/usr/bin/env bash
# Runs albsim-shards.yaml: the volume and the shards first, then, once every shard completed,
# the merge. Usage: deploy/kubernetes/run.sh [NAMESPACE]
set -euo pipefail
here="$(dirname "$0")"
namespace="${1:-default}"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
# The file's documents: the claim and the shard Job, then the merge Job.
awk -v dir="$split" '/^---$/ { n++; next } { print > (dir "/" n ".yaml") }' \
  "$here/albsim-shards.yaml"
kubectl -n "$namespace" apply -f "$split/0.yaml" -f "$split/1.yaml"
kubectl -n "$namespace" wait --for=condition=complete --timeout=24h job/albsim-shards
kubectl -n "$namespace" apply -f "$split/2.yaml"
kubectl -n "$namespace" wait --for=condition=complete --timeout=1h job/albsim-merge
kubectl -n "$namespace" logs job/albsim-merge
