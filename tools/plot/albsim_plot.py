#!/usr/bin/python3
"""Draw albsim results as PNG charts.

usage: /usr/bin/python3 tools/plot/albsim_plot.py RUN_DIR [--out DIR] [--window FROM..TO]

RUN_DIR holds report.json and timeseries.csv from `albsim run`, plan.json from `albsim plan`, or
calibration.json from `albsim calibrate` (or several). Writes into DIR (default RUN_DIR):
  addresses.png     per pool used by a load balancer: the addresses its nodes hold, its
                    reservations (other consumers) apart, and the managed addresses of the load
                    balancers on it, stacked, against the pool's size over time, with allowlist
                    breaches shaded and marked by a row of red triangles (one per breach,
                    visible at any zoom); a panel of load balancers without a pool shows their
                    managed addresses and no breach (they have no allowlist)
  demand_nodes.png  per load balancer (the first 8): demand against capacity (nodes in DNS x
                    node capacity) in LCU on one axis, breaches shaded, and nodes per AZ in the
                    panel below (AZ lines offset by a few hundredths of a node and dashed
                    differently, so equal counts stay distinguishable); for an observed report
                    (no demand), the addresses held and in DNS, and the nodes per AZ when the
                    source records them
  comparison.png    with comparison.json (`albsim run --compare-observed OBS`): per load balancer
                    in both, the addresses held and in DNS observed against the run seen through
                    the same source (seen_as_observed.csv), each over hours from its window's
                    start
  cost.png          the IPv4 bill per 730-hour month by category as bars, against the
                    managed-only counterfactual; BYOIP ownership without a price is marked
                    "unpriced", not drawn as $0
  distribution.png  with replications: P(breach) with its 95% interval, breach minutes per month
                    and peak addresses across them
  calibration.png   from calibration.json and calibration_nodes.csv (`albsim calibrate`): the
                    observed node counts against the calibrated simulation's, per AZ (or in
                    total), with the fitted values in the title
  plan.png          from plan.json: breach probability (with its 95% interval, and the target) and
                    monthly cost against netmask, per kind of candidate; managed-only and the
                    static-IP alternatives as reference lines; the recommendation starred
With timeseries_envelope.csv (`albsim run --html`), lines are each chart column's highest value
from every change of the run, so no peak falls between samples; else timeseries.csv's samples.
The time axis shows UTC dates when the scenario has a `start`, else time since the start.
--window FROM..TO draws only that part of the run: each end an ISO-8601 time (with a `start`) or
a duration from the start ("36h", "2d12h", "90m", "600s", or seconds); an end may be left out
("..3d", "10d.."). Needs Debian's python3-matplotlib (run with /usr/bin/python3). Every chart is
1200 px wide.
"""

import argparse
import csv
import datetime
import json
import math
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

WIDTH_IN, DPI = 12, 100
MAX_LB_PANELS = 8


