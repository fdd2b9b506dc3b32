// SettledObserver: sees the model only in settled states (MODEL.md §2), never half-way through an
// instant. The engine calls observers in the order they were added.
#pragma once

#include "albsim/sim_time.hpp"

namespace albsim {

class SettledObserver {
 public:
  // Every event of the instant `now` has run.
  virtual void on_settled(SimTime now) = 0;
  // The state settled at the last instant holds until `until` (the next instant, or the horizon
  // once the queue is empty).
  virtual void on_held_until(SimTime until) { (void)until; }

 protected:
  ~SettledObserver() = default;
};

}  // namespace albsim
