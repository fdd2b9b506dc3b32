#include "distribute/merge_run.hpp"

#include "albsim/input_error.hpp"
#include "albsim/report_output.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/shard_records.hpp"
#include "report/atomic_file.hpp"

namespace albsim {
namespace {

MergedRun merge(const std::vector<ShardFile>& shards, const std::optional<std::string>& moved,
                const std::filesystem::path& out_dir, std::ostream& err,
                const std::function<void(const Scenario&)>& before_writing) {
  const nlohmann::json& header = shards.front().header;
  const std::string path = scenario_path_of(header, moved);
  MergedRun merged{
      load_scenario_input(path, overrides_from_json(header.at("scenario").at("overrides")), err),
      {},
      shards.size()};
  if (merged.input.content_hash != header.at("scenario").at("content_hash"))
    throw InputError(path, "",
                     "is not the scenario the shards ran (its content hash differs: another file, "
                     "trace or ip-ranges.json); give the one they ran with --scenario");
  const Scenario& scenario = merged.input.scenario;
  if (before_writing) before_writing(scenario);
  merged.reports = replication_reports(shards, static_cast<std::uint64_t>(scenario.replications));

  create_output_directory(out_dir);
  AtomicFile timeseries_file(out_dir / "timeseries.csv");
  AtomicFile report_file(out_dir / "report.json");
  copy_shard_timeseries(shards.front(), timeseries_file.stream());
  report_file.stream() << report_to_json(scenario, merged.reports);
  commit_together({&report_file, &timeseries_file});
  return merged;
}

}  // namespace

MergedRun merge_run_shards(const std::vector<std::string>& dirs,
                           const std::optional<std::string>& moved,
                           const std::filesystem::path& out_dir, std::ostream& err,
                           const std::function<void(const Scenario&)>& before_writing) {
  const std::vector<ShardFile> shards = read_shard_set(dirs, "shard", "run");
  try {
    return merge(shards, moved, out_dir, err, before_writing);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(shards.front().path.string(), "",
                     std::string("has a header albsim cannot use: ") + e.what());
  }
}

}  // namespace albsim
