// albsim's HTML report: draws the page from the data the program inlined (#albsim-data):
// { kind, albsim_version, report (report.json as written), chart (time columns of min/max) }.
// Every text from the data goes in through textContent, never as markup. Each headline figure
// carries data-figure (its JSON pointer in report.json) and data-value (the number), which the
// browser test compares with report.json. window.albsimFirstChartMs: when the first chart drew.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("albsim-data").textContent);
  const report = data.report;
  const chart = data.chart;
  const scenario = report.scenario;
  const startMs = scenario.start ? Date.parse(scenario.start) : null;
  const root = document.getElementById("report");

  // ---- small DOM helpers ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function section(title, note) {
    const s = el("section", {}, el("h2", {}, title));
    if (note) s.appendChild(el("p", { class: "note" }, note));
    root.appendChild(s);
    return s;
  }
  function usd(x) {
    const digits = Math.abs(x) >= 100 ? 0 : 2;
    return "$" + x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function num(x, digits) {
    return x.toLocaleString("en-US", { maximumFractionDigits: digits === undefined ? 2 : digits });
  }
  function rate(x) { return "$" + x.toLocaleString("en-US", { maximumSignificantDigits: 4 }); }
  function pct(x) { return num(100 * x, 1) + "%"; }
  function duration(s) {
    if (s < 60) return num(s, 0) + " s";
    if (s < 3600) return num(s / 60, 1) + " min";
    if (s < 172800) return num(s / 3600, 1) + " h";
    return num(s / 86400, 1) + " days";
  }
  function figure(pointer, value, text) {
    return el("span", { "data-figure": pointer, "data-value": String(value) }, text);
  }
  function utc(ms) { return new Date(ms).toISOString().replace(".000Z", "Z").replace("T", " "); }

  // ---- the header ----
  const pricing = scenario.pricing;
  root.appendChild(el("h1", {}, "albsim report: ", scenario.name));
  root.appendChild(el("p", { class: "sub" },
    (report.source === "observed" ? "Observed" : "Simulated") + " in " + scenario.region + ", " +
    (startMs !== null ? "from " + utc(startMs) + " to " + utc(startMs + scenario.horizon_s * 1000) + " (UTC)"
                      : duration(scenario.horizon_s) + " with no start date (times are from the start)") +
    ", seed " + scenario.seed + ", " + scenario.replications + " replication" +
    (scenario.replications === 1 ? "" : "s") + ". albsim " + report.albsim_version + "."));

  // ---- the headline ----
  const headline = el("div", { class: "headline" });
  root.appendChild(headline);
  function card(title, body, detail, tone) {
    headline.appendChild(el("div", { class: "card " + (tone || "") }, el("h3", {}, title),
      el("div", { class: "big" }, body), detail ? el("div", { class: "detail" }, detail) : null));
  }
  const allow = report.allowlist;
  const dist = report.distribution;
  // No load balancer with an allowlist (no pool, no allowlist CIDRs): nothing can breach.
  const breached = allow !== null && allow.breach_episodes > 0;
  {
    const detail = el("div", {});
    let verdict = allow === null ? "No allowlist to breach" : breached ? "Allowlist breached" : "Stayed in the allowlist";
    let tone = allow === null ? "" : breached ? "bad" : "good";
    if (dist) {
      // The load balancer that breached in the most runs (a run counts once per load balancer).
      let worst = null;
      dist.load_balancers.forEach((lb, i) => {
        const p = lb.breach_probability;
        if (p && (worst === null || p.with_breach > worst.p.with_breach)) worst = { p, id: report.load_balancers[i].id };
      });
      if (worst) {
        verdict = worst.p.with_breach > 0
          ? worst.id + " breached in " + worst.p.with_breach + " of " + scenario.replications + " runs"
          : "Stayed in the allowlist in all " + scenario.replications + " runs";
        tone = worst.p.with_breach > 0 ? "bad" : "good";
      }
      report.load_balancers.forEach((lb, i) => {
        const p = dist.load_balancers[i].breach_probability;
        if (!p) return;
        detail.appendChild(el("div", {}, lb.id + ": P(breach) ",
          figure("/distribution/load_balancers/" + i + "/breach_probability/estimate", p.estimate, pct(p.estimate)),
          " (95% interval " + pct(p.low) + " to " + pct(p.high) + ", " + scenario.replications + " runs)"));
      });
    }
    if (dist) detail.appendChild(el("div", {}, "The charts and the other cards show replication 0."));
    card("Verdict", verdict, detail, tone);
  }
  {
    const detail = el("div", {});
    let worst = null;
    report.pools.forEach((pool, i) => {
      detail.appendChild(el("div", {}, pool.id + " (" + pool.source + "): peak ",
        figure("/pools/" + i + "/peak_in_use", pool.peak_in_use, num(pool.peak_in_use, 0)),
        " of ", figure("/pools/" + i + "/capacity", pool.capacity, num(pool.capacity, 0)),
        pool.exhaustion_episodes > 0 ? ", ran dry " + pool.exhaustion_episodes + " times" : ""));
      const used = pool.capacity > 0 ? pool.peak_in_use / pool.capacity : 1;
      if (worst === null || used > worst.used) worst = { pool, used };
    });
    const managed = report.load_balancers.reduce((a, lb) => a + lb.addresses.peak_managed, 0);
    if (managed > 0)
      detail.appendChild(el("div", { class: "warn" }, "AWS-managed addresses at peak: ",
        figure("/load_balancers/*/addresses/peak_managed", managed, num(managed, 0))));
    card("Peak addresses", worst ? num(worst.pool.peak_in_use, 0) + " of " + num(worst.pool.capacity, 0) +
         " in " + worst.pool.id : "no pool", detail, worst && worst.used >= 1 ? "bad" : "");
  }
  const byoipPools = report.pools.filter(p => p.source === "byoip");
  const byoipUnpriced = byoipPools.length > 0 && pricing.byoip_price_per_address === 0;
  const categories = [
    ["managed_ipv4", "AWS-managed public IPv4", "in-use addresses outside every pool"],
    ["amazon_blocks", "Amazon-provided blocks", "every address of a block, used or not"],
    ["byoip", "BYOIP addresses", "no public IPv4 charge"],
    ["byoip_ownership", "BYOIP ownership", "purchase amortized"],
    ["ipam", "IPAM", pricing.ipam_tier === "free" ? "free tier" : "Advanced tier per IP-hour"],
  ];
  {
    const monthly = report.cost.monthly;
    const drivers = categories.filter(c => monthly[c[0]] > 0).sort((a, b) => monthly[b[0]] - monthly[a[0]]);
    const detail = el("div", {});
    if (drivers.length)
      detail.appendChild(el("div", {}, "Driven by " + drivers.map(c => c[1] + " " + usd(monthly[c[0]])).join(", ")));
    if (byoipUnpriced)
      detail.appendChild(el("div", { class: "warn" },
        "BYOIP ownership is not priced (pricing.byoip_price_per_address is 0): the bill leaves out the cost of owning " +
        byoipPools.map(p => p.id).join(", ")));
    detail.appendChild(el("div", {}, "All AWS-managed instead: ",
      figure("/cost/monthly/managed_only", monthly.managed_only, usd(monthly.managed_only)),
      " per month; the pools ", monthly.saving >= 0 ? "save " : "cost more by ",
      figure("/cost/monthly/saving", monthly.saving, usd(Math.abs(monthly.saving)))));
    card("IPv4 bill per month", figure("/cost/monthly/total", monthly.total, usd(monthly.total) + (byoipUnpriced ? " + unpriced BYOIP" : "")),
         detail, "");
  }
  if (allow === null)
    card("Breaches", "none possible", el("div", {}, "No load balancer has a pool or allowlist CIDRs: every address is AWS-managed."), "");
  else card("Breaches",
       figure("/allowlist/breach_episodes", allow.breach_episodes, num(allow.breach_episodes, 0) + " episode" + (allow.breach_episodes === 1 ? "" : "s")),
       el("div", {}, "Outside the allowlist for ",
          figure("/allowlist/breach_seconds", allow.breach_seconds, duration(allow.breach_seconds)),
          allow.breach_episodes ? ", the longest " + duration(allow.longest_breach_s) +
          (allow.first_breach_s !== null ? ", the first at " + (startMs !== null ? utc(startMs + allow.first_breach_s * 1000) : duration(allow.first_breach_s) + " in") : "") : "",
          "; in the allowlist " + pct(allow.in_allowlist_ratio) + " of exposed node-time"),
       breached ? "bad" : "good");

  // ---- charts ----
  const width = () => Math.max(480, Math.min(1180, root.clientWidth - 8));
  const xs = chart.t_s.map(t => startMs !== null ? startMs / 1000 + t : t / 3600);
  // A series' arrays, expanded on first use from {"runs": [value, count, ...]} where so written.
  function expand(values) {
    if (values === undefined || Array.isArray(values)) return values;
    const out = [];
    for (let i = 0; i < values.runs.length; i += 2)
      for (let k = 0; k < values.runs[i + 1]; k++) out.push(values.runs[i]);
    return out;
  }
  function seriesOf(name) {
    const s = chart.series[name];
    if (s && !s.expanded) {
      s.high = expand(s.high);
      s.low = s.low === undefined ? s.high : expand(s.low);
      s.expanded = true;
    }
    return s;
  }
  const chartNote = chart.exact
    ? "Each point is one column of " + duration(chart.width_s) + ": the line is the highest value in it, the band down to the lowest, from every change of the run (" + chart.file + "), so no peak is lost. Drag to zoom, double-click to reset."
    : "From the samples of " + chart.file + " every " + duration(chart.sample_s) + ", as the highest and lowest per column of " + duration(chart.width_s) + ": a peak shorter than a sample step may not show (run with --html for every change). Drag to zoom, double-click to reset.";
  const palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
  // UTC on every time axis: dates, then month-day and hour as the zoom deepens.
  function isoUtc(seconds) { return new Date(seconds * 1000).toISOString(); }
  function timeLabels(u, splits, axis, space, incr) {
    return splits.map(s => {
      const iso = isoUtc(s);
      if (incr >= 86400) return iso.slice(0, 10);
      if (incr >= 60) return iso.slice(5, 10) + "\n" + iso.slice(11, 16);
      return iso.slice(11, 19);
    });
  }
  const xAxis = startMs !== null ? { label: "UTC", values: timeLabels, space: 80, size: 56 }
                                 : { label: "hours since the start" };
  const xScale = startMs !== null ? { time: true } : { time: false };
  const xSeries = startMs !== null
    ? { label: "UTC", value: (u, v) => v === null ? "--" : isoUtc(v).slice(0, 19).replace("T", " ") }
    : { label: "hours", value: (u, v) => v === null ? "--" : num(v, 3) };
  const syncKey = "albsim-x";
  // Every time chart zooms with the others.
  const timeCharts = [];
  let zooming = false;
  function zoomOthers(u, key) {
    if (key !== "x" || zooming) return;
    zooming = true;
    for (const other of timeCharts)
      if (other !== u) other.setScale("x", { min: u.scales.x.min, max: u.scales.x.max });
    zooming = false;
  }

  function markFirstChart() {
    if (window.albsimFirstChartMs === undefined) window.albsimFirstChartMs = performance.now();
  }
  // Charts draw when they come near the screen (the first few at once), so a page of hundreds
  // opens fast; window.albsimDrawAll() draws the rest (printing calls it too).
  const pending = new Map();  // box -> draw()
  const eager = 6;
  let made = 0;
  const watcher = "IntersectionObserver" in window ? new IntersectionObserver(entries => {
    for (const entry of entries) if (entry.isIntersecting) drawBox(entry.target);
  }, { rootMargin: "800px 0px" }) : null;
  function drawBox(box) {
    const draw = pending.get(box);
    if (!draw) return;
    pending.delete(box);
    if (watcher) watcher.unobserve(box);
    draw();
  }
  window.albsimDrawAll = () => { for (const box of [...pending.keys()]) drawBox(box); };
  window.addEventListener("beforeprint", window.albsimDrawAll);
  function later(box, height, draw) {
    if (made++ < eager || !watcher) return draw();
    box.style.minHeight = height + 60 + "px";
    pending.set(box, () => { box.style.minHeight = ""; draw(); });
    watcher.observe(box);
  }
  // A uPlot chart of envelopes: each entry {name, label, color, band, dash, stepped, width}.
  function envelopeChart(parent, title, yLabel, entries, options) {
    const seriesList = [xSeries];
    const columns = [xs];
    const bands = [];
    for (const e of entries) {
      const s = seriesOf(e.name);
      if (!s) continue;
      columns.push(s.high);
      seriesList.push({ label: e.label, stroke: e.color, width: e.width || 1.5, dash: e.dash, paths: e.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined });
      if (e.band) {
        columns.push(s.low);
        seriesList.push({ label: "lowest", stroke: e.color + "55", width: 0.5, paths: e.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined });
        bands.push({ series: [columns.length - 2, columns.length - 1], fill: e.color + "22" });
      }
    }
    const box = el("div", { class: "chart" });
    parent.appendChild(el("h3", {}, title));
    parent.appendChild(box);
    const opts = {
      width: width(), height: (options && options.height) || 260,
      scales: { x: xScale }, series: seriesList, bands,
      axes: [xAxis, { label: yLabel }],
      cursor: { sync: { key: syncKey } },
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
      hooks: { draw: [markFirstChart].concat((options && options.draw) || []), setScale: [zoomOthers] },
    };
    later(box, opts.height, () => timeCharts.push(new uPlot(opts, columns, box)));
  }
  // Shades the columns where `name`'s highest value is above 0 (breaches).
  function shadeWhere(name, color) {
    const s = seriesOf(name);
    return u => {
      if (!s) return;
      const ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = color;
      const step = (startMs !== null ? chart.width_s : chart.width_s / 3600);
      for (let i = 0; i < xs.length; i++) {
        if (!(s.high[i] > 0)) continue;
        const x0 = u.valToPos(xs[i], "x", true), x1 = u.valToPos(xs[i] + step, "x", true);
        ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
      }
      ctx.restore();
    };
  }

  report.load_balancers.forEach(lb => {
    const s = section("Headroom: " + lb.id, chartNote + (lb.allowlist ? "" : " No pool and no allowlist: nothing to breach."));
    const prefix = "lb:" + lb.id + ":";
    const breachNote = lb.allowlist && lb.allowlist.breach_episodes > 0 ? " Red: a node in DNS had an address outside the allowlist." : "";
    if (breachNote) s.appendChild(el("p", { class: "note" }, breachNote));
    envelopeChart(s, "Demand against capacity (LCU)", "LCU", [
      { name: prefix + "capacity_lcu", label: "capacity (nodes in DNS x node capacity)", color: "#2ca02c", band: true, stepped: true },
      { name: prefix + "demand_lcu", label: "demand", color: "#1f77b4", band: true },
    ], { draw: [shadeWhere(prefix + "outside_nodes", "rgba(214,39,40,0.25)")] });
    envelopeChart(s, "Nodes per AZ", "nodes", (lb.azs || []).map((az, i) => (
      { name: prefix + "az:" + az + ":nodes", label: az, color: palette[i % palette.length], stepped: true,
        width: 1 + 1.5 * (lb.azs.length - 1 - i) })),  // wider below, so equal counts all show
      { height: 180 });
  });

  {
    const s = section("Addresses by pool", chartNote);
    report.pools.forEach((pool, i) => {
      const prefix = "pool:" + pool.id + ":";
      envelopeChart(s, pool.id + " (" + pool.source + ")", "addresses", [
        { name: prefix + "in_use", label: "in use (nodes and reservations)", color: palette[i % palette.length], band: true, stepped: true },
        { name: prefix + "reserved", label: "reservations (other consumers)", color: "#7f7f7f", stepped: true },
        { name: prefix + "capacity", label: "pool size", color: "#d62728", dash: [6, 4], stepped: true },
      ], { height: 220 });
    });
    const managedEntries = report.load_balancers.map((lb, i) => (
      { name: "lb:" + lb.id + ":managed_addresses", label: lb.id + (lb.pool ? "" : " (no pool: every address is AWS-managed)"), color: palette[i % palette.length], stepped: true }));
    if (report.load_balancers.some(lb => lb.addresses.peak_managed > 0))
      envelopeChart(s, "AWS-managed addresses (outside every pool)", "addresses", managedEntries, { height: 200 });
  }

  // ---- monthly cost ----
  {
    const s = section("IPv4 cost per month by category",
      report.monthly.basis + " (" + num(report.monthly.hours_per_month, 0) + " hours a month).");
    const monthly = report.cost.monthly;
    const top = Math.max(monthly.managed_only, ...categories.map(c => monthly[c[0]]), 1e-9);
    const bars = el("div", { class: "bars" });
    for (const [key, label, what] of categories) {
      const unpriced = key === "byoip_ownership" && byoipUnpriced;
      const row = el("div", { class: "bar-row" + (unpriced ? " unpriced" : "") },
        el("span", { class: "bar-label" }, label),
        el("span", { class: "bar-track" }, el("span", { class: "bar", style: "width:" + (unpriced ? 100 : 100 * monthly[key] / top) + "%" })),
        el("span", { class: "bar-value" }, unpriced ? "unpriced" : usd(monthly[key])),
        el("span", { class: "bar-what" }, unpriced ? "set pricing.byoip_price_per_address to price it" : what));
      row.setAttribute("data-category", key);
      bars.appendChild(row);
    }
    bars.appendChild(el("div", { class: "bar-row total" }, el("span", { class: "bar-label" }, "Total"),
      el("span", { class: "bar-track" }, el("span", { class: "bar", style: "width:" + 100 * monthly.total / top + "%" })),
      el("span", { class: "bar-value" }, usd(monthly.total)), el("span", { class: "bar-what" }, byoipUnpriced ? "without BYOIP ownership" : "")));
    bars.appendChild(el("div", { class: "bar-row counterfactual" }, el("span", { class: "bar-label" }, "All AWS-managed"),
      el("span", { class: "bar-track" }, el("span", { class: "bar", style: "width:" + 100 * monthly.managed_only / top + "%" })),
      el("span", { class: "bar-value" }, usd(monthly.managed_only)), el("span", { class: "bar-what" }, "every load-balancer address-hour at the public IPv4 rate")));
    s.appendChild(bars);
    if (report.charges)
      s.appendChild(el("p", { class: "note" }, "Per pool and consumer: " + report.charges.file + " (" + report.charges.lines + " lines, FOCUS columns)."));
  }

  // ---- the distribution ----
  if (dist) {
    const s = section("Across " + scenario.replications + " replications",
      "Each row: the mean, median (p50), p95, p99 and range over the replications; P(breach) with its 95% Wilson interval.");
    const table = el("table", {}, el("thead", {}, el("tr", {}, ...["figure", "mean", "p50", "p95", "p99", "min", "max"].map(h => el("th", {}, h)))));
    const body = el("tbody", {});
    const row = (label, d, fmt) => body.appendChild(el("tr", {}, el("td", {}, label),
      ...["mean", "p50", "p95", "p99", "min", "max"].map(k => el("td", {}, d && d[k] !== undefined ? fmt(d[k]) : "-"))));
    row("IPv4 cost per month", dist.cost.monthly.total, usd);
    row("breach episodes", dist.allowlist.breach_episodes, x => num(x, 2));
    row("time outside the allowlist", dist.allowlist.breach_seconds, duration);
    dist.pools.forEach(p => row(p.id + ": peak addresses in use", p.peak_in_use, x => num(x, 1)));
    dist.load_balancers.forEach(lb => row(lb.id + ": peak AWS-managed addresses", lb.addresses.peak_managed, x => num(x, 2)));
    table.appendChild(body);
    s.appendChild(table);
    const probabilities = el("div", { class: "bars" });
    dist.load_balancers.forEach(lb => {
      const p = lb.breach_probability;
      if (!p) return;
      probabilities.appendChild(el("div", { class: "bar-row" }, el("span", { class: "bar-label" }, lb.id + ": P(breach)"),
        el("span", { class: "bar-track" },
          el("span", { class: "interval", style: "left:" + 100 * p.low + "%;width:" + Math.max(0.5, 100 * (p.high - p.low)) + "%" }),
          el("span", { class: "point", style: "left:" + 100 * p.estimate + "%" })),
        el("span", { class: "bar-value" }, pct(p.estimate)),
        el("span", { class: "bar-what" }, "95% interval " + pct(p.low) + " to " + pct(p.high))));
    });
    s.appendChild(probabilities);
  }

  // ---- provenance ----
  {
    const s = section("Where the numbers come from");
    const list = el("ul", {});
    list.appendChild(el("li", {}, "Figures: report.json (schema " + report.schema + "), written by albsim " + report.albsim_version + "; this page by albsim " + data.albsim_version + "."));
    list.appendChild(el("li", {}, "Charts: " + chart.file + (chart.exact ? " (every change of replication 0)" : " (samples of replication 0)") + ", " + chart.t_s.length + " columns."));
    list.appendChild(el("li", {}, "Pricing: public IPv4 " + rate(pricing.public_ipv4_per_ip_hour) + "/IP-hour, Amazon blocks " + rate(pricing.amazon_block_per_ip_hour) +
      "/IP-hour, IPAM " + pricing.ipam_tier + ", BYOIP " + (pricing.byoip_price_per_address > 0 ? usd(pricing.byoip_price_per_address) + " per address over " + pricing.byoip_amortize_months + " months" : "unpriced") + "."));
    s.appendChild(list);
    if (report.inputs.length) {
      for (const input of report.inputs) {
        const table = el("table", { class: "input" });
        for (const [k, v] of Object.entries(input))
          table.appendChild(el("tr", {}, el("th", {}, k), el("td", {},
            typeof v === "object" && v !== null ? JSON.stringify(v) : typeof v === "number" ? num(v, 4) : String(v))));
        s.appendChild(table);
      }
    } else {
      s.appendChild(el("p", { class: "note" }, "No input file: demand comes from the scenario's own profiles."));
    }
    if (report.warnings.length) {
      const w = el("ul", { class: "warnings" });
      for (const text of report.warnings) w.appendChild(el("li", {}, text));
      s.appendChild(el("h3", {}, "Warnings"));
      s.appendChild(w);
    }
  }
})();