def read_timeseries(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    columns = {name: [] for name in header}
    for row in body:
        for name, value in zip(header, row):
            columns[name].append(value)
    numeric = {}
    for name, values in columns.items():
        if name == "time_utc":
            continue
        # An empty field is a value the source did not record (an observation's AZs).
        numeric[name] = [float(v) if v else float("nan") for v in values]
    return numeric


def read_series(run_dir):
    """(highest, lowest): each a dict of column -> values, t_s included. From
    timeseries_envelope.csv when the run wrote it (each column's extremes over every change),
    else timeseries.csv (both the same samples)."""
    envelope = os.path.join(run_dir, "timeseries_envelope.csv")
    if not os.path.exists(envelope):
        ts = read_timeseries(os.path.join(run_dir, "timeseries.csv"))
        return ts, ts
    columns = read_timeseries(envelope)
    high, low = {"t_s": columns["t_s"]}, {"t_s": columns["t_s"]}
    for name, values in columns.items():
        if name.endswith(":max"):
            high[name[:-4]] = values
        elif name.endswith(":min"):
            low[name[:-4]] = values
    return high, low


def parse_iso(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?"
                      r"(?:(\d+(?:\.\d+)?)s?)?$")


def window_end(text, start):
    """Seconds from the start for one end of --window: ISO-8601 (needs start) or a duration."""
    if "T" in text:
        if start is None:
            sys.exit("albsim_plot: --window: an ISO-8601 time needs a scenario with a start; "
                     "give a duration from the start, like 2d or 36h")
        return (parse_iso(text) - start).total_seconds()
    match = DURATION.match(text)
    if not text or not match:
        sys.exit(f"albsim_plot: --window: {text!r} is neither an ISO-8601 time nor a duration "
                 "(like 2d12h, 90m or 600)")
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


def select_window(ts, window, start):
    """The rows of ts inside FROM..TO, with the row in force at FROM (steps hold)."""
    if not window:
        return ts
    if ".." not in window:
        sys.exit(f"albsim_plot: --window {window!r}: give FROM..TO")
    low_text, high_text = window.split("..", 1)
    low = window_end(low_text, start) if low_text else float("-inf")
    high = window_end(high_text, start) if high_text else float("inf")
    if high <= low:
        sys.exit(f"albsim_plot: --window {window!r}: the end is not after the start")
    t = ts["t_s"]
    keep = [i for i in range(len(t)) if low <= t[i] < high or
            (t[i] < low and (i + 1 == len(t) or t[i + 1] > low))]
    if not keep:
        sys.exit(f"albsim_plot: --window {window!r} holds no row of timeseries.csv")
    return {name: [values[i] for i in keep] for name, values in ts.items()}


def time_axis(seconds, horizon_s, start):
    """x values and their label: UTC datetimes with a start, else days or hours since it."""
    if start is not None:
        return [start + datetime.timedelta(seconds=s) for s in seconds], "UTC"
    span = (seconds[-1] - seconds[0]) if seconds else horizon_s
    if span > 3 * 86400:
        return [s / 86400 for s in seconds], "time since start (days)"
    return [s / 3600 for s in seconds], "time since start (hours)"


def format_time_axis(ax, x):
    if x and isinstance(x[0], datetime.datetime):
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def breach_runs(x, outside):
    """(start, end) of every run of samples with an outside node; the last ends at x[-1]."""
    runs, start = [], None
    for i, value in enumerate(outside):
        if value > 0 and start is None:
            start = x[i]
        if value == 0 and start is not None:
            runs.append((start, x[i]))
            start = None
    if start is not None:
        runs.append((start, x[-1]))
    return runs


def mark_breaches(ax, x, outside):
    """Shades each breach and puts a red triangle over its start in a row along the top: a
    breach of one sample in a year-long chart is thinner than a pixel, the triangle is not."""
    runs = breach_runs(x, outside)
    for low, high in runs:
        ax.axvspan(low, high, color="tab:red", alpha=0.15, lw=0)
    if runs:
        ax.plot([low for low, _ in runs], [1.0] * len(runs), "v", color="tab:red", ms=7,
                transform=ax.get_xaxis_transform(), clip_on=False, ls="none",
                label=f"breach ({len(runs)} in view)")


def figure(panels, height_each=2.6):
    fig, axes = plt.subplots(panels, 1, figsize=(WIDTH_IN, max(3.0, height_each * panels)),
                             squeeze=False, sharex=True)
    return fig, [a[0] for a in axes]


def breaches(count):
    return f"{count} breach" + ("" if count == 1 else "es")


def allowlist_text(lb):
    """The breaches of one load balancer, or that it has no allowlist (no pool)."""
    if lb["allowlist"] is None:
        return "no pool, no allowlist"
    return breaches(lb["allowlist"]["breach_episodes"])


def minutes(seconds):
    return f"{seconds / 60:.0f} min" if seconds < 7200 else f"{seconds / 3600:.1f} h"


def plot_addresses(report, ts, x, xlabel, out):
    """Stacked per pool: the nodes' addresses, the reservations, AWS-managed fallback."""
    lbs_by_pool = {}
    for lb in report["load_balancers"]:
        lbs_by_pool.setdefault(lb["pool"], []).append(lb["id"])
    pools = {p["id"]: p for p in report["pools"]}
    keys = [k for k in lbs_by_pool if k is not None] + ([None] if None in lbs_by_pool else [])
    fig, axes = figure(len(keys))
    for ax, pool in zip(axes, keys):
        lbs = lbs_by_pool[pool]
        managed = [sum(ts[f"lb:{lb}:managed_addresses"][i] for lb in lbs) for i in range(len(x))]
        outside = [sum(ts[f"lb:{lb}:outside_nodes"][i] for lb in lbs) for i in range(len(x))]
        if pool is not None:
            in_use = ts[f"pool:{pool}:in_use"]
            reserved = ts.get(f"pool:{pool}:reserved", [0.0] * len(x))
            nodes = [max(0.0, u - r) for u, r in zip(in_use, reserved)]
            ax.stackplot(x, nodes, reserved, managed, step="post",
                         colors=["tab:blue", "tab:gray", "tab:orange"], alpha=0.8,
                         labels=["nodes' pool addresses", "reservations (other consumers)",
                                 "AWS-managed (fallback)"])
            size = ts.get(f"pool:{pool}:capacity")
            if size:
                ax.step(x, size, where="post", color="black", ls="--", lw=1, label="pool size")
            else:
                ax.axhline(pools[pool]["capacity"], color="black", ls="--", lw=1,
                           label=f"pool size at the horizon ({pools[pool]['capacity']})")
            mark_breaches(ax, x, outside)
        else:  # no pool: no allowlist, so nothing to breach
            ax.stackplot(x, managed, step="post", colors=["tab:orange"], alpha=0.8,
                         labels=["AWS-managed (no pool)"])
        reports = [lb for lb in report["load_balancers"] if lb["id"] in lbs]
        allowlisted = [lb["allowlist"] for lb in reports if lb["allowlist"] is not None]
        episodes = sum(a["breach_episodes"] for a in allowlisted)
        breach_s = sum(a["breach_seconds"] for a in allowlisted)
        managed_h = sum(lb["addresses"]["managed_address_hours"] for lb in reports)
        title = (f"pool {pool}: peak {pools[pool]['peak_in_use']} of {pools[pool]['capacity']}"
                 if pool is not None else "no pool")
        names = f"{', '.join(lbs[:4])}{' ...' if len(lbs) > 4 else ''}"
        breach_text = (f"{breaches(episodes)} ({minutes(breach_s)})" if allowlisted
                       else "no allowlist")
        ax.set_title(f"{title}; {names}: {breach_text}, "
                     f"{managed_h:.1f} managed address-hours (whole run)", loc="left")
        format_time_axis(ax, x)
        ax.set_ylabel("addresses")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    axes[-1].set_xlabel(xlabel + "; red: allowlist breach")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "addresses.png"), dpi=DPI)
    plt.close(fig)


