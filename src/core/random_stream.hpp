// RandomStream: the random numbers of one component in one replication (MODEL.md §1).
//
// Derivation: replication i of master seed s uses seed_i = splitmix64(s ^ splitmix64(i)); a
// component named k (for example "load_balancers/web/launch_delay") draws from PCG32 seeded
// with seed_i on the stream selected by FNV-1a-64(k). Streams are independent by construction,
// so adding a component never shifts another's draws, and a replication's numbers do not depend
// on which thread runs it. Every distribution is computed here (never by <random>), so numbers
// are the same with any standard library.
#pragma once

#include <cstdint>
#include <pcg_random.hpp>
#include <span>
#include <string_view>

namespace albsim {

std::uint64_t splitmix64(std::uint64_t x);
std::uint64_t fnv1a64(std::string_view text);

// pcg32 (the same outputs) that also gives two outputs as one 64-bit word with its state jumped
// two steps by one multiply-add, s -> a^2 s + (a + 1) c: the chain from one word to the next is
// one LCG step instead of two, which halves the latency of a loop of draws.
class Pcg32 : public pcg32 {
 public:
  Pcg32(std::uint64_t seed, std::uint64_t stream)
      : pcg32(seed, stream), double_increment_(increment() * (multiplier() + 1)) {}
  // (first output << 32) | second output, as two calls of operator() would give.
  std::uint64_t next64() {
    const std::uint64_t first = state_;
    const std::uint64_t second = first * multiplier() + increment();
    state_ = first * (multiplier() * multiplier()) + double_increment_;
    return (std::uint64_t{output(first)} << 32) | output(second);
  }

 private:
  std::uint64_t double_increment_;
};

class RandomStream {
 public:
  RandomStream(std::uint64_t master_seed, std::uint64_t replication, std::string_view component);

  double uniform01();                       // [0, 1), 53 random bits
  double uniform(double low, double high);  // [low, high)
  double exponential(double mean);          // mean * -ln(1 - U)
  double standard_normal();                 // ziggurat (core/ziggurat.hpp), about 1 64-bit draw
  void standard_normals(std::span<double> out);  // out.size() standard_normal()s, in order
  std::uint64_t below(std::uint64_t n);          // uniform in [0, n), n > 0, unbiased

 private:
  Pcg32 engine_;
};

}  // namespace albsim
