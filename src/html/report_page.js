// albsim's HTML pages: draws the page from the data the program inlined (#albsim-data):
// a run's { kind: "run", albsim_version, report (report.json as written), chart (time columns
// of min/max) } or a plan's { kind: "plan", albsim_version, plan (plan.json as written) }.
// Every text from the data goes in through textContent, never as markup. Each headline figure
// carries data-figure (its JSON pointer in report.json or plan.json) and data-value (the
// number), which the browser test compares with the file. window.albsimFirstChartMs: when the
// first chart drew.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("albsim-data").textContent);
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

  if (data.kind === "plan") {
    drawPlan(data.plan);
    return;
  }
  if (data.kind === "calibration") {
    drawCalibration(data.calibration, data.chart);
    return;
  }
  const report = data.report;
  const chart = data.chart;
  const scenario = report.scenario;
  const startMs = scenario.start ? Date.parse(scenario.start) : null;

  // ---- the header ----
  const pricing = scenario.pricing;
  root.appendChild(el("h1", {}, "albsim report: ", scenario.name || "unnamed scenario"));
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
    : "From the samples of " + chart.file + " every " + duration(chart.sample_s) + ", as the highest and lowest per column of " + duration(chart.width_s) + ": a peak shorter than a sample step may not show" +
      (report.source === "observed" ? " (an observation has only its samples)" : " (run with --html for every change)") + ". Drag to zoom, double-click to reset.";
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

  const observed = report.source === "observed";
  if (observed) {
    const o = report.observation;
    const s = section("What was observed",
      o.kind + ": " + o.files + " file" + (o.files === 1 ? "" : "s") + ", " + o.records + " records (" + o.ignored_records +
      " ignored, " + o.unattributed_records + " not attributed to a load balancer)" +
      (o.sampling_s ? ", every " + duration(o.sampling_s) : "") + ". No demand is observed: the charts show the addresses held and in DNS.");
    const hides = el("ul", { class: "warnings" });
    for (const text of o.hides) hides.appendChild(el("li", {}, text));
    s.appendChild(el("h3", {}, "What this source cannot see"));
    s.appendChild(hides);
  }
  // Whether any column of `name` holds a value (an observation may not know the AZs).
  const known = name => { const s = seriesOf(name); return !!s && s.high.some(v => v !== null); };
  report.load_balancers.forEach(lb => {
    const s = section((observed ? "Observed: " : "Headroom: ") + lb.id, chartNote + (lb.allowlist ? "" : " No pool and no allowlist: nothing to breach."));
    const prefix = "lb:" + lb.id + ":";
    const breachNote = lb.allowlist && lb.allowlist.breach_episodes > 0 ? " Red: a node in DNS had an address outside the allowlist." : "";
    if (breachNote) s.appendChild(el("p", { class: "note" }, breachNote));
    if (observed)
      envelopeChart(s, "Addresses held and in DNS", "addresses", [
        { name: prefix + "pool_addresses", label: "held from the pool", color: "#1f77b4", stepped: true },
        { name: prefix + "managed_addresses", label: "AWS-managed", color: "#ff7f0e", stepped: true },
        { name: prefix + "exposed_nodes", label: "in DNS", color: "#2ca02c", stepped: true, dash: [5, 3] },
      ], { draw: [shadeWhere(prefix + "outside_nodes", "rgba(214,39,40,0.25)")] });
    else
      envelopeChart(s, "Demand against capacity (LCU)", "LCU", [
        { name: prefix + "capacity_lcu", label: "capacity (nodes in DNS x node capacity)", color: "#2ca02c", band: true, stepped: true },
        { name: prefix + "demand_lcu", label: "demand", color: "#1f77b4", band: true },
      ], { draw: [shadeWhere(prefix + "outside_nodes", "rgba(214,39,40,0.25)")] });
    if (!(lb.azs || []).some(az => known(prefix + "az:" + az + ":nodes"))) {
      s.appendChild(el("p", { class: "note" }, "Nodes per AZ: not known to this source."));
      return;
    }
    envelopeChart(s, "Nodes per AZ", "nodes", (lb.azs || []).map((az, i) => (
      { name: prefix + "az:" + az + ":nodes", label: az, color: palette[i % palette.length], stepped: true,
        width: 1 + 1.5 * (lb.azs.length - 1 - i) })),  // wider below, so equal counts all show
      { height: 180 });
  });

  if (data.comparison) drawComparison(data.comparison);

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

  // ---- run --compare-observed: the observation against the run seen through its source ----
  function drawComparison(comparison) {
    if (comparison.missing) {
      section("Observed against simulated", "The observation this run was compared with is no longer in " + comparison.missing + ": its chart is left out.");
      return;
    }
    const kind = comparison.observation.kind;
    const s = section("Observed against simulated, through " + kind + "'s eyes",
      "What " + kind + " recorded, and the run as " + kind + " would have recorded it (seen_as_observed.csv), over hours from each window's start.");
    const expandAll = c => { for (const v of Object.values(c.series)) { v.high = expand(v.high); } return c; };
    const recorded = expandAll(comparison.observed), seen = expandAll(comparison.seen);
    // One x for both: the union of their columns' hours, each series null where it has none.
    const hours = [...new Set(recorded.t_s.concat(seen.t_s))].sort((a, b) => a - b);
    const align = (c, name) => {
      const at = new Map(c.t_s.map((t, i) => [t, c.series[name] ? c.series[name].high[i] : null]));
      return hours.map(t => at.has(t) ? at.get(t) : null);
    };
    const runIds = new Set(report.load_balancers.map(lb => lb.id));
    comparison.load_balancers.filter(lb => runIds.has(lb.id)).forEach(lb => {
      const key = "lb:" + lb.id + ":";
      const box = el("div", { class: "chart" });
      s.appendChild(el("h3", {}, lb.id));
      s.appendChild(box);
      const line = (label, color, dash) => ({ label, stroke: color, width: 1.5, dash, spanGaps: true, paths: uPlot.paths.stepped({ align: 1 }) });
      const columns = [hours.map(t => t / 3600),
        align(recorded, key + "pool_addresses"), align(recorded, key + "exposed_nodes"),
        align(seen, key + "pool_addresses"), align(seen, key + "exposed_nodes")];
      later(box, 240, () => new uPlot({
        width: width(), height: 240, scales: { x: { time: false } },
        series: [{ label: "hours" }, line("observed: held from the pool", "#333"), line("observed: in DNS", "#333", [5, 3]),
                 line("simulated, seen as observed: held", "#ff7f0e"), line("simulated, seen as observed: in DNS", "#ff7f0e", [5, 3])],
        axes: [{ label: "hours from each window's start" }, { label: "addresses" }],
        hooks: { draw: [markFirstChart] },
      }, columns, box));
    });
  }

  // ---- a calibration: calibration.json and calibration_nodes.csv ----
  function drawCalibration(cal, nodes) {
    const o = cal.observation;
    root.appendChild(el("h1", {}, "albsim calibrate: ", cal.load_balancer));
    root.appendChild(el("p", { class: "sub" }, "Fitted to " + o.kind + " (" + o.files + " file" + (o.files === 1 ? "" : "s") +
      ", " + o.counts + (o.step_s ? ", every " + duration(o.step_s) : "") + ") from " + cal.window.from + " to " + cal.window.to +
      ", scenario " + cal.scenario + ". albsim " + data.albsim_version + "."));
    const headline = el("div", { class: "headline" });
    root.appendChild(headline);
    const labels = { node_capacity_lcu: "Node capacity", launch_delay: "Launch delay", scale_in_cooldown: "Scale-in cooldown", replacement: "Replacement age" };
    const show = (v, unit) => v === null ? "-" : unit === "s" ? duration(v) : num(v, 2) + " " + unit;
    for (const [key, v] of Object.entries(cal.values)) {
      headline.appendChild(el("div", { class: "card " + (v.identified ? "good" : "") }, el("h3", {}, labels[key] || key),
        el("div", { class: "big" }, v.value === null ? "not identified" : figure("/values/" + key + "/value", v.value, show(v.value, v.unit))),
        el("div", { class: "detail" }, "95% interval " + show(v.low, v.unit) + " to " + (v.high === null ? "unbounded" : show(v.high, v.unit)) +
          (v.kind ? " (" + v.kind + ")" : "") + ". ", v.method)));
    }
    const s = section("Observed against calibrated node counts",
      "The counts " + o.kind + " records (" + o.counts + "), and the calibrated simulation seen the same way, per AZ where the source knows AZs.");
    const x = nodes.t_s.map(t => Date.parse(cal.window.from) / 1000 + t);
    const names = Object.keys(nodes.series);
    const observedNames = names.filter(n => n.startsWith("observed_"));
    observedNames.forEach(name => {
      const part = name.slice("observed_".length);
      const box = el("div", { class: "chart" });
      s.appendChild(el("h3", {}, part));
      s.appendChild(box);
      const simulated = nodes.series["simulated_" + part];
      const series = [{ label: "UTC", value: (u, v) => v === null ? "--" : new Date(v * 1000).toISOString().slice(0, 19).replace("T", " ") },
        { label: "observed", stroke: "#333", width: 1.5, paths: uPlot.paths.stepped({ align: 1 }) },
        { label: "calibrated, seen as observed", stroke: "#ff7f0e", width: 1.5, dash: [5, 3], paths: uPlot.paths.stepped({ align: 1 }) }];
      new uPlot({
        width: Math.max(480, Math.min(1180, root.clientWidth - 8)), height: 220,
        series, scales: { x: { time: true } }, axes: [{ label: "UTC", values: timeLabels, space: 80, size: 56 }, { label: "nodes" }],
        tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
        hooks: { draw: [markFirstChart] },
      }, [x, expand(nodes.series[name].high), simulated ? expand(simulated.high) : x.map(() => null)], box);
    });
    const f = cal.fit;
    const fit = section("The fit");
    const table = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "figure"), el("th", {}, "observed"), el("th", {}, "calibrated"))));
    const body = el("tbody", {});
    for (const [key, label] of [["node_hours", "node-hours"], ["peak", "peak nodes"], ["nodes_added", "nodes added"], ["new_addresses", "new addresses"]])
      if (f[key]) body.appendChild(el("tr", {}, el("td", {}, label), el("td", {}, num(f[key].observed, 2)), el("td", {}, num(f[key].simulated, 2))));
    table.appendChild(body);
    fit.appendChild(table);
    fit.appendChild(el("p", { class: "note" }, "RMS difference in nodes: " + Object.entries(f.rms_nodes).map(([k, v]) => k + " " + num(v, 3)).join(", ") +
      "; " + f.samples + " samples, " + f.simulations + " simulations."));
    if (cal.set.length) {
      fit.appendChild(el("h3", {}, "To run the scenario with these values"));
      const list = el("ul", {});
      for (const line of cal.set) list.appendChild(el("li", {}, "--set " + line));
      fit.appendChild(list);
    }
  }

  // ---- a plan: plan.json ----
  function drawPlan(plan) {
    root.appendChild(el("h1", {}, "albsim plan: ", plan.scenario));
    root.appendChild(el("p", { class: "sub" },
      "Pool " + plan.pool + " for " + plan.load_balancers.join(", ") + " in " + plan.region + ", " +
      num(plan.horizon_hours, 1) + " hours simulated per run (" + plan.monthly_basis + "), " +
      plan.method + ", at most " + plan.replications_per_candidate_at_most + " runs per candidate. " +
      "Targets: P(breach) at most " + pct(plan.targets.max_breach_probability) + ", in the allowlist at least " +
      num(100 * plan.targets.min_in_allowlist, 4) + "%" +
      (plan.targets.max_breach_minutes_per_month !== undefined ? ", breach minutes per month at most " + plan.targets.max_breach_minutes_per_month : "") +
      ". " + plan.rule + "."));
    const headline = el("div", { class: "headline" });
    root.appendChild(headline);
    const index = plan.candidates.findIndex(c => c.name === plan.recommendation);
    const chosen = index >= 0 ? plan.candidates[index] : null;
    const recommendationCard = el("div", { class: "card " + (chosen ? "good" : "bad") }, el("h3", {}, "Recommendation"),
      el("div", { class: "big" }, chosen ? chosen.name : "none meets every target"));
    if (chosen) {
      recommendationCard.appendChild(el("div", { class: "detail" }, (chosen.cidrs || []).join(", ") + " (" + chosen.addresses + " addresses): ",
        figure("/candidates/" + index + "/cost_per_month/total", chosen.cost_per_month.total, usd(chosen.cost_per_month.total)),
        " per month, P(breach) ",
        figure("/candidates/" + index + "/breach_probability/estimate", chosen.breach_probability.estimate, pct(chosen.breach_probability.estimate)),
        " (95% interval " + pct(chosen.breach_probability.low) + " to " + pct(chosen.breach_probability.high) + ")"));
    }
    if (plan.recommendation_caveat)
      recommendationCard.appendChild(el("div", { class: "detail warn" }, plan.recommendation_caveat));
    headline.appendChild(recommendationCard);
    const managed = plan.candidates.findIndex(c => c.kind === "managed_only");
    if (managed >= 0 && plan.candidates[managed].cost_per_month) {
      const m = plan.candidates[managed];
      headline.appendChild(el("div", { class: "card" }, el("h3", {}, "Without a pool"),
        el("div", { class: "big" }, figure("/candidates/" + managed + "/cost_per_month/total", m.cost_per_month.total, usd(m.cost_per_month.total)), " per month"),
        el("div", { class: "detail" }, "AWS-managed addresses only: " + m.verdict + (m.reasons.length ? " (" + m.reasons.join("; ") + ")" : ""))));
    }

    // Cost against P(breach), each candidate with its interval; the target as a line.
    const s = section("Candidates: cost against P(breach)",
      "Each point a candidate: its monthly IPv4 cost and P(breach) over the horizon with the 95% interval; red dashed: the target. The recommendation is ringed.");
    s.appendChild(scatter(plan));
    markFirstChart();
    const table = el("table", {}, el("thead", {}, el("tr", {}, ...["candidate", "addresses", "verdict", "runs", "P(breach) [95%]", "breach min/month", "in allowlist", "USD/month", "why not"].map(h => el("th", {}, h)))));
    const body = el("tbody", {});
    plan.candidates.forEach(c => {
      const p = c.breach_probability;
      body.appendChild(el("tr", { class: c.name === plan.recommendation ? "chosen" : "" },
        el("td", {}, c.name), el("td", {}, String(c.addresses === undefined ? "-" : c.addresses)), el("td", {}, c.verdict),
        el("td", {}, String(c.replications === undefined ? "-" : c.replications) + (c.stopped_early ? " (stopped early)" : "")),
        el("td", {}, p ? num(p.estimate, 3) + " [" + num(p.low, 3) + ", " + num(p.high, 3) + "]" : "-"),
        el("td", {}, c.breach_minutes_per_month ? num(c.breach_minutes_per_month.estimate, 1) : "-"),
        el("td", {}, c.in_allowlist ? num(c.in_allowlist.estimate, 6) : "-"),
        el("td", {}, c.cost_per_month ? usd(c.cost_per_month.total) : "-"),
        el("td", { class: "reasons" }, (c.reasons || []).join("; "))));
    });
    table.appendChild(body);
    s.appendChild(table);

    if (plan.alternatives.length) {
      const a = section("Alternatives with static addresses", "Priced with the assumptions below; not simulated.");
      const t = el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "alternative"), el("th", {}, "addresses"), el("th", {}, "USD/month"))));
      const b = el("tbody", {});
      plan.alternatives.forEach(alt => b.appendChild(el("tr", {}, el("td", {}, alt.name), el("td", {}, String(alt.addresses)), el("td", {}, usd(alt.cost_per_month.total)))));
      t.appendChild(b);
      a.appendChild(t);
    }
    if (plan.break_even.length) {
      const b = section("Break-even");
      const list = el("ul", {});
      plan.break_even.forEach(e => list.appendChild(el("li", {}, typeof e === "string" ? e : JSON.stringify(e))));
      b.appendChild(list);
    }
    const p = section("Where the numbers come from");
    const list = el("ul", {});
    list.appendChild(el("li", {}, "Figures: plan.json (schema " + plan.schema + "); this page by albsim " + data.albsim_version + "."));
    list.appendChild(el("li", {}, "Pricing: public IPv4 " + rate(plan.pricing.public_ipv4_per_ip_hour) + "/IP-hour, Amazon blocks " + rate(plan.pricing.amazon_block_per_ip_hour) +
      "/IP-hour, IPAM " + plan.pricing.ipam_tier + ", BYOIP " + (plan.pricing.byoip_price_per_address > 0 ? usd(plan.pricing.byoip_price_per_address) + " per address" : "unpriced") + "."));
    list.appendChild(el("li", {}, "Assumptions: " + Object.entries(plan.assumptions).map(([k, v]) => k + " " + v).join(", ") + "."));
    if (plan.screen_not_applicable) list.appendChild(el("li", {}, "Markov screen not used: " + plan.screen_not_applicable + "."));
    for (const input of plan.inputs) list.appendChild(el("li", {}, "Input: " + JSON.stringify(input)));
    for (const note of plan.notes) list.appendChild(el("li", {}, note));
    for (const warning of plan.warnings) list.appendChild(el("li", { class: "warn" }, warning));
    p.appendChild(list);
  }

  // An SVG scatter of monthly cost (x) against P(breach) (y) with interval bars.
  function scatter(plan) {
    const ns = "http://www.w3.org/2000/svg";
    const svgEl = (tag, attrs, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const points = plan.candidates.filter(c => c.cost_per_month && c.breach_probability);
    const w = 900, h = 340, left = 60, right = 180, top = 14, bottom = 44;
    const maxCost = Math.max(1, ...points.map(c => c.cost_per_month.total)) * 1.05;
    const X = v => left + (w - left - right) * v / maxCost;
    const Y = v => top + (h - top - bottom) * (1 - v);
    const svg = svgEl("svg", { viewBox: "0 0 " + w + " " + h, width: "100%", role: "img" });
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      svg.appendChild(svgEl("line", { x1: left, x2: w - right, y1: Y(v), y2: Y(v), stroke: "#eee" }));
      svg.appendChild(svgEl("text", { x: left - 6, y: Y(v) + 4, "text-anchor": "end", "font-size": 11 }, pct(v)));
    }
    for (let i = 0; i <= 4; i++) {
      const v = maxCost * i / 4;
      svg.appendChild(svgEl("text", { x: X(v), y: h - bottom + 16, "text-anchor": "middle", "font-size": 11 }, usd(v)));
    }
    svg.appendChild(svgEl("text", { x: (left + w - right) / 2, y: h - 6, "text-anchor": "middle", "font-size": 12 }, "USD per month"));
    svg.appendChild(svgEl("text", { x: 12, y: top + (h - top - bottom) / 2, "font-size": 12, transform: "rotate(-90 12 " + (top + (h - top - bottom) / 2) + ")", "text-anchor": "middle" }, "P(breach)"));
    svg.appendChild(svgEl("line", { x1: left, x2: w - right, y1: Y(plan.targets.max_breach_probability), y2: Y(plan.targets.max_breach_probability), stroke: "#d62728", "stroke-dasharray": "6 4" }));
    const colors = { byoip: "#1f77b4", amazon: "#ff7f0e", managed_only: "#7f7f7f" };
    // Candidates at the same point share one label ("BYOIP /24, BYOIP /25, ...").
    const labelsAt = new Map();
    points.forEach(c => {
      const key = c.cost_per_month.total.toFixed(2) + "|" + c.breach_probability.estimate.toFixed(4);
      labelsAt.set(key, (labelsAt.get(key) || []).concat([c.name]));
    });
    let labelled = 0;
    points.forEach(c => {
      const color = colors[c.kind] || "#2ca02c";
      const x = X(c.cost_per_month.total), p = c.breach_probability;
      svg.appendChild(svgEl("line", { x1: x, x2: x, y1: Y(p.low), y2: Y(p.high), stroke: color, "stroke-width": 2 }));
      svg.appendChild(svgEl("circle", { cx: x, cy: Y(p.estimate), r: c.name === plan.recommendation ? 7 : 4, fill: c.verdict === "meets" ? color : "white", stroke: color, "stroke-width": 2 }));
      const key = c.cost_per_month.total.toFixed(2) + "|" + p.estimate.toFixed(4);
      const names = labelsAt.get(key);
      if (names[0] !== c.name) return;  // labelled with the first at this point
      const shift = 12 * (labelled++ % 3);  // near the top, labels go below their point
      const y = p.estimate > 0.8 ? Y(p.estimate) + 16 + shift : Y(p.estimate) - 6 - shift;
      svg.appendChild(svgEl("text", { x: x + 8, y, "font-size": 10, fill: "#444" }, names.join(", ")));
    });
    [["BYOIP", "#1f77b4"], ["Amazon blocks", "#ff7f0e"], ["managed only", "#7f7f7f"], ["filled: meets the targets", "#333"]].forEach(([label, color], i) => {
      svg.appendChild(svgEl("circle", { cx: w - right + 20, cy: top + 10 + 18 * i, r: 4, fill: color }));
      svg.appendChild(svgEl("text", { x: w - right + 30, y: top + 14 + 18 * i, "font-size": 11 }, label));
    });
    return el("div", { class: "chart" }, svg);
  }
})();
