// The runtime state of load balancers: nodes (in a slot table whose slots are reused, so memory
// follows the live fleet, not the horizon), AZs with their low timers, and victim selection.
// Holds no addresses itself: a node records the address it was given.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "alb/scaling_rules.hpp"
#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"
#include "demand/demand_profile.hpp"

namespace albsim {

enum class NodeState : std::uint8_t { launching, in_service, draining, terminated };

inline constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

struct Node {
  std::uint32_t id = 0;  // increases in creation order across the scenario
  std::uint32_t lb = 0;
  std::uint32_t az = 0;
  NodeState state = NodeState::launching;
  bool managed = false;   // holds an AWS-managed address
  bool retiring = false;  // a replacement is launching for it
  bool exposed = false;   // in DNS
  bool ever_exposed = false;
  std::uint32_t address = 0;
  std::uint32_t pool = 0;                 // the pool it drew from (when not managed)
  std::uint32_t replaces_slot = kNoSlot;  // the retiring node this one replaces
  std::uint32_t replaces_id = 0;
};

// Slots of nodes; a slot is reused once its node's address is released.
class NodeTable {
 public:
  std::uint32_t create(const Node& node);
  void destroy(std::uint32_t slot);
  Node& operator[](std::uint32_t slot) { return slots_[slot]; }
  const Node& operator[](std::uint32_t slot) const { return slots_[slot]; }
  // True while `slot` still holds the node with this id (events about a gone node are stale).
  bool holds(std::uint32_t slot, std::uint32_t id) const {
    return slot < slots_.size() && live_[slot] && slots_[slot].id == id;
  }
  std::size_t slot_count() const { return slots_.size(); }
  bool live(std::uint32_t slot) const { return live_[slot]; }

 private:
  std::vector<Node> slots_;
  std::vector<bool> live_;
  std::vector<std::uint32_t> free_slots_;
};

struct AzRuntime {
  std::vector<std::uint32_t> nodes;  // slots of nodes not yet terminated
  int impaired = 0;                  // outages in force (they may overlap)
  LowTimer low_timer;
};

struct LbRuntime {
  LbRuntime(const LoadBalancerSpec& spec, std::int64_t start_epoch_ms, std::uint64_t seed,
            std::uint64_t replication)
      : pool(spec.pool),
        azs(spec.azs.size()),
        next_evaluation(spec.evaluation_interval),
        reserved_lcu(spec.capacity_reservation_lcu),
        profile(spec.demand, start_epoch_ms, spec.evaluation_interval),
        launch_delay_draws(seed, replication, "load_balancers/" + spec.id + "/launch_delay"),
        replacement_draws(seed, replication, "load_balancers/" + spec.id + "/replacement"),
        noise_draws(seed, replication, "load_balancers/" + spec.id + "/noise") {}

  std::optional<std::size_t> pool;
  std::vector<AzRuntime> azs;
  int impaired_azs = 0;     // AZs with an outage in force
  SimTime next_evaluation;  // the next point of its scaling grid
  double reserved_lcu = 0;
  std::vector<double> surge_multipliers;  // active surges
  DemandProfile profile;
  // Set when any node or AZ of this load balancer changes; with an unchanged requirement and no
  // low timer running, an evaluation of an untouched load balancer cannot do anything.
  bool touched = true;
  int last_required = -1;
  RandomStream launch_delay_draws;
  RandomStream replacement_draws;
  RandomStream noise_draws;

  double surge_factor() const;
  int healthy_azs() const { return static_cast<int>(azs.size()) - impaired_azs; }
  bool any_low_timer() const;
};

// c_az = launching + in_service - retiring.
int node_count(const NodeTable& nodes, const AzRuntime& az);

// Up to `wanted` in-service, non-retiring nodes of the AZ, in the policy's order.
std::vector<std::uint32_t> choose_victims(const NodeTable& nodes, const AzRuntime& az,
                                          VictimPolicy policy, int wanted);

}  // namespace albsim
