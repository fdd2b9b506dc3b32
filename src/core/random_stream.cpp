#include "core/random_stream.hpp"

#include <cmath>

#include "core/ziggurat.hpp"

namespace albsim {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

RandomStream::RandomStream(std::uint64_t master_seed, std::uint64_t replication,
                           std::string_view component)
    : engine_(splitmix64(master_seed ^ splitmix64(replication)), fnv1a64(component)) {}

double RandomStream::uniform01() {
  return static_cast<double>(engine_.next64() >> 11) * 0x1.0p-53;
}

double RandomStream::uniform(double low, double high) {
  return low + (high - low) * uniform01();
}

double RandomStream::exponential(double mean) {
  return -mean * std::log1p(-uniform01());
}

double RandomStream::standard_normal() {
  return Ziggurat::tables().draw([this] { return engine_.next64(); });
}

void RandomStream::standard_normals(std::span<double> out) {
  const Ziggurat& ziggurat = Ziggurat::tables();
  Pcg32 engine = engine_;  // a copy the loop keeps in registers
  const auto bits = [&engine] { return engine.next64(); };
  for (double& z : out) z = ziggurat.draw(bits);
  engine_ = engine;
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  // Rejection: a draw in the top partial range would favour small residues.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = 0;
  do {
    x = engine_.next64();
  } while (x >= limit);
  return x % n;
}

}  // namespace albsim
