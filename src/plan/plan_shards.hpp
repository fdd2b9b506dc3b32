// A fixed-budget plan in shards: each shard's runs into DIR/plan-shard-K.albsim, and the plan
// made again from a whole shard set (`albsim plan merge`), the same bytes as one process.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "albsim/plan.hpp"
#include "distribute/peers.hpp"
#include "distribute/shard_spec.hpp"

namespace albsim {

struct WrittenPlanShard {
  std::filesystem::path path;  // on rank 0; empty elsewhere
  std::size_t runs = 0;
};

// Runs `shard` of the plan (plan_runs.hpp: plan_shard) and, on rank 0, writes its runs with the
// header `albsim plan merge` checks (albsim version, scenario and its content hash, options,
// shard) into `dir`, which must exist. Throws InputError.
WrittenPlanShard write_plan_shard(const PlanOptions& options, const ShardSpec& shard, Peers& peers,
                                  const std::filesystem::path& dir);

// The plan from the "plan-shard-K.albsim" set in `dirs`: its options and overrides from the
// headers, the scenario from `moved` or where the shards recorded it (its content hash checked),
// every run from the shard that holds it, each used once. Throws InputError naming the shard or
// scenario at fault and what to run again.
PlanResult merge_plan_shards(const std::vector<std::string>& dirs,
                             const std::optional<std::string>& moved,
                             const std::optional<std::string>& baseline = std::nullopt);

}  // namespace albsim
