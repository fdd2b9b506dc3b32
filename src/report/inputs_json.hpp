// What report.json and plan.json say of a scenario's inputs: `inputs` (how each trace was read,
// Scenario::trace_inputs) and `warnings`.
#pragma once

#include <nlohmann/json.hpp>

#include "albsim/scenario.hpp"

namespace albsim {

// One object per trace; times ISO-8601 for ISO traces, else seconds from the trace's zero.
nlohmann::ordered_json trace_inputs_json(const std::vector<TraceInput>& inputs);

// The scenario's warnings without the scenario file's name in front (each still starts with its
// JSON pointer), so a report does not depend on where the scenario was read from.
std::vector<std::string> report_warnings(const Scenario& scenario);

}  // namespace albsim
