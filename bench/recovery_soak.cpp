// The recovery soak of calibrate: N truths drawn at random (tests/observe/recovery.hpp), each
// simulated by albsim, seen through four sources' observation models and calibrated from AWS's
// defaults. Prints, per source and parameter, how often the 95% interval holds the truth, and
// how often the point estimate is close (capacity within 2%, cooldown within one sampling step);
// DNS logs of more than 8 nodes in their answers apart, since answers list at most 8.
//
//   build/bench/recovery_soak [TRUTHS=100] [SEED=1] [THREADS=0: every core]
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/parallel_for.hpp"
#include "observe/recovery.hpp"

using namespace albsim;

namespace {

struct Tally {
  int cases = 0, identified = 0, covered = 0, close = 0;
};

const char* const kValues[] = {"capacity", "launch delay", "cooldown", "replacement"};

// Whether the point estimate of value `i` is close: capacity within 2%, cooldown within one
// sampling step (the source's resolution), the others not judged (always close).
bool close_enough(const test::Recovered& r, std::size_t i) {
  const double v = r.calibration.values[i].value;
  if (i == 0) return std::abs(v / r.truth[0] - 1) <= 0.02;
  if (i == 2) return std::abs(v - r.truth[2]) <= r.resolution.seconds();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t truths = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  const int threads = argc > 3 ? std::atoi(argv[3]) : 0;
  std::vector<std::vector<test::Recovered>> results(truths);
  parallel_for(
      truths, threads,
      [&](std::size_t i) { results[i] = test::recover(test::recovery_truth(seed, i)); },
      [&](std::size_t done) {
        if (done % 10 == 0) std::fprintf(stderr, "%zu of %zu truths\n", done, truths);
      });

  std::map<std::string, Tally> tally;  // "<source> | <value>"
  std::map<std::string, Tally> form;   // replacement form chosen right, per source
  for (std::size_t i = 0; i < truths; ++i) {
    const test::RecoveryTruth truth = test::recovery_truth(seed, i);
    for (const test::Recovered& r : results[i]) {
      // A DNS answer lists at most 8 addresses: more nodes are seen through random subsets.
      const std::string source =
          std::string(r.source) +
          (r.calibration.fit.observed_peak > 8 && std::string(r.source).rfind("DNS", 0) == 0
               ? " (>8)"
               : "");
      for (std::size_t k = 0; k < 4; ++k) {
        Tally& t = tally[source + " | " + kValues[k]];
        ++t.cases;
        if (!r.calibration.values[k].identified) continue;
        ++t.identified;
        t.covered += test::covers(r, k) ? 1 : 0;
        t.close += close_enough(r, k) ? 1 : 0;
      }
      Tally& f = form[source];
      ++f.cases;
      if (r.calibration.values[3].identified) {
        ++f.identified;
        const bool every = r.calibration.fitted.replacement.kind == ReplacementSpec::Kind::every;
        f.covered += every == truth.every ? 1 : 0;
      }
      if (std::getenv("RECOVERY_VERBOSE"))
        std::printf(
            "truth %zu %s: cap %.2f [%.2f, %.2f] true %.1f; cooldown %.0f [%.0f, %.0f] "
            "true %.0f; launch %.0f [%.0f, %.0f] true %.0f; repl %.0f [%.0f, %.0f] true "
            "%.0f (%s); peak %u\n",
            i, r.source, r.calibration.values[0].value, r.calibration.values[0].low,
            r.calibration.values[0].high, r.truth[0], r.calibration.values[2].value,
            r.calibration.values[2].low, r.calibration.values[2].high, r.truth[2],
            r.calibration.values[1].value, r.calibration.values[1].low,
            r.calibration.values[1].high, r.truth[1], r.calibration.values[3].value,
            r.calibration.values[3].low, r.calibration.values[3].high, r.truth[3],
            truth.every ? "every" : "mean", r.peak_nodes);
    }
  }
  std::printf("recovery soak: %zu truths, seed %llu\n\n", truths,
              static_cast<unsigned long long>(seed));
  std::printf("%-26s %-13s %10s %12s %12s\n", "source", "value", "identified", "covered", "close");
  for (const auto& [key, t] : tally) {
    const std::size_t bar = key.find(" | ");
    const auto share = [&](int n) {
      char text[32];
      std::snprintf(text, sizeof text, "%d (%.0f%%)", n,
                    t.identified ? 100.0 * n / t.identified : 0.0);
      return std::string(text);
    };
    std::printf("%-26s %-13s %5d of %-3d %12s %12s\n", key.substr(0, bar).c_str(),
                key.substr(bar + 3).c_str(), t.identified, t.cases, share(t.covered).c_str(),
                share(t.close).c_str());
  }
  std::printf("\nreplacement form chosen right (of identified):\n");
  for (const auto& [source, f] : form)
    std::printf("%-26s %d of %d\n", source.c_str(), f.covered, f.identified);
  return 0;
}
