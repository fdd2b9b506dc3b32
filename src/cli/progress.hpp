// ProgressBar: replications (or runs) done, rate and time left, redrawn on one stderr line. It
// stays silent unless enabled (stderr is a terminal and --quiet is off) and the run has lasted more
// than a second, and it redraws at most five times a second.
#pragma once

#include <chrono>
#include <ostream>

namespace albsim {

class ProgressBar {
 public:
  // `unit` names what is counted ("replications").
  ProgressBar(std::ostream& err, int total, bool enabled, const char* unit = "replications");
  void update(int finished);  // calls must be serialised
  // The same when the total may change as work goes (the planner's early stops).
  void update(int finished, int total);
  void finish();  // clears the line if anything was drawn

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  int total_;
  bool enabled_;
  const char* unit_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_;
};

}  // namespace albsim
