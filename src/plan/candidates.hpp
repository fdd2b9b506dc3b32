// The planner's candidates: each is the user's scenario with the planned pool replaced, written
// as `--set` overrides so that `albsim run SCENARIO --set ...` reproduces it exactly.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "albsim/plan.hpp"
#include "albsim/scenario.hpp"
#include "scenario/file_cache.hpp"

namespace albsim {

// What the plan replaces: one pool and the load balancers drawing from it.
struct PlanTarget {
  std::size_t pool = 0;  // index in every candidate scenario
  std::string pool_id;
  bool new_pool = false;  // created for a load balancer that draws from no pool
  std::vector<std::size_t> load_balancers;
};

struct BuiltCandidate {
  CandidateResult result;            // kind, name, cidrs, addresses, overrides or not_possible
  std::optional<Scenario> scenario;  // loaded and validated; none when not possible
};

struct CandidateSet {
  PlanTarget target;
  std::vector<BuiltCandidate> candidates;
  std::vector<std::string> notes;
};

// Builds every candidate from `document` (the scenario file with the user's overrides applied)
// and `base` (that document loaded); `files` keeps the traces and ip-ranges the loads read.
// Throws InputError on bad options: an unknown pool or load balancer, a netmask range outside
// 8..32, a planned pool that events change.
CandidateSet build_candidates(const nlohmann::json& document, const Scenario& base,
                              const PlanOptions& options, FileCache& files);

}  // namespace albsim
