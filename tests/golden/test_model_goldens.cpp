// Golden runs for each mechanism of MODEL.md §3-§7, every number derived by hand in the
// comment above it. Defaults: launch 2m, drain 5m, cooldown 15m, grid 60s, 25 LCU per node.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {

json base(const json& pools, const json& lb, const std::string& horizon = "1d") {
  return json{{"region", "us-east-1"},
              {"horizon", horizon},
              {"pools", pools},
              {"load_balancers", json::array({lb})}};
}

json byoip24() {
  return json::array(
      {{{"id", "p"}, {"source", "byoip"}, {"locale", "us-east-1"}, {"cidrs", {"203.0.113.0/24"}}}});
}

}  // namespace

TEST_CASE("golden: replacement every 1d overlaps old and new node for launch + drain") {
  // Nodes 0,1 (.0,.1) from t=0. At 1d both fall due: nodes 2,3 (.2,.3) launch, enter service at
  // 86520 s, and 0,1 drain until 86820 s. At 2d nodes 2,3 fall due: 4,5 take .0,.1 (free again).
  // Address-seconds: 2 x (86820 + 86400) + 2 x 86820 = 520080 = 144.4667 h.
  json lb = {{"id", "a"},
             {"pool", "p"},
             {"azs", {"az1", "az2"}},
             {"demand", {{"constant", 10}}},
             {"replacement", {{"every", "1d"}}}};
  const Report r = test::run_checked(base(byoip24(), lb, "3d"));
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.peak_total == 4);
  CHECK(a.addresses.peak_managed == 0);
  CHECK(a.addresses.pool_address_hours == Approx(520080 / 3600.0));
  CHECK(a.allowlist->dns_changes == 8);  // 4 at 86520 s, 4 at 172920 s
  CHECK(a.allowlist->in_allowlist_ratio.value() == 1.0);
  CHECK(r.pools[0].peak_in_use == 4);
  CHECK(r.pools[0].min_free == 252);
  CHECK(r.pools[0].utilization.value() == Approx(520080.0 / (256.0 * 259200.0)));
  CHECK(r.cost.managed_only == Approx(520080 / 3600.0 * 0.005));
}

TEST_CASE("golden: a maintenance storm exhausts a /30 Amazon block") {
  // 3 nodes hold 3 of 4 block addresses. At 1h every node is replaced: node 3 takes the last
  // block address, nodes 4,5 go managed. In service at 3720 s; 0,1,2 drain, release at 4020 s.
  json pools = json::array(
      {{{"id", "blk"}, {"source", "amazon"}, {"locale", "us-east-1"}, {"netmask_length", 30}}});
  json lb = {
      {"id", "a"}, {"pool", "blk"}, {"azs", {"az1", "az2", "az3"}}, {"demand", {{"constant", 10}}}};
  json doc = base(pools, lb);
  doc["events"] = json::array({{{"at", "1h"}, {"type", "maintenance"}, {"fraction", 1.0}}});

  SECTION("without reclaim the managed nodes stay to the horizon") {
    const Report r = test::run_checked(doc);
    const auto& a = r.load_balancers[0];
    CHECK(a.addresses.peak_total == 6);
    CHECK(a.addresses.peak_pool == 4);
    CHECK(a.addresses.peak_managed == 2);
    CHECK(a.addresses.managed_acquisitions == 2);
    CHECK(a.addresses.managed_address_hours == Approx(46.0));  // 2 x (86400 - 3600) s
    CHECK(a.addresses.pool_address_hours == Approx((3 * 4020 + 82800) / 3600.0));
    CHECK(a.allowlist->breach_episodes == 1);
    CHECK(a.allowlist->first_breach_s.value() == 3720.0);
    CHECK(a.allowlist->breach_seconds == 82680.0);
    CHECK(a.allowlist->dns_changes == 6);
    CHECK(a.allowlist->distinct_outside_addresses == 2);
    CHECK(a.allowlist->in_allowlist_ratio.value() == Approx(93840.0 / 259200.0));
    CHECK(a.allowlist->client_failure_ratio == Approx(2.0 / 3.0 * 82680.0 / 86400.0));
    CHECK(r.pools[0].capacity == 4);
    CHECK(r.pools[0].exhausted_seconds == 420.0);
    CHECK(r.pools[0].exhaustion_episodes == 1);
    CHECK(r.cost.amazon_blocks == Approx(4 * 24 * 0.008));  // 0.768: used or not
    CHECK(r.cost.managed_ipv4 == Approx(46 * 0.005));
    CHECK(r.cost.total == Approx(0.768 + 0.23));
    CHECK(r.cost.managed_only == Approx((46 + (3 * 4020 + 82800) / 3600.0) * 0.005));
    CHECK(r.cost.saving == Approx(r.cost.managed_only - r.cost.total));
  }

  SECTION("with reclaim the freed block addresses replace the managed nodes") {
    // At 4020 s .0 frees: node 4 is replaced by node 6 (.0); .1 frees: node 5 -> node 7 (.1);
    // .2 frees: no managed node left that is not retiring. 6,7 serve at 4140 s; 4,5 go at 4440.
    doc["load_balancers"][0]["reclaim"] = "replace";
    const Report r = test::run_checked(doc);
    const auto& a = r.load_balancers[0];
    CHECK(a.addresses.managed_address_hours == Approx(2 * 840 / 3600.0));
    CHECK(a.addresses.pool_address_hours == Approx((3 * 4020 + 82800 + 2 * 82380) / 3600.0));
    CHECK(a.addresses.peak_total == 6);
    CHECK(a.allowlist->breach_seconds == 420.0);
    CHECK(a.allowlist->dns_changes == 10);
    CHECK(a.allowlist->in_allowlist_ratio.value() == Approx(1.0 - 840.0 / 259200.0));
    CHECK(a.allowlist->client_failure_ratio == Approx(2.0 / 3.0 * 420.0 / 86400.0));
    CHECK(r.pools[0].exhausted_seconds == 420.0);
    CHECK(r.pools[0].min_free == 0);
  }
}

