// Recovery of random truths (tests/observe/recovery.hpp), a few of the soak's (bench/
// recovery_soak runs a hundred): each truth simulated, seen through four sources and calibrated
// from AWS's defaults; every identified value's 95% interval must hold the truth, the capacity
// be within 2%, the cooldown within one sampling step and the replacement's form right. Two
// documented limits are left out: DNS logs of more than 8 nodes in their answers (an answer
// lists at most 8), and the interval of a random (`mean`) replacement, which the soak measures
// covering 97% of cases, not every one (its age must be within 15% here).
#include <catch2/catch.hpp>

#include "observe/recovery.hpp"

using namespace albsim;

TEST_CASE("calibrate recovers random truths through every source", "[statistical][long]") {
  const char* const names[] = {"node_capacity_lcu", "launch_delay", "scale_in_cooldown",
                               "replacement"};
  for (std::uint64_t index = 0; index < 3; ++index) {
    const test::RecoveryTruth truth = test::recovery_truth(7, index);
    for (const test::Recovered& r : test::recover(truth)) {
      if (std::string(r.source).rfind("DNS", 0) == 0 && r.calibration.fit.observed_peak > 8)
        continue;
      INFO("truth " << index << " seen through " << r.source << ": capacity " << truth.capacity
                    << ", cooldown " << truth.cooldown_s << " s, launch " << truth.launch_s
                    << " s, replacement " << (truth.every ? "every " : "mean ")
                    << truth.replacement_h << " h");
      for (std::size_t k = 0; k < 4; ++k) {
        const FittedValue& v = r.calibration.values[k];
        INFO(names[k] << " = " << v.value << " in [" << v.low << ", " << v.high
                      << "]: " << v.method);
        if (k == 3 && !truth.every)
          CHECK(std::abs(v.value / r.truth[3] - 1) <= 0.15);
        else if (v.identified)
          CHECK(test::covers(r, k));
      }
      CHECK(r.calibration.values[0].identified);
      CHECK(r.calibration.values[2].identified);
      CHECK(std::abs(r.calibration.values[0].value / truth.capacity - 1) <= 0.02);
      CHECK(std::abs(r.calibration.values[2].value - truth.cooldown_s) <= r.resolution.seconds());
      CHECK((r.calibration.fitted.replacement.kind == ReplacementSpec::Kind::every) == truth.every);
    }
  }
}
