// Charge lines from a run's ledger: per UTC day, kind, resource and consumer (albsim/charges.hpp).
#include "albsim/charges.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "albsim/input_error.hpp"
#include "albsim/simulation.hpp"
#include "report/charge_ledger.hpp"
#include "report/cost.hpp"

namespace albsim {
namespace {

using Holder = ChargeLedger::Holder;
constexpr double kMsPerHour = 3.6e6;

// What each holder kept in one period, in address-milliseconds.
struct PeriodHoldings {
  std::map<std::size_t, std::int64_t> managed;                       // by load balancer
  std::map<std::pair<std::size_t, std::size_t>, std::int64_t> held;  // by (pool, load balancer)
  std::map<std::size_t, std::int64_t> reserved;                      // by pool
};

// A pool's own address-milliseconds in [from, to): its CIDRs, and `add_cidr` ones from their
// time on (as report/cost.cpp's pool_address_hours over the whole run).
std::int64_t pool_address_ms(const Scenario& scenario, std::size_t pool, SimTime from, SimTime to) {
  std::int64_t total = 0;
  for (const Cidr& cidr : scenario.pools[pool].cidrs)
    total += static_cast<std::int64_t>(cidr.size()) * (to - from).ms();
  for (const EventSpec& e : scenario.events)
    if (const auto* add = e.as<AddCidrEvent>(); add && add->pool == pool && e.at < to)
      total += static_cast<std::int64_t>(add->cidr.size()) * (to - std::max(from, e.at)).ms();
  return total;
}

bool inside(const Scenario& scenario, std::size_t pool, std::size_t ancestor) {
  for (std::optional<std::size_t> p = pool; p; p = scenario.pools[*p].parent)
    if (*p == ancestor) return true;
  return false;
}

class LineBuilder {
 public:
  LineBuilder(const Scenario& scenario, std::int64_t start_epoch_ms)
      : scenario_(scenario), start_(start_epoch_ms) {}

  void period(SimTime from, SimTime to) {
    from_ = from;
    to_ = to;
  }

  void add(ChargeKind kind, std::size_t resource_pool, std::optional<std::size_t> lb,
           std::optional<std::size_t> pool, const std::string& consumer, std::int64_t ms,
           UsdPerAddressHour price) {
    if (ms == 0) return;
    ChargeLine line;
    line.start_ms = start_ + from_.ms();
    line.end_ms = start_ + to_.ms();
    line.kind = kind;
    line.usage_type = usage_type_of(kind, scenario_.region);
    line.resource_id = kind == ChargeKind::in_use_address ? scenario_.load_balancers[*lb].id
                                                          : scenario_.pools[resource_pool].id;
    if (lb) line.load_balancer = scenario_.load_balancers[*lb].id;
    if (pool) line.pool = scenario_.pools[*pool].id;
    line.consumer = consumer;
    line.quantity = static_cast<double>(ms) / kMsPerHour;
    line.unit_price = price.value();
    line.cost = line.quantity * line.unit_price;
    lines.push_back(std::move(line));
  }

  // A pool-wide charge (`ms` for all of `owner`'s space) split among its consumers: the load
  // balancers and reservations holding addresses inside it, and the rest, unused.
  void split(ChargeKind kind, std::size_t owner, std::int64_t ms, const PeriodHoldings& h,
             UsdPerAddressHour price) {
    std::int64_t used = 0;
    for (const auto& [key, held] : h.held)
      if (inside(scenario_, key.first, owner)) {
        add(kind, owner, key.second, key.first, consumer(key.second), held, price);
        used += held;
      }
    for (const auto& [pool, held] : h.reserved)
      if (inside(scenario_, pool, owner)) {
        add(kind, owner, std::nullopt, pool, "reservations", held, price);
        used += held;
      }
    if (used > ms) throw std::logic_error("charges: a pool holds more than its addresses");
    add(kind, owner, std::nullopt, owner, "unused", ms - used, price);
  }

  std::string consumer(std::size_t lb) const {
    return "load balancer " + scenario_.load_balancers[lb].id;
  }

  std::vector<ChargeLine> lines;

