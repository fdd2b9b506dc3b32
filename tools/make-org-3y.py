#!/usr/bin/env python3
"""Writes scenarios/bench/org-3y.json: an organisation's fleet for the speed benchmark.

1,000 ALBs x 3 AZs for 3 years on a 60 s grid: diurnal demand (peaks spread over the day),
3 % growth per 30 days, node replacement at exponential ages of mean 7 days. 956 ALBs draw from four BYOIP /21 pools; 44
share one Amazon-provided /24 that runs dry in year 2 as demand grows. Standard library only.
Usage: tools/make-org-3y.py > scenarios/bench/org-3y.json
"""
import json

AZS = ["use1-az1", "use1-az2", "use1-az4"]
pools = [{"id": "byoip-" + c, "source": "byoip", "locale": "us-east-1",
          "cidrs": ["%d.%d.%d.0/21" % net]}
         for c, net in zip("abcd", [(198, 18, 0), (198, 18, 8), (198, 18, 16), (198, 18, 24)])]
pools.append({"id": "shared-amazon", "source": "amazon", "locale": "us-east-1",
              "netmask_length": 24, "count": 1})
albs = []
for i in range(1000):
    pool = "shared-amazon" if i % 23 == 3 else "byoip-" + "abcd"[i % 4]
    albs.append({"id": "alb-%04d" % i, "pool": pool, "azs": AZS,
                 "demand": {"diurnal": {"base": 20 + (i * 7) % 60, "amplitude": 0.6,
                                        "peak_hour": i % 24, "weekend_factor": 0.7},
                            "growth_per_30d": 0.03},
                 "replacement": {"mean": "7d"}})
head = {"name": "org-3y", "region": "us-east-1", "start": "2026-01-01T00:00:00Z",
        "horizon": "1095d"}
lines = ['{']
lines += ['  "%s": %s,' % (k, json.dumps(v)) for k, v in head.items()]
lines.append('  "pools": [')
lines.append(',\n'.join('    ' + json.dumps(p) for p in pools))
lines.append('  ],')
lines.append('  "load_balancers": [')
lines.append(',\n'.join('    ' + json.dumps(a) for a in albs))
lines.append('  ]')
lines.append('}')
print('\n'.join(lines))
