// merge_run_shards(): the shards of one `albsim run --shard K/N` into the report.json and
// timeseries.csv the unsharded run writes, byte for byte.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/report.hpp"
#include "distribute/scenario_input.hpp"

namespace albsim {

struct MergedRun {
  ScenarioInput input;
  std::vector<Report> reports;  // every replication, in order
  std::size_t shards = 0;
};

// Reads the "shard-K.albsim" set in `dirs`, loads the scenario they ran (`moved`, else where they
// recorded it) with their overrides (its notes on `err`) and checks its content hash, calls
// `before_writing` (a caller's own checks against the scenario), then writes report.json and
// timeseries.csv into `out_dir` together. Throws InputError naming the file at fault.
MergedRun merge_run_shards(const std::vector<std::string>& dirs,
                           const std::optional<std::string>& moved,
                           const std::filesystem::path& out_dir, std::ostream& err,
                           const std::function<void(const Scenario&)>& before_writing = {});

}  // namespace albsim
