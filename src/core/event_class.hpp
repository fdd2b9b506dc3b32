// EventClass: the ALB model's event classes (MODEL.md §2), in the order they run within one
// instant. The engine orders events by (time, class, insertion sequence) for any such enum; this
// one is the model's vocabulary, so it lives with the other model types, not in the kernel.
#pragma once

#include <cstdint>

namespace albsim {

enum class EventClass : std::uint8_t {
  address_release = 1,     // an address returns to its pool (a node's, or a reservation's end)
  node_termination = 2,    // a draining node terminates
  node_in_service = 3,     // a launching node enters service
  scenario_event = 4,      // scenario and random events, reservation starts, in scenario order
  scaling_evaluation = 5,  // the scaling grid of the load balancers
  node_replacement = 6,    // a node's replacement falls due
};

}  // namespace albsim
