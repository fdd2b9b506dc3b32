#include <catch2/catch.hpp>

#include "ipam/address_pool.hpp"
#include "ipam/address_space.hpp"
#include "ipam/pool_forest.hpp"

using namespace albsim;

namespace {
Cidr cidr(const char* text) {
  return *parse_cidr(text).cidr;
}
std::uint32_t ip(const char* text) {
  return Ipv4::parse(text)->value;
}
}  // namespace

TEST_CASE("a pool hands out its lowest free address and takes addresses back") {
  AddressSpace space(1);
  space.provision(0, cidr("203.0.113.0/29"));
  CHECK(space.pool(0).capacity() == 8);
  for (int i = 0; i < 8; ++i)
    CHECK(*space.allocate(0) == ip("203.0.113.0") + static_cast<std::uint32_t>(i));
  CHECK_FALSE(space.allocate(0));
  CHECK(space.pool(0).free_count() == 0);
  CHECK(space.release(ip("203.0.113.5")) == 0);
  CHECK(space.release(ip("203.0.113.2")) == 0);
  CHECK(*space.allocate(0) == ip("203.0.113.2"));
  CHECK(*space.allocate(0) == ip("203.0.113.5"));
  CHECK(space.pool(0).in_use() == 8);
}

TEST_CASE("a /16 pool is held as free intervals and never scanned") {
  AddressSpace space(1);
  space.provision(0, cidr("100.64.0.0/16"));
  CHECK(space.pool(0).free_intervals() == 1);  // 65,536 free addresses, one interval
  for (int i = 0; i < 65536; ++i) REQUIRE(space.allocate(0));
  CHECK(space.pool(0).free_intervals() == 0);
  for (std::uint32_t a = ip("100.64.0.0"); a <= ip("100.64.255.255"); a += 2) space.release(a);
  CHECK(space.pool(0).free_count() == 32768);
  CHECK(space.pool(0).free_intervals() == 32768);  // every other address: as fragmented as it gets
  for (std::uint32_t a = ip("100.64.0.1"); a <= ip("100.64.255.255"); a += 2) space.release(a);
  CHECK(space.pool(0).free_intervals() == 1);  // releases coalesce back into one interval
  CHECK(*space.allocate(0) == ip("100.64.0.0"));
  CHECK(space.pool(0).free_intervals() == 1);  // the lowest address comes off the interval's front
}

TEST_CASE("a child CIDR leaves its parent's space, held addresses included") {
  AddressSpace space(2);
  space.provision(0, cidr("203.0.113.0/24"));
  const auto a = *space.allocate(0);  // .0, held by the parent's consumer
  CHECK(space.provision(1, cidr("203.0.113.0/30")) == std::optional<std::size_t>(0));
  CHECK(space.pool(0).capacity() == 252);
  CHECK(space.pool(0).in_use() == 0);
  CHECK(space.pool(1).capacity() == 4);
  CHECK(space.pool(1).in_use() == 1);  // .0 is now the child's, still held
  CHECK(*space.allocate(1) == ip("203.0.113.1"));
  CHECK(*space.allocate(0) == ip("203.0.113.4"));
  CHECK(space.release(a) == 1);  // returns to its owner now
  CHECK(space.owner_of(ip("203.0.113.200")) == 0);
}

TEST_CASE("pool forest: order, depth, cycles and depth limit") {
  const auto f = analyse_pool_forest({std::nullopt, 0, 1, std::nullopt});
  CHECK(f.fault == PoolForest::Fault::none);
  CHECK(f.depth == std::vector<int>{1, 2, 3, 1});
  const auto pos = [&](std::size_t p) {
    return std::find(f.top_down.begin(), f.top_down.end(), p) - f.top_down.begin();
  };
  CHECK(pos(0) < pos(1));
  CHECK(pos(1) < pos(2));

  const auto cycle = analyse_pool_forest({2, 0, 1});
  CHECK(cycle.fault == PoolForest::Fault::cycle);

  std::vector<std::optional<std::size_t>> chain{std::nullopt};
  for (std::size_t i = 1; i < 11; ++i) chain.push_back(i - 1);
  const auto deep = analyse_pool_forest(chain);
  CHECK(deep.fault == PoolForest::Fault::too_deep);
  CHECK(deep.fault_pool == 10);
  chain.pop_back();
  CHECK(analyse_pool_forest(chain).fault == PoolForest::Fault::none);
}
