// Hold model: a queue of N pending events; each operation pops the earliest and schedules one
// at a random later time. The classic priority-queue benchmark (Vaucher & Duval, 1975).
#include <benchmark/benchmark.h>

#include <random>

#include "engine/event_queue.hpp"

using namespace albsim;

namespace {

struct Payload {
  std::uint32_t a = 0, b = 0;
};

void BM_EventQueueHold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> delay(0, 600'000);
  EventQueue<Payload> queue;
  for (std::size_t i = 0; i < n; ++i)
    queue.push(SimTime::from_ms(delay(rng)), static_cast<EventClass>(1 + i % 6), {});
  for (auto _ : state) {
    const auto event = queue.pop();
    queue.push(event.time + SimTime::from_ms(delay(rng)), event.event_class(), event.payload);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_EventQueueHold)->RangeMultiplier(10)->Range(100, 1'000'000);
BENCHMARK_MAIN();
