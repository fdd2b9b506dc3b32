// The standard normal of the noise (core/ziggurat.hpp) against N(0, 1) on 10 million draws:
// moments, a Kolmogorov-Smirnov test, the tails against their closed forms, and the lognormal
// multiplier of MODEL.md §5. Every bound is 4 standard errors (KS: significance 0.001), derived
// from the distribution, not from the generator. Deliberately biased generators must fail.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <span>
#include <vector>

#include "core/lognormal.hpp"
#include "core/random_stream.hpp"

using namespace albsim;

namespace {

constexpr std::size_t kDraws = 10'000'000;

// P(|Z| > z) = erfc(z / sqrt 2).
double two_sided_tail(double z) {
  return std::erfc(z / std::sqrt(2.0));
}

// Whether a count out of kDraws is within 4 standard errors of probability p.
bool count_fits(std::size_t count, double p) {
  const double n = static_cast<double>(kDraws);
  return std::abs(static_cast<double>(count) - n * p) <= 4 * std::sqrt(n * p * (1 - p)) + 1e-9;
}

struct Verdict {
  bool mean = false, variance = false, skewness = false, kurtosis = false;
  bool ks = false, tail_r = false, tail_4 = false, tail_6 = false;
  bool all() const {
    return mean && variance && skewness && kurtosis && ks && tail_r && tail_4 && tail_6;
  }
};

Verdict judge(const std::function<double()>& draw) {
  std::vector<double> z(kDraws);
  double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  std::size_t beyond_r = 0, beyond_4 = 0, beyond_6 = 0;
  for (double& v : z) {
    v = draw();
    const double a = std::abs(v), v2 = v * v;
    m1 += v;
    m2 += v2;
    m3 += v2 * v;
    m4 += v2 * v2;
    beyond_r += a > 3.6541528853610088;  // the ziggurat's tail starts here
    beyond_4 += a > 4;
    beyond_6 += a > 6;
  }
  const double n = static_cast<double>(kDraws), root_n = std::sqrt(n);
  Verdict v;
  // Var(Z) = 1, Var(Z^2) = 2, Var(Z^3) = 15, Var(Z^4) = 105 - 9 = 96.
  v.mean = std::abs(m1 / n) <= 4 / root_n;
  v.variance = std::abs(m2 / n - 1) <= 4 * std::sqrt(2.0) / root_n;
  v.skewness = std::abs(m3 / n) <= 4 * std::sqrt(15.0) / root_n;
  v.kurtosis = std::abs(m4 / n - 3) <= 4 * std::sqrt(96.0) / root_n;
  std::sort(z.begin(), z.end());
  double d = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double cdf = 0.5 * std::erfc(-z[i] / std::sqrt(2.0));
    d = std::max({d, static_cast<double>(i + 1) / n - cdf, cdf - static_cast<double>(i) / n});
  }
  v.ks = d <= 1.9495 / root_n;  // Kolmogorov's distribution: P(sqrt(n) D > 1.9495) = 0.001
  v.tail_r = count_fits(beyond_r, two_sided_tail(3.6541528853610088));
  v.tail_4 = count_fits(beyond_4, two_sided_tail(4));
  v.tail_6 = count_fits(beyond_6, two_sided_tail(6));
  return v;
}

}  // namespace

TEST_CASE("noise draws: the ziggurat normal passes moments, KS and tails on 10 million draws") {
  RandomStream r(2025, 0, "load_balancers/web/noise");
  const Verdict v = judge([&] { return r.standard_normal(); });
  CHECK(v.mean);
  CHECK(v.variance);
  CHECK(v.skewness);
  CHECK(v.kurtosis);
  CHECK(v.ks);
  CHECK(v.tail_r);
  CHECK(v.tail_4);
  CHECK(v.tail_6);
}