def held_and_in_dns(ax, x, series, key, prefix, colors, styles):
    """Steps of a load balancer's addresses held (pool and managed) and of its nodes in DNS."""
    held = [p + m for p, m in zip(series[key + "pool_addresses"], series[key + "managed_addresses"])]
    ax.step(x, held, where="post", color=colors[0], ls=styles[0], lw=1.2,
            label=prefix + "addresses held")
    ax.step(x, series[key + "exposed_nodes"], where="post", color=colors[1], ls=styles[1], lw=0.8,
            label=prefix + "in DNS")


def plot_observed_nodes(report, ts, x, xlabel, out):
    """demand_nodes.png of an observation: no demand is observed, so the addresses held and in
    DNS, and the nodes per AZ when the source records AZs."""
    lbs = report["load_balancers"][:MAX_LB_PANELS]
    fig, axes = figure(len(lbs))
    for ax, lb in zip(axes, lbs):
        key = f"lb:{lb['id']}:"
        held_and_in_dns(ax, x, ts, key, "", ("black", "tab:blue"), ("-", "--"))
        for az in lb["azs"]:
            counts = ts.get(key + f"az:{az}:nodes", [])
            if counts and not all(math.isnan(v) for v in counts):
                ax.step(x, counts, where="post", lw=0.8, ls=":", label=f"nodes in {az}")
        ax.set_ylabel("addresses / nodes")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper right", fontsize="small")
        ax.set_title(f"load balancer {lb['id']} (observed; no demand is observed): peak "
                     f"{lb['addresses']['peak_total']} addresses", loc="left")
        format_time_axis(ax, x)
    axes[-1].set_xlabel(xlabel)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "demand_nodes.png"), dpi=DPI)
    plt.close(fig)


