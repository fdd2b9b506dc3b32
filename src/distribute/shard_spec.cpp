#include "distribute/shard_spec.hpp"

#include <charconv>
#include <string_view>

#include "albsim/input_error.hpp"

namespace albsim {
namespace {

std::optional<long long> whole_number(std::string_view text) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

[[noreturn]] void bad(const std::string& text, const std::string& problem) {
  throw InputError("--shard", "", "\"" + text + "\": " + problem);
}

}  // namespace

std::vector<std::uint64_t> ShardSpec::replications_of(std::uint64_t total) const {
  std::vector<std::uint64_t> out;
  for (auto i = static_cast<std::uint64_t>(index); i < total;
       i += static_cast<std::uint64_t>(count))
    out.push_back(i);
  return out;
}

ShardSpec parse_shard(const std::string& text,
                      const std::function<const char*(const char*)>& getenv) {
  const std::size_t slash = text.find('/');
  const std::string_view head = std::string_view(text).substr(0, slash);
  const auto count = slash == std::string::npos
                         ? std::nullopt
                         : whole_number(std::string_view(text).substr(slash + 1));
  if (!count)
    bad(text, "write K/N (this shard's index K, from 0, of N shards), like 0/4, or auto/4");
  if (*count < 1 || *count > kMaxShards)
    bad(text, "the number of shards must be in 1 .. " + std::to_string(kMaxShards));

  std::optional<long long> index;
  std::string source = "K";
  if (head == "auto") {
    for (const char* variable : kShardIndexVariables) {
      const char* value = getenv(variable);
      if (!value) continue;
      index = whole_number(value);
      source = std::string(variable) + "=" + value;
      if (!index) bad(text, source + " is not a whole number");
      break;
    }
    if (!index)
      bad(text,
          "auto needs the array index of a batch engine, but none of JOB_COMPLETION_INDEX "
          "(Kubernetes), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch), SLURM_ARRAY_TASK_ID (Slurm) is "
          "set; give K/N instead");
  } else {
    index = whole_number(head);
    if (!index) bad(text, "K must be a whole number or auto, like 0/4 or auto/4");
  }
  if (*index < 0 || *index >= *count)
    bad(text, source + " is outside 0 .. " + std::to_string(*count - 1) +
                  " (shards are numbered from 0 to N-1)");
  return {static_cast<int>(*index), static_cast<int>(*count)};
}

}  // namespace albsim