TEST_CASE("golden: an AZ outage shifts demand to the healthy AZs and back") {
  // 150 LCU over 3 AZs: 2 nodes each. az2 fails at 1h for 2h: its nodes leave DNS; the grid at
  // 3600 s sees 75 LCU per healthy AZ, r = 3, one launch each in az1 and az3 (in DNS at 3720 s).
  // At 3h az2 returns; the low timer starts, and at 11700 s nodes 6,7 drain (gone at 12000 s).
  json lb = {
      {"id", "a"}, {"pool", "p"}, {"azs", {"az1", "az2", "az3"}}, {"demand", {{"constant", 150}}}};
  json doc = base(byoip24(), lb);
  doc["events"] =
      json::array({{{"at", "1h"}, {"type", "az_outage"}, {"az", "az2"}, {"duration", "2h"}}});
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.peak_total == 8);
  CHECK(a.addresses.pool_address_hours == Approx(144 + 2 * 8400 / 3600.0));
  CHECK(a.allowlist->dns_changes == 8);  // -2, +2, +2, -2
  CHECK(a.allowlist->breach_episodes == 0);
  CHECK(a.allowlist->client_failure_ratio == 0.0);
  CHECK(r.allowlist->in_allowlist_ratio.value() == 1.0);
}

TEST_CASE("golden: attach_pool then maintenance migrates a load balancer into its pool") {
  // No pool at first: nodes 0,1 are managed and outside the allowlist (the pool it attaches
  // later) from t=0. Attach at 1h, replace everything at 2h: nodes 2,3 take .0,.1, serve at
  // 7320 s; the managed nodes release at 7620 s.
  json lb = {{"id", "a"}, {"azs", {"az1", "az2"}}, {"demand", {{"constant", 10}}}};
  json doc = base(byoip24(), lb);
  doc["events"] = json::array({{{"at", "1h"}, {"type", "attach_pool"}, {"pool", "p"}},
                               {{"at", "2h"}, {"type", "maintenance"}, {"lb", "a"}}});
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.managed_acquisitions == 2);
  CHECK(a.addresses.managed_address_hours == Approx(2 * 7620 / 3600.0));
  CHECK(a.addresses.pool_address_hours == Approx(44.0));
  CHECK(a.allowlist->first_breach_s.value() == 0.0);
  CHECK(a.allowlist->breach_seconds == 7320.0);
  CHECK(a.allowlist->dns_changes == 4);
  CHECK(a.allowlist->in_allowlist_ratio.value() == Approx(158160.0 / 172800.0));
  CHECK(a.allowlist->client_failure_ratio == Approx(7320.0 / 86400.0));
}

TEST_CASE("golden: attach_pool null detaches: new nodes fall back to managed addresses") {
  // On the pool from t=0 (nodes 0,1 take .0,.1). Detached at 1h; the maintenance at 2h replaces
  // both with managed nodes (in DNS at 7320 s, outside the allowlist until the horizon).
  json lb = {{"id", "a"}, {"pool", "p"}, {"azs", {"az1", "az2"}}, {"demand", {{"constant", 10}}}};
  json doc = base(byoip24(), lb);
  doc["events"] = json::array({{{"at", "1h"}, {"type", "attach_pool"}, {"pool", nullptr}},
                               {{"at", "2h"}, {"type", "maintenance"}}});
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.managed_acquisitions == 2);
  CHECK(a.addresses.managed_address_hours == Approx(2 * 22.0));
  CHECK(a.addresses.pool_address_hours == Approx(2 * 7620 / 3600.0));
  CHECK(a.allowlist->first_breach_s.value() == 7320.0);
  CHECK(a.allowlist->breach_seconds == 86400.0 - 7320);
}

