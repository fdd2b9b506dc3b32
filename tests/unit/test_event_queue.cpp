#include <algorithm>
#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

#include "engine/event_queue.hpp"

using namespace albsim;

namespace {
// The kernel orders any one-byte enum of event classes; these use their own, not the model's.
enum class Stage : std::uint8_t { first = 1, second, third, fourth, fifth, sixth };
}  // namespace

TEST_CASE("event queue yields (time, class, insertion) order") {
  EventQueue<int, Stage> q;
  q.push(SimTime::from_ms(10), Stage::fourth, 1);
  q.push(SimTime::from_ms(5), Stage::sixth, 2);
  q.push(SimTime::from_ms(10), Stage::first, 3);
  q.push(SimTime::from_ms(10), Stage::fourth, 4);
  q.push(SimTime::from_ms(10), Stage::second, 5);
  std::vector<int> order;
  while (!q.empty()) order.push_back(q.pop().payload);
  CHECK(order == std::vector<int>{2, 3, 5, 1, 4});
}

TEST_CASE("an event scheduled for the current instant joins it") {
  EventQueue<int, Stage> q;
  q.push(SimTime::from_ms(10), Stage::third, 1);
  q.push(SimTime::from_ms(10), Stage::fifth, 2);
  CHECK(q.pop().payload == 1);
  q.push(SimTime::from_ms(10), Stage::first,
         3);  // a release scheduled while processing class 3
  CHECK(q.pop().payload == 3);
  CHECK(q.pop().payload == 2);
}

TEST_CASE("event queue stays ordered under a hold-model workload") {
  // Each pop pushes an event at or after it (ties included), numbered in push order: a queue in
  // (time, insertion) order pops them in strictly increasing (time, number).
  EventQueue<std::uint64_t, Stage> q;
  std::uint64_t x = 12345, pushed = 0;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (int i = 0; i < 1000; ++i)
    q.push(SimTime::from_ms(static_cast<std::int64_t>(next() % 1000)), Stage::first, pushed++);
  SimTime last;
  std::uint64_t last_number = 0;
  for (int i = 0; i < 100000; ++i) {
    const auto e = q.pop();
    REQUIRE((e.time > last || (e.time == last && (i == 0 || e.payload > last_number))));
    last = e.time;
    last_number = e.payload;
    q.push(e.time + SimTime::from_ms(static_cast<std::int64_t>(next() % 50)), Stage::first,
           pushed++);
  }
  CHECK(q.size() == 1000);
}

TEST_CASE("discarding stale entries keeps the order of the entries that stay") {
  // 3,000 events at random times and classes, payload = insertion index; the odd ones go stale
  // at the midpoint, after 1,000 pops. The rest must pop in (time, class, insertion) order,
  // sorted here independently of the heap.
  struct Pushed {
    std::int64_t time;
    int event_class;
    int index;
  };
  EventQueue<int, Stage> q;
  std::vector<Pushed> pushed;
  std::uint64_t x = 99;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (int i = 0; i < 3000; ++i) {
    const auto time = static_cast<std::int64_t>(next() >> 54);  // many ties
    const int event_class = 1 + static_cast<int>(next() >> 61) % 6;
    q.push(SimTime::from_ms(time), static_cast<Stage>(event_class), i);
    pushed.push_back({time, event_class, i});
  }
  std::sort(pushed.begin(), pushed.end(), [](const Pushed& a, const Pushed& b) {
    return std::tie(a.time, a.event_class, a.index) < std::tie(b.time, b.event_class, b.index);
  });
  std::vector<int> expected, order;
  for (std::size_t i = 0; i < pushed.size(); ++i)
    if (i < 1000 || pushed[i].index % 2 == 0) expected.push_back(pushed[i].index);
  for (int i = 0; i < 1000; ++i) order.push_back(q.pop().payload);
  q.discard_if([](int index) { return index % 2 == 1; });
  CHECK(q.size() == expected.size() - 1000);
  while (!q.empty()) order.push_back(q.pop().payload);
  CHECK(order == expected);
}
