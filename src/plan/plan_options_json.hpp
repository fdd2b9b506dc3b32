// PlanOptions as JSON: the options a plan shard records, which every shard of one plan must share
// and from which `albsim plan merge` plans again. The scenario path and overrides are kept apart
// (they may differ between machines; the content hash checks them).
#pragma once

#include <nlohmann/json.hpp>

#include "albsim/plan.hpp"

namespace albsim {

nlohmann::json plan_options_json(const PlanOptions& options);

// The options of plan_options_json(); scenario_path, overrides and callbacks are left empty.
// Throws nlohmann::json::exception on a document of another shape.
PlanOptions plan_options_from_json(const nlohmann::json& json);

}  // namespace albsim
