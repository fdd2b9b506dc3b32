#include "observe/observe.hpp"

#include <algorithm>

#include "albsim/input_error.hpp"
#include "core/calendar.hpp"
#include "core/source_window.hpp"
#include "observe/dns_log.hpp"
#include "observe/eni_snapshots.hpp"
#include "observe/ipam_history.hpp"
#include "observe/observation_model.hpp"
#include "observe/public_ips.hpp"
#include "report/text_format.hpp"

namespace albsim {
namespace {

std::int64_t time_option(const char* option, const std::string& value) {
  const auto ms = parse_iso8601(value);
  if (!ms) throw InputError(option, value, "not a UTC time like 2025-03-01T00:00:00Z");
  return *ms;
}

std::int64_t duration_option(const char* option, const std::string& value) {
  const auto d = parse_duration(value);
  if (!d || d->ms() <= 0) throw InputError(option, value, "not a positive duration like 5m");
  return d->ms();
}

}  // namespace

ObservedScenario observed_scenario(Scenario scenario, const ObserveRequest& request) {
  const int sources = (request.ipam_history.empty() ? 0 : 1) +
                      (request.eni_snapshots.empty() ? 0 : 1) + (request.dns_log ? 1 : 0) +
                      (request.public_ips.empty() ? 0 : 1);
  if (sources != 1)
    throw InputError("albsim observe", "",
                     "give exactly one source: --ipam-history FILE..., --eni-snapshots FILE..., "
                     "--public-ips FILE... or --dns-log FILE");
  if (!request.enis.empty() && request.ipam_history.empty())
    throw InputError("--enis", request.enis.front(),
                     "attributes IPAM history records; the other sources name their load "
                     "balancer themselves");
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
  if (window.to_ms - window.from_ms > kMaxHorizonMs)
    throw InputError(request.to ? "--to" : "--from",
                     format_iso8601_utc(request.to ? window.to_ms : window.from_ms),
                     "the window " + format_iso8601_utc(window.from_ms) + " .. " +
                         format_iso8601_utc(window.to_ms) +
                         " is longer than 10 years, the longest a run simulates");
  scenario.start_epoch_ms = window.from_ms;
  scenario.horizon = SimTime::from_ms(window.to_ms - window.from_ms);
  return {std::move(scenario), window};
}

Observation read_observation(const ObserveRequest& request, const ObservedScenario& observed) {
  const ObservedLbResolver lbs(observed.scenario, request.lb);
  if (!request.ipam_history.empty()) {
    std::int64_t grid_ms = 0;
    if (request.ipam_sampling) grid_ms = duration_option("--ipam-sampling", *request.ipam_sampling);
    Observation o =
        read_ipam_history(request.ipam_history, lbs, EniDirectory(request.enis), grid_ms);
    o.sampling.sees_managed = std::any_of(
        o.holdings.begin(), o.holdings.end(),
        [&](const ObservedHolding& h) { return !pool_owns(observed.scenario, h.address); });
    return o;
  }
  if (!request.eni_snapshots.empty())
    return read_eni_snapshots(request.eni_snapshots, lbs, observed.scenario);
  if (!request.public_ips.empty()) return read_public_ips(request.public_ips, lbs);
  std::int64_t gap_ms = 0;
  if (request.dns_gap) gap_ms = duration_option("--dns-gap", *request.dns_gap);
  return read_dns_log(*request.dns_log, lbs, gap_ms);
}

Coverage coverage_of(const Observation& observation, const ObservedWindow& window) {
  const ObservedWindow& covered = observation.sampling.covered;
  Coverage c;
  c.window = {std::max(window.from_ms, covered.from_ms), std::min(window.to_ms, covered.to_ms)};
  if (c.window.to_ms <= c.window.from_ms)
    throw InputError(observation.files.empty() ? observation.kind : observation.files.front(), "",
                     "the source covers " + format_iso8601_utc(covered.from_ms) + " .. " +
                         format_iso8601_utc(covered.to_ms) + ", none of the window " +
                         format_iso8601_utc(window.from_ms) + " .. " +
                         format_iso8601_utc(window.to_ms) +
                         "; give the window with --from and --to");
  c.share = static_cast<double>(c.window.to_ms - c.window.from_ms) /
            static_cast<double>(window.to_ms - window.from_ms);
  check_window_margin(observation.files.empty() ? observation.kind : observation.files.front(),
                      "the source", covered, window);
  return c;
}

std::string coverage_warning(const Observation& observation, const Coverage& coverage) {
  if (coverage.share >= 1) return "";
  std::string out = "warning: the " + observation.kind + " covers only ";
  out += fmt("%.1f", 100 * coverage.share);
  out += "% of the window: " + format_iso8601_utc(coverage.window.from_ms) + " .. " +
         format_iso8601_utc(coverage.window.to_ms) +
         " (its first and last samples, plus one sampling interval); the observation is that part";
  return out;
}

ObservedScenario covered_scenario(ObservedScenario observed, const Coverage& coverage) {
  observed.window = coverage.window;
  observed.scenario.start_epoch_ms = coverage.window.from_ms;
  observed.scenario.horizon = SimTime::from_ms(coverage.window.to_ms - coverage.window.from_ms);
  return observed;
}

ObservedSource observed_source(const Observation& observation, const Coverage& coverage) {
  ObservedSource s;
  s.kind = observation.kind;
  s.files = observation.files.size();
  s.records = observation.records;
  s.ignored = observation.ignored;
  s.unattributed = observation.unattributed;
  s.sampling_ms = observation.sampling_ms;
  s.time_grid_ms = observation.sampling.grid_ms;
  s.dns_gap_ms = observation.sampling.dns_gap_ms;
  s.answer_limit = observation.shows_dns ? observation.sampling.dns_answer_limit : 0;
  s.covered_share = coverage.share;
  s.sees_managed = observation.sampling.sees_managed;
  s.azs_known = observation.azs_known;
  s.hides = observation.hides;
  return s;
}

}  // namespace albsim
