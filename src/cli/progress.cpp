#include "cli/progress.hpp"

#include <cstdio>
#include <string>
#include <utility>

namespace albsim {

ProgressBar::ProgressBar(std::ostream& err, int total, bool enabled, const char* unit,
                         ClockReader clock)
    : err_(err),
      total_(total),
      enabled_(enabled),
      unit_(unit),
      clock_(std::move(clock)),
      start_(clock_()) {}

void ProgressBar::update(int finished, int total) {
  total_ = total;
  update(finished);
}

void ProgressBar::update(int finished) {
  if (!enabled_) return;
  const auto now = clock_();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || (drawn_ && now - last_draw_ < std::chrono::milliseconds(200))) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const int filled = kWidth * finished / total_;
  const double rate = finished / elapsed;
  const double left = rate > 0 ? (total_ - finished) / rate : 0;
  char line[160];
  std::snprintf(line, sizeof line, "\r[%s%s] %d/%d %s, %.1f/s, %.0fs left ",
                std::string(static_cast<std::size_t>(filled), '#').c_str(),
                std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), finished,
                total_, unit_, rate, left);
  err_ << line << std::flush;
}

void ProgressBar::finish() {
  if (drawn_) err_ << "\r" << std::string(79, ' ') << "\r" << std::flush;
}

}  // namespace albsim
