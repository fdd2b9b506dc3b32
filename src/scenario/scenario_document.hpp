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

// Makes the document's relative file paths (demand trace files, managed_ranges.ip_ranges_file)
// absolute, resolved against the directory of `path` as loading resolves them, so that the
// document loads from wherever it is written. Leaves anything not of the scenario's shape as it is.
void anchor_file_paths(nlohmann::json& document, const std::string& path);

// A document (from read_scenario_document) with `overrides` applied on top, validated and
// resolved as load_scenario() does; `file` names it in messages and anchors relative paths.
// Files already in `files` are not read again.
Scenario load_scenario_document(nlohmann::json document, const std::string& file,
                                const std::vector<Override>& overrides, FileCache& files);

}  // namespace albsim