 private:
  const Scenario& scenario_;
  std::int64_t start_;
  SimTime from_, to_;
};

std::vector<ChargeLine> charge_lines(const Scenario& scenario, const ChargeLedger& ledger,
                                     std::int64_t start_epoch_ms) {
  const Pricing& price = scenario.pricing;
  const std::vector<SimTime>& bounds = ledger.period_bounds();
  std::vector<PeriodHoldings> periods(bounds.size() - 1);
  for (const auto& [key, ms] : ledger.address_ms()) {
    PeriodHoldings& h = periods[key.period];
    if (key.holder == Holder::managed) h.managed[key.lb] += ms;
    if (key.holder == Holder::pool) h.held[{key.pool, key.lb}] += ms;
    if (key.holder == Holder::reserved) h.reserved[key.pool] += ms;
  }
  std::vector<std::size_t> owned = owned_byoip_pools(scenario);
  std::sort(owned.begin(), owned.end());  // lines by pool index
  const UsdPerAddressHour ownership = byoip_ownership_per_address_hour(price);

  LineBuilder out(scenario, start_epoch_ms);
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const PeriodHoldings& h = periods[p];
    out.period(bounds[p], bounds[p + 1]);
    for (const auto& [lb, ms] : h.managed)
      out.add(ChargeKind::in_use_address, 0, lb, std::nullopt, out.consumer(lb), ms,
              price.public_ipv4_per_ip_hour);
    for (std::size_t i = 0; i < scenario.pools.size(); ++i)
      if (!scenario.pools[i].parent && scenario.pools[i].source == PoolSource::amazon)
        out.split(ChargeKind::contiguous_block, i,
                  pool_address_ms(scenario, i, bounds[p], bounds[p + 1]), h,
                  price.amazon_block_per_ip_hour);
    if (price.ipam_advanced)
      for (std::size_t i = 0; i < scenario.pools.size(); ++i) {
        for (const auto& [key, ms] : h.held)
          if (key.first == i)
            out.add(ChargeKind::ipam_ip_hours, i, key.second, i, out.consumer(key.second), ms,
                    price.ipam_advanced_per_ip_hour);
        if (const auto r = h.reserved.find(i); r != h.reserved.end())
          out.add(ChargeKind::ipam_ip_hours, i, std::nullopt, i, "reservations", r->second,
                  price.ipam_advanced_per_ip_hour);
      }
    if (ownership.value() > 0)
      for (const std::size_t i : owned)
        out.split(ChargeKind::byoip_ownership, i,
                  pool_address_ms(scenario, i, bounds[p], bounds[p + 1]), h, ownership);
  }
  return std::move(out.lines);
}

}  // namespace

void check_chargeable(const Scenario& scenario, std::uint64_t replications,
                      const std::string& option) {
  if (!scenario.start_epoch_ms)
    throw InputError(scenario.file, "/start",
                     "charges are dated and the scenario has no start: give it one, like "
                     "\"start\": \"2026-11-01T00:00:00Z\"");
  // Lines a day at most: each load balancer's managed addresses, then per charged pool one
  // line per load balancer, its reservations and its unused space.
  const std::uint64_t lbs = scenario.load_balancers.size();
  std::uint64_t per_day = lbs;
  for (const PoolSpec& pool : scenario.pools) {
    if (!pool.parent && pool.source == PoolSource::amazon) per_day += lbs + 2;
    if (scenario.pricing.ipam_advanced) per_day += lbs + 1;
    if (pool.source == PoolSource::byoip &&
        byoip_ownership_per_address_hour(scenario.pricing).value() > 0)
      per_day += lbs + 2;
  }
  const auto days = static_cast<std::uint64_t>(scenario.horizon.ms() / 86'400'000 + 2);
  const std::uint64_t per_run = std::max<std::uint64_t>(1, per_day * days);
  if (per_run * replications > kMaxChargeLines)
    throw InputError(option, std::to_string(replications),
                     "--charges keeps every replication's daily charge lines for their "
                     "percentiles: up to " +
                         std::to_string(per_run) + " a run, at most " +
                         std::to_string(kMaxChargeLines) + " in all; give --replications " +
                         std::to_string(std::max<std::uint64_t>(1, kMaxChargeLines / per_run)) +
                         " or fewer, or a shorter horizon");
}

ChargedRun simulate_charged(const Scenario& scenario, const SimulationOptions& options) {
  check_chargeable(scenario);
  ChargeLedger ledger(scenario, *scenario.start_epoch_ms);
  SimulationOptions charged = options;
  charged.holding_log = &ledger;
  ChargedRun run;
  run.report = simulate(scenario, charged);
  ledger.finish();
  run.charges = charge_lines(scenario, ledger, *scenario.start_epoch_ms);
  return run;
}

}  // namespace albsim
