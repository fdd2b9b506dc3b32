// RunRecord: what one simulated run of a plan candidate leaves behind, and its exact encoding
// for plan shards and MPI ranks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "albsim/plan.hpp"
#include "plan/assessment.hpp"

namespace albsim {

struct RunRecord {
  RunFigures figures;
  MonthlyCost cost;
  double lcu_hours_per_month = 0;
};

std::string encode_run_record(const RunRecord& record);
// Throws CorruptRecord (distribute/byte_codec.hpp) on bytes that are not one whole record.
RunRecord decode_run_record(std::string_view bytes);

// The key of candidate c's replication r in a plan shard file.
constexpr std::uint64_t run_key(std::size_t candidate, int replication) {
  return (static_cast<std::uint64_t>(candidate) << 32) | static_cast<std::uint32_t>(replication);
}

}  // namespace albsim