TEST_CASE("golden: reservations, add_cidr and every cost category") {
  // corp /24 (BYOIP, $10 an address over 60 months) holds use1 /29. NAT gateways reserve .0-.5
  // until 12h; nodes 0,1 take .6,.7 and node 2 goes managed. At 12h the first freed address
  // reclaims node 2 (node 3 takes .0, serves at 43320 s, node 2 gone at 43620 s). At 18h use1
  // grows by .8/29, taken from corp.
  json pools = json::array({{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"203.0.113.0/24"}}},
                            {{"id", "use1"},
                             {"parent", "corp"},
                             {"locale", "us-east-1"},
                             {"cidrs", {"203.0.113.0/29"}}}});
  json lb = {{"id", "a"},
             {"pool", "use1"},
             {"azs", {"az1", "az2", "az3"}},
             {"demand", {{"constant", 60}}},
             {"reclaim", "replace"}};
  json doc = base(pools, lb);
  doc["reservations"] =
      json::array({{{"pool", "use1"}, {"count", 6}, {"to", "12h"}, {"label", "NAT"}}});
  doc["events"] = json::array(
      {{{"at", "18h"}, {"type", "add_cidr"}, {"pool", "use1"}, {"cidr", "203.0.113.8/29"}}});
  doc["pricing"] = {
      {"ipam_tier", "advanced"}, {"byoip_price_per_address", 10}, {"byoip_amortize_months", 60}};
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.managed_address_hours == Approx(43620 / 3600.0));
  CHECK(a.addresses.pool_address_hours == Approx(60.0));
  CHECK(a.allowlist->breach_seconds == 43320.0);
  CHECK(a.allowlist->dns_changes == 2);
  CHECK(a.allowlist->in_allowlist_ratio.value() == Approx(215880.0 / 259200.0));
  CHECK(a.allowlist->client_failure_ratio == Approx(14440.0 / 86400.0));
  const auto& use1 = r.pools[1];
  CHECK(use1.capacity == 16);
  CHECK(use1.peak_in_use == 8);
  CHECK(use1.exhausted_seconds == 43200.0);
  CHECK(use1.in_use_address_hours == Approx(132.0));      // 60 node + 72 reservation
  CHECK(use1.reservation_address_hours == Approx(72.0));  // 6 addresses for 12 h
  CHECK(r.pools[0].reservation_address_hours == 0.0);
  CHECK(use1.utilization.value() == Approx(0.55));  // 475200 / (8 x 64800 + 16 x 21600)
  CHECK(r.pools[0].capacity == 240);
  CHECK(r.pools[0].min_free == 240);
  CHECK(r.cost.managed_ipv4 == Approx(43620 / 3600.0 * 0.005));
  CHECK(r.cost.ipam == Approx(132 * 0.00027));
  CHECK(r.cost.byoip_ownership == Approx(256 * 24 * 10.0 / 60 / 730));
  CHECK(r.cost.total == Approx(r.cost.managed_ipv4 + r.cost.ipam + r.cost.byoip_ownership));
  CHECK(r.cost.managed_only == Approx((60 + 43620 / 3600.0) * 0.005));
}

TEST_CASE("golden: a reservation holds what the pool has, from `from` to `to`") {
  // 10 addresses asked of a /29 from 6h to 18h: the 8 it has, for 12 h. The load balancer draws
  // from no pool.
  json pools = json::array({{{"id", "corp"}, {"source", "byoip"}, {"cidrs", {"203.0.113.0/24"}}},
                            {{"id", "p"}, {"parent", "corp"}, {"cidrs", {"203.0.113.0/29"}}}});
  json lb = {{"id", "a"}, {"azs", {"az1", "az2"}}, {"demand", {{"constant", 10}}}};
  json doc = base(pools, lb);
  doc["reservations"] =
      json::array({{{"pool", "p"}, {"count", 10}, {"from", "6h"}, {"to", "18h"}}});
  const Report r = test::run_checked(doc);
  CHECK(r.pools[1].reservation_address_hours == Approx(96.0));
  CHECK(r.pools[1].in_use_address_hours == Approx(96.0));
  CHECK(r.pools[1].exhausted_seconds == 43200.0);
  CHECK(r.pools[0].reservation_address_hours == 0.0);
}

