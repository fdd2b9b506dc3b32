#include <catch2/catch.hpp>

#include "core/random_stream.hpp"
#include "core/statistics.hpp"

using namespace albsim;

TEST_CASE("Wilson score interval, against values computed by hand") {
  // p = 0.015, z^2/n = 0.0192073: centre 0.024140, half-width 0.019026.
  const Estimate a = wilson_interval(3, 200);
  CHECK(a.estimate == 0.015);
  CHECK(a.low == Approx(0.0051142).epsilon(1e-4));
  CHECK(a.high == Approx(0.0431657).epsilon(1e-4));
  // p = 0: centre = half-width = (z^2 / 2n) / (1 + z^2 / n) = 0.035674.
  const Estimate b = wilson_interval(0, 50);
  CHECK(b.low == 0.0);
  CHECK(b.high == Approx(0.0713476).epsilon(1e-4));
  const Estimate c = wilson_interval(50, 50);
  CHECK(c.low == Approx(1 - 0.0713476).epsilon(1e-4));
  CHECK(c.high == 1.0);
}

TEST_CASE("Wilson score interval: it holds its estimate, and all or none is exact at its end") {
  // Mathematically the interval holds p, and is [.., 1] when every trial succeeds, [0, ..] when
  // none does; computed, centre + half-width can land one unit in the last place below 1, which
  // reads as an interval that excludes its own estimate (and broke plan --plot).
  for (std::size_t n = 1; n <= 2000; ++n) {
    INFO("n = " << n);
    REQUIRE(wilson_interval(n, n).high == 1.0);
    REQUIRE(wilson_interval(0, n).low == 0.0);
    for (const std::size_t k : {std::size_t{1}, n / 3, n / 2, n - 1}) {
      if (k > n) continue;
      const Estimate e = wilson_interval(k, n);
      REQUIRE(e.low <= e.estimate);
      REQUIRE(e.estimate <= e.high);
    }
  }
}

TEST_CASE("sample summaries interpolate between closest ranks") {
  const SampleSummary s = summarize({4, 1, 3, 2, 5});
  CHECK(s.n == 5);
  CHECK(s.mean == 3.0);
  CHECK(s.stddev == Approx(std::sqrt(2.5)));  // sum of squares 10 over n - 1 = 4
  CHECK(s.min == 1.0);
  CHECK(s.p50 == 3.0);
  CHECK(s.p95 == Approx(4.8));  // position 0.95 x 4 = 3.8
  CHECK(s.p99 == Approx(4.96));
  CHECK(s.max == 5.0);
  CHECK(summarize({7}).stddev == 0.0);
}

TEST_CASE("random streams: reproducible, independent by component and replication") {
  RandomStream a(7, 0, "load_balancers/web/launch_delay");
  RandomStream same(7, 0, "load_balancers/web/launch_delay");
  RandomStream other_component(7, 0, "load_balancers/web/noise");
  RandomStream other_replication(7, 1, "load_balancers/web/launch_delay");
  const double x = a.uniform01();
  CHECK(x == same.uniform01());
  CHECK(x != other_component.uniform01());
  CHECK(x != other_replication.uniform01());
}

TEST_CASE("random streams: distribution means within 4 standard errors") {
  const int n = 100000;
  RandomStream r(42, 0, "test");
  double uniform = 0, exponential = 0, normal = 0, normal_sq = 0;
  std::vector<int> buckets(7, 0);
  for (int i = 0; i < n; ++i) {
    uniform += r.uniform(60, 180);
    exponential += r.exponential(10);
    const double z = r.standard_normal();
    normal += z;
    normal_sq += z * z;
    ++buckets[r.below(7)];
  }
  // Standard errors: uniform 120/sqrt(12)/sqrt(n); exponential 10/sqrt(n); normal 1/sqrt(n).
  const double root_n = std::sqrt(n);
  CHECK(std::abs(uniform / n - 120) < 4 * 34.641 / root_n);
  CHECK(std::abs(exponential / n - 10) < 4 * 10 / root_n);
  CHECK(std::abs(normal / n) < 4 / root_n);
  CHECK(std::abs(normal_sq / n - 1) < 4 * std::sqrt(2.0) / root_n);  // Var(Z^2) = 2
  for (const int b : buckets)
    CHECK(std::abs(b - n / 7.0) < 4 * std::sqrt(n * (1 / 7.0) * (6 / 7.0)));
}
