#include "plan/plan_shards.hpp"

#include "albsim/input_error.hpp"
#include "albsim/version.hpp"
#include "core/build_id.hpp"
#include "distribute/byte_codec.hpp"
#include "distribute/scenario_input.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/shard_records.hpp"
#include "plan/plan_options_json.hpp"
#include "plan/plan_runs.hpp"

namespace albsim {

WrittenPlanShard write_plan_shard(const PlanOptions& options, const ShardSpec& shard, Peers& peers,
                                  const std::filesystem::path& dir) {
  const PlanShardRuns runs = plan_shard(options, shard, peers);
  WrittenPlanShard written{{}, runs.records.size()};
  if (!peers.is_root()) return written;
  const nlohmann::json header = {
      {"kind", "plan"},
      {"albsim", ALBSIM_VERSION},
      {"build", build_id()},
      {"scenario", scenario_header(options.scenario_path, options.overrides, runs.content_hash)},
      {"options", plan_options_json(options)},
      {"shard", {{"index", shard.index}, {"count", shard.count}}}};
  written.path = dir / ("plan-shard-" + std::to_string(shard.index) + ".albsim");
  write_shard_file(written.path, header, runs.records);
  return written;
}

PlanResult merge_plan_shards(const std::vector<std::string>& dirs,
                             const std::optional<std::string>& moved,
                             const std::optional<std::string>& baseline) {
  const std::vector<ShardFile> shards = read_shard_set(dirs, "plan-shard", "plan");
  const ShardFile& first = shards.front();
  PlanOptions options;
  try {
    options = plan_options_from_json(first.header.at("options"));
    options.scenario_path = scenario_path_of(first.header, moved);
    options.overrides = overrides_from_json(first.header.at("scenario").at("overrides"));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(first.path.string(), "",
                     std::string("has a header albsim cannot use: ") + e.what());
  }
  if (plan_content_hash(options) != first.header.at("scenario").at("content_hash"))
    throw InputError(options.scenario_path, "",
                     "is not the scenario the shards planned (its content hash differs: another "
                     "file, trace or --set); give the one they ran with --scenario");
  options.baseline = baseline;  // simulated here: the shards hold the candidates' runs only
  ShardRuns runs = shard_runs(shards);
  const PlanResult result = plan_from_runs(options, [&](std::size_t candidate, int replication) {
    const auto it = runs.by_key.find(run_key(candidate, replication));
    if (it == runs.by_key.end()) {
      const ShardFile& owner = shards[static_cast<std::size_t>(replication) % shards.size()];
      throw InputError(owner.path.string(), "",
                       "lacks replication " + std::to_string(replication) + " of candidate " +
                           std::to_string(candidate) + "; run the shard again");
    }
    ++runs.used;
    try {
      return decode_run_record(it->second.second);
    } catch (const CorruptRecord& e) {
      throw InputError(it->second.first->path.string(), "",
                       "replication " + std::to_string(replication) + " is damaged: " + e.what());
    }
  });
  if (runs.used != runs.by_key.size())
    throw InputError(first.path.string(), "",
                     "the shards hold " + std::to_string(runs.by_key.size()) + " runs, the plan " +
                         "needs " + std::to_string(runs.used) + "; merge the shards of one plan");
  return result;
}

}  // namespace albsim
