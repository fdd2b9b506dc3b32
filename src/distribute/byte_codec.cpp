#include "distribute/byte_codec.hpp"

#include <bit>
#include <cstdio>

namespace albsim {

std::string Fnv1a64::hex() const {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash_));
  return text;
}

void ByteWriter::u64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void ByteWriter::f64(double v) {
  u64(std::bit_cast<std::uint64_t>(v));
}

void ByteWriter::optional_f64(const std::optional<double>& v) {
  flag(v.has_value());
  if (v) f64(*v);
}

void ByteWriter::text(std::string_view s) {
  u64(s.size());
  bytes_.append(s);
}

std::string_view ByteReader::take(std::size_t n) {
  if (n > bytes_.size() - position_)
    throw CorruptRecord("a record ends early (" + std::to_string(n) + " bytes wanted, " +
                        std::to_string(bytes_.size() - position_) + " left)");
  const std::string_view out = bytes_.substr(position_, n);
  position_ += n;
  return out;
}

std::uint64_t ByteReader::u64() {
  const std::string_view b = take(8);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
  return v;
}

double ByteReader::f64() {
  return std::bit_cast<double>(u64());
}

bool ByteReader::flag() {
  const char c = take(1)[0];
  if (c != '\0' && c != '\1') throw CorruptRecord("a record has a flag that is neither 0 nor 1");
  return c == '\1';
}

std::optional<double> ByteReader::optional_f64() {
  if (!flag()) return std::nullopt;
  return f64();
}

std::string ByteReader::text() {
  const std::uint64_t n = u64();
  if (n > bytes_.size() - position_) throw CorruptRecord("a record's text runs past its end");
  return std::string(take(static_cast<std::size_t>(n)));
}

std::size_t ByteReader::count(std::size_t min_item_bytes) {
  const std::uint64_t n = u64();
  const std::size_t left = bytes_.size() - position_;
  if (min_item_bytes > 0 && n > left / min_item_bytes)
    throw CorruptRecord("a record counts " + std::to_string(n) + " items in " +
                        std::to_string(left) + " bytes");
  return static_cast<std::size_t>(n);
}

void ByteReader::expect_end() const {
  if (!at_end())
    throw CorruptRecord("a record has " + std::to_string(bytes_.size() - position_) +
                        " bytes after its end");
}

}  // namespace albsim
