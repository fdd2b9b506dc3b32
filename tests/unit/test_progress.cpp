#include <catch2/catch.hpp>
#include <sstream>
#include <thread>

#include "cli/progress.hpp"

using namespace albsim;

TEST_CASE("the progress bar stays silent when disabled or within the first second") {
  std::ostringstream err;
  ProgressBar off(err, 10, false);
  off.update(5);
  off.finish();
  ProgressBar quick(err, 10, true);
  quick.update(5);
  quick.finish();
  CHECK(err.str().empty());
}

TEST_CASE("the progress bar draws after a second and clears its line") {
  std::ostringstream err;
  ProgressBar bar(err, 10, true);
  std::this_thread::sleep_for(std::chrono::milliseconds(1050));
  bar.update(3);
  CHECK(err.str().find("] 3/10 replications, ") != std::string::npos);
  CHECK(err.str().find("[#########.....................]") != std::string::npos);  // 30 x 3/10
  bar.finish();
  CHECK(err.str().back() == '\r');
}
