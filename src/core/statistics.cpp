#include "core/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>

namespace albsim {

double quantile(const std::vector<double>& sorted, double p) {
  const double position = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

SampleSummary summarize(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  SampleSummary s;
  s.n = values.size();
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.n);
  if (s.n > 1) {
    double squares = 0;
    for (const double v : values) squares += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(squares / static_cast<double>(s.n - 1));
  }
  s.min = values.front();
  s.p50 = quantile(values, 0.50);
  s.p95 = quantile(values, 0.95);
  s.p99 = quantile(values, 0.99);
  s.max = values.back();
  return s;
}

double normal_quantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

Estimate mean_interval(const std::vector<double>& values, double z) {
  const double n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double squares = 0;
  for (const double v : values) squares += (v - mean) * (v - mean);
  const double half = values.size() > 1 ? z * std::sqrt(squares / (n - 1) / n) : 0.0;
  return {mean, mean - half, mean + half};
}

Estimate wilson_interval(std::size_t successes, std::size_t trials, double z) {
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // The interval holds p, and ends exactly at 0 or 1 when no or every trial succeeds; rounding
  // alone could put an end one unit in the last place on the wrong side.
  const double low = successes == 0 ? 0.0 : std::min(p, std::max(0.0, centre - half));
  const double high = successes == trials ? 1.0 : std::max(p, std::min(1.0, centre + half));
  return {p, low, high};
}

}  // namespace albsim
