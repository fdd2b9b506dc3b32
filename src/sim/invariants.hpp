// InvariantCheck: a settled observer for tests (SimulationOptions::check_invariants). After every
// instant it verifies that each pool's held addresses match its in-use count, that no address is
// held twice, and that every address in DNS belongs to an in-service node of a healthy AZ.
// Throws std::logic_error naming the instant. O(nodes + pools) per instant.
#pragma once

#include "alb/fleet.hpp"
#include "engine/settled_observer.hpp"
#include "ipam/address_broker.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

class InvariantCheck final : public SettledObserver {
 public:
  InvariantCheck(const Scenario& scenario, const AddressBroker& broker, const Fleet& fleet,
                 const FleetMeter& meter)
      : scenario_(scenario), broker_(broker), fleet_(fleet), meter_(meter) {}

  void on_settled(SimTime now) override;

 private:
  const Scenario& scenario_;
  const AddressBroker& broker_;
  const Fleet& fleet_;
  const FleetMeter& meter_;
};

}  // namespace albsim
