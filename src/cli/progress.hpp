// ProgressBar: replications (or runs) done, rate and time left, redrawn on one stderr line. It
// stays silent unless enabled (stderr is a terminal and --quiet is off) and the run has lasted more
// than a second, and it redraws at most five times a second.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>

namespace albsim {

class ProgressBar {
 public:
  using Clock = std::chrono::steady_clock;
  using ClockReader = std::function<Clock::time_point()>;

  // `unit` names what is counted ("replications"); `clock` tells the time (tests pass their own).
  ProgressBar(std::ostream& err, int total, bool enabled, const char* unit = "replications",
              ClockReader clock = Clock::now);
  void update(int finished);  // calls must be serialised
  // The same when the total may change as work goes (the planner's early stops).
  void update(int finished, int total);
  void finish();  // clears the line if anything was drawn

 private:
  std::ostream& err_;
  int total_;
  bool enabled_;
  const char* unit_;
  ClockReader clock_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

}  // namespace albsim
