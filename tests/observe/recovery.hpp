// Recovery of known truths, for the recovery test and the soak (bench/recovery_soak.cpp): a truth
// drawn at random (capacity, cooldown, launch delay, replacement form and age, demand), simulated
// by albsim, seen through one source's observation model, and calibrated from AWS's defaults;
// then whether each 95% interval holds the true value. A test helper, not a product feature.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "calibrate/calibration.hpp"
#include "calibrate/observed_target.hpp"
#include "observe/observation_model.hpp"
#include "observe/simulated_addresses.hpp"
#include "support.hpp"

namespace albsim::test {

struct RecoveryTruth {
  std::uint64_t seed = 0;
  double capacity = 0;  // LCU, in halves (37.5)
  int cooldown_s = 0;   // whole minutes (23m)
  int launch_s = 0;     // whole seconds
  bool every = true;    // replacement form
  int replacement_h = 0;
  double base = 0, amplitude = 0;  // diurnal demand
};

// The truth number `index` of the soak seeded `seed`: capacity 5 .. 40 LCU in halves, cooldown
// 2 .. 40 min, launch delay 30 .. 300 s, replacement every or mean 6 .. 48 h, and a diurnal
// demand whose peak needs 2 .. 12 nodes. Raw mt19937_64 words, so the same on every platform.
inline RecoveryTruth recovery_truth(std::uint64_t seed, std::uint64_t index) {
  std::mt19937_64 random(seed * 1'000'003 + index);
  const auto below = [&](std::uint64_t n) { return random() % n; };
  RecoveryTruth t;
  t.seed = 1 + below(1'000'000);
  t.capacity = 5 + 0.5 * static_cast<double>(below(71));
  t.cooldown_s = 60 * static_cast<int>(2 + below(39));
  t.launch_s = static_cast<int>(30 + below(271));
  t.every = below(2) == 0;
  t.replacement_h = static_cast<int>(6 + below(43));
  t.amplitude = 0.3 + 0.05 * static_cast<double>(below(11));
  const double peak_nodes = 2 + static_cast<double>(below(11));
  t.base = peak_nodes * t.capacity / (1 + t.amplitude);
  return t;
}

// The scenario of a truth over 3 days; `model`: with the load balancer's model parameters left
// to AWS's defaults (what calibrate starts from).
inline nlohmann::json recovery_scenario(const RecoveryTruth& t, bool model) {
  nlohmann::json lb = {
      {"id", "web"},
      {"pool", "p"},
      {"azs", {"us-east-1a", "us-east-1b"}},
      {"demand",
       {{"diurnal", {{"base", t.base}, {"amplitude", t.amplitude}, {"peak_hour", 14}}},
        {"noise", {{"sigma", 0.1}}}}}};
  if (!model) {
    lb["node_capacity_lcu"] = t.capacity;
    lb["scale_in_cooldown"] = std::to_string(t.cooldown_s) + "s";
    lb["launch_delay"] = std::to_string(t.launch_s) + "s";
    lb["replacement"] = {{t.every ? "every" : "mean", std::to_string(t.replacement_h) + "h"}};
  }
  return {{"start", "2025-03-03T00:00:00Z"},
          {"horizon", "3d"},
          {"seed", t.seed},
          {"pools",
           {{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"198.51.100.0/24"}}},
            {{"id", "p"},
             {"parent", "corp"},
             {"locale", "us-east-1"},
             {"cidrs", {"198.51.100.0/26"}}}}},
          {"load_balancers", {lb}}};
}

// The sources a truth is seen through: their eyes over `window` (observe/observation.hpp).
struct RecoverySource {
  const char* name;
  Observation eyes;
};

inline std::vector<RecoverySource> recovery_sources(const ObservedWindow& window) {
  const auto every = [&](std::int64_t step) {
    std::vector<std::int64_t> times;
    for (std::int64_t t = window.from_ms; t < window.to_ms; t += step) times.push_back(t);
    return times;
  };
  std::vector<RecoverySource> out;
  Observation enis;
  enis.kind = "eni-snapshots";
  enis.azs_known = true;
  enis.sampling_ms = 300'000;
  enis.sampling.times_ms = every(300'000);
  enis.sampling.covered = window;
  out.push_back({"ENI snapshots, 5m", enis});
  Observation ipam;
  ipam.kind = "ipam-history";
  ipam.sampling.grid_ms = 300'000;
  ipam.sampling.sees_managed = false;
  ipam.sampling.covered = window;
  out.push_back({"IPAM history, lag to 5m", ipam});
  Observation dns;
  dns.kind = "dns-log";
  dns.shows_dns = true;
  dns.sampling_ms = 60'000;
  dns.sampling.times_ms = every(60'000);
  dns.sampling.dns_gap_ms = 300'000;
  dns.sampling.covered = window;
  out.push_back({"DNS log, 1m", dns});
  Observation public_ips;
  public_ips.kind = "public-ips";
  public_ips.sampling_ms = 600'000;
  public_ips.sampling.times_ms = every(600'000);
  public_ips.sampling.covered = window;
  out.push_back({"Public IP Insights, 10m", public_ips});
  return out;
}

struct Recovered {
  const char* source = "";
  Calibration calibration;
  SimTime resolution;
  std::uint32_t peak_nodes = 0;  // of the truth, in total
  double truth[4] = {};          // capacity, launch, cooldown, replacement (s)
};

// The truth run once, then seen through each source of recovery_sources and calibrated: one
// result each.
inline std::vector<Recovered> recover(const RecoveryTruth& t) {
  const Scenario truth = scenario_from(recovery_scenario(t, false));
  const Scenario model = scenario_from(recovery_scenario(t, true));
  SimulatedAddressLog log;
  SimulationOptions options;
  options.address_log = &log;
  const Report report = simulate(truth, options);
  const ObservedWindow window{*truth.start_epoch_ms, *truth.start_epoch_ms + truth.horizon.ms()};
  std::vector<Recovered> out;
  for (const RecoverySource& source : recovery_sources(window)) {
    const Observation seen =
        observe_run(log.addresses(), window.from_ms, source.eyes, truth, 0, truth.seed);
    const CalibrationTarget target = observed_target(model, 0, seen, window);
    Recovered r{source.name,
                calibrate(model, 0, target),
                target.resolution,
                static_cast<std::uint32_t>(report.load_balancers[0].addresses.peak_total),
                {t.capacity, static_cast<double>(t.launch_s), static_cast<double>(t.cooldown_s),
                 t.replacement_h * 3600.0}};
    out.push_back(std::move(r));
  }
  return out;
}

// Whether value `i` of `r` holds the truth in its interval (identified values only).
inline bool covers(const Recovered& r, std::size_t i) {
  const FittedValue& v = r.calibration.values[i];
  return v.low <= r.truth[i] && r.truth[i] <= v.high;
}

}  // namespace albsim::test
