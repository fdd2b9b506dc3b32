#include "calibrate/oldest_releases.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace albsim {

LifetimeSample oldest_release_lifetimes(std::vector<HeldInterval> intervals,
                                        std::int64_t censored_before_ms) {
  // Events in time order; at one instant, ends before starts (an interval [a, b) is gone at b).
  std::vector<std::tuple<std::int64_t, int, std::int64_t>> events;  // time, 0 end / 1 start, from
  for (const HeldInterval& h : intervals) {
    if (h.to_ms <= h.from_ms) continue;  // held for no time: never the oldest
    events.emplace_back(h.from_ms, 1, h.from_ms);
    if (h.to_ms != kHeldToTheEnd) events.emplace_back(h.to_ms, 0, h.from_ms);
  }
  std::sort(events.begin(), events.end());
  std::multiset<std::int64_t> held;  // the start of every interval held
  double sum = 0, sum_sq = 0;
  std::size_t n = 0;
  for (const auto& [time, kind, from] : events) {
    if (kind == 1) {
      held.insert(from);
      continue;
    }
    if (*held.begin() == from && from >= censored_before_ms) {
      const double lifetime = static_cast<double>(time - from) / 1000;
      sum += lifetime, sum_sq += lifetime * lifetime, ++n;
    }
    held.erase(held.find(from));
  }
  LifetimeSample s;
  s.count = n;
  if (n > 0) s.mean_s = sum / static_cast<double>(n);
  if (n > 1) s.variance_s2 = std::max(0.0, (sum_sq - sum * s.mean_s) / static_cast<double>(n - 1));
  return s;
}

void HeldIntervalRecorder::acquired(SimTime t, std::size_t lb, std::size_t, std::uint32_t address) {
  if (lb != lb_) return;
  if (t > SimTime()) ++acquisitions_;
  if (!in_dns_) open(t, address);
}

void HeldIntervalRecorder::exposure(SimTime t, std::size_t lb, std::uint32_t address,
                                    bool exposed) {
  if (lb != lb_ || !in_dns_) return;
  if (exposed)
    open(t, address);
  else
    close(t, address);
}

void HeldIntervalRecorder::released(SimTime t, std::size_t lb, std::uint32_t address) {
  if (lb == lb_ && !in_dns_) close(t, address);
}

void HeldIntervalRecorder::open(SimTime t, std::uint32_t address) {
  open_[address] = intervals_.size();
  intervals_.push_back({t.ms(), kHeldToTheEnd});
}

void HeldIntervalRecorder::close(SimTime t, std::uint32_t address) {
  const auto it = open_.find(address);
  if (it == open_.end()) return;
  intervals_[it->second].to_ms = t.ms();
  open_.erase(it);
}

}  // namespace albsim
