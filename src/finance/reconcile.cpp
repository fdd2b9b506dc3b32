#include "finance/reconcile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"

namespace albsim {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t day_of(std::int64_t ms) {
  return ms - (((ms % kDayMs) + kDayMs) % kDayMs);
}

std::optional<BillUsage> usage_of(ChargeKind kind) {
  switch (kind) {
    case ChargeKind::in_use_address:
      return BillUsage::in_use_address;
    case ChargeKind::contiguous_block:
      return BillUsage::contiguous_block;
    case ChargeKind::ipam_ip_hours:
      return BillUsage::ipam_ip_hours;
    case ChargeKind::byoip_ownership:
      return std::nullopt;  // not on AWS's bill
  }
  return std::nullopt;
}

// `id` names `name` itself, or an ARN ending in it ("...:ipam-pool/ipam-pool-0abc") or
// naming it as an ALB does ("...:loadbalancer/app/<name>/<hash>").
bool names(const std::string& id, const std::string& name) {
  if (id == name) return true;
  if (id.size() > name.size() && id.compare(id.size() - name.size(), name.size(), name) == 0 &&
      id[id.size() - name.size() - 1] == '/')
    return true;
  return id.find("loadbalancer/app/" + name + "/") != std::string::npos;
}

// The scenario's load balancer or pool a bill's resource id names; empty when none.
std::string match(const Scenario& scenario, BillUsage usage, const std::string& id) {
  if (id.empty()) return {};
  if (usage == BillUsage::in_use_address) {
    for (const LoadBalancerSpec& lb : scenario.load_balancers)
      if (names(id, lb.id)) return lb.id;
    return {};
  }
  if (usage != BillUsage::contiguous_block && usage != BillUsage::ipam_ip_hours) return {};
  for (const PoolSpec& pool : scenario.pools)
    if (names(id, pool.id)) return pool.id;
  // An address or CIDR inside a pool: the most specific pool (IPAM), its top-level one (blocks).
  const std::string text = id.find('/') == std::string::npos ? id + "/32" : id;
  const std::optional<Cidr> cidr = parse_cidr(text).cidr;
  if (!cidr) return {};
  std::optional<std::size_t> best;
  int best_length = -1;
  for (std::size_t i = 0; i < scenario.pools.size(); ++i)
    for (const Cidr& c : scenario.pools[i].cidrs)
      if (c.contains(*cidr) && c.length > best_length) {
        best = i;
        best_length = c.length;
      }
  if (!best) return {};
  if (usage == BillUsage::contiguous_block)
    while (scenario.pools[*best].parent) best = scenario.pools[*best].parent;
  return scenario.pools[*best].id;
}

std::string percent(double billed, double simulated) {
  if (simulated == 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%+.1f%%", (billed / simulated - 1) * 100);
  return text;
}

bool matches(const ReconcileFigures& f) {
  const double scale = std::max(std::abs(f.billed_cost), std::abs(f.simulated_cost));
  return std::abs(f.difference()) <= 0.005 || std::abs(f.difference()) <= 0.001 * scale;
}

std::string cause_of(const ReconcileRow& row, double window_hours) {
  const ReconcileFigures& f = row.figures;
  if (row.usage == BillUsage::idle_address)
    return "idle addresses: Elastic IPs allocated and not associated; the scenario holds none";
  if (row.usage == BillUsage::other_ipv4)
    return "a public IPv4 usage type albsim does not simulate";
  if (row.matched.empty())
    return row.resource.empty()
               ? "lines without a resource id: export with resource IDs included to see whose"
               : "a resource the scenario does not know (another service's address, or a load "
                 "balancer or pool missing from the scenario)";
  if (matches(f)) return "matches";
  if (f.billed_quantity == 0 && f.billed_cost == 0)
    return "simulated, not billed: the bill has no line of it in the window (another account, "
           "or not created yet)";
  const std::string change = percent(f.billed_quantity, f.simulated_quantity);
  switch (row.usage) {
    case BillUsage::contiguous_block: {
      char text[200];
      std::snprintf(text, sizeof text,
                    "a block billed whole: the bill has %.1f addresses per hour, the scenario's "
                    "block %.1f",
                    f.billed_quantity / window_hours, f.simulated_quantity / window_hours);
      return text;
    }
    case BillUsage::in_use_address:
      return change + " address-hours billed: the load balancer held " +
             (f.billed_quantity > f.simulated_quantity ? "more" : "fewer") +
             " AWS-managed addresses than simulated (node count, release timing, or addresses "
             "its pool could not give)";
    case BillUsage::ipam_ip_hours:
      return change +
             " IPAM IP-hours: IPAM counts every active address of the pool; the "
             "scenario, its load balancers' and reservations'";
    default:
      return change;
  }
}

}  // namespace

Reconciliation reconcile(const Scenario& scenario, const Bill& bill,
                         std::optional<std::int64_t> from_ms, std::optional<std::int64_t> to_ms) {
  Reconciliation r;
  // The lines of the scenario's Region (or of none named): a CUR export holds every Region's.
  std::vector<const BillLine*> lines;
  for (const BillLine& l : bill.lines) {
    const std::string& region = bill.regions[l.region];
    if (region.empty() || region == scenario.region)
      lines.push_back(&l);
    else
      ++r.other_regions;
  }
  if (lines.empty()) {
    std::string regions;
    for (const std::string& region : bill.regions)
      if (!region.empty()) regions += (regions.empty() ? "" : ", ") + region;
    throw InputError(bill.files.front(), "",
                     "the bill's public IPv4 and IPAM lines are in " + regions +
                         ", none in the scenario's region " + scenario.region +
                         ": reconcile each Region's lines with its own scenario");
  }
  std::int64_t first = lines.front()->start_ms, last = lines.front()->end_ms;
  for (const BillLine* l : lines) {
    first = std::min(first, l->start_ms);
    last = std::max(last, l->end_ms);
  }
  r.from_ms = from_ms.value_or(first);
  r.to_ms = to_ms.value_or(last);
  if (r.to_ms <= r.from_ms)
    throw InputError("--to", "", "the window ends before it starts: give --from before --to");
  r.billed = {first, last};
  check_window_margin(bill.files.front(), "the bill", r.billed, {r.from_ms, r.to_ms});

  Scenario run_scenario = scenario;
  const std::string window = format_iso8601_utc(r.from_ms) + " to " + format_iso8601_utc(r.to_ms);
  if (scenario.start_epoch_ms) {
    const std::int64_t start = *scenario.start_epoch_ms;
    const std::int64_t end = start + scenario.horizon.ms();
    if (r.from_ms < start || r.to_ms > end)
      throw InputError(scenario.file, "/start",
                       "the bill's window " + window + " is not inside the scenario's run " +
                           format_iso8601_utc(start) + " to " + format_iso8601_utc(end) +
                           ": give /start and /horizon that cover it, or --from and --to inside "
                           "the run");
    r.run_note = "the scenario's run, " + format_iso8601_utc(start) + " to " +
                 format_iso8601_utc(end) + ", compared over the bill's window";
  } else {
    if (scenario.horizon.ms() < r.to_ms - r.from_ms)
      throw InputError(scenario.file, "/horizon",
                       "the bill's window " + window + " (" +
                           format_duration(SimTime::from_ms(r.to_ms - r.from_ms)) +
                           ") is longer than the scenario's horizon (" +
                           format_duration(scenario.horizon) +
                           "); give a /horizon at least as long, or a shorter --from..--to");
    run_scenario.start_epoch_ms = r.from_ms;
    r.run_note = "the scenario has no start: run from the bill's first hour, " +
                 format_iso8601_utc(r.from_ms);
  }
  const ChargedRun run = simulate_charged(run_scenario);
  const double window_hours = static_cast<double>(r.to_ms - r.from_ms) / 3.6e6;

  std::map<std::pair<BillUsage, std::string>, ReconcileRow> rows;
  std::map<std::pair<std::int64_t, BillUsage>, ReconcileFigures> days;
  const auto row = [&](BillUsage usage, const std::string& resource,
                       const std::string& matched) -> ReconcileRow& {
    ReconcileRow& x = rows[{usage, matched.empty() ? resource : matched}];
    x.usage = usage;
    x.resource = matched.empty() ? resource : matched;
    x.matched = matched;
    return x;
  };
  for (const ChargeLine& line : run.charges) {
    const std::optional<BillUsage> usage = usage_of(line.kind);
    const std::int64_t from = std::max(line.start_ms, r.from_ms);
    const std::int64_t to = std::min(line.end_ms, r.to_ms);
    if (!usage || to <= from) continue;
    const double share =
        static_cast<double>(to - from) / static_cast<double>(line.end_ms - line.start_ms);
    ReconcileFigures& f = row(*usage, line.resource_id, line.resource_id).figures;
    f.simulated_quantity += line.quantity * share;
    f.simulated_cost += line.cost * share;
    ReconcileFigures& d = days[{day_of(line.start_ms), *usage}];
    d.simulated_quantity += line.quantity * share;
    d.simulated_cost += line.cost * share;
  }
  std::map<std::pair<BillUsage, std::uint32_t>, std::string> matched;
  for (const BillLine* line : lines) {
    const BillLine& l = *line;
    if (l.start_ms < r.from_ms || l.start_ms >= r.to_ms) continue;
    ++r.bill_lines;
    const auto key = std::make_pair(l.usage, l.resource);
    auto it = matched.find(key);
    if (it == matched.end())
      it = matched.emplace(key, match(scenario, l.usage, bill.resources[l.resource])).first;
    ReconcileFigures& f = row(l.usage, bill.resources[l.resource], it->second).figures;
    f.billed_quantity += l.quantity;
    f.billed_cost += l.cost;
    // A line over several days (a daily or monthly export) is spread over them pro rata.
    const auto length = static_cast<double>(l.end_ms - l.start_ms);
    for (std::int64_t day = day_of(l.start_ms); day < l.end_ms; day += kDayMs) {
      const double share =
          static_cast<double>(std::min(l.end_ms, day + kDayMs) - std::max(l.start_ms, day)) /
          length;
      ReconcileFigures& d = days[{day, l.usage}];
      d.billed_quantity += l.quantity * share;
      d.billed_cost += l.cost * share;
    }
  }

  std::map<BillUsage, ReconcileRow> usages;
  for (auto& [key, x] : rows) {
    x.cause = cause_of(x, window_hours);
    ReconcileRow& u = usages[x.usage];
    u.usage = x.usage;
    u.figures.billed_quantity += x.figures.billed_quantity;
    u.figures.billed_cost += x.figures.billed_cost;
    u.figures.simulated_quantity += x.figures.simulated_quantity;
    u.figures.simulated_cost += x.figures.simulated_cost;
    r.by_resource.push_back(x);
  }
  for (auto& [usage, u] : usages) {
    u.cause = matches(u.figures) ? "matches"
              : u.figures.simulated_cost == 0
                  ? "billed, not simulated; the rows by resource say why"
                  : percent(u.figures.billed_cost, u.figures.simulated_cost) +
                        " in dollars; the rows by resource say where";
    r.total.billed_quantity += u.figures.billed_quantity;
    r.total.billed_cost += u.figures.billed_cost;
    r.total.simulated_quantity += u.figures.simulated_quantity;
    r.total.simulated_cost += u.figures.simulated_cost;
    r.by_usage.push_back(u);
  }
  for (const auto& [key, f] : days) r.by_day.push_back({key.first, key.second, f});
  return r;
}

}  // namespace albsim
