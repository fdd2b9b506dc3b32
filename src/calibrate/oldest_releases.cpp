#include "calibrate/oldest_releases.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace albsim {

namespace {

// Calls visit(release time, start) for each interval that ends while it is the oldest held.
template <class Visit>
void for_each_oldest_release(const std::vector<HeldInterval>& intervals, Visit visit) {
  // Events in time order; at one instant, ends before starts (an interval [a, b) is gone at b).
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> events;  // time, 0 end / 1 start, from
  for (const HeldInterval& h : intervals) {
    if (h.to_ms <= h.from_ms) continue;  // held for no time: never the oldest
    events.emplace_back(h.from_ms, 1, h.from_ms);
    if (h.to_ms != kHeldToTheEnd) events.emplace_back(h.to_ms, 0, h.from_ms);
  }
  std::sort(events.begin(), events.end());
  std::multiset<std::int64_t> held;  // the start of every interval held
  for (const auto& [time, kind, from] : events) {
    if (kind == 1) {
      held.insert(from);
      continue;
    }
    if (*held.begin() == from) visit(time, from);
    held.erase(held.find(from));
  }
}

}  // namespace

std::vector<std::int64_t> oldest_release_times(const std::vector<HeldInterval>& intervals) {
  std::vector<std::int64_t> times;
  for_each_oldest_release(intervals,
                          [&](std::int64_t time, std::int64_t) { times.push_back(time); });
  return times;
}

LifetimeSample oldest_release_lifetimes(std::vector<HeldInterval> intervals,
                                        std::int64_t censored_before_ms) {
  double sum = 0, sum_sq = 0;
  std::size_t n = 0;
  for_each_oldest_release(intervals, [&](std::int64_t time, std::int64_t from) {
    if (from < censored_before_ms) return;
    const double lifetime = static_cast<double>(time - from) / 1000;
    sum += lifetime, sum_sq += lifetime * lifetime, ++n;
  });
  LifetimeSample s;
  s.count = n;
  if (n > 0) s.mean_s = sum / static_cast<double>(n);
  if (n > 1) s.variance_s2 = std::max(0.0, (sum_sq - sum * s.mean_s) / static_cast<double>(n - 1));
  return s;
}

}  // namespace albsim
