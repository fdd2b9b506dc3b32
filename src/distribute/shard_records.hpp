// What a whole shard set holds, checked record by record: a run's replication reports in order
// (albsim merge), a plan's runs by key (albsim plan merge), shard 0's timeseries. Every fault is
// an InputError naming the shard file at fault and what to run again.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "albsim/report.hpp"
#include "distribute/shard_file.hpp"

namespace albsim {

// Every replication's report, 0 .. total-1; each shard must hold exactly its own replications
// (K, K + N, K + 2N, ...), in order, written with this albsim's report schema (the header's
// "report_schema", report_schema_fingerprint()).
std::vector<Report> replication_reports(const std::vector<ShardFile>& shards, std::uint64_t total);

// Copies shard 0's timeseries (the file its header names, beside it) to `out`, checking it
// against the size and checksum in the header.
void copy_shard_timeseries(const ShardFile& shard0, std::ostream& out);

// A plan's runs by key (candidate << 32 | replication), each checked to belong to the shard that
// holds it (replication mod N = K) and to be held once.
struct ShardRuns {
  std::map<std::uint64_t, std::pair<const ShardFile*, std::string_view>> by_key;
  std::size_t used = 0;  // how many the merge has taken
};
ShardRuns shard_runs(const std::vector<ShardFile>& shards);

}  // namespace albsim
