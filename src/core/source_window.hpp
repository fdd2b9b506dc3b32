// The window rule of every command that compares a window with what a source recorded (observe
// and calibrate with their observations, reconcile with a bill), beside a run's own limit of 10
// years: the window may reach beyond what the source covered, on either side, by a week, or by
// the span covered if that is longer (a 6-hour DNS log is observed within a week of it, not over
// 8,000 years). A source that covers all time (IPAM's address history) sets no margin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace albsim {

// [from_ms, to_ms) since the epoch.
struct EpochSpan {
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
};

// How far a window may reach beyond `covered` on either side.
std::int64_t window_margin_ms(const EpochSpan& covered);

// Throws InputError naming `file` when `window` reaches beyond `covered` by more than the
// margin: "<source> covers A .. B, and the window C .. D reaches further beyond it than the
// margin of 7d (a week, or the span covered if longer); give --from and --to within E .. F".
void check_window_margin(const std::string& file, std::string_view source, const EpochSpan& covered,
                         const EpochSpan& window);

}  // namespace albsim
