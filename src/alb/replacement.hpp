// Replacement (MODEL.md §4, replacement, maintenance and reclaim): a node is replaced at its age,
// by a maintenance storm, or so that a pool address freed again reaches a node holding a managed
// one. A replacement launches a new node in the same AZ and marks the old one retiring; the old
// one drains when the new one enters service (NodeLifecycle::enter_service).
#pragma once

#include <cstdint>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/lb_state.hpp"
#include "alb/node_lifecycle.hpp"
#include "albsim/scenario.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"

namespace albsim {

class Replacement {
 public:
  Replacement(const Scenario& scenario, Scheduler<FleetEvent>& scheduler,
              const AddressBroker& broker, std::vector<LbState>& lbs, NodeLifecycle& lifecycle);

  // Schedules the replacement of the node just launched in `slot`, at its age (`replacement`
  // every or mean), but never before it enters service, `not_before` from now.
  void schedule(std::uint32_t slot, SimTime not_before);
  // A replacement of the in-service, non-retiring node in `slot`, now.
  void replace(std::uint32_t slot);
  // The maintenance event: ceil(fraction x eligible) eligible nodes (in service, not retiring,
  // ascending id) are replaced at once.
  void maintenance(std::size_t lb, double fraction);
  // Reclaim "replace": for each of `count` addresses freed in `pool`, while it has one free, the
  // lowest-id in-service, non-retiring managed node of the first load balancer (scenario order)
  // that reclaims into the pool is replaced.
  void reclaim(std::size_t pool, std::uint64_t count);

 private:
  bool reclaims_into(std::size_t lb, std::size_t pool) const;

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  const AddressBroker& broker_;
  std::vector<LbState>& lbs_;
  NodeLifecycle& lifecycle_;
  std::vector<std::size_t> reclaiming_lbs_;  // with `reclaim: replace`, ascending
};

}  // namespace albsim
