#include "demand/demand_profile.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/calendar.hpp"

namespace albsim {

DemandProfile::DemandProfile(const DemandSpec& spec, std::int64_t start_epoch_ms)
    : spec_(&spec), start_epoch_ms_(start_epoch_ms) {}

double DemandProfile::base_at(SimTime t) const {
  switch (spec_->kind) {
    case DemandSpec::Kind::constant:
      return spec_->constant;
    case DemandSpec::Kind::steps: {
      const auto& steps = spec_->steps;
      auto after = std::upper_bound(steps.begin(), steps.end(), t,
                                    [](SimTime x, const auto& step) { return x < step.first; });
      return after == steps.begin() ? 0.0 : std::prev(after)->second;
    }
    case DemandSpec::Kind::diurnal: {
      const DiurnalSpec& d = spec_->diurnal;
      const std::int64_t epoch_ms = start_epoch_ms_ + t.ms();
      const double hour = utc_hour_of_day(epoch_ms);
      double value =
          d.base * (1.0 + d.amplitude * std::cos(2.0 * std::numbers::pi * (hour - d.peak_hour) / 24.0));
      if (is_utc_weekend(epoch_ms)) value *= d.weekend_factor;
      return std::max(0.0, value);
    }
  }
  return 0.0;
}

double DemandProfile::at(SimTime t) const {
  double value = base_at(t);
  if (spec_->growth_per_30d != 0.0)
    value *= std::pow(1.0 + spec_->growth_per_30d, static_cast<double>(t.ms()) / 2'592'000'000.0);
  return value;
}

}  // namespace albsim
