#!/usr/bin/env bash
# What can be checked here of deploy/ and the Dockerfile without a cluster: the Kubernetes
# templates parse into a claim and two Jobs, and two Jobs for the object store (kubernetes.sh
# checks what run.sh applies); the AWS Batch job definition has RegisterJobDefinition's shape;
# every script passes `bash -n`, and a submission script called wrongly exits 2 with one line;
# the Slurm array numbers its tasks from 0 and takes N from SLURM_ARRAY_TASK_COUNT; the Dockerfile
# builds from Debian 12, copies only what the repository has, runs the tests in its build stage,
# runs as a user without privileges and labels the commit; .dockerignore keeps .git, build trees,
# outputs and node modules out. Args: SOURCE_DIR
set -euo pipefail
src="$1"
for script in "$src"/deploy/*/*.sh "$src"/deploy/slurm/*.sbatch; do
  bash -n "$script"
done
# A submission script called wrongly says so in one line and exits 2 (bad input), before it
# calls anything: no arguments, or a setting missing.
err=$(mktemp)
trap 'rm -f "$err"' EXIT
for call in "deploy/aws-batch/submit.sh" "deploy/kubernetes/run.sh" "deploy/ci/gitlab-note.sh" \
  "deploy/ci/gitlab-note.sh README.md" "deploy/ci/albsim-review.sh"; do
  status=0
  # shellcheck disable=SC2086 # the call's words
  env -u ALBSIM_GITLAB_TOKEN -u IMAGE PATH=/usr/bin:/bin bash "$src"/$call > /dev/null \
    2> "$err" || status=$?
  lines=$(wc -l < "$err")
  if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ]; then
    echo "FAIL: $call: exit $status with $lines lines, not exit 2 with one"
    exit 1
  fi
done
/usr/bin/python3 - "$src" <<'PY'
import json, re, sys, yaml
src = sys.argv[1]

def fail(message):
    sys.exit("FAIL: " + message)

def shards_of(command):
    text = " ".join(command)
    match = re.search(r"--shard auto/(\d+)", text)
    if not match:
        fail("no --shard auto/N in " + text)
    return int(match.group(1))

# The Kubernetes template is filled in by run.sh: tests/distribute/kubernetes.sh checks what it
# applies. Here: it parses, and its documents are the claim and two Jobs.
for name, expected in (("albsim-shards.yaml", ["PersistentVolumeClaim", "Job", "Job"]),
                       ("albsim-shards-object-store.yaml", ["Job", "Job"])):
    template = re.sub(r"\$\{(\w+)\}", lambda m: "4" if m.group(1) in ("SHARDS", "REPLICATIONS")
                      else m.group(1).lower(), open(src + "/deploy/kubernetes/" + name).read())
    kinds = [d["kind"] for d in yaml.safe_load_all(template) if d]
    if kinds != expected:
        fail("%s: kubernetes documents are %s" % (name, kinds))

job = json.load(open(src + "/deploy/aws-batch/job-definition.json"))
allowed = {"jobDefinitionName", "type", "parameters", "schedulingPriority", "containerProperties",
           "nodeProperties", "retryStrategy", "propagateTags", "timeout", "tags",
           "platformCapabilities", "eksProperties"}
if set(job) - allowed:
    fail("unknown RegisterJobDefinition keys %s" % (set(job) - allowed))
if not isinstance(job["jobDefinitionName"], str) or job["type"] not in ("container", "multinode"):
    fail("jobDefinitionName and type are required")
props = job["containerProperties"]
for key in ("image", "command", "resourceRequirements"):
    if key not in props:
        fail("containerProperties lacks " + key)
for r in props["resourceRequirements"]:
    if r["type"] not in ("VCPU", "MEMORY", "GPU") or not isinstance(r["value"], str):
        fail("resourceRequirements entry %s" % r)
volumes = {v["name"] for v in props["volumes"]}
if any(m["sourceVolume"] not in volumes for m in props["mountPoints"]):
    fail("a mount point names no volume")
for ref in re.findall(r"Ref::(\w+)", " ".join(props["command"])):
    if ref not in job["parameters"]:
        fail("Ref::%s has no parameter" % ref)
submit = open(src + "/deploy/aws-batch/submit.sh").read()
if int(re.search(r"^shards=(\d+)", submit, re.M).group(1)) != shards_of(props["command"]):
    fail("submit.sh's array size differs from --shard auto/N")

sbatch = open(src + "/deploy/slurm/albsim-shards.sbatch").read()
low, high = map(int, re.search(r"#SBATCH --array=(\d+)-(\d+)", sbatch).groups())
if low != 0:
    fail("the Slurm array does not number its tasks from 0")
if '--shard "auto/${SLURM_ARRAY_TASK_COUNT}"' not in sbatch:
    fail("the Slurm array does not take N from SLURM_ARRAY_TASK_COUNT (N written once)")

stages = 0
dockerfile = open(src + "/Dockerfile").read()
args = dict(re.findall(r"^ARG (\w+)=(\S+)$", dockerfile, re.M))
stages = re.findall(r"^FROM (\S+)", dockerfile, re.M)
if not stages:
    fail("no FROM in the Dockerfile")
for base in stages:
    base = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), "?"), base)
    if not base.startswith("debian:12"):
        fail("a stage is not Debian 12: " + base)
for words in (line.split() for line in dockerfile.splitlines()):
    if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
        for path in words[1:-1]:
            if path != "." and not __import__("os").path.exists(src + "/" + path):
                fail("COPY of a missing path " + path)
build, runtime = dockerfile.split("\nFROM ", 2)[1:3]
if "ctest --test-dir build" not in build:
    fail("the build stage does not run the tests")
users = re.findall(r"^USER (\S+)", runtime, re.M)
if not users or users[-1] in ("root", "0"):
    fail("the image runs as root")
if "org.opencontainers.image.revision=\"${ALBSIM_COMMIT}\"" not in runtime:
    fail("the image has no revision label")
ignored = open(src + "/.dockerignore").read().split()
for entry in (".git/", "build*/", "albsim-out/", "tools/html/node_modules/"):
    if entry not in ignored:
        fail(".dockerignore does not keep out " + entry)
print("deploy files: well-formed")
PY