TEST_CASE("noise draws: biased normals fail the same tests") {
  RandomStream r(2025, 0, "load_balancers/web/noise");
  // 0.3% too wide: the variance test (4 standard errors: 0.18%) sees it.
  CHECK_FALSE(judge([&] { return 1.003 * r.standard_normal(); }).all());
  // Shifted by 0.002: the mean test (4 standard errors: 0.0013) sees it.
  CHECK_FALSE(judge([&] { return r.standard_normal() + 0.002; }).all());
  // The tail beyond r cut off (a ziggurat without its tail): the tail counts see it.
  CHECK_FALSE(judge([&] { return std::clamp(r.standard_normal(), -3.6, 3.6); }).all());
}

// Whether the mean of kDraws multipliers from `fill` (called on blocks of 1,440, a day of
// minutes) is 1 within 4 standard errors: Var(exp(sigma Z - sigma^2 / 2)) = exp(sigma^2) - 1.
bool mean_is_one(double sigma, const std::function<void(std::span<double>)>& fill) {
  std::vector<double> block(1440);
  double sum = 0;
  for (std::size_t done = 0; done < kDraws; done += block.size()) {
    fill(block);
    for (const double m : block) sum += m;
  }
  const double n = static_cast<double>(kDraws / block.size() * block.size());
  const double se = std::sqrt(std::expm1(sigma * sigma) / n);
  return std::abs(sum / n - 1) <= 4 * se;
}

TEST_CASE("noise draws: the lognormal multiplier has mean 1 for sigmas up to 3, the bound") {
  for (const double sigma : {0.1, 1.0, 3.0}) {
    RandomStream r(7, 0, "load_balancers/web/noise");
    INFO("sigma " << sigma);
    CHECK(mean_is_one(sigma, [&](std::span<double> out) { lognormal_multipliers(r, sigma, out); }));
  }
  // Without the -sigma^2 / 2 the mean is exp(sigma^2 / 2): 1.005 at sigma 0.1, 43 standard errors.
  RandomStream r(7, 0, "load_balancers/web/noise");
  CHECK_FALSE(mean_is_one(0.1, [&](std::span<double> out) {
    lognormal_multipliers(r, 0.1, out);
    for (double& m : out) m *= std::exp(0.005);
  }));
}

TEST_CASE("noise draws: the same multipliers however a run of them is split into calls") {
  RandomStream whole(7, 0, "load_balancers/web/noise"), pieces(7, 0, "load_balancers/web/noise"),
      singles(7, 0, "load_balancers/web/noise");
  std::vector<double> a(5000), b(5000), z(5000);
  lognormal_multipliers(whole, 0.3, a);
  for (std::size_t from = 0; from < b.size(); from += 1440)
    lognormal_multipliers(
        pieces, 0.3, std::span<double>(b).subspan(from, std::min<std::size_t>(1440, 5000 - from)));
  CHECK(a == b);
  for (double& x : z) x = singles.standard_normal();
  for (std::size_t i = 0; i < z.size(); ++i) z[i] = std::exp(0.3 * z[i] - 0.3 * 0.3 / 2);
  // table_exp is within 0.52 ulp and std::exp within 1 ulp of e^x: never more than 2 ulps apart.
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double ulp = std::nextafter(z[i], INFINITY) - z[i];
    REQUIRE(std::abs(a[i] - z[i]) <= 2 * ulp);
  }
}

TEST_CASE("random streams: two outputs at a time are pcg32's own, in order") {
  for (const std::uint64_t seed : {0ULL, 1ULL, 2027ULL, 0xFFFFFFFFFFFFFFFFULL})
    for (const std::uint64_t stream :
         {std::uint64_t{0}, std::uint64_t{54}, fnv1a64("load_balancers/web/noise")}) {
      pcg32 reference(seed, stream);
      Pcg32 paired(seed, stream);
      for (int i = 0; i < 100'000; ++i) {
        const std::uint64_t high = reference();
        REQUIRE(paired.next64() == ((high << 32) | reference()));
      }
    }
}
