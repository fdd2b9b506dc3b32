// The taps that subscribe the fleet meter and a public AddressLog to the models' observer
// interfaces. The models publish what changes and know no meter; the meter measures and knows
// no model; the simulation's wiring joins them here, one forwarding call per change.
#pragma once

#include "alb/fleet_observer.hpp"
#include "albsim/run_options.hpp"
#include "demand/demand_observer.hpp"
#include "ipam/pool_observer.hpp"
#include "metrics/fleet_meter.hpp"

namespace albsim {

// The meter's tap also feeds a HoldingLog (charges) and a DemandLog when the run keeps them.
class MeterTap final : public FleetObserver, public PoolObserver, public DemandObserver {
 public:
  MeterTap(const Scenario& scenario, FleetMeter& meter, HoldingLog* holdings, DemandLog* demand)
      : scenario_(scenario), meter_(meter), holdings_(holdings), demand_(demand) {}

  void address_acquired(SimTime now, std::size_t lb, std::size_t, std::uint32_t address,
                        bool managed) override {
    meter_.address_acquired(now, lb, managed);
    if (holdings_ != nullptr) holdings_->address_held(now, lb, address, managed);
  }
  void exposure_changed(SimTime now, std::size_t lb, std::uint32_t address, bool exposed) override {
    meter_.exposure_changed(now, lb, address, exposed);
  }
  void address_released(SimTime now, std::size_t lb, std::uint32_t address, bool managed) override {
    meter_.address_released(now, lb, managed);
    if (holdings_ != nullptr) holdings_->address_given_back(now, lb, address, managed);
  }
  void pool_changed(SimTime now, std::size_t pool, const PoolState& state) override {
    meter_.pool_changed(now, pool, state.capacity, state.in_use, state.reserved);
    if (holdings_ != nullptr) holdings_->reserved_changed(now, pool, state.reserved);
  }
  void demand_started(std::size_t lb, double demand_lcu) override {
    meter_.demand_changed(SimTime(), lb, demand_lcu);
    if (demand_ != nullptr)
      demand_->demand(lb, SimTime(), scenario_.load_balancers[lb].evaluation_interval,
                      std::span<const double>(&demand_lcu, 1));
  }
  void demand_sampled(std::size_t lb, SimTime first, SimTime step,
                      std::span<const double> demand_lcu,
                      const StepIntegral::Progress* traced) override {
    meter_.demand_sampled(lb, first, step, demand_lcu, traced);
    if (demand_ != nullptr) demand_->demand(lb, first, step, demand_lcu);
  }
  std::pair<double, StepIntegral::Progress> demand_progress(std::size_t lb) const override {
    return meter_.demand_progress(lb);
  }

 private:
  const Scenario& scenario_;
  FleetMeter& meter_;
  HoldingLog* holdings_;
  DemandLog* demand_;
};

// A public AddressLog (albsim/run_options.hpp) fed from the fleet's changes.
class AddressLogTap final : public FleetObserver {
 public:
  explicit AddressLogTap(AddressLog& log) : log_(log) {}

  void address_acquired(SimTime now, std::size_t lb, std::size_t az, std::uint32_t address,
                        bool) override {
    log_.acquired(now, lb, az, address);
  }
  void exposure_changed(SimTime now, std::size_t lb, std::uint32_t address, bool exposed) override {
    log_.exposure(now, lb, address, exposed);
  }
  void address_released(SimTime now, std::size_t lb, std::uint32_t address, bool) override {
    log_.released(now, lb, address);
  }

 private:
  AddressLog& log_;
};

}  // namespace albsim
