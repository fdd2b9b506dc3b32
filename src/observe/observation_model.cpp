#include "observe/observation_model.hpp"

#include <algorithm>

#include "core/random_stream.hpp"
#include "observe/dns_log.hpp"

namespace albsim {
namespace {

constexpr const char* kSimulated = "simulated";

std::int64_t to_epoch(std::int64_t run_ms, std::int64_t start_ms) {
  return run_ms == kStillHeldMs ? kStillHeldMs : start_ms + run_ms;
}

// The first multiple of `grid` at or after `t` (t itself with no grid).
std::int64_t round_up(std::int64_t t, std::int64_t grid) {
  if (grid <= 0 || t == kStillHeldMs) return t;
  const std::int64_t r = t % grid;
  return r == 0 ? t : t - r + (t >= 0 ? grid : 0);
}

// The first of `times` at or after `t`, or `end` when none is.
std::int64_t next_sample(const std::vector<std::int64_t>& times, std::int64_t t, std::int64_t end) {
  const auto it = std::lower_bound(times.begin(), times.end(), t);
  return it == times.end() ? end : std::min(*it, end);
}

bool watched(const SimulatedAddress& a, std::optional<std::size_t> lb) {
  return !lb || a.lb == *lb;
}

void ipam_history(const std::vector<SimulatedAddress>& run, std::int64_t start_ms,
                  const Scenario& scenario, std::optional<std::size_t> lb, Observation& out) {
  const std::int64_t grid = out.sampling.grid_ms;
  for (const SimulatedAddress& a : run) {
    if (!watched(a, lb) || (!out.sampling.sees_managed && !pool_owns(scenario, a.address)))
      continue;
    const std::int64_t from = round_up(to_epoch(a.acquired_ms, start_ms), grid);
    const std::int64_t to = round_up(to_epoch(a.released_ms, start_ms), grid);
    if (from < to)
      out.holdings.push_back({a.lb, std::nullopt, a.address, from, to, kSimulated, std::nullopt});
  }
}

void snapshots(const std::vector<SimulatedAddress>& run, std::int64_t start_ms,
               const Scenario& scenario, std::optional<std::size_t> lb, Observation& out) {
  const std::vector<std::int64_t>& times = out.sampling.times_ms;
  const std::int64_t end = out.sampling.covered.to_ms;
  const bool says_managed = out.kind == "public-ips";
  for (const SimulatedAddress& a : run) {
    if (!watched(a, lb)) continue;
    const std::int64_t from = next_sample(times, to_epoch(a.acquired_ms, start_ms), end);
    const std::int64_t to = next_sample(times, to_epoch(a.released_ms, start_ms), end);
    if (from >= to) continue;
    ObservedHolding h{a.lb, a.az, a.address, from, to, kSimulated, std::nullopt};
    if (!out.azs_known) h.az.reset();
    if (says_managed) h.managed = !pool_owns(scenario, a.address);
    out.holdings.push_back(std::move(h));
  }
}

// The answers to lookups of load balancer `answering`'s name, made holdings.
void dns_log(const std::vector<SimulatedAddress>& run, std::int64_t start_ms, std::size_t answering,
             std::uint64_t seed, Observation& out) {
  struct Exposure {
    std::int64_t from, to;
    std::uint32_t address;
  };
  std::vector<Exposure> exposures;  // by start
  for (const SimulatedAddress& a : run)
    if (a.lb == answering)
      for (const auto& [from, to] : a.exposed)
        exposures.push_back({to_epoch(from, start_ms), to_epoch(to, start_ms), a.address});
  std::sort(exposures.begin(), exposures.end(),
            [](const Exposure& x, const Exposure& y) { return x.from < y.from; });
  RandomStream random(seed, answering, "observation/dns-log");
  const std::size_t limit = out.sampling.dns_answer_limit;
  std::vector<DnsAnswer> answers;
  std::vector<Exposure> live;  // started at or before the lookup, not yet found ended
  std::size_t next = 0;
  for (const std::int64_t t : out.sampling.times_ms) {
    for (; next < exposures.size() && exposures[next].from <= t; ++next)
      live.push_back(exposures[next]);
    std::erase_if(live, [&](const Exposure& e) { return e.to <= t; });
    DnsAnswer answer{t, 0, {}};
    for (const Exposure& e : live) answer.addresses.push_back(e.address);
    std::sort(answer.addresses.begin(), answer.addresses.end());
    if (answer.addresses.size() > limit) {  // a partial Fisher-Yates draw of `limit`
      for (std::size_t i = 0; i < limit; ++i)
        std::swap(answer.addresses[i],
                  answer.addresses[i + random.below(answer.addresses.size() - i)]);
      answer.addresses.resize(limit);
      std::sort(answer.addresses.begin(), answer.addresses.end());
    }
    answers.push_back(std::move(answer));
  }
  std::vector<ObservedHolding> holdings = holdings_from_answers(
      answers, answering, out.sampling.dns_gap_ms, out.sampling.covered.to_ms, kSimulated);
  out.holdings.insert(out.holdings.end(), holdings.begin(), holdings.end());
}

}  // namespace

bool pool_owns(const Scenario& scenario, std::uint32_t address) {
  for (const PoolSpec& pool : scenario.pools)
    for (const Cidr& cidr : pool.cidrs)
      if (cidr.contains(Ipv4{address})) return true;
  return false;
}

Observation observe_run(const std::vector<SimulatedAddress>& run, std::int64_t start_ms,
                        const Observation& source, const Scenario& scenario,
                        std::optional<std::size_t> lb, std::uint64_t seed) {
  Observation out;
  out.kind = source.kind;
  out.sampling_ms = source.sampling_ms;
  out.azs_known = source.azs_known;
  out.shows_dns = source.shows_dns;
  out.hides = source.hides;
  out.sampling = source.sampling;
  if (out.kind == "ipam-history")
    ipam_history(run, start_ms, scenario, lb, out);
  else if (out.kind == "dns-log")  // one log per load balancer's name
    for (std::size_t i = 0; i < scenario.load_balancers.size(); ++i) {
      if (!lb || *lb == i) dns_log(run, start_ms, i, seed, out);
    }
  else
    snapshots(run, start_ms, scenario, lb, out);
  out.records = out.holdings.size();
  return out;
}

}  // namespace albsim
