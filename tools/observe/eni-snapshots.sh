#!/bin/sh
# Saves the ENIs of one ALB every INTERVAL seconds (default 300) into DIR, one file per time
# named enis-<UTC time>.json, for `albsim observe SCENARIO --eni-snapshots DIR/enis-*.json`.
# Needs the AWS CLI with ec2:DescribeNetworkInterfaces. Stop it with Ctrl-C.
# Usage: tools/observe/eni-snapshots.sh ALB_NAME DIR [INTERVAL]
set -eu
mkdir -p "$2"
while :; do
  t=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  aws ec2 describe-network-interfaces --output json \
    --filters "Name=description,Values=ELB app/$1/*" > "$2/enis-$t.json.part"
  mv "$2/enis-$t.json.part" "$2/enis-$t.json"
  sleep "${3:-300}"
done
