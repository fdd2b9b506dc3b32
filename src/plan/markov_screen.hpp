// The planner's fast screen: the number of addresses one load balancer holds, as a
// continuous-time Markov chain solved for its stationary distribution with Eigen.
//
// State: (surges, outages, overlapping replacements k). Surges and AZ outages are counted as
// (active, held): an ended one still holds its extra nodes while they cool down (evaluation
// interval + scale-in cooldown + drain time + release delay). Nodes follow the requirement rule
// of MODEL.md §4 at constant demand times multiplier^(surges held); an impaired AZ keeps its
// nodes and the healthy ones carry the demand. Each node starts a replacement at rate
// 1 / replacement mean; a replacement holds a second address for launch delay + drain time +
// release delay (means). Durations are taken as exponential: for k this is exact in the
// stationary limit (M/G/inf insensitivity), for surges and outages an approximation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "albsim/plan.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// Why the screen's assumptions fail for load balancer `lb` drawing from `pool` (an index, or
// none for a pool the planner adds), or none when they hold: constant demand without growth or
// noise, replacement none or `mean`, no scheduled events touching it, at most one random surge
// and one random outage process reaching it, reservations of the pool held for the whole run,
// and at most 200,000 states.
std::optional<std::string> screen_not_applicable(const Scenario& scenario, std::size_t lb,
                                                 std::optional<std::size_t> pool);

class MarkovScreen {
 public:
  // Builds and solves the chain. Requires screen_not_applicable() to be none.
  MarkovScreen(const Scenario& scenario, std::size_t lb, std::optional<std::size_t> pool);

  // Estimates for a pool of `capacity` addresses (reservations are subtracted here).
  ScreenEstimate estimate(std::uint64_t capacity) const;

  // Stationary mean demand (LCU), surges included.
  double mean_demand_lcu() const;

  // Stationary P(addresses held = a) for a = 0 .. max, reservations excluded.
  std::vector<double> address_distribution() const;

 private:
  // P(held > usable at some time in the horizon) from the start state, taking the first
  // passage as exponential with the chain's mean first-passage time (exact as breaches
  // become rare; near 1 when they are not).
  double breach_probability(std::int64_t usable) const;

  // stationary_ from transitions_: pi Q = 0, sum(pi) = 1 (sparse LU).
  void solve_stationary();

  struct Transition {
    std::size_t from, to;
    double rate_per_hour;
  };
  std::vector<int> held_;       // per state: addresses held (nodes + overlapping replacements)
  std::vector<int> nodes_;      // per state: nodes
  std::vector<double> demand_;  // per state: LCU
  std::vector<Transition> transitions_;
  std::vector<double> stationary_;
  std::size_t start_ = 0;  // t = 0: no surge, no outage, no replacement
  std::uint64_t reserved_ = 0;
  double horizon_hours_ = 0;
};

}  // namespace albsim
