#include "observe/seen_as_observed.hpp"

#include <cmath>

#include "albsim/simulation.hpp"
#include "observe/observation_model.hpp"
#include "observe/replay.hpp"
#include "observe/simulated_addresses.hpp"
#include "report/assemble_report.hpp"

namespace albsim {
namespace {

std::int64_t ms_of(const nlohmann::ordered_json& o, const char* key) {
  return o.contains(key) && o[key].is_number() ? std::llround(o[key].get<double>() * 1000) : 0;
}

}  // namespace

Observation source_of_report(const nlohmann::ordered_json& observed, const Scenario& scenario) {
  const nlohmann::ordered_json& o = observed["observation"];
  Observation source;
  source.kind = o["kind"].get<std::string>();
  source.azs_known = o.value("azs_known", false);
  source.shows_dns = source.kind == "dns-log";
  source.hides = o["hides"].get<std::vector<std::string>>();
  source.sampling_ms = ms_of(o, "sampling_s");
  source.sampling.grid_ms = ms_of(o, "time_grid_s");
  source.sampling.dns_gap_ms = ms_of(o, "dns_gap_s");
  source.sampling.dns_answer_limit = o.value("answer_limit", std::size_t{8});
  source.sampling.sees_managed = o.value("sees_managed", true);
  const std::int64_t from = scenario.start_epoch_ms.value_or(0);
  const std::int64_t to = from + scenario.horizon.ms();
  source.sampling.covered = {from, to};
  if (source.sampling_ms > 0)
    for (std::int64_t t = from; t < to; t += source.sampling_ms)
      source.sampling.times_ms.push_back(t);
  return source;
}

Report seen_as_observed(const Scenario& scenario, const Observation& source, SimTime step,
                        TimeseriesObserver* timeseries) {
  SimulatedAddressLog log;
  SimulationOptions options;
  options.address_log = &log;
  simulate(scenario, options);
  const std::int64_t from = scenario.start_epoch_ms.value_or(0);
  const Observation seen =
      observe_run(log.addresses(), from, source, scenario, std::nullopt, scenario.seed);
  return assemble_report(scenario, replay_seen(scenario, seen, {from, from + scenario.horizon.ms()},
                                               step, timeseries));
}

}  // namespace albsim
