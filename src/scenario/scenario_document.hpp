// The scenario file as a JSON document, before validation: for tools that derive new scenarios
// from it (the planner) and must see what the user wrote.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "albsim/scenario.hpp"

namespace albsim {

// Reads and parses `path` and applies `overrides` in order, exactly as load_scenario() does
// before validating. Throws InputError on unreadable or malformed JSON and unusable overrides.
nlohmann::json read_scenario_document(const std::string& path,
                                      const std::vector<Override>& overrides);

}  // namespace albsim
