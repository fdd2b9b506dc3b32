// The fleet's own events (MODEL.md §2): each names its class; node events carry a NodeRef and are
// skipped when the node is gone.
#pragma once

#include <variant>

#include "alb/node_table.hpp"
#include "core/event_class.hpp"

namespace albsim {

struct NodeAddressRelease {  // `release_delay` after termination
  static constexpr EventClass kClass = EventClass::address_release;
  NodeRef node;
};
struct NodeTermination {  // `drain_time` after draining starts
  static constexpr EventClass kClass = EventClass::node_termination;
  NodeRef node;
};
struct NodeInService {  // `launch_delay` after launch
  static constexpr EventClass kClass = EventClass::node_in_service;
  NodeRef node;
};
struct ScalingEvaluation {  // the next point of any load balancer's scaling grid
  static constexpr EventClass kClass = EventClass::scaling_evaluation;
};
struct ReplacementDue {  // the node's replacement age
  static constexpr EventClass kClass = EventClass::node_replacement;
  NodeRef node;
};

using FleetEvent = std::variant<NodeAddressRelease, NodeTermination, NodeInService,
                                ScalingEvaluation, ReplacementDue>;

}  // namespace albsim
