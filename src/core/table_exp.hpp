// table_exp(x): e^x by Tang's table method ("Table-driven implementation of the exponential
// function in IEEE floating-point arithmetic", ACM TOMS 15(2), 1989), the design of glibc's own
// exp since 2.28: x = k ln2/128 + r with |r| <= ln2/256, so e^x = 2^(k/128) e^r, with 2^(j/128)
// from a table (the double nearest it and its relative tail) and e^r - 1 by its Taylor series to
// r^5 (the next term is below 2^-60). Error at most 0.52 ulp for |x| <= 700
// (tests/unit/test_table_exp.cpp measures it against long double); no errno and no special
// cases, and inline, so a loop over independent arguments overlaps them. Outside |x| <= 700 (never
// for the noise multipliers of MODEL.md §5) it is std::exp(x).
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <span>

namespace albsim {

namespace table_exp_detail {
struct PowerOfTwo {
  double value;  // the double nearest 2^(j/128)
  double tail;   // (2^(j/128) - value) / value
};
extern const std::array<PowerOfTwo, 128> kPowers;  // j = 0 .. 127
// table_exp_in_place's two variants (the tests compare both with table_exp): four lanes in two
// SSE2 registers, and in one AVX2 register (callable only where has_avx2()).
void in_place_baseline(std::span<double> values);
void in_place_avx2(std::span<double> values);
bool has_avx2();
}  // namespace table_exp_detail

inline double table_exp(double x) {
  if (!(std::fabs(x) <= 700.0)) return std::exp(x);
  constexpr double kInvLn2N = 0x1.71547652b82fep+7;  // 128 / ln 2
  constexpr double kShift = 0x1.8p52;                // rounds to an integer when added
  // ln 2 / 128 in two parts: the top 36 bits (k times it is exact for |k| < 2^17) and the rest.
  constexpr double kLn2NHigh = 0x1.62e42fefa0000p-8;
  constexpr double kLn2NLow = 0x1.cf79abc9e3b3ap-47;
  const double kd = (x * kInvLn2N + kShift) - kShift;  // nearest integer to x * 128 / ln 2
  const double r = (x - kd * kLn2NHigh) - kd * kLn2NLow;
  const auto k = static_cast<std::int64_t>(kd);
  const table_exp_detail::PowerOfTwo& power = table_exp_detail::kPowers[k & 127];
  const double r2 = r * r;
  const double expm1_r = r + r2 * (0.5 + r * (1.0 / 6)) + r2 * r2 * (1.0 / 24 + r * (1.0 / 120));
  // 2^(k / 128) = 2^(k >> 7) * 2^(j / 128): the exponent is added to the table value's bits.
  const double scale = std::bit_cast<double>(std::bit_cast<std::uint64_t>(power.value) +
                                             (static_cast<std::uint64_t>(k >> 7) << 52));
  return scale + scale * (power.tail + expm1_r);
}

// Every element x of `values` replaced by table_exp(x), the same bits, four at a time (in one
// AVX2 register where the processor has it: the same bits again).
void table_exp_in_place(std::span<double> values);

}  // namespace albsim
