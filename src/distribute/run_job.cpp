#include "distribute/run_job.hpp"

#include <algorithm>
#include <memory>

#include "albsim/charges.hpp"
#include "albsim/report_output.hpp"
#include "albsim/simulation.hpp"
#include "albsim/version.hpp"
#include "core/build_id.hpp"
#include "distribute/charged_record.hpp"
#include "distribute/report_record.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/spread.hpp"
#include "report/atomic_file.hpp"
#include "report/charge_spread.hpp"
#include "report/focus_csv.hpp"
#include "report/series_envelope.hpp"
#include "report/timeseries_csv.hpp"
#include "scenario/work_estimate.hpp"

namespace albsim {
namespace {

// The shard file's header: what merge needs to load the scenario again and to check that every
// shard belongs to one run.
nlohmann::json shard_header(const RunJob& job, const ScenarioInput& input, const ShardSpec& shard) {
  return {{"kind", "run"},
          {"albsim", ALBSIM_VERSION},
          {"build", build_id()},
          {"report_schema", report_schema_fingerprint()},
          {"scenario", scenario_header(job.scenario_path, job.overrides, input.content_hash)},
          {"options",
           {{"replications", input.scenario.replications},
            {"timeseries_step_ms", job.timeseries_step.ms()}}},
          {"shard", {{"index", shard.index}, {"count", shard.count}}}};
}

}  // namespace

RunOutcome run_job(const ScenarioInput& input, const RunJob& job, Peers& peers) {
  const Scenario& scenario = input.scenario;
  const auto total = static_cast<std::uint64_t>(scenario.replications);
  const std::vector<std::uint64_t> replications =
      job.shard ? job.shard->replications_of(total) : ShardSpec{}.replications_of(total);
  const bool keeps_timeseries = !replications.empty() && replications.front() == 0;

  const std::filesystem::path& dir = job.out_dir;
  const std::string shard_name = job.shard ? "shard-" + std::to_string(job.shard->index) : "";
  std::unique_ptr<AtomicFile> timeseries_file;
  std::unique_ptr<AtomicFile> report_file;
  std::unique_ptr<TimeseriesCsv> timeseries;
  std::unique_ptr<AtomicFile> charges_file;
  std::unique_ptr<AtomicFile> percentiles_file;  // with charges and more than one replication
  std::unique_ptr<AtomicFile> envelope_file;
  std::unique_ptr<SeriesEnvelope> envelope;
  agree(peers, [&] {
    const bool given = std::any_of(job.overrides.begin(), job.overrides.end(),
                                   [](const Override& o) { return o.pointer == "/replications"; });
    check_replicated_work(scenario, share_of(peers, replications.size()), 1,
                          static_cast<unsigned>(threads_for(peers, job.threads)),
                          given ? "--replications" : scenario.file + ": /replications");
    if (!peers.is_root()) return;
    create_output_directory(dir);
    if (keeps_timeseries) {
      timeseries_file = std::make_unique<AtomicFile>(
          dir / (job.shard ? shard_name + ".timeseries.csv" : std::string("timeseries.csv")));
      timeseries = std::make_unique<TimeseriesCsv>(timeseries_file->stream(), scenario);
    }
    if (!job.shard) report_file = std::make_unique<AtomicFile>(dir / "report.json");
    if (!job.shard && job.envelope) {
      envelope_file = std::make_unique<AtomicFile>(dir / "timeseries_envelope.csv");
      envelope = std::make_unique<SeriesEnvelope>(scenario);
    }
    if (!job.shard && job.charges) {
      charges_file = std::make_unique<AtomicFile>(dir / "charges.csv");
      if (replications.size() > 1)
        percentiles_file = std::make_unique<AtomicFile>(dir / "charges_percentiles.csv");
    }
  });

  const std::size_t mine = share_of(peers, replications.size());
  const std::vector<std::string> records = spread(
      peers, replications.size(), job.threads,
      [&](std::size_t k) {
        SimulationOptions options;
        options.replication = replications[k];
        if (replications[k] == 0) {  // task 0: on rank 0, which holds the timeseries file
          options.timeseries_step = job.timeseries_step;
          options.timeseries = timeseries.get();
          options.changes = envelope.get();
          options.demand_log = envelope.get();
        }
        if (job.charges && !job.shard) return encode_charged(simulate_charged(scenario, options));
        return encode_report(simulate(scenario, options));
      },
      [&](std::size_t finished) {
        if (job.on_progress) job.on_progress(finished, mine);
      });
  RunOutcome outcome;
  outcome.replications = records.size();
  if (!peers.is_root()) return outcome;

  if (job.shard) {
    nlohmann::json header = shard_header(job, input, *job.shard);
    if (timeseries_file) {
      timeseries_file->commit();
      const std::filesystem::path path = dir / (shard_name + ".timeseries.csv");
      const FileDigest digest = digest_file(path);
      header["timeseries"] = {
          {"file", path.filename().string()}, {"bytes", digest.bytes}, {"fnv1a64", digest.fnv1a64}};
    }
    std::vector<std::pair<std::uint64_t, std::string>> keyed;
    for (std::size_t k = 0; k < records.size(); ++k)
      keyed.emplace_back(replications[k], records[k]);
    outcome.written = dir / (shard_name + ".albsim");
    write_shard_file(outcome.written, header, keyed);
    return outcome;
  }

  outcome.reports.reserve(records.size());
  std::vector<std::vector<ChargeLine>> charges;  // per replication
  for (const std::string& record : records) {
    if (!charges_file) {
      outcome.reports.push_back(decode_report(record));
      continue;
    }
    ChargedRun run = decode_charged(record);
    outcome.reports.push_back(std::move(run.report));
    charges.push_back(std::move(run.charges));
  }
  if (charges.size() == 1) outcome.charges = std::move(charges.front());
  if (percentiles_file) {
    const std::vector<ChargeSpread> spreads = spread_of_charges(charges);
    for (const ChargeSpread& s : spreads) outcome.charges.push_back(s.mean);
    write_charge_percentiles_csv(percentiles_file->stream(), spreads);
  }
  report_file->stream() << report_to_json(scenario, outcome.reports, nullptr,
                                          charges_file ? &outcome.charges : nullptr);
  if (charges_file) write_focus_csv(charges_file->stream(), scenario, outcome.charges);
  if (envelope) envelope->write_csv(envelope_file->stream());
  commit_together({report_file.get(), timeseries_file.get(), charges_file.get(),
                   percentiles_file.get(), envelope_file.get()});
  outcome.written = dir / "report.json";
  return outcome;
}

}  // namespace albsim
