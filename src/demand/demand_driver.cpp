#include "demand/demand_driver.hpp"

#include <algorithm>
#include <span>

#include "core/calendar.hpp"
#include "core/lognormal.hpp"

namespace albsim {

DemandDriver::LbDemand::LbDemand(const Scenario& scenario, const LoadBalancerSpec& spec,
                                 std::uint64_t replication)
    : profile(spec.demand, scenario.start_epoch_ms.value_or(kDefaultStartEpochMs),
              spec.evaluation_interval,
              spec.demand.kind == DemandSpec::Kind::trace
                  ? draw_trace(spec.demand.trace, spec.id,
                               scenario.start_epoch_ms.value_or(kDefaultStartEpochMs),
                               spec.evaluation_interval, scenario.seed, replication)
                  : TraceDraw{}),
      noise_sigma(spec.demand.noise_sigma),
      noise_draws(scenario.seed, replication, "load_balancers/" + spec.id + "/noise"),
      step(spec.evaluation_interval),
      horizon_points((scenario.horizon.ms() + step.ms() - 1) / step.ms()) {}

DemandDriver::DemandDriver(const Scenario& scenario, std::uint64_t replication,
                           DemandObserver& observer, std::size_t block_points)
    : observer_(observer), block_points_(std::max<std::size_t>(block_points, 1)) {
  for (const LoadBalancerSpec& spec : scenario.load_balancers)
    lbs_.emplace_back(scenario, spec, replication);
}

double DemandDriver::sample_start(std::size_t lb) {
  LbDemand& d = lbs_[lb];
  double demand = d.profile.at(SimTime()) * d.surges.product();
  if (d.noise_sigma > 0) {
    double noise = 1;
    lognormal_multipliers(d.noise_draws, d.noise_sigma, std::span<double>(&noise, 1));
    demand *= noise;
  }
  observer_.demand_started(lb, demand);
  return demand;
}

void DemandDriver::next_block(std::size_t lb) {
  LbDemand& d = lbs_[lb];
  const auto count = static_cast<std::size_t>(
      std::min<std::int64_t>(static_cast<std::int64_t>(block_points_), d.horizon_points - d.next));
  d.first = d.next;
  d.end = d.next + static_cast<std::int64_t>(count);
  d.profile_values.resize(count);
  const SimTime first = point_time(lb, d.first);
  d.profile.fill_base(first, d.step, d.profile_values);
  if (const double rate = d.profile.log_growth_per_ms(); rate != 0.0) {
    const double* growth = growth_.factors(rate, first, d.step, count).data();
    double* values = d.profile_values.data();
    for (std::size_t i = 0; i < count; ++i) values[i] *= growth[i];
  }
  d.noise.resize(d.noise_sigma > 0 ? count : 0);
  lognormal_multipliers(d.noise_draws, d.noise_sigma, d.noise);
  d.integral.resize(count);
  d.changed.resize(count);
  recompute(lb);
}

void DemandDriver::recompute(std::size_t lb) {
  LbDemand& d = lbs_[lb];
  d.stale = false;
  const double surge = d.surges.product();
  const auto from = static_cast<std::size_t>(d.next - d.first);
  const std::size_t count = d.profile_values.size();
  d.direct = d.noise.empty() && surge == 1.0;
  if (!d.direct) {
    d.demand.resize(count);
    const double* profile = d.profile_values.data();
    double* demand = d.demand.data();
    if (d.noise.empty()) {
      for (std::size_t i = from; i < count; ++i) demand[i] = profile[i] * surge;
    } else {
      const double* noise = d.noise.data();
      for (std::size_t i = from; i < count; ++i) demand[i] = profile[i] * surge * noise[i];
    }
  }
  // Every point before `next` is with the observer, so its integral continues from here.
  const auto [held, progress] = observer_.demand_progress(lb);
  d.traced_from = static_cast<std::int64_t>(from);
  d.traced_since = progress.since_ms;
  StepIntegral::trace(held, progress, point_time(lb, d.next), d.step,
                      std::span<const double>(d.values()).subspan(from),
                      std::span<double>(d.integral).subspan(from),
                      std::span<std::int32_t>(d.changed).subspan(from));
}

double DemandDriver::held_at(std::size_t lb, SimTime t) {
  const std::int64_t k = t.ms() / lbs_[lb].step.ms();
  if (k < lbs_[lb].next) return observer_.demand_progress(lb).first;  // already told
  return at(lb, k);
}

void DemandDriver::consume_through(std::size_t lb, std::int64_t k) {
  if (k < lbs_[lb].next) return;
  fresh(lb);
  LbDemand& d = lbs_[lb];
  const auto from = static_cast<std::size_t>(d.next - d.first);
  const auto last = static_cast<std::size_t>(k - d.first);
  const std::int32_t changed = d.changed[last];
  const StepIntegral::Progress traced{
      d.integral[last],
      changed < 0 ? d.traced_since : point_time(lb, d.first + d.traced_from + changed).ms()};
  observer_.demand_sampled(lb, point_time(lb, d.next), d.step,
                           std::span<const double>(d.values()).subspan(from, last + 1 - from),
                           &traced);
  d.next = k + 1;
}

void DemandDriver::change_surges(std::size_t lb, double multiplier, bool start) {
  if (listener_ != nullptr) listener_->demand_will_change(lb);
  LbDemand& d = lbs_[lb];
  if (start)
    d.surges.start(multiplier);
  else
    d.surges.end(multiplier);
  d.stale = true;
  if (listener_ != nullptr) listener_->demand_changed(lb);
}

void DemandDriver::surge_started(std::size_t lb, double multiplier) {
  change_surges(lb, multiplier, true);
}

void DemandDriver::surge_ended(std::size_t lb, double multiplier) {
  change_surges(lb, multiplier, false);
}

}  // namespace albsim
