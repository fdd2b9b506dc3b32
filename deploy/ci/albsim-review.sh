#!/usr/bin/env bash
# The pool review of a Terraform change, for CI: imports `terraform show -json` output (after
# and before the change), plans every IPAM pool a load balancer draws from with
# `albsim plan --markdown --check --baseline`, and joins the pools' plan.md into
# OUTDIR/comment.md, which starts with `<!-- albsim-review -->` (the marker a job finds the
# comment to update by).
#
# Usage: albsim-review.sh PLAN_JSON OUTDIR [albsim import terraform options: --metrics FILE,
#        --demand LB=LCU, ...]
# Exit: 0 every pool meets its targets; 3 one misses them (comment.md says which and what to
# change); 2 bad input (one line on stderr). ALBSIM names the albsim command (default: albsim).
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 PLAN_JSON OUTDIR [albsim import terraform options]" >&2
  exit 2
fi
plan=$1 out=$2
shift 2
albsim=${ALBSIM:-albsim}
mkdir -p "$out" || exit 2
rm -f "$out/comment.md"
$albsim import terraform "$plan" -o "$out/after.json" --before "$out/before.json" "$@" || exit $?

baseline=()
[ -f "$out/before.json" ] && baseline=(--baseline "$out/before.json")
mapfile -t pools < <(/usr/bin/env python3 -c '
import json, sys
scenario = json.load(open(sys.argv[1]))
print("\n".join(sorted({lb["pool"] for lb in scenario["load_balancers"] if lb.get("pool")})))
' "$out/after.json")

worst=0
{
  echo "<!-- albsim-review -->"
  echo "## albsim: IPAM pools of this change"
  echo
} > "$out/comment.md.part"
if [ ${#pools[@]} -eq 0 ] || [ -z "${pools[0]}" ]; then
  echo "No load balancer of this change draws from an IPAM pool: nothing to size." \
    >> "$out/comment.md.part"
fi
index=0
for pool in "${pools[@]}"; do
  [ -n "$pool" ] || continue
  dir="$out/pool-$index"
  index=$((index + 1))
  $albsim plan "$out/after.json" --pool "$pool" "${baseline[@]}" --markdown --check -q -o "$dir"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi
  [ "$status" -gt "$worst" ] && worst=$status
  { cat "$dir/plan.md"; echo; } >> "$out/comment.md.part"
done
# A comment holds at most 65,536 characters: keep the pools that fit whole.
/usr/bin/env python3 - "$out/comment.md.part" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
limit = 65536 - 200
if len(text) > limit:
    parts = text.split("\n<!-- albsim-plan ")
    kept = parts[0]
    for part in parts[1:]:
        if len(kept) + len(part) + 20 > limit:
            break
        kept += "\n<!-- albsim-plan " + part
    left = len(parts) - 1 - kept.count("\n<!-- albsim-plan ")
    kept += "\n%d more pools: their plan.md are in the job's artifacts.\n" % left
    open(path, "w", encoding="utf-8").write(kept)
PY
mv "$out/comment.md.part" "$out/comment.md"
exit "$worst"
