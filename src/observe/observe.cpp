#include "observe/observe.hpp"

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "observe/dns_log.hpp"
#include "observe/eni_snapshots.hpp"
#include "observe/ipam_history.hpp"

namespace albsim {
namespace {

std::int64_t time_option(const char* option, const std::string& value) {
  const auto ms = parse_iso8601(value);
  if (!ms) throw InputError(option, value, "not a UTC time like 2025-03-01T00:00:00Z");
  return *ms;
}

}  // namespace

ObservedScenario observed_scenario(Scenario scenario, const ObserveRequest& request) {
  const int sources = (request.ipam_history.empty() ? 0 : 1) +
                      (request.eni_snapshots.empty() ? 0 : 1) + (request.dns_log ? 1 : 0);
  if (sources != 1)
    throw InputError("albsim observe", "",
                     "give exactly one source: --ipam-history FILE..., --eni-snapshots FILE... "
                     "or --dns-log FILE");
  ObservedWindow window;
  if (request.from) {
    window.from_ms = time_option("--from", *request.from);
  } else if (scenario.start_epoch_ms) {
    window.from_ms = *scenario.start_epoch_ms;
  } else {
    throw InputError("--from", "",
                     "the scenario has no `start`; give the observed window with --from and --to");
  }
  window.to_ms =
      request.to ? time_option("--to", *request.to) : window.from_ms + scenario.horizon.ms();
  if (window.to_ms <= window.from_ms)
    throw InputError(
        "--to", format_iso8601_utc(window.to_ms),
        "the window must end after it starts (" + format_iso8601_utc(window.from_ms) + ")");
  scenario.start_epoch_ms = window.from_ms;
  scenario.horizon = SimTime::from_ms(window.to_ms - window.from_ms);
  return {std::move(scenario), window};
}

Observation read_observation(const ObserveRequest& request, const ObservedScenario& observed) {
  const ObservedLbResolver lbs(observed.scenario, request.lb);
  if (!request.ipam_history.empty()) return read_ipam_history(request.ipam_history, lbs);
  if (!request.eni_snapshots.empty())
    return read_eni_snapshots(request.eni_snapshots, lbs, observed.scenario, observed.window.to_ms);
  std::int64_t gap_ms = 0;
  if (request.dns_gap) {
    const auto gap = parse_duration(*request.dns_gap);
    if (!gap || gap->ms() <= 0)
      throw InputError("--dns-gap", *request.dns_gap, "not a positive duration like 5m");
    gap_ms = gap->ms();
  }
  return read_dns_log(*request.dns_log, lbs, gap_ms, observed.window.to_ms);
}

ObservedSource observed_source(const Observation& observation) {
  return {observation.kind,    observation.files.size(), observation.records,
          observation.ignored, observation.sampling_ms,  observation.azs_known,
          observation.hides};
}

}  // namespace albsim
