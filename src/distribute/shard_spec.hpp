// ShardSpec: which share of a run's replications this process computes (`--shard K/N`).
// Shard K of N takes the replications i with i mod N == K: every shard gets the same mix of
// replications whatever their number, and shard 0 holds replication 0 (the timeseries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace albsim {

struct ShardSpec {
  int index = 0;
  int count = 1;

  bool holds(std::uint64_t replication) const {
    return replication % static_cast<std::uint64_t>(count) == static_cast<std::uint64_t>(index);
  }
  // The replications of [0, total) this shard holds, ascending.
  std::vector<std::uint64_t> replications_of(std::uint64_t total) const;
};

inline constexpr int kMaxShards = 100'000;

// The batch engines' array index variables that `--shard auto/N` reads, in the order tried.
inline constexpr const char* kShardIndexVariables[] = {
    "JOB_COMPLETION_INDEX",       // Kubernetes Indexed Job
    "AWS_BATCH_JOB_ARRAY_INDEX",  // AWS Batch array job
    "SLURM_ARRAY_TASK_ID",        // Slurm job array
};

// Parses "K/N" (0 <= K < N <= kMaxShards) or "auto/N" (K from the first of
// kShardIndexVariables that `getenv` finds set). Throws InputError naming --shard.
ShardSpec parse_shard(const std::string& text,
                      const std::function<const char*(const char*)>& getenv);

}  // namespace albsim
