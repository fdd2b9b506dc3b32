// The standard normal by Marsaglia and Tsang's ziggurat ("The Ziggurat Method for Generating
// Random Variables", Journal of Statistical Software 5(8), 2000), with 256 layers and, as Doornik
// recommends ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005), the layer
// and the position inside it taken from separate bits of one 64-bit draw, so that they are
// independent. The method is exact: the rectangles, the wedges (accepted by comparing with the
// density) and the tail beyond r (Marsaglia's exponential rejection) make up N(0, 1) with no
// approximation but double rounding. About 99% of draws take the first branch: one 64-bit draw, a
// multiply and a compare.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace albsim {

class Ziggurat {
 public:
  static const Ziggurat& tables();

  // A standard normal from `bits()` (a uniform 64-bit word per call): its low 8 bits choose the
  // layer, the next one the sign, the top 53 the position; the rare slow paths call it again.
  template <class Bits>
  double draw(Bits&& bits) const {
    const std::uint64_t word = bits();
    const std::size_t layer = word & 0xFF;
    const double x = position(word) * x_[layer];
    if (x < x_[layer + 1]) [[likely]]  // inside the rectangle under the next layer
      return with_sign(x, sign_of(word));
    return draw_outside(word, bits);
  }

  static constexpr double kR = 3.6541528853610088;  // where the tail starts
  static constexpr double kV = 4.92867323399e-3;    // the area of each layer

 private:
  Ziggurat();
  static double position(std::uint64_t word) {  // [0, 1), from the top 53 bits
    return static_cast<double>(word >> 11) * 0x1.0p-53;
  }
  static std::uint64_t sign_of(std::uint64_t word) {  // bit 8 moved to the sign bit, bit 63
    return (word & 0x100) << 55;
  }
  // draw() past its first rectangle test (about 1% of draws), `word` the draw that failed it:
  // kept out of line so that draw()'s loop keeps its state in registers.
  template <class Bits>
  [[gnu::noinline]] double draw_outside(std::uint64_t word, Bits& bits) const {
    for (;;) {
      const std::size_t layer = word & 0xFF;
      const std::uint64_t sign = sign_of(word);
      const double x = position(word) * x_[layer];
      if (x < x_[layer + 1]) return with_sign(x, sign);
      if (layer == 0) return with_sign(tail(bits), sign);
      const double y = f_[layer] + uniform(bits()) * (f_[layer + 1] - f_[layer]);
      if (y < density(x)) return with_sign(x, sign);  // inside the wedge
      word = bits();
    }
  }
  static double density(double x);         // exp(-x^2 / 2)
  static double uniform(std::uint64_t w);  // (0, 1], from the top 53 bits
  // x >= 0 negated when `sign` is the sign bit: exactly -1.0 * x, without a branch on a bit that
  // is random (a mispredicted branch every other draw)
  static double with_sign(double x, std::uint64_t sign) {
    return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) ^ sign);
  }
  template <class Bits>
  static double tail(Bits&& bits) {
    for (;;) {  // Marsaglia (1964): x > r with density proportional to exp(-x^2 / 2)
      const double x = -std::log(uniform(bits())) / kR;
      const double y = -std::log(uniform(bits()));
      if (y + y > x * x) return kR + x;
    }
  }

  // x_[0] = V / f(r) (the base layer's width, tail included as area), x_[1] = r, ..., x_[256] =
  // 0; f_[i] = exp(-x_[i]^2 / 2). Layer i is [0, x_[i]] x [f_[i], f_[i + 1]], area V.
  std::array<double, 257> x_{};
  std::array<double, 257> f_{};
};

}  // namespace albsim
