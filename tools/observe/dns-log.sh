#!/bin/sh
# Appends one line "<UTC time> <ip> <ip> ..." per lookup of an ALB's DNS name, every INTERVAL
# seconds (default 60), for `albsim observe SCENARIO --dns-log LOG`. Stop it with Ctrl-C.
# Usage: tools/observe/dns-log.sh my-alb-123456.us-east-1.elb.amazonaws.com dns.log [INTERVAL]
while :; do echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $(dig +short "$1" A | tr '\n' ' ')" >> "$2"; sleep "${3:-60}"; done