def plot_comparison(run_dir, report, out):
    """comparison.png: the observed rows against the run seen through the same source."""
    with open(os.path.join(run_dir, "comparison.json")) as f:
        names = json.load(f)
    if not os.path.exists(names["observed_timeseries"]):
        print("albsim_plot: no comparison.png: " + names["observed_timeseries"] + " is missing")
        return False
    with open(names["observed_report"]) as f:
        observed_report = json.load(f)
    seen = read_timeseries(os.path.join(run_dir, names["seen_as_observed"]))
    observed = read_timeseries(names["observed_timeseries"])
    ids = [lb["id"] for lb in observed_report["load_balancers"]]
    lbs = [lb for lb in report["load_balancers"] if lb["id"] in ids][:MAX_LB_PANELS]
    if not lbs:
        print("albsim_plot: no comparison.png: no load balancer is in both reports")
        return False
    fig, axes = figure(len(lbs))
    kind = observed_report["observation"]["kind"]
    for ax, lb in zip(axes, lbs):
        key = f"lb:{lb['id']}:"
        for series, label, color, style in ((observed, "observed", "black", "-"),
                                            (seen, "simulated, seen as observed", "tab:orange",
                                             "--")):
            hours = [t / 3600 for t in series["t_s"]]
            held_and_in_dns(ax, hours, series, key, label + ": ", (color, color), (style, style))
        ax.set_ylabel("addresses")
        ax.set_ylim(bottom=0)
        ax.legend(loc="best", fontsize="small")
        ax.set_title(f"load balancer {lb['id']}: the run against what {kind} recorded, both "
                     f"through {kind}'s eyes", loc="left")
    axes[-1].set_xlabel("hours from each window's start")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "comparison.png"), dpi=DPI)
    plt.close(fig)
    return True


def plot_demand_nodes(report, ts, low, x, xlabel, out):
    if report.get("source") == "observed":
        plot_observed_nodes(report, ts, x, xlabel, out)
        return
    lbs = report["load_balancers"][:MAX_LB_PANELS]
    fig, axes = figure(2 * len(lbs), 2.2)
    for index, lb in enumerate(lbs):
        ax, nodes = axes[2 * index], axes[2 * index + 1]
        key = f"lb:{lb['id']}:"
        demand = ts[key + "demand_lcu"]
        if low is not ts:
            ax.fill_between(x, low[key + "demand_lcu"], demand, step="post", color="tab:blue",
                            alpha=0.2, lw=0, label="demand, lowest to highest")
        ax.step(x, demand, where="post", color="tab:blue", lw=1, label="demand (LCU)")
        capacity = ts.get(key + "capacity_lcu")
        if capacity:
            ax.step(x, capacity, where="post", color="tab:green", lw=1.4,
                    label="capacity: nodes in DNS x node capacity")
        if lb["allowlist"] is not None:
            mark_breaches(ax, x, ts[key + "outside_nodes"])
        ax.set_ylabel("LCU")
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
        peak_demand = max(demand) if demand else 0
        ax.set_title(f"load balancer {lb['id']}: peak {peak_demand:.1f} LCU in view, "
                     f"peak {lb['addresses']['peak_total']} addresses, "
                     f"{allowlist_text(lb)} (whole run)", loc="left")
        styles = ["-", "--", ":", "-."]
        count = len(lb["azs"])
        for az_index, az in enumerate(lb["azs"]):
            offset = 0.06 * (az_index - (count - 1) / 2)  # equal counts stay apart
            nodes.step(x, [n + offset for n in ts[f"{key}az:{az}:nodes"]], where="post",
                       lw=1.4, ls=styles[az_index % len(styles)], label=az)
        nodes.set_ylabel("nodes per AZ")
        nodes.set_ylim(bottom=0)
        nodes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
        for a in (ax, nodes):
            format_time_axis(a, x)
    axes[-1].set_xlabel(xlabel + "; nodes per AZ 0.06 apart where equal")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "demand_nodes.png"), dpi=DPI)
    plt.close(fig)


