// RandomEvents: the Poisson processes of `random_events` (MODEL.md §5). Each process draws its
// inter-arrival gaps, AZs and durations from its own stream ("random_events/<index>") and hands
// every occurrence, a concrete surge or AZ outage, to its OccurrenceListener at its start and end.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "albsim/scenario.hpp"
#include "core/event_class.hpp"
#include "core/random_stream.hpp"
#include "engine/scheduler.hpp"

namespace albsim {

struct RandomArrival {
  static constexpr EventClass kClass = EventClass::scenario_event;
  std::uint32_t process = 0;
};
struct RandomOccurrenceEnd {
  static constexpr EventClass kClass = EventClass::scenario_event;
  std::uint32_t occurrence = 0;  // slot in the occurrences in force
};
using RandomEvent = std::variant<RandomArrival, RandomOccurrenceEnd>;

// Hears of every occurrence as it starts and ends.
class OccurrenceListener {
 public:
  virtual void occurrence_started(const EventSpec& occurrence) = 0;
  virtual void occurrence_ended(const EventSpec& occurrence) = 0;

 protected:
  ~OccurrenceListener() = default;
};

class RandomEvents {
 public:
  RandomEvents(const Scenario& scenario, std::uint64_t replication,
               Scheduler<RandomEvent>& scheduler, OccurrenceListener& listener);

  // Schedules the first arrival of every process.
  void start();
  void handle(const RandomEvent& event);

 private:
  struct Process {
    RandomStream draws;
    std::vector<std::string> azs;  // the AZs an occurrence without `az` picks from
  };

  void arrive(std::size_t process);
  void schedule_next_arrival(std::size_t process);

  const Scenario& scenario_;
  Scheduler<RandomEvent>& scheduler_;
  OccurrenceListener& listener_;
  std::vector<Process> processes_;
  std::vector<EventSpec> occurrences_;  // in force, slots reused
  std::vector<std::uint32_t> free_occurrences_;
};

}  // namespace albsim
