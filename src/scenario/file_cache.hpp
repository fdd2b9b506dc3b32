// What loading a scenario reads from other files (traces, ip-ranges.json), kept by file and by
// what was asked of it. One load shares it between load balancers replaying the same trace;
// the planner shares it between the variants of one scenario, so each file is read once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

using TraceCache = std::map<std::string, std::shared_ptr<const TraceSeries>>;

struct FileCache {
  TraceCache traces;                                   // by path and loading options
  std::map<std::string, std::vector<Cidr>> ip_ranges;  // by path, region and service
};

}  // namespace albsim
