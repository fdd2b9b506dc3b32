#!/usr/bin/env python3
"""The readable projections that pin a run (tests/golden/pinned_report.sh).

  pin_projection.py report REPORT.json OUT      report.json without its albsim_version line,
                                                 so a release bump re-pins nothing; with more
                                                 than 100 load balancers, one headline line per
                                                 load balancer and the SHA-256 of the whole list
                                                 instead of the list (org-3y: 1,000 of them)
  pin_projection.py timeseries TIMESERIES.csv OUT
                                                 the header and at most 49 rows (every k-th, the
                                                 last included) of the first 40 columns: enough
                                                 to see in a diff what moved; the whole file is
                                                 pinned by its digest beside it
"""
import csv
import hashlib
import json
import sys

MAX_FULL_LOAD_BALANCERS = 100
MAX_ROWS = 49
MAX_COLUMNS = 40


def headline(lb):
    a, w = lb["addresses"], lb["allowlist"]
    return (f'{lb["id"]}: peak {a["peak_total"]} (pool {a["peak_pool"]}, managed '
            f'{a["peak_managed"]}), {a["pool_address_hours"]!r} pool and '
            f'{a["managed_address_hours"]!r} managed address-hours, '
            f'{w["breach_episodes"]} breaches, {w["dns_changes"]} DNS changes')


def project_report(source, target):
    with open(source, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith('  "albsim_version": ')]
    report = json.loads("".join(lines))
    if len(report["load_balancers"]) <= MAX_FULL_LOAD_BALANCERS:
        text = "".join(lines)
    else:
        full = json.dumps(report["load_balancers"], sort_keys=True, separators=(",", ":"))
        report["load_balancers_sha256"] = hashlib.sha256(full.encode()).hexdigest()
        report["load_balancers"] = [headline(lb) for lb in report["load_balancers"]]
        text = json.dumps(report, indent=1) + "\n"
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


def project_timeseries(source, target):
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    step = max(1, -(-len(body) // MAX_ROWS))
    kept = body[::step]
    if body and kept[-1] is not body[-1]:
        kept[-1] = body[-1]
    with open(target, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        for row in [header] + kept:
            out.writerow(row[:MAX_COLUMNS])


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("report", "timeseries"):
        sys.exit(__doc__)
    (project_report if sys.argv[1] == "report" else project_timeseries)(sys.argv[2], sys.argv[3])
