# What deploy/kubernetes/run.sh applied, as tests/distribute/kubernetes.sh's recording kubectl
# kept it (WORK/calls, WORK/applied/N.yaml, run.sh's output in WORK/out): the calls in order, and
# each object as the template should fill it, with a ReadWriteMany claim or (STORE given) with
# the shards in an object store. Writes the objects to WORK/applied.json for the schema check.
# Args: WORK [STORE]
import json, re, sys, yaml

work = sys.argv[1]
store = sys.argv[2] if len(sys.argv) > 2 else ""


def fail(message):
    sys.exit("FAIL: %s%s" % (store + ": " if store else "", message))


# The calls: the ConfigMap, everything before the merge, the wait, the merge, the wait.
calls = open(work + "/calls").read().splitlines()
shapes = [re.sub(r"[0-9]{8}-[0-9]{6}-[0-9a-f]{4}", "RUN", c) for c in calls]
shapes = [re.sub(r"/tmp/[^ ]*/", "DIR/", c) for c in shapes]
documents = 2 if store else 3
wait = "-n default get job/albsim-%s-RUN -o jsonpath={.status.conditions[?(@.status==\"True\")].type}"
expected = [
    "-n default create configmap albsim-input-RUN --from-file=scenario.json=DIR/scenario.json",
    "-n default apply " + " ".join("-f DIR/%d.yaml" % n for n in range(documents - 1)),
    wait % "shards",
    "-n default apply -f DIR/%d.yaml" % (documents - 1),
    wait % "merge",
]
if shapes != expected:
    fail("kubectl calls:\n  " + "\n  ".join(shapes))
run = re.search(r"albsim-input-([0-9]{8}-[0-9]{6}-[0-9a-f]{4})", calls[0]).group(1)
docs = []
for n in range(documents):
    docs += [d for d in yaml.safe_load_all(open("%s/applied/%d.yaml" % (work, n))) if d]
kinds = ["Job", "Job"] if store else ["PersistentVolumeClaim", "Job", "Job"]
if [d["kind"] for d in docs] != kinds:
    fail("applied %s" % [d["kind"] for d in docs])
for d in docs:
    if not d["metadata"]["name"].endswith(run):
        fail(d["metadata"]["name"] + " is not named for the submission " + run)


def pod(job):
    return job["spec"]["template"]["spec"]


def steps(job):
    """(name, image, command) of the pod's init containers, then of its containers."""
    p = pod(job)
    return [(c["name"], c["image"], c["command"]) for c in p.get("initContainers", []) + p["containers"]]


def claim_run():
    claim, shards, merge = docs
    if claim["spec"]["storageClassName"] != "efs-sc" or claim["spec"]["accessModes"] != ["ReadWriteMany"]:
        fail("the claim is not RWX on STORAGE_CLASS")
    spec = shards["spec"]
    command = spec["template"]["spec"]["containers"][0]["command"]
    if spec["completions"] != 3 or spec["parallelism"] != 3 or "auto/3" not in command:
        fail("N is not SHARDS everywhere: %s %s" % (spec["completions"], command))
    if command[command.index("--replications") + 1] != "30":
        fail("replications %s" % command)
    for job in (shards, merge):
        container = pod(job)["containers"][0]
        if container["image"] != "registry.example.com/albsim:0.1.0":
            fail("image " + container["image"])
        rules = job["spec"]["podFailurePolicy"]["rules"]
        if not any(r["action"] == "FailJob" and r["onExitCodes"]["values"] == [2] for r in rules):
            fail(job["metadata"]["name"] + ": exit 2 does not fail the Job")
        if "requests" not in container.get("resources", {}):
            fail(job["metadata"]["name"] + " has no resource requests")
        volumes = {v["name"]: v for v in pod(job)["volumes"]}
        if volumes["input"]["configMap"]["name"] != "albsim-input-" + run:
            fail("the Job does not mount the staged scenario")
        if volumes["work"]["persistentVolumeClaim"]["claimName"] != claim["metadata"]["name"]:
            fail("the Job does not mount the claim")


def store_run():
    prefix = store.rstrip("/") + "/" + run
    if not open(work + "/out").read().strip().endswith("under %s/report/" % prefix):
        fail("run.sh does not say where the report is: " + open(work + "/out").read())
    shards, merge = docs
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


store_run() if store else claim_run()
json.dump(docs, open(work + "/applied.json", "w"))
