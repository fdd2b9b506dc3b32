// ByteWriter and ByteReader: the encoding of the records that shards and MPI ranks exchange.
// Fixed-width little-endian integers, doubles by their IEEE-754 bits (exact, NaN and -0 kept),
// strings with a length in front. The reader checks every length against what is left and
// throws CorruptRecord instead of reading past the end.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace albsim {

class CorruptRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// FNV-1a, 64 bits, fed in pieces: the checksum of shard files and the content hash of scenarios.
class Fnv1a64 {
 public:
  void add(std::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001B3ULL;
    }
  }
  std::uint64_t value() const { return hash_; }
  std::string hex() const;  // 16 lowercase hex digits

 private:
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

class ByteWriter {
 public:
  void u64(std::uint64_t v);
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double v);
  void flag(bool v) { bytes_.push_back(v ? '\1' : '\0'); }
  void optional_f64(const std::optional<double>& v);
  void text(std::string_view s);

  const std::string& bytes() const { return bytes_; }
  // The bytes written so far; the writer starts empty again.
  std::string take() {
    std::string out;
    out.swap(bytes_);
    return out;
  }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  std::uint64_t u64();
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  double f64();
  bool flag();
  std::optional<double> optional_f64();
  std::string text();
  // A count of items that each take at least `min_item_bytes`: refused when more than what is
  // left could hold, so a corrupt count never allocates.
  std::size_t count(std::size_t min_item_bytes);

  bool at_end() const { return position_ == bytes_.size(); }
  // Throws CorruptRecord unless every byte was read.
  void expect_end() const;

 private:
  std::string_view take(std::size_t n);

  std::string_view bytes_;
  std::size_t position_ = 0;
};

}  // namespace albsim
