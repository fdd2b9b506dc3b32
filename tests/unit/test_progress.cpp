#include <catch2/catch.hpp>
#include <sstream>

#include "cli/progress.hpp"

using namespace albsim;

namespace {

// A clock the test moves by hand.
struct ManualClock {
  ProgressBar::Clock::time_point now{};
  void advance_ms(int ms) { now += std::chrono::milliseconds(ms); }
  ProgressBar::ClockReader reader() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("the progress bar stays silent when disabled or within the first second") {
  ManualClock clock;
  std::ostringstream err;
  ProgressBar off(err, 10, false, "replications", clock.reader());
  ProgressBar quick(err, 10, true, "replications", clock.reader());
  clock.advance_ms(999);
  quick.update(5);
  clock.advance_ms(2000);
  off.update(5);
  off.finish();
  CHECK(err.str().empty());
  quick.finish();  // nothing was drawn: nothing to clear
  CHECK(err.str().empty());
}

TEST_CASE("the progress bar draws after a second, at most five times a second, and clears") {
  ManualClock clock;
  std::ostringstream err;
  ProgressBar bar(err, 10, true, "replications", clock.reader());
  clock.advance_ms(2000);
  bar.update(3);  // 3 in 2 s: 1.5/s, 7 left at 1.5/s = 4.67 s
  CHECK(err.str() == "\r[#########.....................] 3/10 replications, 1.5/s, 5s left ");
  clock.advance_ms(199);
  bar.update(4);  // within 200 ms of the last draw: not redrawn
  CHECK(err.str().find("4/10") == std::string::npos);
  clock.advance_ms(1);
  bar.update(4);
  CHECK(err.str().find("] 4/10 replications, ") != std::string::npos);
  bar.finish();
  CHECK(err.str().back() == '\r');
}
