// The statistic replacement is fitted to: how long an address had been held when it was given
// back while it was the oldest one held. Scale-in drains the newest nodes first (MODEL.md §4,
// prefer_managed and newest), so the oldest node leaves almost only when it is replaced, and
// these lifetimes measure the replacement age whatever the demand did: for `every: d` each is
// d plus the replacement's launch, drain and release; for `mean` they shrink with the mean.
// Simulation and observation are measured alike and compared (a simulated moment).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace albsim {

inline constexpr std::int64_t kHeldToTheEnd = std::numeric_limits<std::int64_t>::max();

// One address held (or in DNS) over [from_ms, to_ms), in ms since the window's start.
struct HeldInterval {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = kHeldToTheEnd;
};

struct LifetimeSample {
  std::size_t count = 0;
  double mean_s = 0;
  double variance_s2 = 0;  // of one lifetime (n - 1 denominator; 0 for fewer than 2)
};

// The lifetimes, in seconds, of the intervals that end while no interval held at that moment
// started earlier (empty intervals are skipped). Intervals starting before `censored_before_ms`
// (held when observation began: their age is unknown) take part as older holders but are not
// measured.
LifetimeSample oldest_release_lifetimes(std::vector<HeldInterval> intervals,
                                        std::int64_t censored_before_ms);

// The times (ascending) at which an interval ends while no interval held then started earlier:
// the oldest address given back, which (scale-in draining the newest first) marks a
// replacement.
std::vector<std::int64_t> oldest_release_times(const std::vector<HeldInterval>& intervals);

}  // namespace albsim
