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
/usr/bin/python3 - "$work" <<'PY'
import json, re, sys, yaml
work = sys.argv[1]
def fail(message):
    sys.exit("FAIL: " + message)
calls = open(work + "/calls").read().splitlines()
shapes = [re.sub(r"[0-9]{8}-[0-9]{6}-[0-9a-f]{4}", "RUN", c) for c in calls]
shapes = [re.sub(r"/tmp/[^ ]*/", "DIR/", c) for c in shapes]
expected = [
    "-n default create configmap albsim-input-RUN --from-file=scenario.json=DIR/scenario.json",
    "-n default apply -f DIR/0.yaml -f DIR/1.yaml",
    "-n default get job/albsim-shards-RUN -o jsonpath={.status.conditions[?(@.status==\"True\")].type}",
    "-n default apply -f DIR/2.yaml",
    "-n default get job/albsim-merge-RUN -o jsonpath={.status.conditions[?(@.status==\"True\")].type}",
]
if shapes != expected:
    fail("kubectl calls:\n  " + "\n  ".join(shapes))
run = re.search(r"albsim-input-([0-9]{8}-[0-9]{6}-[0-9a-f]{4})", calls[0]).group(1)
docs = []
for n in range(3):
    docs += [d for d in yaml.safe_load_all(open("%s/applied/%d.yaml" % (work, n))) if d]
if [d["kind"] for d in docs] != ["PersistentVolumeClaim", "Job", "Job"]:
    fail("applied %s" % [d["kind"] for d in docs])
claim, shards, merge = docs
for d in docs:
    if not d["metadata"]["name"].endswith(run):
        fail(d["metadata"]["name"] + " is not named for the submission " + run)
if claim["spec"]["storageClassName"] != "efs-sc" or claim["spec"]["accessModes"] != ["ReadWriteMany"]:
    fail("the claim is not RWX on STORAGE_CLASS")
spec = shards["spec"]
command = spec["template"]["spec"]["containers"][0]["command"]
if spec["completions"] != 3 or spec["parallelism"] != 3 or "auto/3" not in command:
    fail("N is not SHARDS everywhere: %s %s" % (spec["completions"], command))
if command[command.index("--replications") + 1] != "30":
    fail("replications %s" % command)
for job in (shards, merge):
    pod = job["spec"]["template"]["spec"]
    container = pod["containers"][0]
    if container["image"] != "registry.example.com/albsim:0.1.0":
        fail("image " + container["image"])
    rules = job["spec"]["podFailurePolicy"]["rules"]
    if not any(r["action"] == "FailJob" and r["onExitCodes"]["values"] == [2] for r in rules):
        fail(job["metadata"]["name"] + ": exit 2 does not fail the Job")
    if "requests" not in container.get("resources", {}):
        fail(job["metadata"]["name"] + " has no resource requests")
    volumes = {v["name"]: v for v in pod["volumes"]}
    if volumes["input"]["configMap"]["name"] != "albsim-input-" + run:
        fail("the Job does not mount the staged scenario")
    if volumes["work"]["persistentVolumeClaim"]["claimName"] != claim["metadata"]["name"]:
        fail("the Job does not mount the claim")
json.dump(docs, open(work + "/applied.json", "w"))
PY
ALBSIM_LINT_MODULES=$lint node "$src/tests/distribute/validate_kubernetes.mjs" "$work/applied.json"

# The object-store variant, for S3 and for Cloud Storage: no claim; each shard pod runs albsim
# as an init container into its own emptyDir and uploads; the merge downloads, merges, uploads.
for store in s3://albsim-results/runs gs://albsim-results/runs/; do
  : > "$work/calls"
  rm -f "$work/applied"/*
  IMAGE=registry.example.com/albsim:0.1.0 SHARD_STORE=$store SERVICE_ACCOUNT=albsim-writer \
    COPY_IMAGE=public.ecr.aws/aws-cli/aws-cli:2.22.0 SHARDS=5 REPLICATIONS=50 \
    "$run_sh" "$work/scenario.json" > "$work/out"
  /usr/bin/python3 - "$work" "$store" <<'PY'
import json, re, sys, yaml
work, store = sys.argv[1], sys.argv[2]
def fail(message):
    sys.exit("FAIL: %s: %s" % (store, message))
calls = open(work + "/calls").read().splitlines()
shapes = [re.sub(r"[0-9]{8}-[0-9]{6}-[0-9a-f]{4}", "RUN", c) for c in calls]
shapes = [re.sub(r"/tmp/[^ ]*/", "DIR/", c) for c in shapes]
expected = [
    "-n default create configmap albsim-input-RUN --from-file=scenario.json=DIR/scenario.json",
    "-n default apply -f DIR/0.yaml",
    "-n default get job/albsim-shards-RUN -o jsonpath={.status.conditions[?(@.status==\"True\")].type}",
    "-n default apply -f DIR/1.yaml",
    "-n default get job/albsim-merge-RUN -o jsonpath={.status.conditions[?(@.status==\"True\")].type}",
]
if shapes != expected:
    fail("kubectl calls:\n  " + "\n  ".join(shapes))
