// Hold model: a queue of N pending events; each operation pops the earliest and schedules one
// at a random later time. The classic priority-queue benchmark (Vaucher & Duval, 1975).
// Lazy cancellation: the engine with and without dropping stale events.
#include <benchmark/benchmark.h>

#include <random>
#include <variant>
#include <vector>

#include "engine/engine.hpp"
#include "engine/event_queue.hpp"

using namespace albsim;

namespace {

// The kernel orders any one-byte enum of event classes; these use their own, not the model's.
enum class Stage : std::uint8_t { first = 1, second, third, fourth, fifth, sixth };

struct Payload {
  std::uint32_t a = 0, b = 0;
};

void BM_EventQueueHold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> delay(0, 600'000);
  EventQueue<Payload, Stage> queue;
  for (std::size_t i = 0; i < n; ++i)
    queue.push(SimTime::from_ms(delay(rng)), static_cast<Stage>(1 + i % 6), {});
  for (auto _ : state) {
    const auto event = queue.pop();
    queue.push(event.time + SimTime::from_ms(delay(rng)), event.event_class(), event.payload);
  }
  state.SetItemsProcessed(state.iterations());
}

// A node's next event, valid while the node's version is still `version`.
struct NodeTick {
  static constexpr Stage kClass = Stage::sixth;
  std::uint32_t node = 0, version = 0;
};
using TickEvent = std::variant<NodeTick>;

// 1,000 nodes for 30 days, as a fleet's replacements go stale: each live tick moves its node on
// (older events of it go stale) and schedules the node's next tick within 10 minutes and a due
// event 7 days on, which is always stale by then. About 8.6 million live events; without
// dropping, some 2 million stale ones pend at once. range(0): 1 drops them (from 4,096 pending
// events, as albsim runs do), 0 keeps them until popped.
void BM_EngineLazyCancellation(benchmark::State& state) {
  constexpr std::uint32_t kNodes = 1000;
  const SimTime horizon = SimTime::from_ms(30LL * 86'400'000);
  const SimTime due = SimTime::from_ms(7LL * 86'400'000);
  std::int64_t live_events = 0;
  for (auto _ : state) {
    Engine<TickEvent, Stage> engine(horizon);
    std::vector<std::uint32_t> version(kNodes, 0);
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<std::int64_t> next(1, 600'000);
    auto stale = [&](const TickEvent& e) {
      const NodeTick& tick = std::get<NodeTick>(e);
      return version[tick.node] != tick.version;
    };
    if (state.range(0) != 0) engine.discard_stale(stale, 4096);
    for (std::uint32_t node = 0; node < kNodes; ++node)
      engine.schedule(SimTime::from_ms(next(rng)), NodeTick::kClass, NodeTick{node, 0});
    engine.run([&](const TickEvent& e) {
      if (stale(e)) return;
      ++live_events;
      const std::uint32_t node = std::get<NodeTick>(e).node;
      const std::uint32_t now_version = ++version[node];
      const SimTime now = engine.now();
      engine.schedule(now + SimTime::from_ms(next(rng)), NodeTick::kClass,
                      NodeTick{node, now_version});
      engine.schedule(now + due, NodeTick::kClass, NodeTick{node, now_version});
    });
  }
  state.counters["live_events"] =
      benchmark::Counter(static_cast<double>(live_events), benchmark::Counter::kAvgIterations);
  state.counters["time_per_live_event"] = benchmark::Counter(
      static_cast<double>(live_events), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(BM_EventQueueHold)->RangeMultiplier(10)->Range(100, 1'000'000);
BENCHMARK(BM_EngineLazyCancellation)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
