// Statistics across replications: sample summaries and binomial confidence intervals.
#pragma once

#include <cstddef>
#include <vector>

namespace albsim {

struct SampleSummary {
  std::size_t n = 0;
  double mean = 0;
  double stddev = 0;  // sample standard deviation (n - 1); 0 when n = 1
  double min = 0;
  double p50 = 0;
  double p95 = 0;
  double p99 = 0;
  double max = 0;
};

// Quantile p in [0, 1] of ascending `sorted` (non-empty), interpolating linearly between the
// closest ranks: position p x (n - 1) (Hyndman & Fan type 7, numpy's default).
double quantile(const std::vector<double>& sorted, double p);

// Summary of a non-empty sample.
SampleSummary summarize(std::vector<double> values);

// An estimate with the ends of its interval.
struct Estimate {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

// The z with P(Z <= z) = p for a standard normal Z; p in (0, 1).
double normal_quantile(double p);

// Mean of a non-empty sample with its normal-approximation interval mean -+ z s / sqrt(n)
// (s the sample standard deviation; a single value gives a zero-width interval).
Estimate mean_interval(const std::vector<double>& values, double z = 1.959963984540054);

// Wilson score interval for `successes` of `trials` (> 0) at normal quantile z (95%: 1.96).
Estimate wilson_interval(std::size_t successes, std::size_t trials, double z = 1.959963984540054);

}  // namespace albsim
