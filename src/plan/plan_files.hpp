// A plan's files in its output directory.
#pragma once

#include <filesystem>

#include "albsim/plan.hpp"

namespace albsim {

// Writes DIR/plan.json and DIR/plan.tf, or removes an earlier plan's plan.tf when this plan has
// no Terraform (every file atomically). Returns whether plan.tf was written. Throws InputError
// naming a file that cannot be written.
bool write_plan_files(const PlanResult& plan, const std::filesystem::path& dir);

}  // namespace albsim