run = re.search(r"albsim-input-([0-9]{8}-[0-9]{6}-[0-9a-f]{4})", calls[0]).group(1)
prefix = store.rstrip("/") + "/" + run
if not open(work + "/out").read().strip().endswith("under %s/report/" % prefix):
    fail("run.sh does not say where the report is: " + open(work + "/out").read())
docs = []
for n in range(2):
    docs += [d for d in yaml.safe_load_all(open("%s/applied/%d.yaml" % (work, n))) if d]
if [d["kind"] for d in docs] != ["Job", "Job"]:
    fail("applied %s" % [d["kind"] for d in docs])
shards, merge = docs
def pod(job):
    return job["spec"]["template"]["spec"]
def steps(job):  # (name, image, command) of the init containers, then the containers
    p = pod(job)
    return [(c["name"], c["image"], c["command"]) for c in p.get("initContainers", []) + p["containers"]]
albsim_image, copy_image = "registry.example.com/albsim:0.1.0", "public.ecr.aws/aws-cli/aws-cli:2.22.0"
if store.startswith("s3://"):
    cp = ["aws", "s3", "cp", "--recursive", "--only-show-errors"]
    upload = cp + ["/work/shards", prefix + "/shards/"]
    download = cp + [prefix + "/shards/", "/work/shards/"]
    report = cp + ["/work/report", prefix + "/report/"]
else:
    cp = ["gcloud", "storage", "cp", "--recursive"]
    upload = cp + ["/work/shards", prefix + "/"]
    download = cp + [prefix + "/shards", "/work/"]
    report = cp + ["/work/report", prefix + "/"]
shard_steps, merge_steps = steps(shards), steps(merge)
run_command = ["albsim", "run", "/input/scenario.json", "--replications", "50", "--threads", "2",
               "--shard", "auto/5", "--out", "/work/shards", "--quiet"]
if shard_steps != [("albsim", albsim_image, run_command), ("upload", copy_image, upload)]:
    fail("shard pod %s" % shard_steps)
merge_command = ["albsim", "merge", "/work/shards", "--out", "/work/report", "--quiet"]
if merge_steps != [("download", copy_image, download), ("albsim", albsim_image, merge_command),
                   ("upload", copy_image, report)]:
    fail("merge pod %s" % merge_steps)
if shards["spec"]["completions"] != 5 or shards["spec"]["parallelism"] != 5:
    fail("N is not SHARDS everywhere")
for job in (shards, merge):
    name = job["metadata"]["name"]
    if not name.endswith(run):
        fail(name + " is not named for the submission " + run)
    if pod(job)["serviceAccountName"] != "albsim-writer":
        fail(name + " does not run as SERVICE_ACCOUNT")
    rules = job["spec"]["podFailurePolicy"]["rules"]
    if not any(r["action"] == "FailJob" and r["onExitCodes"] == {"containerName": "albsim", "operator": "In", "values": [2]} for r in rules):
        fail(name + ": albsim's exit 2 does not fail the Job")
    volumes = {v["name"]: v for v in pod(job)["volumes"]}
    if volumes["work"] != {"name": "work", "emptyDir": {}}:
        fail(name + " does not write to a volume of its own")
    p = pod(job)
    for c in p.get("initContainers", []) + p["containers"]:
        if "requests" not in c.get("resources", {}):
            fail("%s: %s has no resource requests" % (name, c["name"]))
json.dump(docs, open(work + "/applied.json", "w"))
PY
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