COST_CATEGORIES = (("managed_ipv4", "AWS-managed public IPv4"),
                   ("amazon_blocks", "Amazon-provided blocks"),
                   ("byoip", "BYOIP addresses"),
                   ("byoip_ownership", "BYOIP ownership"),
                   ("ipam", "IPAM"))


def byoip_unpriced(report):
    """A top-level BYOIP pool with no price per address: its ownership is unknown, not $0."""
    return (report["scenario"]["pricing"]["byoip_price_per_address"] == 0 and
            any(p["source"] == "byoip" for p in report["pools"]))


def cost_bars(report):
    """(label, USD per month or None when unpriced) per category, then the total and the
    managed-only counterfactual."""
    monthly = report["cost"]["monthly"]
    unpriced = byoip_unpriced(report)
    bars = [(label, None if key == "byoip_ownership" and unpriced else monthly[key])
            for key, label in COST_CATEGORIES]
    bars.append(("total" + (" (without BYOIP ownership)" if unpriced else ""), monthly["total"]))
    bars.append(("all AWS-managed instead", monthly["managed_only"]))
    return bars


def plot_cost(report, out):
    bars = cost_bars(report)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.5 * len(bars) + 1.5))
    top = max([v for _, v in bars if v is not None] + [1e-9])
    ys = list(range(len(bars)))[::-1]
    for y, (label, value) in zip(ys, bars):
        if value is None:
            ax.barh(y, top, color="white", edgecolor="tab:brown", hatch="//", lw=1)
            ax.text(top, y, "  unpriced: set pricing.byoip_price_per_address", va="center",
                    color="tab:brown")
            continue
        color = ("black" if label.startswith("total") else
                 "tab:gray" if label.startswith("all AWS") else "tab:blue")
        ax.barh(y, value, color=color)
        ax.text(value, y, f"  \\${value:,.2f}", va="center")
    ax.set_yticks(ys, [label for label, _ in bars])
    ax.set_xlim(0, top * 1.45)
    ax.set_xlabel("USD per 730-hour month (" + report["monthly"]["basis"] + ")")
    ax.set_title("IPv4 cost per month by category", loc="left")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "cost.png"), dpi=DPI)
    plt.close(fig)


def percentile_bars(ax, names, stats, unit):
    ys = list(range(len(names)))
    for y, s in zip(ys, stats):
        if not s:  # nothing to draw (a load balancer without an allowlist)
            continue
        ax.plot([s["min"], s["max"]], [y, y], color="tab:gray", lw=1)
        ax.plot([s["p50"], s["p95"]], [y, y], color="tab:blue", lw=6, solid_capstyle="butt")
        if s["p50"] == s["p95"]:  # a bar of no length: a mark, so it does not vanish
            ax.plot(s["p50"], y, "s", color="tab:blue", ms=7)
        ax.plot(s["p99"], y, "|", color="tab:red", ms=14, mew=2)
        ax.plot(s["mean"], y, "o", color="black", ms=4)
    ax.set_yticks(ys, names)
    ax.set_xlabel(unit)
    ax.set_xlim(left=0)


def breach_probability(ax, dist):
    """P(breach) per load balancer with its 95% Wilson interval; none without an allowlist."""
    ys = list(range(len(dist)))
    for y, lb in zip(ys, dist):
        p = lb["breach_probability"]
        if p is None:
            ax.text(0.0, y, " no pool, no allowlist", va="center", color="tab:gray")
            continue
        ax.errorbar([p["estimate"]], [y], xerr=[[p["estimate"] - p["low"]],
                                                [p["high"] - p["estimate"]]],
                    fmt="o", color="tab:red", capsize=4)
    ax.set_yticks(ys, [lb["id"] for lb in dist])
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("P(breach), 95% interval")


