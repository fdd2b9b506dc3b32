// The planner beyond one process: every look's runs spread over MPI ranks, one shard of a
// fixed-budget plan's runs, or a plan made again from the runs of a whole shard set. Each gives
// the same bytes as plan() in one process.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "albsim/plan.hpp"
#include "distribute/peers.hpp"
#include "distribute/shard_spec.hpp"
#include "plan/run_record.hpp"

namespace albsim {

// plan() with each look's runs spread over `peers` (run k of a look on rank k mod P); every
// process judges the look, rank 0's decision of which candidates go on binds all. Every process
// returns the same result.
PlanResult plan(const PlanOptions& options, Peers& peers);

struct PlanShardRuns {
  std::string content_hash;  // distribute/content_hash.hpp, of the scenario with its overrides
  std::vector<std::pair<std::uint64_t, std::string>> records;  // run_key -> encode_run_record
};

// The runs of `shard`: replications r with r mod N == K of every candidate that is simulated.
// Only for a fixed budget (options.early_stop false, not fast): throws InputError otherwise.
PlanShardRuns plan_shard(const PlanOptions& options, const ShardSpec& shard, Peers& peers);

// The content hash plan_shard() records, without running anything.
std::string plan_content_hash(const PlanOptions& options);

// The plan from runs simulated elsewhere: `run(candidate, replication)` gives each (it throws
// InputError for a run it does not have).
PlanResult plan_from_runs(const PlanOptions& options,
                          const std::function<RunRecord(std::size_t, int)>& run);

}  // namespace albsim
