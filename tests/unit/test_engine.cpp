#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "engine/engine.hpp"

using namespace albsim;

namespace {

// The kernel orders any one-byte enum of event classes; these use their own, not the model's.
enum class Stage : std::uint8_t { first = 1, second, third, fourth, fifth, sixth };

struct Outage {  // a class-4 event
  static constexpr Stage kClass = Stage::fourth;
  int id = 0;
};
struct Evaluation {  // a class-5 event
  static constexpr Stage kClass = Stage::fifth;
  int id = 0;
};
struct Release {  // a class-1 event
  static constexpr Stage kClass = Stage::first;
  int id = 0;
};
using TestEvent = std::variant<Outage, Evaluation, Release>;

SimTime ms(std::int64_t t) {
  return SimTime::from_ms(t);
}

// Records what the engine shows an observer.
struct Recorder final : SettledObserver {
  std::vector<std::string>* log;
  void on_settled(SimTime now) override { log->push_back("settled " + std::to_string(now.ms())); }
  void on_held_until(SimTime until) override {
    log->push_back("held until " + std::to_string(until.ms()));
  }
};

}  // namespace

TEST_CASE("engine: the wiring runs classes up to 4 at t = 0, then its own work, then the rest") {
  Engine<TestEvent, Stage> engine(ms(100));
  std::vector<std::string> log;
  Recorder recorder;
  recorder.log = &log;
  engine.observe(recorder);
  auto schedule = [&](SimTime at, const TestEvent& e) { engine.schedule(at, class_of(e), e); };
  schedule(ms(0), Evaluation{1});
  schedule(ms(0), Outage{2});
  schedule(ms(40), Evaluation{3});
  schedule(ms(40), Release{4});
  schedule(ms(100), Release{5});  // at the horizon: dropped
  const auto dispatch = [&](const TestEvent& e) {
    std::visit([&](const auto& x) { log.push_back("event " + std::to_string(x.id)); }, e);
    // A release scheduled for the current instant joins it, before the settle.
    if (std::holds_alternative<Evaluation>(e) && std::get<Evaluation>(e).id == 3)
      schedule(engine.now(), Release{6});
  };
  engine.dispatch_through(Stage::fourth, dispatch);
  engine.enter_class(Stage::fourth);
  log.push_back("start at " + std::to_string(engine.now().ms()) + " in class " +
                std::to_string(static_cast<int>(engine.current_class())));
  engine.run(dispatch);
  CHECK(log == std::vector<std::string>{"event 2", "start at 0 in class 4", "event 1", "settled 0",
                                        "held until 40", "event 4", "event 3", "event 6",
                                        "settled 40", "held until 100"});
}

TEST_CASE("engine: class_of reads the class a variant's event names") {
  CHECK(class_of(TestEvent{Outage{}}) == Stage::fourth);
  CHECK(class_of(TestEvent{Release{}}) == Stage::first);
}

namespace {

// A job of the ordering test below: what it schedules when it runs follows from its id alone.
struct Job {
  std::uint64_t id = 0;
  Stage stage = Stage::first;
  int depth = 0;
};

// The jobs that `job` schedules: none past depth `last_depth`, else up to three, each for this
// instant (one in two) or 1-3 ms later, of any class (below, equal to or above its own).
template <class Schedule>
void spawn(const Job& job, int last_depth, Schedule&& schedule) {
  if (job.depth >= last_depth) return;
  std::uint64_t h = (job.id + 1) * 0x9E3779B97F4A7C15ULL;
  const auto next = [&h] {
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::uint32_t>(h >> 33);
  };
  const std::uint32_t children = next() % 4;
  for (std::uint32_t j = 0; j < children; ++j) {
    const std::int64_t later = next() % 2 == 0 ? 0 : 1 + next() % 3;
    schedule(later, Job{job.id * 4 + j + 1, static_cast<Stage>(1 + next() % 6), job.depth + 1});
  }
}

Job root_job(std::uint64_t root) {
  return Job{root, static_cast<Stage>(1 + root % 6), 0};
}

}  // namespace

TEST_CASE("engine: jobs scheduled for the current instant below its class run in (class, order)") {
  // The definition of MODEL.md §2, events in order of (time, class, insertion), kept as a plain
  // ordered set, against the engine with its queue for this instant's lower classes.
  constexpr std::uint64_t kRoots = 40;
  constexpr int kLastDepth = 11;
  using Key = std::tuple<std::int64_t, int, std::uint64_t, std::uint64_t, int>;
  std::set<Key> reference;
  std::uint64_t sequence = 0;
  for (std::uint64_t root = 0; root < kRoots; ++root)
    reference.emplace(root % 3, static_cast<int>(root_job(root).stage), sequence++, root, 0);
  std::vector<std::uint64_t> expected;
  while (!reference.empty()) {
    const auto [at, stage, order, id, depth] = *reference.begin();
    reference.erase(reference.begin());
    expected.push_back(id);
    spawn(Job{id, static_cast<Stage>(stage), depth}, kLastDepth,
          [&, at = at](std::int64_t later, const Job& j) {
            if (at + later < 100)
              reference.emplace(at + later, static_cast<int>(j.stage), sequence++, j.id, j.depth);
          });
  }

  Engine<Job, Stage> engine(ms(100));
  for (std::uint64_t root = 0; root < kRoots; ++root)
    engine.schedule(ms(static_cast<std::int64_t>(root % 3)), root_job(root).stage, root_job(root));
  std::vector<std::uint64_t> dispatched;
  engine.run([&](const Job& job) {
    dispatched.push_back(job.id);
    spawn(job, kLastDepth, [&](std::int64_t later, const Job& j) {
      engine.schedule(ms(engine.now().ms() + later), j.stage, j);
    });
  });
  CHECK(expected.size() > 2000);
  CHECK(dispatched == expected);
}
