// ProgressBar: replications done, rate and time left, redrawn on one stderr line. It stays
// silent unless enabled (stderr is a terminal and --quiet is off) and the run has lasted more
// than a second, and it redraws at most five times a second.
#pragma once

#include <chrono>
#include <ostream>

namespace albsim {

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, int total, bool enabled);
  void update(int finished);  // calls must be serialised
  void finish();              // clears the line if anything was drawn

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  int total_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_;
};

}  // namespace albsim
