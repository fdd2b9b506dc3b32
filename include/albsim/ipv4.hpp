// Ipv4 and Cidr: value types for IPv4 addresses and canonical prefixes.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace albsim {

struct Ipv4 {
  std::uint32_t value = 0;
  constexpr auto operator<=>(const Ipv4&) const = default;
  std::string to_string() const;
  static std::optional<Ipv4> parse(std::string_view text);
};

// A canonical IPv4 prefix: no host bits set below `length`.
struct Cidr {
  Ipv4 base;
  int length = 32;

  constexpr auto operator<=>(const Cidr&) const = default;
  constexpr std::uint64_t size() const { return std::uint64_t{1} << (32 - length); }
  constexpr std::uint32_t first() const { return base.value; }
  constexpr std::uint32_t last() const {
    return static_cast<std::uint32_t>(base.value + size() - 1);
  }
  constexpr bool contains(Ipv4 a) const { return a.value >= first() && a.value <= last(); }
  constexpr bool contains(const Cidr& c) const {
    return c.first() >= first() && c.last() <= last();
  }
  constexpr bool overlaps(const Cidr& c) const {
    return c.first() <= last() && first() <= c.last();
  }
  std::string to_string() const;
};

struct CidrParse {
  enum class Error { none, malformed, host_bits_set };
  std::optional<Cidr> cidr;
  Error error = Error::none;
};

// Parses "a.b.c.d/n"; a prefix with host bits set is rejected, never silently masked.
CidrParse parse_cidr(std::string_view text);

}  // namespace albsim
