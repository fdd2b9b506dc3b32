// A DNS log as an Observation: lines "<ISO-8601 time> <ip> <ip> ...", one per lookup of one load
// balancer's name, as tools/observe/dns-log.sh writes them (blank lines and lines starting with
// '#' are skipped, and so are failed lookups, lines where dig printed ";; ..."; a token ending in
// '.' is a CNAME and skipped). An address is held from the
// first answer that lists it until the answer after its last sighting; an absence shorter than
// `gap` does not end it, because resolvers and the load balancer may return a subset of the
// nodes (at most 8 per answer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// One lookup's answer.
struct DnsAnswer {
  std::int64_t time_ms = 0;
  std::size_t line = 0;                  // in the log; 0 for a simulated lookup
  std::vector<std::uint32_t> addresses;  // ascending, distinct
};

// The holdings of load balancer `lb` that `answers` (ascending times) show: an address from
// the first answer listing it until the first answer after its last sighting, an absence of at
// most `gap_ms` not ending it; still listed at the last answer, until `end_ms`.
std::vector<ObservedHolding> holdings_from_answers(const std::vector<DnsAnswer>& answers,
                                                   std::size_t lb, std::int64_t gap_ms,
                                                   std::int64_t end_ms, const std::string& file);

// The log covers its first lookup to one sampling interval after its last.
// `gap_ms` 0: five sampling intervals (the median gap between lines). Throws InputError naming
// the file and line: a bad time or address, times not ascending, or no address at all.
Observation read_dns_log(const std::string& file, const ObservedLbResolver& lbs,
                         std::int64_t gap_ms);

}  // namespace albsim
