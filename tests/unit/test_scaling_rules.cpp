#include <catch2/catch.hpp>

#include "alb/scaling_rules.hpp"
#include "alb/victims.hpp"

using namespace albsim;

TEST_CASE("requirement per AZ follows MODEL.md §4") {
  RequirementInput in{Lcu(60), 3, 3, Lcu(0), Lcu(25), 1, 20};
  CHECK(required_nodes(in) == 1);  // ceil(20 / 25)
  in.demand = Lcu(300);
  CHECK(required_nodes(in) == 4);  // ceil(100 / 25)
  in.healthy_azs = 2;
  CHECK(required_nodes(in) == 6);    // ceil(150 / 25)
  in.demand = Lcu(75.000000000001);  // within 1e-9 of 3 nodes' worth over one AZ
  in.healthy_azs = 1;
  CHECK(required_nodes(in) == 3);
  in.demand = Lcu(75.01);
  CHECK(required_nodes(in) == 4);
  in = {Lcu(0), 3, 3, Lcu(0), Lcu(25), 1, 20};
  CHECK(required_nodes(in) == 1);  // min_nodes_per_az
  in.demand = Lcu(1e9);
  CHECK(required_nodes(in) == 20);  // max_nodes_per_az
  in = {Lcu(1), 2, 3, Lcu(300), Lcu(25), 1, 20};
  CHECK(required_nodes(in) == 4);  // reserved 300 over all 3 AZs: 100 each
}

TEST_CASE("the low timer holds scale-in for the cooldown, at the highest requirement seen") {
  const SimTime cooldown = SimTime::from_seconds(900);
  LowTimer timer;
  auto at = [](int s) { return SimTime::from_seconds(s); };
  CHECK(evaluate_az(4, 2, at(60), cooldown, timer).launch == 2);
  CHECK_FALSE(timer.running);
  auto d = evaluate_az(1, 4, at(120), cooldown, timer);
  CHECK(d.drain == 0);
  CHECK(timer.running);
  CHECK(evaluate_az(2, 4, at(600), cooldown, timer).drain == 0);
  CHECK(timer.max_required == 2);
  d = evaluate_az(1, 4, at(1020), cooldown, timer);  // 900 s after 120
  CHECK(d.drain == 2);                               // down to the highest requirement, 2
  CHECK_FALSE(timer.running);
  evaluate_az(1, 2, at(1080), cooldown, timer);
  CHECK(timer.running);
  evaluate_az(2, 2, at(1140), cooldown, timer);  // r = c clears it
  CHECK_FALSE(timer.running);
  LowTimer instant;
  CHECK(evaluate_az(1, 3, at(60), SimTime(), instant).drain == 2);  // cooldown 0
}

TEST_CASE("victim policies") {
  NodeTable nodes;
  std::vector<std::uint32_t> az;  // the AZ's node slots
  auto add = [&](std::uint32_t id, bool managed, NodeState state, bool retiring = false) {
    Node n;
    n.id = id;
    n.managed = managed;
    n.state = state;
    n.retiring = retiring;
    az.push_back(nodes.create(n));
  };
  add(1, false, NodeState::in_service);
  add(2, true, NodeState::in_service);
  add(3, false, NodeState::in_service);
  add(4, true, NodeState::in_service, true);  // retiring: never a victim
  add(5, false, NodeState::launching);        // not in service: never a victim
  add(6, true, NodeState::in_service);
  auto ids = [&](const std::vector<std::uint32_t>& slots) {
    std::vector<std::uint32_t> out;
    for (auto s : slots) out.push_back(nodes[s].id);
    return out;
  };
  CHECK(ids(choose_victims(nodes, az, VictimPolicy::prefer_managed, 3)) ==
        std::vector<std::uint32_t>{6, 2, 3});
  CHECK(ids(choose_victims(nodes, az, VictimPolicy::newest, 2)) ==
        std::vector<std::uint32_t>{6, 3});
  CHECK(ids(choose_victims(nodes, az, VictimPolicy::oldest, 2)) ==
        std::vector<std::uint32_t>{1, 2});
  CHECK(choose_victims(nodes, az, VictimPolicy::oldest, 10).size() == 4);
  CHECK(node_count(nodes, az) == 5);  // 1,2,3,6 in service + 5 launching; 4 retiring
}
