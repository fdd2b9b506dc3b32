#include <catch2/catch.hpp>
#include <type_traits>

#include "albsim/scenario.hpp"
#include "albsim/units.hpp"

using namespace albsim;

// What the unit types refuse, checked when this file compiles.
template <class A, class B>
concept Addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept Comparable = requires(A a, B b) {
  a < b;
};

static_assert(!std::is_convertible_v<double, Lcu>, "a bare number is no LCU");
static_assert(!std::is_convertible_v<Lcu, double>, "an LCU is no bare number");
static_assert(!Addable<Lcu, Usd> && !Addable<Usd, AddressHours> && !Addable<Lcu, double>);
static_assert(!Comparable<Usd, UsdPerAddressHour> && !Comparable<Usd, double>);
static_assert(std::is_same_v<decltype(AddressHours() * UsdPerAddressHour()), Usd>);
static_assert(std::is_same_v<decltype(Lcu() / Lcu()), double>);
static_assert(std::is_same_v<decltype(Usd() * 2.0), Usd>);
static_assert(sizeof(Lcu) == sizeof(double));

TEST_CASE("units: address-hours times a price is dollars, a ratio of loads is a number") {
  CHECK((AddressHours(730) * UsdPerAddressHour(0.005)).value() == Approx(3.65));
  CHECK(Lcu(150) / Lcu(25) == 6.0);
  CHECK((Lcu(60) + Lcu(15)) / 3.0 == Lcu(25));
  const Pricing defaults;
  CHECK(defaults.public_ipv4_per_ip_hour == UsdPerAddressHour(0.005));  // FACTS.md
  CHECK(LoadBalancerSpec().node_capacity_lcu == Lcu(25));
}
