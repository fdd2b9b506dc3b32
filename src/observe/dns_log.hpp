// A DNS log as an Observation: lines "<ISO-8601 time> <ip> <ip> ...", one per lookup of one load
// balancer's name, as tools/observe/dns-log.sh writes them (blank lines and lines starting with
// '#' are skipped, and so are failed lookups, lines where dig printed ";; ..."; a token ending in
// '.' is a CNAME and skipped). An address is held from the
// first answer that lists it until the answer after its last sighting; an absence shorter than
// `gap` does not end it, because resolvers and the load balancer may return a subset of the
// nodes.
#pragma once

#include <cstdint>
#include <string>

#include "observe/observation.hpp"
#include "observe/observed_lb.hpp"

namespace albsim {

// `gap_ms` 0: five sampling intervals (the median gap between lines). Throws InputError naming
// the file and line: a bad time or address, times not ascending, or no address at all.
Observation read_dns_log(const std::string& file, const ObservedLbResolver& lbs,
                         std::int64_t gap_ms, std::int64_t window_end_ms);

}  // namespace albsim
