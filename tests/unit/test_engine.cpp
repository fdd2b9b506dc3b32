#include <catch2/catch.hpp>
#include <string>
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
