#include "core/step_integral.hpp"

namespace albsim {

void EpisodeTracker::settle(SimTime now, bool condition) {
  if (condition == active_) return;
  if (condition) {
    active_ = true;
    start_ = now;
    if (!first_start_) first_start_ = now;
    return;
  }
  active_ = false;
  const SimTime length = now - start_;
  if (length.ms() == 0) return;
  ++episodes_;
  total_ += length;
  if (length > longest_) longest_ = length;
}

}  // namespace albsim
