// Parsing a load balancer's `demand` object (MODEL.md §5), traces included: a trace file is
// loaded here, relative to the scenario file, and its faults become InputErrors at the trace's
// JSON pointer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "albsim/scenario.hpp"
#include "scenario/file_cache.hpp"
#include "scenario/json_reader.hpp"

namespace albsim {

// `path` as written in `scenario_file`: relative paths resolve against the file's folder.
std::string scenario_relative_path(const std::string& scenario_file, const std::string& path);

// A trace already in `traces` is not read again; one read here is added to it. A trace with an
// `aggregate` is reduced to `evaluation_interval` (the load balancer's) here, once. An ISO-timed
// trace without `align` plays from the scenario's `start` (`start_epoch_ms`) when there is one,
// which must lie inside the trace; without a start, from its first sample.
DemandSpec parse_demand(const JsonReader& demand, TraceCache& traces, SimTime evaluation_interval,
                        std::optional<std::int64_t> start_epoch_ms);

}  // namespace albsim
