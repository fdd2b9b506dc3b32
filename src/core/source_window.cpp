#include "core/source_window.hpp"

#include <algorithm>
#include <limits>

#include "albsim/input_error.hpp"
#include "albsim/scenario.hpp"
#include "albsim/sim_time.hpp"
#include "core/calendar.hpp"

namespace albsim {

std::int64_t window_margin_ms(const EpochSpan& covered) {
  constexpr std::int64_t kWeek = 7 * 86'400'000LL;
  if (covered.from_ms < -kMaxHorizonMs * 1000 || covered.to_ms > kMaxHorizonMs * 1000)
    return std::numeric_limits<std::int64_t>::max();  // a source that covers all time (IPAM)
  return std::max(kWeek, covered.to_ms - covered.from_ms);
}

void check_window_margin(const std::string& file, std::string_view source, const EpochSpan& covered,
                         const EpochSpan& window) {
  const std::int64_t margin = window_margin_ms(covered);
  const auto beyond = [&](std::int64_t outer, std::int64_t inner) {  // outer past inner by more
    return outer > inner && outer - inner > margin;
  };
  if (!beyond(covered.from_ms, window.from_ms) && !beyond(window.to_ms, covered.to_ms)) return;
  throw InputError(file, "",
                   std::string(source) + " covers " + format_iso8601_utc(covered.from_ms) + " .. " +
                       format_iso8601_utc(covered.to_ms) + ", and the window " +
                       format_iso8601_utc(window.from_ms) + " .. " +
                       format_iso8601_utc(window.to_ms) +
                       " reaches further beyond it than the margin of " +
                       format_duration(SimTime::from_ms(margin)) +
                       " (a week, or the span covered if longer); give --from and --to within " +
                       format_iso8601_utc(covered.from_ms - margin) + " .. " +
                       format_iso8601_utc(covered.to_ms + margin));
}

}  // namespace albsim
