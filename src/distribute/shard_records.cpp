#include "distribute/shard_records.hpp"

#include <filesystem>
#include <string>

#include "albsim/input_error.hpp"
#include "distribute/byte_codec.hpp"
#include "distribute/report_record.hpp"

namespace albsim {

std::vector<Report> replication_reports(const std::vector<ShardFile>& shards, std::uint64_t total) {
  std::vector<Report> reports(total);
  const std::string schema = report_schema_fingerprint();
  for (const ShardFile& s : shards) {
    if (s.header.value("report_schema", "none") != schema)
      throw InputError(s.path.string(), "",
                       "holds reports with other figures than this albsim's (report schema " +
                           s.header.value("report_schema", "none") + ", this albsim's " + schema +
                           "); run the shards again with this albsim");
    const auto count = static_cast<std::uint64_t>(s.count());
    const auto index = static_cast<std::uint64_t>(s.index());
    const std::uint64_t expected = total > index ? (total - index + count - 1) / count : 0;
    if (s.records.size() != expected)
      throw InputError(s.path.string(), "",
                       "holds " + std::to_string(s.records.size()) + " replications, shard " +
                           std::to_string(index) + " of " + std::to_string(count) +
                           " should hold " + std::to_string(expected) + "; run it again");
    for (std::size_t k = 0; k < s.records.size(); ++k) {
      const auto& [key, bytes] = s.records[k];
      if (key != index + k * count)
        throw InputError(s.path.string(), "",
                         "holds replication " + std::to_string(key) + " where " +
                             std::to_string(index + k * count) + " belongs; run it again");
      try {
        reports[key] = decode_report(bytes);
      } catch (const CorruptRecord& e) {
        throw InputError(s.path.string(), "",
                         "replication " + std::to_string(key) + " is damaged: " + e.what());
      }
    }
  }
  return reports;
}

void copy_shard_timeseries(const ShardFile& shard0, std::ostream& out) {
  if (!shard0.header.contains("timeseries"))
    throw InputError(shard0.path.string(), "", "records no timeseries; run shard 0 again");
  const nlohmann::json& t = shard0.header.at("timeseries");
  const std::filesystem::path path = shard0.path.parent_path() / t.at("file").get<std::string>();
  const FileDigest digest = digest_file(path, &out);
  if (digest.bytes != t.at("bytes").get<std::uint64_t>() || digest.fnv1a64 != t.at("fnv1a64"))
    throw InputError(path.string(), "",
                     "is not the timeseries shard 0 wrote (its size or checksum differs); run "
                     "shard 0 again");
}

ShardRuns shard_runs(const std::vector<ShardFile>& shards) {
  ShardRuns runs;
  for (const ShardFile& s : shards)
    for (const auto& [key, bytes] : s.records) {
      const auto replication = static_cast<std::uint32_t>(key & 0xFFFFFFFFU);
      if (replication % static_cast<std::uint32_t>(s.count()) !=
              static_cast<std::uint32_t>(s.index()) ||
          !runs.by_key.emplace(key, std::make_pair(&s, std::string_view(bytes))).second)
        throw InputError(s.path.string(), "",
                         "holds replication " + std::to_string(replication) +
                             ", which is not its shard's; run it again");
    }
  return runs;
}

}  // namespace albsim
