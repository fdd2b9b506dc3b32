// The writers of reports: report.json and a summary table for people.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/charges.hpp"
#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// Where an observed report's figures come from (albsim observe), and what that source hides.
struct ObservedSource {
  std::string kind;  // ipam-history, eni-snapshots or dns-log
  std::size_t files = 0;
  std::size_t records = 0;
  std::size_t ignored = 0;        // records about other resources
  std::size_t unattributed = 0;   // records given to a load balancer by their pool alone
  std::int64_t sampling_ms = 0;   // median gap between samples; 0: AWS's own times
  std::int64_t time_grid_ms = 0;  // IPAM history: times rounded up to this; 0: exact
  std::int64_t dns_gap_ms = 0;    // DNS log: an absence shorter than this is no end
  std::size_t answer_limit = 0;   // DNS log: addresses per answer at most
  double covered_share = 1;       // of the window asked for
  bool sees_managed = true;       // AWS-managed addresses are seen (IPAM: asked for)
  bool azs_known = false;
  std::vector<std::string> hides;
};

// report.json text ("schema": "albsim.report/1"), deterministic byte for byte. Replication 0
// is the concrete run; with more than one, a `distribution` object summarises them all.
// "source" is "simulated", or "observed" with `observed`, which then fills "observation". With
// `charges` (albsim run --charges: the lines of charges.csv), a "charges" object attributes their
// dollars per pool, consumer and usage type.
std::string report_to_json(const Scenario& scenario, const std::vector<Report>& replications,
                           const ObservedSource* observed = nullptr,
                           const std::vector<ChargeLine>* charges = nullptr);

// A short table for people: per load balancer, per pool, fleet cost per month; with more than
// one replication, the distribution of the key figures.
void print_summary(std::ostream& out, const Scenario& scenario,
                   const std::vector<Report>& replications);

// The charges of a run (albsim/charges.hpp; with more than one replication, their means) summed
// per pool, consumer and usage type, per month and over the run, with their total beside the
// report's (the mean of the replications' totals).
void print_charge_attribution(std::ostream& out, const std::vector<Report>& replications,
                              const std::vector<ChargeLine>& charges);

// An observed report's summary: the source, the window and what the source hides, then the table.
void print_observed_summary(std::ostream& out, const Scenario& scenario, const Report& report,
                            const ObservedSource& observed);

}  // namespace albsim
