// The example scenarios in scenarios/, with the figures derived by hand in scenarios/README.md.
#include <catch2/catch.hpp>

#include "albsim/load_scenario.hpp"
#include "support.hpp"

using namespace albsim;

TEST_CASE("example quickstart: a /29 that is just enough on weekday evenings") {
  // 60 LCU x (1 + 0.5 cos(2 pi (h - 19) / 24)) exceeds 75 (2 nodes per AZ) for 15:00 < h < 23:00
  // on weekdays. Out at 15:01, timer from 23:00, drained 23:15, gone 23:20: 3 nodes x 499 min a
  // weekday, 5 weekdays. The 2 NAT gateways + 6 nodes fill the /29 for 29940 s a weekday.
  const Report r = test::run_file("scenarios/quickstart.json");
  const auto& web = r.load_balancers[0];
  CHECK(web.addresses.peak_total == 6);
  CHECK(web.addresses.peak_managed == 0);
  CHECK(web.addresses.pool_address_hours == Approx(3 * 168 + 5 * 3 * 499 / 60.0));  // 628.75
  CHECK(web.allowlist->dns_changes == 30);
  CHECK(web.allowlist->breach_episodes == 0);
  const auto& use1 = r.pools[1];
  CHECK(use1.peak_in_use == 8);
  CHECK(use1.exhausted_seconds == 5 * 29940.0);
  CHECK(use1.exhaustion_episodes == 5);
  CHECK(use1.in_use_address_hours == Approx(628.75 + 2 * 168));
  CHECK(r.cost.total == 0.0);
  CHECK(r.cost.managed_only == Approx(628.75 * 0.005));
}

TEST_CASE("example amazon-29-maintenance-storm: replacing 6 nodes needs 12 addresses") {
  // 150 LCU: 2 nodes per AZ hold 6 of 8 block addresses. At 1d all 6 are replaced: 2 new nodes
  // take the last block addresses, 4 go managed for the remaining 2 days (reclaim is none).
  const Report r = test::run_file("scenarios/amazon-29-maintenance-storm.json");
  const auto& p = r.load_balancers[0];
  CHECK(p.addresses.peak_total == 12);
  CHECK(p.addresses.peak_managed == 4);
  CHECK(p.addresses.managed_address_hours == Approx(4 * 48.0));
  CHECK(p.addresses.pool_address_hours == Approx(6 * 86820 / 3600.0 + 2 * 48));
  CHECK(p.allowlist->first_breach_s.value() == 86520.0);
  CHECK(p.allowlist->breach_seconds == 172680.0);
  CHECK(p.allowlist->in_allowlist_ratio.value() == Approx(1 - 4 * 172680.0 / (6 * 259200.0)));
  CHECK(r.pools[0].exhausted_seconds == 420.0);
  CHECK(r.cost.amazon_blocks == Approx(8 * 72 * 0.008));  // $4.608
  CHECK(r.cost.managed_ipv4 == Approx(192 * 0.005));      // $0.96
}

TEST_CASE("example byoip-regional-split: three ALBs share a /26 through replacements") {
  // 12 + 6 + 2 nodes, all replaced at 2d, 4d and 6d with 420 s of overlap each time.
  const Report r = test::run_file("scenarios/byoip-regional-split.json");
  const double per_node = 168 + 3 * 420 / 3600.0;
  CHECK(r.load_balancers[0].addresses.pool_address_hours == Approx(12 * per_node));
  CHECK(r.load_balancers[1].addresses.pool_address_hours == Approx(6 * per_node));
  CHECK(r.load_balancers[2].addresses.pool_address_hours == Approx(2 * per_node));
  CHECK(r.load_balancers[0].allowlist->dns_changes == 72);
  const auto& use1 = r.pools[1];
  CHECK(use1.peak_in_use == 6 + 2 * 20);
  CHECK(use1.min_free == 18);
  CHECK(r.cost.ipam == Approx((20 * per_node + 6 * 168) * 0.00027));
  CHECK(r.cost.byoip_ownership == Approx(256 * 168 * 25.0 / 60 / 730));
  CHECK(r.cost.managed_ipv4 == 0.0);
}

TEST_CASE("example az-outage: the surviving AZs overflow a /28") {
  // 12 nodes + 2 NAT gateways leave 2 free. az1 fails at 2h: r = 6 in az2 and az3; az2's 2
  // launches take the last addresses, az3's go managed. Recovery at 3h, drain at 11700 s.
  const Report r = test::run_file("scenarios/az-outage.json");
  const auto& api = r.load_balancers[0];
  CHECK(api.addresses.peak_total == 16);
  CHECK(api.addresses.managed_address_hours == Approx(2 * 4800 / 3600.0));
  CHECK(api.allowlist->first_breach_s.value() == 7320.0);
  CHECK(api.allowlist->breach_seconds == 4380.0);
  CHECK(api.allowlist->dns_changes == 16);
  CHECK(api.allowlist->in_allowlist_ratio.value() == Approx(1 - 8760.0 / 1039920.0));
  CHECK(api.allowlist->client_failure_ratio == Approx((2.0 / 12 * 3480 + 2.0 / 16 * 900) / 86400));
  CHECK(r.pools[1].exhausted_seconds == 4800.0);
}

TEST_CASE(
    "example wc98-semifinals: the /29 block overflows at the semi-final peaks, the /27 holds") {
  // The busiest minute is 200 LCU (see scenarios/README.md): 67 per AZ, 3 nodes per AZ, 9
  // addresses: one more than the /29 holds, far fewer than the /27's 32.
  const Report r = test::run_file("scenarios/wc98-semifinals.json");
  const auto& block = r.load_balancers[0];
  const auto& byoip = r.load_balancers[1];
  CHECK(block.addresses.peak_total == 9);
  CHECK(byoip.addresses.peak_total == 9);
  CHECK(block.addresses.peak_managed == 1);
  CHECK(block.allowlist->breach_episodes >= 1);
  CHECK(byoip.allowlist->breach_episodes == 0);
  CHECK(byoip.addresses.managed_acquisitions == 0);
  CHECK(r.pools[0].capacity == 8);
  CHECK(r.pools[2].capacity == 32);
  // Both replay the same trace with the same options: it is read once and shared.
  const Scenario s = load_scenario(test::source_path("scenarios/wc98-semifinals.json"));
  CHECK(s.load_balancers[0].demand.trace.series == s.load_balancers[1].demand.trace.series);
}

TEST_CASE("example pool-migration: attaching a pool changes nothing until nodes are replaced") {
  // 4 managed nodes from t=0; the pool is attached at 1d; the replacements due at 3d take pool
  // addresses (in DNS at 3d+2m), and those due at 6d stay in the pool.
  const Report r = test::run_file("scenarios/pool-migration.json");
  const auto& l = r.load_balancers[0];
  CHECK(l.addresses.managed_address_hours == Approx(4 * (72 + 420 / 3600.0)));
  CHECK(l.addresses.pool_address_hours == Approx(4 * (72 + 420 / 3600.0) + 4 * 24));
  CHECK(l.allowlist->first_breach_s.value() == 0.0);
  CHECK(l.allowlist->breach_seconds == 3 * 86400.0 + 120);
}
