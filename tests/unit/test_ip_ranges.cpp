// CIDR merging, ip-ranges.json region filtering, and managed addresses drawn from AWS prefixes.
#include <catch2/catch.hpp>

#include "albsim/load_scenario.hpp"
#include "core/cidr_merge.hpp"
#include "io/ip_ranges.hpp"
#include "ipam/managed_addresses.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {
std::uint32_t ip(const char* text) {
  return Ipv4::parse(text)->value;
}
std::vector<std::string> strings(const std::vector<Cidr>& cidrs) {
  std::vector<std::string> out;
  for (const Cidr& c : cidrs) out.push_back(c.to_string());
  return out;
}
const std::string kRanges = "data/aws-ip-ranges/ip-ranges.json";
}  // namespace

TEST_CASE("the fewest CIDRs covering a set of addresses, checked by hand") {
  CHECK(strings(covering_cidrs({ip("10.0.0.1"), ip("10.0.0.0")})) ==
        std::vector<std::string>{"10.0.0.0/31"});
  CHECK(strings(covering_cidrs({ip("10.0.0.1"), ip("10.0.0.2")})) ==
        std::vector<std::string>{"10.0.0.1/32", "10.0.0.2/32"});
  std::vector<std::uint32_t> eight, inner;
  for (std::uint32_t i = 0; i < 8; ++i) eight.push_back(ip("10.0.0.0") + i);
  CHECK(strings(covering_cidrs(eight)) == std::vector<std::string>{"10.0.0.0/29"});
  for (std::uint32_t i = 1; i < 7; ++i) inner.push_back(ip("10.0.0.0") + i);  // .1 to .6
  CHECK(strings(covering_cidrs(inner)) ==
        std::vector<std::string>{"10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"});
  CHECK(strings(covering_cidrs({ip("10.0.0.5"), ip("10.0.0.5"), ip("192.168.0.0")})) ==
        std::vector<std::string>{"10.0.0.5/32", "192.168.0.0/32"});
  CHECK(covering_cidrs({}).empty());
  CHECK(merge_ranges({*parse_cidr("10.0.1.0/24").cidr, *parse_cidr("10.0.0.0/24").cidr,
                      *parse_cidr("10.0.0.128/25").cidr}) ==
        std::vector<AddressRange>{{ip("10.0.0.0"), ip("10.0.1.255")}});
}

TEST_CASE("ip-ranges.json: a region's prefixes of one service") {
  // Counted independently from the file: 293 EC2 prefixes in us-east-1, 43 in eu-north-1.
  const auto use1 = load_ip_ranges(test::source_path(kRanges), "us-east-1", "EC2");
  CHECK(use1.size() == 293);
  CHECK(std::is_sorted(use1.begin(), use1.end()));
  CHECK(load_ip_ranges(test::source_path(kRanges), "eu-north-1", "EC2").size() == 43);
  CHECK_THROWS_WITH(load_ip_ranges(test::source_path(kRanges), "mars-north-1", "EC2"),
                    Catch::Contains("has no EC2 prefix in mars-north-1"));
  CHECK_THROWS_WITH(load_ip_ranges("/nonexistent.json", "us-east-1", "EC2"),
                    Catch::Contains("cannot open"));
}

TEST_CASE("managed addresses from AWS prefixes: inside them, never repeated, reproducible") {
  const std::vector<Cidr> prefixes{*parse_cidr("3.80.0.0/30").cidr,
                                   *parse_cidr("54.204.0.0/31").cidr};
  ManagedAddresses a(prefixes, RandomStream(1, 0, "managed_addresses"));
  ManagedAddresses b(prefixes, RandomStream(1, 0, "managed_addresses"));
  std::vector<std::uint32_t> drawn;
  for (int i = 0; i < 6; ++i) {
    drawn.push_back(a.acquire());
    CHECK(drawn.back() == b.acquire());
  }
  std::sort(drawn.begin(), drawn.end());
  CHECK(strings(covering_cidrs(drawn)) == std::vector<std::string>{"3.80.0.0/30", "54.204.0.0/31"});
  CHECK(a.acquire() == ManagedAddresses::kSyntheticBase);  // all 6 used: synthetic from then on
  ManagedAddresses synthetic;
  CHECK(synthetic.acquire() == ManagedAddresses::kSyntheticBase);
  CHECK(synthetic.acquire() == ManagedAddresses::kSyntheticBase + 1);
}

TEST_CASE("a run with managed_ranges reports the AWS prefixes an allowlist would need") {
  Scenario s =
      load_scenario(test::source_path("scenarios/amazon-29-maintenance-storm.json"),
                    {{"/managed_ranges", R"({"ip_ranges_file": "../)" + kRanges + R"("})"}});
  const Report r = test::run_checked(s);
  const auto& lb = r.load_balancers[0];
  CHECK(lb.allowlist->distinct_outside_addresses == 4);
  CHECK(lb.outside_cidrs.size() == 4);  // random /32s: nothing to merge
  REQUIRE_FALSE(lb.outside_aws_prefixes.empty());
  for (const Cidr& c : lb.outside_cidrs)
    CHECK(std::any_of(lb.outside_aws_prefixes.begin(), lb.outside_aws_prefixes.end(),
                      [&](const Cidr& p) { return p.contains(c); }));
  const auto& all = s.managed_ranges->prefixes;
  for (const Cidr& p : lb.outside_aws_prefixes)
    CHECK(std::find(all.begin(), all.end(), p) != all.end());
  // Without it, the 4 synthetic addresses are consecutive: one /30.
  const Report plain = test::run_file("scenarios/amazon-29-maintenance-storm.json");
  CHECK(strings(plain.load_balancers[0].outside_cidrs) == std::vector<std::string>{"240.0.0.0/30"});
}
