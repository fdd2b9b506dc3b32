// Simulator: one run of a scenario. Owns the event queue, the address space, the fleet and the
// meter, and applies MODEL.md §2-§5 event by event. Internal; the public face is simulate().
#pragma once

#include <cstdint>
#include <vector>

#include "alb/fleet.hpp"
#include "albsim/simulation.hpp"
#include "core/random_stream.hpp"
#include "engine/event_queue.hpp"
#include "ipam/address_space.hpp"
#include "ipam/managed_addresses.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

class Simulator {
 public:
  Simulator(const Scenario& scenario, const SimulationOptions& options);
  Report run();

 private:
  enum class EventKind : std::uint8_t {
    release_address,    // a: node slot, b: node id
    reservation_end,    // a: reservation
    node_terminate,     // a: node slot, b: node id
    node_in_service,    // a: node slot, b: node id
    scenario_start,     // a: scenario event
    scenario_end,       // a: scenario event
    reservation_start,  // a: reservation
    random_arrival,     // a: random event process
    random_end,         // a: occurrence slot
    evaluation,         // the scaling grid of every load balancer
    replacement_due,    // a: node slot, b: node id
  };
  // A Poisson process of `random_events`: its stream and the AZs it may pick from.
  struct RandomProcess {
    RandomStream draws;
    std::vector<std::string> azs;
  };
  struct Event {
    EventKind kind = EventKind::evaluation;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
  };

  static std::uint8_t event_class(EventKind kind);
  void schedule(SimTime at, EventKind kind, std::uint32_t a = 0, std::uint32_t b = 0);
  void process(const Event& event);
  void start_fleet();
  void sample_until(SimTime before);
  void check_invariants() const;

  // Scenario events (from `events`, or occurrences of `random_events`).
  void apply_event_start(const EventSpec& e);
  void apply_event_end(const EventSpec& e);
  RandomProcess random_process(std::size_t index) const;
  void random_arrival(std::size_t process);
  void schedule_next_arrival(std::size_t process);
  void set_az_impaired(std::size_t lb, std::size_t az, bool impaired);
  void start_reservation(std::size_t index);
  void end_reservation(std::size_t index);
  void add_cidr(std::size_t pool, const Cidr& cidr);

  // Load balancers.
  void evaluate_grid();
  void evaluate_lb(std::size_t lb);
  double sample_demand(std::size_t lb);  // d(t) at a grid point: profile, surges, noise
  std::optional<std::uint32_t> allocate(std::size_t pool);
  std::uint32_t launch_node(std::size_t lb, std::size_t az, NodeState state);
  void replace_node(std::uint32_t slot);
  void enter_service(std::uint32_t slot);
  void start_draining(std::uint32_t slot);
  void terminate(std::uint32_t slot);
  void release_address(std::uint32_t slot);
  void set_exposed(Node& node, bool exposed);
  void maintenance(std::size_t lb, double fraction);
  void reclaim(std::size_t pool, std::uint64_t freed);
  // True when `lb` draws from `pool` and swaps managed addresses back into it.
  bool reclaims_into(std::size_t lb, std::size_t pool) const;

  void pool_changed(std::size_t pool);

  const Scenario& scenario_;
  const SimulationOptions& options_;
  EventQueue<Event> queue_;
  AddressSpace space_;
  ManagedAddresses managed_addresses_;
  NodeTable nodes_;
  std::vector<LbRuntime> lbs_;
  std::vector<std::vector<std::uint32_t>> reservation_addresses_;
  std::vector<std::optional<RandomStream>> allocation_draws_;  // pools with random allocation
  std::vector<RandomProcess> random_processes_;
  std::vector<EventSpec> occurrences_;  // random events in force, slots reused
  std::vector<std::uint32_t> free_occurrences_;
  FleetMeter meter_;
  SimTime now_;
  SimTime next_sample_;
  std::uint32_t next_node_id_ = 0;
};

}  // namespace albsim
