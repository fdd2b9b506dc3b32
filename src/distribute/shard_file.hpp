// Shard files (`DIR/shard-K.albsim`, `DIR/plan-shard-K.albsim`): one shard's records and the
// header that ties it to its run. Layout, version 1:
//   "albsim-shard\n", u64 version, text header (JSON), u64 record count,
//   per record: u64 key, text bytes; then u64 FNV-1a-64 of every byte before it.
// Integers are little-endian, texts have their u64 length in front (byte_codec.hpp). The
// checksum at the end finds a truncated or damaged file before anything is merged.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace albsim {

inline constexpr std::uint64_t kShardFormatVersion = 1;

struct ShardFile {
  std::filesystem::path path;  // where it was read from
  // {"kind", "albsim", "scenario": {...}, "options": {...}, "shard": {"index", "count"}, ...}:
  // what the writer (run or plan) needs to check and merge it.
  nlohmann::json header;
  std::vector<std::pair<std::uint64_t, std::string>> records;  // key, bytes

  int index() const { return header.at("shard").at("index").get<int>(); }
  int count() const { return header.at("shard").at("count").get<int>(); }
};

// Writes atomically (report/atomic_file.hpp). Throws InputError naming the file.
void write_shard_file(const std::filesystem::path& path, const nlohmann::json& header,
                      const std::vector<std::pair<std::uint64_t, std::string>>& records);

// Reads and checks the layout and checksum. Throws InputError naming the file.
ShardFile read_shard_file(const std::filesystem::path& path);

// Every "<prefix>-K.albsim" in `dirs`, read and checked to be one whole set of `kind`: the same
// albsim version, options and scenario content hash, shard count N, each K of 0 .. N-1 exactly
// once. Every directory must hold at least one. Throws InputError naming the file at fault (or
// the directory, or the missing shard).
std::vector<ShardFile> read_shard_set(const std::vector<std::string>& dirs,
                                      const std::string& prefix, const std::string& kind);

// The streamed FNV-1a-64 (hex) and size of a file, for attachments like shard 0's timeseries;
// with `copy_to`, the bytes are also written there as they are read. Throws InputError naming
// the file when it is not a regular file (a FIFO, a device, a directory) or cannot be read.
struct FileDigest {
  std::uint64_t bytes = 0;
  std::string fnv1a64;
};
FileDigest digest_file(const std::filesystem::path& path, std::ostream* copy_to = nullptr);

}  // namespace albsim