def plot_distribution(report, out):
    dist = report["distribution"]["load_balancers"][:20]
    names = [lb["id"] for lb in dist]
    factor = 730.0 / report["scenario"]["horizon_hours"] / 60.0
    minutes = [{k: v * factor for k, v in lb["allowlist"]["breach_seconds"].items()
                if k in ("mean", "min", "p50", "p95", "p99", "max")} if "allowlist" in lb else {}
               for lb in dist]
    peaks = [lb["addresses"]["peak_total"] for lb in dist]
    height = max(3.0, 0.45 * len(names) + 1.5)
    fig, axes = plt.subplots(1, 3, figsize=(WIDTH_IN, height))
    breach_probability(axes[0], dist)
    percentile_bars(axes[1], names, minutes, "breach minutes per month")
    percentile_bars(axes[2], names, peaks, "peak addresses held")
    fig.suptitle(f"Across {report['scenario']['replications']} replications (line: min-max, bar: "
                 "p50-p95, a square when they are equal, red: p99, dot: mean)", x=0.01, ha="left")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "distribution.png"), dpi=DPI)
    plt.close(fig)


def plan_series(plan):
    """Candidates grouped for plotting: label -> list of (netmask, candidate)."""
    series = {}
    for c in plan["candidates"]:
        if c["verdict"] == "not possible" or c["kind"] == "managed_only":
            continue
        label = "BYOIP" if c["kind"] == "byoip" else f"Amazon x{c['blocks']}"
        series.setdefault(label, []).append((c["netmask"], c))
    return series


def plot_plan(plan, out):
    fig, (risk, cost) = plt.subplots(1, 2, figsize=(WIDTH_IN, 5))
    recommended = plan["recommendation"]
    series = plan_series(plan)
    for index, (label, points) in enumerate(series.items()):
        points.sort(key=lambda p: p[0])
        x = [n for n, _ in points]
        shifted = [n + 0.08 * (index - (len(series) - 1) / 2) for n in x]  # unhide equal points
        p = [c["breach_probability"]["estimate"] for _, c in points]
        low = [c["breach_probability"]["estimate"] - c["breach_probability"]["low"] for _, c in points]
        high = [c["breach_probability"]["high"] - c["breach_probability"]["estimate"] for _, c in points]
        risk.errorbar(shifted, p, yerr=[low, high], marker="o", capsize=3, label=label)
        total = [c["cost_per_month"]["total"] for _, c in points]
        line = cost.plot(x, total, marker="o", label=label)[0]
        for n, c in points:
            if c["name"] == recommended:
                for ax, y in ((risk, c["breach_probability"]["estimate"]),
                              (cost, c["cost_per_month"]["total"])):
                    ax.plot([n], [y], marker="*", markersize=18, color=line.get_color(),
                            linestyle="none")
    risk.axhline(plan["targets"]["max_breach_probability"], color="red", linestyle="--",
                 label="target")
    risk.set_xlabel("netmask (/n): larger n, fewer addresses")
    risk.set_ylabel("P(breach within the horizon)")
    risk.set_ylim(-0.02, 1.02)
    risk.legend(fontsize=8)
    for c in plan["candidates"]:
        if c["kind"] == "managed_only" and "cost_per_month" in c:
            cost.axhline(c["cost_per_month"]["total"], color="gray", linestyle="--",
                         label="managed-only")
    for a, color in zip(plan["alternatives"],
                        ["tab:purple", "tab:brown", "tab:pink", "tab:olive"]):
        cost.axhline(a["cost_per_month"]["total"], linestyle=":", color=color, label=a["name"])
    cost.set_xlabel("netmask (/n)")
    cost.set_ylabel("USD per month")
    cost.set_ylim(bottom=0)  # linear: $0 is a real cost, which no log axis can show
    cost.legend(fontsize=7)
    title = f"albsim plan: pool {plan['pool']}; recommendation: {recommended or 'none'}"
    fig.suptitle(title, x=0.01, ha="left")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "plan.png"), dpi=DPI)
    plt.close(fig)


def fitted_text(values):
    """The fitted values for a title: "capacity 8 LCU, cooldown 600 s, ..."."""
    parts = []
    for key, label in (("node_capacity_lcu", "capacity"), ("launch_delay", "launch"),
                       ("scale_in_cooldown", "cooldown"), ("replacement", "replacement")):
        v = values[key]
        if not v["identified"]:
            parts.append(f"{label} not identified")
        elif v["unit"] == "LCU":
            parts.append(f"{label} {v['value']:.3g} LCU")
        else:
            parts.append(f"{label} {minutes(v['value'])}")
    return ", ".join(parts)


