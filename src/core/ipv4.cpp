#include "albsim/ipv4.hpp"

#include <charconv>

namespace albsim {
namespace {

std::optional<std::uint32_t> parse_decimal(std::string_view text, std::uint32_t max) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;  // no octal-looking octets
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

}  // namespace

std::string Ipv4::to_string() const {
  return std::to_string(value >> 24) + "." + std::to_string((value >> 16) & 255) + "." +
         std::to_string((value >> 8) & 255) + "." + std::to_string(value & 255);
}

std::optional<Ipv4> Ipv4::parse(std::string_view text) {
  std::uint32_t result = 0;
  for (int octet = 0; octet < 4; ++octet) {
    const std::size_t dot = text.find('.');
    const bool last = octet == 3;
    if (last != (dot == std::string_view::npos)) return std::nullopt;
    const auto part = parse_decimal(last ? text : text.substr(0, dot), 255);
    if (!part) return std::nullopt;
    result = (result << 8) | *part;
    if (!last) text.remove_prefix(dot + 1);
  }
  return Ipv4{result};
}

std::string Cidr::to_string() const {
  return base.to_string() + "/" + std::to_string(length);
}

CidrParse parse_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return {std::nullopt, CidrParse::Error::malformed};
  const auto address = Ipv4::parse(text.substr(0, slash));
  const auto length = parse_decimal(text.substr(slash + 1), 32);
  if (!address || !length) return {std::nullopt, CidrParse::Error::malformed};
  const std::uint32_t host_mask =
      *length == 0 ? 0xFFFFFFFFu
                   : static_cast<std::uint32_t>((std::uint64_t{1} << (32 - *length)) - 1);
  if (address->value & host_mask) return {std::nullopt, CidrParse::Error::host_bits_set};
  return {Cidr{*address, static_cast<int>(*length)}, CidrParse::Error::none};
}

}  // namespace albsim
