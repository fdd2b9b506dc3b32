// Quantities that carry their unit in their type, one double at run time: load (LCU), money
// (US dollars), address-hours and a price per address-hour. Quantities of different units
// neither add nor compare, and none converts to or from a bare double without saying so
// (`Lcu(x)`, `.value()`). The one product that changes unit is the one MODEL.md §6 prices by:
// address-hours x USD per address-hour = USD. Durations are SimTime (integer milliseconds,
// albsim/sim_time.hpp), the simulator's clock.
#pragma once

#include <compare>

namespace albsim {

template <class Unit>
class Quantity {
 public:
  constexpr Quantity() = default;
  constexpr explicit Quantity(double value) : value_(value) {}
  constexpr double value() const { return value_; }

  constexpr Quantity operator+(Quantity o) const { return Quantity(value_ + o.value_); }
  constexpr Quantity operator-(Quantity o) const { return Quantity(value_ - o.value_); }
  constexpr Quantity& operator+=(Quantity o) {
    value_ += o.value_;
    return *this;
  }
  constexpr Quantity operator*(double k) const { return Quantity(value_ * k); }
  constexpr Quantity operator/(double k) const { return Quantity(value_ / k); }
  friend constexpr Quantity operator*(double k, Quantity q) { return q * k; }
  // A ratio of two quantities of one unit is a plain number (demand / node capacity = nodes).
  constexpr double operator/(Quantity o) const { return value_ / o.value_; }
  constexpr auto operator<=>(const Quantity&) const = default;

 private:
  double value_ = 0;
};

struct LcuUnit;
struct UsdUnit;
struct AddressHourUnit;
struct UsdPerAddressHourUnit;

using Lcu = Quantity<LcuUnit>;                              // load balancer capacity units
using Usd = Quantity<UsdUnit>;                              // US dollars
using AddressHours = Quantity<AddressHourUnit>;             // one IPv4 address held an hour
using UsdPerAddressHour = Quantity<UsdPerAddressHourUnit>;  // a price per address-hour

constexpr Usd operator*(AddressHours hours, UsdPerAddressHour price) {
  return Usd(hours.value() * price.value());
}
constexpr Usd operator*(UsdPerAddressHour price, AddressHours hours) {
  return hours * price;
}

}  // namespace albsim
