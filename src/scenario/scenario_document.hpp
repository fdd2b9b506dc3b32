// The scenario file as a JSON document, before validation: for tools that derive many
// scenarios from one (the planner) and must see what the user wrote.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/scenario.hpp"
#include "scenario/file_cache.hpp"

namespace albsim {

// Reads and parses `path` and applies `overrides` in order, exactly as load_scenario() does
// before validating. Throws InputError on unreadable or malformed JSON and unusable overrides.
nlohmann::json read_scenario_document(const std::string& path,
                                      const std::vector<Override>& overrides);

// A document (from read_scenario_document) with `overrides` applied on top, validated and
// resolved as load_scenario() does; `file` names it in messages and anchors relative paths.
// Files already in `files` are not read again.
Scenario load_scenario_document(nlohmann::json document, const std::string& file,
                                const std::vector<Override>& overrides, FileCache& files);

}  // namespace albsim
