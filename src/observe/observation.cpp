#include "observe/observation.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "albsim/input_error.hpp"
#include "albsim/ipv4.hpp"
#include "core/calendar.hpp"

namespace albsim {

void check_holdings(std::vector<ObservedHolding>& holdings) {
  for (const ObservedHolding& h : holdings)
    if (h.to_ms < h.from_ms)
      throw InputError(h.origin, "",
                       "ends (" + format_iso8601_utc(h.to_ms) + ") before it starts (" +
                           format_iso8601_utc(h.from_ms) + ")");
  const auto key = [](const ObservedHolding& h) {
    return std::tie(h.address, h.from_ms, h.to_ms, h.lb);
  };
  std::sort(holdings.begin(), holdings.end(),
            [&](const ObservedHolding& a, const ObservedHolding& b) { return key(a) < key(b); });
  holdings.erase(std::unique(holdings.begin(), holdings.end(),
                             [&](const ObservedHolding& a, const ObservedHolding& b) {
                               return key(a) == key(b) && a.az == b.az;
                             }),
                 holdings.end());
  for (std::size_t i = 1; i < holdings.size(); ++i) {
    const ObservedHolding& before = holdings[i - 1];
    const ObservedHolding& h = holdings[i];
    if (h.address == before.address && h.from_ms < before.to_ms)
      throw InputError(h.origin, "",
                       Ipv4{h.address}.to_string() + " is held from " +
                           format_iso8601_utc(h.from_ms) + ", but " + before.origin +
                           " holds it until " + format_iso8601_utc(before.to_ms) +
                           ": one address cannot be held twice at once");
  }
}

std::int64_t covered_end(const std::vector<std::int64_t>& sorted_times, std::int64_t sampling_ms) {
  return sorted_times.size() < 2 ? std::numeric_limits<std::int64_t>::max()
                                 : sorted_times.back() + sampling_ms;
}

std::int64_t median_gap_ms(const std::vector<std::int64_t>& sorted_times) {
  if (sorted_times.size() < 2) return 0;
  std::vector<std::int64_t> gaps;
  gaps.reserve(sorted_times.size() - 1);
  for (std::size_t i = 1; i < sorted_times.size(); ++i)
    gaps.push_back(sorted_times[i] - sorted_times[i - 1]);
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                   gaps.end());
  return gaps[gaps.size() / 2];
}

}  // namespace albsim
