// run_job(): one `albsim run` of a loaded scenario, every replication or shard K of N of them,
// spread over the peers' ranks and threads, with its files in the output directory: report.json
// and timeseries.csv (and the files RunJob asks for), or shard-K.albsim (and
// shard-K.timeseries.csv) for `albsim merge`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "albsim/charges.hpp"
#include "albsim/load_scenario.hpp"
#include "albsim/report.hpp"
#include "albsim/sim_time.hpp"
#include "distribute/peers.hpp"
#include "distribute/scenario_input.hpp"
#include "distribute/shard_spec.hpp"

namespace albsim {

struct RunJob {
  std::string scenario_path;        // as given, recorded in a shard's header for merge
  std::vector<Override> overrides;  // applied to it, recorded likewise
  std::filesystem::path out_dir;
  std::optional<ShardSpec> shard;
  SimTime timeseries_step;
  int threads = 0;  // per process; 0: this machine's cores shared among its processes
  // Also DIR/charges.csv (FOCUS columns): the run's charge lines, or with more than one
  // replication their means, and DIR/charges_percentiles.csv. Not with a shard.
  bool charges = false;
  // Also DIR/timeseries_envelope.csv (report/series_envelope.hpp): replication 0's every change
  // as a min/max per chart column, for the HTML report. Not with a shard.
  bool envelope = false;
  // This process's replications finished, of how many it runs.
  std::function<void(std::size_t finished, std::size_t total)> on_progress;
};

struct RunOutcome {
  // On rank 0 of an unsharded run: every replication's report, in order (report.json holds
  // them); else empty.
  std::vector<Report> reports;
  std::size_t replications = 0;     // the runs this job made (a shard: its share)
  std::filesystem::path written;    // report.json, or the shard file
  std::vector<ChargeLine> charges;  // with RunJob::charges, on rank 0: charges.csv's lines
};

// Creates the output directory and opens its files on rank 0 before any simulation (a bad
// directory fails at once, on every rank), runs the replications, and commits the files
// together. Throws InputError (a file that cannot be written, a bad scenario at run time).
RunOutcome run_job(const ScenarioInput& input, const RunJob& job, Peers& peers);

}  // namespace albsim
