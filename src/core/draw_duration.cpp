#include "core/draw_duration.hpp"

#include <cmath>

namespace albsim {

SimTime draw_duration(const DurationDistribution& d, RandomStream& draws) {
  switch (d.kind) {
    case DurationDistribution::Kind::fixed:
      return d.fixed;
    case DurationDistribution::Kind::uniform:
      return SimTime::from_ms(std::llround(
          draws.uniform(static_cast<double>(d.low.ms()), static_cast<double>(d.high.ms()))));
    case DurationDistribution::Kind::exponential:
      return SimTime::from_ms(std::llround(draws.exponential(static_cast<double>(d.mean.ms()))));
  }
  return d.fixed;
}

}  // namespace albsim
