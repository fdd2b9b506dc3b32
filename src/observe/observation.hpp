// Observation: what a real load balancer did, as AWS or a DNS loop recorded it, in the terms a
// simulation reports: which address each load balancer held, when, and in which AZ. The readers
// (ipam_history, eni_snapshots, dns_log) build it; replay turns it into a Report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source_window.hpp"

namespace albsim {

// One address held by one node of a load balancer over [from_ms, to_ms) (milliseconds since
// the epoch). An observed node is in DNS while it holds its address: no source shows the
// launching and draining that a simulation separates.
struct ObservedHolding {
  std::size_t lb = 0;             // index into Scenario::load_balancers
  std::optional<std::size_t> az;  // index into the load balancer's azs; none: not recorded
  std::uint32_t address = 0;
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  std::string origin;  // "<file>: <pointer or line>", for messages
  // Whether the source says the address is AWS-managed (Public IP Insights does); none: it is
  // managed unless a pool of the scenario owns it.
  std::optional<bool> managed;
};

// The window a report covers, [from_ms, to_ms) since the epoch.
using ObservedWindow = EpochSpan;

// How a source looks: what the observation model (observation_model.hpp) needs to see a
// simulated run as the source would have recorded it.
struct SourceSampling {
  // When the source looked: the snapshot times (ENI snapshots, Public IP Insights) or lookup
  // times (DNS log), ascending. A change is recorded at the first of them at or after it.
  std::vector<std::int64_t> times_ms;
  // IPAM history: recorded times are multiples of this (a change is recorded at the first
  // multiple at or after it, as IPAM's sampled times lag the change); 0: exact.
  std::int64_t grid_ms = 0;
  // IPAM history: whether AWS-managed addresses' history was asked for too (some record holds
  // an address outside every pool); without it, only pool addresses are seen.
  bool sees_managed = true;
  std::int64_t dns_gap_ms = 0;       // DNS log: an absence shorter than this is not an end
  std::size_t dns_answer_limit = 8;  // DNS log: the most addresses one answer lists
  ObservedWindow covered;            // the span the source recorded
};

struct Observation {
  std::string kind;  // "ipam-history", "eni-snapshots" or "dns-log"
  std::vector<std::string> files;
  std::vector<ObservedHolding> holdings;  // any order; replay clips them to the window
  std::size_t records = 0;                // rows, records or snapshot entries read
  std::size_t ignored = 0;  // of them, not about the scenario's load balancers (other resources)
  std::size_t unattributed = 0;  // holdings given to a load balancer by its pool alone, no evidence
  std::int64_t sampling_ms = 0;  // the median gap between samples; 0 when times are AWS's own
  bool azs_known = false;        // every holding has its AZ
  bool shows_dns = false;        // holdings are times in DNS (a DNS log), not addresses held
  std::vector<std::string> hides;  // what this source cannot see, one sentence each
  SourceSampling sampling;
};

// Drops exact repeats (the same record given twice, as overlapping pages do) and sorts the
// holdings by address and time. Throws InputError at the later record's origin when one
// address is held twice at once, or a holding ends before it starts.
void check_holdings(std::vector<ObservedHolding>& holdings);

// Where a source sampled at `sorted_times` (not empty) stops covering: one sampling interval
// (`sampling_ms`, their median gap) after the last; with a single sample, no end (its state
// holds to the window's end, as nothing says otherwise).
std::int64_t covered_end(const std::vector<std::int64_t>& sorted_times, std::int64_t sampling_ms);

// The median gap between sorted sample times (0 with fewer than two).
std::int64_t median_gap_ms(const std::vector<std::int64_t>& sorted_times);

}  // namespace albsim
