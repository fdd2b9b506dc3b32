// `albsim observe`: what a real load balancer did, read from one observed source and measured
// as a simulation of the same window would be (report.json with "source": "observed").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "albsim/report_output.hpp"
#include "albsim/scenario.hpp"
#include "observe/observation.hpp"

namespace albsim {

struct ObserveRequest {
  std::vector<std::string> ipam_history;   // get-ipam-address-history pages
  std::vector<std::string> eni_snapshots;  // describe-network-interfaces, one file per time
  std::optional<std::string> dns_log;
  std::vector<std::string> public_ips;       // get-ipam-discovered-public-addresses, one per time
  std::vector<std::string> enis;             // describe-network-interfaces: IPAM history's evidence
  std::optional<std::string> ipam_sampling;  // a duration; none: the grid the times show
  std::optional<std::string> lb;             // --lb: the load balancer observed
  std::optional<std::string> from;           // ISO-8601; none: the scenario's start
  std::optional<std::string> to;             // ISO-8601; none: from + the scenario's horizon
  std::optional<std::string> dns_gap;        // a duration; none: five sampling intervals
};

// The scenario of the observed window: its start the window's start, its horizon the window's
// length. Throws InputError naming --from or --to (a bad time, an end not after the start, a
// scenario without `start` and no --from) or the sources (none, or more than one).
struct ObservedScenario {
  Scenario scenario;
  ObservedWindow window;
};
ObservedScenario observed_scenario(Scenario scenario, const ObserveRequest& request);

// Reads the request's source about `observed`'s load balancers.
Observation read_observation(const ObserveRequest& request, const ObservedScenario& observed);

// The part of `window` the source covered, and that part's share of it (1: all). Throws
// InputError when the source covers none of it, or when the window reaches beyond what it covers
// by more than the margin of the window rule (core/source_window.hpp).
struct Coverage {
  ObservedWindow window;
  double share = 1;
};
Coverage coverage_of(const Observation& observation, const ObservedWindow& window);

// The sentence warning that a source covers only part of the window; empty when it covers it.
std::string coverage_warning(const Observation& observation, const Coverage& coverage);

// What report.json says of an observation.
ObservedSource observed_source(const Observation& observation, const Coverage& coverage);

// `observed` with its window cut to the source's coverage (observe measures only that part).
ObservedScenario covered_scenario(ObservedScenario observed, const Coverage& coverage);

}  // namespace albsim