TEST_CASE("golden: add_cidr reclaims managed nodes into the new space") {
  // 150 LCU: 2 nodes per AZ. The /30 serves nodes 0-3; az3's nodes 4,5 are managed. At 1h
  // .4/30 is added: 4 new addresses reclaim nodes 4,5 (new 6,7 serve at 3720 s, old gone 4020 s).
  json pools = json::array(
      {{{"id", "p"}, {"source", "byoip"}, {"cidrs", {"203.0.113.0/24"}}},
       {{"id", "c"}, {"parent", "p"}, {"locale", "us-east-1"}, {"cidrs", {"203.0.113.0/30"}}}});
  json lb = {{"id", "a"},
             {"pool", "c"},
             {"azs", {"az1", "az2", "az3"}},
             {"demand", {{"constant", 150}}},
             {"reclaim", "replace"}};
  json doc = base(pools, lb);
  doc["events"] = json::array(
      {{{"at", "1h"}, {"type", "add_cidr"}, {"pool", "c"}, {"cidr", "203.0.113.4/30"}}});
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.managed_address_hours == Approx(2 * 4020 / 3600.0));
  CHECK(a.addresses.pool_address_hours == Approx(96 + 2 * 82800 / 3600.0));
  CHECK(a.allowlist->breach_seconds == 3720.0);
  CHECK(a.allowlist->in_allowlist_ratio.value() == Approx(1.0 - 2 * 3720.0 / (6 * 86400.0)));
  CHECK(r.pools[1].capacity == 8);
  CHECK(r.pools[0].capacity == 248);
}

TEST_CASE("golden: a surge scales out at its start and in after the cooldown") {
  // 20 LCU, 2 AZs: 1 node each. x5 at 1h for 1h: 50 LCU per AZ, r = 2, one launch per AZ at
  // 3600 s. The surge ends at 7200 s (before that instant's evaluation): timer, drain at 8100 s,
  // gone at 8400 s.
  json lb = {{"id", "a"}, {"pool", "p"}, {"azs", {"az1", "az2"}}, {"demand", {{"constant", 20}}}};
  json doc = base(byoip24(), lb);
  doc["events"] =
      json::array({{{"at", "1h"}, {"type", "surge"}, {"multiplier", 5}, {"duration", "1h"}}});
  const Report r = test::run_checked(doc);
  const auto& a = r.load_balancers[0];
  CHECK(a.addresses.peak_total == 4);
  CHECK(a.addresses.pool_address_hours == Approx(48 + 2 * 4800 / 3600.0));
  CHECK(a.allowlist->dns_changes == 4);
}

TEST_CASE("golden: a capacity reservation is a floor spread over every AZ") {
  // 300 LCU reserved at 1h over 3 AZs: 100 LCU each, 4 nodes per AZ whatever the demand; 9
  // launches at 3600 s, all from the /24.
  json lb = {
      {"id", "a"}, {"pool", "p"}, {"azs", {"az1", "az2", "az3"}}, {"demand", {{"constant", 1}}}};
  json doc = base(byoip24(), lb);
  doc["events"] = json::array({{{"at", "1h"}, {"type", "capacity_reservation"}, {"lcu", 300}}});
  const Report r = test::run_checked(doc);
  CHECK(r.load_balancers[0].addresses.peak_total == 12);
  CHECK(r.load_balancers[0].addresses.pool_address_hours == Approx(3 * 24 + 9 * 23.0));
}

TEST_CASE("golden: a reservation's address that add_cidr moves into a child still ends with it") {
  // Pool top 203.0.113.0/24 with child a 203.0.113.0/27: top's lowest free address is .32. The
  // reservation takes it from 60 s to 360 s; at 120 s add_cidr moves 203.0.113.32/29 (and the
  // held .32 with it) into a, where the address returns at 360 s (docs/model.md). Top's
  // reservations held 1 address for 300 s: 300 / 3600 h, however the address moved; no load
  // balancer draws from either pool.
  json pools = json::array(
      {{{"id", "top"}, {"source", "byoip"}, {"locale", "us-east-1"}, {"cidrs", {"203.0.113.0/24"}}},
       {{"id", "a"}, {"parent", "top"}, {"locale", "us-east-1"}, {"cidrs", {"203.0.113.0/27"}}}});
  json lb = {{"id", "web"}, {"azs", {"a", "b"}}, {"demand", {{"constant", 0}}}};
  json s = base(pools, lb, "1h");
  s["reservations"] =
      json::array({{{"pool", "top"}, {"count", 1}, {"from", "60s"}, {"to", "360s"}}});
  s["events"] = json::array(
      {{{"at", "120s"}, {"type", "add_cidr"}, {"pool", "a"}, {"cidr", "203.0.113.32/29"}}});
  const Report r = test::run_checked(s);
  CHECK(r.pools[0].reservation_address_hours == Approx(300.0 / 3600.0));
  CHECK(r.pools[1].reservation_address_hours == 0.0);
}
