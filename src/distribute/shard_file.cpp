#include "distribute/shard_file.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "albsim/input_error.hpp"
#include "distribute/byte_codec.hpp"
#include "io/read_file.hpp"
#include "report/atomic_file.hpp"
#include "report/finite_json.hpp"

namespace albsim {
namespace {

constexpr std::string_view kMagic = "albsim-shard\n";

[[noreturn]] void fault(const std::filesystem::path& path, const std::string& problem) {
  throw InputError(path.string(), "", problem);
}

// "K" of "<prefix>-K.albsim", or -1 for any other name.
long long shard_number(const std::string& name, const std::string& prefix) {
  const std::string head = prefix + "-";
  const std::string tail = ".albsim";
  if (name.size() <= head.size() + tail.size() || name.rfind(head, 0) != 0 ||
      name.compare(name.size() - tail.size(), tail.size(), tail) != 0)
    return -1;
  const std::string digits = name.substr(head.size(), name.size() - head.size() - tail.size());
  if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoll(digits);
}

// The first key whose value differs between two headers' objects, or "".
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b) {
  for (auto it = a.begin(); it != a.end(); ++it)
    if (!b.contains(it.key()) || b.at(it.key()) != it.value()) return it.key();
  for (auto it = b.begin(); it != b.end(); ++it)
    if (!a.contains(it.key())) return it.key();
  return "";
}

}  // namespace

void write_shard_file(const std::filesystem::path& path, const nlohmann::json& header,
                      const std::vector<std::pair<std::uint64_t, std::string>>& records) {
  ByteWriter w;
  w.u64(kShardFormatVersion);
  w.text(json_output_text(header, -1));
  w.u64(records.size());
  for (const auto& [key, bytes] : records) {
    w.u64(key);
    w.text(bytes);
  }
  Fnv1a64 checksum;
  checksum.add(kMagic);
  checksum.add(w.bytes());
  w.u64(checksum.value());
  AtomicFile file(path);
  file.stream() << kMagic << w.bytes();
  file.commit();
}

ShardFile read_shard_file(const std::filesystem::path& path) {
  std::string bytes;
  try {
    bytes = read_file(path.string(), "shard file");
  } catch (const ReadError& e) {
    fault(path, std::string(e.what()) + "; give the directories the shards wrote (--out)");
  }
  if (bytes.rfind(kMagic, 0) != 0) fault(path, "is not an albsim shard file");
  if (bytes.size() < kMagic.size() + 8 + 8)
    fault(path, "is truncated (" + std::to_string(bytes.size()) + " bytes); run the shard again");
  const std::string_view body(bytes.data(), bytes.size() - 8);
  Fnv1a64 checksum;
  checksum.add(body);
  ByteReader tail(std::string_view(bytes).substr(bytes.size() - 8));
  if (tail.u64() != checksum.value())
    fault(path, "is truncated or damaged (its checksum does not match); run the shard again");

  ShardFile shard;
  shard.path = path;
  try {
    ByteReader r(body.substr(kMagic.size()));
    const std::uint64_t version = r.u64();
    if (version != kShardFormatVersion)
      fault(path, "has format version " + std::to_string(version) + "; this albsim reads " +
                      std::to_string(kShardFormatVersion) +
                      ": merge with the albsim that wrote it");
    shard.header = nlohmann::json::parse(r.text());
    shard.records.resize(r.count(16));
    for (auto& [key, record] : shard.records) {
      key = r.u64();
      record = r.text();
    }
    r.expect_end();
    const nlohmann::json& h = shard.header;
    if (!h.is_object() || !h.value("kind", nlohmann::json()).is_string() ||
        !h.value("albsim", nlohmann::json()).is_string() ||
        !h.value("build", nlohmann::json()).is_string() ||
        !h.value("options", nlohmann::json()).is_object() ||
        !h.value("scenario", nlohmann::json()).is_object() ||
        !h["scenario"].value("content_hash", nlohmann::json()).is_string() || shard.count() < 1 ||
        shard.index() < 0 || shard.index() >= shard.count())
      fault(path,
            "has a header without its kind, albsim version, build, scenario, options or shard");
  } catch (const CorruptRecord& e) {
    fault(path, std::string("is damaged: ") + e.what());
  } catch (const nlohmann::json::exception& e) {
    fault(path, std::string("has a damaged header: ") + e.what());
  }
  return shard;
}

