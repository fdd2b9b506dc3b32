#!/usr/bin/env bash
# Posts FILE as a note on the merge request of this GitLab CI pipeline, or updates the note that
# starts with the same first line (`<!-- albsim-review -->`), so that each push edits one note.
# Needs ALBSIM_GITLAB_TOKEN: a project access token with the `api` scope (CI_JOB_TOKEN cannot
# write notes). Usage: gitlab-note.sh FILE
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 FILE" >&2
  exit 2
fi
if [ -z "${ALBSIM_GITLAB_TOKEN:-}" ]; then
  echo "ALBSIM_GITLAB_TOKEN is not set: set it to a project access token with the api scope" >&2
  exit 2
fi
file=$1
api="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
marker=$(head -n 1 "$file")
id=$(curl -sSf --header "PRIVATE-TOKEN: $ALBSIM_GITLAB_TOKEN" "$api?per_page=100&sort=asc" |
  /usr/bin/env python3 -c '
import json, sys
marker = sys.argv[1]
print(next((str(n["id"]) for n in json.load(sys.stdin) if n["body"].startswith(marker)), ""))
' "$marker")
body=$(mktemp)
/usr/bin/env python3 -c 'import json, sys; print(json.dumps({"body": open(sys.argv[1]).read()}))' \
  "$file" > "$body"
if [ -n "$id" ]; then
  curl -sSf -X PUT --header "PRIVATE-TOKEN: $ALBSIM_GITLAB_TOKEN" \
    --header "Content-Type: application/json" --data @"$body" "$api/$id" > /dev/null
else
  curl -sSf -X POST --header "PRIVATE-TOKEN: $ALBSIM_GITLAB_TOKEN" \
    --header "Content-Type: application/json" --data @"$body" "$api" > /dev/null
fi
rm -f "$body"
