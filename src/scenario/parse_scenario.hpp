// Scenario parsing, in two passes over a JSON document:
//   parse_scenario: shapes, types, value ranges and id references, with defaults applied;
//   check_scenario: rules across fields (CIDR geometry, the pool forest, locales, horizon),
//   then resolution (synthetic Amazon blocks, default allowlists) and warnings.
// Both throw InputError naming the file and the JSON pointer of the first fault.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"
#include "scenario/file_cache.hpp"

namespace albsim {

struct ParsedScenario {
  Scenario scenario;
  std::vector<std::optional<int>> amazon_block_netmask;  // per pool: blocks to synthesise
  std::vector<int> amazon_block_count;                   // per pool
  std::vector<bool> allowlist_given;                     // per load balancer
};

// Files already in `files` are not read again; those read here are added to it.
ParsedScenario parse_scenario(const nlohmann::json& document, const std::string& file,
                              FileCache& files);

// Checks and resolves in place; returns the finished scenario.
Scenario check_scenario(ParsedScenario parsed);

}  // namespace albsim
