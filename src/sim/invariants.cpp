#include "sim/invariants.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "alb/victims.hpp"

namespace albsim {

void InvariantCheck::on_settled(SimTime now) {
  auto fail = [&](const std::string& what) {
    throw std::logic_error("invariant broken at t=" + std::to_string(now.ms()) + "ms: " + what);
  };
  const AddressSpace& space = broker_.space();
  std::vector<std::uint32_t> held;
  std::vector<std::uint64_t> held_per_pool(scenario_.pools.size(), 0);
  auto hold = [&](std::uint32_t address, bool managed) {
    held.push_back(address);
    if (!managed) ++held_per_pool[space.owner_of(address)];
  };
  for (const auto& addresses : broker_.reserved())
    for (const std::uint32_t a : addresses) hold(a, false);
  std::vector<std::uint64_t> exposed_per_lb(scenario_.load_balancers.size(), 0);
  const NodeTable& nodes = fleet_.nodes();
  for (std::uint32_t slot = 0; slot < nodes.slot_count(); ++slot) {
    if (!nodes.live(slot)) continue;
    const Node& n = nodes[slot];
    hold(n.address, n.managed);
    if (n.exposed) {
      if (n.state != NodeState::in_service || fleet_.azs(n.lb)[n.az].impaired > 0)
        fail("node " + std::to_string(n.id) + " is in DNS but not in service in a healthy AZ");
      ++exposed_per_lb[n.lb];
    }
  }
  std::sort(held.begin(), held.end());
  if (std::adjacent_find(held.begin(), held.end()) != held.end()) fail("an address is held twice");
  for (std::size_t pool = 0; pool < scenario_.pools.size(); ++pool) {
    const AddressPool& p = space.pool(pool);
    if (p.in_use() + p.free_count() != p.capacity() || held_per_pool[pool] != p.in_use())
      fail("pool " + scenario_.pools[pool].id + " in-use count disagrees with held addresses");
  }
  for (std::size_t lb = 0; lb < exposed_per_lb.size(); ++lb) {
    if (meter_.lb_state(lb).exposed_nodes != exposed_per_lb[lb])
      fail("load balancer " + scenario_.load_balancers[lb].id + " exposes an unheld address");
    for (const AzState& az : fleet_.azs(lb))
      if (az.counted != node_count(nodes, az.nodes))
        fail("load balancer " + scenario_.load_balancers[lb].id + " miscounts an AZ's nodes");
  }
}

}  // namespace albsim
