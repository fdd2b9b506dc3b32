// The two golden runs stated in the core issue, with their numbers derived by hand there.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace albsim;

TEST_CASE("golden: one ALB, 3 AZs, BYOIP /24, constant 60 LCU for a day") {
  // r = ceil(60/3/25) = 1 per AZ: 3 nodes all day = 72 address-hours, all in the pool.
  const Report r = test::run_file("tests/golden/one_alb_constant.json");
  const auto& lb = r.load_balancers.at(0);
  CHECK(lb.addresses.peak_total == 3);
  CHECK(lb.addresses.pool_address_hours == Approx(72.0));
  CHECK(lb.addresses.managed_address_hours == 0.0);
  CHECK(lb.addresses.managed_acquisitions == 0);
  CHECK(lb.cost.managed_only == Approx(0.36));  // 72 h x $0.005
  CHECK(r.cost.managed_only == Approx(0.36));
  CHECK(r.cost.total == 0.0);
  CHECK(lb.allowlist->in_allowlist_ratio.value() == 1.0);
  CHECK(lb.allowlist->breach_episodes == 0);
  CHECK_FALSE(lb.allowlist->first_breach_s.has_value());
}

TEST_CASE("golden: /30 child pool, steps 60 -> 300 -> 60 LCU") {
  // At 2h r = ceil(300/3/25) = 4 per AZ: 9 launches, 1 takes the last pool address, 8 go
  // managed; in service at 7320 s. At 6h demand drops; the low timer runs 15 min, so at 22500 s
  // 3 victims per AZ drain (the 8 managed first) and terminate at 22800 s.
  const Report r = test::run_file("tests/golden/child_pool_steps.json");
  const auto& lb = r.load_balancers.at(0);
  CHECK(lb.addresses.peak_total == 12);
  CHECK(lb.addresses.peak_pool == 4);
  CHECK(lb.addresses.peak_managed == 8);
  CHECK(lb.addresses.managed_acquisitions == 8);
  CHECK(lb.addresses.managed_address_hours == Approx(8 * 15600 / 3600.0));  // 34.6667
  CHECK(lb.addresses.pool_address_hours == Approx(72 + 15600 / 3600.0));    // 76.3333
  CHECK(lb.allowlist->breach_episodes == 1);
  CHECK(lb.allowlist->first_breach_s.value() == 7320.0);
  CHECK(lb.allowlist->breach_seconds == 15180.0);
  CHECK(lb.allowlist->longest_breach_s == 15180.0);
  CHECK(lb.allowlist->dns_changes == 18);
  CHECK(lb.allowlist->distinct_outside_addresses == 8);
  // exposed: 3 x 86400 + 9 x 15180 node-s; inside: 3 x 86400 + 15180.
  CHECK(lb.allowlist->in_allowlist_ratio.value() == Approx(274380.0 / 395820.0));  // 0.693194
  // lost: 300 x 8/12 x 14280 + 60 x 8/12 x 900; demand: 60 x 86400 + 240 x 14400.
  CHECK(lb.allowlist->client_failure_ratio == Approx(2892000.0 / 8640000.0));  // 0.334722
  const auto& tiny = r.pools.at(1);
  CHECK(tiny.id == "tiny");
  CHECK(tiny.capacity == 4);
  CHECK(tiny.exhausted_seconds == 15600.0);
  CHECK(tiny.exhaustion_episodes == 1);
  CHECK(r.pools.at(0).capacity == 252);  // the /24 less the child's /30
  CHECK(r.cost.managed_ipv4 == Approx(0.173333).epsilon(1e-5));
}
