// Parsing a load balancer's `demand` object (MODEL.md §5), traces included: a trace file is
// loaded here, relative to the scenario file, and its faults become InputErrors at the trace's
// JSON pointer.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "albsim/scenario.hpp"
#include "scenario/json_reader.hpp"

namespace albsim {

// `path` as written in `scenario_file`: relative paths resolve against the file's folder.
std::string scenario_relative_path(const std::string& scenario_file, const std::string& path);

// Loaded traces by file and loading options, so load balancers replaying the same trace share
// one copy and the file is read once.
using TraceCache = std::map<std::string, std::shared_ptr<const TraceSeries>>;

DemandSpec parse_demand(const JsonReader& demand, TraceCache& traces);

}  // namespace albsim
