// SimTime: the simulation clock and every duration, an integer count of milliseconds.
// Value type; no floating-point time anywhere in the engine.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace albsim {

class SimTime {
 public:
  constexpr SimTime() = default;
  static constexpr SimTime from_ms(std::int64_t ms) { return SimTime(ms); }
  static constexpr SimTime from_seconds(std::int64_t s) { return SimTime(s * 1000); }
  static constexpr SimTime days(std::int64_t d) { return SimTime(d * 86'400'000); }

  constexpr std::int64_t ms() const { return ms_; }
  constexpr double seconds() const { return static_cast<double>(ms_) / 1000.0; }
  constexpr double hours_f() const { return static_cast<double>(ms_) / 3.6e6; }

  constexpr auto operator<=>(const SimTime&) const = default;
  constexpr SimTime operator+(SimTime o) const { return SimTime(ms_ + o.ms_); }
  constexpr SimTime operator-(SimTime o) const { return SimTime(ms_ - o.ms_); }
  constexpr SimTime& operator+=(SimTime o) {
    ms_ += o.ms_;
    return *this;
  }

 private:
  constexpr explicit SimTime(std::int64_t ms) : ms_(ms) {}
  std::int64_t ms_ = 0;
};

// Parses a scenario duration string: one or more `<decimal><unit>` parts, units ms s m h d w
// ("90s", "4d18h", "1.5h"). Returns nullopt when malformed or not a whole number of milliseconds.
std::optional<SimTime> parse_duration(std::string_view text);

// The milliseconds a duration string spells, not rounded ("0.25ms" is 0.25); nullopt when it is
// not of the form parse_duration reads.
std::optional<double> duration_string_ms(std::string_view text);

// Converts a number of seconds (as written in a scenario) to SimTime; nullopt when negative,
// non-finite or not a whole number of milliseconds.
std::optional<SimTime> duration_from_seconds(double seconds);

// Formats a duration compactly for people ("4d18h", "90s", "250ms", "0s").
std::string format_duration(SimTime t);

}  // namespace albsim
