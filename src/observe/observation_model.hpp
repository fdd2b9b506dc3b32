// The observation model: what a source would have recorded of a simulated run. A simulation
// and an observation are compared only after both have passed through the same source's eyes
// (the same sample times, time grid, answer limit and coverage), never the simulation's ground
// truth against what a source could see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "albsim/scenario.hpp"
#include "observe/observation.hpp"
#include "observe/simulated_addresses.hpp"

namespace albsim {

// The observation `source` would have made of `run`, a run that started at `start_ms` (epoch),
// of load balancer `lb` (none: of every load balancer): `source`'s kind, flags and sampling,
// with the holdings the source would have recorded (`source`'s own holdings are not used).
//   ipam-history: each address (only those a pool of `scenario` owns unless the source sees
//     managed ones), from its acquisition to its release, both rounded up to the time grid (a
//     holding that rounds to nothing is not seen);
//   eni-snapshots: each address with its AZ, from the first snapshot at or after its
//     acquisition to the first at or after its release (none between: not seen; none after:
//     to the end of coverage);
//   public-ips: the same, each address said to be a pool or an AWS-managed one;
//   dns-log: per load balancer's name, at each lookup time, an answer listing its addresses in
//     DNS then, at most `dns_answer_limit` of them (a uniform random subset, from `seed`'s
//     stream, when there are more), made holdings as the DNS log reader does
//     (holdings_from_answers).
Observation observe_run(const std::vector<SimulatedAddress>& run, std::int64_t start_ms,
                        const Observation& source, const Scenario& scenario,
                        std::optional<std::size_t> lb, std::uint64_t seed);

// Whether a pool of `scenario` owns `address` (its CIDRs at the start).
bool pool_owns(const Scenario& scenario, std::uint32_t address);

}  // namespace albsim
