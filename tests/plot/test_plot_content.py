#!/usr/bin/python3
"""What the PNG charts show, read off matplotlib's figures as the plot script draws them.

  test_plot_content.py ALBSIM SOURCE_DIR

Each check is a defect a reader met (issue 32): demand and nodes on unrelated axes with no
capacity, peaks lost between samples, reservations lumped in with the nodes' addresses, a
cumulative cost under a per-month title with an unpriced BYOIP drawn as free, no interval on
P(breach), a p50-p95 bar that vanishes when they are equal, and a log cost axis that cannot show
$0. Needs Debian's python3-matplotlib (run with /usr/bin/python3). Exit 1 on any failure.
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402

ALBSIM, SOURCE = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location(
    "albsim_plot", os.path.join(SOURCE, "tools/plot/albsim_plot.py"))
plot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plot)

drawn = {}  # PNG file name -> the Figure saved as it


def keep(self, path, **kwargs):
    drawn[os.path.basename(path)] = self


Figure.savefig = keep
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(work, name, scenario, *args):
    out = os.path.join(work, name)
    subprocess.run([ALBSIM, "run", scenario, "--out", out, "-q", *args], check=True,
                   stderr=subprocess.DEVNULL)
    drawn.clear()
    plot.main([out])
    with open(os.path.join(out, "report.json")) as f:
        return json.load(f)


def labels(ax):
    return [artist.get_label() for artist in ax.get_lines() + ax.collections]


def highest_line(ax, prefix):
    return max(max(line.get_ydata()) for line in ax.get_lines()
               if line.get_label().startswith(prefix))


with tempfile.TemporaryDirectory() as work:
    # One node per AZ; at 30m31s all three are replaced, launch and drain taking 1 s each: two
    # nodes per AZ for two seconds, between one-minute samples that all show one.
    blip = os.path.join(work, "blip.json")
    with open(blip, "w") as f:
        json.dump({"name": "blip", "horizon": "1h", "start": "2026-01-05T00:00:00Z",
                   "pools": [{"id": "p", "source": "amazon", "locale": "us-east-1",
                              "netmask_length": 29}],
                   "load_balancers": [{"id": "web", "pool": "p",
                                       "azs": ["use1-az1", "use1-az2", "use1-az4"],
                                       "demand": {"constant": 30}, "launch_delay": "1s",
                                       "drain_time": "1s"}],
                   "events": [{"at": "30m31s", "type": "maintenance", "lb": "web",
                               "fraction": 1.0}]}, f)
    run(work, "blip", blip, "--html", "--timeseries-step", "1m")
    figure = drawn["demand_nodes.png"]
    demand_axis, nodes_axis = figure.axes[0], figure.axes[1]
    check(any(label.startswith("capacity") for label in labels(demand_axis)) and
          any(label.startswith("demand") for label in labels(demand_axis)),
          "demand_nodes.png: demand and capacity (LCU) on one axis")
    positions = [tuple(ax.get_position().bounds) for ax in figure.axes]
    check(len(set(positions)) == len(positions),
          "demand_nodes.png: no second y axis over the demand (nodes in their own panel)")
    check(highest_line(nodes_axis, "use1-az") >= 1.9,
          "demand_nodes.png: the 2-second replacement peak (2 nodes per AZ) shows")
    stacked = drawn["addresses.png"].axes[0]
    top = max(y for c in stacked.collections for path in c.get_paths() for _, y in path.vertices)
    check(top >= 6, "addresses.png: the 6 addresses of the replacement show")

    # The quickstart's BYOIP pool is shared with two NAT gateways, and has no price.
    report = run(work, "quickstart", os.path.join(SOURCE, "scenarios/quickstart.json"))
    addresses = drawn["addresses.png"]
    check(any("reservation" in label for ax in addresses.axes for label in labels(ax)),
          "addresses.png: reservations drawn apart from the nodes' addresses")
    legends = [ax.get_legend() for ax in addresses.axes if ax.get_legend()]
    renderer = addresses.canvas.get_renderer()
    check(legends and all(legend.get_window_extent(renderer).x0 >=
                          legend.axes.get_window_extent(renderer).x1 for legend in legends),
          "addresses.png: the legend stands beside the data, not over it")
    cost = drawn["cost.png"]
    texts = [t.get_text() for ax in cost.axes for t in ax.texts]
    check(any("unpriced" in t for t in texts),
          "cost.png: an unpriced BYOIP is marked unpriced, not drawn as $0")
    monthly = report["cost"]["monthly"]["managed_only"]
    check(any(f"{monthly:,.2f}" in t for t in texts),
          "cost.png: the managed-only figure is the report's per-month figure")
    check(not any("cumulative" in ax.get_ylabel() for ax in cost.axes),
          "cost.png: per month, not cumulative over the run")

    # Replications: P(breach) with its interval; a p50-p95 bar of zero length still shows.
    run(work, "random", os.path.join(SOURCE, "scenarios/amazon-29-random.json"),
        "--replications", "20", "--set", '/horizon="1d"')  # no breach: p50 = p95 = 0
    distribution = drawn["distribution.png"]
    check(any(len(ax.containers) > 0 for ax in distribution.axes),
          "distribution.png: P(breach) with its interval (an error bar)")
    squares = [line for ax in distribution.axes for line in ax.get_lines()
               if line.get_marker() == "s"]
    check(len(squares) > 0, "distribution.png: a p50 equal to its p95 is a visible mark")

    # A plan: costs of $0 on a linear axis.
    plan_dir = os.path.join(work, "plan")
    subprocess.run([ALBSIM, "plan", os.path.join(SOURCE, "scenarios/quickstart.json"), "--lb",
                    "web", "--out", plan_dir, "-q"], check=True, stderr=subprocess.DEVNULL)
    drawn.clear()
    plot.main([plan_dir])
    cost_axis = drawn["plan.png"].axes[1]
    check(cost_axis.get_yscale() == "linear", "plan.png: a linear cost axis, where $0 is a value")

sys.exit(1 if failures else 0)
