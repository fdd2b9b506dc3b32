#include "core/ziggurat.hpp"

#include <cmath>

namespace albsim {

const Ziggurat& Ziggurat::tables() {
  static const Ziggurat instance;
  return instance;
}

Ziggurat::Ziggurat() {
  x_[0] = kV / density(kR);
  x_[1] = kR;
  for (std::size_t i = 1; i < 255; ++i)
    x_[i + 1] = std::sqrt(-2 * std::log(kV / x_[i] + density(x_[i])));
  x_[256] = 0;
  for (std::size_t i = 0; i < x_.size(); ++i) f_[i] = density(x_[i]);
  f_[0] = 0;  // the base layer reaches down to 0 (its wedge is never used: layer 0 has the tail)
}

double Ziggurat::density(double x) {
  return std::exp(-0.5 * x * x);
}

double Ziggurat::uniform(std::uint64_t w) {
  return static_cast<double>((w >> 11) + 1) * 0x1.0p-53;
}

}  // namespace albsim
