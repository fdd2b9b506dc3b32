// The address-milliseconds each holder keeps per charge period (the run's UTC days): a load
// balancer's AWS-managed addresses, its addresses from each pool, each pool's reservations.
// Exact integers, fed by the run's HoldingLog calls; what charge lines are priced from.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "albsim/run_options.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

class ChargeLedger final : public HoldingLog {
 public:
  enum class Holder : std::uint8_t { managed, pool, reserved };
  struct Key {
    std::size_t period = 0;
    Holder holder = Holder::managed;
    std::size_t lb = 0;    // managed, pool
    std::size_t pool = 0;  // pool, reserved
    auto operator<=>(const Key&) const = default;
  };

  // Periods are the UTC days of [0, horizon) for a run starting at `start_epoch_ms`.
  ChargeLedger(const Scenario& scenario, std::int64_t start_epoch_ms);

  void address_held(SimTime t, std::size_t lb, std::uint32_t address, bool managed) override;
  void address_given_back(SimTime t, std::size_t lb, std::uint32_t address, bool managed) override;
  void reserved_changed(SimTime t, std::size_t pool, std::uint64_t reserved) override;

  // Accrues every holding to the horizon: address_ms() is then complete.
  void finish();

  // Address-milliseconds by period and holder; holders with none are absent.
  const std::map<Key, std::int64_t>& address_ms() const { return address_ms_; }
  // Period k is [starts[k], starts[k + 1]), the last ending at the horizon.
  const std::vector<SimTime>& period_bounds() const { return bounds_; }

 private:
  struct Holding {
    std::int64_t count = 0;
    SimTime since;
  };
  using HolderId = std::tuple<Holder, std::size_t, std::size_t>;

  void set_count(const HolderId& id, SimTime t, std::int64_t count);
  void accrue(const HolderId& id, Holding& h, SimTime until);
  std::size_t period_of(SimTime t) const;  // the period holding t (t < horizon)
  std::size_t pool_of(std::uint32_t address) const;

  const Scenario& scenario_;
  std::vector<SimTime> bounds_;
  std::vector<std::pair<Cidr, std::size_t>> pool_cidrs_;  // most specific first
  std::map<HolderId, Holding> holdings_;
  std::map<Key, std::int64_t> address_ms_;
};

}  // namespace albsim
