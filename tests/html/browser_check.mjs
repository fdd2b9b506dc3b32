// Opens each report.html or plan.html given in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core from tools/html/node_modules) and checks what a reader relies on:
//   - no console error and no uncaught exception;
//   - no request leaves the file (the page itself is the only request);
//   - the scenario's name shows as text (a name that is markup runs nothing);
//   - every headline figure (data-figure = a JSON pointer into the report.json beside the page,
//     `*` summing an array) equals report.json's (plan.json's) value, and the core figures are
//     there;
//   - the first chart draws within the time limit (ALBSIM_FIRST_CHART_MS, default 2000 ms).
// Writes a full-page screenshot of each as <screenshots>/<folder name>.png and prints one line
// per page: its size, the first chart's time, the figures checked.
// Usage: node browser_check.mjs SCREENSHOT_DIR REPORT_HTML...   Exit 1 on any failure.
import { readFileSync, statSync, mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = await import(
  pathToFileURL(join(here, "../../tools/html/node_modules/playwright-core/index.mjs")).href);

const [screenshots, ...pages] = process.argv.slice(2);
if (!screenshots || pages.length === 0) {
  console.error("usage: node browser_check.mjs SCREENSHOT_DIR REPORT_HTML...");
  process.exit(2);
}
const limitMs = Number(process.env.ALBSIM_FIRST_CHART_MS || 2000);
mkdirSync(screenshots, { recursive: true });

// The value at a JSON pointer; a `*` step sums the array's values at the rest of the pointer.
function valueAt(doc, pointer) {
  const steps = pointer.split("/").slice(1);
  const walk = (node, i) => {
    if (i === steps.length) return node;
    if (steps[i] === "*") return node.reduce((sum, item) => sum + walk(item, i + 1), 0);
    if (node === null || node === undefined || !(steps[i] in node)) return undefined;
    return walk(node[steps[i]], i + 1);
  };
  return walk(doc, 0);
}

// A run's: the bill always, the breach figures whenever some load balancer has an allowlist. A
// plan's: the recommendation's cost and P(breach) when there is one.
function requiredOf(document) {
  if (document.schema === "albsim.calibration/1") return [];
  if (document.schema === "albsim.plan/1") {
    const i = document.candidates.findIndex(c => c.name === document.recommendation);
    return i < 0 ? [] : [`/candidates/${i}/cost_per_month/total`,
                         `/candidates/${i}/breach_probability/estimate`];
  }
  return ["/cost/monthly/total"].concat(document.allowlist === null ? []
    : ["/allowlist/breach_episodes", "/allowlist/breach_seconds"]);
}
// The heading a page must show: the scenario's name, as text.
function headingOf(document) {
  if (document.schema === "albsim.calibration/1") return "albsim calibrate: " + document.load_balancer;
  return document.schema === "albsim.plan/1" ? "albsim plan: " + document.scenario
                                              : "albsim report: " + (document.scenario.name || "unnamed scenario");
}
const browser = await chromium.launch({
  executablePath: process.env.ALBSIM_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
let failures = 0;
for (const file of pages) {
  const path = resolve(file);
  const url = pathToFileURL(path).href;
  const report = JSON.parse(readFileSync(
    join(dirname(path), basename(path) === "report.html" ? "report.json" : basename(path, ".html") + ".json"),
    "utf8"));
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", m => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  page.on("pageerror", e => problems.push("uncaught: " + e.message));
  page.on("dialog", d => { problems.push("a dialog opened: " + d.message()); d.dismiss(); });
  page.on("request", r => { if (r.url() !== url) problems.push("request left the file: " + r.url()); });
  await page.goto(url, { waitUntil: "load" });
  let firstChartMs = null;
  try {
    await page.waitForFunction(() => window.albsimFirstChartMs !== undefined, null, { timeout: 10000 });
    firstChartMs = await page.evaluate(() => window.albsimFirstChartMs);
  } catch {
    problems.push("no chart drew within 10 s");
  }
  if (firstChartMs !== null && firstChartMs > limitMs)
    problems.push(`the first chart drew after ${firstChartMs.toFixed(0)} ms (limit ${limitMs} ms)`);
  const heading = await page.$eval("h1", h => h.textContent);
  if (heading !== headingOf(report))
    problems.push(`the heading reads "${heading}", not the scenario's name as text`);
  const figures = await page.$$eval("[data-figure]", nodes =>
    nodes.map(n => ({ pointer: n.dataset.figure, value: Number(n.dataset.value), text: n.textContent })));
  for (const f of figures) {
    const expected = valueAt(report, f.pointer);
    if (typeof expected !== "number" || Math.abs(expected - f.value) > 1e-9 * Math.max(1, Math.abs(expected)))
      problems.push(`${f.pointer}: the page shows ${f.value} ("${f.text}"), report.json has ${expected}`);
  }
  for (const pointer of requiredOf(report))
    if (!figures.some(f => f.pointer === pointer)) problems.push(`${pointer} is not in the headline`);
  await page.evaluate(() => window.albsimDrawAll && window.albsimDrawAll());  // charts drawn lazily
  const shot = join(screenshots, basename(dirname(path)) + "-" + basename(path, ".html") + ".png");
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  const kb = (statSync(path).size / 1024).toFixed(0);
  console.log(`${file}: ${kb} KiB, first chart ${firstChartMs === null ? "-" : firstChartMs.toFixed(0)} ms, ` +
              `${figures.length} figures checked, screenshot ${shot}`);
  for (const p of problems) console.log(`  FAIL ${p}`);
  if (problems.length) failures++;
}
await browser.close();
process.exit(failures ? 1 : 0);
