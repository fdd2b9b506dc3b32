#!/usr/bin/env bash
# deploy/kubernetes/run.sh end to end against a kubectl that records its calls (and the files
# applied) and answers `get job` with a condition: the calls in order, every manifest applied
# valid against the Kubernetes OpenAPI schema of its kind (kubernetes-models, tools/lint), names
# of this submission, N written once, the image by tag, exit 2 failing the Job at once; the same
# with shard outputs in S3 or Cloud Storage (SHARD_STORE) and the copy commands of each; a failed
# Job stops the script before the merge; an image :latest, or a bad store, is refused. Args: SOURCE_DIR. Exit 77
# without tools/lint's modules, unless CI is set.
set -euo pipefail
src=$(realpath "$1")
lint=$src/tools/lint/node_modules
if [ ! -f "$lint/kubernetes-models/package.json" ]; then
  echo "kubernetes-models missing: run tools/setup.sh --tests"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/applied"
cat > "$work/bin/kubectl" <<'FAKE'
#!/usr/bin/env bash
echo "$*" >> "$KUBECTL_LOG"
previous=""
for arg in "$@"; do
  if [ "$previous" = -f ]; then
    cp "$arg" "$KUBECTL_APPLIED/$(find "$KUBECTL_APPLIED" -type f | wc -l).yaml"
  fi
  previous=$arg
done
case " $* " in
  *" get "*) echo "${KUBECTL_CONDITION:-Complete}" ;;
esac
FAKE
chmod +x "$work/bin/kubectl"
export PATH="$work/bin:$PATH" KUBECTL_LOG="$work/calls" KUBECTL_APPLIED="$work/applied"
cp "$src/scenarios/quickstart.json" "$work/scenario.json"
run_sh=$src/deploy/kubernetes/run.sh

IMAGE=registry.example.com/albsim:0.1.0 STORAGE_CLASS=efs-sc SHARDS=3 REPLICATIONS=30 \
  "$run_sh" "$work/scenario.json" > "$work/out"
/usr/bin/python3 "$src/tests/distribute/kubernetes_applied.py" "$work"
ALBSIM_LINT_MODULES=$lint node "$src/tests/distribute/validate_kubernetes.mjs" "$work/applied.json"

# The object-store variant, for S3 and for Cloud Storage: no claim; each shard pod runs albsim
# as an init container into its own emptyDir and uploads; the merge downloads, merges, uploads.
for store in s3://albsim-results/runs gs://albsim-results/runs/; do
  : > "$work/calls"
  rm -f "$work/applied"/*
  IMAGE=registry.example.com/albsim:0.1.0 SHARD_STORE=$store SERVICE_ACCOUNT=albsim-writer \
    COPY_IMAGE=public.ecr.aws/aws-cli/aws-cli:2.22.0 SHARDS=5 REPLICATIONS=50 \
    "$run_sh" "$work/scenario.json" > "$work/out"
  /usr/bin/python3 "$src/tests/distribute/kubernetes_applied.py" "$work" "$store"
  ALBSIM_LINT_MODULES=$lint node "$src/tests/distribute/validate_kubernetes.mjs" "$work/applied.json"
done

# Refused before any call: a store that is not s3:// or gs:// (or holds what sed or YAML would
# misread), no COPY_IMAGE or one at :latest, a service account that is not a Kubernetes name, no
# IMAGE, neither STORAGE_CLASS nor SHARD_STORE.
refused() {
  : > "$work/calls"
  local status=0
  env IMAGE=registry.example.com/albsim:0.1.0 "$@" "$run_sh" "$work/scenario.json" \
    > /dev/null 2> "$work/err" || status=$?
  if [ "$status" -ne 2 ] || [ -s "$work/calls" ] || [ "$(wc -l < "$work/err")" -ne 1 ]; then
    echo "FAIL: not refused with one line and exit 2: $*"
    cat "$work/err"
    exit 1
  fi
}
copy=COPY_IMAGE=public.ecr.aws/aws-cli/aws-cli:2.22.0
refused SHARD_STORE=ftp://bucket/runs "$copy"
refused "SHARD_STORE=s3://bucket/a&b" "$copy"
refused 'SHARD_STORE=s3://bucket/a"b' "$copy"
refused SHARD_STORE=s3://bucket/runs
refused SHARD_STORE=s3://bucket/runs COPY_IMAGE=public.ecr.aws/aws-cli/aws-cli:latest
refused SHARD_STORE=s3://bucket/runs "$copy" SERVICE_ACCOUNT=Albsim_Writer
refused IMAGE= STORAGE_CLASS=efs-sc
refused STORAGE_CLASS=

# A Job that fails: the script stops with the failure, and never starts the merge.
: > "$work/calls"
rm -f "$work/applied"/*
status=0
KUBECTL_CONDITION=Failed IMAGE=registry.example.com/albsim@sha256:0123 STORAGE_CLASS=efs-sc \
  "$run_sh" "$work/scenario.json" > /dev/null 2> "$work/err" || status=$?
[ "$status" -ne 0 ] || { echo "FAIL: a failed Job did not fail run.sh"; exit 1; }
grep -q "failed:" "$work/err"
[ "$(grep -c ' apply ' "$work/calls")" -eq 1 ] || { echo "FAIL: the merge was applied"; exit 1; }

# :latest is refused before any call.
: > "$work/calls"
status=0
IMAGE=registry.example.com/albsim:latest STORAGE_CLASS=efs-sc "$run_sh" "$work/scenario.json" \
  > /dev/null 2> "$work/err" || status=$?
if [ "$status" -ne 2 ] || [ -s "$work/calls" ]; then
  echo "FAIL: :latest was not refused"
  exit 1
fi
echo "deploy/kubernetes: run.sh's calls, valid manifests (claim and object store), failure stops it, bad input refused"
