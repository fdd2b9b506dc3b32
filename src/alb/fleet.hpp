// Fleet: every load balancer's nodes and AZs (MODEL.md §4): node lifecycle, the scaling grid and
// evaluations, victims, replacement, maintenance, reclaim and AZ outages. It draws addresses from
// the AddressBroker, demand from the DemandDriver, and tells the meter of every address and DNS
// change itself.
//
// An evaluation of a load balancer whose requirement is unchanged, with no low timer running and
// nothing changed since its last evaluation, cannot do anything and is skipped. "Nothing changed"
// is kept by construction: every write to a node or an AZ goes through change() or change_az(),
// which mark the load balancer touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alb/fleet_events.hpp"
#include "alb/node_table.hpp"
#include "alb/scaling_rules.hpp"
#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"
#include "demand/demand_driver.hpp"
#include "engine/scheduler.hpp"
#include "ipam/address_broker.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

class Fleet final : public FreedAddressListener {
 public:
  struct AzState {
    std::vector<std::uint32_t> nodes;  // slots of nodes not yet terminated
    int impaired = 0;                  // outages in force (they may overlap)
    LowTimer low_timer;
  };

  Fleet(const Scenario& scenario, std::uint64_t replication, Scheduler<FleetEvent>& scheduler,
        AddressBroker& broker, DemandDriver& demand, FleetMeter& meter);

  // Schedules the first point of the scaling grid.
  void schedule_first_evaluation();
  // The initial state (t = 0): every load balancer starts with r_az in-service nodes per AZ.
  void start();
  void handle(const FleetEvent& event);

  // Scenario events that act on load balancers.
  void set_az_impaired(std::size_t lb, const std::string& az, bool impaired);
  void maintenance(std::size_t lb, double fraction);
  void set_reserved_lcu(std::size_t lb, double lcu) { lbs_[lb].reserved_lcu = lcu; }
  void attach_pool(std::size_t lb, std::optional<std::size_t> pool) { lbs_[lb].pool = pool; }

  // Reclaim (MODEL.md §4): addresses freed in `pool` replace managed-address nodes.
  void addresses_freed(std::size_t pool, std::uint64_t count) override;

  // Read-only views, for the timeseries and invariant checks.
  const NodeTable& nodes() const { return nodes_; }
  const std::vector<AzState>& azs(std::size_t lb) const { return lbs_[lb].azs; }

 private:
  struct LbState {
    LbState(const LoadBalancerSpec& spec, std::uint64_t seed, std::uint64_t replication);
    std::optional<std::size_t> pool;
    std::vector<AzState> azs;
    int impaired_azs = 0;     // AZs with an outage in force
    SimTime next_evaluation;  // the next point of its scaling grid
    double reserved_lcu = 0;
    bool touched = true;  // a node or AZ changed since the last evaluation
    int last_required = -1;
    RandomStream launch_delay_draws;
    RandomStream replacement_draws;

    int healthy_azs() const { return static_cast<int>(azs.size()) - impaired_azs; }
    bool any_low_timer() const;
  };

  Node& change(std::uint32_t slot);
  AzState& change_az(std::size_t lb, std::size_t az);
  SimTime now() const { return scheduler_.now(); }
  int requirement(std::size_t lb, double demand) const;

  // Scaling (scaling_evaluation.cpp).
  void evaluate_grid();
  void evaluate_lb(std::size_t lb);
  // Node lifecycle (fleet.cpp).
  std::uint32_t launch(std::size_t lb, std::size_t az, NodeState state);
  void enter_service(std::uint32_t slot);
  void start_draining(std::uint32_t slot);
  void terminate(std::uint32_t slot);
  void release_address(std::uint32_t slot);
  void set_exposed(std::uint32_t slot, bool exposed);
  // Replacement (replacement.cpp).
  void schedule_replacement(std::uint32_t slot, SimTime not_before);
  void replace(std::uint32_t slot);
  bool reclaims_into(std::size_t lb, std::size_t pool) const;

  const Scenario& scenario_;
  Scheduler<FleetEvent>& scheduler_;
  AddressBroker& broker_;
  DemandDriver& demand_;
  FleetMeter& meter_;
  NodeTable nodes_;
  std::vector<LbState> lbs_;
  std::uint32_t next_node_id_ = 0;
};

}  // namespace albsim
