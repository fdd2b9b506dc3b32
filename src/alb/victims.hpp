// Counting an AZ's nodes and choosing scale-in victims (MODEL.md §4, count and victims).
#pragma once

#include <cstdint>
#include <vector>

#include "alb/node_table.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// c_az = launching + in_service - retiring, walked over the AZ's node slots: the definition the
// Fleet's kept count (AzState::counted) is checked against.
int node_count(const NodeTable& nodes, const std::vector<std::uint32_t>& az_nodes);

// Up to `wanted` in-service, non-retiring nodes of the AZ, in the policy's order.
std::vector<std::uint32_t> choose_victims(const NodeTable& nodes,
                                          const std::vector<std::uint32_t>& az_nodes,
                                          VictimPolicy policy, int wanted);

}  // namespace albsim
