// Loading the scenario a command runs, with the content hash that ties shards to it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

struct ScenarioInput {
  Scenario scenario;
  std::string content_hash;  // distribute/content_hash.hpp
};

// What a user must see before trusting a run of `scenario`, on `err`: one line per trace (how it
// was read) and every warning.
void print_scenario_notes(const Scenario& scenario, std::ostream& err);

// Loads `path` with `overrides` as load_scenario() does; prints its notes on `err`.
ScenarioInput load_scenario_input(const std::string& path, const std::vector<Override>& overrides,
                                  std::ostream& err);

// A shard header's "scenario": where it is (absolute, and as given, for merge to load it
// again), the overrides applied to it, and its content hash.
nlohmann::json scenario_header(const std::string& path, const std::vector<Override>& overrides,
                               const std::string& content_hash);

// The scenario a shard set names: `moved` when given, else the path the shards recorded in
// `header` (absolute when it still exists, else as given). Throws InputError, asking for
// --scenario, when neither exists (the shards ran on another machine, or the file moved).
std::string scenario_path_of(const nlohmann::json& header, const std::optional<std::string>& moved);

// Overrides as JSON ([[pointer, value], ...]) for shard headers, and back.
nlohmann::json overrides_json(const std::vector<Override>& overrides);
std::vector<Override> overrides_from_json(const nlohmann::json& list);

}  // namespace albsim
