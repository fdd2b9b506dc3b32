#!/bin/sh
# Saves the IPAM address history of every address of a pool CIDR over a window, one file per
# address (IPAM answers for the exact CIDR asked, not for the addresses inside it), for
# `albsim observe SCENARIO --ipam-history DIR/history-*.json`. Needs python3 and the AWS CLI with
# ec2:GetIpamAddressHistory; the CLI gathers every page.
# Usage: tools/observe/ipam-history.sh CIDR IPAM_SCOPE_ID FROM TO DIR
#   e.g. tools/observe/ipam-history.sh 203.0.113.0/28 ipam-scope-0123 2025-03-01T00:00:00Z 2025-04-01T00:00:00Z hist
set -eu
mkdir -p "$5"
for ip in $(python3 -c "import ipaddress, sys; print(*ipaddress.ip_network(sys.argv[1]), sep='\n')" "$1"); do
  aws ec2 get-ipam-address-history --output json --cidr "$ip/32" --ipam-scope-id "$2" \
    --start-time "$3" --end-time "$4" > "$5/history-$ip.json"
done