def plot_calibration(run_dir, out, window):
    with open(os.path.join(run_dir, "calibration.json")) as f:
        calibration = json.load(f)
    with open(os.path.join(run_dir, "calibration_nodes.csv")) as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], [[float(v) for v in r] for r in rows[1:]]
    if not rows:
        sys.exit("albsim_plot: calibration_nodes.csv has no rows")
    columns = [name[len("observed_"):] for name in header if name.startswith("observed_")]
    series = {name: [r[i] for r in rows] for i, name in enumerate(header)}
    start = parse_iso(calibration["window"]["from"])
    series = select_window(series, window, start)
    x, xlabel = time_axis(series["t_s"], series["t_s"][-1], start)
    fig, axes = figure(len(columns))
    rms = calibration["fit"]["rms_nodes"]
    for ax, name in zip(axes, columns):
        ax.step(x, series["observed_" + name], where="post", color="black", lw=1.2,
                label="observed")
        ax.step(x, series["simulated_" + name], where="post", color="tab:orange", lw=1,
                ls="--", label="simulated (calibrated)")
        ax.set_ylabel(f"{name}\nnodes")
        ax.set_title(f"{name}: RMS difference {rms.get(name, float('nan')):.3f} nodes",
                     fontsize=9, loc="left")
        ax.legend(fontsize=8, loc="upper right")
        format_time_axis(ax, x)
    axes[-1].set_xlabel(xlabel)
    fig.suptitle(f"albsim calibrate: {calibration['load_balancer']} against "
                 f"{calibration['observation']['kind']} ({calibration['observation']['counts']})"
                 f"\n{fitted_text(calibration['values'])}", x=0.01, ha="left", fontsize=10)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "calibration.png"), dpi=DPI)
    plt.close(fig)


def plot_run(run_dir, out, window):
    with open(os.path.join(run_dir, "report.json")) as f:
        report = json.load(f)
    ts, low = read_series(run_dir)
    if not ts["t_s"]:
        sys.exit("albsim_plot: timeseries.csv has no rows")
    start = report["scenario"].get("start")
    start = parse_iso(start) if start else None
    same = low is ts
    ts = select_window(ts, window, start)
    low = ts if same else select_window(low, window, start)
    x, xlabel = time_axis(ts["t_s"], report["scenario"]["horizon_s"], start)
    plot_addresses(report, ts, x, xlabel, out)
    plot_demand_nodes(report, ts, low, x, xlabel, out)
    plot_cost(report, out)
    written = ["addresses.png", "demand_nodes.png", "cost.png"]
    if os.path.exists(os.path.join(run_dir, "comparison.json")) and plot_comparison(
            run_dir, report, out):
        written.append("comparison.png")
    if "distribution" in report:
        plot_distribution(report, out)
        written.append("distribution.png")
    return written


def main(argv):
    parser = argparse.ArgumentParser(description="Draw albsim results as PNG charts.")
    parser.add_argument("run_dir", help="directory with report.json and timeseries.csv, "
                        "plan.json or calibration.json")
    parser.add_argument("--out", help="where to write the PNGs (default: RUN_DIR)")
    parser.add_argument("--window", help="draw only FROM..TO of the run (ISO-8601 times or "
                        "durations from the start)")
    args = parser.parse_args(argv)
    out = args.out or args.run_dir
    os.makedirs(out, exist_ok=True)
    written = []
    if os.path.exists(os.path.join(args.run_dir, "report.json")):
        written += plot_run(args.run_dir, out, args.window)
    if os.path.exists(os.path.join(args.run_dir, "plan.json")):
        with open(os.path.join(args.run_dir, "plan.json")) as f:
            plot_plan(json.load(f), out)
        written.append("plan.png")
    if os.path.exists(os.path.join(args.run_dir, "calibration.json")):
        plot_calibration(args.run_dir, out, args.window)
        written.append("calibration.png")
    if not written:
        sys.exit("albsim_plot: " + args.run_dir + " has no report.json, plan.json or "
                 "calibration.json")
    print("wrote " + ", ".join(os.path.join(out, name) for name in written))


if __name__ == "__main__":
    main(sys.argv[1:])
