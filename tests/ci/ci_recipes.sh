#!/usr/bin/env bash
# The CI recipes of deploy/ci, checked without GitHub or GitLab: the GitHub Actions workflow
# against the SchemaStore schema (action-validator, from tools/lint), the GitLab job against
# GitLab's CI keywords, every shell script and every `run`/`script` block through shellcheck,
# and albsim-review.sh run on the hand-built Terraform plans (exit 3 on the change that shrinks a
# pool, 0 on one that fits). Args: SOURCE_DIR ALBSIM. Exit 77 (skipped) without the linters,
# unless CI is set.
set -euo pipefail
src=$1 albsim=$2
validator=$src/tools/lint/node_modules/@action-validator/cli/cli.mjs
if [ ! -f "$validator" ] || ! command -v shellcheck >/dev/null; then
  echo "action-validator or shellcheck missing: run tools/setup.sh --tests"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
node "$validator" "$src/deploy/ci/github-actions.yml"
shellcheck "$src"/deploy/ci/*.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$src" "$work" <<'PY'
import os, re, sys, yaml
src, work = sys.argv[1], sys.argv[2]

def fail(message):
    sys.exit("FAIL: " + message)

# GitLab CI keywords (docs.gitlab.com/ee/ci/yaml): the top level and a job's.
top_level = {"default", "include", "stages", "variables", "workflow", "spec"}
job_keys = {"after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage",
            "dast_configuration", "dependencies", "environment", "extends", "hooks",
            "id_tokens", "identity", "image", "inherit", "interruptible", "manual_confirmation",
            "needs", "pages", "parallel", "release", "resource_group", "retry", "rules",
            "script", "secrets", "services", "stage", "tags", "timeout", "trigger", "variables",
            "when"}
rule_keys = {"if", "changes", "exists", "allow_failure", "needs", "variables", "when"}
artifact_keys = {"paths", "exclude", "expire_in", "expose_as", "name", "public", "access",
                 "reports", "untracked", "when"}
gitlab = yaml.safe_load(open(src + "/deploy/ci/gitlab-ci.yml"))
stages = gitlab.get("stages", ["build", "test", "deploy"])
jobs = {k: v for k, v in gitlab.items() if k not in top_level and not k.startswith(".")}
if not jobs:
    fail("gitlab-ci.yml has no job")
scripts = []
for name, job in jobs.items():
    if not isinstance(job, dict):
        fail("job %s is not a mapping" % name)
    unknown = set(job) - job_keys
    if unknown:
        fail("job %s: unknown keywords %s" % (name, sorted(unknown)))
    if "script" not in job and "trigger" not in job:
        fail("job %s has no script" % name)
    if job.get("stage", "test") not in stages:
        fail("job %s: stage %s is not in stages %s" % (name, job.get("stage"), stages))
    for need in job.get("needs", []):
        need = need["job"] if isinstance(need, dict) else need
        if need not in jobs:
            fail("job %s needs %s, which is no job" % (name, need))
        if stages.index(jobs[need].get("stage", "test")) > stages.index(job.get("stage", "test")):
            fail("job %s needs %s of a later stage" % (name, need))
    for rule in job.get("rules", []):
        if set(rule) - rule_keys:
            fail("job %s: unknown rule keys %s" % (name, sorted(set(rule) - rule_keys)))
    if set(job.get("artifacts", {})) - artifact_keys:
        fail("job %s: unknown artifacts keys" % name)
    image = job.get("image")
    if isinstance(image, dict) and set(image) - {"name", "entrypoint", "pull_policy", "docker"}:
        fail("job %s: unknown image keys" % name)
    if not all(isinstance(line, str) for line in job["script"]):
        fail("job %s: a script line is not a string" % name)
    scripts.append(("gitlab-" + name, "\n".join(job["script"])))

workflow = yaml.safe_load(open(src + "/deploy/ci/github-actions.yml"))
for name, job in workflow["jobs"].items():
    ids = set()
    for k, step in enumerate(job["steps"]):
        for ref in re.findall(r"steps\.([\w-]+)\.", yaml.safe_dump(step)):
            if ref not in ids:
                fail("step %d of %s reads steps.%s before it runs" % (k, name, ref))
        ids.add(step.get("id"))
        if "run" in step:
            # ${{ ... }} is replaced before the shell sees the script.
            scripts.append(("github-%s-%d" % (name, k),
                            re.sub(r"\$\{\{[^}]*\}\}", "EXPRESSION", step["run"])))
for name, text in scripts:
    with open(os.path.join(work, name + ".sh"), "w") as f:
        f.write("#!/usr/bin/env bash\n" + text + "\n")
PY
# Variables the CI systems set: SC2154 (referenced but not assigned) does not apply.
shellcheck -e SC2154 "$work"/*.sh

# albsim-review.sh on the hand-built plans.
export ALBSIM=$albsim
status=0
"$src/deploy/ci/albsim-review.sh" "$src/tests/data/terraform/shrink_pool.json" "$work/shrink" \
  --demand 200 >/dev/null 2>"$work/shrink.err" || status=$?
[ "$status" -eq 3 ] || { echo "FAIL: the shrinking change exits $status, not 3"; exit 1; }
head -n 1 "$work/shrink/comment.md" | grep -qx '<!-- albsim-review -->'
grep -qF "set \`netmask_length = 28\`" "$work/shrink/comment.md"
grep -q 'check: pool aws_vpc_ipam_pool.shop as it is (BYOIP /29) fails' "$work/shrink.err"
"$src/deploy/ci/albsim-review.sh" "$src/tests/data/terraform/amazon_modules.json" "$work/fits" \
  --demand web-api=60 --demand web-www=20 >/dev/null 2>&1
grep -q '✅ meets its targets' "$work/fits/comment.md"
# Posting: the workflow's step and gitlab-note.sh, against a gh and a curl that record their
# calls: a first run creates the comment, a later one updates the one its marker finds.
mkdir -p "$work/fake"
cat > "$work/fake/gh" <<'FAKE'
#!/usr/bin/env bash
echo "gh $*" >> "$CALLS"
case " $* " in *" --jq "*) echo "${EXISTING:-}" ;; esac
FAKE
cat > "$work/fake/curl" <<'FAKE'
#!/usr/bin/env bash
echo "curl $*" >> "$CALLS"
previous=""
for arg in "$@"; do
  [ "$previous" = --data ] && cp "${arg#@}" "$CALLS.body"
  previous=$arg
done
case " $* " in
  *" -X "*) ;;
  *) if [ -n "${EXISTING:-}" ]; then
       echo "[{\"id\": 7, \"body\": \"hi\"}, {\"id\": $EXISTING, \"body\": \"<!-- albsim-review -->\\nold\"}]"
     else
       echo '[{"id": 7, "body": "hi"}]'
     fi ;;
esac
FAKE
chmod +x "$work/fake/gh" "$work/fake/curl"
/usr/bin/python3 - "$src" > "$work/post.sh" <<'PY'
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1] + "/deploy/ci/github-actions.yml"))
steps = workflow["jobs"]["review"]["steps"]
print(next(s["run"] for s in steps if s.get("name") == "post or update the comment"))
PY
mkdir -p "$work/gh/albsim-review"
cp "$work/shrink/comment.md" "$work/gh/albsim-review/comment.md"
for existing in "" 4242; do
  : > "$work/calls"
  (cd "$work/gh" && PATH="$work/fake:$PATH" CALLS="$work/calls" EXISTING=$existing \
    GITHUB_REPOSITORY=org/infra PR=17 GH_TOKEN=t bash -e "$work/post.sh")
  if [ -z "$existing" ]; then
    grep -q "^gh api -X POST repos/org/infra/issues/17/comments -F body=@albsim-review/comment.md$" \
      "$work/calls"
  else
    grep -q "^gh api -X PATCH repos/org/infra/issues/comments/4242 -F body=@albsim-review/comment.md$" \
      "$work/calls"
  fi
  : > "$work/calls"
  PATH="$work/fake:$PATH" CALLS="$work/calls" EXISTING=$existing ALBSIM_GITLAB_TOKEN=t \
    CI_API_V4_URL=https://gitlab.example.com/api/v4 CI_PROJECT_ID=5 CI_MERGE_REQUEST_IID=9 \
    "$src/deploy/ci/gitlab-note.sh" "$work/shrink/comment.md"
  notes=https://gitlab.example.com/api/v4/projects/5/merge_requests/9/notes
  if [ -z "$existing" ]; then
    grep -q -- "-X POST .* $notes$" "$work/calls"
  else
    grep -q -- "-X PUT .* $notes/4242$" "$work/calls"
  fi
  /usr/bin/python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["body"] == open(sys.argv[2]).read()' \
    "$work/calls.body" "$work/shrink/comment.md"
done
echo "deploy/ci: workflow valid, GitLab job valid, scripts clean, review exits 3 and 0, comments created then updated"
