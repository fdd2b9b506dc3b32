// Time-weighted statistics of piecewise-constant quantities, integrated lazily: each change
// closes the span since the previous one, so several changes at one instant weigh nothing and
// only settled values accumulate. Integrals are in value-milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "albsim/sim_time.hpp"

namespace albsim {

class StepIntegral {
 public:
  void set(SimTime now, double value) {
    integral_ += value_ * static_cast<double>((now - since_).ms());
    since_ = now;
    value_ = value;
  }
  void add(SimTime now, double delta) { set(now, value_ + delta); }

  // How far the integral has come: what a run of set() calls leaves besides the value held.
  struct Progress {
    double integral = 0;
    std::int64_t since_ms = 0;
  };
  Progress progress() const { return {integral_, since_.ms()}; }
  // Jumps to the state a run of set() calls leaves, as traced by trace(): `value` held, `p`.
  void restore(double value, Progress p) {
    value_ = value;
    integral_ = p.integral;
    since_ = SimTime::from_ms(p.since_ms);
  }
  // From `value` held at `start`, what each set(first + i * step, values[i]) of set_samples()
  // (equal values skipped) leaves: the integral in integral[i], and in changed[i] the index of
  // the last value that changed it (its `since`), or -1 while it is still start's. The same
  // arithmetic, done ahead.
  static void trace(double value, Progress start, SimTime first, SimTime step,
                    std::span<const double> values, std::span<double> integral,
                    std::span<std::int32_t> changed) {
    double sum = start.integral;
    std::int64_t since = start.since_ms, t = first.ms();
    std::int32_t last = -1;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] != value) {
        sum += value * static_cast<double>(t - since);
        since = t;
        value = values[i];
        last = static_cast<std::int32_t>(i);
      }
      integral[i] = sum;
      changed[i] = last;
      t += step.ms();
    }
  }
  // set(first + i * step, values[i]) for each value that differs from the one held; at each
  // such change also `follower.set(same time, values[i] * factor)`, when given. The same
  // arithmetic as those calls, in a loop on registers.
  void set_samples(SimTime first, SimTime step, std::span<const double> values,
                   StepIntegral* follower = nullptr, double factor = 0) {
    double value = value_, integral = integral_;
    std::int64_t since = since_.ms(), t = first.ms();
    if (follower == nullptr) {
      for (const double v : values) {
        if (v != value) {
          integral += value * static_cast<double>(t - since);
          since = t;
          value = v;
        }
        t += step.ms();
      }
    } else {
      double f_value = follower->value_, f_integral = follower->integral_;
      std::int64_t f_since = follower->since_.ms();
      for (const double v : values) {
        if (v != value) {
          integral += value * static_cast<double>(t - since);
          since = t;
          value = v;
          f_integral += f_value * static_cast<double>(t - f_since);
          f_since = t;
          f_value = v * factor;
        }
        t += step.ms();
      }
      follower->value_ = f_value;
      follower->integral_ = f_integral;
      follower->since_ = SimTime::from_ms(f_since);
    }
    value_ = value;
    integral_ = integral;
    since_ = SimTime::from_ms(since);
  }
  double value() const { return value_; }
  // The integral up to `now` (>= the last change).
  double integral(SimTime now) const {
    return integral_ + value_ * static_cast<double>((now - since_).ms());
  }

 private:
  double value_ = 0;
  double integral_ = 0;
  SimTime since_;
};

// Maximal intervals during which a condition held in settled states, cut at the horizon.
class EpisodeTracker {
 public:
  void settle(SimTime now, bool condition);
  void finish(SimTime horizon) { settle(horizon, false); }

  std::uint64_t episodes() const { return episodes_; }
  SimTime total() const { return total_; }
  SimTime longest() const { return longest_; }
  std::optional<SimTime> first_start() const { return first_start_; }

 private:
  bool active_ = false;
  SimTime start_;
  std::uint64_t episodes_ = 0;
  SimTime total_;
  SimTime longest_;
  std::optional<SimTime> first_start_;
};

}  // namespace albsim
