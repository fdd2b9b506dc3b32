// table_exp against e^x in long double (64-bit significand on x86-64, 11 bits more than a
// double): the error in units in the last place of the true value, at most 0.52 (about 0.51 by
// the method's analysis in core/table_exp.hpp, plus 2^-11 for the reference's own rounding), over
// the noise multipliers' whole range and around every table boundary. An exp one ulp off must fail
// the same measure.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

#include "core/random_stream.hpp"
#include "core/table_exp.hpp"

using namespace albsim;

namespace {

// |y - e^x| in ulps of e^x (the spacing of doubles at e^x).
double ulps_off(double y, double x) {
  const long double truth = std::exp(static_cast<long double>(x));
  int exponent = 0;
  std::frexp(static_cast<double>(truth), &exponent);
  const long double ulp = std::ldexp(1.0L, exponent - 53);
  return static_cast<double>(std::fabs(static_cast<long double>(y) - truth) / ulp);
}

// The largest error of `f` over 2 million arguments uniform in [-40, 40] (sigma 3 times Z up to
// 13, beyond any draw) and the 2,561 arguments j ln2 / 128 +- 1e-13 for |j| <= 1,280.
double worst_error(const std::function<double(double)>& f) {
  RandomStream r(1, 0, "tests/table_exp");
  double worst = 0;
  for (int i = 0; i < 2'000'000; ++i) {
    const double x = r.uniform(-40, 40);
    worst = std::max(worst, ulps_off(f(x), x));
  }
  for (int j = -1280; j <= 1280; ++j)
    for (const double nudge : {-1e-13, 0.0, 1e-13}) {
      const double x = j * (0.6931471805599453 / 128) + nudge;
      worst = std::max(worst, ulps_off(f(x), x));
    }
  return worst;
}

}  // namespace

TEST_CASE("table_exp: within 0.52 ulp of e^x, and a one-ulp-off exp is caught") {
  if (std::numeric_limits<long double>::digits < 64) {
    WARN("long double has no more precision than double here: the error cannot be measured");
    return;
  }
  const double worst = worst_error([](double x) { return table_exp(x); });
  INFO("worst error " << worst << " ulp");
  CHECK(worst <= 0.52);
  CHECK(worst_error([](double x) {
          const double y = table_exp(x);
          return std::nextafter(y, INFINITY);
        }) > 0.52);
}

TEST_CASE("table_exp: exact where e^x is, and std::exp beyond |x| = 700") {
  CHECK(table_exp(0.0) == 1.0);
  CHECK(table_exp(-0.0) == 1.0);
  CHECK(table_exp(800.0) == std::exp(800.0));
  CHECK(table_exp(-800.0) == std::exp(-800.0));
  CHECK(std::isnan(table_exp(NAN)));
  CHECK(table_exp(700.0) == Approx(std::exp(700.0)).epsilon(1e-15));
  CHECK(table_exp(-700.0) == Approx(std::exp(-700.0)).epsilon(1e-15));
}

TEST_CASE("table_exp_in_place: table_exp's bits, four at a time, odd lengths and far lanes") {
  RandomStream r(2, 0, "tests/table_exp");
  std::vector<double> x(2'000'003);
  for (double& v : x) v = r.uniform(-40, 40);
  x[10] = 800;  // a group of four with one lane beyond 700, and one with a NaN
  x[21] = NAN;
  // Both variants, whichever the processor picks, and the function that picks.
  std::vector<std::pair<const char*, void (*)(std::span<double>)>> variants = {
      {"table_exp_in_place", table_exp_in_place},
      {"baseline (SSE2)", table_exp_detail::in_place_baseline}};
  if (table_exp_detail::has_avx2()) variants.emplace_back("AVX2", table_exp_detail::in_place_avx2);
  for (const auto& [name, variant] : variants) {
    std::vector<double> lanes = x;
    variant(lanes);
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double one = table_exp(x[i]);
      INFO(name << ": x = " << x[i]);
      REQUIRE(std::memcmp(&one, &lanes[i], sizeof one) == 0);
    }
  }
}