std::vector<ShardFile> read_shard_set(const std::vector<std::string>& dirs,
                                      const std::string& prefix, const std::string& kind) {
  std::vector<ShardFile> found;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw InputError(dir, "", "is not a directory; give the directories the shards wrote");
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (shard_number(entry.path().filename().string(), prefix) >= 0)
        paths.push_back(entry.path());
    if (paths.empty()) {
      const std::string other = prefix == "shard" ? "plan-shard" : "shard";
      bool holds_other = false;
      for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        holds_other = holds_other || shard_number(entry.path().filename().string(), other) >= 0;
      throw InputError(dir, "",
                       "holds no " + prefix + "-K.albsim file" +
                           (holds_other ? " but " + other + " files: merge those with albsim " +
                                              (other == "shard" ? "merge" : "plan merge")
                                        : std::string("; give the directories that `--shard K/N` "
                                                      "runs wrote")));
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) found.push_back(read_shard_file(path));
  }
  if (found.empty()) throw InputError("albsim merge", "", "give the directories the shards wrote");

  const ShardFile& first = found.front();
  const int count = first.count();
  std::map<int, std::size_t> by_index;  // shard index -> position in `found`
  for (std::size_t i = 0; i < found.size(); ++i) {
    const ShardFile& s = found[i];
    if (s.header.at("kind") != kind)
      fault(s.path, "holds a " + s.header.at("kind").dump() + " shard, not a " + kind +
                        " shard; merge it with the matching command");
    if (s.header.value("albsim", "") != first.header.value("albsim", ""))
      fault(s.path, "was written by albsim " + s.header.value("albsim", "?") + ", " +
                        first.path.string() + " by " + first.header.value("albsim", "?") +
                        "; run every shard with one albsim");
    if (s.header.value("build", "") != first.header.value("build", ""))
      fault(s.path, "was written by albsim build " + s.header.value("build", "(none)") + ", " +
                        first.path.string() + " by build " + first.header.value("build", "(none)") +
                        "; run every shard with one build (one image, by digest)");
    if (s.header.at("scenario").at("content_hash") !=
        first.header.at("scenario").at("content_hash"))
      fault(s.path, "belongs to another scenario than " + first.path.string() +
                        " (their content hashes differ); run every shard on the same files");
    if (const std::string key =
            first_difference(s.header.at("options"), first.header.at("options"));
        !key.empty())
      fault(s.path, "was run with another " + key + " than " + first.path.string() +
                        "; run every shard with the same options");
    if (s.count() != count)
      fault(s.path, "is a shard of " + std::to_string(s.count()) + ", " + first.path.string() +
                        " of " + std::to_string(count) + "; merge the shards of one run");
    const long long named = shard_number(s.path.filename().string(), prefix);
    if (named != s.index())
      fault(s.path, "holds shard " + std::to_string(s.index()) + " under another number's name");
    const auto [it, fresh] = by_index.emplace(s.index(), i);
    if (!fresh)
      fault(s.path, "doubles shard " + std::to_string(s.index()) + " of " +
                        found[it->second].path.string() + "; give each shard once");
  }
  for (int k = 0; k < count; ++k)
    if (!by_index.count(k))
      throw InputError(dirs.front(), "",
                       "shard " + std::to_string(k) + " of " + std::to_string(count) +
                           " is missing (no " + prefix + "-" + std::to_string(k) +
                           ".albsim in the directories given); run it, then merge again");
  std::vector<ShardFile> ordered;
  ordered.reserve(found.size());
  for (const auto& [k, i] : by_index) ordered.push_back(std::move(found[i]));
  return ordered;
}

FileDigest digest_file(const std::filesystem::path& path, std::ostream* copy_to) {
  try {  // a FIFO or a device in its place would block or never end
    check_regular_file(path.string(), "shard's timeseries",
                       std::numeric_limits<std::uint64_t>::max());
  } catch (const ReadError& e) {
    fault(path, e.what());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) fault(path, "cannot be read");
  FileDigest digest;
  Fnv1a64 hash;
  std::string chunk(1 << 16, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    hash.add(std::string_view(chunk.data(), n));
    if (copy_to) copy_to->write(chunk.data(), static_cast<std::streamsize>(n));
    digest.bytes += n;
  }
  if (in.bad()) fault(path, "cannot be read");
  digest.fnv1a64 = hash.hex();
  return digest;
}

}  // namespace albsim
